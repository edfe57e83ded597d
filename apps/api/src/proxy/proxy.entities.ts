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
import { User } from '../people/people.entities.js';

/** Identity documents a service point checks; each carries the 18-character resident ID number. */
export type IdDocumentType = 'resident_id_card' | 'temporary_id_card' | 'household_register';
export const ID_DOCUMENT_TYPES: IdDocumentType[] = [
  'resident_id_card',
  'temporary_id_card',
  'household_register',
];

export type ProxyKind = 'family' | 'village_worker' | 'other';
export const PROXY_KINDS: ProxyKind[] = ['family', 'village_worker', 'other'];

/**
 * A resident's confirmed consent that someone acts for them: by a code texted to the resident's mobile (the proxy
 * types in what the resident tells them), or recorded in person by designated staff. Scoped (enrolment only for
 * now) and revocable by either side; a revoked one is kept for the record.
 */
@Entity('proxy_relationships')
@Check('chk_proxy_relationships_kind', `relationship IN ('family','village_worker','other')`)
@Check('chk_proxy_relationships_scope', `scope IN ('enrolment')`)
@Check('chk_proxy_relationships_via', `confirmed_via IN ('sms','in_person')`)
@Check(
  'chk_proxy_relationships_in_person',
  `confirmed_via <> 'in_person' OR (recorded_by_user_id IS NOT NULL AND consent_form_date IS NOT NULL AND consent_document_type IS NOT NULL)`,
)
@Check(
  'chk_proxy_relationships_document',
  `consent_document_type IS NULL OR consent_document_type IN ('resident_id_card','temporary_id_card','household_register')`,
)
@Index('uq_proxy_relationships_live_in_person', ['proxyUserId', 'learnerUserId'], {
  unique: true,
  where: `revoked_at IS NULL AND confirmed_via = 'in_person'`,
})
@Check('chk_proxy_relationships_learner', 'learner_mobile IS NOT NULL OR learner_user_id IS NOT NULL')
@Check('chk_proxy_relationships_not_self', 'learner_user_id IS NULL OR learner_user_id <> proxy_user_id')
@Index('uq_proxy_relationships_live_mobile', ['proxyUserId', 'learnerMobile'], {
  unique: true,
  where: 'revoked_at IS NULL',
})
export class ProxyRelationship {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  proxyUserId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proxy_user_id' })
  proxy?: User;

  /** Null until the resident has an account (the proxy registers them after consent). */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  learnerUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'learner_user_id' })
  learner?: User;

  /** The mobile the consent code went to (proven by the code); null for a resident without a phone. */
  @Index()
  @Column({ type: 'varchar', length: 11, nullable: true })
  learnerMobile: string | null;

  @Column({ type: 'text' })
  relationship: ProxyKind;

  @Column({ type: 'text', default: 'enrolment' })
  scope: 'enrolment';

  @Column({ type: 'text' })
  confirmedVia: 'sms' | 'in_person';

  /** The date on the signed consent form, for consent recorded in person. */
  @Column({ type: 'date', nullable: true })
  consentFormDate: string | null;

  @Column({ type: 'uuid', nullable: true })
  recordedByUserId: string | null;

  /** The identity document staff checked for consent recorded in person (its type only, never its number). */
  @Column({ type: 'text', nullable: true })
  consentDocumentType: IdDocumentType | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  revokedByUserId: string | null;
}
