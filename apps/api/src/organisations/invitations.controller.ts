import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Role } from '@cll/domain';
import { type AuthUser, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ErrorResponse } from '../auth/dto/auth.dto.js';
import {
  EnterpriseInvitationDto,
  InvitationDto,
  InvitationPreviewResponse,
  InvitationResponse,
  StaffResponse,
} from './dto/provider.dto.js';
import { InvitationsService } from './invitations.service.js';

@ApiTags('providers')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'AUTH_REQUIRED or AUTH_TOKEN_INVALID' })
@Controller()
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get('providers/:id/staff')
  @Roles(Role.ProviderAdmin)
  @ApiOperation({ summary: 'Staff of my provider and the invitations sent (provider administrators)' })
  @ApiOkResponse({ type: StaffResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'Not a provider I administer' })
  staff(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) providerId: string,
  ): Promise<StaffResponse> {
    return this.invitations.staff(user, providerId);
  }

  @Post('providers/:id/invitations')
  @Roles(Role.ProviderAdmin)
  @ApiOperation({ summary: 'Invite someone to the provider’s staff by mobile number or e-mail' })
  @ApiCreatedResponse({ type: InvitationResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'Not a provider I administer' })
  invite(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) providerId: string,
    @Body() dto: InvitationDto,
  ): Promise<InvitationResponse> {
    return this.invitations.inviteStaff(user, providerId, dto);
  }

  @Get('enterprises/:id/users')
  @Roles(Role.ProviderStaff, Role.ProviderAdmin, Role.EnterpriseAdmin)
  @ApiTags('enterprises')
  @ApiOperation({
    summary:
      'Mentors and administrators of an enterprise, and the invitations sent (schools, enterprise admins)',
  })
  @ApiOkResponse({ type: StaffResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such enterprise, or not one I may manage' })
  enterpriseUsers(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) enterpriseId: string,
  ): Promise<StaffResponse> {
    return this.invitations.enterpriseUsers(user, enterpriseId);
  }

  @Post('enterprises/:id/invitations')
  @Roles(Role.ProviderStaff, Role.ProviderAdmin, Role.EnterpriseAdmin)
  @ApiTags('enterprises')
  @ApiOperation({ summary: 'Invite an enterprise mentor or administrator by mobile number or e-mail' })
  @ApiCreatedResponse({ type: InvitationResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such enterprise, or not one I may manage' })
  inviteEnterpriseUser(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) enterpriseId: string,
    @Body() dto: EnterpriseInvitationDto,
  ): Promise<InvitationResponse> {
    return this.invitations.inviteEnterpriseUser(user, enterpriseId, dto);
  }

  @Get('invitations/:code')
  @ApiOperation({ summary: 'What an invitation is for, and whether it was sent to me' })
  @ApiOkResponse({ type: InvitationPreviewResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'INVITATION_INVALID: unknown, expired or used' })
  preview(@CurrentUser() user: AuthUser, @Param('code') code: string): Promise<InvitationPreviewResponse> {
    return this.invitations.preview(user, code);
  }

  @Post('invitations/:code/accept')
  @HttpCode(204)
  @ApiOperation({ summary: 'Accept an invitation sent to my mobile number or e-mail' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'INVITATION_INVALID' })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'INVITATION_NOT_FOR_YOU' })
  accept(@CurrentUser() user: AuthUser, @Param('code') code: string): Promise<void> {
    return this.invitations.accept(user, code);
  }
}
