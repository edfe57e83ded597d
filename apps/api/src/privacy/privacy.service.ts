import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@cll/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import type { PrivacyNoticeStatus } from '../people/dto/me.response.js';
import type { IdNumberConsentWithdrawn } from './dto/privacy.dto.js';
import { recordConsent } from './consents.js';
import { CURRENT_NOTICE } from './privacy-notice.js';

@Injectable()
export class PrivacyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Withdraws the separate consent to the ID number (PIPL art. 15): the number is erased (ciphertext, matching hash,
   * masked form) in the same transaction; the consent rows stay, marked with the withdrawal time, as evidence of what
   * was agreed and when. Nothing to withdraw (no live consent and no number held) is IDNUMBER_CONSENT_NOT_GIVEN.
   */
  async withdrawIdNumberConsent(user: AuthUser): Promise<IdNumberConsentWithdrawn> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [user.id]);
      const consents: [unknown[], number] = await m.query(
        `UPDATE privacy_consents SET withdrawn_at = now()
          WHERE user_id = $1 AND kind = 'sensitive_id_number' AND withdrawn_at IS NULL`,
        [user.id],
      );
      const erased: [unknown[], number] = await m.query(
        `UPDATE learner_profiles SET id_number_enc = NULL, id_number_hash = NULL, id_number_hash_version = NULL,
                id_number_masked = NULL
          WHERE user_id = $1 AND id_number_hash IS NOT NULL`,
        [user.id],
      );
      if (!consents[1] && !erased[1]) {
        throw new DomainException(
          ErrorCode.IdNumberConsentNotGiven,
          'There is no consent to the ID number to withdraw, and no ID number is held.',
        );
      }
      await this.audit.record(m, {
        action: 'privacy.id_number_consent_withdrawn',
        entityType: 'user',
        entityId: user.id,
        actorUserId: user.id,
        details: { idNumberErased: erased[1] > 0 },
      });
      const [{ now }]: Array<{ now: Date }> = await m.query(`SELECT now()`);
      return { withdrawnAt: now.toISOString(), idNumberErased: erased[1] > 0 };
    });
  }

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
