/**
 * Streaming RFC 4180 reader for customer files: sniffs the first bytes (empty? binary? which
 * delimiter?), then hands the whole stream to csv-parse, which handles quoted fields, embedded
 * delimiters and line breaks, a UTF-8 BOM and CRLF. Records are pulled one at a time through async
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
  /** Data records (the header excluded), in file order. Throws AppError IMPORT_MALFORMED_CSV. */
  records: AsyncIterable<string[]>;
  /** Releases the underlying stream when the caller stops early. */
  close(): void;
}

const SNIFF_BYTES = 64 * 1024;
const TEXT_CHECK_BYTES = 1024;
const DELIMITERS = [',', ';', '\t'] as const;

/**
 * Opens a CSV source and reads its header.
 * @throws AppError IMPORT_FILE_NOT_FOUND, IMPORT_EMPTY_FILE, IMPORT_NOT_TEXT, IMPORT_MALFORMED_CSV.
 */
export async function openCsv(source: CsvSource): Promise<OpenedCsv> {
  const stream = typeof source === 'string' ? await openFile(source) : source;
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const head: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < SNIFF_BYTES) {
    const next = await chunks.next().catch((e: unknown) => {
      throw readError(e, source);
    });
    if (next.done) {
      ended = true;
      break;
    }
    const buf = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    head.push(buf);
    headBytes += buf.length;
  }
  const headBuf = Buffer.concat(head);
  checkText(headBuf);
  const headText = headBuf.toString('utf8').replace(/^\uFEFF/, '');
  if (headText.trim() === '') {
    stream.destroy();
    throw new AppError('IMPORT_EMPTY_FILE', 'invalid_input', 'The file is empty', {
      details: { bytes: headBuf.length },
    });
  }
  const delimiter = sniffDelimiter(headText);

  async function* all(): AsyncGenerator<Buffer> {
    yield headBuf;
    if (ended) return;
    for (;;) {
      const next = await chunks.next();
      if (next.done) return;
      yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    }
  }
  const parser = parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true });
  const input = Readable.from(all(), { objectMode: false });
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;

  const first = await pull(iterator);
  if (first.done) {
    throw new AppError('IMPORT_EMPTY_FILE', 'invalid_input', 'The file has no header line');
  }
  const close = (): void => {
    input.destroy();
    parser.destroy();
    stream.destroy();
  };
  return {
    delimiter,
    headers: first.value,
    records: {
      [Symbol.asyncIterator]: () => ({
        next: () => pull(iterator),
        return: async () => {
          close();
          return { done: true, value: undefined };
        },
      }),
    },
    close,
  };
}

async function pull(iterator: AsyncIterator<string[]>): Promise<IteratorResult<string[]>> {
  try {
    return await iterator.next();
  } catch (e) {
    if (e instanceof CsvError) {
      const line = typeof e.lines === 'number' ? e.lines : undefined;
      throw new AppError(
        'IMPORT_MALFORMED_CSV',
        'invalid_input',
        `Malformed CSV near line ${line ?? '?'}: ${e.message}`,
        {
          details: { line, csvCode: e.code },
          cause: e,
        },
      );
    }
    throw e;
  }
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
