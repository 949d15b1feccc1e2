import type { Cluster } from 'node:cluster';

/** Whether the app has loaded `node:cluster` (checked without loading it ourselves). */
function clusterLoaded(): boolean {
  const list = (process as { moduleLoadList?: readonly string[] }).moduleLoadList;
  return list === undefined || list.includes('NativeModule cluster');
}

/**
 * The cluster module when this process is a cluster primary that the app may have forked from;
 * `undefined` when the app never loaded `node:cluster`, so a plain process never pays for loading it.
 */
export function clusterIfPrimary(): Cluster | undefined {
  if (!clusterLoaded()) return undefined;
  const cluster = require('node:cluster') as Cluster;
  return cluster.isPrimary ? cluster : undefined;
}

/**
 * True in a cluster worker. Node sets a worker up (loading `node:cluster`) before preloads run, so a
 * process where the app has not loaded the module yet is never a worker and pays nothing for the test.
 */
export function isClusterWorker(): boolean {
  if (!clusterLoaded()) return false;
  return (require('node:cluster') as Cluster).isWorker;
}
