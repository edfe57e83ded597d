import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@cll/domain';
import { DataSource } from 'typeorm';
import { DomainException } from '../common/domain.exception.js';

export interface Limit {
  key: string;
  max: number;
  windowSeconds: number;
}

const WINDOW_START = `to_timestamp(floor(extract(epoch FROM now()) / $2::int) * $2::int)`;

/** Fixed-window counters in PostgreSQL: every API process sees the same counts, and they survive a restart. */
@Injectable()
export class RateLimitService {
  constructor(private readonly dataSource: DataSource) {}

  /** Throws RATE_LIMITED when any of the limits is already used up in its current window. */
  async assertBelow(limits: Limit[]): Promise<void> {
    for (const limit of limits) {
      const rows: Array<{ hits: number; retry_after: number }> = await this.dataSource.query(
        `SELECT hits, ceil(extract(epoch FROM window_start + make_interval(secs => $2::int) - now()))::int AS retry_after
           FROM rate_limit_buckets WHERE key = $1 AND window_start = ${WINDOW_START}`,
        [limit.key, limit.windowSeconds],
      );
      if (rows.length && rows[0].hits >= limit.max) throw tooMany(Math.max(rows[0].retry_after, 1));
    }
  }

  /** Counts one hit against each limit. */
  async hit(limits: Limit[]): Promise<void> {
    for (const limit of limits) {
      await this.dataSource.query(
        `INSERT INTO rate_limit_buckets (key, window_start, hits) VALUES ($1, ${WINDOW_START}, 1)
         ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_buckets.hits + 1`,
        [limit.key, limit.windowSeconds],
      );
    }
  }

  /** Counts a hit and refuses it when it goes over the limit (for actions limited whether or not they succeed). */
  async consume(limit: Limit): Promise<void> {
    const rows: Array<{ hits: number; retry_after: number }> = await this.dataSource.query(
      `INSERT INTO rate_limit_buckets (key, window_start, hits) VALUES ($1, ${WINDOW_START}, 1)
       ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_buckets.hits + 1
       RETURNING hits, ceil(extract(epoch FROM window_start + make_interval(secs => $2::int) - now()))::int AS retry_after`,
      [limit.key, limit.windowSeconds],
    );
    if (rows[0].hits > limit.max) throw tooMany(Math.max(rows[0].retry_after, 1));
  }

  async reset(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_limit_buckets WHERE key = $1`, [key]);
  }
}

function tooMany(retryAfterSeconds: number): DomainException {
  return new DomainException(
    ErrorCode.RateLimited,
    `Too many attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
    undefined,
    { retryAfterSeconds },
  );
}
