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
} from 'typeorm';

export type BaselineSource = 'census' | 'sample_survey' | 'yearbook' | 'other';
export type BaselineStatus = 'queued' | 'running' | 'ready' | 'failed';

export interface BaselineRowError {
  line: number;
  /** Every line involved, for problems between lines (two overlapping bands, the bands around a gap). */
  lines?: number[];
  bands?: string[];
  gap?: string;
  field: string;
  code: string;
  message: string;
}

/**
 * A population baseline the bureau imports: residents by township, age band, sex and attainment, with its source
 * and year. The denominators of the rates come from one; several can coexist and each figure names the one it used.
 */
@Entity('population_baselines')
@Check('chk_baselines_source', `source IN ('census','sample_survey','yearbook','other')`)
@Check('chk_baselines_status', `status IN ('queued','running','ready','failed')`)
export class PopulationBaseline {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  source: BaselineSource;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'text', default: 'queued' })
  status: BaselineStatus;

  /** The uploaded file, kept so the import job can run (and rerun) it. */
  @Column({ type: 'text', select: false })
  csv: string;

  @Column({ type: 'int' })
  totalRows: number;

  @Column({ type: 'int', default: 0 })
  processedRows: number;

  /** Every row problem found (up to the first 1,000); one is enough to import nothing. */
  @Column({ type: 'jsonb', default: [] })
  errors: BaselineRowError[];

  @Column({ type: 'bigint', nullable: true })
  population: string | null;

  @Column({ type: 'uuid' })
  uploadedByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}

@Entity('population_cells')
@Check('chk_population_cells_count', `count >= 0`)
@Check('chk_population_cells_band', `age_from >= 0 AND (age_to IS NULL OR age_to >= age_from)`)
export class PopulationCell {
  @PrimaryColumn({ type: 'uuid' })
  baselineId: string;

  @PrimaryColumn({ type: 'char', length: 12 })
  townshipCode: string;

  @PrimaryColumn({ type: 'smallint' })
  ageFrom: number;

  @PrimaryColumn({ type: 'text' })
  sex: string;

  @PrimaryColumn({ type: 'text' })
  attainment: string;

  @ManyToOne(() => PopulationBaseline, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'baseline_id' })
  baseline?: Relation<PopulationBaseline>;

  /** Inclusive; null for the open top band (100+). */
  @Column({ type: 'smallint', nullable: true })
  ageTo: number | null;

  @Column({ type: 'int' })
  count: number;
}

/** The bureau's target for an indicator in a year (the action plan's figures). */
@Entity('indicator_targets')
export class IndicatorTarget {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'numeric', precision: 14, scale: 4 })
  value: string;

  @Column({ type: 'uuid' })
  setByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  setAt: Date;
}

/** A reporting year: open (figures provisional, recomputed) or closed (a frozen snapshot). */
@Entity('indicator_periods')
@Check('chk_indicator_periods_status', `status IN ('open','closed')`)
export class IndicatorPeriod {
  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'text', default: 'open' })
  status: 'open' | 'closed';

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  closedByUserId: string | null;
}

/**
 * Computed figures of a year. `provisional` rows are replaced by each recomputation; a `frozen` row is written once
 * when the period closes and never changes (a trigger refuses it), so later data shows as a restatement beside it.
 */
@Entity('indicator_snapshots')
@Check('chk_indicator_snapshots_kind', `kind IN ('provisional','frozen')`)
@Index('uq_indicator_snapshots_year_kind', ['year', 'kind'], { unique: true })
export class IndicatorSnapshot {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'text' })
  kind: 'provisional' | 'frozen';

  @Column({ type: 'uuid', nullable: true })
  baselineId: string | null;

  /** The whole result as computed, stored as text so a frozen snapshot stays byte-identical. */
  @Column({ type: 'text' })
  results: string;

  @Column({ type: 'char', length: 64 })
  checksum: string;

  @Column({ type: 'timestamptz' })
  computedAt: Date;
}
