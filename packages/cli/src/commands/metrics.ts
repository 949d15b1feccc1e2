import { choiceFlag, type FlagSpecs, numberFlag, parseFlags, renderHelp, urlFlag } from '../args';
import { parseExposition } from '../exposition';
import { getText } from '../http-get';
import type { CommandIo } from './io';

/** Flags of `otelkit metrics`. */
export const METRICS_FLAGS: FlagSpecs = {
  url: { type: 'string', value: 'URL', help: 'metrics endpoint', default: 'http://localhost:9464/metrics' },
  format: {
    type: 'string',
    value: 'FORMAT',
    help: 'prometheus (the text as served) or json (parsed families)',
    default: 'prometheus',
  },
  timeout: { type: 'string', value: 'MS', help: 'give up after this many milliseconds', default: '5000' },
};

/** `otelkit metrics`: prints a Prometheus endpoint as text or JSON. Exit 1 on an HTTP error, 2 if unreachable. */
export async function metricsCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const values = parseFlags('metrics', argv, METRICS_FLAGS);
  if (values.help) {
    io.out(
      renderHelp(
        'otelkit metrics [--url URL] [--format prometheus|json]',
        'Fetches a Prometheus metrics endpoint and prints it as text, or as JSON: [{ name, type, help, samples: [{ name, labels, value }] }].',
        METRICS_FLAGS,
      ),
    );
    return 0;
  }
  const url = urlFlag(values, 'url', 'http://localhost:9464/metrics')!;
  const format = choiceFlag(values, 'format', ['prometheus', 'json'] as const, 'prometheus');
  const timeout = numberFlag(values, 'timeout', 5000, 1, 600_000);
  let response: Awaited<ReturnType<typeof getText>>;
  try {
    response = await getText(url, 'text/plain;version=0.0.4;q=1, */*;q=0.1', timeout);
  } catch (error) {
    io.err(`unreachable: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  if (response.status < 200 || response.status >= 300) {
    io.err(`${url} answered HTTP ${response.status}: ${response.body.slice(0, 200).split('\n')[0]}`);
    return 1;
  }
  if (format === 'prometheus') io.out(response.body.replace(/\n$/, ''));
  else io.out(JSON.stringify(parseExposition(response.body), undefined, 2));
  return 0;
}
