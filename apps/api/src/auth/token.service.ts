import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode } from '@cll/domain';
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { DomainException } from '../common/domain.exception.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { currentClient } from '../common/request-context.js';
import { AuthSession, RefreshToken } from './auth.entities.js';
import { placeOf } from './session-place.js';

export interface IssuedTokens {
  sessionId: string;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  userId: string;
}

/** A used refresh token presented again within this many seconds is a duplicate request, not a stolen copy. */
export const REUSE_LEEWAY_SECONDS = 30;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

function successorKey(presented: string): Buffer {
  return Buffer.from(hkdfSync('sha256', presented, '', 'cll refresh successor', 32));
}

/** Seals the successor under a key only the holder of the presented token can derive. */
export function sealSuccessor(presented: string, successor: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', successorKey(presented), iv);
  const body = Buffer.concat([cipher.update(successor, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export function openSuccessor(presented: string, sealed: string): string | null {
  try {
    const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', successorKey(presented), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** Access tokens (short JWTs naming their session) and single-use, rotating refresh tokens. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Opens a session for the user inside the caller's transaction, noting the device and a coarse place for the
   * sessions list. A new session has not passed the second factor: `POST /api/auth/mfa/verify` does that.
   */
  async openSession(manager: EntityManager, userId: string): Promise<IssuedTokens> {
    const client = currentClient();
    const session = await manager.save(
      manager.create(AuthSession, {
        userId,
        userAgent: client?.userAgent?.slice(0, 300) ?? null,
        place: placeOf(client?.address),
      }),
    );
    return this.issue(manager, userId, session.id);
  }

  /**
   * Rotates a refresh token. The token's row is locked (FOR UPDATE), so concurrent uses of one token run one after
   * another: the first issues the successor and records it; every later use within the leeway gets that same
   * successor back (a retried request, two tabs), so one token never forks into several live ones. A use after the
   * leeway means the token was copied: the whole session (every token descended from the login) is revoked.
   */
  async refresh(presented: string): Promise<IssuedTokens> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const rows: Array<{
        session_id: string;
        user_id: string;
        used_at: Date | null;
        in_leeway: boolean;
        expired: boolean;
        revoked: boolean;
        successor_sealed: string | null;
      }> = await manager.query(
        `SELECT t.session_id, s.user_id, t.used_at, t.expires_at <= now() AS expired, t.successor_sealed,
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
        // The same client sent it twice (two tabs, a retried request on a flaky phone): not theft. It gets the
        // successor the first use got, with a fresh access token for the same session.
        const successor = row.successor_sealed ? openSuccessor(presented, row.successor_sealed) : null;
        if (!successor) return null;
        return this.tokensFor(row.user_id, row.session_id, successor);
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
      const issued = await this.issue(manager, row.user_id, row.session_id);
      await manager.query(`UPDATE auth_sessions SET last_used_at = now() WHERE id = $1`, [row.session_id]);
      await manager.query(
        `UPDATE refresh_tokens SET used_at = now(), successor_hash = $2, successor_sealed = $3
          WHERE token_hash = $1 AND used_at IS NULL`,
        [sha256(presented), sha256(issued.refreshToken), sealSuccessor(presented, issued.refreshToken)],
      );
      return issued;
    });
    if (!outcome)
      throw new DomainException(ErrorCode.AuthRefreshInvalid, 'This sign-in has ended. Sign in again.');
    return outcome;
  }

  /** Ends every session of the account (after a password reset). Returns how many were open. */
  async revokeAllSessions(manager: EntityManager, userId: string, reason: string): Promise<number> {
    const result: [unknown[], number] = await manager.query(
      `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId, reason],
    );
    return result[1];
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
    return this.tokensFor(userId, sessionId, refreshToken);
  }

  private async tokensFor(userId: string, sessionId: string, refreshToken: string): Promise<IssuedTokens> {
    const accessToken = await this.jwt.signAsync(
      { sub: userId, sid: sessionId },
      { secret: this.config.jwtSecret, expiresIn: this.config.accessTokenTtlSeconds, algorithm: 'HS256' },
    );
    return { sessionId, accessToken, refreshToken, expiresIn: this.config.accessTokenTtlSeconds, userId };
  }
}
