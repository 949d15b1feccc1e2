export type { Reply } from '../../../test/helpers/http';
export { basicHeader, fetchText } from '../../../test/helpers/http';

import type { startTelemetry, Telemetry } from '@otelkit/core';
import { startTestTelemetry as startShared } from '../../../test/helpers/telemetry';

/** Telemetry on 127.0.0.1, a free port, no runtime metrics; `url` is the server's base URL. */
export function startTestTelemetry(
  options: Parameters<typeof startTelemetry>[0] = {},
): Promise<{ telemetry: Telemetry; url: string }> {
  return startShared({
    runtimeMetrics: false,
    serviceName: 'health-test',
    serviceVersion: '1.2.3',
    metricsExporters: ['prometheus'],
    env: {},
    ...options,
  });
}
