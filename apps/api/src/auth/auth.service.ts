import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@cll/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { DomainException } from '../common/domain.exception.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { AuthTokensResponse } from './dto/auth.dto.js';
import type { RegisterDto } from '../people/dto/register.dto.js';
import { MeQuery } from '../people/me.query.js';
import { User } from '../people/people.entities.js';
import { PeopleService } from '../people/people.service.js';
import type { AuthUser, RoleGrant } from './auth.decorators.js';
import { factorRequired } from './mfa/mfa-policy.js';
import { PasswordPolicyService } from './password-policy.service.js';
import { PasswordService } from './password.service.js';
import { maskMobile, smsText } from './sms-text.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { type Limit, RateLimitService } from './rate-limit.service.js';
import { type IssuedTokens, TokenService } from './token.service.js';
import { CodePurpose } from '../verification/verification.entities.js';
import { type Challenge, VerificationService } from '../verification/verification.service.js';

export interface LoginName {
  mobile?: string;
  email?: string;
  /** The 9-digit sign-in number of an account with no mobile or e-mail of its own (a managed account). */
  accountNumber?: string;
}

export function normaliseLogin(login: string): LoginName {
  const value = login.trim();
  if (value.includes('@')) return { email: value.toLowerCase() };
  const digits = value.replace(/[\s-]/g, '');
  return /^[2-9]\d{8}$/.test(digits) ? { accountNumber: digits } : { mobile: digits };
}

