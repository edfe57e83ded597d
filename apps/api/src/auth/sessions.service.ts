import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@cll/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { DomainException } from '../common/domain.exception.js';
import type { AuthUser } from './auth.decorators.js';
import type { AuthSessionResponse, AuthSessionsEndedResponse } from './mfa/mfa.dto.js';
import { deviceOf } from './session-place.js';

/**
 * One's own signed-in devices (ASVS 5.0 V7.5.2: see active sessions and end any of them). Ending a session stops its
 * access tokens at the next request (the JWT strategy checks the session on every request) and its refresh tokens.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Live sessions: not ended, and holding a refresh token that can still be used (or the caller's own). */
  async list(user: AuthUser): Promise<AuthSessionResponse[]> {
    const rows: Array<{
      id: string;
      user_agent: string | null;
      place: string | null;
      created_at: Date;
      last_used_at: Date;
    }> = await this.dataSource.query(
      `SELECT s.id, s.user_agent, s.place, s.created_at, s.last_used_at
         FROM auth_sessions s
        WHERE s.user_id = $1 AND s.revoked_at IS NULL
          AND (s.id = $2 OR EXISTS (SELECT 1 FROM refresh_tokens t
                                     WHERE t.session_id = s.id AND t.used_at IS NULL AND t.expires_at > now()))
        ORDER BY s.id = $2 DESC, s.last_used_at DESC`,
      [user.id, user.sessionId],
    );
    return rows.map((row) => ({
      id: row.id,
      current: row.id === user.sessionId,
      device: deviceOf(row.user_agent),
      place: row.place,
      createdAt: row.created_at.toISOString(),
      lastUsedAt: row.last_used_at.toISOString(),
    }));
  }

  /** Ends one of one's own sessions; another account's session is NOT_FOUND, as is one already ended. */
  async end(user: AuthUser, sessionId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const ended: [unknown[], number] = await manager.query(
        `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = 'ended_by_user'
          WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL`,
        [sessionId, user.id],
      );
      if (!ended[1]) throw new DomainException(ErrorCode.NotFound, 'No such session.');
      await this.audit.record(manager, {
        action: 'auth.session_ended',
        entityType: 'auth_session',
        entityId: sessionId,
        actorUserId: user.id,
        details: { current: sessionId === user.sessionId },
      });
    });
  }

  /** Ends every session but this one ("sign out everywhere else"). */
  async endOthers(user: AuthUser): Promise<AuthSessionsEndedResponse> {
    return this.dataSource.transaction(async (manager) => {
      const ended: [unknown[], number] = await manager.query(
        `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = 'ended_by_user'
          WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL`,
        [user.id, user.sessionId],
      );
      await this.audit.record(manager, {
        action: 'auth.sessions_ended',
        entityType: 'user',
        entityId: user.id,
        actorUserId: user.id,
        details: { ended: ended[1] },
      });
      return { ended: ended[1] };
    });
  }
}
