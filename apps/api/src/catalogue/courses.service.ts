import { Injectable } from '@nestjs/common';
import { CourseStatus, ErrorCode, Role } from '@cll/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { Provider } from '../organisations/organisation.entities.js';
import { assertProviderMember, inBureauScope } from '../organisations/provider-access.js';
import { Course, CourseSession, Lesson, Programme } from './catalogue.entities.js';
import type { CourseDetail, CourseDto, CourseSummary, UpdateCourseDto } from './dto/course.dto.js';
import { assertCourseEditable, OfferAccess } from './offer-access.service.js';
import { indexWords } from './search/index-words.js';
import { querySessions, toLessonResponse } from './offer.queries.js';
import { assertProviderApproved, queryProgramme } from './programmes.service.js';
import { publishProblems } from './publish-rules.js';
import { ruleForMode } from '../learning/completion-rule.js';

function assertAges(minAge: number | null | undefined, maxAge: number | null | undefined): void {
  if (minAge != null && maxAge != null && minAge > maxAge) {
    throw DomainException.field(
      ErrorCode.ValidationFailed,
      'maxAge',
      'The upper age limit is below the lower one.',
    );
  }
}

@Injectable()
export class CoursesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: OfferAccess,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /** The provider dashboard: every course with its state, sessions and enrolments. */
  dashboard(user: AuthUser, providerId: string): Promise<CourseSummary[]> {
    assertProviderMember(user, providerId);
    return this.dataSource.query(
      `SELECT c.id, c.programme_id AS "programmeId", p.title AS "programmeTitle", c.title, c.category, c.mode, c.status,
              (SELECT count(*)::int FROM lessons l WHERE l.course_id = c.id) AS "lessonCount",
              count(s.id)::int AS "sessionCount", coalesce(sum(s.capacity), 0)::int AS capacity,
              coalesce(sum(s.enrolled_count), 0)::int AS "enrolledCount",
              min(s.starts_at) FILTER (WHERE s.starts_at > now()) AS "nextSessionStartsAt",
              c.unpublished_reason AS "unpublishedReason", c.updated_at AS "updatedAt"
         FROM courses c JOIN programmes p ON p.id = c.programme_id
         LEFT JOIN course_sessions s ON s.course_id = c.id
        WHERE c.provider_id = $1
        GROUP BY c.id, p.title
        ORDER BY c.status = 'archived', c.updated_at DESC`,
      [providerId],
    );
  }

  async create(user: AuthUser, dto: CourseDto): Promise<CourseDetail> {
    assertAges(dto.minAge, dto.maxAge);
    const id = await this.dataSource.transaction(async (manager) => {
      const programme = await this.access.programme(manager, user, dto.programmeId);
      await assertProviderApproved(manager, programme.providerId);
      const course = await manager.save(
        manager.create(Course, {
          ...dto,
          providerId: programme.providerId,
          titleEn: dto.titleEn || null,
          studyHours: String(dto.studyHours),
          credits: String(dto.credits),
          minAge: dto.minAge ?? null,
          maxAge: dto.maxAge ?? null,
          status: CourseStatus.Draft,
          completionRule: ruleForMode(dto.mode),
          searchWords: indexWords(dto.title),
        }),
      );
      await this.audit.record(manager, {
        action: 'course.created',
        entityType: 'course',
        entityId: course.id,
        actorUserId: user.id,
      });
      return course.id;
    });
    return this.detailOf(this.dataSource.manager, id);
  }

  async detail(user: AuthUser, id: string): Promise<CourseDetail> {
    await this.access.course(this.dataSource.manager, user, id);
    return this.detailOf(this.dataSource.manager, id);
  }

  async update(user: AuthUser, id: string, dto: UpdateCourseDto): Promise<CourseDetail> {
    await this.dataSource.transaction(async (manager) => {
      const course = await this.access.course(manager, user, id, true);
      assertCourseEditable(course);
      assertAges(
        dto.minAge !== undefined ? dto.minAge : course.minAge,
        dto.maxAge !== undefined ? dto.maxAge : course.maxAge,
      );
      const { studyHours, credits, ...rest } = dto;
      await manager.update(
        Course,
        { id },
        {
          ...rest,
          ...(rest.mode !== undefined ? { completionRule: ruleForMode(rest.mode) } : {}),
          ...(rest.title !== undefined ? { searchWords: indexWords(rest.title) } : {}),
          ...(studyHours !== undefined ? { studyHours: String(studyHours) } : {}),
          ...(credits !== undefined ? { credits: String(credits) } : {}),
        },
      );
      await this.audit.record(manager, {
        action: 'course.updated',
        entityType: 'course',
        entityId: id,
        actorUserId: user.id,
        details: { fields: Object.keys(dto) },
      });
    });
    return this.detailOf(this.dataSource.manager, id);
  }

  /** Checks every publishing rule at once and lists all problems, so the provider can fix them in one go. */
  async publish(user: AuthUser, id: string): Promise<CourseDetail> {
    await this.dataSource.transaction(async (manager) => {
      const course = await this.access.course(manager, user, id, true);
      if (course.status === CourseStatus.Published) return;
      assertCourseEditable(course);
      const [programme, provider, lessonCount, sessions] = await Promise.all([
        manager.findOneByOrFail(Programme, { id: course.programmeId }),
        manager.findOneByOrFail(Provider, { id: course.providerId }),
        manager.countBy(Lesson, { courseId: id }),
        manager.findBy(CourseSession, { courseId: id }),
      ]);
      const problems = publishProblems({
        mode: course.mode,
        providerStatus: provider.status,
        programme,
        lessonCount,
        sessions,
      });
      if (problems.length) {
        throw new DomainException(
          ErrorCode.CourseNotPublishable,
          `The course cannot be published yet: ${problems.map((p) => p.message).join(' ')}`,
          undefined,
          { problems },
        );
      }
      await manager.update(
        Course,
        { id },
        { status: CourseStatus.Published, publishedAt: () => 'now()', unpublishedReason: null },
      );
      await this.audit.record(manager, {
        action: 'course.published',
        entityType: 'course',
        entityId: id,
        actorUserId: user.id,
      });
    });
    return this.detailOf(this.dataSource.manager, id);
  }

  async archive(user: AuthUser, id: string): Promise<CourseDetail> {
    await this.dataSource.transaction(async (manager) => {
      const course = await this.access.course(manager, user, id, true);
      if (course.status === CourseStatus.Archived) return;
      await manager.update(Course, { id }, { status: CourseStatus.Archived });
      await this.audit.record(manager, {
        action: 'course.archived',
        entityType: 'course',
        entityId: id,
        actorUserId: user.id,
      });
    });
    return this.detailOf(this.dataSource.manager, id);
  }

  /** The bureau takes a published course out of the catalogue; the provider's staff are told why. */
  async unpublish(user: AuthUser, id: string, reason: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const course = await manager.findOne(Course, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const provider = course && (await manager.findOneByOrFail(Provider, { id: course.providerId }));
      if (!course || !provider || !inBureauScope(user, provider.townshipCode)) {
        throw new DomainException(ErrorCode.NotFound, 'No such course.');
      }
      if (course.status !== CourseStatus.Published) {
        throw new DomainException(
          ErrorCode.CourseStateInvalid,
          'Only a published course can be unpublished.',
        );
      }
      await manager.update(Course, { id }, { status: CourseStatus.Draft, unpublishedReason: reason });
      const staff: Array<{ user_id: string }> = await manager.query(
        `SELECT DISTINCT user_id FROM role_assignments WHERE provider_id = $1 AND role IN ($2, $3)`,
        [course.providerId, Role.ProviderStaff, Role.ProviderAdmin],
      );
      await this.notifications.notify(
        manager,
        staff.map((s) => s.user_id),
        'course_unpublished',
        { courseTitle: course.title, reason },
        `course-unpublished:${id}:${Date.now()}`,
      );
      await this.audit.record(manager, {
        action: 'course.unpublished',
        entityType: 'course',
        entityId: id,
        actorUserId: user.id,
        details: { providerId: course.providerId },
      });
    });
  }

  async detailOf(manager: EntityManager, id: string): Promise<CourseDetail> {
    const course = await manager.findOneOrFail(Course, { where: { id }, relations: { provider: true } });
    const [programme, lessons, sessions] = await Promise.all([
      queryProgramme(manager, course.programmeId),
      manager.find(Lesson, { where: { courseId: id }, order: { position: 'ASC' } }),
      querySessions(manager, id, false),
    ]);
    return {
      id: course.id,
      providerId: course.providerId,
      providerName: course.provider?.name ?? '',
      programme,
      title: course.title,
      titleEn: course.titleEn,
      category: course.category,
      mode: course.mode,
      studyHours: Number(course.studyHours),
      credits: Number(course.credits),
      minAge: course.minAge,
      maxAge: course.maxAge,
      description: course.description,
      coverText: course.coverText,
      status: course.status,
      videoSharePercent: course.videoSharePercent,
      textMinSeconds: course.textMinSeconds,
      publishedAt: course.publishedAt?.toISOString() ?? null,
      unpublishedReason: course.unpublishedReason,
      lessons: lessons.map(toLessonResponse),
      sessions,
    };
  }
}
