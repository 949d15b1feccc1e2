import {
  CORE_SETTINGS,
  describeSettings,
  envValue,
  isOtelkitError,
  loadConfigModule,
  maskSetting,
  PRESET_SETTINGS,
  type ResolvedConfig,
  resolveConfig,
  showSettingValue,
} from '@otelkit/core/internal';
import { type FlagSpecs, parseFlags, renderHelp } from '../args';
import type { CommandIo } from './io';

/** Flags of `otelkit check-config`. */
export const CHECK_CONFIG_FLAGS: FlagSpecs = {
  json: { type: 'boolean', help: 'print the effective configuration as JSON' },
};

const SETTINGS = { ...PRESET_SETTINGS, ...CORE_SETTINGS };

/**
 * The effective configuration with secrets (auth, OTLP header values, endpoint user-info) hidden, each
 * as its setting's declaration says.
 */
export function redactConfig(config: ResolvedConfig): Record<string, unknown> {
  const { sources: _sources, ...rest } = config;
  return {
    ...rest,
    otlp: {
      ...config.otlp,
      endpoint: maskSetting(CORE_SETTINGS.otlpEndpoint, config.otlp.endpoint),
      headers: maskSetting(CORE_SETTINGS.otlpHeaders, config.otlp.headers),
    },
    auth: maskSetting(CORE_SETTINGS.auth, config.auth),
  };
}

/**
 * `otelkit check-config`: validates the current environment as `@otelkit/core` would at start-up and
 * prints the effective configuration with each setting's source. Exit 1 when it is invalid.
 */
export async function checkConfigCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const values = parseFlags('check-config', argv, CHECK_CONFIG_FLAGS);
  if (values.help) {
    io.out(
      renderHelp(
        'otelkit check-config [--json]',
        'Validates the OTEL_* and OTELKIT_* variables of the current environment and prints the effective\nconfiguration and where each value comes from. Exit status 1 when the configuration is invalid.',
        CHECK_CONFIG_FLAGS,
      ),
    );
    return 0;
  }
  let resolution: ReturnType<typeof resolveConfig>;
  // The preload's options module, when OTELKIT_CONFIG names one: its options win over the environment.
  const file = envValue(io.env, 'OTELKIT_CONFIG');
  try {
    resolution =
      file === undefined
        ? resolveConfig({}, io.env)
        : resolveConfig(loadConfigModule(file), io.env, (path) => `${path} in ${file}`);
  } catch (error) {
    if (!isOtelkitError(error)) throw error;
    if (values.json)
      io.out(JSON.stringify({ valid: false, code: error.code, error: error.message }, undefined, 2));
    else io.err(`invalid configuration: ${error.message}`);
    return 1;
  }
  const { config, warnings } = resolution;
  for (const warning of warnings) io.err(`warning: ${warning}`);
  // Every setting of core's schema, in declaration order, with its value (secrets hidden) and source.
  const settings = describeSettings(SETTINGS, resolution.settings, config.sources);
  if (values.json) {
    const doc = { valid: true, config: redactConfig(config), sources: config.sources, settings, warnings };
    io.out(JSON.stringify(doc, undefined, 2));
    return 0;
  }
  io.out(
    `configuration is valid${file === undefined ? '' : ` (with the options of OTELKIT_CONFIG=${file})`}`,
  );
  const rows = settings.map(
    (row) => [row.key, showSettingValue(row.value), row.source === 'default' ? 'default' : row.name] as const,
  );
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.min(60, Math.max(...rows.map((r) => r[1].length)));
  for (const [key, value, from] of rows) io.out(`  ${key.padEnd(w0)}  ${value.padEnd(w1)}  ${from}`);
  // The options module's objects, counted (they have no plain value to show).
  const { metricReaders, resourceDetectors, resource } = resolution.composition;
  const objects: Array<[string, number]> = [
    ['metricReaders', metricReaders.length],
    ['resourceDetectors', resourceDetectors.length],
    ['resource', resource === undefined ? 0 : 1],
  ];
  for (const [key, n] of objects) {
    if (n > 0 && file !== undefined)
      io.out(`  ${key.padEnd(w0)}  ${`${n} object${n === 1 ? '' : 's'}`.padEnd(w1)}  ${key} in ${file}`);
  }
  return 0;
}
