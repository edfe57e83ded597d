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
import { CataloguePage, CatalogueQuery, PublicCourse } from './dto/catalogue.dto.js';
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
  @ApiNotFoundResponse({ type: ErrorResponse })
  course(@Param('id', ParseUUIDPipe) id: string): Promise<PublicCourse> {
    return this.catalogue.course(id);
  }
}
