import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialsService } from '../credentials/credentials.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { registerBody } from '../testing/builders.js';
import {
  type Actor,
  buildCourse,
  type BuiltCourse,
  makeActor,
  makeProvider,
  sessionBody,
} from '../testing/offer-builders.js';
import { confirmProxy } from '../testing/proxy-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { waitFor } from '../testing/wait.js';

let t: TestApp;
let staff: Actor;
let course: BuiltCourse;
const bearer = { type: 'bearer' } as const;

beforeAll(async () => {
  t = await startTestApp();
  const provider = await makeProvider(t);
  staff = await makeActor(t, Role.ProviderAdmin, provider);
  course = await buildCourse(t, staff, provider);
});
afterAll(() => t?.close());

async function enrolledLearner(): Promise<Actor & { enrolmentId: string }> {
  const learner = await makeActor(t, undefined, undefined, { birthDate: '1985-06-01', name: '王秀兰' });
  const res = await t.http
    .post('/api/enrolments')
    .auth(learner.token, bearer)
    .send({ sessionId: course.sessionId });
  if (res.body.status !== 'enrolled') throw new Error(JSON.stringify(res.body));
  return { ...learner, enrolmentId: res.body.id };
}

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('enrolment rules', () => {
  it('refuses a duplicate, a closed window and an age outside the limits, each with its code', async () => {
    const learner = await enrolledLearner();
    const again = await t.http
      .post('/api/enrolments')
      .auth(learner.token, bearer)
      .send({ sessionId: course.sessionId });
    expect([again.status, again.body.code]).toEqual([409, 'ENROLMENT_DUPLICATE']);

    await t.db.query(
      `UPDATE course_sessions SET enrolment_closes_at = now() - interval '1 minute', enrolment_opens_at = now() - interval '2 days' WHERE id = $1`,
      [course.sessionId],
    );
    const closed = await t.http
      .post('/api/enrolments')
      .auth((await makeActor(t, undefined, undefined, { birthDate: '1985-06-01' })).token, bearer)
      .send({ sessionId: course.sessionId });
    expect([closed.status, closed.body.code]).toEqual([422, 'ENROLMENT_CLOSED']);
    await t.db.query(
      `UPDATE course_sessions SET enrolment_closes_at = starts_at - interval '1 day' WHERE id = $1`,
      [course.sessionId],
    );

    const elder = await t.http.post('/api/auth/register').send(registerBody({ birthDate: '1940-01-01' }));
    const old = await t.http
      .post('/api/enrolments')
      .auth(elder.body.accessToken, bearer)
      .send({ sessionId: course.sessionId });
    expect([old.status, old.body.code]).toEqual([422, 'ENROLMENT_AGE_NOT_ALLOWED']);
  });
});

describe('session changes', () => {
  it('tells enrolled learners when their class moves', async () => {
    const learner = await enrolledLearner();
    const res = await t.http
      .patch(`/api/sessions/${course.sessionId}`)
      .auth(staff.token, bearer)
      .send({ venue: '测试一镇新文化礼堂' });
    expect(res.status).toBe(200);
    const notes = await t.http.get('/api/me/notifications').auth(learner.token, bearer);
    expect(notes.body.items).toContainEqual(
      expect.objectContaining({
        kind: 'session_changed',
        params: { courseTitle: '初级电工技能实训', sessionLabel: '冬季班' },
      }),
    );
    const unchanged = await t.http
      .patch(`/api/sessions/${course.sessionId}`)
      .auth(staff.token, bearer)
      .send({ label: '冬季班' });
    expect(unchanged.status).toBe(200);
    const after = await t.http.get('/api/me/notifications').auth(learner.token, bearer);
    expect(after.body.items.filter((n: { kind: string }) => n.kind === 'session_changed')).toHaveLength(1);
  });
});

