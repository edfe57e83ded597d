import { Injectable } from '@nestjs/common';
import { ErrorCode, maskEmail, maskMobile, Role } from '@cll/domain';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { normaliseLogin } from '../auth/auth.service.js';
import { DomainException } from '../common/domain.exception.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type {
  EnterpriseInvitationDto,
  InvitationDto,
  InvitationPreviewResponse,
  InvitationResponse,
  StaffResponse,
} from './dto/provider.dto.js';
import { Enterprise, Invitation, type InvitationRole, Provider } from './organisation.entities.js';
import { assertProviderMember, providerIdsOf } from './provider-access.js';

type Scope =
  { providerId: string; enterpriseId?: undefined } | { enterpriseId: string; providerId?: undefined };

const VALID_DAYS = 14;

const maskContact = (contact: string) => (contact.includes('@') ? maskEmail(contact) : maskMobile(contact));
const normalise = (contact: string) => {
  const { email, mobile } = normaliseLogin(contact);
  return (email ?? mobile) as string;
};

function toInvitationResponse(i: Invitation): InvitationResponse {
  return {
    id: i.id,
    contactMasked: maskContact(i.contact),
    role: i.role,
    code: i.code,
    expiresAt: i.expiresAt.toISOString(),
    acceptedAt: i.acceptedAt?.toISOString() ?? null,
  };
}

