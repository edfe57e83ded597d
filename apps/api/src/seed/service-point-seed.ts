import { idNumberCheckCharacter } from '@cll/domain';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { piiKeyring } from '../config/pii-keys.js';
import { PiiService } from '../people/pii.service.js';
import { DEMO_TOWNSHIPS, DEMO_VILLAGES } from './demo-county.js';

/** The demo service point: one designated staff member, and one managed account with its in-person proxy. */
export const DEMO_SERVICE_POINT = {
  staff: { mobile: '13800000031', name: '孙干事' },
  designatedBy: '13800000006',
  managed: {
    name: '钱大爷',
    accountNumber: '300000001',
    birthDate: '1948-10-12',
    sex: 'male',
    proxyMobile: '13800000001',
    relationship: 'village_worker',
  },
} as const;

/** The resident ID number of the demo managed account (valid check character; a made-up person). */
export function demoManagedIdNumber(): string {
  const first17 = `${DEMO_TOWNSHIPS[0].code.slice(0, 6)}19481012003`;
  return first17 + idNumberCheckCharacter(first17);
}

/** The ID number can only be stored protected, so only when the PII keys are in the environment. */
function piiFromEnvironment(): PiiService | null {
  try {
    // The same keyring (single keys or versioned lists) the API reads, so the stored hash matches its lookups.
    return new PiiService({ pii: piiKeyring(process.env) } as AppConfig);
  } catch {
    return null; // no keys configured: the ID number is left out
  }
}

export async function seedDemoServicePoint(
  m: EntityManager,
  userIds: Map<string, string>,
  passwordHash: string,
): Promise<void> {
  const sp = DEMO_SERVICE_POINT;
  const township = DEMO_TOWNSHIPS[0].code;
  const village = DEMO_VILLAGES.find((v) => v.townshipCode === township)?.code ?? DEMO_VILLAGES[0].code;
  const [staff] = await m.query<Array<{ id: string }>>(
    `INSERT INTO users (name, mobile, password_hash) VALUES ($1, $2, $3) RETURNING id`,
    [sp.staff.name, sp.staff.mobile, passwordHash],
  );
  await m.query(`INSERT INTO role_assignments (user_id, role) VALUES ($1, 'learner')`, [staff.id]);
  await m.query(
    `INSERT INTO learner_profiles (user_id, birth_date, sex, township_code, village_code, attainment, employment_status)
     VALUES ($1, '1985-04-09', 'male', $2, $3, 'bachelor', 'employed')`,
    [staff.id, township, village],
  );
  await m.query(
    `INSERT INTO service_point_staff (user_id, township_code, designated_by_user_id) VALUES ($1, $2, $3)`,
    [staff.id, township, userIds.get(sp.designatedBy)],
  );

  const r = sp.managed;
  const [resident] = await m.query<Array<{ id: string }>>(
    `INSERT INTO users (name, mobile, account_number, managed, password_hash)
     VALUES ($1, NULL, $2, true, '!managed:demo') RETURNING id`,
    [r.name, r.accountNumber],
  );
  await m.query(`INSERT INTO role_assignments (user_id, role) VALUES ($1, 'learner')`, [resident.id]);
  const pii = piiFromEnvironment();
  const id = pii?.protectIdNumber(demoManagedIdNumber());
  await m.query(
    `INSERT INTO learner_profiles (user_id, birth_date, sex, township_code, village_code, attainment, employment_status,
                                   id_number_enc, id_number_hash, id_number_hash_version, id_number_masked)
     VALUES ($1, $2, $3, $4, $5, 'primary', 'farmer', $6, $7, $8, $9)`,
    [
      resident.id,
      r.birthDate,
      r.sex,
      township,
      village,
      id?.enc ?? null,
      id?.hash ?? null,
      id?.hashVersion ?? null,
      id?.masked ?? null,
    ],
  );
  await m.query(
    `INSERT INTO proxy_relationships (proxy_user_id, learner_user_id, learner_mobile, relationship, confirmed_via,
                                      consent_form_date, recorded_by_user_id, consent_document_type)
     VALUES ($1, $2, NULL, $3, 'in_person', (now() AT TIME ZONE 'Asia/Shanghai')::date, $4, 'household_register')`,
    [userIds.get(r.proxyMobile), resident.id, r.relationship, staff.id],
  );
}
