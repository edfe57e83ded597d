import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Role } from '@cll/domain';
import { type AuthUser, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ErrorResponse } from '../auth/dto/auth.dto.js';
import { EnterpriseDto, EnterpriseQuery, EnterpriseResponse } from './dto/enterprise.dto.js';
import { EnterprisesService } from './enterprises.service.js';

@ApiTags('enterprises')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'AUTH_REQUIRED or AUTH_TOKEN_INVALID' })
@ApiForbiddenResponse({ type: ErrorResponse, description: 'FORBIDDEN for learners' })
@Controller('enterprises')
export class EnterprisesController {
  constructor(private readonly enterprises: EnterprisesService) {}

  @Post()
  @Roles(Role.ProviderAdmin, Role.BureauAdmin)
  @ApiOperation({ summary: 'Register an enterprise that takes part in apprenticeships' })
  @ApiCreatedResponse({ type: EnterpriseResponse })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'VALIDATION_FAILED (isCreditCode), TOWNSHIP_UNKNOWN',
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'ENTERPRISE_EXISTS' })
  create(@CurrentUser() user: AuthUser, @Body() dto: EnterpriseDto): Promise<EnterpriseResponse> {
    return this.enterprises.create(user, dto);
  }

  @Get()
  @Roles(
    Role.ProviderStaff,
    Role.ProviderAdmin,
    Role.EnterpriseMentor,
    Role.EnterpriseAdmin,
    Role.BureauAnalyst,
    Role.BureauAdmin,
  )
  @ApiOperation({
    summary: 'Enterprises, searched by name or credit code',
    description:
      'The credit code only for the bureau, the enterprise’s own users and schools with an agreement with it; else null.',
  })
  @ApiOkResponse({ type: [EnterpriseResponse] })
  list(@CurrentUser() user: AuthUser, @Query() query: EnterpriseQuery): Promise<EnterpriseResponse[]> {
    return this.enterprises.list(user, query.q);
  }
}
