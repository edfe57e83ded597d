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

/** 乡镇/街道, identified by its 12-digit statistical division code. */
@Entity('townships')
@Check('chk_townships_code', `code ~ '^[0-9]{9}000$' AND code !~ '000000$'`)
export class Township {
  @PrimaryColumn({ type: 'char', length: 12 })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  nameEn: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** 村/居委会 within a township. */
@Entity('villages')
// A village lies in its township's code range.
@Check(
  'chk_villages_in_township',
  `substr(code, 1, 9) = substr(township_code, 1, 9) AND right(code, 3) <> '000'`,
)
export class Village {
  @PrimaryColumn({ type: 'char', length: 12 })
  code: string;

  @Index()
  @Column({ type: 'char', length: 12 })
  townshipCode: string;

  @ManyToOne(() => Township, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'township_code' })
  township?: Township;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  nameEn: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
