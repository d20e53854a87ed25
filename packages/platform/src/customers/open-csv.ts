/**
 * Streaming RFC 4180 reader for customer files: sniffs the first bytes (empty? binary? which
 * delimiter?), then hands the whole stream to csv-parse, which handles quoted fields, embedded
 * delimiters and line breaks, a UTF-8 BOM and CRLF. Records are pulled in batches through async
 * iteration, so stream backpressure bounds memory whatever the file size.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { AppError } from '../errors/app-error.js';

/** A file path or a readable byte stream (an HTTP upload, stdin). */
export type CsvSource = string | Readable;

export interface OpenedCsv {
  delimiter: ',' | ';' | '\t';
  headers: string[];
  /**
   * Data records (the header excluded), in file order, in arrays of up to BATCH_RECORDS: one
   * await per batch instead of per record. Throws AppError IMPORT_MALFORMED_CSV.
   */
  batches: AsyncIterable<string[][]>;
  /** The same records one by one (convenient, slower). */
  records: AsyncIterable<string[]>;
  /** Releases the underlying stream when the caller stops early. */
  close(): void;
}

const SNIFF_BYTES = 64 * 1024;
const TEXT_CHECK_BYTES = 1024;
const BATCH_RECORDS = 1000;
const DELIMITERS = [',', ';', '\t'] as const;

/**
 * Opens a CSV source and reads its header.
 * @throws AppError IMPORT_FILE_NOT_FOUND, IMPORT_EMPTY_FILE, IMPORT_NOT_TEXT, IMPORT_MALFORMED_CSV.
 */
export async function openCsv(source: CsvSource): Promise<OpenedCsv> {
  const stream = typeof source === 'string' ? await openFile(source) : source;
  const { head, ended } = await readHead(stream, source);
  checkText(head);
  const headText = head.toString('utf8').replace(/^\uFEFF/, '');
  if (headText.trim() === '') {
    stream.destroy();
    throw new AppError('IMPORT_EMPTY_FILE', 'invalid_input', 'The file is empty', {
      details: { bytes: head.length },
    });
  }
  const delimiter = sniffDelimiter(headText);

  const parser = parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true });
  // Put the sniffed bytes back and let pipe() carry the rest with backpressure.
  const input = ended ? Readable.from([head]) : stream;
  if (!ended) stream.unshift(head);
  input.on('error', (e) => parser.destroy(e as Error));
  input.pipe(parser);
  const close = (): void => {
    input.unpipe(parser);
    parser.destroy();
    stream.destroy();
  };

  const all = readBatches(parser);
  const first = await all.next();
  if (first.done || first.value.length === 0) {
    close();
    throw new AppError('IMPORT_EMPTY_FILE', 'invalid_input', 'The file has no header line');
  }
  const headers = first.value[0];
  const rest = first.value.slice(1);
  async function* batches(): AsyncGenerator<string[][]> {
    try {
      if (rest.length > 0) yield rest;
      yield* all;
    } finally {
      close();
    }
  }
  const shared = batches();
  return {
    delimiter,
    headers,
    batches: shared,
    records: (async function* () {
      for await (const batch of shared) yield* batch;
    })(),
    close,
  };
}

/** Reads up to SNIFF_BYTES from the start of the stream without consuming the rest. */
async function readHead(stream: Readable, source: CsvSource): Promise<{ head: Buffer; ended: boolean }> {
  const parts: Buffer[] = [];
  let size = 0;
  for (;;) {
    let chunk: Buffer | string | null;
    while (size < SNIFF_BYTES && (chunk = stream.read() as Buffer | string | null) !== null) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      parts.push(buf);
      size += buf.length;
    }
    if (size >= SNIFF_BYTES) return { head: Buffer.concat(parts), ended: false };
    if (stream.readableEnded) return { head: Buffer.concat(parts), ended: true };
    const ended = await waitFor(stream, 'readable').catch((e: unknown) => {
      throw readError(e, source);
    });
    if (ended) return { head: Buffer.concat(parts), ended: true };
  }
}

/** Resolves on `event` (false) or 'end' (true); rejects on 'error'. */
function waitFor(stream: Readable, event: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      stream.off(event, onEvent);
      stream.off('end', onEnd);
      stream.off('error', onError);
    };
    const onEvent = (): void => (cleanup(), resolve(false));
    const onEnd = (): void => (cleanup(), resolve(true));
    const onError = (e: unknown): void => (cleanup(), reject(e));
    stream.on(event, onEvent);
    stream.on('end', onEnd);
    stream.on('error', onError);
  });
}

/** Drains the parser's buffer synchronously into arrays; awaits only when it is empty. */
async function* readBatches(parser: Readable): AsyncGenerator<string[][]> {
  for (;;) {
    const batch: string[][] = [];
    let record: string[] | null;
    while (batch.length < BATCH_RECORDS && (record = parser.read() as string[] | null) !== null)
      batch.push(record);
    if (batch.length > 0) {
      yield batch;
      continue;
    }
    if (parser.readableEnded) return;
    try {
      if (await waitFor(parser, 'readable')) return;
    } catch (e) {
      throw malformed(e);
    }
  }
}

function malformed(e: unknown): unknown {
  if (!(e instanceof CsvError)) return e;
  const line = typeof e.lines === 'number' ? e.lines : undefined;
  return new AppError(
    'IMPORT_MALFORMED_CSV',
    'invalid_input',
    `Malformed CSV near line ${line ?? '?'}: ${e.message}`,
    {
      details: { line, csvCode: e.code },
      cause: e,
    },
  );
}

async function openFile(path: string): Promise<Readable> {
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  // Surface "no such file" before sniffing, as our own error.
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (e) => reject(readError(e, path)));
  });
  return stream;
}

function readError(e: unknown, source: CsvSource): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return new AppError('IMPORT_FILE_NOT_FOUND', 'not_found', `No such file: ${String(source)}`, {
      details: { path: String(source) },
    });
  }
  if (code === 'EISDIR') {
    return new AppError('IMPORT_NOT_TEXT', 'invalid_input', `Not a file: ${String(source)}`, {
      details: { path: String(source) },
    });
  }
  return e;
}

/** NUL bytes or invalid UTF-8 in the first KB mean a binary file (a spreadsheet, an archive). */
function checkText(head: Buffer): void {
  const sample = head.subarray(0, TEXT_CHECK_BYTES);
  let reason: string | undefined;
  if (sample.includes(0)) reason = 'NUL bytes';
  else {
    try {
      // stream: true lets a multi-byte character cut at the sample's end pass.
      new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    } catch {
      reason = 'invalid UTF-8';
    }
  }
  if (reason !== undefined) {
    throw new AppError(
      'IMPORT_NOT_TEXT',
      'invalid_input',
      `The file is not UTF-8 text (${reason} in the first KB)`,
      {
        details: { reason, hint: 'Export the sheet as CSV (UTF-8) and import that file.' },
      },
    );
  }
}

/** The delimiter seen most often outside quotes in the first line; comma on a tie or none. */
export function sniffDelimiter(text: string): ',' | ';' | '\t' {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: ',' | ';' | '\t' = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}
