import { promises as fsp } from 'node:fs';
import { invalid } from '@otelkit/core/internal';
import { type ReconfigurableCheck, reconfigurable } from './reconfigurable';
import { rateLow, ratio, threshold } from './thresholds';

/** Options of {@link diskSpaceCheck}. Give bytes or ratios (free / total); ratios default to 10 % / 5 %. */
export interface DiskSpaceCheckOptions {
  /** A path on the file system to watch. Required. */
  readonly path: string;
  /** Warn when fewer bytes are free (available to unprivileged users). */
  readonly warnBytes?: number;
  /** Fail when fewer bytes are free. */
  readonly failBytes?: number;
  /** Warn when the free ratio drops below this. Default `0.1` unless bytes are given. */
  readonly warnRatio?: number;
  /** Fail when the free ratio drops below this. Default `0.05` unless bytes are given. */
  readonly failRatio?: number;
}

/**
 * Free disk space of the file system holding `path` (`statfs`). Observed value: free bytes.
 * @example
 * health.registerCheck('disk:free', diskSpaceCheck({ path: '/var/data', failBytes: 1e9 }));
 */
export function diskSpaceCheck(options: DiskSpaceCheckOptions): ReconfigurableCheck<DiskSpaceCheckOptions> {
  const path = options?.path;
  if (typeof path !== 'string' || path === '') invalid('diskSpaceCheck path', path, 'a file system path');
  const resolve = (o: DiskSpaceCheckOptions) => {
    const byBytes = o.warnBytes !== undefined || o.failBytes !== undefined;
    return {
      warnBytes: threshold('diskSpaceCheck warnBytes', o.warnBytes),
      failBytes: threshold('diskSpaceCheck failBytes', o.failBytes),
      warnRatio: ratio('diskSpaceCheck warnRatio', o.warnRatio ?? (byBytes ? undefined : 0.1)),
      failRatio: ratio('diskSpaceCheck failRatio', o.failRatio ?? (byBytes ? undefined : 0.05)),
    };
  };
  return reconfigurable(options, resolve, (current) => async () => {
    const { warnBytes, failBytes, warnRatio, failRatio } = current();
    const stats = await fsp.statfs(path);
    const free = stats.bavail * stats.bsize;
    const total = stats.blocks * stats.bsize;
    const freeRatio = total > 0 ? stats.bavail / stats.blocks : 0;
    const byteStatus = rateLow(free, warnBytes, failBytes);
    const ratioStatus = rateLow(freeRatio, warnRatio, failRatio);
    const status =
      byteStatus === 'fail' || ratioStatus === 'fail'
        ? 'fail'
        : byteStatus === 'warn' || ratioStatus === 'warn'
          ? 'warn'
          : 'pass';
    const mib = Math.round(free / 1048576);
    return {
      status,
      observedValue: free,
      observedUnit: 'bytes',
      ...(status === 'pass'
        ? {}
        : { output: `${mib} MiB (${Math.round(freeRatio * 1000) / 10} %) free on ${path}` }),
    };
  });
}
