import { Role } from '@cll/domain';
import { registerBody, TOWNSHIP_A, VILLAGE_A1 } from './builders.js';
import { enrolSecondFactor } from './second-factor.js';
import type { TestApp } from './test-app.js';

export interface Actor {
  id: string;
  token: string;
  mobile: string;
  /** The authenticator secret of staff actors (enrolled through the API; their session passed the factor). */
  totpSecret?: string;
}

const bearer = { type: 'bearer' } as const;

/**
 * A registered account holding `role` (scoped to `providerId` for provider roles). Staff actors set up an
 * authenticator through the API, so their session has passed the second factor and a step-up (valid a few minutes).
 */
export async function makeActor(
  t: TestApp,
  role?: Role,
  providerId?: string,
  overrides: Record<string, unknown> = {},
): Promise<Actor> {
  const body = registerBody(overrides);
  const res = await t.http.post('/api/auth/register').send(body);
  if (res.status !== 201) throw new Error(`registration failed: ${JSON.stringify(res.body)}`);
  if (role && role !== Role.Learner) {
    await t.db.query(`INSERT INTO role_assignments (user_id, role, provider_id) VALUES ($1, $2, $3)`, [
      res.body.user.id,
      role,
      providerId ?? null,
    ]);
  }
  const actor: Actor = { id: res.body.user.id, token: res.body.accessToken, mobile: body.mobile as string };
  return role && role !== Role.Learner ? withSecondFactor(t, actor) : actor;
}

/** Sets up the actor's authenticator through the API (after a staff role was given to it directly). */
export async function withSecondFactor(t: TestApp, actor: Actor): Promise<Actor> {
  actor.totpSecret = (await enrolSecondFactor(t, actor.token)).secret;
  return actor;
}

export async function makeProvider(t: TestApp, status = 'approved', name = '测试职业学校'): Promise<string> {
  const [row] = await t.db.query(
    `INSERT INTO providers (name, kind, township_code, status) VALUES ($1, 'vocational_school', $2, $3) RETURNING id`,
    [name, TOWNSHIP_A, status],
  );
  return row.id as string;
}

/** Ten days from now at 09:00 Beijing time, plus `days`. */
export function futureInstant(days: number, hour = 9): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00:00+08:00`;
}

export function sessionBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    label: '冬季班',
    startsAt: futureInstant(10),
    endsAt: futureInstant(40, 11),
    capacity: 30,
    online: false,
    townshipCode: TOWNSHIP_A,
    villageCode: VILLAGE_A1,
    venue: '测试一镇文化站二楼',
    enrolmentOpensAt: futureInstant(-5),
    enrolmentClosesAt: futureInstant(9),
    ...overrides,
  };
}

export const QUIZ = {
  passMark: 60,
  questions: [
    { prompt: '检修前必须先做什么？', kind: 'single', options: ['断电', '通电', '喝水'], correct: [0] },
    {
      prompt: '哪些是绝缘工具？',
      kind: 'multiple',
      options: ['绝缘手套', '铁棒', '绝缘鞋'],
      correct: [0, 2],
    },
  ],
};

export interface BuiltCourse {
  programmeId: string;
  courseId: string;
  lessonIds: string[];
  sessionId: string;
}

/** A complete course through the API: programme, course, a text lesson, a quiz, a session; published unless told not to. */
export async function buildCourse(
  t: TestApp,
  staff: Actor,
  providerId: string,
  options: { title?: string; publish?: boolean; capacity?: number; textMinSeconds?: number } = {},
): Promise<BuiltCourse> {
  const programme = await t.http
    .post(`/api/providers/${providerId}/programmes`)
    .auth(staff.token, bearer)
    .send({ kind: 'vocational_skill', title: '电工职业技能', occupationCode: '6-31-01-03' });
  if (programme.status !== 201) throw new Error(JSON.stringify(programme.body));
  const course = await t.http
    .post('/api/courses')
    .auth(staff.token, bearer)
    .send({
      programmeId: programme.body.id,
      title: options.title ?? '初级电工技能实训',
      titleEn: 'Basic electrician training',
      category: 'vocational_skills',
      mode: 'blended',
      studyHours: 48,
      credits: 2,
      maxAge: 60,
      description: '学习**安全用电**与低压线路安装。',
      coverText: '考取电工证的第一步',
      // Set explicitly: the specs using this course are about enrolment, races and access, and finish its text
      // lesson at once; completion-evidence.spec.ts tests the reading minimum itself.
      textMinSeconds: options.textMinSeconds ?? 0,
    });
  if (course.status !== 201) throw new Error(JSON.stringify(course.body));
  const courseId = course.body.id as string;
  const text = await t.http
    .post(`/api/courses/${courseId}/lessons`)
    .auth(staff.token, bearer)
    .send({ kind: 'text', title: '安全用电常识', body: '# 安全第一\n断电、验电、挂牌。' });
  const quiz = await t.http
    .post(`/api/courses/${courseId}/lessons`)
    .auth(staff.token, bearer)
    .send({ kind: 'quiz', title: '小测验', quiz: QUIZ });
  const session = await t.http
    .post(`/api/courses/${courseId}/sessions`)
    .auth(staff.token, bearer)
    .send(sessionBody({ capacity: options.capacity ?? 30 }));
  if (session.status !== 201) throw new Error(JSON.stringify(session.body));
  if (options.publish !== false) {
    const published = await t.http.post(`/api/courses/${courseId}/publish`).auth(staff.token, bearer);
    if (published.status !== 200) throw new Error(JSON.stringify(published.body));
  }
  return {
    programmeId: programme.body.id,
    courseId,
    lessonIds: [text.body.id, quiz.body.id],
    sessionId: session.body.id,
  };
}
