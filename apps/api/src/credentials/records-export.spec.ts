import { Role, Sex } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../testing/builders.js';
import {
  type Actor,
  buildCourse,
  type BuiltCourse,
  makeActor,
  makeProvider,
} from '../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { EXPORT_BATCH, EXPORT_HEADER } from './records-export.service.js';

let t: TestApp;
let staff: Actor;
let otherStaff: Actor;
let providerId: string;
let otherProviderId: string;
let electrician: BuiltCourse;
let welder: BuiltCourse;
let otherCourse: BuiltCourse;
let learner: Actor;
const bearer = { type: 'bearer' } as const;
const BULK = 2 * EXPORT_BATCH + 500;
const ID_NUMBER = makeIdNumber('1958-03-21', Sex.Female, 7);

/** A completion through the tables, as the completion service leaves it: enrolment, record entry, certificate. */
async function completion(who: string, c: BuiltCourse, on: string, number: string | null): Promise<void> {
  const [e] = await t.db.query(
    `INSERT INTO enrolments (learner_user_id, session_id, course_id, status, queue_number)
     VALUES ($1, $2, $3, 'completed', nextval('enrolment_queue_seq')) RETURNING id`,
    [who, c.sessionId, c.courseId],
  );
  const [r] = await t.db.query(
    `INSERT INTO learning_records (learner_user_id, enrolment_id, course_id, provider_id, course_title, provider_name,
                                   category, hours, credits, completed_on, evidence)
     SELECT $1, $2, c.id, c.provider_id, c.title, 'x', c.category, c.study_hours, c.credits, $3, '{}'
       FROM courses c WHERE c.id = $4 RETURNING id`,
    [who, e.id, on, c.courseId],
  );
  if (number) {
    await t.db.query(
      `INSERT INTO certificates (enrolment_id, learner_user_id, number, verification_code, holder_name, record_id, issued_at)
       VALUES ($1, $2, $3, upper(substr(md5($3), 1, 10)), 'x', $4, now())`,
      [e.id, who, number, r.id],
    );
  }
}

const download = (who: Actor, query = '', provider = providerId) =>
  t.http.get(`/api/providers/${provider}/records.csv${query}`).auth(who.token, bearer);

const lines = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');

beforeAll(async () => {
  t = await startTestApp();
  providerId = await makeProvider(t);
  otherProviderId = await makeProvider(t, 'approved', '另一所学校');
  staff = await makeActor(t, Role.ProviderStaff, providerId);
  otherStaff = await makeActor(t, Role.ProviderAdmin, otherProviderId);
  electrician = await buildCourse(t, staff, providerId, { title: '初级电工, "安全" 实训' });
  welder = await buildCourse(t, staff, providerId, { title: '焊工' });
  otherCourse = await buildCourse(t, otherStaff, otherProviderId, { title: '别校课程' });
  learner = await makeActor(t, undefined, undefined, { name: '王秀兰', idNumber: ID_NUMBER });
  await completion(learner.id, electrician, '2026-03-01', 'QX2026-000001');
  await completion(learner.id, welder, '2026-05-10', null);
  await completion(learner.id, otherCourse, '2026-04-01', 'QX2026-000002');
});
afterAll(() => t?.close());

