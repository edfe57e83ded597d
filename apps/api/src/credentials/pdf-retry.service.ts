import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { JobName } from '../jobs/job.constants.js';
import { OutboxService } from '../jobs/outbox.service.js';
import { pdfFontStatus } from './pdf-font.js';

/**
 * Certificates whose PDF could not be made (the font was missing) are tried again once the font is there: a job per
 * certificate and failure, with an id made from the failure's time, so each failure is retried once however many
 * workers run the schedule.
 */
@Injectable()
export class PdfRetryService {
  private readonly logger = new Logger('PdfRetry');

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Returns how many certificates were queued again (0 while the font is still missing). */
  async retryStalled(): Promise<number> {
    const font = await pdfFontStatus({ path: this.config.cjkFontPath, family: this.config.cjkFontFamily });
    if (!font.ok) return 0;
    const queued = await this.dataSource.transaction(async (m) => {
      const rows: Array<{ id: string; at: string }> = await m.query(
        `SELECT id, (extract(epoch FROM pdf_problem_at) * 1000)::bigint::text AS at
           FROM certificates WHERE pdf IS NULL AND pdf_problem IS NOT NULL ORDER BY pdf_problem_at LIMIT 1000`,
      );
      for (const row of rows)
        await this.outbox.enqueue(m, JobName.CertificatePdf, `certificate-pdf:${row.id}:retry:${row.at}`, {
          certificateId: row.id,
        });
      return rows.length;
    });
    if (queued) this.logger.log({ msg: 'certificate PDFs queued again', count: queued });
    return queued;
  }
}
