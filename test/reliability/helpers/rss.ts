import { readFileSync } from 'node:fs';

/** Resident set size of process `pid` in MiB (Linux `/proc`), or undefined once it is gone. */
export function rssMb(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

/** Samples a process's RSS on an interval; keeps only first, last and max (bounded for long runs). */
export class RssSampler {
  first: number | undefined;
  last: number | undefined;
  max = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    intervalMs = 250,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample(): number | undefined {
    const mb = rssMb(this.pid);
    if (mb === undefined) return undefined;
    this.first ??= mb;
    this.last = mb;
    if (mb > this.max) this.max = mb;
    return mb;
  }

  /** Restarts max tracking from the current value (for per-phase maxima). */
  resetMax(): void {
    this.max = this.last ?? 0;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
