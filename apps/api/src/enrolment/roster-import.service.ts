import { Injectable } from '@nestjs/common';
import { EnrolmentSource, ErrorCode, MOBILE_PATTERN } from '@cll/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { OfferAccess } from '../catalogue/offer-access.service.js';
import { DomainException } from '../common/domain.exception.js';
import { JobName } from '../jobs/job.constants.js';
import { OutboxService } from '../jobs/outbox.service.js';
import { RosterImport } from '../learning/learning.entities.js';
import type { RosterImportResponse } from './dto/enrolment-others.dto.js';
import { EnrolmentService } from './enrolment.service.js';
import { csvLine } from '../common/csv.js';

const MAX_ROWS = 2000;

export interface RosterRow {
  line: number;
  mobile: string;
  name: string;
}

/** Parses `mobile,name` CSV (a BOM, CRLF and blank lines are fine); refuses a file without that header. */
export function parseRosterCsv(csv: string): RosterRow[] {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0]?.trim().toLowerCase().replace(/\s/g, '');
  if (header !== 'mobile,name' && header !== 'mobile') {
    throw DomainException.field(
      ErrorCode.ImportCsvInvalid,
      'csv',
      'The first line must be the header "mobile,name".',
    );
  }
  const rows = lines
    .map((text, i) => ({ text: text.trim(), line: i + 1 }))
    .slice(1)
    .filter((r) => r.text !== '')
    .map((r) => {
      const [mobile = '', name = ''] = r.text.split(',').map((v) => v.trim().replace(/^"|"$/g, ''));
      return { line: r.line, mobile, name };
    });
  if (!rows.length || rows.length > MAX_ROWS) {
    throw DomainException.field(ErrorCode.ImportCsvInvalid, 'csv', `Give between 1 and ${MAX_ROWS} rows.`);
  }
  return rows;
}

const toResponse = (r: RosterImport): RosterImportResponse => ({
  id: r.id,
  sessionId: r.sessionId,
  status: r.status,
  total: r.total,
  processed: r.processed,
  enrolled: r.enrolled,
  waitlisted: r.waitlisted,
  rejected: r.rejectedRows.length,
  rejectedRows: r.rejectedRows,
});

/**
 * Roster uploads: staff post the CSV, a Bull job enrols row by row. Each row's enrolment and the import's progress
 * are written in one transaction, so a job killed midway resumes after the last finished row: no row is done twice,
 * none half-done.
 */
@Injectable()
export class RosterImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: OfferAccess,
    private readonly enrolments: EnrolmentService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async start(user: AuthUser, sessionId: string, csv: string): Promise<RosterImportResponse> {
    const rows = parseRosterCsv(csv);
    return this.dataSource.transaction(async (m) => {
      await this.access.session(m, user, sessionId);
      const created = await m.save(
        m.create(RosterImport, { sessionId, uploadedByUserId: user.id, csv, total: rows.length }),
      );
      await this.outbox.enqueue(m, JobName.RosterImport, `roster-import:${created.id}`, {
        importId: created.id,
      });
      await this.audit.record(m, {
        action: 'roster.uploaded',
        entityType: 'session',
        entityId: sessionId,
        actorUserId: user.id,
        details: { rows: rows.length },
      });
      return toResponse(created);
    });
  }

  async get(user: AuthUser, id: string): Promise<RosterResponseWithCsv> {
    const found = await this.dataSource.getRepository(RosterImport).findOneBy({ id });
    if (!found) throw new DomainException(ErrorCode.NotFound, 'No such import.');
    await this.access.session(this.dataSource.manager, user, found.sessionId);
    return { ...toResponse(found), rejectedCsv: toCsv(found.rejectedRows) };
  }

  /** The job. */
  async run(importId: string): Promise<void> {
    const job = await this.dataSource.getRepository(RosterImport).findOneBy({ id: importId });
    if (!job || job.status === 'done') return;
    await this.dataSource.query(
      `UPDATE roster_imports SET status = 'running', updated_at = now() WHERE id = $1`,
      [importId],
    );
    const rows = parseRosterCsv(job.csv);
    for (let index = job.processed; index < rows.length; index++) {
      const row = rows[index];
      try {
        await this.dataSource.transaction(async (m) => {
          const [progress]: Array<{ processed: number }> = await m.query(
            `SELECT processed FROM roster_imports WHERE id = $1 FOR UPDATE`,
            [importId],
          );
          if (progress.processed > index) return; // another run got here first
          if (!MOBILE_PATTERN.test(row.mobile)) {
            throw DomainException.field(
              ErrorCode.ValidationFailed,
              'mobile',
              'Not an 11-digit mainland mobile number.',
            );
          }
          const [learner]: Array<{ id: string }> = await m.query(`SELECT id FROM users WHERE mobile = $1`, [
            row.mobile,
          ]);
          if (!learner)
            throw new DomainException(
              ErrorCode.LearnerNotFound,
              'No learner is registered with this mobile number.',
            );
          const enrolmentId = await this.enrolments.enrol(m, learner.id, job.sessionId, {
            source: EnrolmentSource.Roster,
            actorUserId: job.uploadedByUserId,
          });
          const [e]: Array<{ status: string }> = await m.query(
            `SELECT status FROM enrolments WHERE id = $1`,
            [enrolmentId],
          );
          await m.query(
            `UPDATE roster_imports SET processed = processed + 1, enrolled = enrolled + $2, waitlisted = waitlisted + $3,
                    updated_at = now() WHERE id = $1`,
            [importId, e.status === 'enrolled' ? 1 : 0, e.status === 'waitlisted' ? 1 : 0],
          );
        });
      } catch (error) {
        if (!(error instanceof DomainException)) throw error;
        await this.dataSource.query(
          `UPDATE roster_imports SET processed = processed + 1, rejected_rows = rejected_rows || $2::jsonb, updated_at = now()
            WHERE id = $1 AND processed = $3`,
          [
            importId,
            JSON.stringify([
              { line: row.line, mobile: row.mobile, code: error.code, message: error.message },
            ]),
            index,
          ],
        );
      }
    }
    await this.dataSource.query(
      `UPDATE roster_imports SET status = 'done', updated_at = now() WHERE id = $1`,
      [importId],
    );
  }
}

export type RosterResponseWithCsv = RosterImportResponse & { rejectedCsv: string };

function toCsv(rows: RosterImportResponse['rejectedRows']): string {
  return [
    'line,mobile,code,message\r\n',
    ...rows.map((r) => csvLine([r.line, r.mobile, r.code, r.message])),
  ].join('');
}
