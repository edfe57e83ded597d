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
import { User } from '../people/people.entities.js';

export type ConsentKind = 'privacy_notice' | 'sensitive_id_number';

/**
 * Consents by version and time (PIPL art. 14, 29): agreement to a version of the privacy notice, and the separate
 * consent to process the ID number. Withdrawing sets `withdrawnAt`; a new agreement is a new row.
 */
@Entity('privacy_consents')
@Check('chk_privacy_consents_kind', `kind IN ('privacy_notice','sensitive_id_number')`)
@Index('idx_privacy_consents_user', ['userId', 'kind'])
export class PrivacyConsent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text' })
  kind: ConsentKind;

  /** The notice version shown when the consent was given. */
  @Column({ type: 'text' })
  noticeVersion: string;

  @CreateDateColumn({ type: 'timestamptz' })
  givenAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;
}