describe('session cancellation', () => {
  it('withdraws everyone in a cancelled session, tells them why, and takes it out of the catalogue', async () => {
    const extra = await t.http
      .post(`/api/courses/${course.courseId}/sessions`)
      .auth(staff.token, bearer)
      .send(sessionBody({ capacity: 1, label: '临时班' }));
    const first = await makeActor(t, undefined, undefined, { birthDate: '1985-06-01' });
    const second = await makeActor(t, undefined, undefined, { birthDate: '1985-06-01' });
    await t.http.post('/api/enrolments').auth(first.token, bearer).send({ sessionId: extra.body.id });
    const waiting = await t.http
      .post('/api/enrolments')
      .auth(second.token, bearer)
      .send({ sessionId: extra.body.id });
    expect(waiting.body.status).toBe('waitlisted');
    const res = await t.http
      .post(`/api/sessions/${extra.body.id}/cancel`)
      .auth(staff.token, bearer)
      .send({ reason: '讲师生病' });
    expect(res.body).toMatchObject({ cancelled: true, cancelReason: '讲师生病', enrolledCount: 0 });
    for (const learner of [first, second]) {
      const mine = await t.http.get('/api/me/enrolments').auth(learner.token, bearer);
      expect(mine.body[0].status).toBe('withdrawn');
      const notes = await t.http.get('/api/me/notifications').auth(learner.token, bearer);
      expect(notes.body.items).toContainEqual(
        expect.objectContaining({
          kind: 'session_cancelled',
          params: { courseTitle: '初级电工技能实训', sessionLabel: '临时班', reason: '讲师生病' },
        }),
      );
    }
    const page = await t.http.get(`/api/catalogue/courses/${course.courseId}`);
    expect(page.body.sessions.map((s: { id: string }) => s.id)).not.toContain(extra.body.id);
    const late = await t.http
      .post('/api/enrolments')
      .auth((await makeActor(t, undefined, undefined, { birthDate: '1985-06-01' })).token, bearer)
      .send({ sessionId: extra.body.id });
    expect(late.body.code).toBe('ENROLMENT_CLOSED');
  });
});

