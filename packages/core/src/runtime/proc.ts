import { readdirSync, readFileSync } from 'node:fs';

// Linux procfs readers. /proc is a view of kernel data structures: these synchronous reads never block
// on a disk (libuv itself reads /proc/self/stat for process.memoryUsage()).

/** Whether this platform has the procfs files below. */
export const HAS_PROCFS = process.platform === 'linux';

/**
 * Number of open file descriptors: the entries of `/proc/self/fd`, minus the one `readdirSync` itself
 * opened to list the directory. Throws when the directory cannot be read.
 */
export function countOpenFds(dir = '/proc/self/fd'): number {
  return readdirSync(dir).length - 1;
}

/**
 * The soft limit on open files, from the `Max open files` line of `/proc/self/limits`, or `undefined`
 * when it is `unlimited`. Throws when the file cannot be read or has no such line.
 */
export function readMaxFds(file = '/proc/self/limits'): number | undefined {
  const line = readFileSync(file, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Max open files'));
  if (line === undefined) throw new Error(`no "Max open files" line in ${file}`);
  const soft = line.slice('Max open files'.length).trim().split(/\s+/)[0];
  if (soft === 'unlimited') return undefined;
  const value = Number(soft);
  if (!Number.isSafeInteger(value))
    throw new Error(`unexpected "Max open files" value ${String(soft)} in ${file}`);
  return value;
}

/** The memory figures prom-client reads from `/proc/self/status`, in bytes. */
export interface ProcStatusMemory {
  /** `VmRSS`: resident set size. */
  readonly residentBytes: number;
  /** `VmSize`: virtual memory size. */
  readonly virtualBytes: number;
  /** `VmData`: size of the data segment (prom-client's `process_heap_bytes`). */
  readonly dataBytes: number;
}

function kiloBytes(text: string, key: string): number {
  const start = text.indexOf(`\n${key}:`);
  if (start < 0) throw new Error(`no ${key} in /proc/self/status`);
  const value = Number.parseInt(text.slice(start + key.length + 2).trimStart(), 10);
  if (!Number.isFinite(value)) throw new Error(`unparsable ${key} in /proc/self/status`);
  return value * 1024;
}

/** Reads `VmRSS`, `VmSize` and `VmData` from `/proc/self/status`. Throws when unreadable. */
export function readProcStatusMemory(file = '/proc/self/status'): ProcStatusMemory {
  const text = readFileSync(file, 'utf8');
  return {
    residentBytes: kiloBytes(text, 'VmRSS'),
    virtualBytes: kiloBytes(text, 'VmSize'),
    dataBytes: kiloBytes(text, 'VmData'),
  };
}
