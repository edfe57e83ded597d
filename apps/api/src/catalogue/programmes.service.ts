import { Injectable } from '@nestjs/common';
import { ErrorCode, ProviderStatus } from '@cll/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { Provider } from '../organisations/organisation.entities.js';
import { assertProviderMember } from '../organisations/provider-access.js';
import { Programme } from './catalogue.entities.js';
import type { ProgrammeDto, ProgrammeResponse, UpdateProgrammeDto } from './dto/programme.dto.js';
import { OfferAccess } from './offer-access.service.js';

const SELECT = `SELECT p.id, p.provider_id AS "providerId", p.kind, p.title, p.description, p.occupation_code AS "occupationCode",
                       p.confers_attainment AS "confersAttainment",
                       (SELECT count(*)::int FROM courses c WHERE c.programme_id = p.id) AS "courseCount"
                  FROM programmes p`;

export function queryProgramme(manager: EntityManager, id: string): Promise<ProgrammeResponse> {
  return manager.query(`${SELECT} WHERE p.id = $1`, [id]).then((rows: ProgrammeResponse[]) => rows[0]);
}

/** New offer needs an approved provider; a pending or suspended one may not add to it. */
export async function assertProviderApproved(manager: EntityManager, providerId: string): Promise<void> {
  const provider = await manager.findOneByOrFail(Provider, { id: providerId });
  if (provider.status !== ProviderStatus.Approved) {
    throw new DomainException(
      ErrorCode.ProviderNotApproved,
      'The provider must be approved by the bureau first.',
    );
  }
}

@Injectable()
export class ProgrammesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: OfferAccess,
    private readonly audit: AuditService,
  ) {}

  list(user: AuthUser, providerId: string): Promise<ProgrammeResponse[]> {
    assertProviderMember(user, providerId);
    return this.dataSource.query(`${SELECT} WHERE p.provider_id = $1 ORDER BY p.title`, [providerId]);
  }

  async create(user: AuthUser, providerId: string, dto: ProgrammeDto): Promise<ProgrammeResponse> {
    assertProviderMember(user, providerId);
    return this.dataSource.transaction(async (manager) => {
      await assertProviderApproved(manager, providerId);
      const programme = await manager.save(
        manager.create(Programme, {
          ...dto,
          providerId,
          description: dto.description ?? '',
          occupationCode: dto.occupationCode ?? null,
          confersAttainment: dto.confersAttainment ?? null,
        }),
      );
      await this.audit.record(manager, {
        action: 'programme.created',
        entityType: 'programme',
        entityId: programme.id,
        actorUserId: user.id,
      });
      return queryProgramme(manager, programme.id);
    });
  }

  async update(user: AuthUser, id: string, dto: UpdateProgrammeDto): Promise<ProgrammeResponse> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.programme(manager, user, id, true);
      await manager.update(Programme, { id }, { ...dto });
      await this.audit.record(manager, {
        action: 'programme.updated',
        entityType: 'programme',
        entityId: id,
        actorUserId: user.id,
        details: { fields: Object.keys(dto) },
      });
      return queryProgramme(manager, id);
    });
  }
}
