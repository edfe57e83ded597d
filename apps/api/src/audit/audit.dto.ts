import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import type { AuditEvent } from './audit-event.entity.js';

export class AuditQuery {
  @ApiPropertyOptional({ example: 'account.registered' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_.]{1,60}$/)
  action?: string;

  @ApiPropertyOptional({ type: Number, default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page: number = 1;

  @ApiPropertyOptional({ type: Number, default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize: number = 50;
}

export class AuditEventResponse {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true }) actorUserId: string | null;
  @ApiProperty({ type: String, nullable: true }) onBehalfOfUserId: string | null;
  @ApiProperty() action: string;
  @ApiProperty() entityType: string;
  @ApiProperty({ type: String, nullable: true }) entityId: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
}

export class AuditPageResponse {
  @ApiProperty({ type: [AuditEventResponse] }) items: AuditEventResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export const toAuditEventResponse = (e: AuditEvent): AuditEventResponse => ({
  id: e.id,
  at: e.at.toISOString(),
  actorUserId: e.actorUserId,
  onBehalfOfUserId: e.onBehalfOfUserId,
  action: e.action,
  entityType: e.entityType,
  entityId: e.entityId,
  requestId: e.requestId,
  details: e.details,
});
