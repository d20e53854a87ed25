/**
 * The rejects file (`--rejects FILE`): CSV `row,column,value,reason`, streamed as rejects arrive so
 * a file with millions of bad rows costs no memory.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { ImportReject } from './clean-customer-row.js';

const field = (v: string | number): string => {
  const t = String(v);
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};

export interface RejectsFile {
  write(reject: ImportReject): Promise<void>;
  close(): Promise<void>;
}

/** Opens `path` for writing (truncating it) and writes the header line. */
export async function openRejectsFile(path: string): Promise<RejectsFile> {
  const stream: WriteStream = createWriteStream(path);
  await once(stream, 'open');
  let failure: unknown;
  stream.on('error', (e) => (failure ??= e));
  const put = async (line: string): Promise<void> => {
    if (failure !== undefined) throw failure;
    if (!stream.write(line)) await once(stream, 'drain');
  };
  await put('row,column,value,reason\n');
  return {
    write: (r) => put(`${r.row},${field(r.column)},${field(r.value)},${r.reason}\n`),
    close: async () => {
      stream.end();
      await once(stream, 'finish');
      if (failure !== undefined) throw failure;
    },
  };
}
