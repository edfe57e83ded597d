import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Housekeeping run on a schedule by the worker. */
@Injectable()
export class MaintenanceService {
  constructor(private readonly dataSource: DataSource) {}

  /** Rate-limit windows older than two days count for nothing any more. Returns how many were removed. */
  async pruneRateLimits(): Promise<number> {
    const rows: Array<{ n: number }> = await this.dataSource.query(
      `WITH gone AS (DELETE FROM rate_limit_buckets WHERE window_start < now() - interval '2 days' RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
    );
    return rows[0].n;
  }
}
