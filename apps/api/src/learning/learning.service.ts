import { Injectable } from '@nestjs/common';
import { EnrolmentStatus, ErrorCode, LessonKind, QuestionKind } from '@cll/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators.js';
import { Lesson } from '../catalogue/catalogue.entities.js';
import { DomainException } from '../common/domain.exception.js';
import { classesNeeded, type CompletionFacts, gradeQuiz, isCompleted } from './completion-rule.js';
import { CompletionService } from './completion.service.js';
import type {
  PlayerResponse,
  ProgressDto,
  ProgressResponse,
  QuizResultResponse,
} from './dto/learning.dto.js';
import { LessonProgress } from './learning.entities.js';

const LEARNING: EnrolmentStatus[] = [EnrolmentStatus.Enrolled, EnrolmentStatus.Completed];

interface SavedProgress {
  kind: LessonKind;
  enrolled: boolean;
  completed_at: Date | null;
  position: number | null;
  /** The completion facts of each enrolled (not yet completed) enrolment in the course, this save included. */
  facts: Array<Omit<CompletionFacts, 'attendanceShare'> & { id: string; attendanceShare: number | string }>;
}

/**
 * $1 learner, $2 lesson, $3 position, $4 completed, $5 the statuses that may learn. No row: no such lesson. The
 * upsert only runs for an enrolled learner and a lesson that is not a quiz. Its own write is invisible to the rest
 * of the statement, so the saved lesson is counted from what the upsert returned.
 */
const SAVE_PROGRESS = `
  WITH lesson AS (SELECT id, course_id, kind, required FROM lessons WHERE id = $2),
  learning AS (
    SELECT e.id, e.status, e.session_id FROM enrolments e JOIN lesson ON e.course_id = lesson.course_id
     WHERE e.learner_user_id = $1 AND e.status = ANY($5)
  ), saved AS (
    INSERT INTO lesson_progress (learner_user_id, lesson_id, course_id, position, completed_at)
    SELECT $1, lesson.id, lesson.course_id, $3, CASE WHEN $4::boolean THEN now() END
      FROM lesson WHERE lesson.kind <> 'quiz' AND EXISTS (SELECT 1 FROM learning)
    ON CONFLICT (learner_user_id, lesson_id) DO UPDATE
      SET position = coalesce(EXCLUDED.position, lesson_progress.position),
          completed_at = coalesce(lesson_progress.completed_at, EXCLUDED.completed_at),
          updated_at = now()
    RETURNING completed_at, position
  ), required AS (
    SELECT count(*)::int AS total,
           count(*) FILTER (WHERE l.id <> $2 AND EXISTS (
             SELECT 1 FROM lesson_progress p
              WHERE p.learner_user_id = $1 AND p.lesson_id = l.id AND p.completed_at IS NOT NULL))::int AS done_before
      FROM lessons l JOIN lesson ON l.course_id = lesson.course_id WHERE l.required
  )
  SELECT lesson.kind, EXISTS (SELECT 1 FROM learning) AS enrolled, saved.completed_at, saved.position,
         (SELECT coalesce(json_agg(json_build_object(
                   'id', e.id, 'rule', c.completion_rule, 'attendanceShare', c.attendance_share,
                   'classCount', s.class_count, 'requiredLessons', r.total,
                   'requiredDone', r.done_before + (lesson.required AND saved.completed_at IS NOT NULL)::int,
                   'attended', (SELECT count(*) FROM attendance a WHERE a.enrolment_id = e.id))), '[]')
            FROM learning e JOIN courses c ON c.id = lesson.course_id JOIN course_sessions s ON s.id = e.session_id
                 CROSS JOIN required r
           WHERE e.status = 'enrolled') AS facts
    FROM lesson LEFT JOIN saved ON true`;

