import { ApiProperty } from '@nestjs/swagger';
import { MOBILE_PATTERN } from '@cll/domain';
import { IsIn, IsUUID, Matches } from 'class-validator';
import { trim } from '../../people/dto/profile-fields.js';
import { PROXY_KINDS, type ProxyKind } from '../proxy.entities.js';

const mobile = { message: '$property must be an 11-digit mainland mobile number' };

export class ConsentRequestDto {
  @ApiProperty({
    example: '13900000123',
    description: 'The resident’s own mobile: the consent code goes there',
  })
  @trim()
  @Matches(MOBILE_PATTERN, mobile)
  learnerMobile: string;
}

export class ConsentConfirmDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  challengeId: string;

  @ApiProperty({ example: '123456', description: 'The code the resident read out from their text message' })
  @trim()
  @Matches(/^\d{6}$/, { message: '$property must be the 6 digits from the text message' })
  code: string;

  @ApiProperty({ example: '13900000123' })
  @trim()
  @Matches(MOBILE_PATTERN, mobile)
  learnerMobile: string;

  @ApiProperty({ enum: PROXY_KINDS, enumName: 'ProxyKind' })
  @IsIn(PROXY_KINDS)
  relationship: ProxyKind;
}

export class ProxyRelationshipResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['proxy', 'resident'], description: 'Which side of it the caller is' }) side:
    'proxy' | 'resident';
  @ApiProperty({ enum: PROXY_KINDS, enumName: 'ProxyKind' }) relationship: ProxyKind;
  @ApiProperty({ enum: ['enrolment'] }) scope: 'enrolment';
  @ApiProperty({ enum: ['sms', 'in_person'] }) confirmedVia: 'sms' | 'in_person';
  @ApiProperty({
    type: String,
    description: 'The other person’s name (the resident’s once they have an account)',
    nullable: true,
  })
  otherName: string | null;
  @ApiProperty({
    type: String,
    example: '139****0123',
    description: 'The other person’s mobile, masked',
    nullable: true,
  })
  otherMobileMasked: string | null;
  @ApiProperty({
    type: String,
    example: '13900000123',
    nullable: true,
    description:
      'For the proxy: the resident’s mobile in full (the consent came from it); null for the resident',
  })
  learnerMobile: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'For the proxy: the resident’s account once there is one (enrol by it when consent was recorded in person)',
  })
  learnerUserId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
}
