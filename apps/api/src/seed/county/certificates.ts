import type { EntityManager } from 'typeorm';
import { SQL_UID } from './residents.js';

/**
 * Certificates for the residents' completed classes, as the platform issues one at every completion: numbered in the
 * order of completion within the year, with a verification code drawn from the seed. Their PDFs are made when first
 * downloaded (the demo accounts' are queued at once, in demo-accounts.ts); their signed credentials when first asked
 * for, as for certificates issued before signing existed. Returns how many were issued.
 */
export async function issueResidentCertificates(m: EntityManager, seed: number): Promise<number> {
  // As for the residents' history: with a superuser, the rows' foreign-key triggers are skipped while written.
  const [{ superuser }] = await m.query<Array<{ superuser: boolean }>>(
    `SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`,
  );
  if (superuser) await m.query(`SET LOCAL session_replication_role = replica`);
  const [{ n }] = await m.query<Array<{ n: number }>>(
    `WITH k AS (INSERT INTO certificates (id, enrolment_id, learner_user_id, number, verification_code, holder_name, record_id,
                               issued_at)
     SELECT ${SQL_UID(`'certificate:' || r.enrolment_id::text`)}, r.enrolment_id, r.learner_user_id,
            'QX' || to_char(r.completed_on, 'YYYY') || '-' || lpad(nextval('certificate_number_seq')::text, 6, '0'),
            translate(upper(substr(md5($1 || ':certificate:' || r.enrolment_id::text), 1, 10)), '01', 'GH'), u.name,
            r.id, (r.completed_on + time '18:00') AT TIME ZONE 'Asia/Shanghai'
       FROM learning_records r JOIN users u ON u.id = r.learner_user_id
      WHERE r.enrolment_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM certificates k WHERE k.record_id = r.id)
      ORDER BY r.completed_on, r.enrolment_id
     RETURNING 1) SELECT count(*)::int AS n FROM k`,
    [String(seed)],
  );
  if (superuser) await m.query(`SET LOCAL session_replication_role = origin`);
  return n;
}
