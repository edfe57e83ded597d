import { isoWeekOf, Role } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activeAgreement,
  makeEnterpriseUser,
  makeParties,
  type Parties,
} from '../testing/apprenticeship-builders.js';
import { TOWNSHIP_A, TOWNSHIP_B } from '../testing/builders.js';
import {
  type Actor,
  buildCourse,
  type BuiltCourse,
  makeActor,
  withSecondFactor,
} from '../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { waitFor } from '../testing/wait.js';

/**
 * Object-level access, owner against a peer of the same kind: two schools, two enterprises, two learners, two
 * township-limited bureau analysts. The owner gets the object; the peer gets 404 (its existence is not revealed)
 * and, for writes, nothing changes. Also fields a role may not set (BOPLA / mass assignment).
 */
let t: TestApp;
let a: Parties;
let b: Parties;
let agreementA: string;
let courseA: BuiltCourse;
let learner1: Actor;
let learner2: Actor;
let enrolment1: string;
let certificate1: string;
let notification1: string;
let analystA: Actor;
let analystB: Actor;
const bearer = { type: 'bearer' } as const;

async function analyst(prefix: string): Promise<Actor> {
  const actor = await makeActor(t, Role.Learner);
  await t.db.query(
    `INSERT INTO role_assignments (user_id, role, township_prefix) VALUES ($1, 'bureau_analyst', $2)`,
    [actor.id, prefix],
  );
  return withSecondFactor(t, actor);
}

beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_REGISTRATIONS_PER_IP: '1000' });
  a = await makeParties(t, '2000-05-01');
  b = await makeParties(t, '2001-05-01');
  agreementA = await activeAgreement(t, a, { startDate: '2025-09-01' });
  courseA = await buildCourse(t, a.coordinator, a.providerId);
  await t.db.query(`UPDATE courses SET completion_rule = 'lessons' WHERE id = $1`, [courseA.courseId]);
  learner1 = await makeActor(t, undefined, undefined, { birthDate: '1985-06-01' });
  learner2 = await makeActor(t, undefined, undefined, { birthDate: '1986-06-01' });
  for (const learner of [learner1, learner2]) {
    const res = await t.http
      .post('/api/enrolments')
      .auth(learner.token, bearer)
      .send({ sessionId: courseA.sessionId });
    if (learner === learner1) enrolment1 = res.body.id as string;
  }
  const [text, quiz] = courseA.lessonIds;
  await t.http.put(`/api/me/lessons/${text}/progress`).auth(learner1.token, bearer).send({ completed: true });
  await t.http
    .post(`/api/me/lessons/${quiz}/quiz-attempts`)
    .auth(learner1.token, bearer)
    .send({ answers: [[0], [2, 0]] });
  certificate1 = await waitFor(async () => {
    const rows: Array<{ id: string }> = await t.db.query(
      `SELECT id FROM certificates WHERE learner_user_id = $1 AND pdf IS NOT NULL`,
      [learner1.id],
    );
    return rows[0]?.id;
  });
  const [n]: Array<{ id: string }> = await t.db.query(
    `SELECT id FROM notifications WHERE user_id = $1 LIMIT 1`,
    [learner1.id],
  );
  notification1 = n.id;
  analystA = await analyst(TOWNSHIP_A.slice(0, 9));
  analystB = await analyst(TOWNSHIP_B.slice(0, 9));
}, 60_000);
afterAll(async () => {
  await t.close();
});

type Method = 'get' | 'post' | 'put' | 'patch';
const send = (method: Method, path: string, actor: Actor, body?: object) => {
  const req = t.http[method](path).auth(actor.token, bearer);
  return method === 'get' ? req : req.send(body ?? {});
};

