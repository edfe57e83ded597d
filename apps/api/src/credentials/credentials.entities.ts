import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ApprenticeshipAgreement } from '../apprenticeship/apprenticeship.entities.js';
import { Enrolment } from '../enrolment/enrolment.entity.js';
import { User } from '../people/people.entities.js';

/**
 * The lifelong learning record (终身学习档案): append-only (a trigger refuses UPDATE and DELETE), one entry per
 * completion, whatever the provider. Course, provider and figures are copied so the entry never changes later.
 */
@Entity('learning_records')
@Check('chk_learning_records_source', `num_nonnulls(enrolment_id, agreement_id) = 1`)
@Index('idx_learning_records_provider_completed', ['providerId', 'completedOn', 'id'])
export class LearningRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  learnerUserId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'learner_user_id' })
  learner?: User;

  /** The completed enrolment, or (for an apprenticeship) the completed agreement. */
  @Index({ unique: true })
  @Column({ type: 'uuid', nullable: true })
  enrolmentId: string | null;

  @OneToOne(() => Enrolment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Enrolment;

  @Index({ unique: true })
  @Column({ type: 'uuid', nullable: true })
  agreementId: string | null;

  @ManyToOne(() => ApprenticeshipAgreement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: ApprenticeshipAgreement;

  @Column({ type: 'uuid', nullable: true })
  courseId: string | null;

  @Column({ type: 'uuid' })
  providerId: string;

  @Column({ type: 'text' })
  courseTitle: string;

  @Column({ type: 'text' })
  providerName: string;

  @Column({ type: 'text' })
  category: string;

  @Column({ type: 'numeric', precision: 6, scale: 1 })
  hours: string;

  @Column({ type: 'numeric', precision: 5, scale: 1 })
  credits: string;

  @Column({ type: 'date' })
  completedOn: string;

  /** How completion was established: lessons, attendance, or a staff decision, with its figures. */
  @Column({ type: 'jsonb' })
  evidence: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity('certificates')
@Check('chk_certificates_source', `num_nonnulls(enrolment_id, agreement_id) = 1`)
@Check('chk_certificates_revocation', `(revoked_at IS NULL) = (revocation_reason IS NULL)`)
export class Certificate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'uuid', nullable: true })
  enrolmentId: string | null;

  @Index({ unique: true })
  @Column({ type: 'uuid', nullable: true })
  agreementId: string | null;

  @Index()
  @Column({ type: 'uuid' })
  learnerUserId: string;

  @Index({ unique: true })
  @Column({ type: 'text' })
  number: string;

  @Index({ unique: true })
  @Column({ type: 'text' })
  verificationCode: string;

  @Column({ type: 'text' })
  holderName: string;

  @Column({ type: 'uuid' })
  recordId: string;

  @Column({ type: 'timestamptz' })
  issuedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  revocationReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  revokedByUserId: string | null;

  /** This certificate's bit in the Bitstring Status List (revocation), from credential_status_index_seq. */
  @Index({ unique: true })
  @Column({ type: 'integer', default: () => `nextval('credential_status_index_seq')` })
  statusIndex: number;

  /** Salt of the holder's hashed account id inside the credential (public, as Open Badges requires). */
  @Column({ type: 'text', default: () => `replace((gen_random_uuid()), '-', '')` })
  holderSalt: string;

  /** The signed OpenBadgeCredential (compact JWS, VC-JOSE-COSE); null only for certificates issued before signing. */
  @Column({ type: 'text', nullable: true, select: false })
  credentialJws: string | null;

  /** Id (RFC 7638 thumbprint) of the key that signed credentialJws. */
  @Column({ type: 'text', nullable: true })
  signingKeyId: string | null;

  @Column({ type: 'bytea', nullable: true, select: false })
  pdf: Buffer | null;

  @Column({ type: 'timestamptz', nullable: true })
  pdfGeneratedAt: Date | null;

  /** Why the PDF could not be made yet (for example `font_missing`); cleared when it is made. */
  @Column({ type: 'text', nullable: true })
  pdfProblem: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  pdfProblemAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * Every public key the platform has signed credentials with. The private key lives only in configuration; its public
 * half is added here the first time it signs, so after a rotation the old key stays published and old credentials
 * still verify.
 */
@Entity('credential_signing_keys')
export class CredentialSigningKey {
  /** RFC 7638 JWK thumbprint of the public key. */
  @PrimaryColumn({ type: 'text' })
  kid: string;

  /** The public JWK (kty OKP, crv Ed25519, x). */
  @Column({ type: 'jsonb' })
  publicJwk: Record<string, string>;

  @CreateDateColumn({ type: 'timestamptz' })
  firstUsedAt: Date;
}
