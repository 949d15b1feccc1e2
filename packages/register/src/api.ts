export { mergeExpositions } from './cluster/merge';
export { INSTRUMENTATIONS, parseEnabledInstrumentations } from './instrumentations';
export type { RegisterOptions, Registration } from './register';
export { register } from './register';
