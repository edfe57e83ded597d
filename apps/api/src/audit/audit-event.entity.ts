import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only record of who did what (a trigger refuses UPDATE and DELETE). Never holds personal identifiers. */
@Entity('audit_events')
@Index('idx_audit_events_entity', ['entityType', 'entityId'])
export class AuditEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Index()
  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  /** The signed-in user who acted; null for anonymous actions such as self-registration. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  /** Set when a proxy acted on behalf of a learner. */
  @Column({ type: 'uuid', nullable: true })
  onBehalfOfUserId: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  entityType: string;

  @Column({ type: 'text', nullable: true })
  entityId: string | null;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  @Column({ type: 'jsonb', default: {} })
  details: Record<string, unknown>;
}
