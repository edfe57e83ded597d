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
  }

  async validate(claims: AccessClaims): Promise<AuthUser | false> {
    const rows: Array<{ roles: RoleGrant[] }> = await this.dataSource.query(
      `SELECT COALESCE(
                json_agg(json_build_object('role', r.role, 'providerId', r.provider_id, 'enterpriseId', r.enterprise_id,
                                           'townshipPrefix', r.township_prefix)) FILTER (WHERE r.id IS NOT NULL),
                '[]') AS roles
         FROM auth_sessions s
         JOIN users u ON u.id = s.user_id AND u.status = 'active'
         LEFT JOIN role_assignments r ON r.user_id = u.id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL
        GROUP BY u.id`,
      [claims.sid, claims.sub],
    );
    if (!rows.length) return false;
    return { id: claims.sub, sessionId: claims.sid, roles: rows[0].roles };
  }
}
