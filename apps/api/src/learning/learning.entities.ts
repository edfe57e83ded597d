import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Lesson } from '../catalogue/catalogue.entities.js';
import { Enrolment } from '../enrolment/enrolment.entity.js';
import { User } from '../people/people.entities.js';

/** One row per learner and lesson, written with ON CONFLICT so a repeated request changes nothing. */
@Entity('lesson_progress')
export class LessonProgress {
  @PrimaryColumn({ type: 'uuid' })
  learnerUserId: string;

  @PrimaryColumn({ type: 'uuid' })
  lessonId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'learner_user_id' })
  learner?: User;

  @ManyToOne(() => Lesson, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lesson_id' })
  lesson?: Lesson;

  @Index()
  @Column({ type: 'uuid' })
  courseId: string;

  /** Where the learner stopped (seconds into a video, or a scroll position). */
  @Column({ type: 'integer', nullable: true })
  position: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  /** Video: the stretches played in real time, merged, as [from, to) seconds. */
  @Column({ type: 'jsonb', default: [] })
  played: Array<[number, number]>;

  /** Video: seconds of the lesson covered by `played`. */
  @Column({ type: 'integer', default: 0 })
  playedSeconds: number;

  /** Text: seconds the lesson was open, from the gaps between the page's reports. */
  @Column({ type: 'integer', default: 0 })
  readSeconds: number;

  /** Server time of the last report; the next one is checked against it. */
  @Column({ type: 'timestamptz', nullable: true })
  lastReportAt: Date | null;

  @Column({ type: 'smallint', nullable: true })
  bestScore: number | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** Presence at one class date of a session; the primary key makes a repeated roster count once. */
@Entity('attendance')
export class Attendance {
  @PrimaryColumn({ type: 'uuid' })
  enrolmentId: string;

  @PrimaryColumn({ type: 'date' })
  classDate: string;

  @ManyToOne(() => Enrolment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Enrolment;

  @Index()
  @Column({ type: 'uuid' })
  sessionId: string;

  @Column({ type: 'uuid' })
  recordedByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}

/** The dates a session actually met (a roster was taken), whoever was there. */
@Entity('class_dates')
export class ClassDate {
  @PrimaryColumn({ type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ type: 'date' })
  classDate: string;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}

/** Staff uploads of a roster CSV, imported row by row by a Bull job. */
@Entity('roster_imports')
@Check('chk_roster_imports_status', `status IN ('queued','running','done','failed')`)
export class RosterImport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  sessionId: string;

  @Column({ type: 'uuid' })
  uploadedByUserId: string;

  @Column({ type: 'text' })
  csv: string;

  @Column({ type: 'text', default: 'queued' })
  status: 'queued' | 'running' | 'done' | 'failed';

  @Column({ type: 'integer', default: 0 })
  total: number;

  @Column({ type: 'integer', default: 0 })
  processed: number;

  @Column({ type: 'integer', default: 0 })
  enrolled: number;

  @Column({ type: 'integer', default: 0 })
  waitlisted: number;

  @Column({ type: 'jsonb', default: [] })
  rejectedRows: Array<{ line: number; mobile: string; code: string; message: string }>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
