import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EditableProfileFields } from './profile-fields.js';

export class UpdateProfileDto extends PartialType(EditableProfileFields) {
  @ApiPropertyOptional({ enum: ['zh-CN', 'en'] })
  @IsOptional()
  @IsIn(['zh-CN', 'en'])
  locale?: 'zh-CN' | 'en';

  @ApiPropertyOptional({
    enum: ['standard', 'elder'],
    description: '长辈版 (elder mode) or the standard display',
  })
  @IsOptional()
  @IsIn(['standard', 'elder'])
  displayMode?: 'standard' | 'elder';
}
