import {
  checkInteger,
  type IntegerBounds,
  invalid,
  parseBoolean,
  parseEnum,
  parseEnumList,
  parseHost,
  parseInteger,
} from '../config/parse';

/** How a type of setting is parsed from a variable and checked as an option. */
export interface SettingKind<T> {
  parse(name: string, raw: string): T;
  check(name: string, value: unknown): T;
}

/** An integer within bounds. */
export function integer(bounds: IntegerBounds): SettingKind<number> {
  return {
    parse: (name, raw) => parseInteger(name, raw, bounds),
    check: (name, value) => checkInteger(name, value, bounds),
  };
}

/** `true` / `false`. */
export const boolean: SettingKind<boolean> = {
  parse: parseBoolean,
  check: (name, value) => {
    if (typeof value !== 'boolean') invalid(name, value, 'true or false');
    return value;
  },
};

/** One of a fixed set of words (case-insensitive). */
export function oneOf<T extends string>(allowed: readonly T[]): SettingKind<T> {
  return {
    parse: (name, raw) => parseEnum(name, raw, allowed),
    check: (name, value) => parseEnum(name, String(value), allowed),
  };
}

/** A comma list of allowed words, without duplicates; `none` only alone. */
export function listOf<T extends string>(allowed: readonly T[]): SettingKind<readonly T[]> {
  const parse = (name: string, raw: string): readonly T[] => {
    const values = parseEnumList(name, raw, allowed);
    if (values.includes('none' as T) && values.length > 1) {
      invalid(name, raw, '"none" alone, or a list without "none"');
    }
    return values;
  };
  return {
    parse,
    check: (name, value) => parse(name, Array.isArray(value) ? value.join(',') : String(value)),
  };
}

/** A non-empty string (trimmed when read from a variable). */
export const text: SettingKind<string> = {
  parse: (name, raw) => nonEmpty(name, raw.trim()),
  check: nonEmpty,
};

function nonEmpty(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') invalid(name, value, 'a non-empty string');
  return value;
}

/** A host name or IP literal to bind. */
export const host: SettingKind<string> = {
  parse: parseHost,
  check: (name, value) => parseHost(name, nonEmpty(name, value)),
};

/** A duration in milliseconds, as a timer takes it (1 ms to about 24.8 days). */
export const MAX_TIMER_MS = 2_147_483_647;

/** Bounds of a positive timer duration. */
export const POSITIVE_MS: IntegerBounds = { min: 1, max: MAX_TIMER_MS };
