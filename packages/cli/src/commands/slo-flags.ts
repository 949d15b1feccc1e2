import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { type FlagSpecs, type FlagValues, listFlag, stringFlag } from '../args';
import type { SloObjective } from '../generate/slo/objective';
import { checkDistinctNames, objectiveFromFields, objectiveFromFlag } from '../generate/slo/parse';
import { UsageError } from '../usage-error';

/** Flags of `otelkit generate-config` for service-level objectives. */
export const SLO_FLAGS: FlagSpecs = {
  slo: {
    type: 'string',
    value: 'FILE',
    help: 'YAML file of service-level objectives (objectives: [{kind, metric, target, window, ...}])',
  },
  objective: {
    type: 'string',
    multiple: true,
    value: "'kind=K,metric=M,target=99.9[,window=30d,threshold=S,name=N]'",
    help: 'one objective, the keys of the SLO file (repeatable; adds to --slo)',
  },
};

/** The objectives of an SLO file's text; `where` names the file in errors. */
export function objectivesFromYaml(text: string, namespace: string, where: string): SloObjective[] {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new UsageError(`${where} is invalid: not YAML (${first})`);
  }
  const list = (doc as { objectives?: unknown } | null)?.objectives;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !Array.isArray(list))
    throw new UsageError(`${where} is invalid: expected a mapping with a list under "objectives"`);
  const extra = Object.keys(doc).find((k) => k !== 'objectives');
  if (extra !== undefined) throw new UsageError(`${where} is invalid: unknown key ${JSON.stringify(extra)}`);
  return list.map((entry: unknown, i) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      throw new UsageError(`${where} is invalid: objectives[${i}] is not a mapping`);
    return objectiveFromFields(entry as Record<string, unknown>, namespace, where);
  });
}

/** Turns {@link SLO_FLAGS} into objectives (file first, then flags); every problem is a {@link UsageError}. */
export function objectivesFromFlags(v: FlagValues, namespace: string): SloObjective[] {
  const file = stringFlag(v, 'slo');
  const objectives: SloObjective[] = [];
  if (file !== undefined) {
    const where = `--slo=${JSON.stringify(file)}`;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(
        `${where} is invalid: cannot read it (${(error as NodeJS.ErrnoException).code ?? error})`,
      );
    }
    objectives.push(...objectivesFromYaml(text, namespace, where));
  }
  objectives.push(...listFlag(v, 'objective').map((raw) => objectiveFromFlag(raw, namespace)));
  checkDistinctNames(objectives);
  return objectives;
}
