import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@cll/domain';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { DomainException } from '../common/domain.exception.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { AuthTokensResponse } from './dto/auth.dto.js';
import type { RegisterDto } from '../people/dto/register.dto.js';
import { MeQuery } from '../people/me.query.js';
import { User } from '../people/people.entities.js';
import { PeopleService } from '../people/people.service.js';
import type { AuthUser } from './auth.decorators.js';
import { PasswordService } from './password.service.js';
import { type Limit, RateLimitService } from './rate-limit.service.js';
import { type IssuedTokens, TokenService } from './token.service.js';

export function normaliseLogin(login: string): { mobile?: string; email?: string } {
  const value = login.trim();
  return value.includes('@') ? { email: value.toLowerCase() } : { mobile: value.replace(/[\s-]/g, '') };
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly rateLimits: RateLimitService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly people: PeopleService,
    private readonly meQuery: MeQuery,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks a password, counting failures per account and per address; over the limit answers 429 before checking. */
  async validateCredentials(login: string, password: string, ip: string): Promise<{ id: string }> {
    const who = normaliseLogin(login);
    const limits = this.loginLimits(who, ip);
    await this.rateLimits.assertBelow(limits);
    const user = await this.dataSource.getRepository(User).findOne({
      where: who.email ? { email: who.email } : { mobile: who.mobile ?? '' },
      select: { id: true, passwordHash: true, status: true },
    });
    const ok = user
      ? await this.passwords.verify(user.passwordHash, password)
      : await this.passwords.verifyNothing(password);
    if (!user || !ok) {
      await this.rateLimits.hit(limits);
      throw new DomainException(ErrorCode.AuthInvalidCredentials, 'The account or password is wrong.');
    }
    if (user.status !== 'active')
      throw new DomainException(ErrorCode.AuthAccountDisabled, 'This account is disabled.');
    await this.rateLimits.reset(limits[0].key);
    return { id: user.id };
  }

  async register(dto: RegisterDto, ip: string): Promise<AuthTokensResponse> {
    await this.rateLimits.consume(this.registrationLimit(ip));
    const passwordHash = await this.passwords.hash(dto.password);
    return this.dataSource.transaction(async (manager) => {
      const user = await this.people.register(dto, passwordHash, manager);
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

  private async withUser(manager: EntityManager, tokens: IssuedTokens): Promise<AuthTokensResponse> {
    const user = await this.meQuery.byId(manager, tokens.userId);
    if (!user) throw new DomainException(ErrorCode.NotFound, 'No such account.');
    return {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresIn: tokens.expiresIn,
      user,
    };
  }

  registrationLimit(ip: string): Limit {
    const { registrationsPerIp, registrationWindowSeconds } = this.config.rateLimit;
    return { key: `register:ip:${ip}`, max: registrationsPerIp, windowSeconds: registrationWindowSeconds };
  }

  private loginLimits(who: { mobile?: string; email?: string }, ip: string): Limit[] {
    const { loginFailuresPerAccount, loginFailuresPerIp, loginWindowSeconds } = this.config.rateLimit;
    // The account key is hashed so the table holds no mobile numbers or e-mail addresses.
    const account = createHash('sha256')
      .update(who.email ?? who.mobile ?? '')
      .digest('hex');
    return [
      { key: `login:account:${account}`, max: loginFailuresPerAccount, windowSeconds: loginWindowSeconds },
      { key: `login:ip:${ip}`, max: loginFailuresPerIp, windowSeconds: loginWindowSeconds },
    ];
  }
}
