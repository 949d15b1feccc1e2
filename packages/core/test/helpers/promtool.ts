import { spawnSync } from 'node:child_process';

/** Runs the real `promtool check metrics` on exposition text; returns what it reported (empty when clean). */
export function promtoolCheckMetrics(text: string): string {
  const result = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  if (result.error) throw result.error;
  return `${result.stdout}${result.stderr}`.trim();
}
