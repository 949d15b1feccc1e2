import { commaListFlag, type FlagSpecs, type FlagValues, listFlag } from '../args';
import { operationLabelProblem } from '../generate/operation-labels';
import {
  GENERATE_DEFAULTS,
  type GenerateOptions,
  SEVERITY_LEVELS,
  type SeverityLevel,
} from '../generate/options';
import { UsageError } from '../usage-error';
import { panelsFromFlag } from './panel-flag';

/** Flags of `otelkit generate-config` for per-attribute operation rules, custom panels and severities. */
export const EXTRA_FLAGS: FlagSpecs = {
  'operation-labels': {
    type: 'string',
    value: 'A,B',
    help: 'track() attributes every operation rule, baseline and dashboard keeps apart (by (…))',
  },
  panel: {
    type: 'string',
    multiple: true,
    value: "'[stat:]Title=PromQL'",
    help: 'a panel of the generated service dashboard (repeatable; $job, $instance, $__rate_interval work)',
  },
  severities: {
    type: 'string',
    value: 'LEVELS',
    help: `Alertmanager routes, one per level, higher inhibiting lower (of ${SEVERITY_LEVELS.join(', ')})`,
    default: GENERATE_DEFAULTS.severities.join(','),
  },
};

type Extras = Pick<GenerateOptions, 'operationLabels' | 'panels' | 'severities'>;

/** Turns {@link EXTRA_FLAGS} into options; every bad value is a {@link UsageError}. */
export function extrasFromFlags(v: FlagValues): Extras {
  const operationLabels = commaListFlag(v, 'operation-labels', []);
  for (const label of operationLabels) {
    const problem = operationLabelProblem(label);
    if (problem !== undefined)
      throw new UsageError(
        `--operation-labels=${JSON.stringify(v['operation-labels'])} is invalid: ${label}: ${problem}`,
      );
  }
  const listed = commaListFlag(v, 'severities', GENERATE_DEFAULTS.severities);
  const raw = JSON.stringify(listed.join(','));
  for (const level of listed) {
    if (!(SEVERITY_LEVELS as readonly string[]).includes(level))
      throw new UsageError(
        `--severities=${raw} is invalid: ${level} is not one of ${SEVERITY_LEVELS.join(', ')}`,
      );
  }
  for (const needed of ['warning', 'critical'])
    if (!listed.includes(needed))
      throw new UsageError(
        `--severities=${raw} is invalid: must include ${needed}, which the alert catalogue uses`,
      );
  const severities = SEVERITY_LEVELS.filter((l): l is SeverityLevel => listed.includes(l));
  return { operationLabels, panels: panelsFromFlag(listFlag(v, 'panel')), severities };
}
