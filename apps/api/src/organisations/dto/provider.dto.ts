import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DIVISION_CODE_PATTERN, MOBILE_PATTERN, ProviderKind, ProviderStatus, Role } from '@cll/domain';
import { IsEnum, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { LengthGraphemes, MaxGraphemes } from '../../common/graphemes.js';
import { trim } from '../../people/dto/profile-fields.js';
import type { InvitationRole } from '../organisation.entities.js';

export class ProviderApplicationDto {
  @ApiProperty({ example: '青溪县社区学院', minLength: 2, maxLength: 100 })
  @trim()
  @IsString()
  @LengthGraphemes(2, 100)
  name: string;

  @ApiProperty({ enum: ProviderKind, enumName: 'ProviderKind' })
  @IsEnum(ProviderKind)
  kind: ProviderKind;

  @ApiProperty({ example: '339901101000' })
  @Matches(DIVISION_CODE_PATTERN, { message: '$property must be a 12-digit division code' })
  townshipCode: string;

  @ApiProperty({ example: '李主任', maxLength: 50 })
  @trim()
  @IsString()
  @LengthGraphemes(1, 50)
  contactName: string;

  @ApiProperty({ example: '0571-88880000', description: 'Mobile or landline' })
  @trim()
  @Matches(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, { message: '$property must be a mobile or landline number' })
  contactPhone: string;
}

export class ProviderDecisionDto {
  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsIn(['approve', 'reject'])
  decision: 'approve' | 'reject';

  @ApiPropertyOptional({ description: 'Required to reject; shown to the applicant', maxLength: 500 })
  @IsOptional()
  @trim()
  @IsString()
  @MaxGraphemes(500)
  reason?: string;
}

export class ReasonDto {
  @ApiProperty({ description: 'Shown to the provider', minLength: 2, maxLength: 500 })
  @trim()
  @IsString()
  @LengthGraphemes(2, 500)
  reason: string;
}

export class ProviderListQuery {
  @ApiPropertyOptional({ enum: ProviderStatus, enumName: 'ProviderStatus' })
  @IsOptional()
  @IsEnum(ProviderStatus)
  status?: ProviderStatus;
}

/** Mobile number or e-mail address of the person invited. */
class InvitationContact {
  @ApiProperty({ example: '13800000009', description: 'Mobile number or e-mail address of the invitee' })
  @trim()
  @IsString()
  @Length(3, 254)
  @Matches(new RegExp(`${MOBILE_PATTERN.source}|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$`), {
    message: '$property must be a mobile number or an e-mail address',
  })
  contact: string;
}

export class InvitationDto extends InvitationContact {
  @ApiProperty({ enum: [Role.ProviderStaff, Role.ProviderAdmin] })
  @IsIn([Role.ProviderStaff, Role.ProviderAdmin])
  role: 'provider_staff' | 'provider_admin';
}

const INVITATION_ROLES = [
  Role.ProviderStaff,
  Role.ProviderAdmin,
  Role.EnterpriseMentor,
  Role.EnterpriseAdmin,
];

export class EnterpriseInvitationDto extends InvitationContact {
  @ApiProperty({ enum: [Role.EnterpriseMentor, Role.EnterpriseAdmin] })
  @IsIn([Role.EnterpriseMentor, Role.EnterpriseAdmin])
  role: 'enterprise_mentor' | 'enterprise_admin';
}

export class ProviderResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ProviderKind, enumName: 'ProviderKind' }) kind: ProviderKind;
  @ApiProperty() townshipCode: string;
  @ApiProperty() townshipName: string;
  @ApiProperty({ enum: ProviderStatus, enumName: 'ProviderStatus' }) status: ProviderStatus;
  @ApiProperty({ type: String, nullable: true }) contactName: string | null;
  @ApiProperty({ type: String, nullable: true }) contactPhone: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Reason for a rejection or suspension' })
  decisionReason: string | null;
  @ApiProperty({ format: 'date-time' }) appliedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty() courseCount: number;
}

export class MyProviderResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ProviderKind, enumName: 'ProviderKind' }) kind: ProviderKind;
  @ApiProperty({ enum: ProviderStatus, enumName: 'ProviderStatus' }) status: ProviderStatus;
  @ApiProperty({ enum: [Role.ProviderStaff, Role.ProviderAdmin] }) role: 'provider_staff' | 'provider_admin';
}

export class PublicProviderResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ProviderKind, enumName: 'ProviderKind' }) kind: ProviderKind;
  @ApiProperty() townshipCode: string;
}

export class StaffMemberResponse {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: INVITATION_ROLES }) role: InvitationRole;
  @ApiProperty({ type: String, nullable: true }) mobileMasked: string | null;
}

export class InvitationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() contactMasked: string;
  @ApiProperty({ enum: INVITATION_ROLES }) role: InvitationRole;
  @ApiProperty({ description: 'Goes in the link /invitations/{code}' }) code: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acceptedAt: string | null;
}

export class StaffResponse {
  @ApiProperty({ type: [StaffMemberResponse] }) staff: StaffMemberResponse[];
  @ApiProperty({ type: [InvitationResponse] }) invitations: InvitationResponse[];
}

export class InvitationPreviewResponse {
  @ApiProperty({ description: 'The provider or enterprise the invitation is for' }) organisationName: string;
  @ApiProperty({ enum: ['provider', 'enterprise'] }) organisationKind: 'provider' | 'enterprise';
  @ApiProperty({ enum: INVITATION_ROLES }) role: InvitationRole;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ description: 'Whether the signed-in account is the one invited' }) forYou: boolean;
}
