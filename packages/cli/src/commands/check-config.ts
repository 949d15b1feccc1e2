import { hideUserinfo, isOtelkitError, type ResolvedConfig, resolveConfig } from '@otelkit/core';
import { type FlagSpecs, parseFlags, renderHelp } from '../args';
import type { CommandIo } from './io';

/** Flags of `otelkit check-config`. */
export const CHECK_CONFIG_FLAGS: FlagSpecs = {
  json: { type: 'boolean', help: 'print the effective configuration as JSON' },
};

const HIDDEN = '(hidden)';

/** The effective configuration with secrets (auth, OTLP header values, endpoint user-info) hidden. */
export function redactConfig(config: ResolvedConfig): Record<string, unknown> {
  const { sources: _sources, ...rest } = config;
  const headers = Object.fromEntries(Object.keys(config.otlp.headers).map((k) => [k, HIDDEN]));
  const auth =
    config.auth === undefined
      ? undefined
      : config.auth.type === 'basic'
        ? { type: 'basic', username: config.auth.username, password: HIDDEN }
        : { type: 'bearer', token: HIDDEN };
  const endpoint = config.otlp.endpoint === undefined ? undefined : hideUserinfo(config.otlp.endpoint);
  return { ...rest, otlp: { ...config.otlp, endpoint, headers }, auth };
}

function show(value: unknown): string {
  if (value === undefined) return '-';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
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
  try {
    resolution = resolveConfig({}, io.env);
  } catch (error) {
    if (!isOtelkitError(error)) throw error;
    if (values.json)
      io.out(JSON.stringify({ valid: false, code: error.code, error: error.message }, undefined, 2));
    else io.err(`invalid configuration: ${error.message}`);
    return 1;
  }
  const { config, warnings } = resolution;
  for (const warning of warnings) io.err(`warning: ${warning}`);
  const effective = redactConfig(config);
  if (values.json) {
    io.out(
      JSON.stringify({ valid: true, config: effective, sources: config.sources, warnings }, undefined, 2),
    );
    return 0;
  }
  io.out('configuration is valid');
  const rows = Object.entries(effective).map(([key, value]) => {
    const source = config.sources[key];
    const from = source === undefined ? '' : source.source === 'default' ? 'default' : source.name;
    return [key, show(value), from] as const;
  });
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.min(60, Math.max(...rows.map((r) => r[1].length)));
  for (const [key, value, from] of rows) io.out(`  ${key.padEnd(w0)}  ${value.padEnd(w1)}  ${from}`);
  return 0;
}
