import { defineSetting } from '@otelkit/core/internal';
import {
  checkInstrumentations,
  type EnabledInstrumentations,
  parseEnabledInstrumentations,
} from './instrumentations';

/** The preload's own settings, declared once (the composed packages declare theirs). */
export const REGISTER_SETTINGS = {
  configModule: defineSetting<string | undefined>({
    option: undefined,
    env: ['OTELKIT_CONFIG'],
    kind: {
      parse: (_name, raw) => raw.trim(),
      check: (_name, value) => value as string,
    },
    default: undefined,
    doc: 'a JavaScript module (CommonJS or ESM) whose default export is the options object of `register()` (readers, span processors, sampler, views …), loaded by the preload; not `OTELKIT_CONFIG_FILE`',
    owner: '@otelkit/register',
  }),
  instrumentations: defineSetting<EnabledInstrumentations>({
    option: 'instrumentations',
    env: ['OTEL_NODE_ENABLED_INSTRUMENTATIONS'],
    kind: {
      parse: (_name, raw) => Object.fromEntries(parseEnabledInstrumentations(raw).map((name) => [name, {}])),
      check: checkInstrumentations,
    },
    default: {},
    defaultDoc: '—',
    doc: "library instrumentations for the preload (`http`/`undici` are always on); the option also takes per-instrumentation settings (`{ express: { ignoreLayersType: ['middleware'] } }`)",
    owner: '@otelkit/register',
  }),
};
