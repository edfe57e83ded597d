import type { Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { ErrorCode, maskName } from '@cll/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { assertProviderMember } from '../organisations/provider-access.js';
import type { RecordsExportQuery } from './dto/records-export.dto.js';
import { csvCell } from '../common/csv.js';

/** Rows per FETCH: small enough that memory stays flat, large enough that round trips do not dominate. */
export const EXPORT_BATCH = 1_000;

export const EXPORT_HEADER = [
  'completed_on',
  'course_title',
  'learner_name',
  'township',
  'hours',
  'credits',
  'certificate_number',
];

/**
 * The columns of the export, in order; the learner's name is masked afterwards (maskName), never an ID number or a
 * mobile. Exported so the benchmark runs the same SELECT through `COPY`.
 */
export const EXPORT_COLUMNS = `to_char(r.completed_on, 'YYYY-MM-DD'), r.course_title, u.name, t.name, r.hours::text,
         r.credits::text, k.number`;

export const EXPORT_FROM = `learning_records r
    JOIN users u ON u.id = r.learner_user_id
    LEFT JOIN learner_profiles p ON p.user_id = r.learner_user_id
    LEFT JOIN townships t ON t.code = p.township_code
    LEFT JOIN certificates k ON k.enrolment_id = r.enrolment_id`;

/** The export's columns, in order. */
type Row = [string, string, string, string | null, string, string, string | null];

export interface RecordsExport {
  fileName: string;
  /** Writes the CSV to `sink` batch by batch, waiting for it to drain; resolves with the number of rows written. */
  writeTo(sink: Writable): Promise<number>;
}

/** Waits until the sink takes more, or is gone (a download cancelled half-way must not hang the loop). */
function drained(sink: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      sink.off('drain', done);
      sink.off('close', done);
      resolve();
    };
    sink.on('drain', done);
    sink.on('close', done);
  });
}

@Injectable()
export class RecordsExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * A school's completions of its own courses as CSV. Ownership is checked before anything is sent: another school's
   * provider or course answers 404 like one that does not exist.
   */
  async open(user: AuthUser, providerId: string, query: RecordsExportQuery): Promise<RecordsExport> {
    assertProviderMember(user, providerId);
    if (query.courseId) {
      const own: unknown[] = await this.dataSource.query(
        `SELECT 1 FROM courses WHERE id = $1 AND provider_id = $2`,
        [query.courseId, providerId],
      );
      if (!own.length)
        throw new DomainException(ErrorCode.NotFound, 'No such provider, course, lesson or session.');
    }
    if (query.from && query.to && query.from > query.to) {
      throw DomainException.field(ErrorCode.ValidationFailed, 'to', 'The end date is before the start date.');
    }
    const fileName = `learning-records-${[query.from, query.to].filter(Boolean).join('_') || 'all'}.csv`;
    return { fileName, writeTo: (sink) => this.write(user, providerId, query, sink) };
  }

  private async write(
    user: AuthUser,
    providerId: string,
    query: RecordsExportQuery,
    sink: Writable,
  ): Promise<number> {
    let rows = 0;
    let failure: Error | undefined;
    try {
      if (!sink.write(`\uFEFF${EXPORT_HEADER.join(',')}\r\n`)) await drained(sink);
      for await (const batch of this.batches(providerId, query)) {
        if (sink.destroyed) break;
        let text = '';
        for (const r of batch) {
          text += `${r[0]},${csvCell(r[1])},${csvCell(maskName(r[2]))},${csvCell(r[3])},${r[4]},${r[5]},${csvCell(r[6])}\r\n`;
        }
        rows += batch.length;
        if (!sink.write(text)) await drained(sink);
      }
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
    }
    // Audited before the last byte goes out, so the event exists once the download does (a cut one says so).
    const complete = !failure && !sink.destroyed;
    await this.audit
      .record(this.dataSource.manager, {
        action: 'records.exported',
        entityType: 'provider',
        entityId: providerId,
        actorUserId: user.id,
        details: {
          rows,
          complete,
          from: query.from ?? null,
          to: query.to ?? null,
          courseId: query.courseId ?? null,
        },
      })
      .catch((error: Error) => (failure ??= error));
    if (failure) {
      // Headers are gone: a broken connection, never a short file that looks whole.
      sink.destroy();
      throw failure;
    }
    sink.end();
    return rows;
  }

  /**
   * One statement through a server-side cursor, fetched EXPORT_BATCH rows at a time: PostgreSQL plans it once, as it
   * would for COPY (cursor_tuple_fraction 1: the whole result is wanted), and only one batch is held here. Keyset pages
   * were 10× slower at 180,000 rows (each page joined users and profiles again). The connection stays taken, in a
   * read-only transaction, while the file downloads; a cancelled download ends it (the generator's finally).
   */
  private async *batches(providerId: string, query: RecordsExportQuery): AsyncGenerator<Row[]> {
    const params: unknown[] = [providerId];
    const where = ['r.provider_id = $1', 'r.course_id IS NOT NULL'];
    const add = (sql: string, value: unknown) => where.push(sql.replace('?', `$${params.push(value)}`));
    if (query.from) add('r.completed_on >= ?::date', query.from);
    if (query.to) add('r.completed_on <= ?::date', query.to);
    if (query.courseId) add('r.course_id = ?::uuid', query.courseId);
    const sql = `SELECT ${EXPORT_COLUMNS} FROM ${EXPORT_FROM} WHERE ${where.join(' AND ')} ORDER BY r.completed_on, r.id`;
    const runner = this.dataSource.createQueryRunner();
    // Rows as arrays (no object per row, no column-name lookups): the export is the one place where that counts.
    const client = (await runner.connect()) as {
      query(q: { text: string; values?: unknown[]; rowMode?: 'array' }): Promise<{ rows: Row[] }>;
    };
    let open = false;
    try {
      await client.query({ text: 'BEGIN READ ONLY' });
      open = true;
      await client.query({ text: 'SET LOCAL cursor_tuple_fraction = 1' });
      await client.query({ text: `DECLARE records_export NO SCROLL CURSOR FOR ${sql}`, values: params });
      for (;;) {
        const { rows } = await client.query({
          text: `FETCH ${EXPORT_BATCH} FROM records_export`,
          rowMode: 'array',
        });
        if (rows.length) yield rows;
        if (rows.length < EXPORT_BATCH) break;
      }
      await client.query({ text: 'COMMIT' });
      open = false;
    } finally {
      if (open) await client.query({ text: 'ROLLBACK' }).catch(() => undefined);
      await runner.release();
    }
  }
}
