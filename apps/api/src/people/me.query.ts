import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CURRENT_NOTICE } from '../privacy/privacy-notice.js';
import type { MeResponse } from './dto/me.response.js';

export type MeRow = MeResponse;

/** The signed-in user's own view: one statement, and the ID number only in masked form. */
@Injectable()
export class MeQuery {
  async byId(manager: EntityManager, userId: string): Promise<MeRow | null> {
    const rows: Array<Omit<MeRow, 'privacyNotice'> & { acceptedNoticeVersion: string | null }> =
      await manager.query(
        `SELECT u.id, u.name, u.mobile, u.email, u.locale, u.display_mode AS "displayMode",
                u.account_number AS "accountNumber", u.managed,
                ARRAY(SELECT d.township_code::text FROM service_point_staff d
                       WHERE d.user_id = u.id AND d.withdrawn_at IS NULL ORDER BY d.township_code) AS "servicePoints",
              to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
              COALESCE((SELECT json_agg(json_build_object('role', r.role, 'providerId', r.provider_id,
                                                          'enterpriseId', r.enterprise_id, 'townshipPrefix', r.township_prefix)
                                        ORDER BY r.role)
                          FROM role_assignments r WHERE r.user_id = u.id), '[]') AS roles,
              CASE WHEN p.user_id IS NULL THEN NULL ELSE json_build_object(
                'birthDate', to_char(p.birth_date, 'YYYY-MM-DD'), 'sex', p.sex,
                'townshipCode', p.township_code, 'townshipName', t.name, 'townshipNameEn', t.name_en,
                'villageCode', p.village_code, 'villageName', v.name, 'villageNameEn', v.name_en,
                'attainment', p.attainment, 'employmentStatus', p.employment_status,
                'idNumberMasked', p.id_number_masked) END AS profile,
              (SELECT c.notice_version FROM privacy_consents c
                WHERE c.user_id = u.id AND c.kind = 'privacy_notice' AND c.withdrawn_at IS NULL
                ORDER BY c.given_at DESC LIMIT 1) AS "acceptedNoticeVersion"
         FROM users u
         LEFT JOIN learner_profiles p ON p.user_id = u.id
         LEFT JOIN townships t ON t.code = p.township_code
         LEFT JOIN villages v ON v.code = p.village_code
        WHERE u.id = $1`,
        [userId],
      );
    if (!rows[0]) return null;
    const { acceptedNoticeVersion, ...me } = rows[0];
    return {
      ...me,
      privacyNotice: {
        currentVersion: CURRENT_NOTICE.version,
        acceptedVersion: acceptedNoticeVersion,
        acceptanceRequired: acceptedNoticeVersion !== CURRENT_NOTICE.version,
      },
    };
  }
}
