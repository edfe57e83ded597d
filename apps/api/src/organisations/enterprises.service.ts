import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@cll/domain';
import { DataSource, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { GeoService } from '../geo/geo.service.js';
import type { EnterpriseDto, EnterpriseResponse } from './dto/enterprise.dto.js';
import { Enterprise } from './organisation.entities.js';

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

  list(q?: string): Promise<EnterpriseResponse[]> {
    return this.dataSource.query(
      `${SELECT} WHERE $1::text IS NULL OR e.name ILIKE '%' || $1 || '%' OR e.credit_code = upper($1)
       ORDER BY e.name LIMIT 200`,
      [q ? q.replace(/[\\%_]/g, (c) => `\\${c}`) : null],
    );
  }
}
