import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@cll/domain';
import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { RateLimitService } from '../auth/rate-limit.service.js';
import { DomainException } from '../common/domain.exception.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { SMS_GATEWAY, type SmsGateway } from './sms.gateway.js';
import type { CodePurpose } from './verification.entities.js';

export const CODE_TTL_SECONDS = 300;
export const CODE_MAX_ATTEMPTS = 5;
const HOUR = 3600;

export interface CodeRequest {
  purpose: CodePurpose;
  mobile: string;
  /** The account the code acts on; null when there is none (nothing is sent, the answer is the same). */
  userId: string | null;
  ip: string;
  /** Send even with no account on the number (consent from whoever holds the phone). Default: only to accounts. */
  deliver?: boolean;
  /** Kept with the code, returned when it is consumed. */
  context?: Record<string, string>;
  /** Who asked, when signed in (a proxy asking a resident to confirm). */
  actorUserId?: string;
  /** The text message, given the code; called only when there is an account to send to. */
  text: (code: string) => string;
}

export interface Challenge {
  challengeId: string;
  expiresInSeconds: number;
}

export interface ConsumedCode {
  userId: string | null;
  requestedFrom: string;
  context: Record<string, string> | null;
}

/** One-time SMS codes: 6 digits, 5 minutes, 5 tries, kept as keyed hashes, limited per number and per address. */
@Injectable()
export class VerificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rateLimits: RateLimitService,
    private readonly audit: AuditService,
    @Inject(SMS_GATEWAY) private readonly gateway: SmsGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  mobileHash(mobile: string): string {
    return createHmac('sha256', this.config.piiHashKey).update(`mobile:${mobile}`).digest('hex');
  }

  private codeHash(challengeId: string, code: string): string {
    return createHmac('sha256', this.config.piiHashKey).update(`code:${challengeId}:${code}`).digest('hex');
  }

  /**
   * Makes a code and texts it. Counts against the address and the number first (429 past either limit), replaces
   * any earlier open code of the same purpose for the number, and answers 503 SMS_UNAVAILABLE, leaving no usable
   * code, when the gateway fails.
   */
  async send(request: CodeRequest): Promise<Challenge> {
    const mobileHash = this.mobileHash(request.mobile);
    const { codesPerIp, codesPerMobile } = this.config.rateLimit;
    await this.rateLimits.consume({ key: `code:ip:${request.ip}`, max: codesPerIp, windowSeconds: HOUR });
    await this.rateLimits.consume({
      key: `code:mobile:${mobileHash}`,
      max: codesPerMobile,
      windowSeconds: HOUR,
    });
    const challengeId = randomUUID();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE verification_codes SET consumed_at = now()
          WHERE mobile_hash = $1 AND purpose = $2 AND consumed_at IS NULL`,
        [mobileHash, request.purpose],
      );
      await manager.query(
        `INSERT INTO verification_codes (id, purpose, mobile_hash, user_id, code_hash, requested_from, expires_at, context)
         VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7), $8)`,
        [
          challengeId,
          request.purpose,
          mobileHash,
          request.userId,
          this.codeHash(challengeId, code),
          request.ip,
          CODE_TTL_SECONDS,
          request.context ?? null,
        ],
      );
      // The same event whether or not an account has the number; the number itself is never recorded.
      await this.audit.record(manager, {
        action: 'verification.code_sent',
        entityType: 'verification_code',
        entityId: challengeId,
        actorUserId: request.actorUserId ?? null,
        details: { purpose: request.purpose },
      });
    });
    if (request.deliver ?? request.userId !== null) {
      try {
        await this.gateway.send(request.mobile, request.text(code));
      } catch {
        await this.dataSource.query(`UPDATE verification_codes SET consumed_at = now() WHERE id = $1`, [
          challengeId,
        ]);
        throw new DomainException(
          ErrorCode.SmsUnavailable,
          'The text message could not be sent just now. Try again in a few minutes, or ask at a service point.',
        );
      }
    }
    return { challengeId, expiresInSeconds: CODE_TTL_SECONDS };
  }

  /**
   * Checks a code, outside any transaction: a try is used up at once, so a wrong code counts whatever happens next.
   * A right one is not used up yet: `consume` does that inside the transaction of the action it authorises, so the
   * code stays usable if that action fails. `mobile`, when given, must be the code's number.
   */
  async check(input: {
    challengeId: string;
    code: string;
    purpose: CodePurpose;
    mobile?: string;
  }): Promise<ConsumedCode> {
    const tried: Array<{
      code_hash: string;
      user_id: string | null;
      requested_from: string;
      mobile_hash: string;
      context: Record<string, string> | null;
    }> = await this.dataSource.query(
      `WITH tried AS (
         UPDATE verification_codes SET attempts = attempts + 1
          WHERE id = $1 AND purpose = $2 AND consumed_at IS NULL AND attempts < $3 AND expires_at > now()
          RETURNING code_hash, user_id, requested_from, mobile_hash, context)
       SELECT * FROM tried`,
      [input.challengeId, input.purpose, CODE_MAX_ATTEMPTS],
    );
    const row = tried[0] as (typeof tried)[number] | undefined;
    if (!row) throw await this.whyUnusable(input.challengeId, input.purpose);
    const expected = Buffer.from(row.code_hash, 'hex');
    const given = Buffer.from(this.codeHash(input.challengeId, input.code), 'hex');
    const sameNumber = input.mobile === undefined || this.mobileHash(input.mobile) === row.mobile_hash;
    if (!timingSafeEqual(expected, given) || !sameNumber) {
      throw new DomainException(ErrorCode.CodeInvalid, 'The code is not right. Check the text message.', [
        { field: 'code', code: ErrorCode.CodeInvalid, message: 'The code is not right.' },
      ]);
    }
    return { userId: row.user_id, requestedFrom: row.requested_from, context: row.context };
  }

  /**
   * Uses up a checked code in the caller's transaction (its only statement there, so no second connection is
   * needed while the transaction holds one). Two uses at once: one succeeds, the other gets CODE_USED.
   */
  async consume(manager: EntityManager, challengeId: string): Promise<void> {
    const consumed: Array<{ id: string }> = await manager.query(
      `WITH done AS (UPDATE verification_codes SET consumed_at = now() WHERE id = $1 AND consumed_at IS NULL RETURNING id)
       SELECT id FROM done`,
      [challengeId],
    );
    if (!consumed.length) throw used();
  }

  private async whyUnusable(challengeId: string, purpose: CodePurpose): Promise<DomainException> {
    const rows: Array<{ consumed: boolean; exhausted: boolean; expired: boolean }> =
      await this.dataSource.query(
        `SELECT consumed_at IS NOT NULL AS consumed, attempts >= $3 AS exhausted, expires_at <= now() AS expired
         FROM verification_codes WHERE id = $1 AND purpose = $2`,
        [challengeId, purpose, CODE_MAX_ATTEMPTS],
      );
    const row = rows[0] as (typeof rows)[number] | undefined;
    if (!row) return new DomainException(ErrorCode.CodeInvalid, 'The code is not right. Ask for a new one.');
    if (row.exhausted)
      return new DomainException(ErrorCode.CodeAttemptsExhausted, 'Too many wrong codes. Ask for a new one.');
    if (row.consumed) return used();
    return new DomainException(ErrorCode.CodeExpired, 'The code has expired. Ask for a new one.');
  }
}

function used(): DomainException {
  return new DomainException(ErrorCode.CodeUsed, 'This code was already used. Ask for a new one.');
}
