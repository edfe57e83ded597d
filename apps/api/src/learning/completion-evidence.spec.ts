import { Role } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeActor, makeProvider, type Actor, sessionBody } from '../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * Completion that means learning, against real PostgreSQL. Time between reports is the database's clock: a test
 * "lets time pass" by moving the stored time of the last report back (what a real wait would do, without the wait),
 * and one test waits for real.
 */
let t: TestApp;
let staff: Actor;
let providerId: string;
const bearer = { type: 'bearer' } as const;

beforeAll(async () => {
  t = await startTestApp();
  providerId = await makeProvider(t);
  staff = await makeActor(t, Role.ProviderAdmin, providerId);
});
afterAll(() => t?.close());

interface VideoCourse {
  courseId: string;
  videoId: string;
  textId: string;
  sessionId: string;
}

/** An online course (rule: lessons) with a required video of `minutes` and an optional text lesson. */
async function videoCourse(
  rule: { videoSharePercent?: number; textMinSeconds?: number } = {},
  minutes = 1,
): Promise<VideoCourse> {
  const programme = await t.http
    .post(`/api/providers/${providerId}/programmes`)
    .auth(staff.token, bearer)
    .send({ kind: 'community', title: '智能手机课程' });
  const course = await t.http
    .post('/api/courses')
    .auth(staff.token, bearer)
    .send({
      programmeId: programme.body.id,
      title: '手机视频通话',
      category: 'digital_skills',
      mode: 'online',
      studyHours: 2,
      credits: 0.5,
      description: '学会视频通话。',
      coverText: '和家人视频',
      ...rule,
    });
  expect(course.status).toBe(201);
  const video = await t.http.post(`/api/courses/${course.body.id}/lessons`).auth(staff.token, bearer).send({
    kind: 'video',
    title: '视频通话演示',
    videoUrl: 'https://media.qingxi.example/v.mp4',
    durationMinutes: minutes,
  });
  const text = await t.http
    .post(`/api/courses/${course.body.id}/lessons`)
    .auth(staff.token, bearer)
    .send({ kind: 'text', title: '读一读', body: '# 注意事项', required: false });
  const session = await t.http
    .post(`/api/courses/${course.body.id}/sessions`)
    .auth(staff.token, bearer)
    .send(sessionBody({ online: true, townshipCode: undefined, villageCode: undefined, venue: undefined }));
  expect([video.status, text.status, session.status]).toEqual([201, 201, 201]);
  expect((await t.http.post(`/api/courses/${course.body.id}/publish`).auth(staff.token, bearer)).status).toBe(
    200,
  );
  return {
    courseId: course.body.id,
    videoId: video.body.id,
    textId: text.body.id,
    sessionId: session.body.id,
  };
}

async function learnerIn(course: VideoCourse): Promise<Actor> {
  const learner = await makeActor(t, undefined, undefined, { birthDate: '1960-03-01' });
  const res = await t.http
    .post('/api/enrolments')
    .auth(learner.token, bearer)
    .send({ sessionId: course.sessionId });
  expect(res.body.status).toBe('enrolled');
  return learner;
}

function report(learner: Actor, lessonId: string, body: { position?: number; completed: boolean }) {
  return t.http.put(`/api/me/lessons/${lessonId}/progress`).auth(learner.token, bearer).send(body);
}

/** The last report happened `seconds` earlier than stored: as if that much time had passed since. */
async function pass(learner: Actor, lessonId: string, seconds: number): Promise<void> {
  await t.db.query(
    `UPDATE lesson_progress SET last_report_at = last_report_at - make_interval(secs => $3)
      WHERE learner_user_id = $1 AND lesson_id = $2`,
    [learner.id, lessonId, seconds],
  );
}

/** Plays from `from` to `to` in steps of 10 s, each step reported after 10 s have passed. */
async function play(learner: Actor, lessonId: string, from: number, to: number) {
  let last = await report(learner, lessonId, { position: from, completed: false });
  for (let p = from + 10; p <= to; p += 10) {
    await pass(learner, lessonId, 10);
    last = await report(learner, lessonId, { position: p, completed: false });
  }
  return last;
}

async function progressRow(learner: Actor, lessonId: string) {
  const [row] = await t.db.query(
    `SELECT position, completed_at, played, played_seconds, read_seconds, last_report_at FROM lesson_progress
      WHERE learner_user_id = $1 AND lesson_id = $2`,
    [learner.id, lessonId],
  );
  return row as Record<string, unknown> | undefined;
}

