import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../people/people.entities.js';

/** One signed-in device. Access tokens name it (`sid`), so logging out revokes them at once. */
@Entity('auth_sessions')
export class AuthSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  revokedReason: string | null;

  /** When this session passed the second factor (null: password only). */
  @Column({ type: 'timestamptz', nullable: true })
  mfaAt: Date | null;

  /** When the authenticator code was last entered on this session (step-up for the weightiest actions). */
  @Column({ type: 'timestamptz', nullable: true })
  stepUpAt: Date | null;

  /** The browser or app that signed in, as its User-Agent said (cut to 300 characters). */
  @Column({ type: 'text', nullable: true })
  userAgent: string | null;

  /** A coarse place: the network prefix of the address it signed in from (never the full address). */
  @Column({ type: 'text', nullable: true })
  place: string | null;

  /** Sign-in, the last token refresh or code entry. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastUsedAt: Date;
}

/**
 * Refresh tokens, stored as SHA-256 hashes. Each is used once: using it issues the next one.
 * Presenting a used token again revokes the whole session (it was stolen or replayed).
 */
@Entity('refresh_tokens')
export class RefreshToken {
  @PrimaryColumn({ type: 'char', length: 64 })
  tokenHash: string;

  @Index()
  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => AuthSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: AuthSession;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  /** Hash of the token its first use issued: a duplicate request within the leeway gets that same token back. */
  @Column({ type: 'char', length: 64, nullable: true })
  successorHash: string | null;

  /**
   * The successor token, AES-256-GCM sealed under a key derived from this (unhashed) token: only a holder of this
   * token can read it, and the database alone gives nothing away.
   */
  @Column({ type: 'text', nullable: true })
  successorSealed: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** Fixed-window counters for rate limits, shared by every API process. */
@Entity('rate_limit_buckets')
export class RateLimitBucket {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @PrimaryColumn({ type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'integer', default: 0 })
  hits: number;
}

/**
 * Failed sign-ins per (account, address) pair: each pair gets a few free tries, then waits that double with each
 * failure. The account key is a hash, so the table holds no mobile numbers or e-mail addresses. Distinct addresses
 * failing on one account tell whether it is being sprayed.
 */
@Entity('login_failures')
@Index('idx_login_failures_account', ['accountKey', 'lastFailedAt'])
export class LoginFailure {
  @PrimaryColumn({ type: 'char', length: 64 })
  accountKey: string;

  @PrimaryColumn({ type: 'text' })
  address: string;

  @Column({ type: 'integer' })
  failures: number;

  @Column({ type: 'timestamptz' })
  lastFailedAt: Date;
}
