import { Inject, Injectable, Logger } from '@nestjs/common';
import { ErrorCode, maskName } from '@cll/domain';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { CertificateResponse, RecordResponse, VerificationResponse } from './dto/credentials.dto.js';
import { todayInCounty } from '../common/date-only.js';
import { issuerUrls } from './open-badge.js';
import { drawCertificate, drawRecord, renderPdf } from './pdf.js';
import { pdfFontStatus } from './pdf-font.js';

interface CertificateRow {
  id: string;
  number: string;
  verification_code: string;
  holder_name: string;
  learner_user_id: string;
  revoked_at: Date | null;
  revoked_on: string | null;
  pdf_ready: boolean;
  pdf_problem: string | null;
  course_title: string;
  provider_name: string;
  hours: string;
  credits: string;
  completed_on: string;
}

const CERTIFICATE_SQL = `
  SELECT k.id, k.number, k.verification_code, k.holder_name, k.learner_user_id, k.revoked_at,
         to_char(k.revoked_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS revoked_on,
         -- Ready: made, or issued without a PDF job (the demo county's residents'), so made on its first download.
         (k.pdf_generated_at IS NOT NULL OR (k.pdf_problem IS NULL AND NOT EXISTS (
            SELECT 1 FROM job_outbox j WHERE j.job_id = 'certificate-pdf:' || k.id))) AS pdf_ready, k.pdf_problem,
         r.course_title, r.provider_name, r.hours, r.credits, to_char(r.completed_on, 'YYYY-MM-DD') AS completed_on
    FROM certificates k JOIN learning_records r ON r.id = k.record_id`;

@Injectable()
export class CredentialsService {
  private readonly logger = new Logger('Credentials');

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async record(user: AuthUser): Promise<RecordResponse> {
    const entries: Array<RecordResponse['entries'][number] & { hours: string; credits: string }> =
      await this.dataSource.query(
        `SELECT r.id, r.course_title AS "courseTitle", r.provider_name AS "providerName", r.category, r.hours, r.credits,
              to_char(r.completed_on, 'YYYY-MM-DD') AS "completedOn", k.id AS "certificateId", k.number AS "certificateNumber",
              to_char(k.revoked_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "certificateRevokedOn"
         FROM learning_records r LEFT JOIN certificates k ON k.record_id = r.id
        WHERE r.learner_user_id = $1 ORDER BY r.completed_on DESC, r.created_at DESC`,
        [user.id],
      );
    const rows = entries.map((e) => ({ ...e, hours: Number(e.hours), credits: Number(e.credits) }));
    const sum = (key: 'hours' | 'credits') => Math.round(rows.reduce((a, e) => a + e[key], 0) * 10) / 10;
    return { entries: rows, totals: { hours: sum('hours'), credits: sum('credits'), courses: rows.length } };
  }

  async recordPdf(user: AuthUser): Promise<Buffer> {
    await this.assertFont();
    const [record, [holder]] = await Promise.all([
      this.record(user),
      this.dataSource.query<Array<{ name: string }>>(`SELECT name FROM users WHERE id = $1`, [user.id]),
    ]);
    return renderPdf(this.font(), (doc) =>
      drawRecord(doc, {
        holderName: holder.name,
        exportedOn: todayInCounty(),
        totals: record.totals,
        entries: record.entries,
      }),
    );
  }

  async certificates(user: AuthUser): Promise<CertificateResponse[]> {
    const rows: CertificateRow[] = await this.dataSource.query(
      `${CERTIFICATE_SQL}
       WHERE k.learner_user_id = $1 ORDER BY k.issued_at DESC`,
      [user.id],
    );
    return rows.map((c) => ({
      id: c.id,
      number: c.number,
      courseTitle: c.course_title,
      providerName: c.provider_name,
      issuedOn: c.completed_on,
      verificationCode: c.verification_code,
      pdfReady: c.pdf_ready,
      pdfProblem: c.pdf_ready ? null : (c.pdf_problem as CertificateResponse['pdfProblem']),
      revokedOn: c.revoked_on,
    }));
  }

