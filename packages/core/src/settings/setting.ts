import type { Preset, PresetName } from '../config/presets';
import type { Env } from './env';

/** Where a resolved setting came from: an option given in code (or the config module), a variable, the preset, the default. */
export type SettingSource = 'default' | 'preset' | 'environment' | 'option';

/** Where one value came from, and which option or variable (or preset) gave it. */
export interface Provenance {
  readonly source: SettingSource;
  readonly name: string;
}

/** What a default (or a reader of several variables) may depend on. */
export interface SettingContext {
  readonly env: Env;
  /** The `OTELKIT_PRESET` in force. */
  readonly preset: PresetName | undefined;
  /** The values of the section's settings resolved before this one. */
  readonly values: Readonly<Record<string, unknown>>;
  /** Where each of those values came from. */
  readonly sources: Readonly<Record<string, Provenance>>;
  /** Records a start-up warning (logged once diag is set up). */
  warn(message: string): void;
}

/** How a setting is shown by `otelkit check-config` and the debug summary. */
export type SecretKind =
  /** the value is a secret: never shown */
  | 'value'
  /** a URL whose user-info is hidden */
  | 'userinfo'
  /** `key=value` headers whose values are hidden */
  | 'headers'
  /** server credentials: the type and user name shown, the password or token hidden */
  | 'credentials';

/**
 * One setting, declared once: where it is read from (option path, environment variables in precedence
 * order), how it is parsed and validated, its default (per preset where a preset applies), whether it
 * reloads live, its documentation line and the package that owns it.
 */
export interface Setting<T> {
  /** Dotted path in the section's options object (`port`, `otlp.endpoint`); `undefined` for env-only settings. */
  readonly option: string | undefined;
  /** The variables, in precedence order (the signal-specific OTLP variable before the generic one). */
  readonly env: readonly string[];
  /** Parses a variable's text; `name` is the variable. Throws `OTELKIT_ERR_INVALID_CONFIG`. */
  parse(name: string, raw: string): T;
  /** Validates an option given in code; `name` is `options.<path>`. Throws `OTELKIT_ERR_INVALID_CONFIG`. */
  check(name: string, value: unknown): T;
  /** The default, when neither an option nor a variable (nor the preset) sets it. */
  fallback(context: SettingContext): T;
  /** The preset entry that replaces the default while a preset is in force. */
  readonly preset?: keyof Preset;
  /**
   * For a setting an option extends rather than replaces (resource attributes): combines the option
   * with the value from the environment (`undefined` when unset).
   */
  merge?(fromOption: T, fromEnv: T | undefined): T;
  /** Reads the environment itself, for a setting made of several variables (auth, TLS). */
  read?(context: SettingContext): { readonly name: string; readonly value: T } | undefined;
  /** One documentation line (the README tables, `check-config`). */
  readonly doc: string;
  /** The default as documented. */
  readonly defaultDoc: string;
  /** Whether `OTELKIT_CONFIG_FILE` can change it at run time. */
  readonly reload: boolean;
  /** The package whose section declares it. */
  readonly owner: string;
  /** How it is hidden when shown; `undefined` when it is no secret. */
  readonly secret?: SecretKind;
}

/** A package's settings: provenance key (the resolved field name) to declaration, in resolution order. */
export type SettingsSection = Readonly<Record<string, Setting<unknown>>>;

/** The typed values of a section. */
export type SectionValues<S extends SettingsSection> = {
  readonly [K in keyof S]: S[K] extends Setting<infer T> ? T : never;
};
