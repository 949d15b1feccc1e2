export type { SettingSpec } from './define';
export { defaultOf, defineSetting, docValue } from './define';
export { type Env, envValue, firstEnv } from './env';
export type { SettingKind } from './kinds';
export { boolean, host, integer, listOf, MAX_TIMER_MS, oneOf, POSITIVE_MS, text } from './kinds';
export type { OtlpHttpProtocol, OtlpSettings, OtlpSettingsOptions, OtlpSignal } from './otlp';
export { OTLP_BASE_ENDPOINT, otlpSettings, signalUrl } from './otlp';
export type { ResolvedSection, SectionInput } from './resolve-section';
export { optionAt, resolveSection } from './resolve-section';
export type {
  Provenance,
  SecretKind,
  SectionValues,
  Setting,
  SettingContext,
  SettingSource,
  SettingsSection,
} from './setting';
