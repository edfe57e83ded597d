import { AttainmentLevel, creditCodeCheckCharacter, EmploymentStatus, Sex } from '@cll/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { PasswordService } from '../auth/password.service.js';
import { seedDemoApprenticeships } from './apprenticeship-seed.js';
import { seedDemoAttainmentHistory } from './attainment-seed.js';
import { seedDemoAcademicCompletions } from './county/academic-completions.js';
import { seedDemoCatalogue } from './catalogue-seed.js';
import { seedDemoAccountHistories } from './demo-accounts.js';
import { todayInChina } from '../common/date-only.js';
import { seedProviderApplications } from './county/applications.js';
import { issueResidentCertificates } from './county/certificates.js';
import { seedCountyApprenticeships } from './county/apprenticeships.js';
import { seedDemoPeriods } from './county/periods.js';
import { DEMO_COUNTY_SEED, seedDemoIndicators } from './indicator-seed.js';
import { seedDemoServicePoint } from './service-point-seed.js';
import {
  DEMO_ACCOUNTS,
  DEMO_ENTERPRISES,
  DEMO_PASSWORD,
  DEMO_PROVIDERS,
  DEMO_PROXY_RESIDENT,
  DEMO_TOWNSHIPS,
  DEMO_VILLAGES,
} from './demo-county.js';
import { CURRENT_NOTICE } from '../privacy/privacy-notice.js';

