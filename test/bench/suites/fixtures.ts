import { uid } from '../generate/county.js';
import type { BenchContext } from './context.js';

export interface ListFixtures {
  /** Published courses with 10 and 100 lessons and as many sessions. */
  course10: string;
  course100: string;
  /** Learners enrolled in 10 and 100 sessions; the first is enrolled in course10, the second in course100. */
  learner10: string;
  learner100: string;
}

/** Two courses, two learners, sized 10 and 100, for counting statements per request at both sizes. */
export async function listFixtures(ctx: BenchContext): Promise<ListFixtures> {
  const sql = (text: string, params: unknown[] = []) => ctx.client.query(text, params);
  const provider = uid('p', 1);
  const programme = uid('g', 1);
  const course = async (n: number) => {
    const {
      rows: [{ id }],
    } = await sql(
      `INSERT INTO courses (provider_id, programme_id, title, category, mode, study_hours, credits, status, published_at)
       VALUES ($1, $2, $3, 'vocational_skills', 'blended', 20, 1, 'published', now()) RETURNING id`,
      [provider, programme, `计数课程 ${n} 课时`],
    );
    await sql(
      `INSERT INTO lessons (course_id, position, kind, title, body) SELECT $1, k, 'text', '第' || k || '课', '课文'
         FROM generate_series(1, $2::int) k`,
      [id, n],
    );
    await sql(
      `INSERT INTO course_sessions (course_id, label, starts_at, ends_at, capacity, online, enrolment_opens_at, enrolment_closes_at)
       SELECT $1, '第' || k || '期', now() + make_interval(days => k), now() + make_interval(days => k + 30), 1000, true,
              now() - interval '1 day', now() + make_interval(days => k)
         FROM generate_series(1, $2::int) k`,
      [id, n],
    );
    return id as string;
  };
  const course10 = await course(10);
  const course100 = await course(100);
  const enrol = async (learner: string, courseId: string, n: number) => {
    await sql(
      `WITH s AS (SELECT id, course_id FROM course_sessions WHERE course_id = $2 ORDER BY starts_at LIMIT $3),
            e AS (INSERT INTO enrolments (learner_user_id, session_id, course_id, status, queue_number, source, seat_taken_at)
                  SELECT $1, s.id, s.course_id, 'enrolled', nextval('enrolment_queue_seq'), 'self', now() FROM s RETURNING session_id)
       UPDATE course_sessions SET enrolled_count = enrolled_count + 1 WHERE id IN (SELECT session_id FROM e)`,
      [learner, courseId, n],
    );
  };
  const learner10 = uid('r', 1);
  const learner100 = uid('r', 2);
  await enrol(learner10, course10, 10);
  await enrol(learner100, course100, 100);
  return { course10, course100, learner10, learner100 };
}
