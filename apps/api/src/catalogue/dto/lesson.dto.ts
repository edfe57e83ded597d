import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { LessonKind, QuestionKind } from '@cll/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { LengthGraphemes, MaxGraphemes } from '../../common/graphemes.js';
import { trim } from '../../people/dto/profile-fields.js';

export class QuestionDto {
  @ApiProperty({ maxLength: 500 })
  @IsString()
  @LengthGraphemes(1, 500)
  prompt: string;

  @ApiProperty({ enum: QuestionKind, enumName: 'QuestionKind' })
  @IsEnum(QuestionKind)
  kind: QuestionKind;

  @ApiProperty({ type: [String], minItems: 2, maxItems: 8 })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(8)
  @IsString({ each: true })
  @LengthGraphemes(1, 200, { each: true })
  options: string[];

  @ApiProperty({ type: [Number], description: '0-based indexes of the correct options' })
  @IsArray()
  @ArrayMaxSize(8)
  @IsInt({ each: true })
  correct: number[];
}

export class QuizDto {
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Percentage of questions to answer right' })
  @IsInt()
  @Min(0)
  @Max(100)
  passMark: number;

  @ApiProperty({ type: [QuestionDto], minItems: 1, maxItems: 50 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => QuestionDto)
  questions: QuestionDto[];
}

export class LessonDto {
  @ApiProperty({ enum: LessonKind, enumName: 'LessonKind' })
  @IsEnum(LessonKind)
  kind: LessonKind;

  @ApiProperty({ minLength: 1, maxLength: 150 })
  @trim()
  @IsString()
  @LengthGraphemes(1, 150)
  title: string;

  @ApiPropertyOptional({ description: 'Markdown, for text lessons', maxLength: 50000 })
  @IsOptional()
  @IsString()
  @MaxGraphemes(50000)
  body?: string;

  @ApiPropertyOptional({
    example: 'https://media.qingxi.example/electric/01.mp4',
    description: 'https link, for video lessons',
  })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: '$property must be an https:// link' })
  @MaxLength(2000)
  videoUrl?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 600 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  durationMinutes?: number;

  @ApiPropertyOptional({ description: 'Counts towards completion; true when not given' })
  @IsOptional()
  @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({ type: QuizDto, description: 'For quiz lessons' })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuizDto)
  quiz?: QuizDto;
}

export class UpdateLessonDto extends PartialType(LessonDto) {}

export class LessonOrderDto {
  @ApiProperty({ type: [String], description: 'Every lesson of the course, in the new order' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  lessonIds: string[];
}

export class QuizQuestionResponse {
  @ApiProperty() prompt: string;
  @ApiProperty({ enum: QuestionKind, enumName: 'QuestionKind' }) kind: QuestionKind;
  @ApiProperty({ type: [String] }) options: string[];
  @ApiProperty({ type: [Number] }) correct: number[];
}

export class QuizResponse {
  @ApiProperty() passMark: number;
  @ApiProperty({ type: [QuizQuestionResponse] }) questions: QuizQuestionResponse[];
}

export class LessonResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() position: number;
  @ApiProperty({ enum: LessonKind, enumName: 'LessonKind' }) kind: LessonKind;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) body: string | null;
  @ApiProperty({ type: String, nullable: true }) videoUrl: string | null;
  @ApiProperty({ type: Number, nullable: true }) durationMinutes: number | null;
  @ApiProperty() required: boolean;
  @ApiProperty({ type: QuizResponse, nullable: true }) quiz: QuizResponse | null;
}
