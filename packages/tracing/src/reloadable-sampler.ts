import type { Attributes, Context, Link, SpanKind } from '@opentelemetry/api';
import type { Sampler, SamplingResult } from '@opentelemetry/sdk-trace';
import { invalid, type ReloadTarget } from '@otelkit/core/internal';
import type { SamplerName } from './options';
import { createSampler } from './sampler';
import { TRACING_SETTINGS } from './settings';

/**
 * The tracer provider's sampler, whose ratio can change at run time (`tracing.samplerRatio` in
 * `OTELKIT_CONFIG_FILE`): the provider keeps this object, which delegates to a replaceable sampler.
 */
export class ReloadableSampler implements Sampler {
  private inner: Sampler;

  constructor(
    private readonly name: SamplerName,
    ratio: number,
  ) {
    this.inner = createSampler(name, ratio);
  }

  /** Switches to a new ratio (for the `traceidratio` samplers; others ignore it). */
  setRatio(ratio: number): void {
    this.inner = createSampler(this.name, ratio);
  }

  shouldSample(
    context: Context,
    traceId: string,
    spanName: string,
    spanKind: SpanKind,
    attributes: Attributes,
    links: Link[],
  ): SamplingResult {
    return this.inner.shouldSample(context, traceId, spanName, spanKind, attributes, links);
  }

  toString(): string {
    return this.inner.toString();
  }

  /** The `tracing` section of the settings file: `{ samplerRatio: 0..1 }`. */
  reloadTarget(path: string): ReloadTarget {
    return {
      section: 'tracing',
      check: (value) => {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
          invalid(`tracing in ${path}`, JSON.stringify(value), 'an object such as { samplerRatio: 0.5 }');
        }
        const { samplerRatio, ...rest } = value as Record<string, unknown>;
        const unknown = Object.keys(rest);
        if (unknown.length > 0)
          invalid(
            `tracing.${unknown[0]} in ${path}`,
            JSON.stringify(rest[unknown[0]!]),
            'samplerRatio only (other tracing settings need a restart)',
          );
        if (samplerRatio === undefined) return () => {};
        // The setting's own check, as for the option.
        const ratio = TRACING_SETTINGS.samplerRatio.check(`tracing.samplerRatio in ${path}`, samplerRatio);
        return () => this.setRatio(ratio);
      },
    };
  }
}
