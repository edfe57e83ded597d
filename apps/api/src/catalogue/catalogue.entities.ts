import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type {
  AttainmentLevel,
  CompletionRule,
  CourseCategory,
  CourseMode,
  CourseStatus,
  LessonKind,
  ProgrammeKind,
  QuestionKind,
} from '@cll/domain';
import { Township, Village } from '../geo/geo.entities.js';
import { Provider } from '../organisations/organisation.entities.js';

/** A provider's offer: vocational skill, community, elderly, academic continuing education or apprenticeship. */
@Entity('programmes')
@Check(
  'chk_programmes_kind',
  `kind IN ('vocational_skill','community','elderly','academic','apprenticeship')`,
)
@Check(
  'chk_programmes_occupation_code',
  `occupation_code IS NULL OR occupation_code ~ '^[0-9]-[0-9]{2}-[0-9]{2}-[0-9]{2}$'`,
)
export class Programme {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  providerId: string;

  @ManyToOne(() => Provider, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id' })
  provider?: Provider;

  @Column({ type: 'text' })
  kind: ProgrammeKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** 国家职业分类大典 code; required to publish a vocational programme's courses. */
  @Column({ type: 'text', nullable: true })
  occupationCode: string | null;

  /** For academic (学历) programmes: the attainment level a completion confers. */
  @Column({ type: 'text', nullable: true })
  confersAttainment: AttainmentLevel | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('courses')
@Check(
  'chk_courses_category',
  `category IN ('community_life','culture_arts','health','digital_skills','vocational_skills','agriculture','academic','family_education')`,
)
@Check('chk_courses_mode', `mode IN ('online','offline','blended')`)
@Check(
  'chk_courses_completion',
  `completion_rule IN ('lessons','attendance','both') AND attendance_share > 0 AND attendance_share <= 1`,
)
@Check(
  'chk_courses_evidence',
  `video_share_percent BETWEEN 0 AND 100 AND text_min_seconds BETWEEN 0 AND 7200`,
)
@Check('chk_courses_status', `status IN ('draft','published','archived')`)
@Check('chk_courses_ages', `min_age IS NULL OR max_age IS NULL OR min_age <= max_age`)
@Index('idx_courses_provider_status', ['providerId', 'status'])
// GIN index over search_vector for published courses; created by hand in the CatalogueSearch migration.
@Index('idx_courses_search', { synchronize: false })
export class Course {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Copied from the programme so that scoping checks need no join. */
  @Column({ type: 'uuid' })
  providerId: string;

  @ManyToOne(() => Provider, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id' })
  provider?: Provider;

  @Index()
  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => Programme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id' })
  programme?: Programme;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  titleEn: string | null;

  @Column({ type: 'text' })
  category: CourseCategory;

  @Column({ type: 'text' })
  mode: CourseMode;

  /** 学时 */
  @Column({ type: 'numeric', precision: 6, scale: 1 })
  studyHours: string;

  @Column({ type: 'numeric', precision: 5, scale: 1, default: 0 })
  credits: string;

  @Column({ type: 'smallint', nullable: true })
  minAge: number | null;

  @Column({ type: 'smallint', nullable: true })
  maxAge: number | null;

  /** Markdown. */
  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text', default: '' })
  coverText: string;

  @Column({ type: 'text', default: 'draft' })
  status: CourseStatus;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** lessons | attendance | both; chosen from the mode unless the provider says otherwise. */
  @Column({ type: 'text', default: 'lessons' })
  completionRule: CompletionRule;

  /** Share of held class dates a learner must attend (attendance and both rules). */
  @Column({ type: 'numeric', precision: 3, scale: 2, default: () => '0.8' })
  attendanceShare: string;

  /** Percent of a video lesson's stated length that must have been played before it counts as done. */
  @Column({ type: 'smallint', default: 80 })
  videoSharePercent: number;

  /** Seconds a text lesson must have been open (reported by the page) before it can be marked done. */
  @Column({ type: 'integer', default: 60 })
  textMinSeconds: number;

  /** Set when the bureau takes a course out of the catalogue; shown to the provider. */
  @Column({ type: 'text', nullable: true })
  unpublishedReason: string | null;

  /** Bigram and word lexemes kept by a trigger (see the catalogue search migration); never written by the app. */
  @Column({ type: 'tsvector', select: false, insert: false, update: false, nullable: true })
  searchVector: string | null;

  /** The segmenter's words of the title, computed by the API (catalogue/search/index-words.ts); part of the vector. */
  @Column({ type: 'text', array: true, nullable: true })
  searchWords: string[] | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

export interface QuizQuestion {
  prompt: string;
  kind: QuestionKind;
  options: string[];
  /** Indexes into `options`. Never sent to learners. */
  correct: number[];
}

export interface Quiz {
  /** Percentage of questions to answer right to pass. */
  passMark: number;
  questions: QuizQuestion[];
}

@Entity('lessons')
@Check('chk_lessons_kind', `kind IN ('text','video','quiz')`)
@Check(
  'chk_lessons_content',
  `(kind = 'text' AND body IS NOT NULL) OR (kind = 'video' AND video_url IS NOT NULL) OR (kind = 'quiz' AND quiz IS NOT NULL)`,
)
@Unique('uq_lessons_course_position', ['courseId', 'position'], { deferrable: 'INITIALLY DEFERRED' })
export class Lesson {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  /** 1-based order within the course. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  kind: LessonKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  body: string | null;

  @Column({ type: 'text', nullable: true })
  videoUrl: string | null;

  @Column({ type: 'integer', nullable: true })
  durationMinutes: number | null;

  @Column({ type: 'jsonb', nullable: true })
  quiz: Quiz | null;

  /** Required lessons count towards completion. */
  @Column({ type: 'boolean', default: true })
  required: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A dated class or cohort of a course, online or at a place in the county. */
@Entity('course_sessions')
@Check('chk_course_sessions_dates', `ends_at > starts_at`)
@Check(
  'chk_course_sessions_window',
  `enrolment_closes_at > enrolment_opens_at AND enrolment_closes_at <= ends_at`,
)
@Check(
  'chk_course_sessions_capacity',
  `capacity >= 1 AND enrolled_count >= 0 AND enrolled_count <= capacity AND class_count >= 1`,
)
@Check('chk_course_sessions_place', `online OR (township_code IS NOT NULL AND venue IS NOT NULL)`)
@Check(
  'chk_course_sessions_schedule',
  `cardinality(class_weekdays) BETWEEN 1 AND 7 AND class_weekdays <@ ARRAY[1,2,3,4,5,6,7]::smallint[] AND class_end_time > class_start_time`,
)
@Check('chk_course_sessions_fee', `fee_fen >= 0`)
@Index('idx_course_sessions_course_starts', ['courseId', 'startsAt'])
@Index('idx_course_sessions_starts', ['startsAt'])
export class CourseSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ type: 'text' })
  label: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'integer' })
  capacity: number;

