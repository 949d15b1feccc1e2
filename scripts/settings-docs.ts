// Generates the README tables from the declarations: the configuration table (every setting with a
// variable, from each package's settings section) and the error-code table (core's catalogue).
//   node --conditions=otelkit-source --import tsx scripts/settings-docs.ts --write   rewrites README.md
//   node --conditions=otelkit-source --import tsx scripts/settings-docs.ts           exits 1 on drift
// (`npm run docs:settings` runs the first.) test/docs/settings-docs.test.ts fails when README.md drifts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CORE_SETTINGS,
  ERROR_CODES,
  type ErrorCode,
  PRESET_SETTINGS,
  PRESETS,
  type Setting,
  type SettingsSection,
} from '@otelkit/core/internal';
import { HEALTH_SETTINGS } from '@otelkit/health/internal';
import { REGISTER_SETTINGS } from '@otelkit/register/api';
import { LOGS_SETTINGS, TRACING_SETTINGS } from '@otelkit/tracing/internal';

/** Every section, in the order the README lists them. */
export const SECTIONS: readonly SettingsSection[] = [
  CORE_SETTINGS,
  HEALTH_SETTINGS,
  PRESET_SETTINGS,
  TRACING_SETTINGS,
  LOGS_SETTINGS,
  REGISTER_SETTINGS,
];

function variables(setting: Setting<unknown>): string {
  const names = setting.env.map((name) => `\`${name}\``);
  // A setting read from several variables at once (auth, TLS) lists them (its doc says how they
  // combine); otherwise they are in precedence order, the first set one wins.
  return setting.read !== undefined && setting.env.length > 1 ? names.join(', ') : names.join(', else ');
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}

/** A variable table of `settings` (those a variable sets): variables, default, meaning. */
function renderVariables(settings: Iterable<Setting<unknown>>, presetNote: string): string {
  const rows = ['| variable | default | meaning |', '| --- | --- | --- |'];
  const seen = new Set<Setting<unknown>>();
  for (const setting of settings) {
    if (setting.env.length === 0 || seen.has(setting)) continue;
    seen.add(setting);
    const preset = setting.preset === undefined ? '' : presetNote;
    const live = setting.reload ? '; live-reloadable (`OTELKIT_CONFIG_FILE`)' : '';
    rows.push(
      `| ${variables(setting)} | ${cell(setting.defaultDoc)}${preset} | ${cell(setting.doc)}${live} |`,
    );
  }
  return rows.join('\n');
}

/** The configuration table: one row per setting that a variable sets. */
export function renderSettingsTable(): string {
  return renderVariables(
    SECTIONS.flatMap((section) => Object.values(section)),
    ' (preset: below)',
  );
}

/** The variables the register README lists first (every one is in the root README's table). */
const PRELOAD_FIRST: readonly Setting<unknown>[] = [
  CORE_SETTINGS.serviceName,
  CORE_SETTINGS.disabled,
  CORE_SETTINGS.logLevel,
  TRACING_SETTINGS.endpoint,
  CORE_SETTINGS.otlpEndpoint,
  TRACING_SETTINGS.exporters,
  CORE_SETTINGS.metricsExporters,
  ...Object.values(REGISTER_SETTINGS),
  CORE_SETTINGS.server,
  CORE_SETTINGS.host,
  CORE_SETTINGS.port,
  CORE_SETTINGS.auth,
  CORE_SETTINGS.operatorApi,
  HEALTH_SETTINGS.shutdownDelayMs,
  CORE_SETTINGS.shutdownTimeoutMs,
  CORE_SETTINGS.existingProviders,
];

