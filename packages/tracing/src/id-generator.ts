import type * as NodeCrypto from 'node:crypto';
import type { IdGenerator } from '@opentelemetry/sdk-trace';

/** `node:crypto`, loaded on first use: start-up does not need it (it is a sixth of what the preload loads). */
let crypto: typeof NodeCrypto | undefined;

/** Random bytes fetched at a time: 4 KiB make 170 trace + span ID pairs. */
const POOL_BYTES = 4096;

const INVALID_TRACE_ID = '0'.repeat(32);
const INVALID_SPAN_ID = '0'.repeat(16);

/**
 * Trace and span IDs cut from a pool of cryptographically random bytes, hex-encoded once per 4 KiB.
 * The SDK's default generator writes `Math.random()` into a buffer and hex-encodes it per ID; this one
 * is cheaper per span and draws on the OS's random source. The all-zero IDs, invalid in W3C trace
 * context, are never returned.
 */
export class PooledIdGenerator implements IdGenerator {
  private readonly bytes = Buffer.allocUnsafe(POOL_BYTES);
  private hex = '';
  private offset = 0;
  private handedBack: string | undefined;

  /** A random 32-character lowercase hex trace ID (or the one just handed back). */
  generateTraceId(): string {
    const back = this.handedBack;
    if (back !== undefined) {
      this.handedBack = undefined;
      return back;
    }
    const id = this.take(32);
    return id === INVALID_TRACE_ID ? this.generateTraceId() : id;
  }

  /**
   * Makes `traceId`, taken from this generator and not used, the next trace ID handed out: a sampler
   * asked before the SDK's span start decided on it (see `SampleFirstTracer`).
   */
  handBack(traceId: string): void {
    this.handedBack = traceId;
  }

  /** A random 16-character lowercase hex span ID. */
  generateSpanId(): string {
    const id = this.take(16);
    return id === INVALID_SPAN_ID ? this.generateSpanId() : id;
  }

  private take(chars: number): string {
    if (this.offset + chars > this.hex.length) {
      crypto ??= require('node:crypto') as typeof NodeCrypto;
      this.hex = crypto.randomFillSync(this.bytes).toString('hex');
      this.offset = 0;
    }
    const id = this.hex.slice(this.offset, this.offset + chars);
    this.offset += chars;
    return id;
  }
}
