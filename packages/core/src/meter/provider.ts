import type { Meter, MeterOptions, MeterProvider } from '@opentelemetry/api';
import type { ViewOptions } from '@opentelemetry/sdk-metrics';
import { ViewResolver } from '../views/resolve';
import type { CardinalityGuard } from './guard';
import type { LocalInstrumentRegistry } from './local-registry';
import { GuardedMeter, type GuardRegistry, type OtelkitMeter } from './meter';

/**
 * The `MeterProvider` otelkit registers globally: it hands out {@link OtelkitMeter}s wrapping the SDK's
 * meters, so every synchronous instrument in the process — the app's, otelkit's and third-party
 * instrumentations' — gets the cardinality guard, record-time validation and seconds buckets.
 */
export class GuardedMeterProvider implements MeterProvider, GuardRegistry {
  private readonly meters = new Map<string, GuardedMeter>();
  private readonly guardList: CardinalityGuard[] = [];

  /**
   * @param inner the SDK provider doing the real work
   * @param limit attribute sets per instrument before the overflow series
   * @param local when given, synchronous instruments aggregate in process and are exported by the
   *   readers' `LocalMetricProducer`s; without it they record through the SDK
   * @param views the user's OpenTelemetry views (`ViewOptions`), applied to the in-process instruments;
   *   give `inner` the same views (see `sdkViews()`) for what the SDK records
   * @throws OtelkitError `OTELKIT_ERR_INVALID_CONFIG` naming `views[i]` when a view is malformed
   */
  constructor(
    private readonly inner: MeterProvider,
    readonly limit: number,
    readonly local?: LocalInstrumentRegistry,
    views: readonly ViewOptions[] = [],
  ) {
    this.views = new ViewResolver(views);
  }

  /** @internal */
  readonly views: ViewResolver;

  /** @internal */
  add(guard: CardinalityGuard): void {
    this.guardList.push(guard);
  }

  /** Guards of every instrument created so far (for self-metrics). */
  guards(): readonly CardinalityGuard[] {
    return this.guardList;
  }

  getMeter(name: string, version?: string, options?: MeterOptions): OtelkitMeter {
    const key = `${name}\u0000${version ?? ''}\u0000${options?.schemaUrl ?? ''}`;
    let meter = this.meters.get(key);
    if (meter === undefined) {
      meter = new GuardedMeter(this.inner.getMeter(name, version, options) as Meter, this, {
        name,
        version,
        schemaUrl: options?.schemaUrl,
      });
      this.meters.set(key, meter);
    }
    return meter;
  }
}
