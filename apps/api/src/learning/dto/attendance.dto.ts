import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EnrolmentStatus } from '@cll/domain';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { LengthGraphemes } from '../../common/graphemes.js';
import { IsDateOnly } from '../../common/date-only.js';

export class RosterQuery {
  @ApiPropertyOptional({
    example: '2026-12-01',
    description:
      'Class date (county time), between the session’s first and last day; not given: the class date nearest today',
  })
  @IsOptional()
  @IsDateOnly()
  date?: string;
}

export class AttendanceDto {
  @ApiProperty({ example: '2026-12-01' })
  @IsDateOnly()
  date: string;

  @ApiProperty({
    type: [String],
    description: 'Everyone present; the others are recorded absent for that date',
  })
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsUUID('all', { each: true })
  presentEnrolmentIds: string[];
}

export class OutcomeDto {
  @ApiProperty({ enum: ['completed', 'failed'] })
  @IsIn(['completed', 'failed'])
  outcome: 'completed' | 'failed';

  @ApiProperty({ minLength: 2, maxLength: 500 })
  @IsString()
  @LengthGraphemes(2, 500)
  reason: string;
}

export class RosterLearner {
  @ApiProperty({ format: 'uuid' }) enrolmentId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) mobileMasked: string | null;
  @ApiProperty({ enum: EnrolmentStatus, enumName: 'EnrolmentStatus' }) status: EnrolmentStatus;
  @ApiProperty() present: boolean;
  @ApiProperty({ description: 'Classes attended so far' }) attended: number;
}

export class RosterSession {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() label: string;
  @ApiProperty() courseTitle: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() classCount: number;
  @ApiProperty({ type: [Number], description: 'Class days, ISO weekdays (1 Monday … 7 Sunday)' })
  classWeekdays: number[];
  @ApiProperty({ example: '09:00' }) classStartTime: string;
  @ApiProperty({ example: '11:00' }) classEndTime: string;
  @ApiProperty({ format: 'date' }) firstClassDate: string;
  @ApiProperty({ format: 'date' }) lastClassDate: string;
}

export class RosterResponse {
  @ApiProperty({ type: RosterSession }) session: RosterSession;
  @ApiProperty() date: string;
  @ApiProperty({ type: [String] }) heldDates: string[];
  @ApiProperty({
    type: [String],
    description:
      'The dates the class meets by its pattern, and any other date attendance was taken on, in order',
  })
  classDates: string[];
  @ApiProperty({ type: [RosterLearner] }) learners: RosterLearner[];
}
