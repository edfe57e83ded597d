import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CourseCategory, DIVISION_CODE_PATTERN } from '@cll/domain';
import { IsOptional, IsString, Matches } from 'class-validator';
import { LengthGraphemes } from '../../common/graphemes.js';

export class CourseRequestDto {
  @ApiProperty({ example: '学开挖掘机', description: 'What the resident wants to learn, in their words' })
  @IsString()
  @LengthGraphemes(1, 100)
  text: string;

  @ApiProperty({ example: '339901102000', description: 'The township where the resident would attend' })
  @Matches(DIVISION_CODE_PATTERN, { message: '$property must be a 12-digit division code' })
  townshipCode: string;
}

export class CourseRequestResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: [String] }) words: string[];
  @ApiProperty() townshipCode: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class DemandCell {
  @ApiProperty() townshipCode: string;
  @ApiProperty() townshipName: string;
  @ApiProperty() word: string;
  @ApiProperty({ description: 'Distinct residents who asked (cells under 5 are not shown)' }) people: number;
}

export class DemandWord {
  @ApiProperty() word: string;
  @ApiProperty({ description: 'Distinct residents county-wide (under 5 not shown)' }) people: number;
}

export class DemandSummary {
  @ApiProperty({ type: [DemandCell] }) byTownship: DemandCell[];
  @ApiProperty({ type: [DemandWord] }) byWord: DemandWord[];
  @ApiProperty({ description: 'Cells and words left out because fewer than 5 residents asked' })
  suppressed: number;
  @ApiProperty({ description: 'The smallest number of residents a shown figure may come from' })
  threshold: number;
}

export class SuggestionsQuery {
  @ApiPropertyOptional({ description: 'The resident’s township: its coming classes are suggested' })
  @IsOptional()
  @Matches(DIVISION_CODE_PATTERN, { message: '$property must be a 12-digit division code' })
  townshipCode?: string;
}

export class SuggestedCourse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() providerName: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextStartsAt: string | null;
  @ApiProperty({ type: String, nullable: true }) townshipName: string | null;
}

export class CategoryCount {
  @ApiProperty({ enum: CourseCategory, enumName: 'CourseCategory' }) category: CourseCategory;
  @ApiProperty() courses: number;
}

export class Suggestions {
  @ApiProperty({ type: [CategoryCount] }) categories: CategoryCount[];
  @ApiProperty({ type: [SuggestedCourse], description: 'Coming classes in the township given' })
  nearby: SuggestedCourse[];
  @ApiProperty({ type: [SuggestedCourse], description: 'Most enrolled current and coming courses' })
  popular: SuggestedCourse[];
}
