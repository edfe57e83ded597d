import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@cll/domain';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainException } from '../common/domain.exception.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

export interface DelayRule {
  freeFailures: number;
  baseSeconds: number;
  maxSeconds: number;
}

/** Seconds a pair must wait after its latest failure: none for the free ones, then base, 2×base, 4×base … capped. */
export function delayAfter(failures: number, rule: DelayRule): number {
  if (failures < rule.freeFailures) return 0;
  return Math.min(rule.baseSeconds * 2 ** (failures - rule.freeFailures), rule.maxSeconds);
}

/**
 * Sign-in throttling that strangers cannot turn against the owner: failures are counted per (account, address)
 * pair, so guessing from one place slows that place down only. Many addresses failing on one account mark it as
 * sprayed; then the right password alone is not enough, an SMS code is asked for (see AuthService).
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A hash of the login as typed (normalised): known and unknown accounts are counted alike. */
  accountKey(who: { mobile?: string; email?: string; accountNumber?: string }): string {
    return createHash('sha256')
      .update(who.email ?? who.accountNumber ?? who.mobile ?? '')
      .digest('hex');
  }

  private get rule(): DelayRule {
    const { loginFailuresPerPair, loginDelaySeconds, loginWindowSeconds } = this.config.rateLimit;
    return {
      freeFailures: loginFailuresPerPair,
      baseSeconds: loginDelaySeconds,
      maxSeconds: loginWindowSeconds,
    };
  }

  /** RATE_LIMITED with the seconds left when this address must still wait before trying this account again. */
  async assertMayTry(accountKey: string, address: string): Promise<void> {
    const rows: Array<{ failures: number; since: number }> = await this.dataSource.query(
      `SELECT failures, extract(epoch FROM now() - last_failed_at)::float8 AS since
         FROM login_failures
        WHERE account_key = $1 AND address = $2 AND last_failed_at > now() - make_interval(secs => $3)`,
      [accountKey, address, this.config.rateLimit.loginWindowSeconds],
    );
    if (!rows.length) return;
    const wait = Math.ceil(delayAfter(rows[0].failures, this.rule) - rows[0].since);
    if (wait > 0) {
      throw new DomainException(
        ErrorCode.RateLimited,
        `Too many wrong passwords from here. Try again in ${Math.ceil(wait / 60)} minute(s), or reset the password.`,
        undefined,
        { retryAfterSeconds: wait },
      );
    }
  }

  /** Counts a failure for the pair; a pair quiet for a whole window starts again from one. */
  async recordFailure(accountKey: string, address: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO login_failures (account_key, address, failures, last_failed_at) VALUES ($1, $2, 1, now())
       ON CONFLICT (account_key, address) DO UPDATE
          SET failures = CASE WHEN login_failures.last_failed_at > now() - make_interval(secs => $3)
                              THEN login_failures.failures + 1 ELSE 1 END,
              last_failed_at = now()`,
      [accountKey, address, this.config.rateLimit.loginWindowSeconds],
    );
  }

  async clear(accountKey: string, address: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failures WHERE account_key = $1 AND address = $2`, [
      accountKey,
      address,
    ]);
  }

  /** Whether failures from many different addresses within the window point at this account. */
  async isSprayed(accountKey: string): Promise<boolean> {
    const rows: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM login_failures
        WHERE account_key = $1 AND last_failed_at > now() - make_interval(secs => $2)`,
      [accountKey, this.config.rateLimit.loginWindowSeconds],
    );
    return rows[0].n >= this.config.rateLimit.loginSprayAddresses;
  }
}
