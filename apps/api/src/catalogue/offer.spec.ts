import { Role } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Actor,
  buildCourse,
  type BuiltCourse,
  makeActor,
  makeProvider,
  QUIZ,
  sessionBody,
} from '../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let providerA: string;
let providerB: string;
let staffA: Actor;
let staffB: Actor;
let learner: Actor;
let bureau: Actor;
let courseA: BuiltCourse;
const bearer = { type: 'bearer' } as const;

beforeAll(async () => {
  t = await startTestApp();
  providerA = await makeProvider(t, 'approved', '甲职业学校');
  providerB = await makeProvider(t, 'approved', '乙社区学院');
  staffA = await makeActor(t, Role.ProviderAdmin, providerA);
  staffB = await makeActor(t, Role.ProviderAdmin, providerB);
  learner = await makeActor(t);
  bureau = await makeActor(t, Role.BureauAdmin);
  courseA = await buildCourse(t, staffA, providerA);
});
afterAll(() => t?.close());

describe('publishing a course', () => {
  it('publishes a complete course and shows it in the public catalogue with seats left and no quiz answers', async () => {
    const search = await t.http.get('/api/catalogue/courses').query({ q: '电工' });
    expect(search.status).toBe(200);
    expect(search.body.items[0]).toMatchObject({
      id: courseA.courseId,
      title: '初级电工技能实训',
      provider: { id: providerA, name: '甲职业学校' },
      nextSession: { seatsLeft: 30, online: false, townshipName: '测试一镇' },
    });
    const page = await t.http.get(`/api/catalogue/courses/${courseA.courseId}`);
    expect(page.status).toBe(200);
    expect(page.body.lessons.map((l: { kind: string }) => l.kind)).toEqual(['text', 'quiz']);
    expect(page.body.sessions[0]).toMatchObject({ capacity: 30, seatsLeft: 30, enrolmentOpen: true });
    expect(JSON.stringify(page.body)).not.toContain('correct');
    expect(page.body.programme.occupationCode).toBe('6-31-01-03');
  });

  it('lists every reason a course cannot be published yet', async () => {
    const programme = await t.http
      .post(`/api/providers/${providerA}/programmes`)
      .auth(staffA.token, bearer)
      .send({ kind: 'vocational_skill', title: '焊工' });
    const course = await t.http.post('/api/courses').auth(staffA.token, bearer).send({
      programmeId: programme.body.id,
      title: '焊工入门',
      category: 'vocational_skills',
      mode: 'offline',
      studyHours: 20,
      credits: 1,
      description: '',
      coverText: '',
    });
    const res = await t.http.post(`/api/courses/${course.body.id}/publish`).auth(staffA.token, bearer);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('COURSE_NOT_PUBLISHABLE');
    expect(res.body.problems.map((p: { code: string }) => p.code).sort()).toEqual([
      'NO_LESSON_OR_SESSION',
      'OCCUPATION_CODE_MISSING',
      'OFFLINE_WITHOUT_SESSION',
    ]);
    expect((await t.http.get(`/api/catalogue/courses/${course.body.id}`)).status).toBe(404);
  });

  it('refuses a session that ends before it starts, an in-person session without a place, and a bad enrolment window', async () => {
    const url = `/api/courses/${courseA.courseId}/sessions`;
    const ends = await t.http
      .post(url)
      .auth(staffA.token, bearer)
      .send(sessionBody({ endsAt: sessionBody().startsAt, startsAt: sessionBody().endsAt }));
    expect(ends.body).toMatchObject({ code: 'SESSION_ENDS_BEFORE_START', fields: [{ field: 'endsAt' }] });
    const place = await t.http
      .post(url)
      .auth(staffA.token, bearer)
      .send(sessionBody({ venue: undefined }));
    expect(place.body).toMatchObject({ code: 'SESSION_PLACE_REQUIRED', fields: [{ field: 'venue' }] });
    const window = await t.http
      .post(url)
      .auth(staffA.token, bearer)
      .send(sessionBody({ enrolmentClosesAt: sessionBody().enrolmentOpensAt }));
    expect(window.body.code).toBe('ENROLMENT_WINDOW_INVALID');
    const capacity = await t.http
      .post(url)
      .auth(staffA.token, bearer)
      .send(sessionBody({ capacity: 0 }));
    expect(capacity.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'capacity', code: 'min' }],
    });
  });

  it('refuses a quiz whose answers cannot be right, and a lesson without its content', async () => {
    const url = `/api/courses/${courseA.courseId}/lessons`;
    const bad = {
      ...QUIZ,
      questions: [
        { ...QUIZ.questions[0], correct: [0, 1] },
        { ...QUIZ.questions[1], correct: [5] },
      ],
    };
    const res = await t.http
      .post(url)
      .auth(staffA.token, bearer)
      .send({ kind: 'quiz', title: '坏测验', quiz: bad });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('QUIZ_INVALID');
    expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual([
      'quiz.questions.0.correct',
      'quiz.questions.1.correct',
    ]);
    const empty = await t.http.post(url).auth(staffA.token, bearer).send({ kind: 'video', title: '视频' });
    expect(empty.body).toMatchObject({ code: 'LESSON_CONTENT_REQUIRED', fields: [{ field: 'videoUrl' }] });
    const http = await t.http
      .post(url)
      .auth(staffA.token, bearer)
      .send({ kind: 'video', title: '视频', videoUrl: 'http://x.example/v.mp4' });
    expect(http.body.fields[0]).toMatchObject({ field: 'videoUrl', code: 'isUrl' });
  });

  it('reorders lessons and keeps positions 1..n', async () => {
    const [text, quiz] = courseA.lessonIds;
    const res = await t.http
      .put(`/api/courses/${courseA.courseId}/lesson-order`)
      .auth(staffA.token, bearer)
      .send({ lessonIds: [quiz, text] });
    expect(res.status).toBe(200);
    expect(res.body.map((l: { id: string; position: number }) => [l.id, l.position])).toEqual([
      [quiz, 1],
      [text, 2],
    ]);
    const partial = await t.http
      .put(`/api/courses/${courseA.courseId}/lesson-order`)
      .auth(staffA.token, bearer)
      .send({ lessonIds: [quiz] });
    expect(partial.status).toBe(400);
  });
});

