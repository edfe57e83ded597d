import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type {
  AgreementEventType,
  AgreementParty,
  AgreementState,
  ApprenticeshipScheme,
  AssessmentKind,
  AssessmentResult,
  LogStatus,
  TrainingSetting,
  WithdrawalReason,
} from '@cll/domain';
import { Programme } from '../catalogue/catalogue.entities.js';
import { Enterprise, Provider } from '../organisations/organisation.entities.js';
import { User } from '../people/people.entities.js';

/**
 * A tri-party apprenticeship agreement (学徒培养协议): school, enterprise and apprentice, with a guardian when the
 * apprentice is under 18 at the start. The row holds the current terms; every version is kept in
 * `apprenticeship_agreement_versions`, and the state comes only from `apprenticeship_events`.
 */
@Entity('apprenticeship_agreements')
@Check('chk_agreements_scheme', `scheme IN ('modern','enterprise_new')`)
@Check('chk_agreements_dates', `planned_end_date > start_date`)
@Check('chk_agreements_hours', `planned_school_hours >= 0 AND planned_workplace_hours >= 0`)
export class ApprenticeshipAgreement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  scheme: ApprenticeshipScheme;

  @Index()
  @Column({ type: 'uuid' })
  providerId: string;

  @ManyToOne(() => Provider, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id' })
  provider?: Relation<Provider>;

  @Index()
  @Column({ type: 'uuid' })
  enterpriseId: string;

  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id' })
  enterprise?: Relation<Enterprise>;

  @Index()
  @Column({ type: 'uuid' })
  apprenticeUserId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'apprentice_user_id' })
  apprentice?: Relation<User>;

  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => Programme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id' })
  programme?: Relation<Programme>;

  /** 国家职业分类大典 code of the occupation trained for. */
  @Column({ type: 'text', nullable: true })
  occupationCode: string | null;

  @Column({ type: 'text' })
  occupationName: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  schoolMentorUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_mentor_user_id' })
  schoolMentor?: Relation<User>;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  enterpriseMentorUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_mentor_user_id' })
  enterpriseMentor?: Relation<User>;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date' })
  plannedEndDate: string;

  @Column({ type: 'int' })
  plannedSchoolHours: number;

  @Column({ type: 'int' })
  plannedWorkplaceHours: number;

  @Column({ type: 'text', nullable: true })
  guardianName: string | null;

  @Column({ type: 'text', nullable: true })
  guardianRelationship: string | null;

  @Column({ type: 'varchar', length: 11, nullable: true })
  guardianMobile: string | null;

  /** The current version; confirmations count only for this one. */
  @Column({ type: 'int', default: 1 })
  version: number;

  /** The agreement this one continues after a transfer to another enterprise. */
  @Index({ unique: true, where: 'predecessor_id IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  predecessorId: string | null;

  @ManyToOne(() => ApprenticeshipAgreement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'predecessor_id' })
  predecessor?: Relation<ApprenticeshipAgreement>;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** The terms of each version exactly as the parties were asked to confirm them. */
@Entity('apprenticeship_agreement_versions')
export class AgreementVersion {
  @PrimaryColumn({ type: 'uuid' })
  agreementId: string;

  @PrimaryColumn({ type: 'int' })
  version: number;

  @ManyToOne(() => ApprenticeshipAgreement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: Relation<ApprenticeshipAgreement>;

  @Column({ type: 'jsonb' })
  terms: Record<string, unknown>;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** One party's confirmation of one version. The guardian's consent is recorded by the school from the signed form. */
@Entity('apprenticeship_confirmations')
@Unique('uq_confirmations_party', ['agreementId', 'version', 'party'])
@Check('chk_confirmations_party', `party IN ('school','enterprise','apprentice','guardian')`)
export class AgreementConfirmation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => ApprenticeshipAgreement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: Relation<ApprenticeshipAgreement>;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'text' })
  party: AgreementParty;

  @Column({ type: 'uuid' })
  confirmedByUserId: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  confirmedAt: Date;
}

