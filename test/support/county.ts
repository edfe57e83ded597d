import { call, DEMO_LOGIN, type JsonResponse, login } from './http.js';
import type { Stack } from './stack.js';

/**
 * The demo county through its API, for tests that drive real processes: a school's online course that completes on
 * its one lesson, learners registered and enrolled, completions. Only public routes, as the web app uses them.
 */

const TOWNSHIP = '339901103000';
const VILLAGE = '339901103202';

function at(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T09:00:00+08:00`;
}

export interface OnlineCourse {
  staffToken: string;
  providerId: string;
  courseId: string;
  lessonId: string;
  sessionId: string;
}

/** A published online course of the demo school with one required text lesson and an open online session. */
export async function onlineCourse(stack: Stack, title: string, capacity = 500): Promise<OnlineCourse> {
  const { token: staffToken } = await login(stack.apiUrl, DEMO_LOGIN.providerAdmin);
  const must = (res: JsonResponse, what: string) => {
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const api = (method: string, path: string, body?: unknown) =>
    call(stack.apiUrl, method, path, { token: staffToken, body });
  const [provider] = must(await api('GET', '/api/me/providers'), 'my providers') as Array<{ id: string }>;
  const programme = must(
    await api('POST', `/api/providers/${provider.id}/programmes`, {
      kind: 'community',
      title: `${title}项目`,
    }),
    'programme',
  );
  const course = must(
    await api('POST', '/api/courses', {
      programmeId: programme.id,
      title,
      category: 'digital_skills',
      mode: 'online',
      studyHours: 4,
      credits: 0.5,
      description: '在家用手机学习。',
      coverText: '手机上就能学',
      // Set explicitly: the specs using this course are about faults and scaling, and finish its one text lesson at
      // once; the reading minimum is tested in apps/api (completion-evidence.spec.ts) and the learner journey.
      textMinSeconds: 0,
    }),
    'course',
  );
  const lesson = must(
    await api('POST', `/api/courses/${course.id}/lessons`, {
      kind: 'text',
      title: '第一课',
      body: '# 第一课',
    }),
    'lesson',
  );
  const session = must(
    await api('POST', `/api/courses/${course.id}/sessions`, {
      label: '线上班',
      startsAt: at(-1),
      endsAt: at(60),
      capacity,
      online: true,
      enrolmentOpensAt: at(-2),
      enrolmentClosesAt: at(30),
    }),
    'session',
  );
  must(await api('POST', `/api/courses/${course.id}/publish`), 'publish');
  return {
    staffToken,
    providerId: provider.id,
    courseId: course.id,
    lessonId: lesson.id,
    sessionId: session.id,
  };
}

export interface Learner {
  id: string;
  token: string;
  mobile: string;
}

let mobiles = 0;

/** A newly registered learner of the demo county (mobile numbers 1396xxxxxxx, unique in the run). */
export async function registerLearner(stack: Stack, name = '测试学员'): Promise<Learner> {
  const mobile = `1396${String(process.pid % 1000).padStart(3, '0')}${String(++mobiles).padStart(4, '0')}`;
  const res = await call(stack.apiUrl, 'POST', '/api/auth/register', {
    body: {
      name,
      mobile,
      password: 'Learn2026ok',
      birthDate: '1962-04-01',
      sex: 'female',
      townshipCode: TOWNSHIP,
      villageCode: VILLAGE,
      attainment: 'junior_secondary',
      employmentStatus: 'retired',
    },
  });
  if (res.status !== 201) throw new Error(`registration failed: ${JSON.stringify(res.body)}`);
  return { id: res.body.user.id, token: res.body.accessToken, mobile };
}

export async function enrol(baseUrl: string, learner: Learner, sessionId: string): Promise<JsonResponse> {
  return call(baseUrl, 'POST', '/api/enrolments', { token: learner.token, body: { sessionId } });
}

/** Finishing the only lesson completes the course: record entry, certificate, and its PDF job through the outbox. */
export async function completeLesson(
  baseUrl: string,
  learner: Learner,
  lessonId: string,
): Promise<JsonResponse> {
  return call(baseUrl, 'PUT', `/api/me/lessons/${lessonId}/progress`, {
    token: learner.token,
    body: { completed: true },
  });
}
