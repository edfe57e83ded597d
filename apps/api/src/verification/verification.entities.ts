import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { User } from '../people/people.entities.js';

export enum CodePurpose {
  LoginStepUp = 'login_step_up',
  PasswordReset = 'password_reset',
  ProxyConsent = 'proxy_consent',
  MobileClaim = 'mobile_claim',
  Registration = 'registration',
}
export const CODE_PURPOSES = Object.values(CodePurpose);

/**
 * One-time codes sent by SMS. Only a keyed hash of the code is kept (6 digits are too few for a plain hash), and of
 * the mobile number (rate limits and matching need no more). Five tries, five minutes, used once.
 */
@Entity('verification_codes')
@Check(
  'chk_verification_codes_purpose',
  `purpose IN ('login_step_up','password_reset','proxy_consent','mobile_claim','registration')`,
)
@Index('idx_verification_codes_mobile', ['mobileHash', 'createdAt'])
export class VerificationCode {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  purpose: CodePurpose;

  @Column({ type: 'char', length: 64 })
  mobileHash: string;

  /** The account the code acts on; null when no account has the number (the answer looks the same). */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'char', length: 64 })
  codeHash: string;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** What the code is about beyond the account: for proxy consent, the proxy who asked. Never a phone number. */
  @Column({ type: 'jsonb', nullable: true })
  context: Record<string, string> | null;

  /** Where the code was asked for from (a step-up signs in that address). */
  @Column({ type: 'text' })
  requestedFrom: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  consumedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
