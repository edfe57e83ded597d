import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@cll/domain';
import QRCode from 'qrcode';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { DomainException } from '../../common/domain.exception.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { PiiService } from '../../people/pii.service.js';
import type { AuthUser } from '../auth.decorators.js';
import { type Limit, RateLimitService } from '../rate-limit.service.js';
import { TokenService } from '../token.service.js';
import type {
  MfaEnrolmentResponse,
  MfaResetResponse,
  MfaStatusResponse,
  MfaVerifiedResponse,
  MfaVerifyDto,
  RecoveryCodesResponse,
} from './mfa.dto.js';
import { factorRequired } from './mfa-policy.js';
import { matchingStep, newSecret, otpauthUri } from './totp.js';

export const RECOVERY_CODE_COUNT = 10;
/** Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives. */
const RECOVERY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function normaliseRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/**
 * The second factor of staff accounts (ASVS 5.0 V6.5/V6.6: TOTP with replay refused, recovery codes used once and
 * kept hashed, wrong codes throttled) and the step-up before the weightiest actions.
 */
@Injectable()
export class MfaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pii: PiiService,
    private readonly rateLimits: RateLimitService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async status(user: AuthUser): Promise<MfaStatusResponse> {
    const [row]: Array<{ left: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS left FROM mfa_recovery_codes WHERE user_id = $1 AND used_at IS NULL`,
      [user.id],
    );
    return {
      required: factorRequired(user.roles, this.config),
      enrolled: user.factor.enrolled,
      verified: user.factor.verified,
      stepUpFresh: user.factor.stepUpFresh,
      stepUpSeconds: this.config.mfa.stepUpSeconds,
      recoveryCodesLeft: row.left,
    };
  }

  /** A new secret waiting for its first code (replaces an unconfirmed one); refused once one is confirmed. */
  async startEnrolment(user: AuthUser): Promise<MfaEnrolmentResponse> {
    const secret = newSecret();
    const label = await this.dataSource.transaction(async (manager) => {
      const [account]: Array<{ label: string }> = await manager.query(
        `SELECT COALESCE(mobile, email, name) AS label FROM users WHERE id = $1 FOR UPDATE`,
        [user.id],
      );
      const stored: unknown[] = await manager.query(
        `INSERT INTO user_totp (user_id, secret_enc) VALUES ($1, $2)
         ON CONFLICT (user_id) DO UPDATE SET secret_enc = EXCLUDED.secret_enc, created_at = now(),
                                             last_used_step = NULL
           WHERE user_totp.confirmed_at IS NULL
         RETURNING user_id`,
        [user.id, this.pii.encrypt(secret)],
      );
      if (!stored.length) {
        throw new DomainException(
          ErrorCode.MfaAlreadyEnrolled,
          'An authenticator is already set up. Ask a bureau administrator to reset it if the phone is lost.',
        );
      }
      await this.audit.record(manager, {
        action: 'auth.mfa_enrolment_started',
        entityType: 'user',
        entityId: user.id,
        actorUserId: user.id,
      });
      return account.label;
    });
    const uri = otpauthUri(secret, label, this.config.mfa.issuer);
    return { secret, otpauthUri: uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 2, width: 240 }) };
  }

  /** The first code confirms the authenticator: the session counts as verified, and recovery codes are made. */
  async confirmEnrolment(user: AuthUser, code: string): Promise<RecoveryCodesResponse> {
    await this.rateLimits.assertBelow([this.failureLimit(user.id)]);
    return this.dataSource.transaction(async (manager) => {
      const [row]: Array<{ secret_enc: Buffer; confirmed_at: Date | null }> = await manager.query(
        `SELECT secret_enc, confirmed_at FROM user_totp WHERE user_id = $1 FOR UPDATE`,
        [user.id],
      );
      if (!row) throw new DomainException(ErrorCode.MfaNotEnrolled, 'Start the set-up first.');
      if (row.confirmed_at)
        throw new DomainException(ErrorCode.MfaAlreadyEnrolled, 'An authenticator is already set up.');
      const step = matchingStep(this.pii.decrypt(row.secret_enc), code);
      if (step === null) await this.refuse(user.id, ErrorCode.MfaCodeInvalid);
      await manager.query(
        `UPDATE user_totp SET confirmed_at = now(), last_used_step = $2 WHERE user_id = $1`,
        [user.id, step],
      );
      const recoveryCodes = await this.replaceRecoveryCodes(manager, user.id);
      await this.markSession(manager, user.sessionId);
      await this.audit.record(manager, {
        action: 'auth.mfa_enrolled',
        entityType: 'user',
        entityId: user.id,
        actorUserId: user.id,
      });
      return { recoveryCodes };
    });
  }

  /**
   * A code (or a recovery code) on this session: finishes a sign-in that stopped at the second factor, and starts
   * the step-up window. A code is accepted once: its time step must come after the last one accepted.
   */
  async verify(user: AuthUser, dto: MfaVerifyDto): Promise<MfaVerifiedResponse> {
    await this.rateLimits.assertBelow([this.failureLimit(user.id)]);
    const usedRecovery = dto.recoveryCode !== undefined;
    const left = await this.dataSource.transaction(async (manager) => {
      const [row]: Array<{ secret_enc: Buffer; last_used_step: string | null }> = await manager.query(
        `SELECT secret_enc, last_used_step FROM user_totp WHERE user_id = $1 AND confirmed_at IS NOT NULL FOR UPDATE`,
        [user.id],
      );
      if (!row) throw new DomainException(ErrorCode.MfaNotEnrolled, 'No authenticator is set up yet.');
      if (dto.recoveryCode !== undefined) {
        // Under every configured hash key: codes given before a key rotation keep working until the old key goes.
        const normalised = normaliseRecoveryCode(dto.recoveryCode);
        const hashes = [...this.config.pii.hash.keys.values()].map((k) =>
          this.recoveryHash(user.id, normalised, k),
        );
        const [code]: Array<{ used_at: Date | null; code_hash: string }> = await manager.query(
          `SELECT used_at, code_hash FROM mfa_recovery_codes WHERE user_id = $1 AND code_hash = ANY($2::text[])
             FOR UPDATE`,
          [user.id, hashes],
        );
        if (!code) await this.refuse(user.id, ErrorCode.MfaCodeInvalid);
        if (code.used_at) await this.refuse(user.id, ErrorCode.MfaCodeUsed);
        await manager.query(
          `UPDATE mfa_recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2`,
          [user.id, code.code_hash],
        );
      } else {
        const step = matchingStep(this.pii.decrypt(row.secret_enc), dto.code ?? '');
        if (step === null) await this.refuse(user.id, ErrorCode.MfaCodeInvalid);
        if (row.last_used_step !== null && Number(row.last_used_step) >= (step as number))
          await this.refuse(user.id, ErrorCode.MfaCodeUsed);
        await manager.query(`UPDATE user_totp SET last_used_step = $2 WHERE user_id = $1`, [user.id, step]);
      }
      await this.markSession(manager, user.sessionId);
      await this.audit.record(manager, {
        action: usedRecovery ? 'auth.mfa_recovery_code_used' : 'auth.mfa_verified',
        entityType: 'user',
        entityId: user.id,
        actorUserId: user.id,
        details: { signIn: !user.factor.verified },
      });
      const [count]: Array<{ left: number }> = await manager.query(
        `SELECT count(*)::int AS left FROM mfa_recovery_codes WHERE user_id = $1 AND used_at IS NULL`,
        [user.id],
      );
      return count.left;
    });
    return { stepUpSeconds: this.config.mfa.stepUpSeconds, recoveryCodesLeft: left };
  }

  /** New recovery codes (the old ones stop working); needs a fresh step-up. */
  async regenerateRecoveryCodes(user: AuthUser): Promise<RecoveryCodesResponse> {
    return this.dataSource.transaction(async (manager) => {
      const recoveryCodes = await this.replaceRecoveryCodes(manager, user.id);
      await this.audit.record(manager, {
        action: 'auth.mfa_recovery_codes_renewed',
        entityType: 'user',
        entityId: user.id,
        actorUserId: user.id,
      });
      return { recoveryCodes };
    });
  }

  /**
   * A staff member lost their phone: a bureau administrator removes their authenticator (never their own, so one
   * stolen administrator session cannot strip its own factor). All their sessions end; at the next sign-in they
   * enrol again.
   */
  async reset(admin: AuthUser, mobile: string): Promise<MfaResetResponse> {
    return this.dataSource.transaction(async (manager) => {
      const [target]: Array<{ id: string }> = await manager.query(`SELECT id FROM users WHERE mobile = $1`, [
        mobile,
      ]);
      if (!target) throw new DomainException(ErrorCode.NotFound, 'No account has this mobile number.');
      if (target.id === admin.id) {
        throw new DomainException(
          ErrorCode.MfaResetOwn,
          'You cannot reset your own authenticator. Ask another bureau administrator.',
        );
      }
      const removed: [unknown[], number] = await manager.query(`DELETE FROM user_totp WHERE user_id = $1`, [
        target.id,
      ]);
      if (!removed[1])
        throw new DomainException(ErrorCode.MfaNotEnrolled, 'This account has no authenticator.');
      await manager.query(`DELETE FROM mfa_recovery_codes WHERE user_id = $1`, [target.id]);
      const sessionsEnded = await this.tokens.revokeAllSessions(manager, target.id, 'mfa_reset');
      await this.audit.record(manager, {
        action: 'auth.mfa_reset',
        entityType: 'user',
        entityId: target.id,
        actorUserId: admin.id,
        details: { sessionsEnded },
      });
      return { userId: target.id, sessionsEnded };
    });
  }

  private async markSession(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.query(
      `UPDATE auth_sessions SET mfa_at = COALESCE(mfa_at, now()), step_up_at = now(), last_used_at = now()
        WHERE id = $1`,
      [sessionId],
    );
  }

  private async replaceRecoveryCodes(manager: EntityManager, userId: string): Promise<string[]> {
    await manager.query(`DELETE FROM mfa_recovery_codes WHERE user_id = $1`, [userId]);
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
      const chars = [...randomBytes(10)].map((b) => RECOVERY_ALPHABET[b & 31]).join('');
      return `${chars.slice(0, 5)}-${chars.slice(5)}`;
    });
    for (const code of codes) {
      await manager.query(`INSERT INTO mfa_recovery_codes (user_id, code_hash) VALUES ($1, $2)`, [
        userId,
        this.recoveryHash(userId, normaliseRecoveryCode(code)),
      ]);
    }
    return codes;
  }

  private recoveryHash(userId: string, normalised: string, key = this.config.piiHashKey): string {
    return createHmac('sha256', key).update(`mfa-recovery:${userId}:${normalised}`).digest('hex');
  }

  /** Counts a wrong or replayed code (outside the transaction, so it sticks) and refuses. */
  private async refuse(
    userId: string,
    code: ErrorCode.MfaCodeInvalid | ErrorCode.MfaCodeUsed,
  ): Promise<never> {
    await this.rateLimits.hit([this.failureLimit(userId)]);
    throw new DomainException(
      code,
      code === ErrorCode.MfaCodeUsed
        ? 'This code was already used. Wait for the next code in the app.'
        : 'The code is not right. Check the time on your phone and try the code now shown.',
    );
  }

  private failureLimit(userId: string): Limit {
    return {
      key: `mfa:user:${userId}`,
      max: this.config.mfa.failuresPerWindow,
      windowSeconds: this.config.mfa.failureWindowSeconds,
    };
  }
}