/** Invitations to a provider's staff or an enterprise's accounts; the invited account accepts with the link's code. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /** A provider administrator invites staff. */
  async inviteStaff(user: AuthUser, providerId: string, dto: InvitationDto): Promise<InvitationResponse> {
    assertProviderMember(user, providerId, true);
    return this.invite(user, { providerId }, dto);
  }

  /** A school's staff, or the enterprise's own administrator, invite mentors and administrators of an enterprise. */
  async inviteEnterpriseUser(
    user: AuthUser,
    enterpriseId: string,
    dto: EnterpriseInvitationDto,
  ): Promise<InvitationResponse> {
    await this.assertEnterpriseManager(user, enterpriseId);
    return this.invite(user, { enterpriseId }, dto);
  }

  async staff(user: AuthUser, providerId: string): Promise<StaffResponse> {
    assertProviderMember(user, providerId, true);
    return this.members({ providerId });
  }

  async enterpriseUsers(user: AuthUser, enterpriseId: string): Promise<StaffResponse> {
    await this.assertEnterpriseManager(user, enterpriseId);
    return this.members({ enterpriseId });
  }

  /**
   * Who may manage an enterprise's accounts: its own administrators, and staff of a school that works with it (has
   * an agreement with it), or of any school while the enterprise has no administrator yet, so the first mentor can be
   * invited. Anyone else gets 404, as for an enterprise that does not exist.
   */
  private async assertEnterpriseManager(user: AuthUser, enterpriseId: string): Promise<void> {
    const own = user.roles.some((g) => g.role === Role.EnterpriseAdmin && g.enterpriseId === enterpriseId);
    const schools = providerIdsOf(user);
    const [row]: Array<{ exists: boolean; works_with: boolean; has_admin: boolean }> =
      await this.dataSource.query(
        `SELECT EXISTS (SELECT 1 FROM enterprises WHERE id = $1) AS exists,
              EXISTS (SELECT 1 FROM apprenticeship_agreements WHERE enterprise_id = $1 AND provider_id = ANY($2::uuid[]))
                AS works_with,
              EXISTS (SELECT 1 FROM role_assignments WHERE enterprise_id = $1 AND role = 'enterprise_admin') AS has_admin`,
        [enterpriseId, schools],
      );
    const school = schools.length > 0 && (row.works_with || !row.has_admin);
    if (!row.exists || !(own || school)) throw new DomainException(ErrorCode.NotFound, 'No such enterprise.');
  }

  private async invite(
    user: AuthUser,
    scope: Scope,
    dto: { contact: string; role: InvitationRole },
  ): Promise<InvitationResponse> {
    const contact = normalise(dto.contact);
    return this.dataSource.transaction(async (manager) => {
      const invitation = await manager.save(
        manager.create(Invitation, {
          providerId: scope.providerId ?? null,
          enterpriseId: scope.enterpriseId ?? null,
          contact,
          role: dto.role,
          code: randomBytes(18).toString('base64url'),
          invitedByUserId: user.id,
          expiresAt: new Date(Date.now() + VALID_DAYS * 86_400_000),
        }),
      );
      const invitees: Array<{ id: string }> = await manager.query(
        `SELECT id FROM users WHERE mobile = $1 OR email = $1`,
        [contact],
      );
      const organisation = await this.organisationName(manager, invitation);
      await this.notifications.notify(
        manager,
        invitees.map((u) => u.id),
        scope.providerId ? 'provider_invitation' : 'enterprise_invitation',
        { providerName: organisation, organisationName: organisation, code: invitation.code },
        `invitation:${invitation.id}`,
      );
      await this.audit.record(manager, {
        action: scope.providerId ? 'provider.staff_invited' : 'enterprise.user_invited',
        entityType: scope.providerId ? 'provider' : 'enterprise',
        entityId: scope.providerId ?? scope.enterpriseId,
        actorUserId: user.id,
        details: { invitationId: invitation.id, role: dto.role },
      });
      return toInvitationResponse(invitation);
    });
  }

  private async members(scope: Scope): Promise<StaffResponse> {
    const column = scope.providerId ? 'provider_id' : 'enterprise_id';
    const id = scope.providerId ?? scope.enterpriseId;
    const staff: Array<{ userId: string; name: string; role: InvitationRole; mobile: string | null }> =
      await this.dataSource.query(
        `SELECT u.id AS "userId", u.name, r.role, u.mobile
           FROM role_assignments r JOIN users u ON u.id = r.user_id
          WHERE r.${column} = $1 ORDER BY r.role DESC, u.name`,
        [id],
      );
    const invitations = await this.dataSource.getRepository(Invitation).find({
      where: scope.providerId ? { providerId: scope.providerId } : { enterpriseId: scope.enterpriseId },
      order: { createdAt: 'DESC' },
      take: 100,
    });
    return {
      staff: staff.map((s) => ({
        userId: s.userId,
        name: s.name,
        role: s.role,
        mobileMasked: s.mobile ? maskMobile(s.mobile) : null,
      })),
      invitations: invitations.map(toInvitationResponse),
    };
  }

  private async organisationName(manager: EntityManager, invitation: Invitation): Promise<string> {
    const entity = invitation.providerId ? Provider : Enterprise;
    const row = await manager.findOneByOrFail(entity, {
      id: (invitation.providerId ?? invitation.enterpriseId) as string,
    });
    return row.name;
  }

  async preview(user: AuthUser, code: string): Promise<InvitationPreviewResponse> {
    const invitation = await this.findValid(this.dataSource.manager, code);
    return {
      organisationName: await this.organisationName(this.dataSource.manager, invitation),
      organisationKind: invitation.providerId ? 'provider' : 'enterprise',
      role: invitation.role,
      expiresAt: invitation.expiresAt.toISOString(),
      forYou: await this.isFor(user.id, invitation.contact),
    };
  }

  async accept(user: AuthUser, code: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const invitation = await this.findValid(manager, code, true);
      if (!(await this.isFor(user.id, invitation.contact))) {
        throw new DomainException(
          ErrorCode.InvitationNotForYou,
          'This invitation was sent to another mobile number or e-mail address.',
        );
      }
      await manager.query(
        `INSERT INTO role_assignments (user_id, role, provider_id, enterprise_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING`,
        [user.id, invitation.role, invitation.providerId, invitation.enterpriseId],
      );
      await manager.update(
        Invitation,
        { id: invitation.id },
        { acceptedAt: () => 'now()', acceptedByUserId: user.id },
      );
      await this.audit.record(manager, {
        action: invitation.providerId ? 'provider.staff_joined' : 'enterprise.user_joined',
        entityType: invitation.providerId ? 'provider' : 'enterprise',
        entityId: invitation.providerId ?? invitation.enterpriseId,
        actorUserId: user.id,
        details: { invitationId: invitation.id, role: invitation.role },
      });
    });
  }

  private async findValid(manager: EntityManager, code: string, lock = false): Promise<Invitation> {
    const invitation = await manager.findOne(Invitation, {
      where: { code },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!invitation || invitation.acceptedAt || invitation.expiresAt.getTime() < Date.now()) {
      throw new DomainException(
        ErrorCode.InvitationInvalid,
        'This invitation does not exist, has expired or was already used.',
      );
    }
    return invitation;
  }

  private async isFor(userId: string, contact: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM users WHERE id = $1 AND (mobile = $2 OR email = $2)`,
      [userId, contact],
    );
    return rows.length > 0;
  }
}