  async certificatePdf(user: AuthUser, id: string): Promise<Buffer> {
    const [row]: Array<{ pdf: Buffer | null; pdf_problem: string | null }> = await this.dataSource.query(
      `SELECT pdf, pdf_problem FROM certificates WHERE id = $1 AND learner_user_id = $2`,
      [id, user.id],
    );
    if (!row) throw new DomainException(ErrorCode.NotFound, 'No such certificate.');
    if (!row.pdf && row.pdf_problem) await this.assertFont();
    if (row.pdf) return row.pdf;
    // Not made yet (its job is queued, or it was issued without one, as the demo county's residents' are): made now,
    // the way the job makes it, so the download never waits for the queue.
    await this.renderCertificate(id);
    const [made]: Array<{ pdf: Buffer | null }> = await this.dataSource.query(
      `SELECT pdf FROM certificates WHERE id = $1`,
      [id],
    );
    if (!made?.pdf)
      throw new DomainException(
        ErrorCode.CertificateNotReady,
        'The certificate PDF is still being made; try again shortly.',
      );
    return made.pdf;
  }

  /** Public: shows nothing personal beyond the masked name. */
  async verify(code: string): Promise<VerificationResponse> {
    const [c]: CertificateRow[] = await this.dataSource.query(
      `${CERTIFICATE_SQL} WHERE k.verification_code = upper($1)`,
      [code],
    );
    if (!c) throw new DomainException(ErrorCode.NotFound, 'No certificate has this verification code.');
    return {
      number: c.number,
      status: c.revoked_at ? 'revoked' : 'valid',
      holderMasked: maskName(c.holder_name),
      courseTitle: c.course_title,
      providerName: c.provider_name,
      issuedOn: c.completed_on,
      hours: Number(c.hours),
      revokedOn: c.revoked_on,
    };
  }

  /**
   * The certificate job. Idempotent: the PDF is written only where none exists yet, so a retried or duplicated job
   * leaves one PDF and one notification.
   */
  async renderCertificate(certificateId: string): Promise<void> {
    const [c]: CertificateRow[] = await this.dataSource.query(
      `${CERTIFICATE_SQL} WHERE k.id = $1 AND k.pdf IS NULL`,
      [certificateId],
    );
    if (!c) return;
    const font = await pdfFontStatus(this.font());
    if (!font.ok) {
      // Shown to the learner; the job is retried with backoff, and again by the PDF retry schedule once the font is
      // there (PdfRetryService).
      await this.dataSource.query(
        `UPDATE certificates SET pdf_problem = 'font_missing', pdf_problem_at = now() WHERE id = $1 AND pdf IS NULL`,
        [certificateId],
      );
      throw new DomainException(ErrorCode.PdfFontMissing, font.reason);
    }
    const pdf = await renderPdf(this.font(), (doc) =>
      drawCertificate(doc, {
        number: c.number,
        verificationCode: c.verification_code,
        holderName: c.holder_name,
        courseTitle: c.course_title,
        providerName: c.provider_name,
        hours: Number(c.hours),
        credits: Number(c.credits),
        issuedOn: c.completed_on,
        verifyUrl: issuerUrls(this.config.publicOrigin).verify(c.verification_code),
      }),
    );
    await this.dataSource.transaction(async (m) => {
      // A second worker that rendered the same PDF meanwhile finds it already stored and leaves it.
      const pending: unknown[] = await m.query(
        `SELECT 1 FROM certificates WHERE id = $1 AND pdf IS NULL FOR UPDATE`,
        [certificateId],
      );
      if (!pending.length) return;
      await m.query(
        `UPDATE certificates SET pdf = $2, pdf_generated_at = now(), pdf_problem = NULL, pdf_problem_at = NULL
          WHERE id = $1`,
        [certificateId, pdf],
      );
      await this.notifications.notify(
        m,
        [c.learner_user_id],
        'certificate_ready',
        { courseTitle: c.course_title, certificateId },
        `certificate-ready:${certificateId}`,
      );
    });
    this.logger.log({ msg: 'certificate pdf made', certificateId, bytes: pdf.length });
  }

  /** The PDF font at start: a missing one is said once, loudly, with what to install (and /health says degraded). */
  async onApplicationBootstrap(): Promise<void> {
    const font = await pdfFontStatus(this.font());
    if (!font.ok)
      this.logger.warn({ msg: 'certificate and record PDFs cannot be made', reason: font.reason });
  }

  private async assertFont(): Promise<void> {
    const font = await pdfFontStatus(this.font());
    if (!font.ok) throw new DomainException(ErrorCode.PdfFontMissing, font.reason);
  }

  private font() {
    return { path: this.config.cjkFontPath, family: this.config.cjkFontFamily };
  }
}
