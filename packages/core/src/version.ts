/** The version of otelkit, reported as `telemetry.distro.version`. */
export const VERSION = '0.1.0';
