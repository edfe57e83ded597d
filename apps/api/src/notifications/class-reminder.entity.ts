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
} from 'typeorm';
import { CourseSession } from '../catalogue/catalogue.entities.js';
import { Enrolment } from '../enrolment/enrolment.entity.js';
import { User } from '../people/people.entities.js';

export type ReminderSmsStatus = 'pending' | 'sent' | 'failed' | 'none';

/**
 * The reminder the day before a class, one per enrolment and class date: the unique key is what makes a second run
 * of the daily job (or a second worker) send nothing. The SMS state says what became of the text message.
 */
@Entity('class_reminders')
@Unique('uq_class_reminders_enrolment_date', ['enrolmentId', 'classDate'])
@Check('chk_class_reminders_sms', `sms_status IN ('pending','sent','failed','none')`)
@Index('idx_class_reminders_session_date', ['sessionId', 'classDate'])
export class ClassReminder {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  enrolmentId: string;

  @ManyToOne(() => Enrolment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrolment_id', foreignKeyConstraintName: 'FK_class_reminders_enrolment' })
  enrolment?: Enrolment;

  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => CourseSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'FK_class_reminders_session' })
  session?: CourseSession;

  @Column({ type: 'uuid' })
  learnerUserId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'learner_user_id', foreignKeyConstraintName: 'FK_class_reminders_learner' })
  learner?: User;

  @Column({ type: 'date' })
  classDate: string;

  /** pending until the SMS job ran; none when the learner has no mobile; failed after the gateway refused it. */
  @Column({ type: 'text', default: 'pending' })
  smsStatus: ReminderSmsStatus;

  @Column({ type: 'integer', default: 0 })
  smsAttempts: number;

  @Column({ type: 'text', nullable: true })
  smsError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  smsSentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