@Injectable()
export class LearningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly completion: CompletionService,
  ) {}

  async player(user: AuthUser, courseId: string): Promise<PlayerResponse> {
    const m = this.dataSource.manager;
    const [enrolment]: Array<{
      id: string;
      status: EnrolmentStatus;
      class_count: number;
      attended: number;
      held: number;
    }> = await m.query(
      `SELECT e.id, e.status, s.class_count,
                (SELECT count(*) FROM attendance a WHERE a.enrolment_id = e.id)::int AS attended,
                (SELECT count(*) FROM class_dates d WHERE d.session_id = e.session_id)::int AS held
           FROM enrolments e JOIN course_sessions s ON s.id = e.session_id
          WHERE e.learner_user_id = $1 AND e.course_id = $2 AND e.status = ANY($3)
          ORDER BY e.status = 'enrolled' DESC, e.created_at DESC LIMIT 1`,
      [user.id, courseId, LEARNING],
    );
    if (!enrolment) throw new DomainException(ErrorCode.NotEnrolled, 'Enrol in this course to learn it.');
    const [course]: Array<{
      id: string;
      title: string;
      mode: PlayerResponse['course']['mode'];
      completion_rule: PlayerResponse['course']['completionRule'];
      attendance_share: string;
    }> = await m.query(
      `SELECT id, title, mode, completion_rule, attendance_share FROM courses WHERE id = $1`,
      [courseId],
    );
    const lessons = await m.find(Lesson, { where: { courseId }, order: { position: 'ASC' } });
    const progress = await m.find(LessonProgress, { where: { learnerUserId: user.id, courseId } });
    const byLesson = new Map(progress.map((p) => [p.lessonId, p]));
    const view = lessons.map((l) => {
      const p = byLesson.get(l.id);
      return {
        id: l.id,
        position: l.position,
        kind: l.kind,
        title: l.title,
        body: l.body,
        videoUrl: l.videoUrl,
        durationMinutes: l.durationMinutes,
        required: l.required,
        // Learners never receive the answers.
        quiz: l.quiz
          ? {
              passMark: l.quiz.passMark,
              questions: l.quiz.questions.map(({ prompt, kind, options }) => ({ prompt, kind, options })),
            }
          : null,
        progress: {
          completed: Boolean(p?.completedAt),
          completedAt: p?.completedAt?.toISOString() ?? null,
          position: p?.position ?? null,
          bestScore: p?.bestScore ?? null,
          attempts: p?.attempts ?? 0,
        },
      };
    });
    const required = view.filter((l) => l.required);
    return {
      course: {
        id: course.id,
        title: course.title,
        mode: course.mode,
        completionRule: course.completion_rule,
      },
      enrolment: { id: enrolment.id, status: enrolment.status },
      lessons: view,
      resumeLessonId: view.find((l) => !l.progress.completed)?.id ?? null,
      requiredDone: required.filter((l) => l.progress.completed).length,
      requiredTotal: required.length,
      attendance: {
        attended: enrolment.attended,
        held: enrolment.held,
        needed: classesNeeded(enrolment.class_count, Number(course.attendance_share)),
      },
    };
  }

  /**
   * Idempotent: the same update twice leaves one row; a completed lesson stays completed. One statement does the
   * lesson lookup, the enrolment check, the upsert and gathers the completion facts; the course is only evaluated
   * (locked and re-checked) when those facts say its rule is met. A save that completes the lesson runs in a
   * transaction, so the course completes in the same transaction as the write that met its rule; any other save
   * cannot change whether the course is complete and stands alone.
   */
  async progress(user: AuthUser, lessonId: string, dto: ProgressDto): Promise<ProgressResponse> {
    if (!dto.completed) return this.saveProgress(this.dataSource.manager, false, user, lessonId, dto);
    return this.dataSource.transaction((m) => this.saveProgress(m, true, user, lessonId, dto));
  }

  private async saveProgress(
    m: EntityManager,
    inTransaction: boolean,
    user: AuthUser,
    lessonId: string,
    dto: ProgressDto,
  ): Promise<ProgressResponse> {
    const [row]: SavedProgress[] = await m.query(SAVE_PROGRESS, [
      user.id,
      lessonId,
      dto.position ?? null,
      dto.completed,
      LEARNING,
    ]);
    if (!row) throw new DomainException(ErrorCode.NotFound, 'No such lesson.');
    if (!row.enrolled) throw new DomainException(ErrorCode.NotEnrolled, 'Enrol in this course to learn it.');
    if (row.kind === LessonKind.Quiz) {
      throw new DomainException(
        ErrorCode.LessonKindMismatch,
        'A quiz is completed by passing it (quiz-attempts).',
      );
    }
    // A save that completes a lesson is always evaluated under the lock: its facts come from a snapshot that cannot
    // see a lesson completed at the same moment in another request (two lessons finished at once, on two APIs).
    const due = dto.completed
      ? row.facts
      : row.facts.filter((f) => isCompleted({ ...f, attendanceShare: Number(f.attendanceShare) }));
    let courseCompleted = false;
    if (due.length) {
      const evaluate = async (tx: EntityManager) => {
        for (const f of due) courseCompleted = (await this.completion.evaluate(tx, f.id)) || courseCompleted;
      };
      await (inTransaction ? evaluate(m) : this.dataSource.transaction(evaluate));
    }
    return {
      lessonId,
      completed: row.completed_at !== null,
      completedAt: row.completed_at?.toISOString() ?? null,
      position: row.position,
      courseCompleted,
    };
  }

  /** Graded here, never in the browser; the best score is kept and a pass completes the lesson. */
  async attemptQuiz(user: AuthUser, lessonId: string, answers: number[][]): Promise<QuizResultResponse> {
    return this.dataSource.transaction(async (m) => {
      const lesson = await this.lessonForLearner(m, user, lessonId);
      if (lesson.kind !== LessonKind.Quiz || !lesson.quiz) {
        throw new DomainException(ErrorCode.LessonKindMismatch, 'This lesson is not a quiz.');
      }
      const questions = lesson.quiz.questions;
      const shapeOk =
        answers.length === questions.length &&
        answers.every(
          (a, i) =>
            Array.isArray(a) &&
            a.every((x) => Number.isInteger(x) && x >= 0 && x < questions[i].options.length) &&
            new Set(a).size === a.length &&
            (questions[i].kind === QuestionKind.Multiple || a.length <= 1),
        );
      if (!shapeOk) {
        throw DomainException.field(
          ErrorCode.QuizAnswersInvalid,
          'answers',
          `Give one list of chosen option numbers for each of the ${questions.length} questions.`,
        );
      }
      const result = gradeQuiz(questions, answers, lesson.quiz.passMark);
      await m.query(
        `INSERT INTO lesson_progress (learner_user_id, lesson_id, course_id, best_score, attempts, completed_at)
         VALUES ($1, $2, $3, $4, 1, CASE WHEN $5::boolean THEN now() END)
         ON CONFLICT (learner_user_id, lesson_id) DO UPDATE
           SET best_score = greatest(lesson_progress.best_score, EXCLUDED.best_score),
               attempts = lesson_progress.attempts + 1,
               completed_at = coalesce(lesson_progress.completed_at, EXCLUDED.completed_at),
               updated_at = now()`,
        [user.id, lessonId, lesson.courseId, result.score, result.passed],
      );
      return { ...result, courseCompleted: await this.evaluateCourse(m, user.id, lesson.courseId) };
    });
  }

  private async lessonForLearner(m: EntityManager, user: AuthUser, lessonId: string): Promise<Lesson> {
    const lesson = await m.findOneBy(Lesson, { id: lessonId });
    if (!lesson) throw new DomainException(ErrorCode.NotFound, 'No such lesson.');
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM enrolments WHERE learner_user_id = $1 AND course_id = $2 AND status = ANY($3)`,
      [user.id, lesson.courseId, LEARNING],
    );
    if (!rows.length) throw new DomainException(ErrorCode.NotEnrolled, 'Enrol in this course to learn it.');
    return lesson;
  }

  private async evaluateCourse(m: EntityManager, learnerId: string, courseId: string): Promise<boolean> {
    const enrolments: Array<{ id: string }> = await m.query(
      `SELECT id FROM enrolments WHERE learner_user_id = $1 AND course_id = $2 AND status = 'enrolled'`,
      [learnerId, courseId],
    );
    let completed = false;
    for (const e of enrolments) completed = (await this.completion.evaluate(m, e.id)) || completed;
    return completed;
  }
}
