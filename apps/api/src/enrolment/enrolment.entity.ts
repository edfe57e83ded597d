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
import type { EnrolmentSource, EnrolmentStatus } from '@cll/domain';
import { Course, CourseSession } from '../catalogue/catalogue.entities.js';
import { User } from '../people/people.entities.js';

/**
 * A learner in a session: waitlisted → enrolled → completed | withdrawn | failed. One row per learner and session;
 * a withdrawn learner who enrols again reuses it. Seats are counted on the session row under its lock.
 */
@Entity('enrolments')
@Unique('uq_enrolments_learner_session', ['learnerUserId', 'sessionId'])
@Check('chk_enrolments_status', `status IN ('waitlisted','enrolled','completed','withdrawn','failed')`)
@Check('chk_enrolments_source', `source IN ('self','staff','proxy','roster')`)
@Check('chk_enrolments_proxy_consent', `source <> 'proxy' OR consent_recorded_at IS NOT NULL`)
@Index('idx_enrolments_session_status_queue', ['sessionId', 'status', 'queueNumber'])
export class Enrolment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  learnerUserId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'learner_user_id' })
  learner?: User;

  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => CourseSession, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'session_id' })
  session?: CourseSession;

  @Index()
  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ type: 'text' })
  status: EnrolmentStatus;

  /** Order of arrival at the session (taken under the session's row lock): the waitlist is served in this order. */
  @Column({ type: 'bigint' })
  queueNumber: string;

  @Column({ type: 'text', default: 'self' })
  source: EnrolmentSource;

  /** Staff member or proxy who enrolled the learner. */
  @Column({ type: 'uuid', nullable: true })
  enrolledByUserId: string | null;

  @Column({ type: 'text', nullable: true })
  proxyRelationship: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  consentRecordedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  seatTakenAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  outcomeReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
