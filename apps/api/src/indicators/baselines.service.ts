import { Injectable, Logger } from '@nestjs/common';
import {
  bandTilingProblems,
  ATTAINMENT_LEVELS,
  ErrorCode,
  parseAgeBand,
  SEXES,
  type AgeBand,
} from '@cll/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { JobName } from '../jobs/job.constants.js';
import { OutboxService } from '../jobs/outbox.service.js';
import type { BaselineDto, BaselineResponse } from './dto/baseline.dto.js';
import { PopulationBaseline, type BaselineRowError } from './indicators.entities.js';
import { csvLine } from '../common/csv.js';

export const BASELINE_HEADER = 'township_code,age_band,sex,attainment,count';
// About 40 bytes a row: 20,000 rows fit the API's 1 MB body limit (a county of 30 townships in 5-year bands needs
// 30 × 21 × 2 × 8 = 10,080).
const MAX_ROWS = 20_000;
const MAX_ERRORS = 1_000;
const PROGRESS_EVERY = 500;

interface Cell {
  townshipCode: string;
  band: AgeBand;
  sex: string;
  attainment: string;
  count: number;
  line: number;
}

/** Splits the file into lines after checking its header; row checks happen in the job. */
export function baselineLines(csv: string): Array<{ line: number; values: string[] }> {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim().toLowerCase().replace(/\s/g, '') !== BASELINE_HEADER) {
    throw DomainException.field(
      ErrorCode.ImportCsvInvalid,
      'csv',
      `The first line must be the header "${BASELINE_HEADER}".`,
    );
  }
  const rows = lines
    .map((text, i) => ({ line: i + 1, text: text.trim() }))
    .slice(1)
    .filter((r) => r.text !== '')
    .map((r) => ({ line: r.line, values: r.text.split(',').map((v) => v.trim().replace(/^"|"$/g, '')) }));
  if (!rows.length || rows.length > MAX_ROWS) {
    throw DomainException.field(ErrorCode.ImportCsvInvalid, 'csv', `Give between 1 and ${MAX_ROWS} rows.`);
  }
  return rows;
}

const toResponse = (b: PopulationBaseline): BaselineResponse => ({
  id: b.id,
  name: b.name,
  source: b.source,
  year: b.year,
  status: b.status,
  totalRows: b.totalRows,
  processedRows: b.processedRows,
  errorCount: b.errors.length,
  errors: b.errors.slice(0, 50),
  population: b.population === null ? null : Number(b.population),
  createdAt: b.createdAt.toISOString(),
  finishedAt: b.finishedAt?.toISOString() ?? null,
});

/**
 * Population baselines: the bureau uploads a CSV, a Bull job checks every row (known township, a band that tiles
 * 0–100+ with the others, sex, attainment, a whole non-negative count, no duplicate cell) and imports all of it in
 * one transaction or nothing, with a report of every problem.
 */
@Injectable()
export class BaselinesService {
  private readonly logger = new Logger('Baselines');

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async upload(user: AuthUser, dto: BaselineDto): Promise<BaselineResponse> {
    const rows = baselineLines(dto.csv);
    const baseline = await this.dataSource.transaction(async (m) => {
      const created = await m.save(
        m.create(PopulationBaseline, {
          name: dto.name,
          source: dto.source,
          year: dto.year,
          csv: dto.csv,
          totalRows: rows.length,
          uploadedByUserId: user.id,
        }),
      );
      await this.outbox.enqueue(m, JobName.BaselineImport, `baseline-import:${created.id}`, {
        baselineId: created.id,
      });
      await this.audit.record(m, {
        action: 'baseline.uploaded',
        entityType: 'population_baseline',
        entityId: created.id,
        actorUserId: user.id,
        details: { rows: rows.length, source: dto.source, year: dto.year },
      });
      return created;
    });
    return this.one(baseline.id);
  }

  async list(): Promise<BaselineResponse[]> {
    const rows = await this.dataSource
      .getRepository(PopulationBaseline)
      .find({ order: { year: 'DESC', createdAt: 'DESC' }, take: 100 });
    return rows.map(toResponse);
  }

  async one(id: string): Promise<BaselineResponse> {
    const row = await this.dataSource.getRepository(PopulationBaseline).findOneBy({ id });
    if (!row) throw new DomainException(ErrorCode.NotFound, 'No such population baseline.');
    return toResponse(row);
  }

  /** Every problem as CSV (line, field, code, message), for the bureau to correct the file. */
  async errorsCsv(id: string): Promise<string> {
    const row = await this.dataSource.getRepository(PopulationBaseline).findOneBy({ id });
    if (!row) throw new DomainException(ErrorCode.NotFound, 'No such population baseline.');
    return [
      'line,field,code,message\r\n',
      ...row.errors.map((e) => csvLine([e.line, e.field, e.code, e.message])),
    ].join('');
  }

