import { ApiProperty } from '@nestjs/swagger';
import { AttainmentLevel, AttainmentSource } from '@cll/domain';
import { IsEnum, IsString, Length } from 'class-validator';
import { trim } from '../../people/dto/profile-fields.js';

export class AttainmentEventResponse {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date', description: 'The county day the level took effect' }) effectiveOn: string;
  @ApiProperty({ enum: AttainmentSource, enumName: 'AttainmentSource' }) source: AttainmentSource;
  @ApiProperty({
    enum: AttainmentLevel,
    enumName: 'AttainmentLevel',
    nullable: true,
    description: 'Null for the first event',
  })
  before: AttainmentLevel | null;
  @ApiProperty({ enum: AttainmentLevel, enumName: 'AttainmentLevel' }) after: AttainmentLevel;
  @ApiProperty({ type: String, nullable: true, description: 'Why staff corrected the level' })
  reason: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The academic programme completed' })
  programmeTitle: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The provider of the programme, or of the staff who corrected the level',
  })
  providerName: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class AttainmentHistoryResponse {
  @ApiProperty({ description: 'The learner’s name (staff view) or one’s own' }) name: string;
  @ApiProperty({ enum: AttainmentLevel, enumName: 'AttainmentLevel', nullable: true })
  current: AttainmentLevel | null;
  @ApiProperty({ type: [AttainmentEventResponse], description: 'Oldest first' })
  events: AttainmentEventResponse[];
}

export class AttainmentCorrectionRequest {
  @ApiProperty({
    enum: AttainmentLevel,
    enumName: 'AttainmentLevel',
    description: 'The correct highest level',
  })
  @IsEnum(AttainmentLevel)
  attainment: AttainmentLevel;

  @ApiProperty({
    description: 'Why (for example the diploma that was seen): kept with the event and shown to the learner',
    minLength: 4,
    maxLength: 500,
  })
  @trim()
  @IsString()
  @Length(4, 500)
  reason: string;
}
