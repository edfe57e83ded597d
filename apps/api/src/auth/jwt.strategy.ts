import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { AuthUser, RoleGrant } from './auth.decorators.js';

interface AccessClaims {
  sub: string;
  sid: string;
}

/** Checks the token's signature and expiry, then that its session is live and the account active. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  private readonly stepUpSeconds: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly dataSource: DataSource,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a PEM public key on every
      // verification and throws, which cost more than the rest of the token check. It accepts a KeyObject as is; the
      // typings only name string and Buffer.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
    this.stepUpSeconds = config.mfa.stepUpSeconds;
  }

  async validate(claims: AccessClaims): Promise<AuthUser | false> {
    const rows: Array<{ roles: RoleGrant[]; enrolled: boolean; verified: boolean; step_up_fresh: boolean }> =
      await this.dataSource.query(
        `SELECT COALESCE(
                json_agg(json_build_object('role', r.role, 'providerId', r.provider_id, 'enterpriseId', r.enterprise_id,
                                           'townshipPrefix', r.township_prefix)) FILTER (WHERE r.id IS NOT NULL),
                '[]') AS roles,
                (t.confirmed_at IS NOT NULL) AS enrolled,
                (s.mfa_at IS NOT NULL) AS verified,
                COALESCE(s.step_up_at > now() - make_interval(secs => $3), false) AS step_up_fresh
           FROM auth_sessions s
           JOIN users u ON u.id = s.user_id AND u.status = 'active'
           LEFT JOIN role_assignments r ON r.user_id = u.id
           LEFT JOIN user_totp t ON t.user_id = u.id
          WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL
          GROUP BY u.id, s.id, t.confirmed_at`,
        [claims.sid, claims.sub, this.stepUpSeconds],
      );
    if (!rows.length) return false;
    const [row] = rows;
    return {
      id: claims.sub,
      sessionId: claims.sid,
      roles: row.roles,
      factor: { enrolled: row.enrolled, verified: row.verified, stepUpFresh: row.step_up_fresh },
    };
  }
}
