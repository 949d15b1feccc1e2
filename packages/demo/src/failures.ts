import type { Random } from './random';

/** A remote call that timed out. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/** The remote side asked us to slow down (HTTP 429). */
export class RateLimitError extends Error {
  override readonly name = 'RateLimitError';
}

/** The item was changed on both sides since the last cycle. */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
}

/** A network failure with a Node-style code. */
function connectionReset(): Error {
  return Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
}

/** Throws one of several realistic failures with probability `rate`. */
export function maybeFail(random: Random, rate: number, what: string): void {
  if (random.next() >= rate) return;
  const kind = random.int(0, 2);
  if (kind === 0) throw new TimeoutError(`${what} timed out`);
  if (kind === 1) throw new RateLimitError(`${what} rate limited`);
  throw connectionReset();
}
