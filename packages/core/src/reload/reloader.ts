import { unwatchFile, watchFile } from 'node:fs';
import { diag } from '@opentelemetry/api';

/**
 * One part of the configuration that can change at run time. `check` validates its section of the
 * settings file and returns a function that applies it (or throws an `Error` naming the setting and the
 * value); nothing is applied until every section has passed.
 */
export interface ReloadTarget {
  /** The top-level key of its section in the settings file (`tracing`, `health`, `breakers`, …). */
  readonly section: string;
  check(value: unknown): () => void;
}

/** The outcome of one reload. */
export interface ReloadResult {
  readonly outcome: 'applied' | 'rejected' | 'unchanged';
  /** Sections applied, or the reason it was rejected. */
  readonly detail: string;
  /** Settings present in the file that only take effect after a restart. */
  readonly restartRequired: readonly string[];
}

/** Settings that cannot change at run time; a change to them is reported, never half-applied. */
const RESTART_ONLY = new Set([
  'host',
  'port',
  'server',
  'tls',
  'auth',
  'metricsExporters',
  'otlp',
  'exporters',
  'serviceName',
  'runtimeMetrics',
  'cardinalityLimit',
]);

/** Sections otelkit's packages define; one whose package is not in use is ignored, not an error. */
const KNOWN_SECTIONS = new Set(['logLevel', 'tracing', 'health', 'breakers']);

/** Reads the settings file; throws an Error naming the file and the problem. */
export type SettingsReader = () => Readonly<Record<string, unknown>>;

/**
 * Applies the settings file atomically: every section is checked first, then all are applied; an
 * invalid file leaves every setting as it was, with one log line. Triggered by SIGHUP and by changes
 * of the file (polled, unref'd).
 */
export class Reloader {
  private readonly targets = new Map<string, ReloadTarget>();
  private lastText = '';
  private watching = false;
  private readonly onSignal = () => void this.reload('SIGHUP');

  /**
   * @param current the running value of a restart-only setting, to report only real changes
   */
  constructor(
    private readonly path: string,
    private readonly read: SettingsReader,
    private readonly onResult: (result: ReloadResult, trigger: string) => void,
    private readonly current: (key: string) => unknown = () => undefined,
  ) {}

  /** Registers a part of the configuration that the file may change. */
  add(target: ReloadTarget): void {
    this.targets.set(target.section, target);
  }

  /** Reads the file now and applies it if it is valid. */
  reload(trigger = 'call'): ReloadResult {
    let result: ReloadResult;
    try {
      const document = this.read();
      const text = JSON.stringify(document);
      if (text === this.lastText) {
        result = { outcome: 'unchanged', detail: 'no change', restartRequired: [] };
      } else {
        const restartRequired = Object.keys(document).filter(
          (k) => RESTART_ONLY.has(k) && JSON.stringify(document[k]) !== JSON.stringify(this.current(k)),
        );
        const unknown = Object.keys(document).filter(
          (k) => !RESTART_ONLY.has(k) && !this.targets.has(k) && !KNOWN_SECTIONS.has(k),
        );
        if (unknown.length > 0)
          throw new Error(`unknown setting ${unknown.map((k) => `"${k}"`).join(', ')} in ${this.path}`);
        const appliers: Array<() => void> = [];
        for (const [section, value] of Object.entries(document)) {
          const target = this.targets.get(section);
          if (target !== undefined) appliers.push(target.check(value));
        }
        for (const apply of appliers) apply();
        this.lastText = text;
        const sections = Object.keys(document).filter((k) => this.targets.has(k));
        result = { outcome: 'applied', detail: sections.join(', ') || '(nothing to apply)', restartRequired };
      }
    } catch (error) {
      result = { outcome: 'rejected', detail: (error as Error).message, restartRequired: [] };
    }
    this.onResult(result, trigger);
    return result;
  }

  /** Starts watching: SIGHUP and file changes (polled every `intervalMs`). */
  watch(intervalMs = 2000): void {
    if (this.watching) return;
    this.watching = true;
    process.on('SIGHUP', this.onSignal);
    watchFile(this.path, { interval: intervalMs, persistent: false }, () => void this.reload('file change'));
  }

  /** Stops watching. */
  stop(): void {
    if (!this.watching) return;
    this.watching = false;
    process.off('SIGHUP', this.onSignal);
    unwatchFile(this.path);
  }
}

/** Logs a reload result: applied at info, restart-only settings at warn, a rejected file at error. */
export function logReload(path: string, result: ReloadResult, trigger: string): void {
  if (result.outcome === 'applied') diag.info(`otelkit: reloaded ${path} (${trigger}): ${result.detail}`);
  if (result.outcome === 'rejected') {
    diag.error(
      `otelkit: ${path} not applied (${trigger}), the previous settings stay in force: ${result.detail}`,
    );
  }
  if (result.restartRequired.length > 0) {
    diag.warn(`otelkit: ${result.restartRequired.join(', ')} in ${path} take effect only after a restart`);
  }
}
