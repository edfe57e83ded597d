import {
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
import { User } from '../../people/people.entities.js';

/**
 * An account's authenticator (TOTP, RFC 6238). The shared secret is AES-256-GCM encrypted with the personal-data key;
 * `lastUsedStep` is the 30-second step of the last accepted code, so no code is accepted twice.
 */
@Entity('user_totp')
export class UserTotp {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'bytea' })
  secretEnc: Buffer;

  /** Null while enrolment waits for its first code. */
  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'bigint', nullable: true })
  lastUsedStep: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** One-time recovery codes, kept only as keyed hashes; each is used once. */
@Entity('mfa_recovery_codes')
@Index('uq_mfa_recovery_codes_user_hash', ['userId', 'codeHash'], { unique: true })
export class MfaRecoveryCode {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'char', length: 64 })
  codeHash: string;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
