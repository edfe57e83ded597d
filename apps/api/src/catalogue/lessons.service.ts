import { Injectable } from '@nestjs/common';
import { ErrorCode, LessonKind } from '@cll/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { Lesson } from './catalogue.entities.js';
import type { LessonDto, LessonResponse, UpdateLessonDto } from './dto/lesson.dto.js';
import { assertCourseEditable, OfferAccess } from './offer-access.service.js';
import { toLessonResponse } from './offer.queries.js';
import { quizProblems } from './publish-rules.js';

type LessonContent = Pick<Lesson, 'kind' | 'body' | 'videoUrl' | 'quiz'>;

/** A lesson keeps only the content of its kind; the content its kind needs must be there and make sense. */
function content(kind: LessonKind, dto: Partial<LessonDto>, current?: Lesson): LessonContent {
  const duration =
    dto.durationMinutes !== undefined ? dto.durationMinutes : (current?.durationMinutes ?? null);
  const body = dto.body !== undefined ? dto.body : (current?.body ?? null);
  const videoUrl = dto.videoUrl !== undefined ? dto.videoUrl : (current?.videoUrl ?? null);
  const quiz = dto.quiz !== undefined ? dto.quiz : (current?.quiz ?? null);
  const missing =
    (kind === LessonKind.Text && !body?.trim() && 'body') ||
    (kind === LessonKind.Video && !videoUrl && 'videoUrl') ||
    (kind === LessonKind.Quiz && !quiz && 'quiz') ||
    // The share a learner must play is measured against it.
    (kind === LessonKind.Video && !duration && 'durationMinutes');
  if (missing) {
    throw DomainException.field(
      ErrorCode.LessonContentRequired,
      missing,
      `A ${kind} lesson needs its ${missing}.`,
    );
  }
  if (kind === LessonKind.Quiz && quiz) {
    const problems = quizProblems(quiz);
    if (problems.length)
      throw new DomainException(ErrorCode.QuizInvalid, 'Some quiz answers cannot be right.', problems);
  }
  return {
    kind,
    body: kind === LessonKind.Text ? body : null,
    videoUrl: kind === LessonKind.Video ? videoUrl : null,
    quiz: kind === LessonKind.Quiz ? quiz : null,
  };
}

@Injectable()
export class LessonsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: OfferAccess,
    private readonly audit: AuditService,
  ) {}

  async create(user: AuthUser, courseId: string, dto: LessonDto): Promise<LessonResponse> {
    return this.dataSource.transaction(async (manager) => {
      // The course row lock serialises concurrent additions, so positions stay 1..n without gaps.
      const course = await this.access.course(manager, user, courseId, true);
      assertCourseEditable(course);
      const [{ next }]: Array<{ next: number }> = await manager.query(
        `SELECT coalesce(max(position), 0) + 1 AS next FROM lessons WHERE course_id = $1`,
        [courseId],
      );
      const lesson = await manager.save(
        manager.create(Lesson, {
          courseId,
          position: next,
          title: dto.title,
          durationMinutes: dto.durationMinutes ?? null,
          required: dto.required ?? true,
          ...content(dto.kind, dto),
        }),
      );
      await this.audit.record(manager, {
        action: 'lesson.created',
        entityType: 'lesson',
        entityId: lesson.id,
        actorUserId: user.id,
      });
      return toLessonResponse(lesson);
    });
  }

  async update(user: AuthUser, id: string, dto: UpdateLessonDto): Promise<LessonResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { lesson, course } = await this.access.lesson(manager, user, id, true);
      assertCourseEditable(course);
      const kind = dto.kind ?? lesson.kind;
      await manager.update(
        Lesson,
        { id },
        {
          ...(dto.title !== undefined ? { title: dto.title } : {}),
          ...(dto.durationMinutes !== undefined ? { durationMinutes: dto.durationMinutes } : {}),
          ...(dto.required !== undefined ? { required: dto.required } : {}),
          ...content(kind, dto, lesson),
        },
      );
      await this.audit.record(manager, {
        action: 'lesson.updated',
        entityType: 'lesson',
        entityId: id,
        actorUserId: user.id,
        details: { fields: Object.keys(dto) },
      });
      return toLessonResponse(await manager.findOneByOrFail(Lesson, { id }));
    });
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { lesson, course } = await this.access.lesson(manager, user, id, true);
      assertCourseEditable(course);
      await manager.delete(Lesson, { id });
      await manager.query(
        `UPDATE lessons SET position = position - 1 WHERE course_id = $1 AND position > $2`,
        [lesson.courseId, lesson.position],
      );
      await this.audit.record(manager, {
        action: 'lesson.deleted',
        entityType: 'lesson',
        entityId: id,
        actorUserId: user.id,
      });
    });
  }

  /** The new order must name every lesson of the course exactly once. */
  async reorder(user: AuthUser, courseId: string, lessonIds: string[]): Promise<LessonResponse[]> {
    return this.dataSource.transaction(async (manager) => {
      const course = await this.access.course(manager, user, courseId, true);
      assertCourseEditable(course);
      const lessons = await manager.find(Lesson, { where: { courseId } });
      const known = new Set(lessons.map((l) => l.id));
      if (
        lessonIds.length !== known.size ||
        new Set(lessonIds).size !== lessonIds.length ||
        !lessonIds.every((l) => known.has(l))
      ) {
        throw DomainException.field(
          ErrorCode.ValidationFailed,
          'lessonIds',
          'Give every lesson of this course exactly once.',
        );
      }
      // The unique (course, position) constraint is deferred, so positions can be swapped in one statement.
      await manager.query(
        `UPDATE lessons l SET position = o.ord FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, ord) WHERE l.id = o.id`,
        [lessonIds],
      );
      await this.audit.record(manager, {
        action: 'lesson.reordered',
        entityType: 'course',
        entityId: courseId,
        actorUserId: user.id,
      });
      return (await manager.find(Lesson, { where: { courseId }, order: { position: 'ASC' } })).map(
        toLessonResponse,
      );
    });
  }
}
