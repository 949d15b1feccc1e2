import type { Worker } from 'node:cluster';
import {
  ATTR_CLUSTER_WORKER,
  addPeerMetrics,
  fromMetricsData,
  gaugeMetrics,
  METRIC_CLUSTER_WORKERS,
  type Telemetry,
  withAttributes,
} from '@otelkit/core/internal';
import { clusterIfPrimary } from './lazy';
import { isMessage, type MetricsResponse, REQUEST, RESPONSE } from './protocol';

const WORKER_TIMEOUT_MS = 2_000;

/** One process's collected metrics. */
type Collection = NonNullable<Awaited<ReturnType<Telemetry['collect']>>>;

/** What a worker answered: its collection (none without a `prometheus` exporter). */
interface Answer {
  readonly metrics: Collection | undefined;
}

/** A worker's answer, or `undefined` when it did not answer usable data within 2 s (or exited). */
function askWorker(worker: Worker, id: number): Promise<Answer | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(undefined), WORKER_TIMEOUT_MS);
    timer.unref();
    const onMessage = (message: unknown) => {
      if (isMessage<MetricsResponse>(message, RESPONSE) && message.id === id) {
        const metrics = message.metrics === undefined ? undefined : fromMetricsData(message.metrics);
        done(message.metrics !== undefined && metrics === undefined ? undefined : { metrics });
      }
    };
    const done = (answer: Answer | undefined) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('exit', onExit);
      resolve(answer);
    };
    const onExit = () => done(undefined);
    worker.on('message', onMessage);
    worker.on('exit', onExit);
    try {
      worker.send({ type: REQUEST, id });
    } catch {
      done(undefined);
    }
  });
}

/**
 * `/metrics` of the process the preload started in: while it is a cluster primary with live workers,
 * core's handler serves the primary's own metrics plus every worker's (sent as data over the cluster
 * channel), each series labelled `cluster_worker` (`primary` or the worker id), in the negotiated
 * format; a worker that does not answer within 2 s is left out of that scrape, and
 * `otelkit_cluster_workers{state}` says how many answered. Otherwise the usual single-process exposition.
 */
export function serveClusterMetrics(telemetry: Telemetry): void {
  if (telemetry.server === undefined) return;
  let nextId = 0;
  addPeerMetrics(telemetry.server, async (own) => {
    const cluster = clusterIfPrimary();
    const workers = Object.values(cluster?.workers ?? {}).filter(
      (w): w is Worker => w?.isConnected() === true,
    );
    // Not a cluster (or no live worker): the plain single-process exposition.
    if (workers.length === 0) return undefined;
    const id = ++nextId;
    const answers = await Promise.all(workers.map((w) => askWorker(w, id)));
    const collections = [withAttributes(own, { [ATTR_CLUSTER_WORKER]: 'primary' })];
    let answered = 0;
    answers.forEach((answer, i) => {
      if (answer === undefined) return;
      answered++;
      if (answer.metrics !== undefined) {
        collections.push(withAttributes(answer.metrics, { [ATTR_CLUSTER_WORKER]: String(workers[i]!.id) }));
      }
    });
    collections.push(
      gaugeMetrics({
        name: METRIC_CLUSTER_WORKERS,
        description: 'Cluster workers by whether they answered this scrape.',
        points: [
          { attributes: { state: 'answered' }, value: answered },
          { attributes: { state: 'missing' }, value: workers.length - answered },
        ],
      }),
    );
    return collections;
  });
}