describe('object-level access', () => {
  it('answers 404 to another provider’s staff on every route that names provider A’s offer', async () => {
    const { programmeId, courseId, lessonIds, sessionId } = courseA;
    const attempts: Array<[string, string, Record<string, unknown>?]> = [
      ['get', `/api/providers/${providerA}/programmes`],
      ['post', `/api/providers/${providerA}/programmes`, { kind: 'community', title: '偷偷加的' }],
      ['patch', `/api/programmes/${programmeId}`, { title: '改名' }],
      ['get', `/api/providers/${providerA}/courses`],
      [
        'post',
        '/api/courses',
        {
          programmeId,
          title: '偷偷加的课',
          category: 'health',
          mode: 'online',
          studyHours: 1,
          credits: 0,
          description: '',
          coverText: '',
        },
      ],
      ['get', `/api/courses/${courseId}`],
      ['patch', `/api/courses/${courseId}`, { title: '改名' }],
      ['post', `/api/courses/${courseId}/publish`],
      ['post', `/api/courses/${courseId}/archive`],
      ['post', `/api/courses/${courseId}/lessons`, { kind: 'text', title: 'x', body: 'x' }],
      ['patch', `/api/lessons/${lessonIds[0]}`, { title: 'x' }],
      ['delete', `/api/lessons/${lessonIds[0]}`],
      ['put', `/api/courses/${courseId}/lesson-order`, { lessonIds }],
      ['post', `/api/courses/${courseId}/sessions`, sessionBody()],
      ['patch', `/api/sessions/${sessionId}`, { capacity: 1 }],
      ['delete', `/api/sessions/${sessionId}`],
      ['get', `/api/providers/${providerA}/staff`],
      ['post', `/api/providers/${providerA}/invitations`, { contact: '13900000000', role: 'provider_staff' }],
    ];
    for (const [method, url, body] of attempts) {
      const asB = await t.http[method as 'get'](url).auth(staffB.token, bearer).send(body);
      expect([method, url, asB.status, asB.body.code]).toEqual([method, url, 404, 'NOT_FOUND']);
      const asLearner = await t.http[method as 'get'](url).auth(learner.token, bearer).send(body);
      expect([method, url, asLearner.status]).toEqual([method, url, 403]);
    }
    const after = await t.http.get(`/api/courses/${courseId}`).auth(staffA.token, bearer);
    expect(after.body).toMatchObject({ title: '初级电工技能实训', status: 'published' });
    expect(after.body.lessons).toHaveLength(2);
    expect(after.body.sessions[0].capacity).toBe(30);
  });

  it('does not let a provider set another provider on its course', async () => {
    const res = await t.http
      .patch(`/api/courses/${courseA.courseId}`)
      .auth(staffA.token, bearer)
      .send({ providerId: providerB, status: 'archived' });
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['providerId', 'status']);
  });
});

describe('bureau oversight', () => {
  it('unpublishes a course with a reason the provider sees, and a suspended provider’s courses leave the catalogue', async () => {
    const extra = await buildCourse(t, staffB, providerB, { title: '社区电工安全常识' });
    const visible = async () =>
      (await t.http.get('/api/catalogue/courses').query({ q: '电工' })).body.items.map(
        (i: { id: string }) => i.id,
      );
    expect(await visible()).toEqual(expect.arrayContaining([extra.courseId, courseA.courseId]));

    const refused = await t.http
      .post(`/api/courses/${extra.courseId}/unpublish`)
      .auth(staffB.token, bearer)
      .send({ reason: '不行' });
    expect(refused.status).toBe(403);
    const res = await t.http
      .post(`/api/courses/${extra.courseId}/unpublish`)
      .auth(bureau.token, bearer)
      .send({ reason: '课程介绍含有收费广告' });
    expect(res.status).toBe(204);
    expect(await visible()).not.toContain(extra.courseId);
    const dashboard = await t.http.get(`/api/providers/${providerB}/courses`).auth(staffB.token, bearer);
    expect(dashboard.body.find((c: { id: string }) => c.id === extra.courseId)).toMatchObject({
      status: 'draft',
      unpublishedReason: '课程介绍含有收费广告',
    });
    const notes = await t.http.get('/api/me/notifications').auth(staffB.token, bearer);
    expect(notes.body.items).toContainEqual(
      expect.objectContaining({
        kind: 'course_unpublished',
        params: { courseTitle: '社区电工安全常识', reason: '课程介绍含有收费广告' },
      }),
    );

    expect(
      (
        await t.http
          .post(`/api/providers/${providerA}/suspend`)
          .auth(bureau.token, bearer)
          .send({ reason: '资质过期' })
      ).status,
    ).toBe(200);
    expect(await visible()).not.toContain(courseA.courseId);
    expect((await t.http.get(`/api/catalogue/courses/${courseA.courseId}`)).status).toBe(404);
    expect(
      (await t.http.post(`/api/providers/${providerA}/reinstate`).auth(bureau.token, bearer)).status,
    ).toBe(200);
    expect(await visible()).toContain(courseA.courseId);
  });
});
