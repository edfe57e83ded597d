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
import { Township } from '../geo/geo.entities.js';
import { User } from '../people/people.entities.js';
import type { IdDocumentType } from '../proxy/proxy.entities.js';

/**
 * Staff of a township service point, designated by a bureau administrator (and withdrawn by one). They record
 * consent in person, register managed accounts and issue in-person reset codes, for residents of that township only.
 * A withdrawn designation is kept for the record.
 */
@Entity('service_point_staff')
@Check('chk_service_point_staff_withdrawn', '(withdrawn_at IS NULL) = (withdrawn_by_user_id IS NULL)')
@Index('uq_service_point_staff_live', ['userId', 'townshipCode'], {
  unique: true,
  where: 'withdrawn_at IS NULL',
})
export class ServicePointStaff {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_service_point_staff' })
  id: string;

  @Index('IDX_service_point_staff_user')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_service_point_staff_user' })
  user?: User;

  @Column({ type: 'char', length: 12 })
  townshipCode: string;

  @ManyToOne(() => Township, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'township_code', foreignKeyConstraintName: 'FK_service_point_staff_township' })
  township?: Township;

  @Column({ type: 'uuid' })
  designatedByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  designatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  withdrawnByUserId: string | null;
}

/**
 * A one-time reset code a service point gave a resident after checking their ID: only its keyed hash is kept,
 * it expires, and it is used once (five wrong tries end it).
 */
@Entity('in_person_reset_codes')
@Check(
  'chk_in_person_reset_codes_document',
  `document_type IN ('resident_id_card','temporary_id_card','household_register')`,
)
export class InPersonResetCode {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_in_person_reset_codes' })
  id: string;

  @Index('IDX_in_person_reset_codes_user')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_in_person_reset_codes_user' })
  user?: User;

  @Column({ type: 'char', length: 64 })
  codeHash: string;

  @Column({ type: 'uuid' })
  issuedByUserId: string;

  @Column({ type: 'char', length: 12 })
  townshipCode: string;

  @Column({ type: 'text' })
  documentType: IdDocumentType;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
