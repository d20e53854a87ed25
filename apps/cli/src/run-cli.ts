/**
 * The `cohortlens` program: global options, one commander sub-command per entry of COMMANDS,
 * output (human on stdout, or exactly one JSON document with --json) and exit codes.
 */
import { Command, CommanderError } from 'commander';
import { isAppError } from '@cohortlens/platform';
import { EngineError } from '@cohortlens/engine';
import type { CliCommand, CliIo, GlobalOptions } from './cli-command.js';
import { buildCliDeps, type CliDeps } from './cli-deps.js';
import { COMMANDS } from './commands/index.js';
import { EXIT_CODES, exitCodeFor } from './exit-codes.js';

export interface CliStreams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stderrIsTty: boolean;
}

interface ErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

function errorBody(error: unknown): ErrorBody {
  if (isAppError(error)) return { code: error.code, message: error.message, details: error.details };
  if (error instanceof EngineError)
    return { code: error.code, message: error.message, details: error.details };
  if (error instanceof CommanderError)
    return { code: 'CLI_USAGE', message: error.message.replace(/^error: /, '') };
  return { code: 'INTERNAL', message: 'Unexpected error (run without --json to see the cause)' };
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: readonly string[], streams: CliStreams): Promise<number> {
  const json = argv.includes('--json');
  let deps: CliDeps | undefined;
  let exitCode = EXIT_CODES.ok;

  const program = new Command('cohortlens')
    .description(
      'Customer analytics: import customers, segment, predict spending, explain, watch drift, report.',
    )
    .option('--config <file>', 'YAML configuration file (default: config/cohortlens.yaml when present)')
    .option('--json', 'print exactly one JSON document on stdout', false)
    .option('--tenant <slug>', 'tenant slug (default: tenant.default_slug from the configuration)')
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError(!json)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => streams.stdout.write(s),
      // With --json, usage errors are reported once, as the JSON error document.
      writeErr: (s) => (json ? undefined : streams.stderr.write(s)),
    });

  for (const def of COMMANDS) register(program, def);

  const io: CliIo = { stderr: streams.stderr, stderrIsTty: streams.stderrIsTty, json };

  function register(parent: Command, def: CliCommand<Record<string, unknown>>): void {
    const cmd = parent
      .command(def.name)
      .summary(def.summary)
      .description(def.description ?? def.summary);
    for (const a of def.args ?? []) cmd.argument(a);
    def.configure?.(cmd);
    cmd.addHelpText(
      'after',
      `\nExamples:\n${def.examples.map((e) => `  $ ${e.command}\n      ${e.explanation}`).join('\n')}\n`,
    );
    cmd.action(async (...params: unknown[]) => {
      const command = params[params.length - 1] as Command;
      const options = command.optsWithGlobals<Record<string, unknown> & GlobalOptions>();
      deps ??= buildCliDeps({ configPath: options.config, stderr: streams.stderr });
      const output = await def.run({ args: command.args, options, deps, io });
      streams.stdout.write(json ? `${JSON.stringify(output.data)}\n` : `${output.human}\n`);
    });
  }

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      if (error.exitCode === 0) return EXIT_CODES.ok;
      exitCode = EXIT_CODES.invalid_input;
      if (json) streams.stdout.write(`${JSON.stringify({ error: errorBody(error) })}\n`);
    } else {
      exitCode = exitCodeFor(error);
      const body = errorBody(error);
      if (json) streams.stdout.write(`${JSON.stringify({ error: body })}\n`);
      else streams.stderr.write(humanError(error, body));
    }
  } finally {
    await deps?.close();
  }
  return exitCode;
}

function humanError(error: unknown, body: ErrorBody): string {
  if (body.code === 'INTERNAL') {
    // Unknown errors: the whole cause chain, for the operator running the command.
    const lines = ['cohortlens: unexpected error'];
    for (let e: unknown = error; e !== undefined; e = (e as { cause?: unknown }).cause) {
      lines.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
    }
    return `${lines.join('\n')}\n`;
  }
  const details = body.details && Object.keys(body.details).length > 0 ? formatDetails(body.details) : '';
  return `cohortlens: ${body.message} [${body.code}]\n${details}`;
}

function formatDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([k, v]) => `  ${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}\n`)
    .join('');
}
