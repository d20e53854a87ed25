/**
 * Writes synthetic customers (the engine's generator) as a Customers.csv-layout file, streaming:
 * lines are gathered into ~256 KB chunks and the writer waits for 'drain', so millions of rows
 * use constant memory.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { CUSTOMER_CSV_HEADER, customerToCsvRow, generateCustomers } from '@cohortlens/engine';
import { AppError } from '../errors/app-error.js';

export interface WriteDemoCustomersOptions {
  rows: number;
  seed?: number;
  /** A file path (parent directories are created) or an open stream (left open). */
  out: string | Writable;
  /** Called about every 100,000 rows. */
  onProgress?: (rowsWritten: number) => void;
}

export interface WriteDemoCustomersResult {
  rows: number;
  seed: number;
  out: string | null;
  bytes: number;
  durationMs: number;
}

const CHUNK_CHARS = 256 * 1024;
const DEFAULT_SEED = 42;

/**
 * Generates `rows` synthetic customers and writes them as CSV (header + rows, LF line endings).
 * @throws AppError DEMO_DATA_INVALID_OPTIONS for a bad row count or seed.
 */
export async function writeDemoCustomers(
  options: WriteDemoCustomersOptions,
): Promise<WriteDemoCustomersResult> {
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(options.rows) || options.rows < 0) {
    throw new AppError('DEMO_DATA_INVALID_OPTIONS', 'invalid_input', 'rows must be a non-negative integer', {
      details: { rows: options.rows },
    });
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) {
    throw new AppError('DEMO_DATA_INVALID_OPTIONS', 'invalid_input', 'seed must be an integer in 0..2^32-1', {
      details: { seed },
    });
  }
  const started = performance.now();
  const ownStream = typeof options.out === 'string';
  if (typeof options.out === 'string') await mkdir(dirname(options.out), { recursive: true });
  const stream = typeof options.out === 'string' ? createWriteStream(options.out) : options.out;
  let failure: unknown;
  const onError = (e: unknown): void => {
    failure ??= e;
  };
  stream.on('error', onError);

  let bytes = 0;
  const write = async (text: string): Promise<void> => {
    if (failure !== undefined) throw failure;
    bytes += Buffer.byteLength(text);
    // events.once rejects when 'error' fires while waiting.
    if (!stream.write(text)) await once(stream, 'drain');
    if (failure !== undefined) throw failure;
  };

  let chunk = `${CUSTOMER_CSV_HEADER}\n`;
  let written = 0;
  for (const customer of generateCustomers({ rows: options.rows, seed })) {
    chunk += `${customerToCsvRow(customer)}\n`;
    written++;
    if (chunk.length >= CHUNK_CHARS) {
      await write(chunk);
      chunk = '';
    }
    if (options.onProgress && written % 100_000 === 0) options.onProgress(written);
  }
  await write(chunk);
  if (ownStream) {
    stream.end();
    await once(stream, 'finish');
  }
  stream.off('error', onError);
  return {
    rows: written,
    seed,
    out: typeof options.out === 'string' ? options.out : null,
    bytes,
    durationMs: Math.round(performance.now() - started),
  };
}
