import { randomInt } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { JobName } from '../jobs/job.constants.js';
import type { OutboxService } from '../jobs/outbox.service.js';
import type { OpenBadgesService } from './open-badges.service.js';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export interface IssuedFrom {
  /** Exactly one of these: the completed enrolment or the completed apprenticeship agreement. */
  enrolmentId?: string;
  agreementId?: string;
  recordId: string;
  learnerUserId: string;
  holderName: string;
}

/**
 * Issues the certificate for a learning-record entry in the caller's transaction: signs its Open Badges credential
 * and queues its PDF through the outbox. Unique keys on the enrolment and the agreement make a second certificate
 * for the same source impossible.
 */
export async function issueCertificate(
  m: EntityManager,
  outbox: OutboxService,
  badges: OpenBadgesService,
  from: IssuedFrom,
): Promise<string> {
  const code = Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  const [certificate]: Array<{ id: string }> = await m.query(
    `INSERT INTO certificates (enrolment_id, agreement_id, learner_user_id, number, verification_code, holder_name,
                               record_id, issued_at)
     VALUES ($1, $2, $3,
             'QX' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' || lpad(nextval('certificate_number_seq')::text, 6, '0'),
             $4, $5, $6, now())
     RETURNING id`,
    [
      from.enrolmentId ?? null,
      from.agreementId ?? null,
      from.learnerUserId,
      code,
      from.holderName,
      from.recordId,
    ],
  );
  await badges.sign(m, certificate.id);
  await outbox.enqueue(m, JobName.CertificatePdf, `certificate-pdf:${certificate.id}`, {
    certificateId: certificate.id,
  });
  return certificate.id;
}
