import { Injectable } from '@nestjs/common';
import { CourseStatus, ErrorCode } from '@cll/domain';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { providerIdsOf } from '../organisations/provider-access.js';
import { Course, CourseSession, Lesson, Programme } from './catalogue.entities.js';

/** Archived courses are kept as they were: nothing in them changes any more. */
export function assertCourseEditable(course: Course): void {
  if (course.status === CourseStatus.Archived) {
    throw new DomainException(ErrorCode.CourseStateInvalid, 'An archived course cannot be changed.');
  }
}

const notFound = () =>
  new DomainException(ErrorCode.NotFound, 'No such programme, course, lesson or session.');

/**
 * Loads a piece of a provider's offer for one of that provider's staff. Anything of another provider answers 404,
 * exactly like something that does not exist.
 */
@Injectable()
export class OfferAccess {
  programme(manager: EntityManager, user: AuthUser, id: string, lock = false): Promise<Programme> {
    return this.owned(manager, user, Programme, id, lock);
  }

  course(manager: EntityManager, user: AuthUser, id: string, lock = false): Promise<Course> {
    return this.owned(manager, user, Course, id, lock);
  }

  /** A lesson with its course, which is locked when `lock` so that concurrent edits of the course queue up. */
  async lesson(
    manager: EntityManager,
    user: AuthUser,
    id: string,
    lock = false,
  ): Promise<{ lesson: Lesson; course: Course }> {
    const lesson = await manager.findOneBy(Lesson, { id });
    if (!lesson) throw notFound();
    return { lesson, course: await this.course(manager, user, lesson.courseId, lock) };
  }

  async session(
    manager: EntityManager,
    user: AuthUser,
    id: string,
    lock = false,
  ): Promise<{ session: CourseSession; course: Course }> {
    const session = await manager.findOne(CourseSession, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' } } : {}),
    });
    if (!session) throw notFound();
    return { session, course: await this.course(manager, user, session.courseId, lock) };
  }

  private async owned<T extends ObjectLiteral & { providerId: string }>(
    manager: EntityManager,
    user: AuthUser,
    entity: EntityTarget<T>,
    id: string,
    lock: boolean,
  ): Promise<T> {
    const row = await manager.findOne(entity, {
      where: { id } as never,
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!row || !providerIdsOf(user).includes(row.providerId)) throw notFound();
    return row;
  }
}
