import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Role } from '@cll/domain';
import { type AuthUser, CurrentUser, Public, Roles } from '../../auth/auth.decorators.js';
import { ErrorResponse } from '../../auth/dto/auth.dto.js';
import {
  CourseRequestDto,
  CourseRequestResponse,
  DemandSummary,
  Suggestions,
  SuggestionsQuery,
} from './demand.dto.js';
import { DemandService } from './demand.service.js';

@ApiTags('catalogue')
@Controller()
export class DemandController {
  constructor(private readonly demand: DemandService) {}

  @Public()
  @Get('catalogue/suggestions')
  @ApiOperation({
    summary: 'When a search finds nothing: categories, coming classes in a township, popular courses',
  })
  @ApiOkResponse({ type: Suggestions })
  @ApiBadRequestResponse({ type: ErrorResponse })
  suggestions(@Query() query: SuggestionsQuery): Promise<Suggestions> {
    return this.demand.suggestions(query.townshipCode);
  }

  @Post('me/course-requests')
  @ApiOperation({
    summary: '“I want to learn …”: leave a wish with a township (one per wording; again updates it)',
  })
  @ApiCreatedResponse({ type: CourseRequestResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'TOWNSHIP_UNKNOWN or VALIDATION_FAILED' })
  request(@CurrentUser() user: AuthUser, @Body() dto: CourseRequestDto): Promise<CourseRequestResponse> {
    return this.demand.request(user, dto);
  }

  @Get('course-requests/summary')
  @Roles(Role.BureauAnalyst, Role.BureauAdmin, Role.ProviderStaff, Role.ProviderAdmin)
  @ApiOperation({ summary: 'Residents’ wishes by township and word (distinct people; under 5 suppressed)' })
  @ApiOkResponse({ type: DemandSummary })
  summary(): Promise<DemandSummary> {
    return this.demand.summary();
  }
}