/** The TypeORM `where` for a login. */
export function loginWhere(
  who: LoginName,
): { email: string } | { accountNumber: string } | { mobile: string } {
  if (who.email) return { email: who.email };
  if (who.accountNumber) return { accountNumber: who.accountNumber };
  return { mobile: who.mobile ?? '' };
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly policy: PasswordPolicyService,
    private readonly rateLimits: RateLimitService,
    private readonly throttle: LoginThrottleService,
    private readonly verification: VerificationService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly people: PeopleService,
    private readonly meQuery: MeQuery,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Checks a password. Failures are counted per (account, address) pair with growing waits, and per address across
   * accounts; a stranger failing elsewhere never slows the owner down. When many addresses are failing on the
   * account, the right password gets AUTH_STEP_UP_REQUIRED and a code is texted to the account's mobile.
   */
  async validateCredentials(login: string, password: string, ip: string): Promise<{ id: string }> {
    const who = normaliseLogin(login);
    const accountKey = this.throttle.accountKey(who);
    const ipLimit = this.ipLoginLimit(ip);
    await this.rateLimits.assertBelow([ipLimit]);
    await this.throttle.assertMayTry(accountKey, ip);
    const user = await this.dataSource.getRepository(User).findOne({
      where: loginWhere(who),
      select: { id: true, passwordHash: true, status: true, mobile: true, managed: true },
    });
    const ok = user
      ? await this.passwords.verify(user.passwordHash, password)
      : await this.passwords.verifyNothing(password);
    if (!user || !ok) {
      await this.throttle.recordFailure(accountKey, ip);
      await this.rateLimits.hit([ipLimit]);
      throw new DomainException(ErrorCode.AuthInvalidCredentials, 'The account or password is wrong.');
    }
    if (user.status !== 'active')
      throw new DomainException(ErrorCode.AuthAccountDisabled, 'This account is disabled.');
    // Without a proven mobile there is nothing to step up to (a managed account's mobile was given for it, not
    // proven); the pair waits still hold guessing back.
    if (user.mobile && !user.managed && (await this.throttle.isSprayed(accountKey))) {
      const challenge = await this.verification.send({
        purpose: CodePurpose.LoginStepUp,
        mobile: user.mobile,
        userId: user.id,
        ip,
        text: (code) =>
          smsText(
            this.config,
            `登录验证码 ${code}，5分钟内有效。您的账号近期有多次密码错误，请勿将验证码告诉他人。`,
          ),
      });
      throw new DomainException(
        ErrorCode.AuthStepUpRequired,
        'Many wrong passwords were tried on this account from elsewhere. Enter the code sent to your mobile.',
        undefined,
        { ...challenge, mobileMasked: maskMobile(user.mobile) },
      );
    }
    await this.throttle.clear(accountKey, ip);
    return { id: user.id };
  }

  /**
   * Texts a registration code; the answer is the same whether or not the number has an account. Its owner, if any,
   * gets a notice that they already have one (and no code) instead. A number held only by a managed account (given
   * for a resident at a service point, never proven) gets a real code: its owner registers and so claims it.
   */
  async requestRegistrationCode(mobile: string, ip: string): Promise<Challenge> {
    const [existing]: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM users WHERE mobile = $1 AND NOT managed`,
      [mobile],
    );
    return this.verification.send({
      purpose: CodePurpose.Registration,
      mobile,
      userId: existing?.id ?? null,
      deliver: true,
      ip,
      text: (code) =>
        smsText(
          this.config,
          existing
            ? '有人用您的手机号注册县终身学习平台，但这个号码已经有账号了。如忘记密码，请在登录页点“忘记密码”。如不是您本人操作，请忽略。'
            : `注册验证码 ${code}，5分钟内有效。如不是您本人操作，请忽略，也不要告诉任何人。`,
        ),
    });
  }

  /** Completes a sign-in that needed an SMS code. */
  async stepUp(challengeId: string, code: string): Promise<AuthTokensResponse> {
    const checked = await this.verification.check({ challengeId, code, purpose: CodePurpose.LoginStepUp });
    const userId = checked.userId;
    if (!userId) throw new DomainException(ErrorCode.CodeInvalid, 'The code is not right.');
    return this.dataSource.transaction(async (manager) => {
      await this.verification.consume(manager, challengeId);
      const tokens = await this.tokens.openSession(manager, userId);
      await this.audit.record(manager, {
        action: 'auth.login',
        entityType: 'user',
        entityId: userId,
        actorUserId: userId,
        details: { stepUp: true },
      });
      return this.withUser(manager, tokens);
    });
  }

  /**
   * Registers a learner. A mobile must be proven by the code texted to it when registrationCodeRequired (always in
   * production): nobody can take a stranger's number, and only its owner can ever learn that it has an account.
   */
  async register(dto: RegisterDto, ip: string): Promise<AuthTokensResponse> {
    await this.rateLimits.consume(this.registrationLimit(ip));
    // Nothing can prove an e-mail address (there is no e-mail channel), so where ownership must be proven an
    // account starts from a mobile: e-mail-only registration would let anyone take, or probe, an address.
    if (this.config.registrationCodeRequired && dto.mobile === undefined) {
      throw DomainException.field(
        ErrorCode.MobileRequired,
        'mobile',
        'Register with a mobile number; the code texted to it proves it is yours.',
      );
    }
    const proving =
      dto.mobile !== undefined && (this.config.registrationCodeRequired || dto.challengeId !== undefined);
    if (proving && (!dto.challengeId || !dto.code)) {
      throw DomainException.field(
        ErrorCode.CodeRequired,
        'code',
        'Enter the code texted to the mobile number.',
      );
    }
    await this.policy.assertAcceptable(dto.password, dto);
    const challengeId = proving ? dto.challengeId : undefined;
    if (challengeId && dto.code) {
      const checked = await this.verification.check({
        challengeId,
        code: dto.code,
        purpose: CodePurpose.Registration,
        mobile: dto.mobile,
      });
      // A number that had an account when the code was asked for got a notice without a code.
      if (checked.userId) throw new DomainException(ErrorCode.CodeInvalid, 'The code is not right.');
    }
    const passwordHash = await this.passwords.hash(dto.password);
    return this.dataSource.transaction(async (manager) => {
      if (challengeId) await this.verification.consume(manager, challengeId);
      // A proven number moves off a managed account that held it (see PeopleService.register).
      const user = await this.people.register(dto, passwordHash, manager, { mobileProven: !!challengeId });
      return this.withUser(manager, await this.tokens.openSession(manager, user.id));
    });
  }

  login(userId: string): Promise<AuthTokensResponse> {
    return this.dataSource.transaction(async (manager) => {
      const tokens = await this.tokens.openSession(manager, userId);
      await this.audit.record(manager, {
        action: 'auth.login',
        entityType: 'user',
        entityId: userId,
        actorUserId: userId,
      });
      return this.withUser(manager, tokens);
    });
  }

  async refresh(refreshToken: string): Promise<AuthTokensResponse> {
    const tokens = await this.tokens.refresh(refreshToken);
    return this.withUser(this.dataSource.manager, tokens);
  }

  async logout(user: AuthUser, refreshToken?: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.tokens.revokeSession(manager, user.sessionId, 'logout');
      if (refreshToken) await this.tokens.revokeByRefreshToken(manager, refreshToken, user.id);
      await this.audit.record(manager, {
        action: 'auth.logout',
        entityType: 'user',
        entityId: user.id,
        actorUserId: user.id,
      });
    });
  }

  /** The tokens with the profile, as every sign-in answers. */
  sessionFor(manager: EntityManager, tokens: IssuedTokens): Promise<AuthTokensResponse> {
    return this.withUser(manager, tokens);
  }

  private async withUser(manager: EntityManager, tokens: IssuedTokens): Promise<AuthTokensResponse> {
    const user = await this.meQuery.byId(manager, tokens.userId);
    if (!user) throw new DomainException(ErrorCode.NotFound, 'No such account.');
    return {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresIn: tokens.expiresIn,
      user,
      secondFactor: await this.secondFactorStep(manager, tokens),
    };
  }

  /** What this session still needs: the authenticator code, enrolment of one (staff), or nothing. */
  private async secondFactorStep(
    manager: EntityManager,
    tokens: IssuedTokens,
  ): Promise<AuthTokensResponse['secondFactor']> {
    const [row]: Array<{ roles: RoleGrant[]; enrolled: boolean; verified: boolean }> = await manager.query(
      `SELECT COALESCE(json_agg(json_build_object('role', r.role)) FILTER (WHERE r.id IS NOT NULL), '[]') AS roles,
              EXISTS (SELECT 1 FROM user_totp t WHERE t.user_id = $1 AND t.confirmed_at IS NOT NULL) AS enrolled,
              EXISTS (SELECT 1 FROM auth_sessions s WHERE s.id = $2 AND s.mfa_at IS NOT NULL) AS verified
         FROM users u LEFT JOIN role_assignments r ON r.user_id = u.id
        WHERE u.id = $1 GROUP BY u.id`,
      [tokens.userId, tokens.sessionId],
    );
    if (!row || row.verified) return 'none';
    if (row.enrolled) return 'code';
    return factorRequired(row.roles, this.config) ? 'enrol' : 'none';
  }

  registrationOptions(): { codeRequired: boolean } {
    return { codeRequired: this.config.registrationCodeRequired };
  }

  registrationLimit(ip: string): Limit {
    const { registrationsPerIp, registrationWindowSeconds } = this.config.rateLimit;
    return { key: `register:ip:${ip}`, max: registrationsPerIp, windowSeconds: registrationWindowSeconds };
  }

  private ipLoginLimit(ip: string): Limit {
    const { loginFailuresPerIp, loginWindowSeconds } = this.config.rateLimit;
    return { key: `login:ip:${ip}`, max: loginFailuresPerIp, windowSeconds: loginWindowSeconds };
  }
}
