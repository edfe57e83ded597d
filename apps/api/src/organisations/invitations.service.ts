import { Injectable } from '@nestjs/common';
import { ErrorCode, maskEmail, maskMobile } from '@cll/domain';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { normaliseLogin } from '../auth/auth.service.js';
import { DomainException } from '../common/domain.exception.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type {
  InvitationDto,
  InvitationPreviewResponse,
  InvitationResponse,
  StaffResponse,
} from './dto/provider.dto.js';
import { Provider, ProviderInvitation } from './organisation.entities.js';
import { assertProviderMember } from './provider-access.js';

const VALID_DAYS = 14;

const maskContact = (contact: string) => (contact.includes('@') ? maskEmail(contact) : maskMobile(contact));
const normalise = (contact: string) => {
  const { email, mobile } = normaliseLogin(contact);
  return (email ?? mobile) as string;
};

function toInvitationResponse(i: ProviderInvitation): InvitationResponse {
  return {
    id: i.id,
    contactMasked: maskContact(i.contact),
    role: i.role,
    code: i.code,
    expiresAt: i.expiresAt.toISOString(),
    acceptedAt: i.acceptedAt?.toISOString() ?? null,
  };
}

/** A provider administrator invites staff; the invited account accepts with the code from the link. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async invite(user: AuthUser, providerId: string, dto: InvitationDto): Promise<InvitationResponse> {
    assertProviderMember(user, providerId, true);
    const contact = normalise(dto.contact);
    return this.dataSource.transaction(async (manager) => {
      const invitation = await manager.save(
        manager.create(ProviderInvitation, {
          providerId,
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
      const provider = await manager.findOneByOrFail(Provider, { id: providerId });
      await this.notifications.notify(
        manager,
        invitees.map((u) => u.id),
        'provider_invitation',
        { providerName: provider.name, code: invitation.code },
        `invitation:${invitation.id}`,
      );
      await this.audit.record(manager, {
        action: 'provider.staff_invited',
        entityType: 'provider',
        entityId: providerId,
        actorUserId: user.id,
        details: { invitationId: invitation.id, role: dto.role },
      });
      return toInvitationResponse(invitation);
    });
  }

  async staff(user: AuthUser, providerId: string): Promise<StaffResponse> {
    assertProviderMember(user, providerId, true);
    const staff: Array<{
      userId: string;
      name: string;
      role: 'provider_staff' | 'provider_admin';
      mobile: string | null;
    }> = await this.dataSource.query(
      `SELECT u.id AS "userId", u.name, r.role, u.mobile
           FROM role_assignments r JOIN users u ON u.id = r.user_id
          WHERE r.provider_id = $1 ORDER BY r.role DESC, u.name`,
      [providerId],
    );
    const invitations = await this.dataSource.getRepository(ProviderInvitation).find({
      where: { providerId },
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

  async preview(user: AuthUser, code: string): Promise<InvitationPreviewResponse> {
    const invitation = await this.findValid(this.dataSource.manager, code);
    const provider = await this.dataSource
      .getRepository(Provider)
      .findOneByOrFail({ id: invitation.providerId });
    return {
      providerName: provider.name,
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
        `INSERT INTO role_assignments (user_id, role, provider_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [user.id, invitation.role, invitation.providerId],
      );
      await manager.update(
        ProviderInvitation,
        { id: invitation.id },
        { acceptedAt: () => 'now()', acceptedByUserId: user.id },
      );
      await this.audit.record(manager, {
        action: 'provider.staff_joined',
        entityType: 'provider',
        entityId: invitation.providerId,
        actorUserId: user.id,
        details: { invitationId: invitation.id, role: invitation.role },
      });
    });
  }

  private async findValid(
    manager: DataSource['manager'],
    code: string,
    lock = false,
  ): Promise<ProviderInvitation> {
    const invitation = await manager.findOne(ProviderInvitation, {
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