describe('a video counts as done only after enough of it was played in real time', () => {
  it('credits nothing for reports closer together than the time allows', async () => {
    const course = await videoCourse();
    const learner = await learnerIn(course);
    expect((await report(learner, course.videoId, { position: 0, completed: false })).body.credited).toBe(0);
    // One second later the player claims ten seconds more: not believable, nothing credited.
    await pass(learner, course.videoId, 1);
    const soon = await report(learner, course.videoId, { position: 10, completed: false });
    expect(soon.body).toMatchObject({ credited: 0, completed: false, evidence: { playedSeconds: 0 } });
    // Six seconds after the first report, 10 s of playback is still more than 6 s (+ tolerance) allow.
    await pass(learner, course.videoId, 5);
    const fast = await report(learner, course.videoId, { position: 10, completed: false });
    expect(fast.body).toMatchObject({ credited: 0, evidence: { playedSeconds: 0 } });
    // Ten seconds later, ten seconds of playback are believable.
    await pass(learner, course.videoId, 10);
    const steady = await report(learner, course.videoId, { position: 20, completed: false });
    expect(steady.body).toMatchObject({ credited: 10, evidence: { playedSeconds: 10, playedPercent: 16 } });
  });

  it('waits for real: a report 6 s after the previous one credits what was played in those 6 s', async () => {
    const course = await videoCourse();
    const learner = await learnerIn(course);
    await report(learner, course.videoId, { position: 5, completed: false });
    await new Promise((r) => setTimeout(r, 6_000));
    const res = await report(learner, course.videoId, { position: 11, completed: false });
    expect(res.body).toMatchObject({ credited: 6, evidence: { playedSeconds: 6 } });
  }, 20_000);

  it('does not complete a video seeked to the end, and refuses "I have finished" with how much was played', async () => {
    const course = await videoCourse();
    const learner = await learnerIn(course);
    await play(learner, course.videoId, 0, 20);
    await pass(learner, course.videoId, 10);
    const seek = await report(learner, course.videoId, { position: 60, completed: false });
    expect(seek.body).toMatchObject({ credited: 0, completed: false, evidence: { playedSeconds: 20 } });
    const before = await progressRow(learner, course.videoId);
    const early = await report(learner, course.videoId, { position: 60, completed: true });
    expect([early.status, early.body.code]).toEqual([422, 'LESSON_NOT_DONE_YET']);
    expect(early.body.evidence).toMatchObject({ playedPercent: 33, neededPercent: 80 });
    expect(await progressRow(learner, course.videoId)).toEqual(before);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM enrolments WHERE learner_user_id = $1 AND status = 'completed'`,
      [learner.id],
    );
    expect(n).toBe(0);
    // Watching the same stretch again adds nothing; playing the rest does.
    await play(learner, course.videoId, 0, 20);
    expect((await progressRow(learner, course.videoId))?.played_seconds).toBe(20);
    const done = await play(learner, course.videoId, 20, 50);
    expect(done.body).toMatchObject({
      completed: true,
      courseCompleted: true,
      evidence: { playedPercent: 83 },
    });
  });

  it('completes once when eight reports reach 80 % at the same moment', async () => {
    const course = await videoCourse();
    const learner = await learnerIn(course);
    await play(learner, course.videoId, 0, 40);
    await pass(learner, course.videoId, 10);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => report(learner, course.videoId, { position: 50, completed: false })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(answers.filter((a) => a.body.credited > 0)).toHaveLength(1);
    expect(answers.filter((a) => a.body.courseCompleted)).toHaveLength(1);
    expect(answers.every((a) => a.body.completed)).toBe(true);
    const [state] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM learning_records WHERE learner_user_id = $1) AS records,
              (SELECT count(*)::int FROM certificates WHERE learner_user_id = $1) AS certificates,
              (SELECT played_seconds FROM lesson_progress WHERE learner_user_id = $1) AS played`,
      [learner.id],
    );
    expect(state).toEqual({ records: 1, certificates: 1, played: 50 });
  });

  it('applies a changed share to completions after the change only', async () => {
    const course = await videoCourse({ videoSharePercent: 80 });
    const done = await learnerIn(course);
    const halfway = await learnerIn(course);
    expect((await play(done, course.videoId, 0, 50)).body.completed).toBe(true);
    expect((await play(halfway, course.videoId, 0, 30)).body.completed).toBe(false);

    const stricter = await t.http
      .patch(`/api/courses/${course.courseId}`)
      .auth(staff.token, bearer)
      .send({ videoSharePercent: 100 });
    expect([stricter.status, stricter.body.videoSharePercent]).toEqual([200, 100]);
    // Already done stays done: the player shows it so, and the course stays complete.
    const player = await t.http.get(`/api/me/courses/${course.courseId}/learn`).auth(done.token, bearer);
    expect(player.body.course.videoSharePercent).toBe(100);
    expect(player.body.lessons[0].progress).toMatchObject({
      completed: true,
      evidence: { playedPercent: 83, neededPercent: 100 },
    });
    expect(player.body.enrolment.status).toBe('completed');

    const milder = await t.http
      .patch(`/api/courses/${course.courseId}`)
      .auth(staff.token, bearer)
      .send({ videoSharePercent: 50 });
    expect(milder.status).toBe(200);
    // The learner who had played half completes with their next report, under the rule in force then.
    await pass(halfway, course.videoId, 10);
    const next = await report(halfway, course.videoId, { position: 30, completed: false });
    expect(next.body).toMatchObject({ completed: true, courseCompleted: true, credited: 0 });
    const events = await t.db.query(
      `SELECT details FROM audit_events WHERE action = 'course.updated' AND entity_id = $1 ORDER BY id`,
      [course.courseId],
    );
    expect(events.map((e: { details: { fields: string[] } }) => e.details.fields)).toEqual([
      ['videoSharePercent'],
      ['videoSharePercent'],
    ]);
  });
});

