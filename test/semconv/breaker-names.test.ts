// The circuit-breaker package depends on @opentelemetry/api only, so it names its instruments itself;
// everything else (health's status page, the CLI's rules and dashboards) reads core's constants. These
// tests hold the two spellings together.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  METRIC_CIRCUIT_BREAKER_CALL_DURATION,
  METRIC_CIRCUIT_BREAKER_CALLS,
  METRIC_CIRCUIT_BREAKER_STATE,
  METRIC_CIRCUIT_BREAKER_TRANSITIONS,
  toJsonSnapshot,
} from '@otelkit/core/internal';
import { createCircuitBreaker, METRIC_NAMES } from '../../packages/circuit-breaker/src/index';
import { collect } from '../../packages/core/test/prometheus/helpers';
import { readSnapshot } from '../../packages/health/src/status/operations';

describe('circuit breaker metric names', () => {
  it("are core's METRIC_CIRCUIT_BREAKER_* constants", () => {
    assert.deepEqual(
      { ...METRIC_NAMES },
      {
        state: METRIC_CIRCUIT_BREAKER_STATE,
        calls: METRIC_CIRCUIT_BREAKER_CALLS,
        duration: METRIC_CIRCUIT_BREAKER_CALL_DURATION,
        transitions: METRIC_CIRCUIT_BREAKER_TRANSITIONS,
      },
    );
  });

  it("reach the status page: a breaker's state, collected, is what health reads from the snapshot", async () => {
    const metrics = await collect((provider) => {
      const breaker = createCircuitBreaker('billing-api', { meter: provider.getMeter('app') });
      breaker.isolate();
    });
    assert.deepEqual(readSnapshot(toJsonSnapshot(metrics)).breakers, [
      { name: 'billing-api', state: 'isolated' },
    ]);
  });
});
