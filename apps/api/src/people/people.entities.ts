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
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import type { AttainmentLevel, EmploymentStatus, Role, Sex } from '@cll/domain';
import { Township, Village } from '../geo/geo.entities.js';
// Provider and Enterprise refer back to User: `Relation<>` keeps the circular import lazy.
import { Enterprise, Provider } from '../organisations/organisation.entities.js';

@Entity('users')
@Check(
  'chk_users_contact',
  `status = 'closed' OR mobile IS NOT NULL OR email IS NOT NULL OR account_number IS NOT NULL`,
)
@Check('chk_users_account_number', `account_number IS NULL OR account_number ~ '^[2-9][0-9]{8}$'`)
@Check('chk_users_managed_number', 'NOT managed OR account_number IS NOT NULL')
@Check('chk_users_status', `status IN ('active','disabled','closed')`)
@Check('chk_users_closed', `(status = 'closed') = (closed_at IS NOT NULL)`)
@Check('chk_users_locale', `locale IN ('zh-CN','en')`)
@Check('chk_users_display_mode', `display_mode IN ('standard','elder')`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Index({ unique: true, where: 'mobile IS NOT NULL' })
  @Column({ type: 'varchar', length: 11, nullable: true })
  mobile: string | null;

  /** Stored lower-cased. */
  @Index({ unique: true, where: 'email IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text' })
  passwordHash: string;

  /**
   * Registered for the resident at a service point (no phone of their own, or a mobile given for them and not
   * proven): the account is used through its proxy or service-point staff, gets its password in person, and a
   * mobile it holds can be claimed by the number's real owner by SMS code.
   */
  @Column({ type: 'boolean', default: false })
  managed: boolean;

  /** A 9-digit sign-in number for accounts without a mobile or e-mail of their own (managed accounts). */
  @Index('IDX_users_account_number', { unique: true, where: 'account_number IS NOT NULL' })
  @Column({ type: 'varchar', length: 9, nullable: true })
  accountNumber: string | null;

  /** `closed`: the resident closed the account (PIPL art. 47); its personal fields are erased, the row stays. */
  @Column({ type: 'text', default: 'active' })
  status: 'active' | 'disabled' | 'closed';

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'text', default: 'zh-CN' })
  locale: 'zh-CN' | 'en';

  /** 长辈版 (elder mode) or the standard display, remembered for the account on every device. */
  @Column({ type: 'text', default: 'standard' })
  displayMode: 'standard' | 'elder';

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * A role held by a user, with its scope: provider roles name their provider, a mentor their enterprise,
 * a bureau role may be limited to townships by division-code prefix.
 */
@Entity('role_assignments')
@Check(
  'chk_role_assignments_role',
  `role IN ('learner','provider_staff','provider_admin','enterprise_mentor','enterprise_admin','bureau_analyst','bureau_admin')`,
)
@Check(
  'chk_role_assignments_scope',
  `(role IN ('provider_staff','provider_admin') AND provider_id IS NOT NULL AND enterprise_id IS NULL)
   OR (role IN ('enterprise_mentor','enterprise_admin') AND enterprise_id IS NOT NULL AND provider_id IS NULL)
   OR (role IN ('bureau_analyst','bureau_admin') AND provider_id IS NULL AND enterprise_id IS NULL)
   OR (role = 'learner' AND provider_id IS NULL AND enterprise_id IS NULL AND township_prefix IS NULL)`,
)
@Check('chk_role_assignments_prefix', `township_prefix IS NULL OR township_prefix ~ '^[0-9]{6,12}$'`)
// Unique (user, role, scope) with NULLS NOT DISTINCT; created by hand in a migration.
@Index('uq_role_assignments_scope', { synchronize: false })
export class RoleAssignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text' })
  role: Role;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  providerId: string | null;

  @ManyToOne(() => Provider, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id' })
  provider?: Relation<Provider>;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  enterpriseId: string | null;

  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id' })
  enterprise?: Relation<Enterprise>;

  @Column({ type: 'varchar', length: 12, nullable: true })
  townshipPrefix: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** What a learner tells us about themselves; the denominators of the county's indicators use the same fields. */
@Entity('learner_profiles')
@Check('chk_learner_profiles_sex', `sex IN ('male','female')`)
@Check(
  'chk_learner_profiles_attainment',
  `attainment IN ('none','primary','junior_secondary','senior_secondary','secondary_vocational','junior_college','bachelor','postgraduate')`,
)
@Check(
  'chk_learner_profiles_employment',
  `employment_status IN ('employed','self_employed','farmer','unemployed','student','retired','other')`,
)
@Check(
  'chk_learner_profiles_id_number',
  '(id_number_enc IS NULL) = (id_number_hash IS NULL) AND (id_number_hash IS NULL) = (id_number_masked IS NULL)',
)
@Check(
  'chk_learner_profiles_id_number_version',
  '(id_number_hash IS NULL) = (id_number_hash_version IS NULL)',
)
export class LearnerProfile {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'date' })
  birthDate: string;

  @Column({ type: 'text' })
  sex: Sex;

  @Index()
  @Column({ type: 'char', length: 12 })
  townshipCode: string;

  @ManyToOne(() => Township, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'township_code' })
  township?: Township;

  @Index()
  @Column({ type: 'char', length: 12 })
  villageCode: string;

  @ManyToOne(() => Village, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'village_code' })
  village?: Village;

  @Column({ type: 'text' })
  attainment: AttainmentLevel;

  @Column({ type: 'text' })
  employmentStatus: EmploymentStatus;

  /** AES-256-GCM ciphertext of the resident ID number (key version, IV, tag and data). */
  @Column({ type: 'bytea', nullable: true })
  idNumberEnc: Buffer | null;

  /** HMAC-SHA256 of the normalised number, for matching without decrypting. */
  @Index({ unique: true, where: 'id_number_hash IS NOT NULL' })
  @Column({ type: 'char', length: 64, nullable: true })
  idNumberHash: string | null;

  /** Version of the hash key that made `idNumberHash` (the encryption key's version is the ciphertext's first byte). */
  @Column({ type: 'smallint', nullable: true })
  idNumberHashVersion: number | null;

  @Column({ type: 'varchar', length: 18, nullable: true })
  idNumberMasked: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
