import { indexWords } from '../catalogue/search/index-words.js';
import { ruleForMode } from '../learning/completion-rule.js';
import { DEMO_TOWNSHIPS, DEMO_VILLAGES } from './demo-county.js';
import { type DemoCourse, generateDemoCatalogue } from './catalogue/generate.js';

interface Sql {
  query<T = Array<Record<string, string>>>(sql: string, params?: unknown[]): Promise<T>;
}

/**
 * The demo catalogue (about 300 published courses with lessons and sessions), dated around `seedDate`.
 * Programmes are shared by the courses of one template at one provider. Runs inside the caller's transaction.
 */
export async function seedDemoCatalogue(
  m: Sql,
  providerIds: Map<string, string>,
  seedDate = new Date(),
): Promise<number> {
  const courses = generateDemoCatalogue(seedDate);
  const programmes = new Map<string, string>();
  for (const course of courses) {
    const providerId = providerIds.get(course.providerKey);
    if (!providerId) throw new Error(`demo provider ${course.providerKey} is missing`);
    const programmeKey = `${course.providerKey}:${course.templateKey}`;
    let programmeId = programmes.get(programmeKey);
    if (!programmeId) {
      const [row] = await m.query<Array<{ id: string }>>(
        `INSERT INTO programmes (provider_id, kind, title, occupation_code, confers_attainment) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [
          providerId,
          course.programme.kind,
          course.programme.title,
          course.programme.occupationCode ?? null,
          course.programme.confersAttainment ?? null,
        ],
      );
      programmeId = row.id;
      programmes.set(programmeKey, programmeId);
    }
    await insertCourse(m, course, providerId, programmeId);
  }
  return courses.length;
}

async function insertCourse(
  m: Sql,
  course: DemoCourse,
  providerId: string,
  programmeId: string,
): Promise<void> {
  const [row] = await m.query<Array<{ id: string }>>(
    `INSERT INTO courses (provider_id, programme_id, title, title_en, category, mode, study_hours, credits, min_age, max_age,
                          description, cover_text, status, published_at, completion_rule, search_words)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'published', now(), $13, $14) RETURNING id`,
    [
      providerId,
      programmeId,
      course.title,
      course.titleEn,
      course.category,
      course.mode,
      course.studyHours,
      course.credits,
      course.minAge ?? null,
      course.maxAge ?? null,
      course.description,
      course.coverText,
      ruleForMode(course.mode),
      indexWords(course.title),
    ],
  );
  for (const [i, lesson] of course.lessons.entries()) {
    await m.query(
      `INSERT INTO lessons (course_id, position, kind, title, body, video_url, duration_minutes, quiz)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        row.id,
        i + 1,
        lesson.kind,
        lesson.title,
        'body' in lesson ? lesson.body : null,
        'videoUrl' in lesson ? lesson.videoUrl : null,
        'durationMinutes' in lesson ? lesson.durationMinutes : null,
        'quiz' in lesson ? JSON.stringify(lesson.quiz) : null,
      ],
    );
  }
  for (const s of course.sessions) {
    const township = s.townshipIndex !== undefined ? DEMO_TOWNSHIPS[s.townshipIndex] : undefined;
    const village =
      township && s.villageIndex !== undefined
        ? DEMO_VILLAGES.filter((v) => v.townshipCode === township.code)[s.villageIndex]
        : undefined;
    await m.query(
      `INSERT INTO course_sessions (course_id, label, starts_at, ends_at, capacity, online, township_code, village_code, venue,
                                    enrolment_opens_at, enrolment_closes_at, class_count)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        row.id,
        s.label,
        s.startsAt,
        s.endsAt,
        s.capacity,
        s.online,
        township?.code ?? null,
        village?.code ?? null,
        s.venue ?? null,
        s.enrolmentOpensAt,
        s.enrolmentClosesAt,
        weeklyClasses(s.startsAt, s.endsAt),
      ],
    );
  }
}

/** Demo classes meet once a week over their span (at least once). */
function weeklyClasses(startsAt: Date, endsAt: Date): number {
  return Math.max(1, Math.round((endsAt.getTime() - startsAt.getTime()) / (7 * 86_400_000)));
}
