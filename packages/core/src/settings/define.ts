import type { Preset } from '../config/presets';
import type { SettingKind } from './kinds';
import type { SecretKind, Setting, SettingContext } from './setting';

/** The declaration of a setting, before the omitted fields take their defaults. */
export interface SettingSpec<T> {
  /** Dotted option path; omitted for env-only settings. */
  readonly option?: string;
  /** Variables in precedence order; default none (option only). */
  readonly env?: readonly string[];
  readonly kind: SettingKind<T>;
  /** The default value, or a function of the context (values resolved before, environment). */
  readonly default: T | ((context: SettingContext) => T);
  readonly preset?: keyof Preset;
  merge?(fromOption: T, fromEnv: T | undefined): T;
  read?(context: SettingContext): { readonly name: string; readonly value: T } | undefined;
  readonly doc: string;
  /** The default as documented; derived from `default` when it is a plain value. */
  readonly defaultDoc?: string;
  readonly reload?: boolean;
  readonly owner: string;
  readonly secret?: SecretKind;
}

/** Shows a plain default for the docs: `9464`, `otel`, `prometheus,otlp`; `—` for none. */
export function docValue(value: unknown): string {
  if (value === undefined) return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : `\`${value.join(',')}\``;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length === 0 ? '—' : '…';
  return `\`${String(value)}\``;
}

/**
 * Declares one setting.
 * @example
 * const port = defineSetting({ option: 'port', env: ['OTELKIT_PORT'], kind: integer(PORT), default: 9464, doc: 'observability server port', owner: '@otelkit/core' });
 */
export function defineSetting<T>(spec: SettingSpec<T>): Setting<T> {
  const fallback = spec.default;
  const setting: Setting<T> = {
    option: spec.option,
    env: spec.env ?? [],
    parse: (name, raw) => spec.kind.parse(name, raw),
    check: (name, value) => spec.kind.check(name, value),
    fallback:
      typeof fallback === 'function' ? (fallback as (context: SettingContext) => T) : () => fallback as T,
    preset: spec.preset,
    doc: spec.doc,
    defaultDoc: spec.defaultDoc ?? (typeof fallback === 'function' ? '—' : docValue(fallback)),
    reload: spec.reload ?? false,
    owner: spec.owner,
    secret: spec.secret,
  };
  const { read, merge } = spec;
  return {
    ...setting,
    ...(read === undefined ? {} : { read: (context: SettingContext) => read(context) }),
    ...(merge === undefined ? {} : { merge: (a: T, b: T | undefined) => merge(a, b) }),
  };
}

const EMPTY_CONTEXT: SettingContext = {
  env: {},
  preset: undefined,
  values: {},
  sources: {},
  warn: () => {},
};

/** A setting's default with nothing set (for `DEFAULTS`-style constants derived from the schema). */
export function defaultOf<T>(setting: Setting<T>): T {
  return setting.fallback(EMPTY_CONTEXT);
}
