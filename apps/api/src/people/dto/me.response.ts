import { ApiProperty } from '@nestjs/swagger';
import { AttainmentLevel, EmploymentStatus, Role, Sex } from '@cll/domain';

export class RoleGrantResponse {
  @ApiProperty({ enum: Role, enumName: 'Role' }) role: Role;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) providerId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) enterpriseId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Division-code prefix limiting a bureau role' })
  townshipPrefix: string | null;
}

export class ProfileResponse {
  @ApiProperty({ format: 'date' }) birthDate: string;
  @ApiProperty({ enum: Sex, enumName: 'Sex' }) sex: Sex;
  @ApiProperty() townshipCode: string;
  @ApiProperty() townshipName: string;
  @ApiProperty() townshipNameEn: string;
  @ApiProperty() villageCode: string;
  @ApiProperty() villageName: string;
  @ApiProperty() villageNameEn: string;
  @ApiProperty({ enum: AttainmentLevel, enumName: 'AttainmentLevel' }) attainment: AttainmentLevel;
  @ApiProperty({ enum: EmploymentStatus, enumName: 'EmploymentStatus' }) employmentStatus: EmploymentStatus;
  @ApiProperty({ type: String, nullable: true, example: '110***********002X', description: 'Always masked' })
  idNumberMasked: string | null;
}

export class PrivacyNoticeStatus {
  @ApiProperty({ example: '2026-12-01' }) currentVersion: string;
  @ApiProperty({ type: String, nullable: true, description: 'The version this user last agreed to' })
  acceptedVersion: string | null;
  @ApiProperty({ description: 'The notice changed (or was never agreed to): ask before anything else' })
  acceptanceRequired: boolean;
}

export class MeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) mobile: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ enum: ['zh-CN', 'en'] }) locale: 'zh-CN' | 'en';
  @ApiProperty({ enum: ['standard', 'elder'] }) displayMode: 'standard' | 'elder';
  @ApiProperty({ type: [RoleGrantResponse] }) roles: RoleGrantResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    example: '312345678',
    description: '9-digit sign-in number of a managed account (registered at a service point)',
  })
  accountNumber: string | null;
  @ApiProperty({
    description:
      'Registered at a service point: used with a proxy or the service point; its mobile is unproven',
  })
  managed: boolean;
  @ApiProperty({
    type: [String],
    description: 'Townships whose service point the user is designated staff of (usually none)',
  })
  servicePoints: string[];
  @ApiProperty({
    type: ProfileResponse,
    nullable: true,
    description: 'Null for staff accounts without a learner profile',
  })
  profile: ProfileResponse | null;
  @ApiProperty({ type: PrivacyNoticeStatus }) privacyNotice: PrivacyNoticeStatus;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
