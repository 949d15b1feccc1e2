import { randomUUID } from 'node:crypto';
import { arch, hostname } from 'node:os';
import { basename } from 'node:path';
import type { Attributes } from '@opentelemetry/api';
import {
  defaultResource,
  detectResources,
  type Resource,
  type ResourceDetector,
  resourceFromAttributes,
} from '@opentelemetry/resources';
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

/** What the options object adds to the resource (`resource`, `resourceDetectors`). */
export interface ResourceOptions {
  readonly resource?: Resource | undefined;
  readonly resourceDetectors?: readonly ResourceDetector[] | undefined;
}

/**
 * Builds the one OpenTelemetry `Resource` of the process from the resolved configuration:
 * SDK defaults < host/process attributes < the user's `resourceDetectors` < `OTEL_RESOURCE_ATTRIBUTES`
 * and `resourceAttributes` < the service settings (`OTEL_SERVICE_NAME` wins over `service.name` in the
 * attribute list, as the specification says) < the user's `resource` (code wins over the environment).
 * Attributes a detector resolves asynchronously reach push exports once they settle.
 */
export function buildResource(config: ResolvedConfig, extra: ResourceOptions = {}): Resource {
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
  let resource = defaultResource().merge(resourceFromAttributes(processAttributes()));
  if (extra.resourceDetectors !== undefined && extra.resourceDetectors.length > 0) {
    resource = resource.merge(detectResources({ detectors: [...extra.resourceDetectors] }));
  }
  resource = resource
    .merge(resourceFromAttributes(config.resourceAttributes))
    .merge(resourceFromAttributes(service));
  return extra.resource === undefined ? resource : resource.merge(extra.resource);
}
