import { addDays, classDates, isoWeekday, Role } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInCounty } from '../common/date-only.js';
import { TOWNSHIP_A, TOWNSHIP_B, VILLAGE_B1 } from '../testing/builders.js';
import { type Actor, buildCourse, makeActor, makeProvider, sessionBody } from '../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

const bearer = { type: 'bearer' } as const;
let t: TestApp;
let staff: Actor;
let providerId: string;
const today = todayInCounty();

beforeAll(async () => {
  t = await startTestApp();
  providerId = await makeProvider(t, 'approved', '时间表测试学校');
  staff = await makeActor(t, Role.ProviderAdmin, providerId);
});
afterAll(() => t?.close());

function at(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

/** A session of `courseId` in a township, starting in `inDays` days and running two weeks. */
async function addSession(
  courseId: string,
  township: string,
  inDays: number,
  extra: Record<string, unknown> = {},
) {
  const first = addDays(today, inDays);
  const res = await t.http
    .post(`/api/courses/${courseId}/sessions`)
    .auth(staff.token, bearer)
    .send(
      sessionBody({
        label: `${township === TOWNSHIP_A ? '一镇' : '二镇'}班 +${inDays}`,
        startsAt: at(first, '09:00'),
        endsAt: at(addDays(first, 14), '11:00'),
        enrolmentOpensAt: at(addDays(today, -1), '09:00'),
        enrolmentClosesAt: at(addDays(first, -1), '09:00'),
        townshipCode: township,
        villageCode: township === TOWNSHIP_A ? undefined : VILLAGE_B1,
        ...extra,
      }),
    );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('the timetable of a session', () => {
  it('keeps the class days, times, address, fee and contact, and says the next class date', async () => {
    const course = await buildCourse(t, staff, providerId, { title: '葫芦丝演奏入门' });
    // Tuesdays and Thursdays from the Monday after next, for three weeks: six classes.
    let monday = addDays(today, 8);
    while (isoWeekday(monday) !== 1) monday = addDays(monday, 1);
    const session = await addSession(course.courseId, TOWNSHIP_A, 0, {
      startsAt: at(monday, '09:00'),
      endsAt: at(addDays(monday, 20), '11:00'),
      enrolmentClosesAt: at(addDays(monday, -1), '09:00'),
      classWeekdays: [4, 2, 4],
      classStartTime: '09:00',
      classEndTime: '11:00',
      address: '人民路 12 号',
      feeFen: 12000,
      contactPhone: '0571-12345678',
    });
    expect(session).toMatchObject({
      classWeekdays: [2, 4],
      classStartTime: '09:00',
      classEndTime: '11:00',
      firstClassDate: monday,
      lastClassDate: addDays(monday, 20),
      nextClassDate: addDays(monday, 1),
      classCount: 6,
      address: '人民路 12 号',
      feeFen: 12000,
      contactPhone: '0571-12345678',
    });
    // Without a pattern, a session meets on its start's weekday at its start and end times, free, no contact.
    const plain = await addSession(course.courseId, TOWNSHIP_A, 3);
    expect(plain).toMatchObject({
      classWeekdays: [isoWeekday(addDays(today, 3))],
      classStartTime: '09:00',
      classEndTime: '11:00',
      nextClassDate: addDays(today, 3),
      classCount: 1,
      feeFen: 0,
      contactPhone: null,
      address: null,
    });
    // The provider's form sends empty fields for "none": an empty phone or address removes the stored one.
    const cleared = await t.http
      .patch(`/api/sessions/${session.id}`)
      .auth(staff.token, bearer)
      .send({ contactPhone: '', address: '', feeFen: 0 });
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
    expect(cleared.body).toMatchObject({
      contactPhone: null,
      address: null,
      feeFen: 0,
      classWeekdays: [2, 4],
    });
    const [row] = await t.db.query(
      `SELECT contact_phone, address, fee_fen FROM course_sessions WHERE id = $1`,
      [session.id],
    );
    expect(row).toEqual({ contact_phone: null, address: null, fee_fen: 0 });
  });

  it('refuses a pattern that cannot be kept, with a coded 400, and changes nothing', async () => {
    const course = await buildCourse(t, staff, providerId, { title: '剪纸艺术' });
    const before: Array<{ n: number }> = await t.db.query(
      `SELECT count(*)::int AS n FROM course_sessions WHERE course_id = $1`,
      [course.courseId],
    );
    // A Monday class in a session that runs from a Tuesday to the Saturday after never meets.
    let tuesday = addDays(today, 5);
    while (isoWeekday(tuesday) !== 2) tuesday = addDays(tuesday, 1);
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ classWeekdays: [] }, 400, 'VALIDATION_FAILED'],
      [{ classWeekdays: [0, 8] }, 400, 'VALIDATION_FAILED'],
      [{ classStartTime: '9点' }, 400, 'VALIDATION_FAILED'],
      [{ contactPhone: '12345' }, 400, 'VALIDATION_FAILED'],
      [{ feeFen: -1 }, 400, 'VALIDATION_FAILED'],
      [{ classStartTime: '11:00', classEndTime: '09:00' }, 400, 'SESSION_SCHEDULE_INVALID'],
      [
        {
          startsAt: at(tuesday, '09:00'),
          endsAt: at(addDays(tuesday, 4), '11:00'),
          enrolmentClosesAt: at(addDays(tuesday, -1), '09:00'),
          classWeekdays: [1],
        },
        400,
        'SESSION_SCHEDULE_INVALID',
      ],
    ];
    for (const [fields, status, code] of cases) {
      const res = await t.http
        .post(`/api/courses/${course.courseId}/sessions`)
        .auth(staff.token, bearer)
        .send(sessionBody(fields));
      expect([fields, res.status, res.body.code]).toEqual([fields, status, code]);
    }
    const after: Array<{ n: number }> = await t.db.query(
      `SELECT count(*)::int AS n FROM course_sessions WHERE course_id = $1`,
      [course.courseId],
    );
    expect(after[0].n).toBe(before[0].n);
  });
});

