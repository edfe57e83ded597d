import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, MaxLength } from 'class-validator';
import { trim } from '../../people/dto/profile-fields.js';

export class CloseOwnAccountDto {
  @ApiProperty({ description: 'The account’s password, asked again before closing it' })
  @IsString()
  @MaxLength(200)
  password: string;
}

export class CloseAccountInPersonDto {
  @ApiProperty({
    example: '13800000021',
    description:
      'The resident’s account: its id, or the mobile, 9-digit sign-in number or e-mail it signs in with',
  })
  @trim()
  @IsString()
  @Length(3, 254)
  account: string;

  @ApiProperty({
    example: '本人持身份证到乡镇服务点申请注销，已核验身份',
    description: 'The request as made in person and how identity was checked (kept in the audit trail)',
  })
  @trim()
  @IsString()
  @Length(4, 500)
  reason: string;
}

export class AccountClosedResponse {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ format: 'date-time' }) closedAt: string;
  @ApiProperty({ description: 'Sessions that were still open and were ended' }) sessionsEnded: number;
}
