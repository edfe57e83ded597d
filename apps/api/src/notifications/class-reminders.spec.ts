import { addDays, isoWeekday, Role } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInCounty } from '../common/date-only.js';
import { JobName, QueueName } from '../jobs/job.constants.js';
import { QueueService } from '../jobs/queue.service.js';
import { type Actor, buildCourse, makeActor, makeProvider, sessionBody } from '../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { waitFor } from '../testing/wait.js';
import type { DevSmsGateway } from '../verification/dev-sms.gateway.js';
import { SMS_GATEWAY } from '../verification/sms.gateway.js';
import { ClassRemindersService } from './class-reminders.service.js';

const bearer = { type: 'bearer' } as const;
let t: TestApp;
let staff: Actor;
let courseId: string;
const today = todayInCounty();
const tomorrow = addDays(today, 1);

beforeAll(async () => {
  t = await startTestApp();
  const providerId = await makeProvider(t);
  staff = await makeActor(t, Role.ProviderAdmin, providerId);
  courseId = (await buildCourse(t, staff, providerId)).courseId;
});
afterAll(() => t?.close());

/** A session of the course that meets on `weekdays` from today for two weeks, with learners enrolled in it. */
async function classWithLearners(
  weekdays: number[],
  learners: number,
): Promise<{ id: string; learners: Actor[] }> {
  const session = await t.http
    .post(`/api/courses/${courseId}/sessions`)
    .auth(staff.token, bearer)
    .send(
      sessionBody({
        startsAt: `${today}T00:00:00+08:00`,
        endsAt: `${addDays(today, 14)}T23:00:00+08:00`,
        enrolmentOpensAt: `${addDays(today, -3)}T09:00:00+08:00`,
        enrolmentClosesAt: `${addDays(today, 10)}T09:00:00+08:00`,
        classWeekdays: weekdays,
        classStartTime: '09:00',
        classEndTime: '11:00',
      }),
    );
  expect(session.status, JSON.stringify(session.body)).toBe(201);
  const enrolled: Actor[] = [];
  for (let i = 0; i < learners; i++) {
    const learner = await makeActor(t, undefined, undefined, { birthDate: '1980-05-02' });
    const res = await t.http
      .post('/api/enrolments')
      .auth(learner.token, bearer)
      .send({ sessionId: session.body.id });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    enrolled.push(learner);
  }
  return { id: session.body.id as string, learners: enrolled };
}

const reminderTexts = (mobile: string) =>
  t.app
    .get<DevSmsGateway>(SMS_GATEWAY)
    .list(mobile)
    .filter((m) => m.text.includes('提醒'));

async function inApp(userId: string): Promise<Array<{ params: Record<string, string> }>> {
  return t.db.query(`SELECT params FROM notifications WHERE user_id = $1 AND kind = 'class_reminder'`, [
    userId,
  ]);
}

