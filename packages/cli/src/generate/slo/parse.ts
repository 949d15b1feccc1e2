import { SECONDS_BUCKETS } from '@otelkit/core/internal';
import { parseDuration } from '../../duration';
import { UsageError } from '../../usage-error';
import { HTTP_SERVER_DURATION, operationDuration, operationsTotal } from '../metric-names';
import { FASTEST_BURN } from './burn-rates';
import type { SloKind, SloObjective, SloSource } from './objective';

/** Keys an objective may have, in the SLO file and in `--objective`. */
export const OBJECTIVE_KEYS = [
  'name',
  'kind',
  'metric',
  'threshold',
  'target',
  'window',
  'operation',
  'route',
] as const;

/** Default compliance window. */
export const DEFAULT_SLO_WINDOW = '30d';

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/;
const PERCENT = /^\d+(\.\d+)?%?$/;

/** The metrics an objective of `kind` can read, for operation-monitor namespace `namespace`. */
export function sloMetrics(kind: SloKind, namespace: string): Readonly<Record<string, SloSource>> {
  return kind === 'availability'
    ? { [HTTP_SERVER_DURATION]: 'http', [operationsTotal(namespace)]: 'operations' }
    : { [HTTP_SERVER_DURATION]: 'http', [operationDuration(namespace)]: 'operations' };
}

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim();
  return JSON.stringify(value);
}

/**
 * Validates one objective given as fields (from the SLO file or `--objective k=v,…`) and returns it.
 * Every problem is a {@link UsageError} of one line starting with `where` and naming the objective.
 */
export function objectiveFromFields(
  fields: Readonly<Record<string, unknown>>,
  namespace: string,
  where: string,
): SloObjective {
  const label = text(fields.name) ?? text(fields.metric) ?? '?';
  const fail = (why: string) =>
    new UsageError(`${where} is invalid: objective ${JSON.stringify(label)}: ${why}`);
  for (const key of Object.keys(fields))
    if (!(OBJECTIVE_KEYS as readonly string[]).includes(key))
      throw fail(`unknown key ${JSON.stringify(key)} (keys: ${OBJECTIVE_KEYS.join(', ')})`);
  const kind = text(fields.kind);
  if (kind !== 'availability' && kind !== 'latency')
    throw fail(`kind ${JSON.stringify(kind ?? '')} must be availability or latency`);
  const metric = text(fields.metric) ?? '';
  const known = sloMetrics(kind, namespace);
  const source = known[metric];
  if (source === undefined)
    throw fail(
      `unknown metric ${JSON.stringify(metric)} for ${kind} (one of ${Object.keys(known).join(', ')})`,
    );

  const rawTarget = text(fields.target) ?? '';
  const targetPercent = Number(rawTarget.replace(/%$/, ''));
  if (!PERCENT.test(rawTarget) || !(targetPercent > 0 && targetPercent < 100))
    throw fail(`target ${JSON.stringify(rawTarget)} must be a percentage above 0 and below 100, e.g. 99.9`);
  if (targetPercent < 1) {
    const meant = Number((targetPercent * 100).toPrecision(10));
    throw fail(`target ${rawTarget} is a percentage: write ${meant} for ${meant}%`);
  }
  const budget = (100 - targetPercent) / 100;
  if (FASTEST_BURN * budget >= 1)
    throw fail(
      `target ${rawTarget} is too low: paging at ${FASTEST_BURN}x its error budget would need more than 100% errors (use at least ${Math.ceil((100 - 100 / FASTEST_BURN) * 100) / 100})`,
    );

  const window = text(fields.window) ?? DEFAULT_SLO_WINDOW;
  if (!/^\d+d$/.test(window))
    throw fail(`window ${JSON.stringify(window)} must be whole days, e.g. 28d or 30d`);
  const days = parseDuration('window', window) / 86_400;
  if (days < 7 || days > 90) throw fail(`window ${window} must be from 7d to 90d`);

  let threshold: number | undefined;
  if (kind === 'latency') {
    const raw = text(fields.threshold) ?? '';
    threshold = Number(raw);
    if (raw === '' || !SECONDS_BUCKETS.includes(threshold))
      throw fail(
        `threshold ${JSON.stringify(raw)} is not a bucket boundary of ${metric} (seconds: ${SECONDS_BUCKETS.join(', ')})`,
      );
  } else if (fields.threshold !== undefined) throw fail('threshold is for latency objectives only');

  const operation = text(fields.operation);
  const route = text(fields.route);
  if (operation !== undefined && source !== 'operations')
    throw fail(`operation only selects operation-monitor metrics, not ${metric}`);
  if (route !== undefined && source !== 'http') throw fail(`route only selects ${HTTP_SERVER_DURATION}`);
  for (const [key, value] of [
    ['operation', operation],
    ['route', route],
  ] as const)
    if (value === '') throw fail(`${key} must not be empty`);

  const defaultName = [
    source === 'http' ? 'http' : namespace,
    operation ?? route?.replace(/[^a-zA-Z0-9_.-]+/g, '-').replace(/^-|-$/g, ''),
    kind,
    threshold === undefined ? undefined : `${threshold}s`,
  ]
    .filter((p) => p !== undefined && p !== '')
    .join('-');
  const name = text(fields.name) ?? defaultName;
  if (!NAME.test(name))
    throw fail(
      `name ${JSON.stringify(name)} must be letters, digits, _ . - (at most 63, starting with a letter or digit)`,
    );
  return { name, kind, source, metric, threshold, targetPercent, window, operation, route };
}

/**
 * Parses `--objective 'kind=availability,metric=…,target=99.9,window=30d'`: the keys of the SLO file
 * as comma-separated `key=value` pairs.
 */
export function objectiveFromFlag(raw: string, namespace: string): SloObjective {
  const where = `--objective=${JSON.stringify(raw)}`;
  const fields: Record<string, string> = {};
  for (const part of raw.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    if (eq < 1 || key === '')
      throw new UsageError(`${where} is invalid: expected key=value pairs separated by commas`);
    if (key in fields) throw new UsageError(`${where} is invalid: ${key} is given twice`);
    fields[key] = part.slice(eq + 1).trim();
  }
  return objectiveFromFields(fields, namespace, where);
}

/** Objectives must have distinct names (the `slo` label). */
export function checkDistinctNames(objectives: readonly SloObjective[]): void {
  const names = objectives.map((o) => o.name);
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated !== undefined)
    throw new UsageError(
      `objective ${JSON.stringify(repeated)} is declared twice: objectives need distinct names (add name=…)`,
    );
}
