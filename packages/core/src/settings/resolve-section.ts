import { PRESETS, type PresetName } from '../config/presets';
import { type Env, envValue } from './env';
import type { Provenance, SectionValues, Setting, SettingContext, SettingsSection } from './setting';

/** What {@link resolveSection} reads. */
export interface SectionInput {
  /** The section's options object (option paths are read from it). */
  readonly options: object;
  readonly env: Env;
  readonly preset?: PresetName | undefined;
  /** How an option is named in errors and provenance; default `options.<path>`. */
  readonly optionName?: (path: string) => string;
  /** Receives start-up warnings; default: dropped. */
  readonly warnings?: string[];
}

/** A resolved section: typed values and where each came from. */
export interface ResolvedSection<S extends SettingsSection> {
  readonly values: SectionValues<S>;
  readonly sources: Readonly<Record<string, Provenance>>;
}

/** The value at a dotted path of an options object (`otlp.endpoint`). */
export function optionAt(options: object, path: string): unknown {
  let node: unknown = options;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/**
 * The one resolver, used by every section: for each setting in order, the option (code or config
 * module), else the first set variable, else the preset's default, else the default; each value is
 * validated by its declaration and its provenance recorded.
 * @throws OtelkitError `OTELKIT_ERR_INVALID_CONFIG` naming the option or variable and the value.
 */
export function resolveSection<S extends SettingsSection>(
  section: S,
  input: SectionInput,
): ResolvedSection<S> {
  const values: Record<string, unknown> = {};
  const sources: Record<string, Provenance> = {};
  const context: SettingContext = {
    env: input.env,
    preset: input.preset,
    values,
    sources,
    warn: (message) => input.warnings?.push(message),
  };
  for (const [key, setting] of Object.entries(section)) {
    const path = setting.option;
    const option = path === undefined ? undefined : optionAt(input.options, path);
    if (path !== undefined && option !== undefined) {
      const name = input.optionName?.(path) ?? `options.${path}`;
      sources[key] = { source: 'option', name };
      const value = setting.check(name, option);
      values[key] = setting.merge === undefined ? value : setting.merge(value, fromEnv(setting, input.env));
      continue;
    }
    const read = setting.read === undefined ? firstSet(setting, input.env) : setting.read(context);
    if (read !== undefined) {
      sources[key] = { source: 'environment', name: read.name };
      values[key] = read.value;
      continue;
    }
    if (setting.preset !== undefined && input.preset !== undefined) {
      sources[key] = { source: 'preset', name: `OTELKIT_PRESET=${input.preset}` };
      values[key] = PRESETS[input.preset][setting.preset];
      continue;
    }
    sources[key] = { source: 'default', name: key };
    values[key] = setting.fallback(context);
  }
  return { values: values as SectionValues<S>, sources };
}

function fromEnv(setting: Setting<unknown>, env: Env): unknown {
  return firstSet(setting, env)?.value;
}

function firstSet(setting: Setting<unknown>, env: Env): { name: string; value: unknown } | undefined {
  for (const name of setting.env) {
    const raw = envValue(env, name);
    if (raw !== undefined) return { name, value: setting.parse(name, raw) };
  }
  return undefined;
}
