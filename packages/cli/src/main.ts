import { isOtelkitError } from '@otelkit/core';
import { checkConfigCommand } from './commands/check-config';
import { generateConfigCommand } from './commands/generate-config';
import { healthCommand } from './commands/health';
import type { CommandIo } from './commands/io';
import { PROCESS_IO } from './commands/io';
import { metricsCommand } from './commands/metrics';
import { EXIT_USAGE, isUsageError } from './usage-error';
import { VERSION } from './version';

type Command = (argv: readonly string[], io: CommandIo) => Promise<number>;

const COMMANDS: Readonly<Record<string, { run: Command; summary: string }>> = {
  'generate-config': {
    run: generateConfigCommand,
    summary: 'write Prometheus, Alertmanager, Grafana, collector, compose and Kubernetes files; SLO rules',
  },
  health: {
    run: healthCommand,
    summary: 'query a health endpoint (exit 0 pass/warn, 1 fail, 2 unreachable)',
  },
  metrics: { run: metricsCommand, summary: 'print a metrics endpoint as Prometheus text or JSON' },
  'check-config': {
    run: checkConfigCommand,
    summary: 'validate the OTEL_*/OTELKIT_* environment and print the effective config',
  },
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length)) + 2;
  return [
    'Usage: otelkit <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}${c.summary}`),
    '',
    'Run `otelkit <command> --help` for the options of a command.',
    '',
  ].join('\n');
}

/**
 * Runs the `otelkit` command line and resolves to the exit code. Usage errors print one line and a
 * hint, and give exit code 2.
 * @example
 * process.exitCode = await runCli(process.argv.slice(2));
 */
export async function runCli(argv: readonly string[], io: CommandIo = PROCESS_IO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(help());
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(VERSION);
    return 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.err(
      `otelkit: unknown command ${JSON.stringify(name)} (commands: ${Object.keys(COMMANDS).join(', ')})`,
    );
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (isUsageError(error)) {
      io.err(`otelkit ${error.message.startsWith(`${name}:`) ? '' : `${name}: `}${error.message}`);
      io.err(`Run \`otelkit ${name} --help\` for usage.`);
      return EXIT_USAGE;
    }
    if (isOtelkitError(error)) {
      io.err(`otelkit ${name}: ${error.message}`);
      return 1;
    }
    io.err(`otelkit ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
