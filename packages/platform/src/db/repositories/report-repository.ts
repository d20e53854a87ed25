/** Generated reports: metadata plus either a file path or the bytes themselves. */
import type { Db } from '../db.js';
import { sql } from '../sql.js';
import { isUuid } from './is-uuid.js';

type StoredReportFormat = 'html' | 'pdf';

export interface ReportRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly format: StoredReportFormat;
  readonly title: string;
  readonly metrics: readonly string[];
  readonly figures: readonly string[];
  readonly filePath: string | null;
  readonly contentType: string | null;
  readonly sizeBytes: number | null;
  readonly createdAt: Date;
}

export interface NewReport {
  readonly format: StoredReportFormat;
  readonly title: string;
  readonly metrics?: readonly string[];
  readonly figures?: readonly string[];
  /** Where the file was written; at least one of filePath and content is required. */
  readonly filePath?: string | null;
  readonly content?: Uint8Array | null;
  readonly contentType?: string | null;
}

const COLUMNS = sql`id, tenant_id AS "tenantId", format, title, metrics, figures, file_path AS "filePath",
  content_type AS "contentType", size_bytes AS "sizeBytes", created_at AS "createdAt"`;

/** Stores a report. @throws AppError DB_INVALID_VALUE when neither filePath nor content is given. */
export async function insertReport(db: Db, tenantId: string, report: NewReport): Promise<ReportRecord> {
  const content = report.content ?? null;
  const { rows } = await db.query<ReportRecord>(
    sql`INSERT INTO reports (tenant_id, format, title, metrics, figures, file_path, content, content_type, size_bytes)
        VALUES (${tenantId}, ${report.format}, ${report.title}, ${sql.json(report.metrics ?? [])},
                ${sql.json(report.figures ?? [])}, ${report.filePath ?? null},
                ${content === null ? null : Buffer.from(content.buffer, content.byteOffset, content.byteLength)}::bytea,
                ${report.contentType ?? null}, ${content?.byteLength ?? null})
        RETURNING ${COLUMNS}`,
  );
  return rows[0];
}

/** Reports, newest first, without content. */
export async function listReports(
  db: Db,
  tenantId: string,
  options: { limit?: number; offset?: number } = {},
): Promise<ReportRecord[]> {
  const { rows } = await db.query<ReportRecord>(
    sql`SELECT ${COLUMNS} FROM reports WHERE tenant_id = ${tenantId} ORDER BY created_at DESC, id
        LIMIT ${options.limit ?? 50} OFFSET ${options.offset ?? 0}`,
  );
  return rows;
}

/** One report with its stored bytes (null when only a file path was stored), or null. */
export async function getReport(
  db: Db,
  tenantId: string,
  id: string,
): Promise<(ReportRecord & { readonly content: Uint8Array | null }) | null> {
  if (!isUuid(id)) return null;
  const { rows } = await db.query<ReportRecord & { content: Uint8Array | null }>(
    sql`SELECT ${COLUMNS}, content FROM reports WHERE tenant_id = ${tenantId} AND id = ${id}`,
  );
  const row = rows[0];
  if (row === undefined) return null;
  // node-postgres returns a Buffer, PGlite a Uint8Array: hand out a plain Uint8Array either way.
  return { ...row, content: row.content === null ? null : new Uint8Array(row.content) };
}

/** Deletes a report row; true when one was deleted. The caller removes any file. */
export async function deleteReport(db: Db, tenantId: string, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const { rowCount } = await db.query(sql`DELETE FROM reports WHERE tenant_id = ${tenantId} AND id = ${id}`);
  return rowCount > 0;
}
