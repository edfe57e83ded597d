import { Injectable } from '@nestjs/common';
import { ErrorCode, Role } from '@cll/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { inBureauScope, providerIdsOf } from '../organisations/provider-access.js';
import type { RevocationResponse, RevokeCertificateRequest } from './dto/open-badges.dto.js';

/**
 * Revokes a certificate: its bit in the published status list turns on, the verification page says revoked with
 * the date, the holder is told why, and the record keeps the entry marked. A provider administrator revokes only
 * their own provider's certificates; a bureau administrator any within their area. Others get 404, as for a number
 * that does not exist.
 */
@Injectable()
export class RevocationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  async revoke(user: AuthUser, body: RevokeCertificateRequest): Promise<RevocationResponse> {
    return this.dataSource.transaction(async (m) => {
      const [c]: Array<{
        id: string;
        number: string;
        learner_user_id: string;
        revoked_at: Date | null;
        provider_id: string;
        township_code: string;
        course_title: string;
      }> = await m.query(
        `SELECT k.id, k.number, k.learner_user_id, k.revoked_at, r.provider_id, p.township_code, r.course_title
           FROM certificates k JOIN learning_records r ON r.id = k.record_id JOIN providers p ON p.id = r.provider_id
          WHERE k.number = upper($1) FOR UPDATE OF k`,
        [body.number],
      );
      if (!c || !this.mayRevoke(user, c.provider_id, c.township_code)) {
        throw new DomainException(ErrorCode.NotFound, 'No certificate with this number that you may revoke.');
      }
      if (c.revoked_at) {
        throw new DomainException(
          ErrorCode.CertificateAlreadyRevoked,
          'This certificate is already revoked.',
        );
      }
      // TypeORM answers an UPDATE … RETURNING with [rows, affected].
      const [[{ revoked_at }]]: [Array<{ revoked_at: Date }>, number] = await m.query(
        `UPDATE certificates SET revoked_at = now(), revocation_reason = $2, revoked_by_user_id = $3
          WHERE id = $1 RETURNING revoked_at`,
        [c.id, body.reason, user.id],
      );
      await this.notifications.notify(
        m,
        [c.learner_user_id],
        'certificate_revoked',
        { courseTitle: c.course_title, number: c.number, reason: body.reason },
        `certificate-revoked:${c.id}`,
      );
      await this.audit.record(m, {
        action: 'certificate.revoked',
        entityType: 'certificate',
        entityId: c.id,
        actorUserId: user.id,
        onBehalfOfUserId: null,
        details: { number: c.number, providerId: c.provider_id },
      });
      return {
        certificateId: c.id,
        number: c.number,
        revokedAt: revoked_at.toISOString(),
        reason: body.reason,
      };
    });
  }

  private mayRevoke(user: AuthUser, providerId: string, townshipCode: string): boolean {
    if (providerIdsOf(user, true).includes(providerId)) return true;
    const bureauAdmin = user.roles.some((g) => g.role === Role.BureauAdmin);
    if (!bureauAdmin) return false;
    // inBureauScope also counts analyst grants: only an administrator's own area counts here.
    const adminOnly: AuthUser = { ...user, roles: user.roles.filter((g) => g.role === Role.BureauAdmin) };
    return inBureauScope(adminOnly, townshipCode);
  }
}