/** Loads the demo county in one transaction; running it again changes nothing. Returns false when already there. */
export async function seedDemoData(dataSource: DataSource, passwords: PasswordService): Promise<boolean> {
  const existing: unknown[] = await dataSource.query(`SELECT 1 FROM users WHERE mobile = $1`, [
    DEMO_ACCOUNTS[0].mobile,
  ]);
  if (existing.length) return false;
  const phase = seedPhases();
  const passwordHash = await passwords.hash(DEMO_PASSWORD);
  const bureauAdminUserId = await dataSource.transaction(async (m) => {
    for (const t of DEMO_TOWNSHIPS) {
      await m.query(
        `INSERT INTO townships (code, name, name_en) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [t.code, t.name, t.nameEn],
      );
    }
    for (const v of DEMO_VILLAGES) {
      await m.query(
        `INSERT INTO villages (code, township_code, name, name_en) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [v.code, v.townshipCode, v.name, v.nameEn],
      );
    }
    const providerIds = new Map<string, string>();
    for (const p of DEMO_PROVIDERS) {
      const [row] = await m.query<Array<{ id: string }>>(
        `INSERT INTO providers (name, kind, township_code, status, verified_at) VALUES ($1, $2, $3, 'approved', now()) RETURNING id`,
        [p.name, p.kind, DEMO_TOWNSHIPS[p.township].code],
      );
      providerIds.set(p.key, row.id);
    }
    const enterpriseIds = new Map<string, string>();
    for (const e of DEMO_ENTERPRISES) {
      const [row] = await m.query<Array<{ id: string }>>(
        `INSERT INTO enterprises (name, credit_code, industry, township_code) VALUES ($1, $2, $3, $4) RETURNING id`,
        [
          e.name,
          e.first17 + creditCodeCheckCharacter(e.first17),
          e.industry,
          DEMO_TOWNSHIPS[e.township].code,
        ],
      );
      enterpriseIds.set(e.key, row.id);
    }
    phase('places and organisations');
    await seedDemoCatalogue(m, providerIds);
    phase('catalogue');
    const userIds = new Map<string, string>();
    for (const a of DEMO_ACCOUNTS) {
      const [user] = await m.query<Array<{ id: string }>>(
        `INSERT INTO users (name, mobile, password_hash) VALUES ($1, $2, $3) RETURNING id`,
        [a.name, a.mobile, passwordHash],
      );
      userIds.set(a.mobile, user.id);
      const scope = a.scope as { provider?: string; enterprise?: string } | null;
      await m.query(
        `INSERT INTO role_assignments (user_id, role, provider_id, enterprise_id) VALUES ($1, $2, $3, $4)`,
        [
          user.id,
          a.role,
          scope?.provider ? providerIds.get(scope.provider) : null,
          scope?.enterprise ? enterpriseIds.get(scope.enterprise) : null,
        ],
      );
      if (a.role === 'learner') {
        await m.query(
          `INSERT INTO learner_profiles (user_id, birth_date, sex, township_code, village_code, attainment, employment_status)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            user.id,
            'birthDate' in a ? a.birthDate : '1958-03-21',
            'sex' in a ? a.sex : Sex.Female,
            DEMO_TOWNSHIPS[0].code,
            DEMO_VILLAGES[0].code,
            AttainmentLevel.JuniorSecondary,
            'birthDate' in a ? EmploymentStatus.Student : EmploymentStatus.Retired,
          ],
        );
        await m.query(
          `INSERT INTO notifications (user_id, kind, params, dedupe_key) VALUES ($1, 'welcome', $2, $3)`,
          [user.id, JSON.stringify({ name: a.name }), `welcome:${user.id}`],
        );
      }
    }
    await seedDemoApprenticeships(m, {
      providerId: providerIds.get('vocational') as string,
      enterpriseId: enterpriseIds.get('machinery') as string,
      users: userIds,
    });
    await seedCountyApprenticeships(m, DEMO_COUNTY_SEED, todayInChina(), {
      providers: providerIds,
      enterprises: enterpriseIds,
      coordinators: new Map([['vocational', userIds.get('13800000002') as string]]),
      demoMentor: userIds.get('13800000004') as string,
    });
    phase('accounts and apprenticeships');
    await seedDemoIndicators(m, userIds.get('13800000006') as string);
    phase('baseline, residents and history');
    await seedDemoAccountHistories(m, DEMO_COUNTY_SEED, todayInChina(), {
      learner: userIds.get('13800000001') as string,
      schoolStaff: userIds.get('13800000002') as string,
      vocationalProviderId: providerIds.get('vocational') as string,
      townshipCode: DEMO_TOWNSHIPS[0].code,
    });
    phase('demo accounts');
    await seedDemoProxyRelationship(m, userIds);
    await seedDemoServicePoint(m, userIds, passwordHash);
    await seedDemoAttainmentHistory(m);
    phase('proxy, service point and attainment histories');
    await seedDemoAcademicCompletions(m, DEMO_COUNTY_SEED, todayInChina());
    phase('academic graduates');
    await seedProviderApplications(m);
    // Every completed class has its certificate (after every history above is written).
    await issueResidentCertificates(m, DEMO_COUNTY_SEED);
    phase('certificates');
    // The demo people have read the current privacy notice (a real account agrees at registration or sign-in).
    await m.query(
      `INSERT INTO privacy_consents (user_id, kind, notice_version) SELECT id, 'privacy_notice', $1 FROM users`,
      [CURRENT_NOTICE.version],
    );
    return userIds.get('13800000006') as string;
  });
  phase('commit');
  await seedDemoPeriods(dataSource, bureauAdminUserId);
  phase('indicator periods');
  return true;
}

async function seedDemoProxyRelationship(m: EntityManager, userIds: Map<string, string>): Promise<void> {
  const r = DEMO_PROXY_RESIDENT;
  const [resident] = await m.query<Array<{ id: string }>>(
    `INSERT INTO users (name, mobile, password_hash) VALUES ($1, $2, '!proxy-registered:demo') RETURNING id`,
    [r.name, r.mobile],
  );
  await m.query(`INSERT INTO role_assignments (user_id, role) VALUES ($1, 'learner')`, [resident.id]);
  await m.query(
    `INSERT INTO learner_profiles (user_id, birth_date, sex, township_code, village_code, attainment, employment_status)
     VALUES ($1, $2, 'female', $3, $4, 'primary', 'retired')`,
    [resident.id, r.birthDate, DEMO_TOWNSHIPS[0].code, DEMO_VILLAGES[0].code],
  );
  await m.query(
    `INSERT INTO proxy_relationships (proxy_user_id, learner_user_id, learner_mobile, relationship, confirmed_via)
     VALUES ($1, $2, $3, $4, 'sms')`,
    [userIds.get(r.proxyMobile), resident.id, r.mobile, r.relationship],
  );
}

/** With SEED_TIMING=1, logs how long each part of the demo load took. */
function seedPhases(): (name: string) => void {
  let last = performance.now();
  return (name) => {
    if (!process.env.SEED_TIMING) return;
    const now = performance.now();
    console.log(`seed: ${name} ${((now - last) / 1000).toFixed(2)} s`);
    last = now;
  };
}
