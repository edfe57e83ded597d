import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Transactional outbox: a job is written here in the same transaction as the change that needs it,
 * then relayed to Bull and marked sent. Redis being down delays jobs; it never loses them.
 */
@Entity('job_outbox')
@Index('idx_job_outbox_pending', ['id'], { where: 'sent_at IS NULL' })
export class OutboxJob {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  queue: string;

  @Column({ type: 'text' })
  name: string;

  /** Deterministic Bull job id: the same change never enqueues twice. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  jobId: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  relayAttempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;
}
