import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode } from '@cll/domain';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { DomainException } from '../common/domain.exception.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AuthSession, RefreshToken } from './auth.entities.js';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  userId: string;
}

/** A used refresh token presented again within this many seconds is a duplicate request, not a stolen copy. */
export const REUSE_LEEWAY_SECONDS = 30;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Access tokens (short JWTs naming their session) and single-use, rotating refresh tokens. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Opens a session for the user inside the caller's transaction. */
  async openSession(manager: EntityManager, userId: string): Promise<IssuedTokens> {
    const session = await manager.save(manager.create(AuthSession, { userId }));
    return this.issue(manager, userId, session.id);
  }

  async refresh(presented: string): Promise<IssuedTokens> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const rows: Array<{
        session_id: string;
        user_id: string;
        used_at: Date | null;
        in_leeway: boolean;
        expired: boolean;
        revoked: boolean;
      }> = await manager.query(
        `SELECT t.session_id, s.user_id, t.used_at, t.expires_at <= now() AS expired,
                  t.used_at > now() - make_interval(secs => $2) AS in_leeway,
                  (s.revoked_at IS NOT NULL OR u.status <> 'active') AS revoked
             FROM refresh_tokens t
             JOIN auth_sessions s ON s.id = t.session_id
             JOIN users u ON u.id = s.user_id
            WHERE t.token_hash = $1
            FOR UPDATE OF t, s`,
        [sha256(presented), REUSE_LEEWAY_SECONDS],
      );
      const row = rows[0];
      if (!row || row.expired || row.revoked) return null;
      if (row.used_at && row.in_leeway) {
        // The same client sent it twice (two tabs, a retried request on a flaky phone): not theft.
        return this.issue(manager, row.user_id, row.session_id);
      }
      if (row.used_at) {
        // A used token came back later: it was copied. End the session so neither copy works any longer.
        await this.revokeSession(manager, row.session_id, 'refresh_token_reuse');
        await this.audit.record(manager, {
          action: 'auth.refresh_token_reused',
          entityType: 'auth_session',
          entityId: row.session_id,
          actorUserId: row.user_id,
        });
        return null;
      }
      await manager.update(RefreshToken, { tokenHash: sha256(presented) }, { usedAt: () => 'now()' });
      return this.issue(manager, row.user_id, row.session_id);
    });
    if (!outcome)
      throw new DomainException(ErrorCode.AuthRefreshInvalid, 'This sign-in has ended. Sign in again.');
    return outcome;
  }

  async revokeSession(manager: EntityManager, sessionId: string, reason: string): Promise<void> {
    await manager.update(
      AuthSession,
      { id: sessionId, revokedAt: IsNull() },
      { revokedAt: () => 'now()', revokedReason: reason },
    );
  }

  /** Ends the session a refresh token belongs to, when that session is the user's own. */
  async revokeByRefreshToken(manager: EntityManager, presented: string, userId: string): Promise<void> {
    await manager.query(
      `UPDATE auth_sessions s SET revoked_at = now(), revoked_reason = 'logout'
         FROM refresh_tokens t
        WHERE t.token_hash = $1 AND t.session_id = s.id AND s.user_id = $2 AND s.revoked_at IS NULL`,
      [sha256(presented), userId],
    );
  }

  private async issue(manager: EntityManager, userId: string, sessionId: string): Promise<IssuedTokens> {
    const refreshToken = randomBytes(32).toString('base64url');
    await manager.insert(RefreshToken, {
      tokenHash: sha256(refreshToken),
      sessionId,
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000),
    });
    const accessToken = await this.jwt.signAsync(
      { sub: userId, sid: sessionId },
      { secret: this.config.jwtSecret, expiresIn: this.config.accessTokenTtlSeconds, algorithm: 'HS256' },
    );
    return { accessToken, refreshToken, expiresIn: this.config.accessTokenTtlSeconds, userId };
  }
}
