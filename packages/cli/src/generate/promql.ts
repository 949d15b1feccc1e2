import { formatDuration } from '../duration';

/** A selector `name{job="<job>",<extra>}`. */
export function selector(job: string, name: string, extra = ''): string {
  return `${name}{job="${escapeLabelValue(job)}"${extra === '' ? '' : `,${extra}`}}`;
}

/** Escapes a label value for a double-quoted PromQL/selector string. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** A percentage for people: `0.05` -> `5%`. */
export function percent(value: number): string {
  return `${Number((value * 100).toPrecision(4))}%`;
}

/** Seconds for people: `0.2` -> `200ms`, `3600` -> `1h`. */
export function seconds(value: number): string {
  return formatDuration(value);
}

/** A number as PromQL writes it (no exponent surprises for typical thresholds). */
export function num(value: number): string {
  return String(value);
}
