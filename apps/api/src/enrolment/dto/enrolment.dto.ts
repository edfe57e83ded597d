import { ApiProperty } from '@nestjs/swagger';
import { EnrolmentSource, EnrolmentStatus } from '@cll/domain';
import { IsUUID } from 'class-validator';

export class EnrolDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  sessionId: string;
}

export class EnrolmentSessionRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() label: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() online: boolean;
  @ApiProperty({ type: String, nullable: true }) townshipName: string | null;
  @ApiProperty({ type: String, nullable: true }) venue: string | null;
}

export class EnrolmentCourseRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() providerName: string;
}

export class EnrolmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: EnrolmentStatus, enumName: 'EnrolmentStatus' }) status: EnrolmentStatus;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: '1 = next to get a seat; null unless waitlisted',
  })
  waitlistPosition: number | null;
  @ApiProperty({ enum: EnrolmentSource, enumName: 'EnrolmentSource' }) source: EnrolmentSource;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: EnrolmentSessionRef }) session: EnrolmentSessionRef;
  @ApiProperty({ type: EnrolmentCourseRef }) course: EnrolmentCourseRef;
}
