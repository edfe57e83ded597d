import { ErrorCode } from '@cll/domain';
import type { EntityManager } from 'typeorm';
import { DomainException } from '../common/domain.exception.js';
import { CURRENT_NOTICE } from './privacy-notice.js';
import { type ConsentKind, PrivacyConsent } from './privacy.entities.js';

/** Records a consent under the current notice version, in the caller's transaction. */
export async function recordConsent(m: EntityManager, userId: string, kind: ConsentKind): Promise<void> {
  await m.insert(PrivacyConsent, { userId, kind, noticeVersion: CURRENT_NOTICE.version });
}

/** An ID number is processed only with its own, separate consent (PIPL art. 29): refused without it, nothing kept. */
export function assertIdNumberConsent(idNumber: string | undefined, consent: boolean | undefined): void {
  if (idNumber && consent !== true) {
    throw DomainException.field(
      ErrorCode.IdNumberConsentRequired,
      'idNumberConsent',
      'Tick the separate consent to the processing of your ID number, or leave the ID number out.',
    );
  }
}
