import { hideUserinfo } from '../config/parse';
import type { Provenance, Setting, SettingSource, SettingsSection } from './setting';

/** What `check-config` and the debug summary show instead of a secret. */
export const SHOWN_HIDDEN = '(hidden)';

/** One setting as shown: its key, variables, value (secrets hidden) and where the value came from. */
export interface SettingRow {
  readonly key: string;
  readonly variables: readonly string[];
  /** The value with secrets hidden ({@link maskSetting}). */
  readonly value: unknown;
  readonly source: SettingSource;
  /** The option, variable or preset that gave the value (the key for a default). */
  readonly name: string;
  readonly doc: string;
  readonly owner: string;
}

/** A value as its setting's `secret` kind allows it to be shown. */
export function maskSetting(setting: Setting<unknown>, value: unknown): unknown {
  if (value === undefined) return undefined;
  switch (setting.secret) {
    case 'value':
      return SHOWN_HIDDEN;
    case 'userinfo':
      return hideUserinfo(String(value));
    case 'headers':
      return Object.fromEntries(Object.keys(value as object).map((k) => [k, SHOWN_HIDDEN]));
    case 'credentials': {
      const auth = value as { type: string; username?: string };
      return auth.type === 'basic'
        ? { type: 'basic', username: auth.username, password: SHOWN_HIDDEN }
        : { type: auth.type, token: SHOWN_HIDDEN };
    }
    default:
      return value;
  }
}

/** Shows a (masked) value on one line: `-` for unset, strings as they are, the rest as JSON. */
export function showSettingValue(value: unknown): string {
  if (value === undefined) return '-';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * Every setting of a resolved section, in declaration order, with its masked value and provenance:
 * what `otelkit check-config` prints and the debug summary lists.
 * @param prefix prepended to keys (`logs.` for the logs settings of tracing)
 */
export function describeSettings(
  section: SettingsSection,
  values: Readonly<Record<string, unknown>>,
  sources: Readonly<Record<string, Provenance>>,
  prefix = '',
): SettingRow[] {
  return Object.entries(section).map(([key, setting]) => {
    const from = sources[`${prefix}${key}`] ?? { source: 'default' as const, name: key };
    return {
      key: `${prefix}${key}`,
      variables: setting.env,
      value: maskSetting(setting, values[`${prefix}${key}`]),
      source: from.source,
      name: from.name,
      doc: setting.doc,
      owner: setting.owner,
    };
  });
}
