/**
 * Every CLI command, in help order. To add one: write commands/<name>.ts exporting a `CliCommand`
 * (see ../cli-command.ts) and add it to this list — nothing else changes.
 */
import type { CliCommand } from '../cli-command.js';
import { demoDataCommand } from './demo-data.js';
import { driftCommand } from './drift.js';
import { explainCommand } from './explain.js';
import { importCommand } from './import.js';
import { migrateCommand } from './migrate.js';
import { predictCommand } from './predict.js';
import { quickstartCommand } from './quickstart.js';
import { reportCommand } from './report.js';
import { runCommand } from './run.js';
import { segmentCommand } from './segment.js';
import { serveCommand } from './serve.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const COMMANDS: readonly CliCommand<any>[] = [
  quickstartCommand,
  runCommand,
  importCommand,
  segmentCommand,
  predictCommand,
  explainCommand,
  driftCommand,
  reportCommand,
  serveCommand,
  demoDataCommand,
  migrateCommand,
];
