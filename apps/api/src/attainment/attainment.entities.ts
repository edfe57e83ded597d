import type { AttainmentLevel, AttainmentSource } from '@cll/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { LearningRecord } from '../credentials/credentials.entities.js';
import { Programme } from '../catalogue/catalogue.entities.js';
import { Provider } from '../organisations/organisation.entities.js';
import { User } from '../people/people.entities.js';

const LEVELS = `('none','primary','junior_secondary','senior_secondary','secondary_vocational','junior_college','bachelor','postgraduate')`;

/**
 * One dated change of a resident's highest attainment, with its source. Append-only (a trigger refuses changes):
 * the profile's level is the latest event's, and the indicators read these events, so a later edit of the profile
 * adds an event and never rewrites what a period already counted.
 */
@Entity('attainment_events')
@Check(
  'chk_attainment_events_source',
  `source IN ('registration','backfill','programme_completion','self_declared','staff_correction')`,
)
@Check('chk_attainment_events_after', `attainment_after IN ${LEVELS}`)
@Check('chk_attainment_events_before', `attainment_before IS NULL OR attainment_before IN ${LEVELS}`)
@Check('chk_attainment_events_first', `(source IN ('registration','backfill')) = (attainment_before IS NULL)`)
@Check(
  'chk_attainment_events_reason',
  `source <> 'staff_correction' OR (reason IS NOT NULL AND length(btrim(reason)) > 0 AND actor_user_id IS NOT NULL)`,
)
@Check(
  'chk_attainment_events_programme',
  `(source = 'programme_completion') = (programme_id IS NOT NULL AND learning_record_id IS NOT NULL)`,
)
@Index('uq_attainment_events_first', ['learnerUserId'], {
  unique: true,
  where: `source IN ('registration','backfill')`,
})
@Index('uq_attainment_events_programme', ['learnerUserId', 'programmeId'], {
  unique: true,
  where: `source = 'programme_completion'`,
})
@Index('idx_attainment_events_learner', ['learnerUserId', 'effectiveOn', 'id'])
@Index('idx_attainment_events_source_date', ['source', 'effectiveOn'])
export class AttainmentEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  learnerUserId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'learner_user_id' })
  learner?: User;

  /** The county day the level took effect (a completion's day; the account's creation for the first event). */
  @Column({ type: 'date' })
  effectiveOn: string;

  @Column({ type: 'text' })
  source: AttainmentSource;

  /** The level before the change; null for the first event. */
  @Column({ type: 'text', nullable: true })
  attainmentBefore: AttainmentLevel | null;

  @Column({ type: 'text' })
  attainmentAfter: AttainmentLevel;

  /** The academic programme completed (programme completions only). */
  @Column({ type: 'uuid', nullable: true })
  programmeId: string | null;

  @ManyToOne(() => Programme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id' })
  programme?: Programme;

  /** The learning-record entry of the completion that completed the programme. */
  @Column({ type: 'uuid', nullable: true })
  learningRecordId: string | null;

  @ManyToOne(() => LearningRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'learning_record_id' })
  learningRecord?: LearningRecord;

  /** Why staff corrected the level (required for staff corrections). */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** Who made the change: the learner, a proxy, staff; null for the system (backfill, completions by rule). */
  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  /** The provider on whose behalf staff corrected the level. */
  @Column({ type: 'uuid', nullable: true })
  providerId: string | null;

  @ManyToOne(() => Provider, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id' })
  provider?: Provider;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}
