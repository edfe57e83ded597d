import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min, ValidateBy } from 'class-validator';
import { IsDateOnly } from '../common/date-only.js';

/** `to` may not come before `from` (both YYYY-MM-DD, compared as text, which orders such dates correctly). */
function IsNotBeforeFrom(): PropertyDecorator {
  return ValidateBy({
    name: 'dateRange',
    validator: {
      validate: (value: unknown, args) => {
        const from = (args?.object as { from?: unknown }).from;
        return typeof value !== 'string' || typeof from !== 'string' || value >= from;
      },
      defaultMessage: () => '$property must not be before from',
    },
  });
}

export class AuditQuery {
  @ApiPropertyOptional({ description: 'Only events of this action code', example: 'account.registered' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_.]{1,60}$/)
  action?: string;

  @ApiPropertyOptional({ description: 'Only events done by this account (its id)', format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  actor?: string;

  @ApiPropertyOptional({ description: 'Only events about this kind of record', example: 'course' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]{1,60}$/)
  entityType?: string;

  @ApiPropertyOptional({ description: 'Only events about this record (with entityType)', maxLength: 64 })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/)
  entityId?: string;

  @ApiPropertyOptional({
    description: 'First day, YYYY-MM-DD, in the county’s time zone (from its 00:00)',
    format: 'date',
  })
  @IsOptional()
  @IsDateOnly()
  from?: string;

  @ApiPropertyOptional({
    description: 'Last day, YYYY-MM-DD, in the county’s time zone (to its 24:00); not before from',
    format: 'date',
  })
  @IsOptional()
  @IsDateOnly()
  @IsNotBeforeFrom()
  to?: string;

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

export enum AuditPersonKind {
  /** Provider, enterprise or bureau staff: named in full, as on every staff screen. */
  Staff = 'staff',
  /** A resident (learner only): the name masked, as on public pages. */
  Resident = 'resident',
}

/** Who acted, as the bureau administrator may see them: never a mobile or an ID number. */
export class AuditPersonResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Full name for staff; masked (王**) for residents' }) name: string;
  @ApiProperty({ description: 'True when name is masked' }) masked: boolean;
  @ApiProperty({ enum: AuditPersonKind, enumName: 'AuditPersonKind' }) kind: AuditPersonKind;
}

export class AuditEventResponse {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true }) actorUserId: string | null;
  @ApiProperty({ type: AuditPersonResponse, nullable: true, description: 'Null for anonymous actions' })
  actor: AuditPersonResponse | null;
  @ApiProperty({ type: String, nullable: true }) onBehalfOfUserId: string | null;
  @ApiProperty({ type: AuditPersonResponse, nullable: true, description: 'The learner a proxy acted for' })
  onBehalfOf: AuditPersonResponse | null;
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
  @ApiProperty({ type: [String], description: 'Every kind of record the trail names, for the filter' })
  entityTypes: string[];
  @ApiProperty({
    type: AuditPersonResponse,
    nullable: true,
    description: 'The account of the actor filter, as shown in the list',
  })
  actorFilter: AuditPersonResponse | null;
}
