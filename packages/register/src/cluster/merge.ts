/** One metric family parsed from Prometheus text: its comment lines and samples. */
interface Family {
  readonly comments: string[];
  readonly samples: string[];
}

const SUFFIXES = ['_bucket', '_count', '_sum', '_total', '_created', '_info'];

/** The family a sample belongs to, given the families declared so far in the same text. */
function familyOf(metric: string, declared: ReadonlySet<string>): string {
  if (declared.has(metric)) return metric;
  for (const suffix of SUFFIXES) {
    if (metric.endsWith(suffix) && declared.has(metric.slice(0, -suffix.length))) {
      return metric.slice(0, -suffix.length);
    }
  }
  return metric;
}

/** Adds `label="value"` to one sample line of the text format. */
function withLabel(line: string, label: string): string {
  const brace = line.indexOf('{');
  const space = line.indexOf(' ');
  if (brace !== -1 && (space === -1 || brace < space)) {
    return line[brace + 1] === '}'
      ? `${line.slice(0, brace + 1)}${label}${line.slice(brace + 1)}`
      : `${line.slice(0, brace + 1)}${label},${line.slice(brace + 1)}`;
  }
  return `${line.slice(0, space)}{${label}}${line.slice(space)}`;
}

/**
 * Merges the Prometheus text (0.0.4) of several processes into one exposition: each process's
 * samples get `cluster_worker="<id>"` (the primary's get `cluster_worker="primary"`), and every family
 * keeps one HELP/TYPE block with all processes' samples contiguous, as the format requires.
 */
export function mergeExpositions(
  sources: ReadonlyArray<{ readonly id: string; readonly text: string }>,
): string {
  const families = new Map<string, Family>();
  for (const { id, text } of sources) {
    const label = `cluster_worker="${id.replace(/["\\\n]/g, '_')}"`;
    const declared = new Set<string>();
    for (const line of text.split('\n')) {
      if (line === '' || line === '# EOF') continue;
      if (line.startsWith('#')) {
        const parts = line.split(' ');
        if ((parts[1] === 'HELP' || parts[1] === 'TYPE') && parts[2] !== undefined) {
          declared.add(parts[2]);
          let family = families.get(parts[2]);
          if (family === undefined) {
            family = { comments: [], samples: [] };
            families.set(parts[2], family);
          }
          if (!family.comments.some((c) => c.startsWith(`# ${parts[1]} `))) family.comments.push(line);
        }
        continue;
      }
      const end = line.search(/[{ ]/);
      const name = familyOf(end === -1 ? line : line.slice(0, end), declared);
      let family = families.get(name);
      if (family === undefined) {
        family = { comments: [], samples: [] };
        families.set(name, family);
      }
      family.samples.push(withLabel(line, label));
    }
  }
  let out = '';
  for (const family of families.values()) {
    for (const comment of family.comments) out += `${comment}\n`;
    for (const sample of family.samples) out += `${sample}\n`;
  }
  return out;
}
