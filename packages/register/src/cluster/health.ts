import type { Health } from '@otelkit/health';
import { clusterIfPrimary } from './lazy';

/**
 * In a cluster primary: a readiness check that reflects the workers — fail when none is alive, warn
 * when fewer are alive than at the most so far, pass otherwise. In a process that never forked it
 * passes ("no cluster"). `node:cluster` is only consulted if the app loaded it.
 */
export function registerWorkersCheck(health: Health): void {
  let most = 0;
  health.registerCheck(
    'cluster:workers',
    () => {
      const cluster = clusterIfPrimary();
      const workers = cluster === undefined ? [] : Object.values(cluster.workers ?? {});
      if (cluster === undefined || (workers.length === 0 && most === 0)) {
        return { status: 'pass', output: 'no cluster' };
      }
      const alive = workers.filter((w) => w !== undefined && !w.isDead()).length;
      most = Math.max(most, alive);
      const status = alive === 0 ? 'fail' : alive < most ? 'warn' : 'pass';
      return {
        status,
        observedValue: alive,
        observedUnit: 'workers',
        output: status === 'pass' ? undefined : `${alive} of ${most} workers alive`,
      };
    },
    { kind: 'readiness', componentType: 'system' },
  );
}
