import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Housekeeping run on a schedule by the worker. */
@Injectable()
export class MaintenanceService {
  constructor(private readonly dataSource: DataSource) {}

  /** Rate-limit windows, sign-in failures and codes older than two days count for nothing any more. Returns how many were removed. */
  async pruneRateLimits(): Promise<number> {
    const rows: Array<{ n: number }> = await this.dataSource.query(
      `WITH gone AS (DELETE FROM rate_limit_buckets WHERE window_start < now() - interval '2 days' RETURNING 1),
            failures AS (DELETE FROM login_failures WHERE last_failed_at < now() - interval '2 days' RETURNING 1),
            codes AS (DELETE FROM verification_codes WHERE expires_at < now() - interval '2 days' RETURNING 1)
       SELECT (SELECT count(*) FROM gone)::int + (SELECT count(*) FROM failures)::int
              + (SELECT count(*) FROM codes)::int AS n`,
    );
    return rows[0].n;
  }
}
