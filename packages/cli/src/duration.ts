import { UsageError } from './usage-error';

const UNITS: Readonly<Record<string, number>> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86_400,
  w: 604_800,
  y: 31_536_000,
};
const DURATION = /^(?:\d+(?:ms|s|m|h|d|w|y))+$/;
const PART = /(\d+)(ms|s|m|h|d|w|y)/g;

/**
 * Parses a Prometheus duration (`30s`, `5m`, `1h30m`, `500ms`) to seconds.
 * @throws UsageError naming `flag` when `text` is not one.
 */
export function parseDuration(flag: string, text: string): number {
  if (!DURATION.test(text)) {
    throw new UsageError(
      `${flag}=${JSON.stringify(text)} is invalid: expected a duration like 30s, 5m or 1h`,
    );
  }
  let seconds = 0;
  for (const match of text.matchAll(PART)) seconds += Number(match[1]) * (UNITS[match[2]!] ?? 0);
  return seconds;
}

/** Formats seconds as a Prometheus duration (`90` -> `1m30s`, `0` -> `0s`, `0.5` -> `500ms`). */
export function formatDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  let ms = Math.round(seconds * 1000);
  let out = '';
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
    ['ms', 1],
  ] as const) {
    const n = Math.floor(ms / size);
    if (n > 0) {
      out += `${n}${unit}`;
      ms -= n * size;
    }
  }
  return out;
}

/** Formats seconds for people: `3600` -> `1h`, `0.25` -> `250ms`. Same as {@link formatDuration}. */
export const humanDuration = formatDuration;
