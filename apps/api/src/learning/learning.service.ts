import { Injectable } from '@nestjs/common';
import { EnrolmentStatus, ErrorCode, LessonKind, QuestionKind } from '@cll/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators.js';
import { Lesson } from '../catalogue/catalogue.entities.js';
import { DomainException } from '../common/domain.exception.js';
import { classesNeeded, gradeQuiz } from './completion-rule.js';
import { CompletionService } from './completion.service.js';
import {
  coveredSeconds,
  type EvidenceState,
  playedNeeded,
  playedPercent,
  reportPlayback,
  reportReading,
  type Stretches,
} from './evidence.js';
import type {
  LessonEvidence,
  PlayerResponse,
  ProgressDto,
  ProgressResponse,
  QuizResultResponse,
} from './dto/learning.dto.js';
import { LessonProgress } from './learning.entities.js';

const LEARNING: EnrolmentStatus[] = [EnrolmentStatus.Enrolled, EnrolmentStatus.Completed];

interface LessonContext {
  course_id: string;
  kind: LessonKind;
  duration_minutes: number | null;
  video_share_percent: number;
  text_min_seconds: number;
  enrolled: boolean;
}

interface ProgressRow {
  position: number | null;
  completed_at: Date | null;
  played: Stretches;
  read_seconds: number;
  last_report_at: Date | null;
  now: Date;
}

