import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@cll/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import type { MyDataExport } from './dto/my-data.dto.js';

type Json = Record<string, unknown>;

/**
 * Every row held about one person (PIPL art. 45), each table's own columns as stored, minus what is not theirs to
 * read back or is no use to them: password and token hashes, the ID number's ciphertext and matching hash (the number
 * is given masked; the full number is shown in person at a service point on identity check), PDF bytes.
 */
const SECTIONS: Array<[keyof Omit<MyDataExport, 'exportedAt' | 'format' | 'account' | 'profile'>, string]> = [
  ['roles', `SELECT to_jsonb(x) AS row FROM role_assignments x WHERE x.user_id = $1 ORDER BY x.created_at`],
  [
    'enrolments',
    `SELECT to_jsonb(x) AS row FROM enrolments x WHERE x.learner_user_id = $1 ORDER BY x.created_at`,
  ],
  [
    'lessonProgress',
    `SELECT to_jsonb(x) AS row FROM lesson_progress x WHERE x.learner_user_id = $1 ORDER BY x.updated_at`,
  ],
  [
    'attendance',
    `SELECT to_jsonb(x) AS row FROM attendance x JOIN enrolments e ON e.id = x.enrolment_id
      WHERE e.learner_user_id = $1 ORDER BY x.class_date`,
  ],
  [
    'learningRecords',
    `SELECT to_jsonb(x) AS row FROM learning_records x WHERE x.learner_user_id = $1 ORDER BY x.completed_on`,
  ],
  [
    'certificates',
    `SELECT to_jsonb(x) - 'pdf' - 'credential_jws' AS row FROM certificates x WHERE x.learner_user_id = $1
      ORDER BY x.created_at`,
  ],
  [
    'proxies',
    `SELECT to_jsonb(x) AS row FROM proxy_relationships x WHERE x.learner_user_id = $1 OR x.proxy_user_id = $1
      ORDER BY x.created_at`,
  ],
  [
    'apprenticeships',
    `SELECT to_jsonb(x) AS row FROM apprenticeship_agreements x WHERE x.apprentice_user_id = $1 ORDER BY x.start_date`,
  ],
  ['sessions', `SELECT to_jsonb(x) AS row FROM auth_sessions x WHERE x.user_id = $1 ORDER BY x.created_at`],
  ['consents', `SELECT to_jsonb(x) AS row FROM privacy_consents x WHERE x.user_id = $1 ORDER BY x.given_at`],
  [
    'notifications',
    `SELECT to_jsonb(x) AS row FROM notifications x WHERE x.user_id = $1 ORDER BY x.created_at`,
  ],
  [
    'courseRequests',
    `SELECT to_jsonb(x) AS row FROM course_requests x WHERE x.user_id = $1 ORDER BY x.created_at`,
  ],
  [
    'auditEvents',
    `SELECT to_jsonb(x) AS row FROM audit_events x
      WHERE x.actor_user_id = $1 OR x.on_behalf_of_user_id = $1 OR (x.entity_type = 'user' AND x.entity_id = $1::text)
      ORDER BY x.id`,
  ],
];

@Injectable()
export class MyDataService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** One consistent snapshot (repeatable read) of everything about the user; the download itself is audited. */
  async export(user: AuthUser): Promise<MyDataExport> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const [account] = await m.query<Array<{ row: Json }>>(
        `SELECT to_jsonb(u) - 'password_hash' AS row FROM users u WHERE u.id = $1`,
        [user.id],
      );
      if (!account) throw new DomainException(ErrorCode.NotFound, 'No such account.');
      const [profile] = await m.query<Array<{ row: Json }>>(
        `SELECT to_jsonb(p) - 'id_number_enc' - 'id_number_hash' - 'id_number_hash_version' AS row
           FROM learner_profiles p WHERE p.user_id = $1`,
        [user.id],
      );
      const sections = await this.sections(m, user.id);
      await this.audit.record(m, {
        action: 'privacy.data_exported',
        entityType: 'user',
        entityId: user.id,
        actorUserId: user.id,
        details: Object.fromEntries(Object.entries(sections).map(([k, v]) => [k, v.length])),
      });
      return {
        format: 'cll-my-data/1',
        exportedAt: new Date().toISOString(),
        account: account.row,
        profile: profile?.row ?? null,
        ...sections,
      } as MyDataExport;
    });
  }

  private async sections(m: EntityManager, userId: string): Promise<Record<string, Json[]>> {
    const out: Record<string, Json[]> = {};
    for (const [name, sql] of SECTIONS) {
      const rows = await m.query<Array<{ row: Json }>>(sql, [userId]);
      out[name] = rows.map((r) => r.row);
    }
    return out;
  }
}
