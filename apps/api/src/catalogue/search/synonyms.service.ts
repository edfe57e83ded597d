import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@cll/domain';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { AuthUser } from '../../auth/auth.decorators.js';
import { DomainException } from '../../common/domain.exception.js';
import { SearchSynonym } from './search.entities.js';
import type { SynonymDto, SynonymResponse } from './synonyms.dto.js';
import { normaliseText } from './normalise.js';
import type { SynonymLookup } from './query-plan.js';

/** How long a process keeps the table before reading it again; edits made here are seen at once. */
export const SYNONYM_CACHE_MS = 30_000;

export interface SynonymTable {
  lookup: SynonymLookup;
  /** Keys containing ideographs, longest first, for matching inside a typed phrase. */
  keys: string[];
}

export function buildSynonymTable(
  rows: Array<Pick<SearchSynonym, 'term' | 'synonyms' | 'twoWay'>>,
): SynonymTable {
  const map = new Map<string, Set<string>>();
  const link = (from: string, to: string) => {
    const key = normaliseText(from).trim();
    const value = normaliseText(to).trim();
    if (!key || !value || key === value) return;
    const set = map.get(key) ?? new Set<string>();
    set.add(value);
    map.set(key, set);
  };
  for (const r of rows) {
    for (const s of r.synonyms) link(r.term, s);
    if (r.twoWay) {
      const all = [r.term, ...r.synonyms];
      for (const a of all) for (const b of all) link(a, b);
    }
  }
  const keys = [...map.keys()]
    .filter((k) => /[\u3400-\u4dbf\u4e00-\u9fff]/.test(k))
    .sort((a, b) => b.length - a.length);
  return { lookup: (word) => [...(map.get(word) ?? [])], keys };
}

const toResponse = (s: SearchSynonym): SynonymResponse => ({
  id: s.id,
  term: s.term,
  synonyms: s.synonyms,
  twoWay: s.twoWay,
  note: s.note,
  updatedAt: s.updatedAt.toISOString(),
});

/**
 * The bureau's synonym table. Searches read it through a per-process copy refreshed every SYNONYM_CACHE_MS (other
 * API processes see an edit within that time; no process needs to agree with another for correctness).
 */
@Injectable()
export class SynonymsService {
  private cached: { at: number; table: SynonymTable } | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async table(): Promise<SynonymTable> {
    if (this.cached && Date.now() - this.cached.at < SYNONYM_CACHE_MS) return this.cached.table;
    const rows = await this.dataSource.getRepository(SearchSynonym).find();
    const table = buildSynonymTable(rows);
    this.cached = { at: Date.now(), table };
    return table;
  }

  async list(): Promise<SynonymResponse[]> {
    const rows = await this.dataSource.getRepository(SearchSynonym).find({ order: { term: 'ASC' } });
    return rows.map(toResponse);
  }

  create(user: AuthUser, dto: SynonymDto): Promise<SynonymResponse> {
    return this.write(user, null, dto);
  }

  update(user: AuthUser, id: string, dto: SynonymDto): Promise<SynonymResponse> {
    return this.write(user, id, dto);
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const res = await m.delete(SearchSynonym, { id });
      if (!res.affected) throw new DomainException(ErrorCode.NotFound, 'No such synonym.');
      await this.audit.record(m, {
        action: 'search_synonym.deleted',
        entityType: 'search_synonym',
        entityId: id,
        actorUserId: user.id,
      });
    });
    this.cached = null;
  }

  private async write(user: AuthUser, id: string | null, dto: SynonymDto): Promise<SynonymResponse> {
    try {
      return await this.writeOnce(user, id, dto);
    } catch (e) {
      // Two bureau users adding the same term at once: the unique constraint decides, the loser hears why.
      if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505') {
        throw new DomainException(ErrorCode.SynonymExists, `“${dto.term}” already has a row; edit that one.`);
      }
      throw e;
    }
  }

  private async writeOnce(user: AuthUser, id: string | null, dto: SynonymDto): Promise<SynonymResponse> {
    const saved = await this.dataSource.transaction(async (m: EntityManager) => {
      const fields = {
        term: dto.term,
        synonyms: dto.synonyms.filter((s) => s !== dto.term),
        twoWay: dto.twoWay,
        note: dto.note ?? '',
        updatedBy: user.id,
      };
      if (!fields.synonyms.length) {
        throw new DomainException(ErrorCode.ValidationFailed, 'Give at least one word other than the term.');
      }
      const clash = await m
        .getRepository(SearchSynonym)
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.term = :term', { term: dto.term })
        .getOne();
      if (clash && clash.id !== id) {
        throw new DomainException(ErrorCode.SynonymExists, `“${dto.term}” already has a row; edit that one.`);
      }
      let row: SearchSynonym;
      if (id) {
        const found = await m.findOne(SearchSynonym, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!found) throw new DomainException(ErrorCode.NotFound, 'No such synonym.');
        row = await m.save(m.merge(SearchSynonym, found, fields));
      } else {
        row = await m.save(m.create(SearchSynonym, fields));
      }
      await this.audit.record(m, {
        action: id ? 'search_synonym.updated' : 'search_synonym.created',
        entityType: 'search_synonym',
        entityId: row.id,
        actorUserId: user.id,
        details: { term: row.term },
      });
      return row;
    });
    this.cached = null;
    return toResponse(saved);
  }
}
