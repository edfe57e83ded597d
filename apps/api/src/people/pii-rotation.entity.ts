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
import { User } from './people.entities.js';

export type PiiRotationStatus = 'running' | 'completed' | 'failed';

/**
 * One run of the personal-data key rotation: re-encrypt every ID number with the newest encryption key and re-hash
 * it with the newest hash key, in batches. Progress is kept here (each batch commits its rows and the cursor
 * together), so a run cut short resumes where the last committed batch ended. At most one runs at a time.
 */
@Entity('pii_rotations')
@Check('chk_pii_rotations_status', `status IN ('running','completed','failed')`)
@Index('uq_pii_rotations_running', { synchronize: false })
export class PiiRotation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  status: PiiRotationStatus;

  /** The key versions every row ends with. */
  @Column({ type: 'smallint' })
  encryptionVersion: number;

  @Column({ type: 'smallint' })
  hashVersion: number;

  /** Rows that needed rewriting when the run started (and when a later pass found more). */
  @Column({ type: 'integer', default: 0 })
  total: number;

  @Column({ type: 'integer', default: 0 })
  done: number;

  /** The last learner (user id) of the last committed batch of the current pass. */
  @Column({ type: 'uuid', nullable: true })
  cursor: string | null;

  @Column({ type: 'smallint', default: 0 })
  passes: number;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'uuid', nullable: true })
  startedByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'started_by_user_id' })
  startedBy?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
