import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

/** A word residents use and the catalogue's words for it; kept by the bureau (see SynonymsService). */
@Entity('search_synonyms')
@Unique('uq_search_synonyms_term', ['term'])
@Check('chk_search_synonyms_term', `char_length(term) BETWEEN 1 AND 40`)
@Check('chk_search_synonyms_list', `cardinality(synonyms) BETWEEN 1 AND 20`)
export class SearchSynonym {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** In normal form (normaliseText). */
  @Column({ type: 'text' })
  term: string;

  @Column({ type: 'text', array: true })
  synonyms: string[];

  /** Both directions (电商 ⇄ 电子商务), or only from the term (做饭 → 烹调). */
  @Column({ type: 'boolean', default: true })
  twoWay: boolean;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
