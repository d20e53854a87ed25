/**
 * What a CLI command is: one file exporting a `CliCommand`, registered in commands/index.ts.
 * The framework (run-cli.ts) owns global options, deps, JSON vs human output and exit codes; a
 * command parses its own arguments, calls ONE platform use case and returns data plus a human text.
 */
import type { Command } from 'commander';
import type { CliDeps } from './cli-deps.js';

/** Options every command sees (declared once on the root program). */
export interface GlobalOptions {
  config?: string;
  json: boolean;
  tenant?: string;
}

/** Terminal facts a command may need (progress output goes to stderr, only on a TTY without --json). */
export interface CliIo {
  stderr: NodeJS.WritableStream;
  stderrIsTty: boolean;
  json: boolean;
}

export interface CommandContext<O = Record<string, unknown>> {
  /** Positional arguments, in the order declared in `args`. */
  args: string[];
  /** This command's options merged with the global ones. */
  options: O & GlobalOptions;
  deps: CliDeps;
  io: CliIo;
}

/** `data` is printed as the one JSON document under --json; `human` otherwise (stdout). */
export interface CommandOutput {
  data: unknown;
  human: string;
}

export interface CliCommand<O = Record<string, unknown>> {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Longer help text (optional). */
  description?: string;
  /** Positional arguments in commander syntax, e.g. ['<file>']. */
  args?: string[];
  /** Example invocations shown under --help. */
  examples: { command: string; explanation: string }[];
  /** Declares the command's own options on the commander Command. */
  configure?: (command: Command) => void;
  run: (ctx: CommandContext<O>) => Promise<CommandOutput>;
}

/** Identity helper that keeps the option type attached to a command definition. */
export const defineCommand = <O>(command: CliCommand<O>): CliCommand<O> => command;