describe('learning online to a certificate', () => {
  it('completes on the last required lesson, issues one record entry and one certificate, and the PDF has Chinese text', async () => {
    const learner = await enrolledLearner();
    const player = await t.http.get(`/api/me/courses/${course.courseId}/learn`).auth(learner.token, bearer);
    expect(player.status).toBe(200);
    expect(JSON.stringify(player.body)).not.toContain('"correct"');
    const [text, quiz] = player.body.lessons as Array<{ id: string; kind: string }>;
    expect(player.body.resumeLessonId).toBe(text.id);

    const first = await t.http
      .put(`/api/me/lessons/${text.id}/progress`)
      .auth(learner.token, bearer)
      .send({ completed: true, position: 30 });
    const repeat = await t.http
      .put(`/api/me/lessons/${text.id}/progress`)
      .auth(learner.token, bearer)
      .send({ completed: true, position: 30 });
    expect(repeat.body).toMatchObject({
      completed: true,
      completedAt: first.body.completedAt,
      courseCompleted: false,
    });
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM lesson_progress WHERE learner_user_id = $1`,
      [learner.id],
    );
    expect(n).toBe(1);

    const wrong = await t.http
      .post(`/api/me/lessons/${quiz.id}/quiz-attempts`)
      .auth(learner.token, bearer)
      .send({ answers: [[1], [0]] });
    expect(wrong.body).toMatchObject({ score: 0, passed: false, courseCompleted: false });
    const right = await t.http
      .post(`/api/me/lessons/${quiz.id}/quiz-attempts`)
      .auth(learner.token, bearer)
      .send({ answers: [[0], [2, 0]] });
    expect(right.body).toMatchObject({ score: 100, passed: true, correct: 2, total: 2 });
    // Blended course: attendance is needed too, so the course is not complete yet.
    expect(right.body.courseCompleted).toBe(false);
    const roster = await t.http
      .put(`/api/sessions/${course.sessionId}/attendance`)
      .auth(staff.token, bearer)
      .send({ date: today(), presentEnrolmentIds: [learner.enrolmentId] });
    expect(roster.status).toBe(400);
    expect(roster.body.code).toBe('ATTENDANCE_DATE_INVALID'); // the session starts in ten days

    await t.db.query(`UPDATE course_sessions SET starts_at = now() - interval '2 days' WHERE id = $1`, [
      course.sessionId,
    ]);
    const present = await t.http
      .put(`/api/sessions/${course.sessionId}/attendance`)
      .auth(staff.token, bearer)
      .send({ date: today(), presentEnrolmentIds: [learner.enrolmentId] });
    expect(present.status).toBe(200);
    const twice = await t.http
      .put(`/api/sessions/${course.sessionId}/attendance`)
      .auth(staff.token, bearer)
      .send({ date: today(), presentEnrolmentIds: [learner.enrolmentId] });
    expect(
      twice.body.learners.find((l: { enrolmentId: string }) => l.enrolmentId === learner.enrolmentId),
    ).toMatchObject({ present: true, attended: 1, status: 'completed' });
    const [{ rows }] = await t.db.query(
      `SELECT count(*)::int AS rows FROM attendance WHERE enrolment_id = $1`,
      [learner.enrolmentId],
    );
    expect(rows).toBe(1);

    const record = await t.http.get('/api/me/record').auth(learner.token, bearer);
    expect(record.body).toMatchObject({
      totals: { hours: 48, credits: 2, courses: 1 },
      entries: [{ courseTitle: '初级电工技能实训' }],
    });
    const certificates = await waitFor(async () => {
      const res = await t.http.get('/api/me/certificates').auth(learner.token, bearer);
      return res.body[0]?.pdfReady ? res.body : undefined;
    });
    expect(certificates).toHaveLength(1);
    const pdf = await t.http
      .get(`/api/me/certificates/${certificates[0].id}/pdf`)
      .auth(learner.token, bearer)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'cert-'));
    writeFileSync(join(dir, 'c.pdf'), pdf.body as Buffer);
    const text2 = execFileSync('pdftotext', [join(dir, 'c.pdf'), '-'], { encoding: 'utf8' });
    expect(text2).toContain('结业证书');
    expect(text2).toContain('初级电工技能实训');

    const verified = await t.http.get(`/api/verify/${certificates[0].verificationCode.toLowerCase()}`);
    expect(verified.body).toEqual({
      number: certificates[0].number,
      status: 'valid',
      holderMasked: '王**',
      courseTitle: '初级电工技能实训',
      providerName: '测试职业学校',
      issuedOn: record.body.entries[0].completedOn,
      hours: 48,
      revokedOn: null,
    });
    expect(JSON.stringify(verified.body)).not.toContain(learner.mobile);
    expect((await t.http.get('/api/verify/NOSUCHCODE')).status).toBe(404);
  });

  it('makes exactly one certificate PDF however often the job runs, even after a failed attempt', async () => {
    const learner = await enrolledLearner();
    await t.http
      .post(`/api/enrolments/${learner.enrolmentId}/outcome`)
      .auth(staff.token, bearer)
      .send({ outcome: 'completed', reason: '线下考核合格' });
    const [certificate] = await t.db.query(`SELECT id FROM certificates WHERE enrolment_id = $1`, [
      learner.enrolmentId,
    ]);
    const notifications = t.app.get(NotificationsService);
    const broken = new CredentialsService(t.db, notifications, {
      ...t.config,
      cjkFontPath: '/no/such/font.ttc',
    });
    const working = new CredentialsService(t.db, notifications, t.config);
    // Whatever the worker did meanwhile, a failed render leaves no PDF behind and a retry finishes it once.
    await t.db.query(`UPDATE certificates SET pdf = NULL, pdf_generated_at = NULL WHERE id = $1`, [
      certificate.id,
    ]);
    await expect(broken.renderCertificate(certificate.id)).rejects.toThrow();
    await Promise.all([working.renderCertificate(certificate.id), working.renderCertificate(certificate.id)]);
    await working.renderCertificate(certificate.id);
    const [state] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM certificates WHERE enrolment_id = $1) AS certificates,
              (SELECT count(*)::int FROM certificates WHERE enrolment_id = $1 AND pdf IS NOT NULL) AS pdfs,
              (SELECT count(*)::int FROM learning_records WHERE enrolment_id = $1) AS records,
              (SELECT count(*)::int FROM notifications WHERE user_id = $2 AND kind = 'certificate_ready') AS ready`,
      [learner.enrolmentId, learner.id],
    );
    expect(state).toEqual({ certificates: 1, pdfs: 1, records: 1, ready: 1 });
    await expect(
      t.db.query(`DELETE FROM learning_records WHERE enrolment_id = $1`, [learner.enrolmentId]),
    ).rejects.toThrow(/append-only/);
  });
});

