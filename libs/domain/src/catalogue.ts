/** The offer: providers publish programmes, courses, lessons and sessions. */

export enum ProviderKind {
  VocationalSchool = 'vocational_school',
  CommunityCollege = 'community_college',
  ElderlyUniversity = 'elderly_university',
  TrainingCentre = 'training_centre',
  OpenUniversity = 'open_university',
}
export const PROVIDER_KINDS = Object.values(ProviderKind);

export enum ProviderStatus {
  Pending = 'pending',
  Approved = 'approved',
  Rejected = 'rejected',
  Suspended = 'suspended',
}
export const PROVIDER_STATUSES = Object.values(ProviderStatus);

export enum ProgrammeKind {
  VocationalSkill = 'vocational_skill',
  Community = 'community',
  Elderly = 'elderly',
  Academic = 'academic',
  Apprenticeship = 'apprenticeship',
}
export const PROGRAMME_KINDS = Object.values(ProgrammeKind);

export enum CourseCategory {
  CommunityLife = 'community_life',
  CultureArts = 'culture_arts',
  Health = 'health',
  DigitalSkills = 'digital_skills',
  VocationalSkills = 'vocational_skills',
  Agriculture = 'agriculture',
  Academic = 'academic',
  FamilyEducation = 'family_education',
}
export const COURSE_CATEGORIES = Object.values(CourseCategory);

export enum CourseMode {
  Online = 'online',
  Offline = 'offline',
  Blended = 'blended',
}
export const COURSE_MODES = Object.values(CourseMode);

export enum CourseStatus {
  Draft = 'draft',
  Published = 'published',
  Archived = 'archived',
}
export const COURSE_STATUSES = Object.values(CourseStatus);

export enum LessonKind {
  Text = 'text',
  Video = 'video',
  Quiz = 'quiz',
}
export const LESSON_KINDS = Object.values(LessonKind);

export enum QuestionKind {
  Single = 'single',
  Multiple = 'multiple',
}
export const QUESTION_KINDS = Object.values(QuestionKind);

/** 国家职业分类大典 occupation code, e.g. 6-31-01-03 (major-middle-minor-detail). */
export const OCCUPATION_CODE_PATTERN = /^\d-\d{2}-\d{2}-\d{2}$/;

/** A course is "for 60+" when it has no upper age limit below 60 and no lower limit above 60. */
export const ELDERLY_AGE = 60;

export enum EnrolmentStatus {
  Waitlisted = 'waitlisted',
  Enrolled = 'enrolled',
  Completed = 'completed',
  Withdrawn = 'withdrawn',
  Failed = 'failed',
}
export const ENROLMENT_STATUSES = Object.values(EnrolmentStatus);

export enum EnrolmentSource {
  Self = 'self',
  Staff = 'staff',
  Proxy = 'proxy',
  Roster = 'roster',
}

/** How a course is completed: all required lessons (quizzes passed), a share of the class dates attended, or both. */
export enum CompletionRule {
  Lessons = 'lessons',
  Attendance = 'attendance',
  Both = 'both',
}
export const COMPLETION_RULES = Object.values(CompletionRule);
