import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@cll/domain';
import { DataSource, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { GeoService } from '../geo/geo.service.js';
import type { EnterpriseDto, EnterpriseResponse } from './dto/enterprise.dto.js';
import { Enterprise } from './organisation.entities.js';
import { isBureau, providerIdsOf } from './provider-access.js';
import { enterpriseIdsOf } from '../apprenticeship/apprenticeship-access.js';

const SELECT = `SELECT e.id, e.name, e.credit_code AS "creditCode", e.industry, e.township_code AS "townshipCode",
                       t.name AS "townshipName", e.created_at AS "createdAt"
                  FROM enterprises e JOIN townships t ON t.code = e.township_code`;

@Injectable()
export class EnterprisesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly geo: GeoService,
    private readonly audit: AuditService,
  ) {}

  async create(user: AuthUser, dto: EnterpriseDto): Promise<EnterpriseResponse> {
    const id = await this.dataSource
      .transaction(async (manager) => {
        await this.geo.assertTownship(manager, dto.townshipCode);
        const enterprise = await manager.save(manager.create(Enterprise, dto));
        await this.audit.record(manager, {
          action: 'enterprise.created',
          entityType: 'enterprise',
          entityId: enterprise.id,
          actorUserId: user.id,
        });
        return enterprise.id;
      })
      .catch((error: unknown) => {
        if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
          throw DomainException.field(
            ErrorCode.EnterpriseExists,
            'creditCode',
            'An enterprise with this credit code is already registered.',
          );
        }
        throw error;
      });
    const [row] = await this.dataSource.query<EnterpriseResponse[]>(`${SELECT} WHERE e.id = $1`, [id]);
    return row;
  }

  /**
   * Enterprises by name. The credit code is shown only to those who need it: the bureau, the enterprise's own users,
   * and staff of a school with an agreement with it (a draft included); others get `null`. Searching by an exact
   * credit code still finds the enterprise (the searcher already holds the code).
   */
  async list(user: AuthUser, q?: string): Promise<EnterpriseResponse[]> {
    const rows = await this.dataSource.query<Array<EnterpriseResponse & { codeVisible: boolean }>>(
      `SELECT e.id, e.name, e.credit_code AS "creditCode", e.industry, e.township_code AS "townshipCode",
              t.name AS "townshipName", e.created_at AS "createdAt",
              ($2 OR e.id = ANY($3::uuid[]) OR EXISTS (
                 SELECT 1 FROM apprenticeship_agreements a
                  WHERE a.enterprise_id = e.id AND a.provider_id = ANY($4::uuid[]))) AS "codeVisible"
         FROM enterprises e JOIN townships t ON t.code = e.township_code
        WHERE $1::text IS NULL OR e.name ILIKE '%' || $1 || '%' OR e.credit_code = upper($1)
        ORDER BY e.name LIMIT 200`,
      [
        q ? q.replace(/[\\%_]/g, (c) => `\\${c}`) : null,
        isBureau(user),
        enterpriseIdsOf(user),
        providerIdsOf(user),
      ],
    );
    return rows.map(({ codeVisible, ...row }) => ({
      ...row,
      creditCode: codeVisible ? row.creditCode : null,
    }));
  }
}