describe('near me: the resident’s own township first', () => {
  it('lists the own township’s classes first on the course page; anonymous order unchanged', async () => {
    const course = await buildCourse(t, staff, providerId, { title: '竹编工艺' });
    await addSession(course.courseId, TOWNSHIP_B, 20);
    const anonymous = await t.http.get(`/api/catalogue/courses/${course.courseId}`);
    const near = await t.http
      .get(`/api/catalogue/courses/${course.courseId}`)
      .query({ nearTownshipCode: TOWNSHIP_B });
    const places = (body: { sessions: Array<{ townshipCode: string; startsAt: string }> }) =>
      body.sessions.map((s) => s.townshipCode);
    // buildCourse's own session is in township A, ten days ahead.
    expect(places(anonymous.body)).toEqual([TOWNSHIP_A, TOWNSHIP_B]);
    expect(places(near.body)).toEqual([TOWNSHIP_B, TOWNSHIP_A]);
    const bad = await t.http
      .get(`/api/catalogue/courses/${course.courseId}`)
      .query({ nearTownshipCode: 'x' });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('orders search results by own township, then the soonest class, checked against a plain sort', async () => {
    const provider = await makeProvider(t, 'approved', '近处测试学校');
    const admin = await makeActor(t, Role.ProviderAdmin, provider);
    const made: Array<{ id: string; first: string; inB: boolean }> = [];
    for (let i = 0; i < 8; i++) {
      const course = await buildCourse(t, admin, provider, { title: '草编手工艺', publish: false });
      // Move buildCourse's session (township A) to a spread of dates; every third course also gets a class in B.
      const start = 11 + ((i * 5) % 17);
      await t.db.query(
        `UPDATE course_sessions SET starts_at = $2::timestamptz, ends_at = $2::timestamptz + interval '20 days'
          WHERE id = $1`,
        [course.sessionId, at(addDays(today, start), '09:00')],
      );
      let first = at(addDays(today, start), '09:00');
      if (i % 3 === 0) {
        const later = await t.http
          .post(`/api/courses/${course.courseId}/sessions`)
          .auth(admin.token, bearer)
          .send(
            sessionBody({
              startsAt: at(addDays(today, 30 + i), '14:00'),
              endsAt: at(addDays(today, 40 + i), '16:00'),
              townshipCode: TOWNSHIP_B,
              villageCode: VILLAGE_B1,
            }),
          );
        expect(later.status).toBe(201);
      }
      const published = await t.http
        .post(`/api/courses/${course.courseId}/publish`)
        .auth(admin.token, bearer);
      expect(published.status).toBe(200);
      first = new Date(first).toISOString();
      made.push({ id: course.courseId, first, inB: i % 3 === 0 });
    }
    const search = (extra: Record<string, string>) =>
      t.http.get('/api/catalogue/courses').query({ providerId: provider, pageSize: 20, ...extra });
    const bySoonest = [...made].sort((a, b) => a.first.localeCompare(b.first) || a.id.localeCompare(b.id));
    const nearFirst = [...bySoonest].sort((a, b) => Number(b.inB) - Number(a.inB));
    for (const extra of [{}, { q: '草编' }] as Array<Record<string, string>>) {
      const anonymous = await search(extra);
      expect(anonymous.status, JSON.stringify(anonymous.body)).toBe(200);
      expect(anonymous.body.items.map((i: { id: string }) => i.id)).toEqual(bySoonest.map((c) => c.id));
      const near = await search({ ...extra, nearTownshipCode: TOWNSHIP_B });
      expect(near.body.items.map((i: { id: string }) => i.id)).toEqual(nearFirst.map((c) => c.id));
      // The class shown for a course with one in the resident's township is that one.
      for (const item of near.body.items as Array<{ id: string; nextSession: { townshipCode: string } }>) {
        const inB = made.find((c) => c.id === item.id)?.inB;
        expect(item.nextSession.townshipCode).toBe(inB ? TOWNSHIP_B : TOWNSHIP_A);
      }
    }
  });
});

describe('the roster opens on the nearest class date', () => {
  async function sessionFor(weekdays: number[], first: string, last: string) {
    const course = await buildCourse(t, staff, providerId, { title: '花卉栽培' });
    await t.db.query(
      `UPDATE course_sessions SET starts_at = $2, ends_at = $3, class_weekdays = $4,
              enrolment_opens_at = $2::timestamptz - interval '10 days', enrolment_closes_at = $2 WHERE id = $1`,
      [course.sessionId, at(first, '09:00'), at(last, '11:00'), weekdays],
    );
    return course.sessionId;
  }
  const roster = (sessionId: string, date?: string) =>
    t.http
      .get(`/api/sessions/${sessionId}/roster`)
      .query(date ? { date } : {})
      .auth(staff.token, bearer);

  it('before the class: its first date; during: today or the closest; after: its last date', async () => {
    const all = [1, 2, 3, 4, 5, 6, 7];
    const coming = await sessionFor(all, addDays(today, 5), addDays(today, 30));
    expect((await roster(coming)).body.date).toBe(addDays(today, 5));
    const running = await sessionFor(all, addDays(today, -5), addDays(today, 5));
    expect((await roster(running)).body.date).toBe(today);
    const ended = await sessionFor(all, addDays(today, -30), addDays(today, -3));
    expect((await roster(ended)).body.date).toBe(addDays(today, -3));
    // Only on tomorrow's weekday, running around today: tomorrow is one day off, the class a week ago six.
    const weekly = await sessionFor([isoWeekday(addDays(today, 1))], addDays(today, -20), addDays(today, 20));
    const res = await roster(weekly);
    expect(res.body.date).toBe(addDays(today, 1));
    expect(res.body.classDates).toEqual(
      classDates({
        weekdays: [isoWeekday(addDays(today, 1))],
        startTime: '09:00',
        endTime: '11:00',
        firstDate: addDays(today, -20),
        lastDate: addDays(today, 20),
      }),
    );
  });

  it('refuses a date outside the class’s days with ATTENDANCE_DATE_INVALID; a day inside opens', async () => {
    const first = addDays(today, 5);
    const last = addDays(today, 30);
    const sessionId = await sessionFor([1, 3, 5], first, last);
    for (const date of [addDays(first, -1), addDays(last, 1), '2020-01-01']) {
      const res = await roster(sessionId, date);
      expect([date, res.status, res.body.code]).toEqual([date, 400, 'ATTENDANCE_DATE_INVALID']);
    }
    for (const date of [first, last]) expect((await roster(sessionId, date)).status).toBe(200);
  });
});