describe('a text lesson needs the course’s minimum time open', () => {
  it('refuses "I have finished" too soon, counts the time open, and not a gap of a day', async () => {
    const course = await videoCourse({ textMinSeconds: 90 });
    const learner = await learnerIn(course);
    const opened = await report(learner, course.textId, { completed: false });
    expect(opened.body.evidence).toMatchObject({ readSeconds: 0, neededReadSeconds: 90 });
    await pass(learner, course.textId, 30);
    const soon = await report(learner, course.textId, { completed: true });
    expect([soon.status, soon.body.code]).toEqual([422, 'LESSON_NOT_DONE_YET']);
    expect(soon.body.evidence).toMatchObject({ readSeconds: 30, neededReadSeconds: 90 });
    // The refused request changed nothing: its 30 s are still to be credited by the next report.
    expect((await progressRow(learner, course.textId))?.read_seconds).toBe(0);
    await pass(learner, course.textId, 24 * 3600);
    const nextDay = await report(learner, course.textId, { completed: true });
    expect(nextDay.body.code).toBe('LESSON_NOT_DONE_YET');
    expect(nextDay.body.evidence.readSeconds).toBe(0);
    await report(learner, course.textId, { completed: false });
    for (const seconds of [40, 40]) {
      await pass(learner, course.textId, seconds);
      await report(learner, course.textId, { completed: false });
    }
    await pass(learner, course.textId, 10);
    const res = await report(learner, course.textId, { completed: true });
    expect(res.body).toMatchObject({ completed: true, evidence: { readSeconds: 90 } });
  });
});

describe('bad input is refused with a code and stores nothing', () => {
  it('refuses negative positions, positions past the end, and shares outside 0–100', async () => {
    const course = await videoCourse();
    const learner = await learnerIn(course);
    for (const [position, code] of [
      [-1, 'VALIDATION_FAILED'],
      [61, 'PROGRESS_POSITION_INVALID'],
      [1.5, 'VALIDATION_FAILED'],
      ['10', 'VALIDATION_FAILED'],
    ] as const) {
      const res = await t.http
        .put(`/api/me/lessons/${course.videoId}/progress`)
        .auth(learner.token, bearer)
        .send({ position, completed: false });
      expect([String(position), res.status, res.body.code]).toEqual([String(position), 400, code]);
    }
    expect(await progressRow(learner, course.videoId)).toBeUndefined();

    for (const body of [
      { videoSharePercent: 101 },
      { videoSharePercent: -1 },
      { videoSharePercent: 79.5 },
      { textMinSeconds: -5 },
      { textMinSeconds: 7201 },
    ]) {
      const res = await t.http.patch(`/api/courses/${course.courseId}`).auth(staff.token, bearer).send(body);
      expect([JSON.stringify(body), res.status, res.body.code]).toEqual([
        JSON.stringify(body),
        400,
        'VALIDATION_FAILED',
      ]);
    }
    const [rule] = await t.db.query(
      `SELECT video_share_percent, text_min_seconds FROM courses WHERE id = $1`,
      [course.courseId],
    );
    expect(rule).toEqual({ video_share_percent: 80, text_min_seconds: 60 });
    const noLength = await t.http
      .post(`/api/courses/${course.courseId}/lessons`)
      .auth(staff.token, bearer)
      .send({ kind: 'video', title: '无时长', videoUrl: 'https://media.qingxi.example/x.mp4' });
    expect([noLength.status, noLength.body.code]).toEqual([400, 'LESSON_CONTENT_REQUIRED']);
  });
});