/**
 * Append-only history of an agreement (a trigger refuses UPDATE and DELETE). `state_after` is the state the event
 * leads to, effective from `effective_date`; the state on any date is the last such event (by `seq`) in effect then.
 */
@Entity('apprenticeship_events')
@Check(
  'chk_events_type',
  `type IN ('drafted','amended','confirmed','activated','paused','resumed','withdrawn','transferred','completed')`,
)
@Check(
  'chk_events_state',
  `state_after IS NULL OR state_after IN ('pending','active','paused','withdrawn','transferred','completed')`,
)
@Index('idx_events_agreement_seq', ['agreementId', 'seq'])
export class AgreementEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  seq: string;

  @Column({ type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => ApprenticeshipAgreement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: Relation<ApprenticeshipAgreement>;

  @Column({ type: 'text' })
  type: AgreementEventType;

  @Column({ type: 'text', nullable: true })
  stateAfter: AgreementState | null;

  @Column({ type: 'date' })
  effectiveDate: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'text', nullable: true })
  reasonCode: WithdrawalReason | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'jsonb', default: {} })
  details: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt: Date;
}

/** The apprentice's record of one ISO week (周记); each setting's hours are signed by that setting's mentor. */
@Entity('apprenticeship_log_weeks')
@Unique('uq_log_weeks_agreement_week', ['agreementId', 'weekStart'])
@Check('chk_log_weeks_monday', `extract(isodow FROM week_start) = 1`)
@Check('chk_log_weeks_workplace', `workplace_hours <= 40`)
@Check(
  'chk_log_weeks_status',
  `school_status IN ('none','submitted','signed','returned') AND workplace_status IN ('none','submitted','signed','returned')`,
)
export class LogWeek {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => ApprenticeshipAgreement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: Relation<ApprenticeshipAgreement>;

  /** Monday of the ISO week. */
  @Column({ type: 'date' })
  weekStart: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'numeric', precision: 4, scale: 1 })
  schoolHours: string;

  @Column({ type: 'numeric', precision: 4, scale: 1 })
  workplaceHours: string;

  @Column({ type: 'text' })
  schoolStatus: LogStatus;

  @Column({ type: 'text' })
  workplaceStatus: LogStatus;

  @Column({ type: 'uuid', nullable: true })
  schoolSignedByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  schoolSignedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  schoolComment: string | null;

  @Column({ type: 'uuid', nullable: true })
  workplaceSignedByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  workplaceSignedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  workplaceComment: string | null;

  @Column({ type: 'timestamptz' })
  submittedAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('apprenticeship_log_days')
@Check('chk_log_days_hours', `school_hours >= 0 AND workplace_hours >= 0 AND workplace_hours <= 8`)
export class LogDay {
  @PrimaryColumn({ type: 'uuid' })
  weekId: string;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @ManyToOne(() => LogWeek, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'week_id' })
  week?: Relation<LogWeek>;

  @Column({ type: 'numeric', precision: 3, scale: 1 })
  schoolHours: string;

  @Column({ type: 'numeric', precision: 3, scale: 1 })
  workplaceHours: string;
}

/** A milestone or the final assessment (出师考核), with its result and assessor. */
@Entity('apprenticeship_assessments')
@Check('chk_assessments_kind', `kind IN ('milestone','final')`)
@Check('chk_assessments_result', `result IN ('passed','failed')`)
@Check('chk_assessments_side', `assessor_side IN ('school','workplace')`)
export class Assessment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => ApprenticeshipAgreement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: Relation<ApprenticeshipAgreement>;

  @Column({ type: 'text' })
  kind: AssessmentKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  result: AssessmentResult;

  @Column({ type: 'date' })
  assessedOn: string;

  @Column({ type: 'uuid' })
  assessorUserId: string;

  @Column({ type: 'text' })
  assessorSide: TrainingSetting;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
