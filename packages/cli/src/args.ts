import { parseArgs } from 'node:util';
import { parseDuration } from './duration';
import { UsageError } from './usage-error';

/** A flag of a command: its parseArgs type, default, value name and help line. */
export interface FlagSpec {
  readonly type: 'string' | 'boolean';
  readonly help: string;
  /** Placeholder shown in help, e.g. `DIR`. */
  readonly value?: string;
  /** Default shown in help (applied by the command, not by parseArgs). */
  readonly default?: string;
  readonly short?: string;
  /** Repeatable: every occurrence is kept, in order (read with {@link listFlag}). */
  readonly multiple?: boolean;
}

/** The flags of one command, by long name. */
export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

/** Parsed flag values: strings for value flags, booleans for switches, arrays for repeatable flags. */
export type FlagValues = Readonly<Record<string, string | boolean | readonly string[] | undefined>>;

/**
 * Parses `argv` strictly: unknown flags, missing values and stray positionals are {@link UsageError}s
 * with one clear line.
 */
export function parseFlags(command: string, argv: readonly string[], specs: FlagSpecs): FlagValues {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const [name, spec] of Object.entries(specs)) {
    options[name] = {
      type: spec.type,
      ...(spec.short === undefined ? {} : { short: spec.short }),
      ...(spec.multiple ? { multiple: true } : {}),
    };
  }
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options,
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 0) {
      throw new UsageError(`${command}: unexpected argument ${JSON.stringify(positionals[0])}`);
    }
    for (const [name, raw] of Object.entries(values)) {
      for (const value of Array.isArray(raw) ? raw : [raw]) {
        if (typeof value === 'string' && value.startsWith('--')) {
          throw new UsageError(`${command}: option --${name} needs a value, got ${JSON.stringify(value)}`);
        }
      }
    }
    return values as FlagValues;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${command}: ${oneLine(error)}`);
  }
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? message).replace(/\. To specify a positional argument.*$/, '');
}

/** The string value of `--name`, or `fallback`. */
export function stringFlag(values: FlagValues, name: string, fallback: string): string;
export function stringFlag(values: FlagValues, name: string): string | undefined;
export function stringFlag(values: FlagValues, name: string, fallback?: string): string | undefined {
  const value = values[name];
  if (typeof value !== 'string') return fallback;
  if (value.trim() === '') throw new UsageError(`--${name} must not be empty`);
  return value;
}

/** Every value of a repeatable flag, in order (none: `[]`); an empty value is a {@link UsageError}. */
export function listFlag(values: FlagValues, name: string): string[] {
  const value = values[name];
  const all = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  for (const v of all) if (v.trim() === '') throw new UsageError(`--${name} must not be empty`);
  return [...all];
}

/**
 * A comma-separated list flag (`a,b,c`): the trimmed items, or `fallback` when absent; an empty item
 * or a repeated one is a {@link UsageError}.
 */
export function commaListFlag(values: FlagValues, name: string, fallback: readonly string[]): string[] {
  const raw = stringFlag(values, name);
  if (raw === undefined) return [...fallback];
  const items = raw.split(',').map((s) => s.trim());
  if (items.some((s) => s === ''))
    throw new UsageError(`--${name}=${JSON.stringify(raw)} is invalid: expected a comma-separated list`);
  const repeated = items.find((s, i) => items.indexOf(s) !== i);
  if (repeated !== undefined)
    throw new UsageError(`--${name}=${JSON.stringify(raw)} is invalid: ${repeated} is listed twice`);
  return items;
}

/** A number flag within `[min, max]`. */
export function numberFlag(
  values: FlagValues,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = stringFlag(values, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw.trim()) || !Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(
      `--${name}=${JSON.stringify(raw)} is invalid: expected a number from ${min} to ${max}`,
    );
  }
  return value;
}

/** A Prometheus-duration flag, returned as written after validation (e.g. `5m`). */
export function durationFlag(values: FlagValues, name: string, fallback: string, allowZero = false): string {
  const raw = stringFlag(values, name, fallback);
  const seconds = parseDuration(`--${name}`, raw);
  if (seconds === 0 && !allowZero)
    throw new UsageError(`--${name}=${JSON.stringify(raw)} is invalid: must be above 0`);
  return raw;
}

/** A `HOST:PORT` flag. */
export function hostPortFlag(values: FlagValues, name: string, fallback: string): string {
  const raw = stringFlag(values, name, fallback);
  const match = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._-]+):(\d{1,5})$/.exec(raw);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 65_535) {
    throw new UsageError(
      `--${name}=${JSON.stringify(raw)} is invalid: expected HOST:PORT, e.g. localhost:9464`,
    );
  }
  return raw;
}

/** An absolute http(s) URL flag. */
export function urlFlag(values: FlagValues, name: string, fallback?: string): string | undefined {
  const raw = fallback === undefined ? stringFlag(values, name) : stringFlag(values, name, fallback);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--${name}=${JSON.stringify(raw)} is invalid: expected an http:// or https:// URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--${name}=${JSON.stringify(raw)} is invalid: expected an http:// or https:// URL`);
  }
  return raw;
}

/** A flag whose value is one of `allowed`. */
export function choiceFlag<T extends string>(
  values: FlagValues,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const raw = stringFlag(values, name, fallback);
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new UsageError(
      `--${name}=${JSON.stringify(raw)} is invalid: expected one of ${allowed.join(', ')}`,
    );
  }
  return raw as T;
}

/** Renders the help text of a command. */
export function renderHelp(usage: string, summary: string, specs: FlagSpecs): string {
  const rows = Object.entries(specs).map(([name, spec]) => {
    const left = `  ${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`;
    const right = spec.default === undefined ? spec.help : `${spec.help} (default: ${spec.default})`;
    return [left, right] as const;
  });
  rows.push(['  -h, --help', 'show this help']);
  const width = Math.max(...rows.map(([l]) => l.length)) + 2;
  return [
    `Usage: ${usage}`,
    '',
    summary,
    '',
    'Options:',
    ...rows.map(([l, r]) => l.padEnd(width) + r),
    '',
  ].join('\n');
}
