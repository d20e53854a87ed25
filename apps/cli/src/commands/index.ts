/**
 * Every CLI command, in help order. To add one: write commands/<name>.ts exporting a `CliCommand`
 * (see ../cli-command.ts) and add it to this list — nothing else changes.
 */
import type { CliCommand } from '../cli-command.js';
import { demoDataCommand } from './demo-data.js';
import { importCommand } from './import.js';
import { migrateCommand } from './migrate.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const COMMANDS: readonly CliCommand<any>[] = [migrateCommand, importCommand, demoDataCommand];
