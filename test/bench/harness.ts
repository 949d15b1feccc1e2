/**
 * Tiny shared benchmark harness: runs each case for several rounds in the same process, interleaved,
 * and reports the median per-call time. `--smoke` shrinks everything to prove the bench runs.
 */
export const smoke = process.argv.includes('--smoke');

/** One measured case. */
export interface Case {
  readonly name: string;
  /** Runs the operation `n` times. */
  readonly run: (n: number) => void;
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Measures every case, interleaving rounds so that machine noise hits all alike; ns per call. */
export function measure(
  cases: readonly Case[],
  options: { iterations: number; rounds: number },
): Map<string, number> {
  const samples = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  for (const c of cases) c.run(Math.min(options.iterations, 10_000)); // warm-up
  for (let round = 0; round < options.rounds; round++) {
    for (const c of cases) {
      const start = process.hrtime.bigint();
      c.run(options.iterations);
      samples.get(c.name)!.push(Number(process.hrtime.bigint() - start) / options.iterations);
    }
  }
  return new Map([...samples].map(([name, values]) => [name, median(values)]));
}

/** Prints a table of results with ratios against `baseline`. */
export function report(
  title: string,
  results: Map<string, number>,
  baseline: string,
  unit = 'ns/call',
): void {
  const base = results.get(baseline)!;
  console.log(`\n${title}`);
  console.log(`${'case'.padEnd(52)} ${unit.padStart(12)}  vs ${baseline}`);
  for (const [name, value] of results) {
    console.log(`${name.padEnd(52)} ${value.toFixed(1).padStart(12)}  ${(value / base).toFixed(2)}x`);
  }
}