/** The evidence view of one lesson from its stored progress and the course's rule. */
export function evidenceView(
  kind: LessonKind,
  durationMinutes: number | null,
  rule: { videoSharePercent: number; textMinSeconds: number },
  p: { playedSeconds: number; readSeconds: number } | undefined,
): LessonEvidence {
  const lengthSeconds = kind === LessonKind.Video && durationMinutes ? durationMinutes * 60 : null;
  const played = p?.playedSeconds ?? 0;
  return {
    lengthSeconds,
    playedSeconds: played,
    playedPercent: lengthSeconds ? playedPercent(played, lengthSeconds) : 0,
    neededPercent: kind === LessonKind.Video ? rule.videoSharePercent : null,
    readSeconds: p?.readSeconds ?? 0,
    neededReadSeconds: kind === LessonKind.Text ? rule.textMinSeconds : null,
  };
}

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
      video_share_percent: number;
      text_min_seconds: number;
    }> = await m.query(
      `SELECT id, title, mode, completion_rule, attendance_share, video_share_percent, text_min_seconds
         FROM courses WHERE id = $1`,
      [courseId],
    );
    const lessons = await m.find(Lesson, { where: { courseId }, order: { position: 'ASC' } });
    const progress = await m.find(LessonProgress, { where: { learnerUserId: user.id, courseId } });
    const byLesson = new Map(progress.map((p) => [p.lessonId, p]));
    const rule = { videoSharePercent: course.video_share_percent, textMinSeconds: course.text_min_seconds };
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
          evidence: evidenceView(l.kind, l.durationMinutes, rule, p),
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
        ...rule,
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
   * A report from the lesson page: its position (video) or that it is still open (text), and whether the learner
   * says they have finished. The evidence is checked against the database's clock under a lock on the learner's
   * progress row (evidence.ts); a video completes itself once enough was played, a text lesson when the learner says
   * so after the course's minimum time. Asking to finish before the rule is met is refused (LESSON_NOT_DONE_YET) and
   * changes nothing. A completed lesson stays completed whatever the course's rule becomes later. The course is
   * evaluated (enrolment locked, then counted) in the same transaction as the write that completed its lesson, so
   * two lessons finished at the same moment, on two APIs, complete the course once.
   */
  async progress(user: AuthUser, lessonId: string, dto: ProgressDto): Promise<ProgressResponse> {
    return this.dataSource.transaction(async (m) => {
      const [ctx]: LessonContext[] = await m.query(
        `SELECT l.course_id, l.kind, l.duration_minutes, c.video_share_percent, c.text_min_seconds,
                EXISTS (SELECT 1 FROM enrolments e WHERE e.learner_user_id = $1 AND e.course_id = l.course_id
                           AND e.status = ANY($3)) AS enrolled
           FROM lessons l JOIN courses c ON c.id = l.course_id WHERE l.id = $2`,
        [user.id, lessonId, LEARNING],
      );
      if (!ctx) throw new DomainException(ErrorCode.NotFound, 'No such lesson.');
      if (!ctx.enrolled)
        throw new DomainException(ErrorCode.NotEnrolled, 'Enrol in this course to learn it.');
      if (ctx.kind === LessonKind.Quiz) {
        throw new DomainException(
          ErrorCode.LessonKindMismatch,
          'A quiz is completed by passing it (quiz-attempts).',
        );
      }
      const lengthSeconds =
        ctx.kind === LessonKind.Video && ctx.duration_minutes ? ctx.duration_minutes * 60 : 0;
      if (lengthSeconds > 0 && dto.position !== undefined && dto.position > lengthSeconds) {
        throw DomainException.field(
          ErrorCode.ProgressPositionInvalid,
          'position',
          `The position is past the end of this ${lengthSeconds / 60}-minute video.`,
        );
      }
      await m.query(
        `INSERT INTO lesson_progress (learner_user_id, lesson_id, course_id) VALUES ($1, $2, $3)
         ON CONFLICT (learner_user_id, lesson_id) DO NOTHING`,
        [user.id, lessonId, ctx.course_id],
      );
      // now() is the transaction's start, close to the request's arrival whatever the lock wait below.
      const [row]: ProgressRow[] = await m.query(
        `SELECT position, completed_at, played, read_seconds, last_report_at, now() AS now FROM lesson_progress
          WHERE learner_user_id = $1 AND lesson_id = $2 FOR UPDATE`,
        [user.id, lessonId],
      );
      const before: EvidenceState = {
        position: row.position,
        lastReportAt: row.last_report_at,
        played: row.played,
        readSeconds: row.read_seconds,
      };
      let state = before;
      let credited = 0;
      let met: boolean;
      if (ctx.kind === LessonKind.Video) {
        if (dto.position !== undefined) {
          const report = reportPlayback(before, dto.position, row.now);
          state = report.state;
          credited = report.credited;
        }
        met =
          lengthSeconds > 0 &&
          coveredSeconds(state.played) >= playedNeeded(lengthSeconds, ctx.video_share_percent);
      } else {
        state = reportReading(before, dto.position ?? null, row.now);
        met = dto.completed && state.readSeconds >= ctx.text_min_seconds;
      }
      const evidence = evidenceView(
        ctx.kind,
        ctx.duration_minutes,
        { videoSharePercent: ctx.video_share_percent, textMinSeconds: ctx.text_min_seconds },
        { playedSeconds: coveredSeconds(state.played), readSeconds: state.readSeconds },
      );
      if (dto.completed && !row.completed_at && !met) {
        throw new DomainException(
          ErrorCode.LessonNotDoneYet,
          ctx.kind === LessonKind.Video
            ? `Played ${evidence.playedPercent} % of the ${evidence.neededPercent} % this course asks for.`
            : `Open for ${evidence.readSeconds} s of the ${evidence.neededReadSeconds} s this course asks for.`,
          undefined,
          { evidence },
        );
      }
      const completedNow = !row.completed_at && met;
      // TypeORM answers an UPDATE with [rows, count].
      const [[saved]]: [Array<{ completed_at: Date | null; position: number | null }>, number] =
        await m.query(
          `UPDATE lesson_progress
            SET position = $3, played = $4::jsonb, played_seconds = $5, read_seconds = $6, last_report_at = $7,
                completed_at = CASE WHEN completed_at IS NULL AND $8::boolean THEN $7 ELSE completed_at END,
                updated_at = now()
          WHERE learner_user_id = $1 AND lesson_id = $2
          RETURNING completed_at, position`,
          [
            user.id,
            lessonId,
            state.position,
            JSON.stringify(state.played),
            coveredSeconds(state.played),
            state.readSeconds,
            state.lastReportAt,
            completedNow,
          ],
        );
      // A lesson that is done, newly or again on request, has the course checked under the enrolment's lock.
      const courseCompleted =
        completedNow || (dto.completed && saved.completed_at !== null)
          ? await this.evaluateCourse(m, user.id, ctx.course_id)
          : false;
      return {
        lessonId,
        completed: saved.completed_at !== null,
        completedAt: saved.completed_at?.toISOString() ?? null,
        position: saved.position,
        evidence,
        credited,
        courseCompleted,
      };
    });
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
