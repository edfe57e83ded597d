import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AssessmentKind, AssessmentResult, TrainingSetting } from '@cll/domain';
import { IsEnum, IsOptional, IsString } from 'class-validator';
import { LengthGraphemes, MaxGraphemes } from '../../common/graphemes.js';
import { IsDateOnly } from '../../common/date-only.js';
import { trim } from '../../people/dto/profile-fields.js';

export class AssessmentDto {
  @ApiProperty({
    enum: AssessmentKind,
    enumName: 'AssessmentKind',
    description: 'A passed final one completes',
  })
  @IsEnum(AssessmentKind)
  kind: AssessmentKind;

  @ApiProperty({ example: '第一学期岗位技能考核', maxLength: 100 })
  @trim()
  @IsString()
  @LengthGraphemes(1, 100)
  title: string;

  @ApiProperty({ enum: AssessmentResult, enumName: 'AssessmentResult' })
  @IsEnum(AssessmentResult)
  result: AssessmentResult;

  @ApiProperty({ format: 'date', description: 'Today or earlier' })
  @IsDateOnly()
  assessedOn: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @trim()
  @IsString()
  @MaxGraphemes(1000)
  comment?: string;
}

export class AssessmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: AssessmentKind, enumName: 'AssessmentKind' }) kind: AssessmentKind;
  @ApiProperty() title: string;
  @ApiProperty({ enum: AssessmentResult, enumName: 'AssessmentResult' }) result: AssessmentResult;
  @ApiProperty({ format: 'date' }) assessedOn: string;
  @ApiProperty() assessorName: string;
  @ApiProperty({ enum: TrainingSetting, enumName: 'TrainingSetting' }) assessorSide: TrainingSetting;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
}
