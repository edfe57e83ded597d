import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiForbiddenResponse,
} from '@nestjs/swagger';
import { IndicatorCode, Role } from '@cll/domain';
import type { Response } from 'express';
import { type AuthUser, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ErrorResponse } from '../auth/dto/auth.dto.js';
import { DomainException } from '../common/domain.exception.js';
import { ErrorCode } from '@cll/domain';
import {
  DashboardQuery,
  DrillQuery,
  DrillRow,
  IndicatorDashboard,
  PeriodResponse,
  TargetDto,
  YearQuery,
} from './dto/indicator.dto.js';
import { IndicatorReportsService } from './indicator-reports.service.js';
import { IndicatorsService } from './indicators.service.js';
import { StepUp } from '../auth/mfa/mfa-policy.js';

const BUREAU = [Role.BureauAnalyst, Role.BureauAdmin];

@ApiTags('indicators')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'AUTH_REQUIRED or AUTH_TOKEN_INVALID' })
@ApiForbiddenResponse({ type: ErrorResponse, description: 'FORBIDDEN: bureau roles only' })
@Controller('indicators')
export class IndicatorsController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly reports: IndicatorReportsService,
  ) {}

  @Get()
  @Roles(...BUREAU)
  @ApiOperation({
    summary: 'A year’s figures: value, target, gap, trend, breakdowns (small cells suppressed), restatements',
  })
  @ApiOkResponse({ type: IndicatorDashboard })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description:
      'YEAR_OUT_OF_RANGE, AGE_BAND_NOT_SERVED (the band cuts across the baseline’s bands) or VALIDATION_FAILED',
  })
  dashboard(@CurrentUser() user: AuthUser, @Query() query: DashboardQuery): Promise<IndicatorDashboard> {
    const year = query.year ?? this.indicators.currentYear();
    const band =
      query.ageFrom !== undefined || query.ageTo !== undefined
        ? { from: query.ageFrom ?? 25, to: query.ageTo ?? 64 }
        : undefined;
    if (band && band.to < band.from) {
      throw DomainException.field(ErrorCode.ValidationFailed, 'ageTo', 'The band must end after it starts.');
    }
    return this.indicators.dashboard(user, year, band);
  }

  @Post(':year/recompute')
  @HttpCode(200)
  @Roles(...BUREAU)
  @ApiOperation({ summary: 'Recompute a year’s provisional figures now (the nightly job does it too)' })
  @ApiParam({ name: 'year', example: 2026 })
  @ApiOkResponse({ type: IndicatorDashboard })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'YEAR_OUT_OF_RANGE: the year is outside what the baseline can serve; VALIDATION_FAILED',
  })
  async recompute(
    @CurrentUser() user: AuthUser,
    @Param('year', ParseIntPipe) year: number,
  ): Promise<IndicatorDashboard> {
    await this.indicators.recompute(year, user.id);
    return this.indicators.dashboard(user, year);
  }

  @Get('periods')
  @Roles(...BUREAU)
  @ApiOperation({
    summary: 'Reporting years and whether they are closed, with the frozen snapshot’s checksum',
  })
  @ApiOkResponse({ type: [PeriodResponse] })
  periods(): Promise<PeriodResponse[]> {
    return this.indicators.periods();
  }

  @Post('periods/:year/close')
  @Roles(Role.BureauAdmin)
  @StepUp('FORBIDDEN: bureau administrators only')
  @ApiOperation({ summary: 'Close a year: its figures are frozen; later data shows only as a restatement' })
  @ApiParam({ name: 'year', example: 2025 })
  @ApiCreatedResponse({ type: PeriodResponse, description: 'The closed period, with its frozen figures' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'PERIOD_CLOSED' })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'YEAR_OUT_OF_RANGE: the year is outside what the baseline can serve; VALIDATION_FAILED',
  })
  close(@CurrentUser() user: AuthUser, @Param('year', ParseIntPipe) year: number): Promise<PeriodResponse> {
    return this.indicators.close(user, year);
  }

  @Put('targets/:code/:year')
  @HttpCode(204)
  @Roles(Role.BureauAdmin)
  @ApiOperation({ summary: 'Set the target of an indicator for a year' })
  @ApiParam({ name: 'code', enum: IndicatorCode, enumName: 'IndicatorCode' })
  @ApiParam({ name: 'year', example: 2025 })
  @ApiNoContentResponse()
  @ApiConflictResponse({
    type: ErrorResponse,
    description: 'PERIOD_CLOSED: a closed year’s targets stay as reported',
  })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'YEAR_OUT_OF_RANGE: the year is outside what the baseline can serve; VALIDATION_FAILED',
  })
  async setTarget(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: TargetDto,
  ): Promise<void> {
    if (!(Object.values(IndicatorCode) as string[]).includes(code)) {
      throw new DomainException(ErrorCode.NotFound, 'No such indicator.');
    }
    await this.indicators.setTarget(user, code as IndicatorCode, year, dto.value);
  }

  @Get('drill')
  @Roles(...BUREAU)
  @ApiOperation({ summary: 'The courses and providers behind a township’s figure (no named residents)' })
  @ApiOkResponse({ type: [DrillRow] })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'A township outside my area' })
  drill(@CurrentUser() user: AuthUser, @Query() query: DrillQuery): Promise<DrillRow[]> {
    return this.reports.drill(user, query.year ?? this.indicators.currentYear(), query.code, query.township);
  }

  @Get('export.csv')
  @Roles(...BUREAU)
  @ApiOperation({ summary: 'A year’s published figures as CSV (UTF-8 with BOM, suppressed cells empty)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file' })
  async csv(@CurrentUser() user: AuthUser, @Query() query: YearQuery, @Res() res: Response): Promise<void> {
    const year = query.year ?? this.indicators.currentYear();
    const lines = this.reports.csv(user, year);
    const first = await lines.next(); // errors surface before the headers are sent
    res.type('text/csv; charset=utf-8').attachment(`indicators-${year}.csv`);
    if (!first.done) res.write(first.value);
    for await (const line of lines) res.write(line);
    res.end();
  }

  @Get('export.xlsx')
  @Roles(...BUREAU)
  @ApiOperation({ summary: 'A year’s published figures as an Excel workbook' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'XLSX file' })
  async xlsx(@CurrentUser() user: AuthUser, @Query() query: YearQuery, @Res() res: Response): Promise<void> {
    const year = query.year ?? this.indicators.currentYear();
    res
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .attachment(`indicators-${year}.xlsx`)
      .send(await this.reports.xlsx(user, year));
  }
}
