export type {
  AppMetricsOptions,
  FastifyMetricsHandler,
  FetchMetricsHandler,
  NodeMetricsHandler,
} from '@otelkit/core';
export {
  metricsFastifyHandler,
  metricsFastifyPlugin,
  metricsFetchHandler,
  metricsHandler,
} from '@otelkit/core';
export { INSTRUMENTATIONS, parseEnabledInstrumentations } from './instrumentations';
export { BREAKERS_PATH, BREAKERS_SECTION, mountBreakerOperator } from './operator/breakers';
export type { RegisterOptions, Registration } from './register';
export { register } from './register';
export { REGISTER_SETTINGS } from './settings';
