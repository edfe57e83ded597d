import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { ProviderKind, ProviderStatus } from '@cll/domain';
import { Township } from '../geo/geo.entities.js';
import { User } from '../people/people.entities.js';

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
  contactName: string | null;

  @Column({ type: 'text', nullable: true })
  contactPhone: string | null;

  /** The account that applied; it becomes the provider's first administrator on approval. */
  @Column({ type: 'uuid', nullable: true })
  applicantUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'applicant_user_id' })
  applicant?: Relation<User>;

  /** The bureau's reason for a rejection or a suspension, shown to the provider. */
  @Column({ type: 'text', nullable: true })
  decisionReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  decidedByUserId: string | null;

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

/**
 * An invitation to join a provider's staff (sent by its administrator) or an enterprise's accounts (sent by a school
 * or the enterprise's administrator). Accepted once, by the invited contact.
 */
@Entity('invitations')
@Check(
  'chk_invitations_role',
  `role IN ('provider_staff','provider_admin','enterprise_mentor','enterprise_admin')`,
)
@Check(
  'chk_invitations_scope',
  `(role IN ('provider_staff','provider_admin') AND provider_id IS NOT NULL AND enterprise_id IS NULL)
   OR (role IN ('enterprise_mentor','enterprise_admin') AND enterprise_id IS NOT NULL AND provider_id IS NULL)`,
)
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  providerId: string | null;

  @ManyToOne(() => Provider, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'provider_id' })
  provider?: Provider;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  enterpriseId: string | null;

  @ManyToOne(() => Enterprise, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enterprise_id' })
  enterprise?: Enterprise;

  /** Lower-cased e-mail or mobile number of the invitee. */
  @Column({ type: 'text' })
  contact: string;

  @Column({ type: 'text' })
  role: InvitationRole;

  /** Unguessable code in the invitation link. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'uuid' })
  invitedByUserId: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acceptedByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

export type InvitationRole = 'provider_staff' | 'provider_admin' | 'enterprise_mentor' | 'enterprise_admin';
