import type { HealthReport } from './report';

/**
 * The Kubernetes-style `?verbose` listing: one line per check (`[+]name ok`, `[+]name warn: …`,
 * `[-]name failed: …`) and a last line `<probe> check passed|failed`. With `messages` false, the
 * lines carry no check message (`[-]name failed`).
 */
export function toVerboseText(report: HealthReport, messages = true): string {
  const lines: string[] = [];
  for (const check of report.checks) {
    const detail = check.output === undefined || !messages ? '' : `: ${check.output}`;
    if (check.status === 'pass') lines.push(`[+]${check.name} ok`);
    else if (check.status === 'warn') lines.push(`[+]${check.name} warn${detail}`);
    else lines.push(`[-]${check.name} failed${detail}${check.critical ? '' : ' (non-critical)'}`);
  }
  const probe = report.probe === 'detailed' ? 'health' : report.probe;
  lines.push(`${probe} check ${report.status === 'fail' ? 'failed' : 'passed'}`);
  return `${lines.join('\n')}\n`;
}
