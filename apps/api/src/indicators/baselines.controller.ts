import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Role } from '@cll/domain';
import type { Response } from 'express';
import { type AuthUser, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ErrorResponse } from '../auth/dto/auth.dto.js';
import { BaselinesService } from './baselines.service.js';
import { BaselineDto, BaselineResponse } from './dto/baseline.dto.js';

@ApiTags('indicators')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'AUTH_REQUIRED or AUTH_TOKEN_INVALID' })
@ApiForbiddenResponse({ type: ErrorResponse, description: 'FORBIDDEN: bureau roles only' })
@Controller('population-baselines')
export class BaselinesController {
  constructor(private readonly baselines: BaselinesService) {}

  @Post()
  @Roles(Role.BureauAdmin)
  @ApiOperation({
    summary: 'Upload a population baseline; a background job checks and imports it (all or nothing)',
  })
  @ApiCreatedResponse({ type: BaselineResponse })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'IMPORT_CSV_INVALID (header, row count), VALIDATION_FAILED',
  })
  upload(@CurrentUser() user: AuthUser, @Body() dto: BaselineDto): Promise<BaselineResponse> {
    return this.baselines.upload(user, dto);
  }

  @Get()
  @Roles(Role.BureauAnalyst, Role.BureauAdmin)
  @ApiOperation({ summary: 'Population baselines, newest first' })
  @ApiOkResponse({ type: [BaselineResponse] })
  list(): Promise<BaselineResponse[]> {
    return this.baselines.list();
  }

  @Get(':id')
  @Roles(Role.BureauAnalyst, Role.BureauAdmin)
  @ApiOperation({ summary: 'A baseline with its import progress and the first problems found' })
  @ApiOkResponse({ type: BaselineResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  one(@Param('id', ParseUUIDPipe) id: string): Promise<BaselineResponse> {
    return this.baselines.one(id);
  }

  @Get(':id/errors.csv')
  @Roles(Role.BureauAnalyst, Role.BureauAdmin)
  @ApiOperation({ summary: 'Every problem found in the file, to correct it' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV: line, field, code, message' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async errors(@Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    res
      .type('text/csv; charset=utf-8')
      .attachment('baseline-errors.csv')
      .send(`\uFEFF${await this.baselines.errorsCsv(id)}`);
  }
}
