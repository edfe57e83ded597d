import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AttainmentLevel, DIVISION_CODE_PATTERN, EmploymentStatus, MOBILE_PATTERN } from '@cll/domain';
import { Type } from 'class-transformer';
import {
  IsEnum,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { IsNewPassword } from '../../people/dto/password.js';
import { IsResidentIdNumber } from '../../people/dto/id-number.validator.js';
import { trim } from '../../people/dto/profile-fields.js';
import {
  ID_DOCUMENT_TYPES,
  type IdDocumentType,
  PROXY_KINDS,
  type ProxyKind,
} from '../../proxy/proxy.entities.js';

const township = { message: '$property must be a 12-digit division code' };
const date = { message: '$property must be a date like 2026-03-21' };

export class DesignateStaffDto {
  @ApiProperty({
    example: '13800000031',
    description: 'The staff member’s account: mobile or e-mail address',
  })
  @trim()
  @IsString()
  @Length(3, 254)
  login: string;

  @ApiProperty({ example: '330782101000', description: 'The township whose service point they work at' })
  @Matches(DIVISION_CODE_PATTERN, township)
  townshipCode: string;
}

export class StaffDesignationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true, example: '138****0031' }) mobileMasked: string | null;
  @ApiProperty() townshipCode: string;
  @ApiProperty() townshipName: string;
  @ApiProperty({ format: 'date-time' }) designatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) withdrawnAt: string | null;
}

/** What every staff action starts with: which service point, and the resident’s ID as checked on the document. */
class CheckedIdentity {
  @ApiProperty({
    example: '330782101000',
    description: 'The service point’s township (the staff member’s own)',
  })
  @Matches(DIVISION_CODE_PATTERN, township)
  townshipCode: string;

  @ApiProperty({ enum: ID_DOCUMENT_TYPES, enumName: 'IdDocumentType', description: 'The document checked' })
  @IsIn(ID_DOCUMENT_TYPES)
  documentType: IdDocumentType;

  @ApiProperty({
    example: '11010519491231002X',
    description:
      'The resident ID number as typed from the document: checksum-checked, matched by keyed hash, never stored in clear',
  })
  @trim()
  @IsString()
  @IsResidentIdNumber()
  idNumber: string;
}

export class ResetCodeRequestDto extends CheckedIdentity {}

export class ResetCodeResponse {
  @ApiProperty({
    example: '48213957',
    description: 'Shown once: give it to the resident; only its hash is kept',
  })
  code: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty() name: string;
  @ApiProperty({
    example: '138****0021',
    description: 'What the resident signs in with: their account number, or their masked mobile or e-mail',
  })
  login: string;
  @ApiProperty({ type: String, nullable: true, example: '312345678' }) accountNumber: string | null;
}

export class InPersonConsentDto extends CheckedIdentity {
  @ApiProperty({ example: '13800000001', description: 'The proxy’s account: mobile or e-mail address' })
  @trim()
  @IsString()
  @Length(3, 254)
  proxyLogin: string;

  @ApiProperty({ enum: PROXY_KINDS, enumName: 'ProxyKind' })
  @IsIn(PROXY_KINDS)
  relationship: ProxyKind;

  @ApiProperty({ example: '2026-12-01', format: 'date', description: 'The date on the signed consent form' })
  @IsISO8601({ strict: true }, date)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, date)
  consentFormDate: string;
}

export class InPersonConsentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) learnerUserId: string;
  @ApiProperty() learnerName: string;
  @ApiProperty() proxyName: string;
  @ApiProperty({ enum: PROXY_KINDS, enumName: 'ProxyKind' }) relationship: ProxyKind;
  @ApiProperty({ format: 'date' }) consentFormDate: string;
  @ApiProperty({ enum: ID_DOCUMENT_TYPES, enumName: 'IdDocumentType' }) documentType: IdDocumentType;
}

class ManagedProxyFields {
  @ApiProperty({ example: '13800000001', description: 'The proxy’s account: mobile or e-mail address' })
  @trim()
  @IsString()
  @Length(3, 254)
  login: string;

  @ApiProperty({ enum: PROXY_KINDS, enumName: 'ProxyKind' })
  @IsIn(PROXY_KINDS)
  relationship: ProxyKind;

  @ApiProperty({ example: '2026-12-01', format: 'date' })
  @IsISO8601({ strict: true }, date)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, date)
  consentFormDate: string;
}

export class ManagedAccountDto extends CheckedIdentity {
  @ApiProperty({ example: '赵桂英', minLength: 1, maxLength: 50 })
  @trim()
  @IsString()
  @Length(1, 50)
  name: string;

  @ApiProperty({ example: '330782101201' })
  @Matches(DIVISION_CODE_PATTERN, township)
  villageCode: string;

  @ApiProperty({ enum: AttainmentLevel, enumName: 'AttainmentLevel' })
  @IsEnum(AttainmentLevel)
  attainment: AttainmentLevel;

  @ApiProperty({ enum: EmploymentStatus, enumName: 'EmploymentStatus' })
  @IsEnum(EmploymentStatus)
  employmentStatus: EmploymentStatus;

  @ApiPropertyOptional({
    example: '13800000022',
    description:
      'A mobile given for the resident (not proven): its real owner can later claim it by SMS code. Omit when the resident has no phone.',
  })
  @IsOptional()
  @trim()
  @Matches(MOBILE_PATTERN, { message: '$property must be an 11-digit mainland mobile number' })
  mobile?: string;

  @ApiPropertyOptional({
    type: ManagedProxyFields,
    description: 'A proxy the resident consents to in person (signed form), who will act for them',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ManagedProxyFields)
  proxy?: ManagedProxyFields;
}

export class ManagedAccountResponse {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({
    example: '312345678',
    description: 'The resident signs in with it (after an in-person reset)',
  })
  accountNumber: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true, example: '138****0022' }) mobileMasked: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) relationshipId: string | null;
}

export class MyServicePointResponse {
  @ApiProperty() townshipCode: string;
  @ApiProperty() townshipName: string;
  @ApiProperty() townshipNameEn: string;
}

export class InPersonResetDto {
  @ApiProperty({ example: '312345678', description: 'Account number, mobile or e-mail address' })
  @trim()
  @IsString()
  @Length(3, 254)
  login: string;

  @ApiProperty({ example: '48213957', description: 'The 8-digit code the service point gave' })
  @trim()
  @Matches(/^\d{8}$/, { message: '$property must be the 8 digits the service point gave you' })
  code: string;

  @IsNewPassword()
  newPassword: string;
}
