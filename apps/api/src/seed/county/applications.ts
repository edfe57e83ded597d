import type { EntityManager } from 'typeorm';
import { DEMO_TOWNSHIPS, DEMO_VILLAGES } from '../demo-county.js';

/** Two training providers that applied to join and wait for the bureau's decision (the bureau's approvals list). */
const APPLICATIONS = [
  {
    provider: '青溪县白石镇成人文化技术学校',
    kind: 'community_college',
    township: 3,
    contact: '郑校长',
    mobile: '13701008001',
    daysAgo: 3,
  },
  {
    provider: '青溪巧手家政职业技能培训学校',
    kind: 'training_centre',
    township: 9,
    contact: '冯女士',
    mobile: '13701008002',
    daysAgo: 9,
  },
] as const;

export async function seedProviderApplications(m: EntityManager): Promise<void> {
  for (const a of APPLICATIONS) {
    const township = DEMO_TOWNSHIPS[a.township].code;
    const village = DEMO_VILLAGES.find((v) => v.townshipCode === township)?.code;
    // The applicant signed in as a resident to apply; they have no password in the demo.
    const [user] = await m.query<Array<{ id: string }>>(
      `INSERT INTO users (name, mobile, password_hash) VALUES ($1, $2, '!') RETURNING id`,
      [a.contact, a.mobile],
    );
    await m.query(`INSERT INTO role_assignments (user_id, role) VALUES ($1, 'learner')`, [user.id]);
    await m.query(
      `INSERT INTO learner_profiles (user_id, birth_date, sex, township_code, village_code, attainment, employment_status)
       VALUES ($1, '1978-06-18', 'female', $2, $3, 'junior_college', 'employed')`,
      [user.id, township, village],
    );
    await m.query(
      `INSERT INTO providers (name, kind, township_code, status, contact_name, contact_phone, applicant_user_id,
                              created_at)
       VALUES ($1, $2, $3, 'pending', $4, $5, $6, now() - make_interval(days => $7))`,
      [a.provider, a.kind, township, a.contact, a.mobile, user.id, a.daysAgo],
    );
  }
}
