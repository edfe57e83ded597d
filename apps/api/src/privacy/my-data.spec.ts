import { Role, Sex } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completedLearner } from '../testing/credential-helpers.js';
import { makeIdNumber } from '../testing/builders.js';
import { buildCourse, makeActor, makeProvider } from '../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { CURRENT_NOTICE } from './privacy-notice.js';

const bearer = { type: 'bearer' } as const;
const ID_NUMBER = makeIdNumber('1980-03-21', Sex.Female, 77);
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_REGISTRATIONS_PER_IP: '1000' });
});
afterAll(async () => {
  await t.close();
});

describe('a resident’s own data (PIPL art. 45)', () => {
  it('downloads everything held about a learner, field by field, with the ID number only masked', async () => {
    const providerId = await makeProvider(t);
    const staff = await makeActor(t, Role.ProviderStaff, providerId);
    const course = await buildCourse(t, staff, providerId, { title: '老年智能手机' });
    const learner = await completedLearner(t.http, t, staff, course, () =>
      makeActor(t, undefined, undefined, { name: '王秀兰', birthDate: '1980-03-21', idNumber: ID_NUMBER }),
    );
    const other = await completedLearner(t.http, t, staff, course, () =>
      makeActor(t, undefined, undefined, { name: '李桂英', birthDate: '1985-01-01' }),
    );

    const res = await t.http.get('/api/me/data-export').auth(learner.token, bearer).expect(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="my-data.json"');
    expect(res.headers['cache-control']).toBe('no-store');
    const data = res.body;

    // Computed a second way: the rows straight from the tables.
    const [user] = await t.db.query(`SELECT id, name, mobile, email, locale FROM users WHERE id = $1`, [
      learner.id,
    ]);
    expect(data.account).toMatchObject(user);
    expect(data.account).not.toHaveProperty('password_hash');
    const [profile] = await t.db.query(
      `SELECT to_char(birth_date, 'YYYY-MM-DD') AS birth_date, sex, township_code, village_code, attainment,
              employment_status, id_number_masked FROM learner_profiles WHERE user_id = $1`,
      [learner.id],
    );
    expect({ ...data.profile, birth_date: String(data.profile.birth_date).slice(0, 10) }).toMatchObject(
      profile,
    );
    expect(data.profile.id_number_masked).toBe(`${ID_NUMBER.slice(0, 3)}***********${ID_NUMBER.slice(-4)}`);
    for (const hidden of ['id_number_enc', 'id_number_hash', 'id_number_hash_version'])
      expect(data.profile).not.toHaveProperty(hidden);
    expect(JSON.stringify(data)).not.toContain(ID_NUMBER);

    const ids = async (sql: string) =>
      (await t.db.query(sql, [learner.id])).map((r: { id: string }) => r.id).sort();
    const exported = (rows: Array<{ id: string }>) => rows.map((r) => r.id).sort();
    expect(exported(data.enrolments)).toEqual(
      await ids(`SELECT id FROM enrolments WHERE learner_user_id = $1`),
    );
    expect(data.enrolments).toHaveLength(1);
    expect(data.enrolments[0]).toMatchObject({ status: 'completed', course_id: course.courseId });
    expect(exported(data.learningRecords)).toEqual(
      await ids(`SELECT id FROM learning_records WHERE learner_user_id = $1`),
    );
    expect(data.learningRecords[0]).toMatchObject({
      course_title: '老年智能手机',
      learner_user_id: learner.id,
    });
    expect(exported(data.certificates)).toEqual([learner.certificateId]);
    expect(data.certificates[0]).toMatchObject({
      number: learner.number,
      verification_code: learner.verificationCode,
    });
    expect(data.certificates[0]).not.toHaveProperty('pdf');
    expect(exported(data.sessions)).toEqual(await ids(`SELECT id FROM auth_sessions WHERE user_id = $1`));
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(JSON.stringify(data.sessions)).not.toMatch(/token_hash/);
    expect(
      data.consents.map((c: { kind: string; notice_version: string }) => [c.kind, c.notice_version]),
    ).toEqual(
      expect.arrayContaining([
        ['privacy_notice', CURRENT_NOTICE.version],
        ['sensitive_id_number', CURRENT_NOTICE.version],
      ]),
    );
    expect(data.roles).toEqual([expect.objectContaining({ role: 'learner', user_id: learner.id })]);
    expect(data.proxies).toEqual([]);
    const audited = await ids(
      `SELECT id::text AS id FROM audit_events
        WHERE (actor_user_id = $1 OR on_behalf_of_user_id = $1 OR (entity_type = 'user' AND entity_id = $1::text))
          AND action <> 'privacy.data_exported'`,
    );
    // The export's own audit event is written after its snapshot was read; every other one is in it.
    expect(data.auditEvents.map((e: { id: number | string }) => String(e.id)).sort()).toEqual(audited);
    expect(data.auditEvents.map((e: { action: string }) => e.action)).toContain('account.registered');

    // Nothing of the other learner, although they share the course and the school.
    const text = JSON.stringify(data);
    expect(text).not.toContain(other.id);
    expect(text).not.toContain('李桂英');
    expect(text).not.toContain(other.mobile);

    const [log] = await t.db.query(
      `SELECT details FROM audit_events WHERE action = 'privacy.data_exported' AND actor_user_id = $1`,
      [learner.id],
    );
    expect(log.details).toMatchObject({ enrolments: 1, certificates: 1, learningRecords: 1 });
    await t.http.get('/api/me/data-export').expect(401);
  });
});
