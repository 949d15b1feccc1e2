/** One timed GET of `/metrics`. */
export interface Scrape {
  readonly status: number;
  readonly ms: number;
  readonly text: string;
}

/** Requests made by {@link timedGet} (each is a server span in the app under test). */
export const requestCount = { value: 0 };

/** GETs `url`, timing it; rejects after `timeoutMs`. */
export async function timedGet(
  url: string,
  timeoutMs = 5_000,
  headers: Record<string, string> = {},
): Promise<Scrape> {
  requestCount.value++;
  const started = performance.now();
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  return { status: res.status, ms: performance.now() - started, text };
}

/** Sum of the samples of `metric` whose labels contain every `key="value"` of `labels`. */
export function sumOf(text: string, metric: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${metric}{`) && !line.startsWith(`${metric} `)) continue;
    const open = line.indexOf('{');
    const close = line.lastIndexOf('}');
    const labelText = open >= 0 && close > open ? line.slice(open + 1, close) : '';
    if (!Object.entries(labels).every(([k, v]) => labelText.includes(`${k}="${v}"`))) continue;
    const value = Number(
      line
        .slice((close > 0 ? close : metric.length) + 1)
        .trim()
        .split(' ')[0],
    );
    if (Number.isFinite(value)) sum += value;
  }
  return sum;
}

/** Whether `metric` has any sample in the exposition. */
export function hasMetric(text: string, metric: string): boolean {
  return text.split('\n').some((l) => l.startsWith(`${metric}{`) || l.startsWith(`${metric} `));
}
