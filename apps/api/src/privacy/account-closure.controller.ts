import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Role } from '@cll/domain';
import { type AuthUser, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ErrorResponse } from '../auth/dto/auth.dto.js';
import { StepUp } from '../auth/mfa/mfa-policy.js';
import { AccountClosureService } from './account-closure.service.js';
import {
  AccountClosedResponse,
  CloseAccountInPersonDto,
  CloseOwnAccountDto,
} from './dto/account-closure.dto.js';

@ApiTags('privacy')
@ApiBearerAuth()
@Controller()
export class AccountClosureController {
  constructor(private readonly closure: AccountClosureService) {}

  @Post('me/account-closure')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Close my account (PIPL art. 47): signs out everywhere, erases the personal fields, keeps the anonymous ' +
      'facts the county’s figures and issued certificates rely on; the password is asked again; audited',
  })
  @ApiOkResponse({ type: AccountClosedResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED; PASSWORD_WRONG' })
  @ApiUnauthorizedResponse({ type: ErrorResponse, description: 'AUTH_REQUIRED or AUTH_TOKEN_INVALID' })
  @ApiConflictResponse({
    type: ErrorResponse,
    description: 'ACCOUNT_CLOSED: already closed; ACCOUNT_HAS_STAFF_ROLES: staff roles are withdrawn first',
  })
  closeOwn(@CurrentUser() user: AuthUser, @Body() dto: CloseOwnAccountDto): Promise<AccountClosedResponse> {
    return this.closure.closeOwn(user, dto.password);
  }

  @Post('admin/account-closures')
  @HttpCode(200)
  @Roles(Role.BureauAdmin)
  @StepUp('FORBIDDEN: not a bureau administrator')
  @ApiOperation({
    summary:
      'Close a resident’s account on a request made in person (bureau administrator, within their townships; ' +
      'identity checked on the document; reason kept; audited)',
  })
  @ApiOkResponse({ type: AccountClosedResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: no such resident in your area' })
  @ApiConflictResponse({
    type: ErrorResponse,
    description:
      'ACCOUNT_CLOSED: already closed; ACCOUNT_HAS_STAFF_ROLES: a staff account (or your own) is not closed here',
  })
  closeInPerson(
    @CurrentUser() user: AuthUser,
    @Body() dto: CloseAccountInPersonDto,
  ): Promise<AccountClosedResponse> {
    return this.closure.closeInPerson(user, dto.account, dto.reason);
  }
}
