import type { Worker } from 'node:cluster';
import { contentTypeFor, negotiateFormat, type Telemetry } from '@otelkit/core';
import { clusterIfPrimary } from './lazy';
import { mergeExpositions } from './merge';
import { isMessage, type MetricsResponse, REQUEST, RESPONSE } from './protocol';

const WORKER_TIMEOUT_MS = 2_000;

function askWorker(worker: Worker, id: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(undefined), WORKER_TIMEOUT_MS);
    timer.unref();
    const onMessage = (message: unknown) => {
      if (isMessage<MetricsResponse>(message, RESPONSE) && message.id === id) done(message.text);
    };
    const done = (text: string | undefined) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('exit', onExit);
      resolve(text);
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
 * the primary's own metrics plus every worker's, each series labelled `cluster_worker` (`primary` or the
 * worker id), in the Prometheus text format; a worker that does not answer within 2 s is left out of
 * that scrape, and `otelkit_cluster_workers{state}` says how many answered. Otherwise the usual
 * single-process exposition.
 */
export function serveClusterMetrics(telemetry: Telemetry): void {
  let nextId = 0;
  telemetry.server?.route('/metrics', async (request, response) => {
    const id = ++nextId;
    const cluster = clusterIfPrimary();
    const workers = Object.values(cluster?.workers ?? {}).filter(
      (w): w is Worker => w?.isConnected() === true,
    );
    if (workers.length === 0) {
      // Not a cluster (or no live worker): the plain single-process exposition, OpenMetrics included.
      // Shared by concurrent scrapes: one collection and one serialisation however many scrapers.
      const format = negotiateFormat(request.headers.accept);
      const text = (await telemetry.exposition(format)) ?? '';
      response.writeHead(200, {
        'content-type': contentTypeFor(format),
        'content-length': Buffer.byteLength(text),
      });
      response.end(request.method === 'HEAD' ? undefined : text);
      return;
    }
    const [own, ...answers] = await Promise.all([
      telemetry.exposition('prometheus'),
      ...workers.map((w) => askWorker(w, id)),
    ]);
    const sources = [{ id: 'primary', text: own ?? '' }];
    answers.forEach((text, i) => {
      if (text !== undefined) sources.push({ id: String(workers[i]!.id), text });
    });
    const answered = sources.length - 1;
    const body =
      mergeExpositions(sources) +
      '# HELP otelkit_cluster_workers Cluster workers by whether they answered this scrape.\n' +
      '# TYPE otelkit_cluster_workers gauge\n' +
      `otelkit_cluster_workers{state="answered"} ${answered}\n` +
      `otelkit_cluster_workers{state="missing"} ${workers.length - answered}\n`;
    response.writeHead(200, { 'content-type': contentTypeFor('prometheus') });
    response.end(body);
  });
}
