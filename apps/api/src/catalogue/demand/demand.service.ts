import { Injectable } from '@nestjs/common';
import { ErrorCode, SUPPRESSION_THRESHOLD } from '@cll/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { AuthUser } from '../../auth/auth.decorators.js';
import { DomainException } from '../../common/domain.exception.js';
import { normaliseText } from '../search/normalise.js';
import { planSearch } from '../search/query-plan.js';
import { SynonymsService } from '../search/synonyms.service.js';
import type {
  CategoryCount,
  CourseRequestDto,
  CourseRequestResponse,
  DemandSummary,
  SuggestedCourse,
  Suggestions,
} from './demand.dto.js';

const SUGGESTED = `SELECT c.id, c.title, p.name AS "providerName", ns.starts_at AS "nextStartsAt", t.name AS "townshipName"
  FROM courses c
  JOIN providers p ON p.id = c.provider_id AND p.status = 'approved'`;
const NEXT = (township: string) => `LEFT JOIN LATERAL (
    SELECT s.starts_at, s.township_code FROM course_sessions s
     WHERE s.course_id = c.id AND s.ends_at > now() AND s.cancelled_at IS NULL ${township}
     ORDER BY s.starts_at, s.id LIMIT 1) ns ON true
  LEFT JOIN townships t ON t.code = ns.township_code`;

type SuggestedRow = Omit<SuggestedCourse, 'nextStartsAt'> & { nextStartsAt: Date | null };
type RequestRow = Omit<CourseRequestResponse, 'createdAt'> & { createdAt: Date };

const iso = (rows: SuggestedRow[]): SuggestedCourse[] =>
  rows.map((r) => ({ ...r, nextStartsAt: r.nextStartsAt ? r.nextStartsAt.toISOString() : null }));

/** No dead ends: what to offer when a search finds nothing, and the wishes residents leave there. */
@Injectable()
export class DemandService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly synonyms: SynonymsService,
    private readonly audit: AuditService,
  ) {}

  async suggestions(townshipCode?: string): Promise<Suggestions> {
    const [categories, nearby, popular] = await Promise.all([
      this.dataSource.query<CategoryCount[]>(
        `SELECT c.category, count(*)::int AS courses FROM courses c
           JOIN providers p ON p.id = c.provider_id AND p.status = 'approved'
          WHERE c.status = 'published' GROUP BY c.category ORDER BY courses DESC, c.category`,
      ),
      townshipCode
        ? this.dataSource.query<SuggestedRow[]>(
            `${SUGGESTED} ${NEXT('AND s.township_code = $1')}
              WHERE c.status = 'published' AND ns.starts_at IS NOT NULL
              ORDER BY ns.starts_at, c.id LIMIT 5`,
            [townshipCode],
          )
        : Promise.resolve([]),
      this.dataSource.query<SuggestedRow[]>(
        `${SUGGESTED} ${NEXT('')}
          JOIN LATERAL (SELECT count(*) AS n FROM enrolments e JOIN course_sessions s ON s.id = e.session_id
                         WHERE s.course_id = c.id AND e.status IN ('enrolled','completed','waitlisted')) pop ON true
          WHERE c.status = 'published' AND ns.starts_at IS NOT NULL
          ORDER BY pop.n DESC, ns.starts_at, c.id LIMIT 5`,
      ),
    ]);
    return { categories, nearby: iso(nearby), popular: iso(popular) };
  }

  async request(user: AuthUser, dto: CourseRequestDto): Promise<CourseRequestResponse> {
    const text = normaliseText(dto.text).replace(/\s+/g, ' ').trim();
    if (!text) throw new DomainException(ErrorCode.ValidationFailed, 'Say what you would like to learn.');
    const table = await this.synonyms.table();
    const words = [
      ...new Set(
        planSearch(text, table.lookup, table.keys)
          .groups.filter((g) => g.required)
          .map((g) => g.word),
      ),
    ];
    return this.dataSource.transaction(async (m) => {
      const found = await m.query<unknown[]>(`SELECT 1 FROM townships WHERE code = $1`, [dto.townshipCode]);
      if (!found.length)
        throw new DomainException(ErrorCode.TownshipUnknown, 'No such township in the county.');
      // The same wish twice is one wish: the second only moves it to the township given now.
      const [row] = await m.query<RequestRow[]>(
        `INSERT INTO course_requests (user_id, township_code, text, words) VALUES ($1, $2, $3, $4)
         ON CONFLICT ON CONSTRAINT uq_course_requests_user_text
           DO UPDATE SET township_code = EXCLUDED.township_code, words = EXCLUDED.words
         RETURNING id, text, words, township_code AS "townshipCode", created_at AS "createdAt"`,
        [user.id, dto.townshipCode, text, words.length ? words : [text]],
      );
      await this.audit.record(m, {
        action: 'course_request.saved',
        entityType: 'course_request',
        entityId: row.id,
        actorUserId: user.id,
        details: { townshipCode: dto.townshipCode },
      });
      return { ...row, createdAt: row.createdAt.toISOString() };
    });
  }

  /** Residents (distinct people) per township and word; any figure from fewer than 5 people is left out. */
  async summary(): Promise<DemandSummary> {
    const cells: Array<{ townshipCode: string; townshipName: string; word: string; people: number }> =
      await this.dataSource.query(
        `SELECT r.township_code AS "townshipCode", t.name AS "townshipName", w AS word,
                count(DISTINCT r.user_id)::int AS people
           FROM course_requests r CROSS JOIN LATERAL unnest(r.words) AS w JOIN townships t ON t.code = r.township_code
          GROUP BY r.township_code, t.name, w ORDER BY people DESC, r.township_code, w`,
      );
    const words: Array<{ word: string; people: number }> = await this.dataSource.query(
      `SELECT w AS word, count(DISTINCT r.user_id)::int AS people
         FROM course_requests r CROSS JOIN LATERAL unnest(r.words) AS w GROUP BY w ORDER BY people DESC, w`,
    );
    // A word's county total is shown only when all its township cells are: with one cell hidden, the total minus
    // the shown cells would give it away (complementary suppression).
    const hiddenCells = cells.filter((c) => c.people < SUPPRESSION_THRESHOLD);
    const wordsWithHidden = new Set(hiddenCells.map((c) => c.word));
    const shownWords = words.filter((w) => w.people >= SUPPRESSION_THRESHOLD && !wordsWithHidden.has(w.word));
    return {
      byTownship: cells.filter((c) => c.people >= SUPPRESSION_THRESHOLD).slice(0, 200),
      byWord: shownWords.slice(0, 100),
      suppressed: hiddenCells.length + (words.length - shownWords.length),
      threshold: SUPPRESSION_THRESHOLD,
    };
  }
}