describe('the reminder the day before a class', () => {
  it('reminds each learner once, in the app and by SMS, however often the scheduled job runs', async () => {
    const meets = await classWithLearners([isoWeekday(tomorrow)], 2);
    // A class that does not meet tomorrow, and a learner who withdrew, are not reminded.
    const other = await classWithLearners([isoWeekday(addDays(today, 3))], 1);
    const withdrawn = await makeActor(t, undefined, undefined, { birthDate: '1980-05-02' });
    const e = await t.http
      .post('/api/enrolments')
      .auth(withdrawn.token, bearer)
      .send({ sessionId: meets.id });
    await t.http.post(`/api/enrolments/${e.body.id}/withdraw`).auth(withdrawn.token, bearer);

    const queue = t.app.get(QueueService).get(QueueName.Notifications);
    // Two runs of the schedule at once (two workers), then a third later: the reminders are made once.
    const runs = await Promise.all(
      ['a', 'b'].map((run) =>
        queue.add(
          JobName.ClassReminders,
          { payload: {}, requestId: null },
          { jobId: `test-reminders-${run}` },
        ),
      ),
    );
    await Promise.all(runs.map((job) => job.finished()));
    const third = await queue.add(
      JobName.ClassReminders,
      { payload: {}, requestId: null },
      { jobId: 'test-reminders-c' },
    );
    await third.finished();

    for (const learner of meets.learners) {
      const notes = await inApp(learner.id);
      expect(notes).toHaveLength(1);
      expect(notes[0].params).toMatchObject({ date: tomorrow, startTime: '09:00', endTime: '11:00' });
      const texts = await waitFor(() => {
        const found = reminderTexts(learner.mobile);
        return Promise.resolve(found.length ? found : undefined);
      });
      expect(texts).toHaveLength(1);
      expect(texts[0].text).toContain('09:00');
    }
    const rows: Array<{ n: number; sent: number }> = await t.db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE sms_status = 'sent')::int AS sent
         FROM class_reminders WHERE session_id = $1 AND class_date = $2`,
      [meets.id, tomorrow],
    );
    await waitFor(async () => {
      const [r]: Array<{ sent: number }> = await t.db.query(
        `SELECT count(*) FILTER (WHERE sms_status = 'sent')::int AS sent FROM class_reminders WHERE session_id = $1`,
        [meets.id],
      );
      return r.sent === 2 ? true : undefined;
    });
    expect(rows[0].n).toBe(2);
    // Give any duplicate SMS job time to show itself, then count again.
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const learner of meets.learners) expect(reminderTexts(learner.mobile)).toHaveLength(1);
    expect(await inApp(withdrawn.id)).toHaveLength(0);
    expect(await inApp(other.learners[0].id)).toHaveLength(0);
    expect(reminderTexts(other.learners[0].mobile)).toHaveLength(0);
  });

  it('does not remind learners of a cancelled class', async () => {
    const dayAfter = addDays(today, 2);
    const cancelled = await classWithLearners([isoWeekday(dayAfter)], 1);
    const res = await t.http
      .post(`/api/sessions/${cancelled.id}/cancel`)
      .auth(staff.token, bearer)
      .send({ reason: '教室维修' });
    expect(res.status).toBe(200);
    expect(await t.app.get(ClassRemindersService).remindFor(dayAfter)).toBe(0);
    expect(await inApp(cancelled.learners[0].id)).toHaveLength(0);
  });

  it('delivers in the app when the SMS gateway is down, and sends the SMS once it is back', async () => {
    const date = addDays(today, 4);
    const meets = await classWithLearners([isoWeekday(date)], 1);
    const [learner] = meets.learners;
    const gateway = t.app.get<DevSmsGateway>(SMS_GATEWAY);
    gateway.failing = true;
    try {
      expect(await t.app.get(ClassRemindersService).remindFor(date)).toBe(1);
      expect(await inApp(learner.id)).toHaveLength(1);
      const failed = await waitFor(async () => {
        const [r]: Array<{ sms_status: string; sms_attempts: number; sms_error: string }> = await t.db.query(
          `SELECT sms_status, sms_attempts, sms_error FROM class_reminders WHERE session_id = $1`,
          [meets.id],
        );
        return r?.sms_status === 'failed' ? r : undefined;
      });
      expect(failed.sms_attempts).toBeGreaterThanOrEqual(1);
      expect(failed.sms_error).toContain('set to fail');
      expect(t.logs.some((l) => l.includes('class reminder SMS not sent'))).toBe(true);
      expect(reminderTexts(learner.mobile)).toHaveLength(0);
    } finally {
      gateway.failing = false;
    }
    // Bull tries again with backoff; the SMS goes out once the gateway answers.
    await waitFor(async () => {
      const [r]: Array<{ sms_status: string }> = await t.db.query(
        `SELECT sms_status FROM class_reminders WHERE session_id = $1`,
        [meets.id],
      );
      return r.sms_status === 'sent' ? true : undefined;
    }, 20_000);
    expect(reminderTexts(learner.mobile)).toHaveLength(1);
    expect(await inApp(learner.id)).toHaveLength(1);
  });
});
