import { type ELDHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import type * as NodeV8 from 'node:v8';

/** `node:v8`, loaded on first use: start-up does not need it. */
let v8: typeof NodeV8 | undefined;
const nodeV8 = (): typeof NodeV8 => (v8 ??= require('node:v8') as typeof NodeV8);

/** Event loop delay and memory at one moment. */
export interface RuntimeReading {
  /** 99th percentile of event loop delay since the last reset, ms (`undefined` before any sample). */
  readonly eventLoopDelayP99Ms: number | undefined;
  /** Mean event loop delay since the last reset, ms. */
  readonly eventLoopDelayMeanMs: number | undefined;
  readonly heapUsedBytes: number;
  readonly heapLimitBytes: number;
  readonly rssBytes: number;
}

/** Measures event loop delay (10 ms resolution) between resets, and reads heap and RSS. @internal */
export class RuntimeSampler {
  private readonly delay: ELDHistogram = monitorEventLoopDelay({ resolution: 10 });

  constructor() {
    this.delay.enable();
  }

  /** The current reading; `reset` starts a new delay window. */
  read(reset = false): RuntimeReading {
    const heap = nodeV8().getHeapStatistics();
    const sampled = this.delay.count > 0;
    const reading: RuntimeReading = {
      eventLoopDelayP99Ms: sampled ? this.delay.percentile(99) / 1e6 : undefined,
      eventLoopDelayMeanMs: sampled ? this.delay.mean / 1e6 : undefined,
      heapUsedBytes: heap.used_heap_size,
      heapLimitBytes: heap.heap_size_limit,
      rssBytes: process.memoryUsage.rss(),
    };
    if (reset) this.delay.reset();
    return reading;
  }

  stop(): void {
    this.delay.disable();
  }
}