  /** The import job. A rerun (after a crash) starts again from the file: nothing was imported before it ended. */
  async run(baselineId: string): Promise<void> {
    const baseline = await this.dataSource
      .getRepository(PopulationBaseline)
      .findOne({ where: { id: baselineId }, select: { id: true, status: true, csv: true } });
    if (!baseline || baseline.status === 'ready' || baseline.status === 'failed') return;
    await this.dataSource.query(
      `UPDATE population_baselines SET status = 'running', processed_rows = 0 WHERE id = $1`,
      [baselineId],
    );
    const townships = new Set(
      (await this.dataSource.query<Array<{ code: string }>>(`SELECT code FROM townships`)).map((t) => t.code),
    );
    const errors: BaselineRowError[] = [];
    const cells: Cell[] = [];
    const seen = new Set<string>();
    /** Every band written in the file, with its line, whatever else is wrong on the line. */
    const written: Array<{ band: AgeBand; line: number }> = [];
    const rows = baselineLines(baseline.csv);
    for (const [i, { line, values }] of rows.entries()) {
      const problem = (field: string, code: string, message: string) => {
        if (errors.length < MAX_ERRORS) errors.push({ line, field, code, message });
      };
      const [townshipCode = '', bandText = '', sex = '', attainment = '', countText = ''] = values;
      const band = parseAgeBand(bandText);
      if (band && values.length === 5) written.push({ band, line });
      const count = Number(countText);
      if (values.length !== 5) problem('line', 'COLUMNS', `Expected 5 values, found ${values.length}.`);
      else if (!townships.has(townshipCode))
        problem('township_code', 'TOWNSHIP_UNKNOWN', `Unknown township ${townshipCode}.`);
      else if (!band)
        problem('age_band', 'AGE_BAND_INVALID', `"${bandText}" is not an age band such as 15-19 or 100+.`);
      else if (!(SEXES as string[]).includes(sex))
        problem('sex', 'SEX_INVALID', `Sex must be male or female.`);
      else if (!(ATTAINMENT_LEVELS as string[]).includes(attainment)) {
        problem('attainment', 'ATTAINMENT_INVALID', `Unknown attainment level "${attainment}".`);
      } else if (!/^-?\d+$/.test(countText) || count < 0 || count > 10_000_000) {
        problem(
          'count',
          count < 0 ? 'COUNT_NEGATIVE' : 'COUNT_INVALID',
          `The count must be a whole number ≥ 0.`,
        );
      } else {
        const key = `${townshipCode}|${bandText}|${sex}|${attainment}`;
        if (seen.has(key))
          problem('line', 'DUPLICATE', 'The same township, band, sex and attainment appear twice.');
        seen.add(key);
        cells.push({ townshipCode, band, sex, attainment, count, line });
      }
      if ((i + 1) % PROGRESS_EVERY === 0) {
        await this.dataSource.query(`UPDATE population_baselines SET processed_rows = $2 WHERE id = $1`, [
          baselineId,
          i + 1,
        ]);
      }
    }
    for (const p of bandTilingProblems(written)) {
      errors.push({
        line: p.lines[0],
        lines: p.lines,
        bands: p.bands,
        gap: p.gap,
        field: 'age_band',
        code: p.code,
        message: p.message,
      });
    }
    await this.dataSource.transaction(async (m) => {
      if (errors.length) {
        await m.query(
          `UPDATE population_baselines SET status = 'failed', processed_rows = $2, errors = $3, finished_at = now()
            WHERE id = $1`,
          [baselineId, rows.length, JSON.stringify(errors)],
        );
        return;
      }
      await m.query(`DELETE FROM population_cells WHERE baseline_id = $1`, [baselineId]);
      await m.query(
        `INSERT INTO population_cells (baseline_id, township_code, age_from, age_to, sex, attainment, count)
         SELECT $1, t, f, NULLIF(a, -1), s, l, c
           FROM unnest($2::text[], $3::int[], $4::int[], $5::text[], $6::text[], $7::int[]) AS x(t, f, a, s, l, c)`,
        [
          baselineId,
          cells.map((c) => c.townshipCode),
          cells.map((c) => c.band.from),
          cells.map((c) => c.band.to ?? -1),
          cells.map((c) => c.sex),
          cells.map((c) => c.attainment),
          cells.map((c) => c.count),
        ],
      );
      await m.query(
        `UPDATE population_baselines SET status = 'ready', processed_rows = $2, errors = '[]', finished_at = now(),
                population = $3 WHERE id = $1`,
        [baselineId, rows.length, cells.reduce((sum, c) => sum + c.count, 0)],
      );
    });
    this.logger.log({ msg: 'baseline imported', baselineId, rows: rows.length, errors: errors.length });
  }
}
