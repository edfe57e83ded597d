import { Injectable } from '@nestjs/common';
import { ErrorCode, ProviderStatus, Role } from '@cll/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { GeoService } from '../geo/geo.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type {
  MyProviderResponse,
  ProviderApplicationDto,
  ProviderDecisionDto,
  ProviderResponse,
  PublicProviderResponse,
} from './dto/provider.dto.js';
import { Provider } from './organisation.entities.js';
import { bureauTownshipPrefixes, inBureauScope, providerIdsOf } from './provider-access.js';
import { queryProviders } from './providers.query.js';

@Injectable()
export class ProvidersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly geo: GeoService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async apply(user: AuthUser, dto: ProviderApplicationDto): Promise<ProviderResponse> {
    const id = await this.dataSource.transaction(async (manager) => {
      await this.geo.assertTownship(manager, dto.townshipCode);
      const provider = await manager.save(
        manager.create(Provider, { ...dto, status: ProviderStatus.Pending, applicantUserId: user.id }),
      );
      await this.audit.record(manager, {
        action: 'provider.applied',
        entityType: 'provider',
        entityId: provider.id,
        actorUserId: user.id,
        details: { kind: dto.kind, townshipCode: dto.townshipCode },
      });
      return provider.id;
    });
    return this.one(this.dataSource.manager, id);
  }

  myApplications(user: AuthUser): Promise<ProviderResponse[]> {
    return queryProviders(this.dataSource.manager, 'p.applicant_user_id = $1', [user.id]);
  }

  /** Bureau view; a township-limited bureau user sees providers in their townships only. */
  /** The bureau's list. It shows the contact person of each provider, so every view is audited. */
  async list(user: AuthUser, status?: ProviderStatus): Promise<ProviderResponse[]> {
    const prefixes = bureauTownshipPrefixes(user);
    return this.dataSource.transaction(async (m) => {
      const providers = await queryProviders(
        m,
        `($1::text IS NULL OR p.status = $1) AND ($2::text[] IS NULL OR p.township_code LIKE ANY (
           SELECT prefix || '%' FROM unnest($2::text[]) AS prefix))`,
        [status ?? null, prefixes],
      );
      await this.audit.record(m, {
        action: 'providers.viewed',
        entityType: 'provider',
        actorUserId: user.id,
        details: { status: status ?? null, shown: providers.map((p) => p.id) },
      });
      return providers;
    });
  }

  async decide(user: AuthUser, id: string, dto: ProviderDecisionDto): Promise<ProviderResponse> {
    if (dto.decision === 'reject' && !dto.reason) {
      throw DomainException.field(
        ErrorCode.ReasonRequired,
        'reason',
        'Give the applicant a reason for the rejection.',
      );
    }
    await this.dataSource.transaction(async (manager) => {
      const provider = await this.lockVisible(manager, user, id);
      if (provider.status !== ProviderStatus.Pending) {
        throw new DomainException(
          ErrorCode.ProviderStateInvalid,
          `This application was already decided (${provider.status}).`,
        );
      }
      const approved = dto.decision === 'approve';
      await manager.update(
        Provider,
        { id },
        {
          status: approved ? ProviderStatus.Approved : ProviderStatus.Rejected,
          decisionReason: approved ? null : (dto.reason ?? null),
          decidedAt: () => 'now()',
          decidedByUserId: user.id,
          verifiedAt: approved ? () => 'now()' : null,
        },
      );
      const applicant = provider.applicantUserId;
      if (approved && applicant) {
        await manager.query(
          `INSERT INTO role_assignments (user_id, role, provider_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [applicant, Role.ProviderAdmin, id],
        );
      }
      if (applicant) {
        await this.notifications.notify(
          manager,
          [applicant],
          approved ? 'provider_approved' : 'provider_rejected',
          { providerName: provider.name, reason: dto.reason ?? '' },
          `provider-decision:${id}`,
        );
      }
      await this.audit.record(manager, {
        action: approved ? 'provider.approved' : 'provider.rejected',
        entityType: 'provider',
        entityId: id,
        actorUserId: user.id,
      });
    });
    return this.one(this.dataSource.manager, id);
  }

  /** Suspending takes every course of the provider out of the public catalogue at once (the catalogue filters on status). */
  async setSuspended(
    user: AuthUser,
    id: string,
    suspend: boolean,
    reason?: string,
  ): Promise<ProviderResponse> {
    await this.dataSource.transaction(async (manager) => {
      const provider = await this.lockVisible(manager, user, id);
      const from = suspend ? ProviderStatus.Approved : ProviderStatus.Suspended;
      if (provider.status !== from) {
        throw new DomainException(
          ErrorCode.ProviderStateInvalid,
          `Only a ${from} provider can be ${suspend ? 'suspended' : 'reinstated'}.`,
        );
      }
      await manager.update(
        Provider,
        { id },
        {
          status: suspend ? ProviderStatus.Suspended : ProviderStatus.Approved,
          decisionReason: suspend ? (reason ?? null) : null,
          decidedAt: () => 'now()',
          decidedByUserId: user.id,
        },
      );
      await this.audit.record(manager, {
        action: suspend ? 'provider.suspended' : 'provider.reinstated',
        entityType: 'provider',
        entityId: id,
        actorUserId: user.id,
      });
    });
    return this.one(this.dataSource.manager, id);
  }

  async mine(user: AuthUser): Promise<MyProviderResponse[]> {
    const ids = providerIdsOf(user);
    if (!ids.length) return [];
    const rows: Array<Omit<MyProviderResponse, 'role'>> = await this.dataSource.query(
      `SELECT id, name, kind, status FROM providers WHERE id = ANY($1::uuid[]) ORDER BY name`,
      [ids],
    );
    const admin = new Set(providerIdsOf(user, true));
    return rows.map((p) => ({ ...p, role: admin.has(p.id) ? Role.ProviderAdmin : Role.ProviderStaff }));
  }

  publicList(): Promise<PublicProviderResponse[]> {
    return this.dataSource.query(
      `SELECT id, name, kind, township_code AS "townshipCode" FROM providers WHERE status = 'approved' ORDER BY name`,
    );
  }

  private async lockVisible(manager: EntityManager, user: AuthUser, id: string): Promise<Provider> {
    const provider = await manager.findOne(Provider, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!provider || !inBureauScope(user, provider.townshipCode)) {
      throw new DomainException(ErrorCode.NotFound, 'No such provider.');
    }
    return provider;
  }

  private async one(manager: EntityManager, id: string): Promise<ProviderResponse> {
    const [row] = await queryProviders(manager, 'p.id = $1', [id]);
    return row;
  }
}
