import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { DIVISION_CODE_PATTERN as DIVISION_CODE } from '@cll/domain';

export class PlaceResponse {
  @ApiProperty({ example: '330782101000' }) code: string;
  @ApiProperty({ example: '城关镇' }) name: string;
  @ApiProperty({ example: 'Chengguan Town' }) nameEn: string;
}

export class TownshipWithVillagesResponse extends PlaceResponse {
  @ApiProperty({ type: [PlaceResponse] }) villages: PlaceResponse[];
}

export class TownshipCodeParam {
  @ApiProperty({ example: '330782101000' })
  @Matches(DIVISION_CODE, { message: '$property must be a 12-digit division code' })
  code: string;
}

export const toPlaceResponse = (p: { code: string; name: string; nameEn: string }): PlaceResponse => ({
  code: p.code,
  name: p.name,
  nameEn: p.nameEn,
});
