import { type Telemetry, toMetricsData } from '@otelkit/core/internal';
import { isMessage, type MetricsRequest, type MetricsResponse, REQUEST, RESPONSE } from './protocol';

/**
 * In a cluster worker: answer the primary's metrics requests with this process's collection, as data
 * (the primary serialises everyone's in one exposition). The worker serves no port of its own, so
 * workers never fight over the metrics port.
 */
export function answerPrimary(telemetry: Telemetry): void {
  const listener = (message: unknown) => {
    if (!isMessage<MetricsRequest>(message, REQUEST)) return;
    void telemetry.collect().then(
      (metrics) => {
        const response: MetricsResponse = {
          type: RESPONSE,
          id: message.id,
          metrics: metrics === undefined ? undefined : toMetricsData(metrics),
        };
        if (process.connected) process.send?.(response);
      },
      () => {},
    );
  };
  // Node refs the IPC channel while 'message' listeners exist. It must stay as Node manages it: a
  // worker's listen() waits on this channel for the primary's answer. A worker therefore lives while
  // it is connected to its primary, as cluster workers normally do (documented in the README).
  process.on('message', listener);
}