describe('bad input gets a coded 4xx', () => {
  it('refuses malformed quiz answers, progress without enrolment, attendance for someone not enrolled', async () => {
    const learner = await enrolledLearner();
    const [, quiz] = course.lessonIds;
    for (const answers of [[[0]], [[0], [9]], [[0, 1], [0]], [['a'], [0]]]) {
      const res = await t.http
        .post(`/api/me/lessons/${quiz}/quiz-attempts`)
        .auth(learner.token, bearer)
        .send({ answers });
      expect([JSON.stringify(answers), res.status]).toEqual([JSON.stringify(answers), 400]);
      expect(['QUIZ_ANSWERS_INVALID', 'VALIDATION_FAILED']).toContain(res.body.code);
    }
    const stranger = await makeActor(t);
    const progress = await t.http
      .put(`/api/me/lessons/${course.lessonIds[0]}/progress`)
      .auth(stranger.token, bearer)
      .send({ completed: true });
    expect([progress.status, progress.body.code]).toEqual([403, 'NOT_ENROLLED']);
    const quizAsProgress = await t.http
      .put(`/api/me/lessons/${quiz}/progress`)
      .auth(learner.token, bearer)
      .send({ completed: true });
    expect(quizAsProgress.body.code).toBe('LESSON_KIND_MISMATCH');
    const other = await t.http
      .put(`/api/sessions/${course.sessionId}/attendance`)
      .auth(staff.token, bearer)
      .send({ date: today(), presentEnrolmentIds: [stranger.id] });
    expect([other.status, other.body.code]).toEqual([400, 'NOT_IN_SESSION']);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM attendance WHERE enrolment_id = $1`, [
      stranger.id,
    ]);
    expect(n).toBe(0);
  });
});

describe('enrolment by staff, by proxy and by roster', () => {
  it('lets staff add a walk-in after online enrolment closed, but not a learner on their own', async () => {
    const walkIn = await makeActor(t, undefined, undefined, { birthDate: '1985-06-01' });
    await t.db.query(
      `UPDATE course_sessions SET enrolment_closes_at = now() - interval '1 minute', enrolment_opens_at = now() - interval '2 days' WHERE id = $1`,
      [course.sessionId],
    );
    const self = await t.http
      .post('/api/enrolments')
      .auth(walkIn.token, bearer)
      .send({ sessionId: course.sessionId });
    expect(self.body.code).toBe('ENROLMENT_CLOSED');
    const byStaff = await t.http
      .post(`/api/sessions/${course.sessionId}/enrolments`)
      .auth(staff.token, bearer)
      .send({ mobile: walkIn.mobile });
    expect(byStaff.status).toBe(201);
    expect(byStaff.body).toMatchObject({ status: 'enrolled', source: 'staff' });
    const unknown = await t.http
      .post(`/api/sessions/${course.sessionId}/enrolments`)
      .auth(staff.token, bearer)
      .send({ mobile: '13000000009' });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'LEARNER_NOT_FOUND']);
    await t.db.query(
      `UPDATE course_sessions SET enrolment_opens_at = now() - interval '3 days', enrolment_closes_at = now() + interval '5 days' WHERE id = $1`,
      [course.sessionId],
    );
  });

  it('lets a village worker enrol an elderly resident with consent, registering them, attributed in the audit log', async () => {
    const worker = await makeActor(t);
    const body = {
      sessionId: course.sessionId,
      relationship: 'village_worker',
      consent: true,
      learnerMobile: '13655550001',
      newLearner: {
        name: '赵桂英',
        birthDate: '1970-05-02',
        sex: 'female',
        townshipCode: '330799101000',
        villageCode: '330799101201',
        attainment: 'primary',
        employmentStatus: 'farmer',
      },
    };
    expect(
      (
        await t.http
          .post('/api/proxy/enrolments')
          .auth(worker.token, bearer)
          .send({ ...body, consent: false })
      ).status,
    ).toBe(400);
    // Without the resident's confirmed consent, nothing happens.
    const unconfirmed = await t.http.post('/api/proxy/enrolments').auth(worker.token, bearer).send(body);
    expect([unconfirmed.status, unconfirmed.body.code]).toEqual([403, 'PROXY_CONSENT_REQUIRED']);
    await confirmProxy(t, worker.token, body.learnerMobile, 'village_worker');
    await confirmProxy(t, worker.token, '13655550002', 'village_worker');
    const res = await t.http.post('/api/proxy/enrolments').auth(worker.token, bearer).send(body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'enrolled', source: 'proxy' });
    const [audit] = await t.db.query(
      `SELECT actor_user_id, on_behalf_of_user_id FROM audit_events WHERE action = 'enrolment.enrolled' AND entity_id = $1`,
      [res.body.id],
    );
    const [learner] = await t.db.query(`SELECT id FROM users WHERE mobile = '13655550001'`);
    expect(audit).toEqual({ actor_user_id: worker.id, on_behalf_of_user_id: learner.id });
    const [e] = await t.db.query(
      `SELECT proxy_relationship, consent_recorded_at FROM enrolments WHERE id = $1`,
      [res.body.id],
    );
    expect(e.proxy_relationship).toBe('village_worker');
    expect(e.consent_recorded_at).not.toBeNull();
    const unknown = await t.http
      .post('/api/proxy/enrolments')
      .auth(worker.token, bearer)
      .send({ ...body, learnerMobile: '13655550002', newLearner: undefined });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'LEARNER_NOT_FOUND']);
  });

  it('imports a roster CSV in the background, row by row, with a report of rejected rows', async () => {
    const a = await makeActor(t, undefined, undefined, { birthDate: '1985-06-01' });
    const b = await makeActor(t, undefined, undefined, { birthDate: '1990-06-01' });
    const csv = `mobile,name\n${a.mobile},甲\n12345,乙\n13000000000,丙\n${b.mobile},丁\n${a.mobile},甲again\n`;
    const started = await t.http
      .post(`/api/sessions/${course.sessionId}/roster-imports`)
      .auth(staff.token, bearer)
      .send({ csv });
    expect(started.status).toBe(202);
    const done = await waitFor(async () => {
      const res = await t.http.get(`/api/roster-imports/${started.body.id}`).auth(staff.token, bearer);
      return res.body.status === 'done' ? res.body : undefined;
    });
    expect(done).toMatchObject({ total: 5, processed: 5, enrolled: 2, rejected: 3 });
    expect(done.rejectedRows.map((r: { line: number; code: string }) => [r.line, r.code])).toEqual([
      [3, 'VALIDATION_FAILED'],
      [4, 'LEARNER_NOT_FOUND'],
      [6, 'ENROLMENT_DUPLICATE'],
    ]);
    const report = await t.http
      .get(`/api/roster-imports/${started.body.id}/rejected.csv`)
      .auth(staff.token, bearer);
    expect(report.headers['content-type']).toMatch(/text\/csv/);
    expect(report.text).toContain('4,13000000000,LEARNER_NOT_FOUND');
    const bad = await t.http
      .post(`/api/sessions/${course.sessionId}/roster-imports`)
      .auth(staff.token, bearer)
      .send({ csv: 'phone\n1' });
    expect([bad.status, bad.body.code]).toEqual([400, 'IMPORT_CSV_INVALID']);
  });
});
