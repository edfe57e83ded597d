import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@cll/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { DomainException } from '../common/domain.exception.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { User } from '../people/people.entities.js';
import type { InPersonResetDto } from '../service-point/dto/service-point.dto.js';
import { RESET_CODE_MAX_ATTEMPTS, resetCodeHash } from '../service-point/reset-code.js';
import { AuthService, loginWhere, normaliseLogin } from './auth.service.js';
import type { AuthTokensResponse } from './dto/auth.dto.js';
import { PasswordPolicyService } from './password-policy.service.js';
import { PasswordService } from './password.service.js';
import { RateLimitService } from './rate-limit.service.js';
import { TokenService } from './token.service.js';

const HOUR = 3600;

/**
 * The resident's side of an in-person reset: the account (account number, mobile or e-mail), the 8-digit code the
 * service point gave, and a new password. Every earlier session ends. A code for another account, a wrong, expired
 * or used code: a coded 4xx and nothing changes; without the right code the answer says nothing about the account.
 */
@Injectable()
export class InPersonResetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly policy: PasswordPolicyService,
    private readonly tokens: TokenService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly rateLimits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async reset(dto: InPersonResetDto, ip: string): Promise<AuthTokensResponse> {
    await this.rateLimits.consume({
      key: `in-person-reset:ip:${ip}`,
      max: this.config.rateLimit.codesPerIp,
      windowSeconds: HOUR,
    });
    const owner = await this.dataSource.getRepository(User).findOne({
      where: { ...loginWhere(normaliseLogin(dto.login)), status: 'active' },
      select: { id: true, name: true, mobile: true, email: true },
    });
    // Checked before the code, so a refused password does not use up a try.
    await this.policy.assertAcceptable(dto.newPassword, {
      name: owner?.name,
      mobile: owner?.mobile ?? undefined,
      email: owner?.email ?? undefined,
    });
    if (!owner) throw invalid();
    const hash = resetCodeHash(this.config.piiHashKey, owner.id, dto.code);
    const [match]: Array<{ id: string; used: boolean; expired: boolean; exhausted: boolean }> =
      await this.dataSource.query(
        `SELECT id, used_at IS NOT NULL AS used, expires_at <= now() AS expired, attempts >= $3 AS exhausted
           FROM in_person_reset_codes WHERE user_id = $1 AND code_hash = $2`,
        [owner.id, hash, RESET_CODE_MAX_ATTEMPTS],
      );
    if (!match) {
      // A wrong try counts against the account's live code at once, whatever happens next.
      await this.dataSource.query(
        `UPDATE in_person_reset_codes SET attempts = attempts + 1
          WHERE user_id = $1 AND used_at IS NULL AND expires_at > now()`,
        [owner.id],
      );
      throw invalid();
    }
    if (match.used)
      throw new DomainException(
        ErrorCode.CodeUsed,
        'This code was already used. Ask the service point again.',
      );
    if (match.exhausted)
      throw new DomainException(
        ErrorCode.CodeAttemptsExhausted,
        'Too many wrong codes. Ask the service point again.',
      );
    if (match.expired)
      throw new DomainException(ErrorCode.CodeExpired, 'This code has expired. Ask the service point again.');
    const passwordHash = await this.passwords.hash(dto.newPassword);
    return this.dataSource.transaction(async (m) => {
      const used: Array<{ issued_by_user_id: string; document_type: string; township_code: string }> =
        await m.query(
          `WITH used AS (
           UPDATE in_person_reset_codes SET used_at = now()
            WHERE id = $1 AND used_at IS NULL AND expires_at > now() AND attempts < $2
            RETURNING issued_by_user_id, document_type, township_code)
         SELECT * FROM used`,
          [match.id, RESET_CODE_MAX_ATTEMPTS],
        );
      if (!used.length)
        throw new DomainException(
          ErrorCode.CodeUsed,
          'This code was already used. Ask the service point again.',
        );
      await m.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [
        owner.id,
        passwordHash,
      ]);
      const sessionsEnded = await this.tokens.revokeAllSessions(m, owner.id, 'password_reset');
      await this.audit.record(m, {
        action: 'auth.password_reset',
        entityType: 'user',
        entityId: owner.id,
        actorUserId: owner.id,
        details: {
          via: 'in_person',
          sessionsEnded,
          issuedByUserId: used[0].issued_by_user_id,
          documentType: used[0].document_type,
          townshipCode: used[0].township_code,
        },
      });
      return this.auth.sessionFor(m, await this.tokens.openSession(m, owner.id));
    });
  }
}

function invalid(): DomainException {
  return new DomainException(ErrorCode.CodeInvalid, 'The account or the code is not right.', [
    { field: 'code', code: ErrorCode.CodeInvalid, message: 'The account or the code is not right.' },
  ]);
}
