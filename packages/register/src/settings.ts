import { defineSetting } from '@otelkit/core/internal';
import { parseEnabledInstrumentations } from './instrumentations';

/** The preload's own settings, declared once (the composed packages declare theirs). */
export const REGISTER_SETTINGS = {
  instrumentations: defineSetting<readonly string[]>({
    option: 'instrumentations',
    env: ['OTEL_NODE_ENABLED_INSTRUMENTATIONS'],
    kind: {
      parse: (_name, raw) => parseEnabledInstrumentations(raw),
      check: (_name, value) => value as readonly string[],
    },
    default: [],
    doc: 'library instrumentations for the preload (`http`/`undici` are always on)',
    owner: '@otelkit/register',
  }),
};
