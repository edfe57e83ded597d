import { recordProgrammeCompletion } from '../attainment/attainment.repository.js';
import type { TestApp } from './test-app.js';
import { type Actor, sessionBody } from './offer-builders.js';

const bearer = { type: 'bearer' } as const;

export interface CourseRef {
  courseId: string;
  sessionId: string;
}

/** A programme, a course of it and a session, through the API (the provider's staff). */
export async function indicatorCourse(
  t: TestApp,
  staff: Actor,
  providerId: string,
  programme: Record<string, unknown>,
  category: string,
): Promise<CourseRef> {
  const p = await t.http
    .post(`/api/providers/${providerId}/programmes`)
    .auth(staff.token, bearer)
    .send(programme);
  const c = await t.http
    .post('/api/courses')
    .auth(staff.token, bearer)
    .send({
      programmeId: p.body.id,
      title: `${programme.title as string}课`,
      category,
      mode: 'offline',
      studyHours: 10,
      credits: 1,
      description: '课程',
      coverText: '课程简介',
    });
  if (c.status !== 201) throw new Error(JSON.stringify([p.body, c.body]));
  const s = await t.http
    .post(`/api/courses/${c.body.id}/sessions`)
    .auth(staff.token, bearer)
    .send(sessionBody());
  if (s.status !== 201) throw new Error(JSON.stringify(s.body));
  return { courseId: c.body.id as string, sessionId: s.body.id as string };
}

/** A resident with a profile, straight into the tables (many of them, fast). */
export async function insertResident(
  t: TestApp,
  person: { birthDate: string; sex: string; township: string; village: string; attainment?: string },
): Promise<string> {
  const [u] = await t.db.query(
    `INSERT INTO users (name, email, password_hash) VALUES ('居民', gen_random_uuid() || '@example.test', 'x')
     RETURNING id`,
  );
  await t.db.query(
    `INSERT INTO learner_profiles (user_id, birth_date, sex, township_code, village_code, attainment, employment_status)
     VALUES ($1, $2, $3, $4, $5, $6, 'employed')`,
    [
      u.id,
      person.birthDate,
      person.sex,
      person.township,
      person.village,
      person.attainment ?? 'junior_secondary',
    ],
  );
  return u.id as string;
}

/** A completion on a chosen date: a completed enrolment, its learning-record entry and, if asked, a certificate. */
export async function insertCompletion(
  t: TestApp,
  learnerId: string,
  course: CourseRef,
  on: string,
  category: string,
  certificate: boolean,
): Promise<void> {
  const [e] = await t.db.query(
    `INSERT INTO enrolments (learner_user_id, session_id, course_id, status, queue_number)
     VALUES ($1, $2, $3, 'completed', nextval('enrolment_queue_seq')) RETURNING id`,
    [learnerId, course.sessionId, course.courseId],
  );
  const [r] = await t.db.query(
    `INSERT INTO learning_records (learner_user_id, enrolment_id, course_id, provider_id, course_title, provider_name,
                                   category, hours, credits, completed_on, evidence)
     SELECT $1, $2, c.id, c.provider_id, c.title, '测试职业学校', $4, 10, 1, $3, '{}' FROM courses c WHERE c.id = $5
     RETURNING id`,
    [learnerId, e.id, on, category, course.courseId],
  );
  // As the completion service does: completing an academic programme raises the level, dated on the day.
  await recordProgrammeCompletion(t.db.manager, r.id as string);
  if (!certificate) return;
  await t.db.query(
    `INSERT INTO certificates (enrolment_id, learner_user_id, number, verification_code, holder_name, record_id, issued_at)
     VALUES ($1, $2, 'T-' || $3, upper(substr(md5($3), 1, 10)), 'x', $5, $4::date + time '10:00')`,
    [e.id, learnerId, String(r.id), on, r.id],
  );
}
