import { Role } from '@cll/domain';
import { makeActor, makeProvider, withSecondFactor, type Actor } from './offer-builders.js';
import { TOWNSHIP_A } from './builders.js';
import type { TestApp } from './test-app.js';

const bearer = { type: 'bearer' } as const;

/** A school with a coordinator and a school mentor, an enterprise with a mentor, and an adult apprentice. */
export interface Parties {
  providerId: string;
  programmeId: string;
  enterpriseId: string;
  coordinator: Actor;
  schoolMentor: Actor;
  enterpriseMentor: Actor;
  apprentice: Actor;
}

let enterpriseSerial = 0;

export async function makeEnterprise(t: TestApp, name = '测试精工机械有限公司'): Promise<string> {
  enterpriseSerial += 1;
  const code = `91330799MA${String(process.pid % 100_000).padStart(5, '0')}${String(enterpriseSerial).padStart(3, '0')}`;
  const [row] = await t.db.query(
    `INSERT INTO enterprises (name, credit_code, industry, township_code) VALUES ($1, $2, '制造业', $3) RETURNING id`,
    [name, code, TOWNSHIP_A],
  );
  return row.id as string;
}

/** An account holding an enterprise role at `enterpriseId`. */
export async function makeEnterpriseUser(
  t: TestApp,
  enterpriseId: string,
  role: Role.EnterpriseMentor | Role.EnterpriseAdmin = Role.EnterpriseMentor,
  name = '陈师傅',
): Promise<Actor> {
  const actor = await makeActor(t, Role.Learner, undefined, { name, birthDate: '1980-04-02' });
  await t.db.query(`INSERT INTO role_assignments (user_id, role, enterprise_id) VALUES ($1, $2, $3)`, [
    actor.id,
    role,
    enterpriseId,
  ]);
  return withSecondFactor(t, actor);
}

export async function makeParties(t: TestApp, apprenticeBirthDate = '2006-05-01'): Promise<Parties> {
  const providerId = await makeProvider(t);
  const [programme] = await t.db.query(
    `INSERT INTO programmes (provider_id, kind, title, occupation_code)
     VALUES ($1, 'apprenticeship', '数控技术现代学徒制', '6-18-01-01') RETURNING id`,
    [providerId],
  );
  const enterpriseId = await makeEnterprise(t);
  return {
    providerId,
    programmeId: programme.id as string,
    enterpriseId,
    coordinator: await makeActor(t, Role.ProviderStaff, providerId, {
      name: '周老师',
      birthDate: '1985-01-01',
    }),
    schoolMentor: await makeActor(t, Role.ProviderStaff, providerId, {
      name: '吴老师',
      birthDate: '1983-01-01',
    }),
    enterpriseMentor: await makeEnterpriseUser(t, enterpriseId),
    apprentice: await makeActor(t, Role.Learner, undefined, {
      name: '李小军',
      birthDate: apprenticeBirthDate,
    }),
  };
}

/** The terms alone, as an edit sends them (with the version being changed). */
export function termsBody(p: Parties, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    programmeId: p.programmeId,
    occupationCode: '6-18-01-01',
    occupationName: '数控车工',
    schoolMentorUserId: p.schoolMentor.id,
    enterpriseMentorUserId: p.enterpriseMentor.id,
    startDate: '2025-09-01',
    plannedEndDate: '2027-06-30',
    plannedSchoolHours: 600,
    plannedWorkplaceHours: 1600,
    ...overrides,
  };
}

export function draftBody(p: Parties, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    scheme: 'modern',
    providerId: p.providerId,
    enterpriseId: p.enterpriseId,
    apprenticeMobile: p.apprentice.mobile,
    ...termsBody(p, overrides),
  };
}

export async function draft(t: TestApp, p: Parties, overrides: Record<string, unknown> = {}) {
  const res = await t.http
    .post('/api/apprenticeships')
    .auth(p.coordinator.token, bearer)
    .send(draftBody(p, overrides));
  if (res.status !== 201) throw new Error(`draft failed: ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number; state: string };
}

/** The school, the enterprise and the apprentice confirm the current version. */
export async function confirmAll(t: TestApp, p: Parties, id: string, version = 1): Promise<void> {
  for (const actor of [p.coordinator, p.enterpriseMentor, p.apprentice]) {
    const res = await t.http
      .post(`/api/apprenticeships/${id}/confirmations`)
      .auth(actor.token, bearer)
      .send({ version });
    if (res.status !== 200) throw new Error(`confirmation failed: ${JSON.stringify(res.body)}`);
  }
}

/** Drafted and confirmed by all: active from its start date. */
export async function activeAgreement(t: TestApp, p: Parties, overrides: Record<string, unknown> = {}) {
  const agreement = await draft(t, p, overrides);
  await confirmAll(t, p, agreement.id);
  return agreement.id;
}