  /** How many times the class meets; the attendance rule counts against it. */
  @Column({ type: 'integer', default: 1 })
  classCount: number;

  /** Kept by enrolment under the session row lock, so capacity holds under any concurrency. */
  @Column({ type: 'integer', default: 0 })
  enrolledCount: number;

  @Column({ type: 'boolean', default: false })
  online: boolean;

  @Index()
  @Column({ type: 'char', length: 12, nullable: true })
  townshipCode: string | null;

  @ManyToOne(() => Township, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'township_code' })
  township?: Township;

  @Column({ type: 'char', length: 12, nullable: true })
  villageCode: string | null;

  @ManyToOne(() => Village, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'village_code' })
  village?: Village;

  @Column({ type: 'text', nullable: true })
  venue: string | null;

  /** Street address of the venue, when the provider gave one. */
  @Column({ type: 'text', nullable: true })
  address: string | null;

  /**
   * The class pattern: ISO weekdays (1 Monday … 7 Sunday) and the county's wall-clock times; the first and last class
   * dates are the dates of startsAt and endsAt. A row inserted without them gets startsAt's weekday and times
   * (trigger in the ClassSchedule migration).
   */
  @Column({ type: 'smallint', array: true })
  classWeekdays: number[];

  /** "HH:MM:SS" as PostgreSQL returns a time. */
  @Column({ type: 'time' })
  classStartTime: string;

  @Column({ type: 'time' })
  classEndTime: string;

  /** In fen (0.01 yuan); 0 is free. */
  @Column({ type: 'integer', default: 0 })
  feeFen: number;

  @Column({ type: 'text', nullable: true })
  contactPhone: string | null;

  @Column({ type: 'timestamptz' })
  enrolmentOpensAt: Date;

  @Column({ type: 'timestamptz' })
  enrolmentClosesAt: Date;

  /** A cancelled session leaves the catalogue; its learners are withdrawn and told why. */
  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
