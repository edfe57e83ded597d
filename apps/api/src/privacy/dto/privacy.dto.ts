import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';

export class NoticeSectionResponse {
  @ApiProperty() heading: string;
  @ApiProperty() body: string;
}

export class PrivacyNoticeResponse {
  @ApiProperty({ example: '2026-12-01' }) version: string;
  @ApiProperty({ format: 'date' }) publishedOn: string;
  @ApiProperty({ description: 'Whether this is the version in force' }) current: boolean;
  @ApiProperty({ type: [NoticeSectionResponse] }) 'zh-CN': NoticeSectionResponse[];
  @ApiProperty({ type: [NoticeSectionResponse] }) en: NoticeSectionResponse[];
  @ApiProperty({ type: [String], description: 'Every published version, newest first' }) versions: string[];
}

export class NoticeQuery {
  @ApiPropertyOptional({
    example: '2026-12-01',
    description: 'An earlier version; the current one when left out',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a version like 2026-12-01' })
  version?: string;
}

export class AcceptNoticeDto {
  @ApiProperty({ example: '2026-12-01', description: 'The version the user read; must be the current one' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a version like 2026-12-01' })
  version: string;
}

export class IdNumberConsentWithdrawn {
  @ApiProperty({ format: 'date-time' }) withdrawnAt: string;
  @ApiProperty({ description: 'An ID number was held and is now erased (ciphertext, hash and masked form)' })
  idNumberErased: boolean;
}
