import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators.js';
import { ErrorResponse } from '../auth/dto/auth.dto.js';
import { CataloguePage, CatalogueQuery, CourseQuery, PublicCourse } from './dto/catalogue.dto.js';
import { CatalogueService } from './catalogue.service.js';

@ApiTags('catalogue')
@Controller('catalogue/courses')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Public()
  @Get()
  @ApiOperation({
    summary: 'Search the catalogue: relevance first, then the soonest session; Chinese substrings work',
  })
  @ApiOkResponse({ type: CataloguePage })
  @ApiBadRequestResponse({ type: ErrorResponse })
  search(@Query() query: CatalogueQuery): Promise<CataloguePage> {
    return this.catalogue.search(query);
  }

  @Public()
  @Get(':id')
  @ApiOperation({
    summary: 'A published course: description, lessons outline, current and coming sessions, provider',
  })
  @ApiOkResponse({ type: PublicCourse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND' })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED (nearTownshipCode)' })
  course(@Param('id', ParseUUIDPipe) id: string, @Query() query: CourseQuery): Promise<PublicCourse> {
    return this.catalogue.course(id, query.nearTownshipCode);
  }
}
