import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Role } from '@cll/domain';
import { type AuthUser, CurrentUser, Roles } from '../../auth/auth.decorators.js';
import { ErrorResponse } from '../../auth/dto/auth.dto.js';
import { SynonymDto, SynonymResponse } from './synonyms.dto.js';
import { SynonymsService } from './synonyms.service.js';

@ApiTags('catalogue')
@Controller('search-synonyms')
export class SynonymsController {
  constructor(private readonly synonyms: SynonymsService) {}

  @Get()
  @Roles(Role.BureauAnalyst, Role.BureauAdmin)
  @ApiOperation({
    summary: 'The search synonym table: everyday words and the catalogue words they stand for',
  })
  @ApiOkResponse({ type: [SynonymResponse] })
  list(): Promise<SynonymResponse[]> {
    return this.synonyms.list();
  }

  @Post()
  @Roles(Role.BureauAdmin)
  @ApiOperation({
    summary: 'Add a synonym row; searches use it at once in this process, within 30 s elsewhere',
  })
  @ApiCreatedResponse({ type: SynonymResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'SYNONYM_EXISTS: the term has a row already' })
  create(@CurrentUser() user: AuthUser, @Body() dto: SynonymDto): Promise<SynonymResponse> {
    return this.synonyms.create(user, dto);
  }

  @Put(':id')
  @Roles(Role.BureauAdmin)
  @ApiOperation({ summary: 'Replace a synonym row' })
  @ApiOkResponse({ type: SynonymResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({
    type: ErrorResponse,
    description: 'SYNONYM_EXISTS: another row has the term already',
  })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SynonymDto,
  ): Promise<SynonymResponse> {
    return this.synonyms.update(user, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(Role.BureauAdmin)
  @ApiOperation({ summary: 'Remove a synonym row' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponse })
  remove(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.synonyms.remove(user, id);
  }
}