describe('records export', () => {
  it('streams my school’s completions as CSV with a BOM, masked names and no ID number or mobile', async () => {
    const res = await download(staff).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="?learning-records-all\.csv"?$/,
    );
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    expect(lines(res.text)).toEqual([
      EXPORT_HEADER.join(','),
      '2026-03-01,"初级电工, ""安全"" 实训",王**,测试一镇,48.0,2.0,QX2026-000001',
      '2026-05-10,焊工,王**,测试一镇,48.0,2.0,',
    ]);
    expect(res.text).not.toContain('秀兰');
    expect(res.text).not.toContain(learner.mobile);
    expect(res.text).not.toContain(ID_NUMBER.slice(-4));
  });

  it('narrows by completion dates and by course', async () => {
    const from = await download(staff, '?from=2026-04-01').expect(200);
    expect(lines(from.text).slice(1)).toEqual(['2026-05-10,焊工,王**,测试一镇,48.0,2.0,']);
    const to = await download(staff, '?to=2026-03-01').expect(200);
    expect(lines(to.text)).toHaveLength(2);
    const course = await download(staff, `?courseId=${welder.courseId}&from=2026-01-01&to=2026-12-31`).expect(
      200,
    );
    expect(lines(course.text).slice(1)).toEqual(['2026-05-10,焊工,王**,测试一镇,48.0,2.0,']);
    expect(course.headers['content-disposition']).toContain('learning-records-2026-01-01_2026-12-31.csv');
  });

  it('refuses malformed filters and unknown parameters', async () => {
    expect((await download(staff, '?from=2026-13-01')).status).toBe(400);
    expect((await download(staff, '?courseId=abc')).status).toBe(400);
    expect((await download(staff, '?learnerId=x')).status).toBe(400);
    const reversed = await download(staff, '?from=2026-06-01&to=2026-01-01');
    expect([reversed.status, reversed.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('answers 404 to another school’s staff, for our school and for our course under theirs', async () => {
    expect((await download(otherStaff)).status).toBe(404);
    const theirs = await download(otherStaff, `?courseId=${electrician.courseId}`, otherProviderId);
    expect([theirs.status, theirs.body.code]).toEqual([404, 'NOT_FOUND']);
    const own = await download(otherStaff, '', otherProviderId).expect(200);
    expect(lines(own.text).slice(1)).toEqual(['2026-04-01,别校课程,王**,测试一镇,48.0,2.0,QX2026-000002']);
    expect((await download(learner)).status).toBe(403);
  });

  it('records each download in the audit trail with its filters and row count, never names', async () => {
    await download(staff, `?courseId=${electrician.courseId}`).expect(200);
    const [event] = await t.db.query(
      `SELECT actor_user_id, entity_id, details FROM audit_events WHERE action = 'records.exported'
        ORDER BY id DESC LIMIT 1`,
    );
    expect(event).toEqual({
      actor_user_id: staff.id,
      entity_id: providerId,
      details: { rows: 1, complete: true, from: null, to: null, courseId: electrician.courseId },
    });
  });

  it(`streams ${BULK} rows in completion order, batch after batch, without losing or repeating one`, async () => {
    const bulk = await makeProvider(t, 'approved', '大学校');
    const bulkStaff = await makeActor(t, Role.ProviderAdmin, bulk);
    const c = await buildCourse(t, bulkStaff, bulk, { title: '大课' });
    // Three dates only, so many rows tie on the date across the batch boundaries (the id breaks the ties).
    await t.db.query(
      `WITH u AS (INSERT INTO users (name, mobile, password_hash)
                  SELECT '李' || i, '170' || lpad(i::text, 8, '0'), 'x' FROM generate_series(1, $1::int) i RETURNING id),
            e AS (INSERT INTO enrolments (learner_user_id, session_id, course_id, status, queue_number)
                  SELECT id, $2, $3, 'completed', nextval('enrolment_queue_seq') FROM u RETURNING id, learner_user_id),
            r AS (INSERT INTO learning_records (learner_user_id, enrolment_id, course_id, provider_id, course_title,
                                                provider_name, category, hours, credits, completed_on, evidence)
                  SELECT e.learner_user_id, e.id, $3, $4, '大课', 'x', 'vocational_skills', 1, 1,
                         date '2026-01-01' + (row_number() OVER () % 3)::int, '{}' FROM e
                  RETURNING id, enrolment_id, learner_user_id)
       INSERT INTO certificates (enrolment_id, learner_user_id, number, verification_code, holder_name, record_id, issued_at)
       SELECT enrolment_id, learner_user_id, 'B-' || row_number() OVER (), md5(id::text), 'x', id, now() FROM r`,
      [BULK, c.sessionId, c.courseId, bulk],
    );
    const res = await download(bulkStaff, '', bulk).expect(200);
    expect(res.headers['content-length']).toBeUndefined();
    const rows = lines(res.text).slice(1);
    expect(rows).toHaveLength(BULK);
    const numbers = new Set(rows.map((r) => r.split(',')[6]));
    expect(numbers.size).toBe(BULK);
    const dates = rows.map((r) => r.slice(0, 10));
    expect(dates).toEqual([...dates].sort());
    expect(rows.every((r) => /^2026-01-0[123],大课,李\*+,,1\.0,1\.0,B-\d+$/.test(r))).toBe(true);
  });
});
