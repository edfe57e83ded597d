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

export enum ProviderKind {
  VocationalSchool = 'vocational_school',
  CommunityCollege = 'community_college',
  ElderlyUniversity = 'elderly_university',
  TrainingCentre = 'training_centre',
  OpenUniversity = 'open_university',
}

export enum ProviderStatus {
  Pending = 'pending',
  Approved = 'approved',
  Rejected = 'rejected',
  Suspended = 'suspended',
}

@Entity('providers')
@Check(
  'chk_providers_kind',
  `kind IN ('vocational_school','community_college','elderly_university','training_centre','open_university')`,
)
@Check('chk_providers_status', `status IN ('pending','approved','rejected','suspended')`)
export class Provider {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: ProviderKind;

  @Index()
  @Column({ type: 'char', length: 12 })
  townshipCode: string;

  @ManyToOne(() => Township, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'township_code' })
  township?: Township;

  @Column({ type: 'text', default: 'pending' })
  status: ProviderStatus;

  @Column({ type: 'text', nullable: true })
  contactPhone: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** An enterprise taking part in apprenticeships; identified by its unified social credit code. */
@Entity('enterprises')
export class Enterprise {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Index({ unique: true })
  @Column({ type: 'char', length: 18 })
  creditCode: string;

  @Column({ type: 'text' })
  industry: string;

  @Index()
  @Column({ type: 'char', length: 12 })
  townshipCode: string;

  @ManyToOne(() => Township, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'township_code' })
  township?: Township;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
