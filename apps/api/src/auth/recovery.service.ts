import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@cll/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { DomainException } from '../common/domain.exception.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { CodePurpose } from '../verification/verification.entities.js';
import { type Challenge, VerificationService } from '../verification/verification.service.js';
import { AuthService } from './auth.service.js';
import type { AuthTokensResponse, PasswordResetDto } from './dto/auth.dto.js';
import { PasswordPolicyService } from './password-policy.service.js';
import { PasswordService } from './password.service.js';
import { smsText } from './sms-text.js';
import { TokenService } from './token.service.js';

/** 忘记密码: a new password by a code texted to the account's mobile; every earlier session ends. */
@Injectable()
export class RecoveryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly verification: VerificationService,
    private readonly passwords: PasswordService,
    private readonly policy: PasswordPolicyService,
    private readonly tokens: TokenService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The same answer whether or not an account has the number; a text goes only to an account's mobile. A managed
   * account's mobile was given for it, not proven, so it gets no reset code (its password is reset in person).
   */
  async requestCode(mobile: string, ip: string): Promise<Challenge> {
    const [user]: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM users WHERE mobile = $1 AND status = 'active' AND NOT managed`,
      [mobile],
    );
    return this.verification.send({
      purpose: CodePurpose.PasswordReset,
      mobile,
      userId: user?.id ?? null,
      ip,
      text: (code) =>
        smsText(
          this.config,
          `重置密码验证码 ${code}，5分钟内有效。如不是您本人在重置密码，请忽略，也不要告诉任何人。`,
        ),
    });
  }

  async reset(dto: PasswordResetDto): Promise<AuthTokensResponse> {
    const [owner]: Array<{ name: string; email: string | null }> = await this.dataSource.query(
      `SELECT name, email FROM users WHERE mobile = $1`,
      [dto.mobile],
    );
    // Checked before the code, so a refused password does not use up one of the five tries.
    await this.policy.assertAcceptable(dto.newPassword, { mobile: dto.mobile, ...owner });
    const checked = await this.verification.check({
      challengeId: dto.challengeId,
      code: dto.code,
      purpose: CodePurpose.PasswordReset,
      mobile: dto.mobile,
    });
    const userId = checked.userId;
    if (!userId)
      throw new DomainException(ErrorCode.CodeInvalid, 'The code is not right. Ask for a new one.');
    const passwordHash = await this.passwords.hash(dto.newPassword);
    return this.dataSource.transaction(async (m) => {
      await this.verification.consume(m, dto.challengeId);
      await m.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [
        userId,
        passwordHash,
      ]);
      const sessionsEnded = await this.tokens.revokeAllSessions(m, userId, 'password_reset');
      await this.audit.record(m, {
        action: 'auth.password_reset',
        entityType: 'user',
        entityId: userId,
        actorUserId: userId,
        details: { via: 'sms', sessionsEnded },
      });
      return this.auth.sessionFor(m, await this.tokens.openSession(m, userId));
    });
  }
}
