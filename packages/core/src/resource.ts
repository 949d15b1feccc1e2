import { randomUUID } from 'node:crypto';
import { arch, hostname } from 'node:os';
import { basename } from 'node:path';
import type { Attributes } from '@opentelemetry/api';
import { defaultResource, type Resource, resourceFromAttributes } from '@opentelemetry/resources';
import type { ResolvedConfig } from './config/types';
import { VERSION } from './version';

/** One `service.instance.id` per process, shared by every provider otelkit builds. */
const INSTANCE_ID = randomUUID();

/**
 * Host and process attributes. Deliberately not the upstream process detector: it adds
 * `process.command_args`, which routinely carries secrets and would be published on `target_info`.
 */
function processAttributes(): Attributes {
  return {
    'host.name': hostname(),
    'host.arch': arch(),
    'process.pid': process.pid,
    'process.executable.name': basename(process.execPath),
    'process.runtime.name': 'nodejs',
    'process.runtime.version': process.versions.node,
    'process.runtime.description': 'Node.js',
  };
}

/**
 * Builds the one OpenTelemetry `Resource` of the process from the resolved configuration:
 * SDK defaults < host/process attributes < `OTEL_RESOURCE_ATTRIBUTES` and `resourceAttributes`
 * < the service settings (`OTEL_SERVICE_NAME` wins over `service.name` in the attribute list, as the
 * specification says).
 */
export function buildResource(config: ResolvedConfig): Resource {
  const service: Attributes = {
    'service.name': config.serviceName,
    'service.instance.id': INSTANCE_ID,
    'telemetry.distro.name': 'otelkit',
    'telemetry.distro.version': VERSION,
  };
  if (config.serviceVersion !== undefined) service['service.version'] = config.serviceVersion;
  if (config.environment !== undefined) service['deployment.environment.name'] = config.environment;
  const explicit = config.resourceAttributes['service.instance.id'];
  if (typeof explicit === 'string' && explicit !== '') service['service.instance.id'] = explicit;
  return defaultResource()
    .merge(resourceFromAttributes(processAttributes()))
    .merge(resourceFromAttributes(config.resourceAttributes))
    .merge(resourceFromAttributes(service));
}
