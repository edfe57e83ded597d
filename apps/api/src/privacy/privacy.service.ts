import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@cll/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import type { PrivacyNoticeStatus } from '../people/dto/me.response.js';
import { recordConsent } from './consents.js';
import { CURRENT_NOTICE } from './privacy-notice.js';

@Injectable()
export class PrivacyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Records agreement to the current notice; the version read must be the current one (it may just have changed). */
  async acceptNotice(user: AuthUser, version: string): Promise<PrivacyNoticeStatus> {
    if (version !== CURRENT_NOTICE.version) {
      throw new DomainException(
        ErrorCode.PrivacyNoticeOutdated,
        `The privacy notice has changed (now version ${CURRENT_NOTICE.version}); read it again.`,
      );
    }
    await this.dataSource.transaction(async (m) => {
      await recordConsent(m, user.id, 'privacy_notice');
      await this.audit.record(m, {
        action: 'privacy.notice_accepted',
        entityType: 'user',
        entityId: user.id,
        actorUserId: user.id,
        details: { version },
      });
    });
    return { currentVersion: version, acceptedVersion: version, acceptanceRequired: false };
  }
}