describe('object-level access between peers', () => {
  it('gives each object to its owner and answers 404 to the peer of the same kind', async () => {
    const week = isoWeekOf('2025-09-08');
    const reads: Array<[string, string, () => Actor, () => Actor]> = [
      ['learner: certificate PDF', `/api/me/certificates/{c}/pdf`, () => learner1, () => learner2],
      ['apprentice: agreement', `/api/apprenticeships/{a}`, () => a.apprentice, () => b.apprentice],
      ['apprentice: weeks', `/api/apprenticeships/{a}/weeks`, () => a.apprentice, () => b.apprentice],
      ['school: course', `/api/courses/{course}`, () => a.coordinator, () => b.coordinator],
      ['school: roster', `/api/sessions/{session}/roster`, () => a.coordinator, () => b.coordinator],
      ['school: agreement', `/api/apprenticeships/{a}`, () => a.coordinator, () => b.coordinator],
      [
        'enterprise: agreement',
        `/api/apprenticeships/{a}`,
        () => a.enterpriseMentor,
        () => b.enterpriseMentor,
      ],
      [
        'enterprise: weeks',
        `/api/apprenticeships/{a}/weeks`,
        () => a.enterpriseMentor,
        () => b.enterpriseMentor,
      ],
      [
        'township analyst: drill-down',
        `/api/indicators/drill?year=2025&code=completions&township=${TOWNSHIP_A}`,
        () => analystA,
        () => analystB,
      ],
    ];
    const fill = (path: string) =>
      path
        .replace('{c}', certificate1)
        .replace('{a}', agreementA)
        .replace('{course}', courseA.courseId)
        .replace('{session}', courseA.sessionId);
    const wrong: string[] = [];
    for (const [what, path, owner, peer] of reads) {
      const own = await send('get', fill(path), owner());
      const other = await send('get', fill(path), peer());
      if (own.status !== 200) wrong.push(`${what}: owner got ${own.status}`);
      if (other.status !== 404 || other.body?.code !== 'NOT_FOUND')
        wrong.push(`${what}: peer got ${other.status}`);
    }

    const writes: Array<[string, Method, string, object, Actor]> = [
      [
        'learner: withdraw another’s enrolment',
        'post',
        `/api/enrolments/${enrolment1}/withdraw`,
        {},
        learner2,
      ],
      [
        'learner: read another’s message',
        'post',
        `/api/me/notifications/${notification1}/read`,
        {},
        learner2,
      ],
      [
        'apprentice: log in another’s agreement',
        'put',
        `/api/apprenticeships/${agreementA}/weeks/${week}`,
        {
          days: [{ date: '2025-09-08', schoolHours: 0, workplaceHours: 8 }],
          description: '车间练习。',
        },
        b.apprentice,
      ],
      [
        'school: change another school’s course',
        'patch',
        `/api/courses/${courseA.courseId}`,
        { title: '改名' },
        b.coordinator,
      ],
      [
        'school: another school’s session capacity',
        'patch',
        `/api/sessions/${courseA.sessionId}`,
        { capacity: 1 },
        b.coordinator,
      ],
      [
        'school: pause another school’s agreement',
        'post',
        `/api/apprenticeships/${agreementA}/pause`,
        {
          effectiveDate: '2025-10-01',
          reason: '企业停产',
        },
        b.coordinator,
      ],
      [
        'enterprise: confirm another enterprise’s agreement',
        'post',
        `/api/apprenticeships/${agreementA}/confirmations`,
        {
          version: 1,
        },
        b.enterpriseMentor,
      ],
    ];
    const before = await snapshot();
    for (const [what, method, path, body, peer] of writes) {
      const res = await send(method, path, peer, body);
      if (res.status !== 404) wrong.push(`${what}: ${res.status} ${JSON.stringify(res.body?.code)}`);
    }
    expect(wrong).toEqual([]);
    expect(await snapshot()).toEqual(before);

    // Lists hold only the caller's own: the other learner's record, the other enterprise's apprentices.
    const record2 = await send('get', '/api/me/record', learner2);
    expect(record2.body.entries).toEqual([]);
    const listB = await send('get', '/api/apprenticeships', b.enterpriseMentor);
    expect(JSON.stringify(listB.body)).not.toContain(agreementA);
    const enterpriseAdminB = await makeEnterpriseUser(t, b.enterpriseId, Role.EnterpriseAdmin, '钱经理');
    const usersA = await send('get', `/api/enterprises/${a.enterpriseId}/users`, enterpriseAdminB);
    expect([403, 404]).toContain(usersA.status);
  });

  it('refuses fields a role may not set, and changes nothing', async () => {
    const before = await snapshot();
    const attempts: Array<[Method, string, object, Actor]> = [
      ['patch', '/api/me', { roles: ['bureau_admin'] }, learner1],
      ['patch', '/api/me', { role: 'bureau_admin' }, learner1],
      ['patch', `/api/courses/${courseA.courseId}`, { status: 'archived' }, a.coordinator],
      ['patch', `/api/courses/${courseA.courseId}`, { providerId: b.providerId }, a.coordinator],
      ['patch', `/api/sessions/${courseA.sessionId}`, { enrolledCount: 0 }, a.coordinator],
      ['put', `/api/apprenticeships/${agreementA}`, { state: 'completed', version: 1 }, a.coordinator],
      [
        'post',
        '/api/enrolments',
        { sessionId: courseA.sessionId, learnerUserId: learner2.id, status: 'enrolled' },
        learner1,
      ],
    ];
    const answers = [];
    for (const [method, path, body, actor] of attempts) {
      const res = await send(method, path, actor, body);
      // Refused because of the field itself, named in the answer, not for some other missing field.
      const named = (res.body?.fields as Array<{ field: string }> | undefined)?.map((f) => f.field) ?? [];
      const forbidden = Object.keys(body).filter((k) => !['version', 'sessionId'].includes(k));
      answers.push([path, res.status, forbidden.every((k) => named.includes(k)) ? 'named' : named.join()]);
    }
    expect(answers.filter(([, status, named]) => status !== 400 || named !== 'named')).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });
});

/** What the refused requests must not have changed. */
async function snapshot() {
  return t.db.query(
    `SELECT (SELECT json_agg(json_build_object('t', title, 's', status, 'p', provider_id)) FROM courses WHERE id = $1) AS course,
            (SELECT json_agg(json_build_object('c', capacity, 'n', enrolled_count)) FROM course_sessions WHERE id = $2) AS session,
            (SELECT json_agg(status) FROM enrolments WHERE id = $3) AS enrolment,
            (SELECT json_agg(read_at) FROM notifications WHERE id = $4) AS notification,
            (SELECT count(*) FROM apprenticeship_events WHERE agreement_id = $5) AS events,
            (SELECT count(*) FROM apprenticeship_confirmations WHERE agreement_id = $5) AS confirmations,
            (SELECT count(*) FROM apprenticeship_log_weeks WHERE agreement_id = $5) AS weeks,
            (SELECT json_agg(role ORDER BY role) FROM role_assignments WHERE user_id = $6) AS roles`,
    [courseA.courseId, courseA.sessionId, enrolment1, notification1, agreementA, learner1.id],
  );
}
