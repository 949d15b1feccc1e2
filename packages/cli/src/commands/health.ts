import { type FlagSpecs, numberFlag, parseFlags, renderHelp, urlFlag } from '../args';
import { getText } from '../http-get';
import type { CommandIo } from './io';

/** Flags of `otelkit health`. */
export const HEALTH_FLAGS: FlagSpecs = {
  url: { type: 'string', value: 'URL', help: 'health endpoint', default: 'http://localhost:9464/healthz' },
  json: { type: 'boolean', help: 'print the result as JSON (status, HTTP status, duration, body)' },
  timeout: { type: 'string', value: 'MS', help: 'give up after this many milliseconds', default: '5000' },
};

/** Health as the CLI judges it. */
export type HealthVerdict = 'pass' | 'warn' | 'fail';

const PASS = new Set(['pass', 'ok', 'up', 'healthy', 'serving']);
const WARN = new Set(['warn', 'warning', 'degraded']);

/** The verdict from a health document's `status` (health+json), else from the HTTP status code. */
export function healthVerdict(httpStatus: number, body: unknown): HealthVerdict {
  const status =
    typeof body === 'object' && body !== null ? (body as { status?: unknown }).status : undefined;
  if (typeof status === 'string') {
    const s = status.toLowerCase();
    if (PASS.has(s)) return httpStatus >= 500 ? 'fail' : 'pass';
    if (WARN.has(s)) return 'warn';
    return 'fail';
  }
  return httpStatus >= 200 && httpStatus < 300 ? 'pass' : 'fail';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `name  status  output` lines for the `checks` of a health+json document (either shape). */
export function checkLines(body: unknown): string[] {
  const checks =
    typeof body === 'object' && body !== null ? (body as { checks?: unknown }).checks : undefined;
  if (typeof checks !== 'object' || checks === null) return [];
  const lines: string[] = [];
  for (const [name, value] of Object.entries(checks)) {
    for (const entry of Array.isArray(value) ? value : [value]) {
      const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
      const status = typeof e.status === 'string' ? e.status : '?';
      const detail = [e.output, e.message, e.error].find((x) => typeof x === 'string' && x !== '') as
        | string
        | undefined;
      lines.push(`  ${status.padEnd(5)} ${name}${detail ? `: ${detail}` : ''}`);
    }
  }
  return lines;
}

/** `otelkit health`: exit 0 for pass/warn, 1 for fail, 2 if the endpoint is unreachable. */
export async function healthCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const values = parseFlags('health', argv, HEALTH_FLAGS);
  if (values.help) {
    io.out(
      renderHelp(
        'otelkit health [--url URL] [--json]',
        'Queries a health endpoint (application/health+json). Exit status: 0 pass or warn, 1 fail, 2 unreachable.',
        HEALTH_FLAGS,
      ),
    );
    return 0;
  }
  const url = urlFlag(values, 'url', 'http://localhost:9464/healthz')!;
  const timeout = numberFlag(values, 'timeout', 5000, 1, 600_000);
  let response: Awaited<ReturnType<typeof getText>>;
  try {
    response = await getText(url, 'application/health+json, application/json;q=0.9, */*;q=0.1', timeout);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (values.json) io.out(JSON.stringify({ url, status: 'unreachable', error: reason }, undefined, 2));
    else io.err(`unreachable: ${reason}`);
    return 2;
  }
  const body = parseJson(response.body);
  const verdict = healthVerdict(response.status, body);
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          url,
          status: verdict,
          httpStatus: response.status,
          durationMs: response.durationMs,
          body: body ?? response.body,
        },
        undefined,
        2,
      ),
    );
  } else {
    io.out(`${verdict} ${url} (HTTP ${response.status}, ${response.durationMs} ms)`);
    for (const line of checkLines(body)) io.out(line);
  }
  return verdict === 'fail' ? 1 : 0;
}
