import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators.js';
import {
  PlaceResponse,
  TownshipCodeParam,
  TownshipWithVillagesResponse,
  toPlaceResponse,
} from './geo.dto.js';
import { GeoService } from './geo.service.js';

@ApiTags('geo')
@Controller('geo')
export class GeoController {
  constructor(private readonly geo: GeoService) {}

  @Public()
  @Get('townships')
  @ApiOperation({ summary: 'Townships (乡镇/街道) of the county' })
  @ApiOkResponse({ type: [PlaceResponse] })
  async townships(): Promise<PlaceResponse[]> {
    return (await this.geo.listTownships()).map(toPlaceResponse);
  }

  @Public()
  @Get('places')
  @ApiOperation({ summary: 'Every township with its villages and communities, for residence forms' })
  @ApiOkResponse({ type: [TownshipWithVillagesResponse] })
  async places(): Promise<TownshipWithVillagesResponse[]> {
    return (await this.geo.listTownshipsWithVillages()).map((t) => ({
      ...toPlaceResponse(t),
      villages: t.villages.map(toPlaceResponse),
    }));
  }

  @Public()
  @Get('townships/:code/villages')
  @ApiOperation({ summary: 'Villages and communities (村/居) of a township' })
  @ApiOkResponse({ type: [PlaceResponse] })
  async villages(@Param() params: TownshipCodeParam): Promise<PlaceResponse[]> {
    return (await this.geo.listVillages(params.code)).map(toPlaceResponse);
  }
}
