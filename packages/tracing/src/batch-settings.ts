import {
  defineSetting,
  type IntegerBounds,
  integerSetting,
  invalid,
  POSITIVE_MS,
  type Provenance,
  type Setting,
} from '@otelkit/core/internal';

const QUEUE: IntegerBounds = { min: 1, max: 1_000_000 };
const OWNER = '@otelkit/tracing';

/** The batch settings of a signal's batch processor: `OTEL_BSP_*` for spans, `OTEL_BLRP_*` for logs. */
export interface BatchOptions {
  readonly scheduledDelayMs?: number;
  readonly exportTimeoutMs?: number;
  readonly maxQueueSize?: number;
  readonly maxExportBatchSize?: number;
}

/** The four batch settings of one processor. */
export interface BatchSettings {
  readonly maxQueueSize: Setting<number>;
  readonly maxExportBatchSize: Setting<number>;
  readonly scheduledDelayMs: Setting<number>;
  readonly exportTimeoutMs: Setting<number>;
}

/**
 * Declares a batch processor's settings once: options `<optionPrefix><key>` and `<envPrefix>_SCHEDULE_DELAY`,
 * `_EXPORT_TIMEOUT`, `_MAX_QUEUE_SIZE`, `_MAX_EXPORT_BATCH_SIZE` (the specification's defaults, except
 * the delay given here).
 * @see https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/#batch-span-processor
 */
export function batchSettings(
  envPrefix: 'OTEL_BSP' | 'OTEL_BLRP',
  optionPrefix: string,
  scheduledDelayMs: number,
  what: string,
): BatchSettings {
  return {
    maxQueueSize: defineSetting({
      option: `${optionPrefix}maxQueueSize`,
      env: [`${envPrefix}_MAX_QUEUE_SIZE`],
      kind: integerSetting(QUEUE),
      default: 2_048,
      doc: `${what}: queue size`,
      owner: OWNER,
    }),
    maxExportBatchSize: defineSetting({
      option: `${optionPrefix}maxExportBatchSize`,
      env: [`${envPrefix}_MAX_EXPORT_BATCH_SIZE`],
      kind: integerSetting(QUEUE),
      default: 512,
      defaultDoc: '`512` (at most the queue size)',
      doc: `${what}: records per export`,
      owner: OWNER,
    }),
    scheduledDelayMs: defineSetting({
      option: `${optionPrefix}scheduledDelayMs`,
      env: [`${envPrefix}_SCHEDULE_DELAY`],
      kind: integerSetting(POSITIVE_MS),
      default: scheduledDelayMs,
      doc: `${what}: ms between exports`,
      owner: OWNER,
    }),
    exportTimeoutMs: defineSetting({
      option: `${optionPrefix}exportTimeoutMs`,
      env: [`${envPrefix}_EXPORT_TIMEOUT`],
      kind: integerSetting(POSITIVE_MS),
      default: 30_000,
      doc: `${what}: ms for one export`,
      owner: OWNER,
    }),
  };
}

/**
 * A batch size set above the queue size is an error naming it; the default batch size shrinks to the
 * queue size.
 */
export function checkBatchSize(
  values: { readonly maxQueueSize: number; readonly maxExportBatchSize: number },
  source: Provenance | undefined,
): number {
  const { maxQueueSize, maxExportBatchSize } = values;
  if (maxExportBatchSize <= maxQueueSize) return maxExportBatchSize;
  if (source !== undefined && source.source !== 'default') {
    invalid(source.name, maxExportBatchSize, `at most the queue size (${maxQueueSize})`);
  }
  return maxQueueSize;
}
