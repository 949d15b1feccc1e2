// Property-based tests: random sequences of outcomes, timings and concurrency, checked against a
// simple model (sequential case) and against invariants (concurrent case), under fake timers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createCircuitBreaker } from '../src/breaker';
import { isCircuitOpenError } from '../src/errors';
import { type Deferred, deferred, flush, installClock } from './helpers';

interface ModelOptions {
  consecutiveFailures: number;
  openDurationMs: number;
  halfOpenSuccesses: number;
}

/** The obvious, sequential reading of the state machine. */
class Model {
  state: 'closed' | 'open' | 'half-open' = 'closed';
  private consecutive = 0;
  private until = 0;
  private successes = 0;
  counts = { success: 0, failure: 0, rejected: 0 };
  constructor(private readonly o: ModelOptions) {}

  refresh(now: number): void {
    if (this.state === 'open' && now >= this.until) {
      this.state = 'half-open';
      this.successes = 0;
    }
  }

  call(now: number, ok: boolean): void {
    this.refresh(now);
    if (this.state === 'open') {
      this.counts.rejected++;
      return;
    }
    if (ok) {
      this.counts.success++;
      if (this.state === 'closed') this.consecutive = 0;
      else if (++this.successes >= this.o.halfOpenSuccesses) {
        this.state = 'closed';
        this.consecutive = 0;
      }
      return;
    }
    this.counts.failure++;
    if (this.state === 'half-open' || ++this.consecutive >= this.o.consecutiveFailures) {
      this.state = 'open';
      this.until = now + this.o.openDurationMs;
    }
  }
}

const step = fc.oneof(
  fc.record({ kind: fc.constant('call' as const), ok: fc.boolean() }),
  fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 3_000 }) }),
);

describe('CircuitBreaker (properties)', () => {
  it('agrees with a simple model on any sequence of outcomes and delays', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          consecutiveFailures: fc.integer({ min: 1, max: 4 }),
          openDurationMs: fc.integer({ min: 1, max: 2_000 }),
          halfOpenSuccesses: fc.integer({ min: 1, max: 3 }),
        }),
        fc.array(step, { maxLength: 60, size: 'max' }),
        async (options, steps) => {
          const clock = installClock();
          try {
            const breaker = createCircuitBreaker('prop', { ...options, metrics: false });
            const model = new Model(options);
            for (const s of steps) {
              if (s.kind === 'tick') {
                clock.tick(s.ms);
              } else {
                await breaker
                  .execute(() => (s.ok ? 1 : Promise.reject(new Error('x'))))
                  .catch(() => undefined);
                model.call(Date.now(), s.ok);
              }
              model.refresh(Date.now());
              assert.equal(breaker.state, model.state);
            }
            const { success, failure, rejected } = breaker.counts;
            assert.deepEqual({ success, failure, rejected }, model.counts);
          } finally {
            clock.uninstall();
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  const action = fc.oneof(
    { weight: 4, arbitrary: fc.constant({ kind: 'start' as const }) },
    {
      weight: 4,
      arbitrary: fc.record({ kind: fc.constant('settle' as const), pick: fc.nat(), ok: fc.boolean() }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 1_500 }) }),
    },
  );

  it('never runs more than halfOpenMaxCalls probes at once, counts add up, and never sticks open', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          consecutiveFailures: fc.integer({ min: 1, max: 3 }),
          openDurationMs: fc.integer({ min: 1, max: 1_000 }),
          halfOpenMaxCalls: fc.integer({ min: 1, max: 3 }),
          halfOpenSuccesses: fc.integer({ min: 1, max: 3 }),
        }),
        fc.array(action, { maxLength: 80, size: 'max' }),
        async (options, actions) => {
          const clock = installClock();
          try {
            const breaker = createCircuitBreaker('prop', { ...options, metrics: false });
            let episode = 0;
            breaker.on('stateChange', (c) => {
              if (c.to === 'half-open') episode++;
            });
            interface Running {
              d: Deferred<number>;
              probeOf: number | undefined;
            }
            const running: Running[] = [];
            const results: Promise<string>[] = [];
            let invoked = 0;
            const check = (): void => {
              if (breaker.state !== 'half-open') return;
              const probes = running.filter((r) => r.probeOf === episode).length;
              assert.ok(probes <= options.halfOpenMaxCalls, `${probes} probes in flight`);
            };
            for (const a of actions) {
              if (a.kind === 'tick') clock.tick(a.ms);
              else if (a.kind === 'start') {
                results.push(
                  breaker
                    .execute(() => {
                      invoked++;
                      const d = deferred<number>();
                      running.push({ d, probeOf: breaker.state === 'half-open' ? episode : undefined });
                      return d.promise;
                    })
                    .then(
                      () => 'success',
                      (err: unknown) => (isCircuitOpenError(err) ? 'rejected' : 'failure'),
                    ),
                );
              } else if (running.length > 0) {
                const [r] = running.splice(a.pick % running.length, 1);
                if (a.ok) r.d.resolve(1);
                else r.d.reject(new Error('x'));
              }
              await flush();
              check();
            }
            for (const r of running.splice(0)) r.d.resolve(1);
            const outcomes = await Promise.all(results);
            const c = breaker.counts;
            const tally = (o: string): number => outcomes.filter((x) => x === o).length;
            assert.equal(c.success + c.failure + c.timeout + c.rejected, results.length);
            assert.deepEqual(
              [c.success, c.failure, c.rejected],
              [tally('success'), tally('failure'), tally('rejected')],
            );
            assert.equal(invoked, c.success + c.failure);
            clock.tick(options.openDurationMs);
            assert.notEqual(
              breaker.state,
              'open',
              'an open circuit always reaches half-open after openDurationMs',
            );
          } finally {
            clock.uninstall();
          }
        },
      ),
      {
        numRuns: 300,
        // The shortest flood: open, wait, then two probes at once.
        examples: [
          [
            { consecutiveFailures: 1, openDurationMs: 1, halfOpenMaxCalls: 1, halfOpenSuccesses: 1 },
            [
              { kind: 'start' },
              { kind: 'settle', pick: 0, ok: false },
              { kind: 'tick', ms: 5 },
              { kind: 'start' },
              { kind: 'start' },
            ],
          ],
        ],
      },
    );
  });
});