/** The register README's environment table: the variables people reach for first under the preload. */
export function renderPreloadTable(): string {
  const table = renderVariables(
    PRELOAD_FIRST,
    ' (preset: [`OTELKIT_PRESET`](../../README.md#configuration))',
  );
  // Doc lines link relative to the repository root (the root README's table).
  return table.replace(/\]\((?![a-z]+:|#|\.\.\/)([^)]+)\)/g, '](../../$1)');
}

/** The error-code table, from core's catalogue. */
export function renderErrorTable(): string {
  const rows = ['| code | meaning | exit status | thrown by |', '| --- | --- | --- | --- |'];
  for (const entry of Object.values(ERROR_CODES) as ErrorCode[]) {
    const exit = entry.exitCode === undefined ? '—' : String(entry.exitCode);
    rows.push(`| \`${entry.code}\` | ${cell(entry.meaning)} | ${exit} | \`${entry.owner}\` |`);
  }
  return rows.join('\n');
}

/** A package's options table: every option of its section, with the variable that also sets it. */
export function renderOptionsTable(section: SettingsSection): string {
  const rows = ['| option | default | |', '| --- | --- | --- |'];
  for (const setting of Object.values(section)) {
    if (setting.option === undefined) continue;
    const env = setting.env.length === 0 ? '' : `env ${variables(setting)}, else `;
    const preset = setting.preset === undefined ? '' : "the preset's, else ";
    rows.push(
      `| \`${setting.option}\` | ${env}${preset}${cell(setting.defaultDoc)} | ${cell(setting.doc)} |`,
    );
  }
  return rows.join('\n');
}

function seconds(ms: number): string {
  return ms === 0 ? '0' : `${ms / 1000} s`;
}

/** The presets table, from `PRESETS` (every entry only a default). */
export function renderPresetsTable(): string {
  const rows = [
    '| preset | log level | metric export interval | trace sampling | shutdown delay | status page | auth on the observability server |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [name, p] of Object.entries(PRESETS)) {
    const auth = p.authRequired ? 'required (start-up refuses without credentials)' : 'optional';
    const sampling = `${p.tracesSamplerRatio * 100}% (parent-based)`;
    rows.push(
      `| \`${name}\` | \`${p.logLevel}\` | ${seconds(p.exportIntervalMs)} | ${sampling} | ${seconds(p.shutdownDelayMs)} | ${p.statusPage ? 'on' : 'off'} | ${auth} |`,
    );
  }
  return rows.join('\n');
}

type Blocks = ReadonlyArray<readonly [string, () => string]>;

const ROOT_BLOCKS: Blocks = [
  ['settings', renderSettingsTable],
  ['presets', renderPresetsTable],
  ['error-codes', renderErrorTable],
];

/** Every README with generated tables, and its blocks. */
export const READMES: ReadonlyArray<readonly [string, Blocks]> = [
  [join(__dirname, '..', 'README.md'), ROOT_BLOCKS],
  [
    join(__dirname, '..', 'packages', 'health', 'README.md'),
    [['options', () => renderOptionsTable(HEALTH_SETTINGS)]],
  ],
  [join(__dirname, '..', 'packages', 'register', 'README.md'), [['environment', renderPreloadTable]]],
];

/** `text` with each generated block (between `<!-- name:begin -->` and `<!-- name:end -->`) rewritten. */
export function updateReadme(text: string, blocks: Blocks = ROOT_BLOCKS): string {
  let out = text;
  for (const [name, render] of blocks) {
    const begin = `<!-- ${name}:begin (generated by scripts/settings-docs.ts, do not edit) -->`;
    const end = `<!-- ${name}:end -->`;
    const from = out.indexOf(begin);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md: markers of the ${name} table not found`);
    out = `${out.slice(0, from + begin.length)}\n${render()}\n${out.slice(to)}`;
  }
  return out;
}

if (require.main === module) {
  for (const [path, blocks] of READMES) {
    const current = readFileSync(path, 'utf8');
    const next = updateReadme(current, blocks);
    if (process.argv.includes('--write')) {
      if (next !== current) writeFileSync(path, next);
      console.log(`${path}: ${next === current ? 'up to date' : 'rewritten'}`);
    } else if (next !== current) {
      console.error(`${path} drifts from the settings schema: run npm run docs:settings`);
      process.exitCode = 1;
    }
  }
}
