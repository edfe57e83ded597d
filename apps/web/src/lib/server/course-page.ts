import { renderMarkdown } from '../markdown.js';
import type { CourseViewModel } from '../components/catalogue/course-view-model.js';
import type { Schemas } from '@cll/api-client';

/** The course page's data, from the public catalogue or (for the provider's preview) from the staff view. */

function sessionView(
  s: Schemas['SessionResponse'],
  homeTownship: string | null = null,
): CourseViewModel['sessions'][number] {
  return {
    id: s.id,
    label: s.label,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    online: s.online,
    townshipCode: s.townshipCode,
    townshipName: s.townshipName,
    villageName: s.villageName,
    venue: s.venue,
    address: s.address,
    classWeekdays: s.classWeekdays,
    classStartTime: s.classStartTime,
    classEndTime: s.classEndTime,
    firstClassDate: s.firstClassDate,
    lastClassDate: s.lastClassDate,
    nextClassDate: s.nextClassDate,
    feeFen: s.feeFen,
    contactPhone: s.contactPhone,
    nearby: homeTownship !== null && s.townshipCode === homeTownship,
    seatsLeft: s.seatsLeft,
    enrolmentOpensAt: s.enrolmentOpensAt,
    enrolmentClosesAt: s.enrolmentClosesAt,
    enrolmentOpen: s.enrolmentOpen,
  };
}

/** `homeTownship`: the signed-in resident's own, whose classes the API lists first. */
export function publicCourseView(
  course: Schemas['PublicCourse'],
  homeTownship: string | null = null,
): CourseViewModel {
  return {
    title: course.title,
    titleEn: course.titleEn,
    providerName: course.provider.name,
    providerTownship: course.provider.townshipName,
    category: course.category,
    mode: course.mode,
    studyHours: course.studyHours,
    credits: course.credits,
    minAge: course.minAge,
    maxAge: course.maxAge,
    coverText: course.coverText,
    descriptionHtml: renderMarkdown(course.description),
    programme: { ...course.programme },
    lessons: course.lessons.map((l) => ({ ...l })),
    sessions: course.sessions.map((s) => sessionView(s, homeTownship)),
  };
}

/** As the public would see it: only sessions that have not started yet. */
export function previewCourseView(course: Schemas['CourseDetail'], now = new Date()): CourseViewModel {
  return {
    title: course.title,
    titleEn: course.titleEn,
    providerName: course.providerName,
    providerTownship: null,
    category: course.category,
    mode: course.mode,
    studyHours: course.studyHours,
    credits: course.credits,
    minAge: course.minAge,
    maxAge: course.maxAge,
    coverText: course.coverText,
    descriptionHtml: renderMarkdown(course.description),
    programme: {
      kind: course.programme.kind,
      title: course.programme.title,
      occupationCode: course.programme.occupationCode,
    },
    lessons: course.lessons.map((l) => ({
      position: l.position,
      kind: l.kind,
      title: l.title,
      durationMinutes: l.durationMinutes,
    })),
    sessions: course.sessions.filter((s) => new Date(s.startsAt) > now).map((s) => sessionView(s)),
  };
}
