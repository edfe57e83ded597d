import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Role } from '@cll/domain';
import { type AuthUser, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ErrorResponse } from '../auth/dto/auth.dto.js';
import { DataQualityService } from './data-quality.service.js';
import {
  FastCompletionRowsResponse,
  FastCompletionsResponse,
  FastRowsQuery,
  MovedFiguresResponse,
  MovedQuery,
} from './dto/data-quality.dto.js';
import { YearQuery } from './dto/indicator.dto.js';
import { IndicatorsService } from './indicators.service.js';

const BUREAU = [Role.BureauAnalyst, Role.BureauAdmin];

@ApiTags('indicators')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'AUTH_REQUIRED or AUTH_TOKEN_INVALID' })
@ApiForbiddenResponse({ type: ErrorResponse, description: 'FORBIDDEN: bureau roles only' })
@ApiBadRequestResponse({ type: ErrorResponse, description: 'YEAR_OUT_OF_RANGE or VALIDATION_FAILED' })
@Controller('data-quality')
export class DataQualityController {
  constructor(
    private readonly quality: DataQualityService,
    private readonly indicators: IndicatorsService,
  ) {}

  @Get('fast-completions')
  @Roles(...BUREAU)
  @ApiOperation({
    summary:
      'Course completions faster than the planned hours allow, counted by provider (the rule is in the answer)',
  })
  @ApiOkResponse({ type: FastCompletionsResponse })
  fast(@CurrentUser() user: AuthUser, @Query() query: YearQuery): Promise<FastCompletionsResponse> {
    return this.quality.fastCompletions(user, query.year ?? this.indicators.currentYear());
  }

  @Get('fast-completions/rows')
  @Roles(...BUREAU)
  @ApiOperation({
    summary:
      'The enrolments behind the fast completions (masked learner, course, started, completed); audited',
  })
  @ApiOkResponse({ type: FastCompletionRowsResponse })
  fastRows(
    @CurrentUser() user: AuthUser,
    @Query() query: FastRowsQuery,
  ): Promise<FastCompletionRowsResponse> {
    return this.quality.fastRows(user, query.year ?? this.indicators.currentYear(), query.providerId ?? null);
  }

  @Get('moved-figures')
  @Roles(...BUREAU)
  @ApiOperation({
    summary:
      'The last closed year’s figures that moved most since the close (closed vs recomputed, small changes hidden)',
  })
  @ApiOkResponse({ type: MovedFiguresResponse })
  moved(@CurrentUser() user: AuthUser, @Query() query: MovedQuery): Promise<MovedFiguresResponse> {
    return this.quality.movedFigures(user, query.year, query.sort ?? 'relative');
  }
}
