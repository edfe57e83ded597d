import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@cll/domain';
import { DataSource } from 'typeorm';
import { DomainException } from '../common/domain.exception.js';
import { searchCatalogue } from './catalogue.query.js';
import type { CataloguePage, CatalogueQuery, PublicCourse } from './dto/catalogue.dto.js';
import { querySessions } from './offer.queries.js';
import { SynonymsService } from './search/synonyms.service.js';

/** What anyone may see without an account: published courses of approved providers, never quiz answers. */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly synonyms: SynonymsService,
  ) {}

  async search(query: CatalogueQuery): Promise<CataloguePage> {
    return searchCatalogue(this.dataSource.manager, query, await this.synonyms.table());
  }

  async course(id: string, nearTownshipCode?: string): Promise<PublicCourse> {
    const rows: Array<Omit<PublicCourse, 'lessons' | 'sessions'> & { studyHours: string; credits: string }> =
      await this.dataSource.query(
        `SELECT c.id, c.title, c.title_en AS "titleEn", c.category, c.mode, c.study_hours AS "studyHours", c.credits,
                c.min_age AS "minAge", c.max_age AS "maxAge", c.description, c.cover_text AS "coverText",
                json_build_object('id', p.id, 'name', p.name, 'kind', p.kind, 'townshipName', t.name) AS provider,
                json_build_object('kind', g.kind, 'title', g.title, 'occupationCode', g.occupation_code) AS programme
           FROM courses c
           JOIN providers p ON p.id = c.provider_id AND p.status = 'approved'
           JOIN townships t ON t.code = p.township_code
           JOIN programmes g ON g.id = c.programme_id
          WHERE c.id = $1 AND c.status = 'published'`,
        [id],
      );
    if (!rows.length) throw new DomainException(ErrorCode.NotFound, 'No such course in the catalogue.');
    const [lessons, sessions] = await Promise.all([
      this.dataSource.query<PublicCourse['lessons']>(
        `SELECT position, kind, title, duration_minutes AS "durationMinutes" FROM lessons WHERE course_id = $1 ORDER BY position`,
        [id],
      ),
      querySessions(this.dataSource.manager, id, true, nearTownshipCode ?? null),
    ]);
    const course = rows[0];
    return {
      ...course,
      studyHours: Number(course.studyHours),
      credits: Number(course.credits),
      lessons,
      sessions,
    };
  }
}
