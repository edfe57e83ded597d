import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '../auth/auth.decorators.js';
import {
  NotificationIdParam,
  NotificationListResponse,
  toNotificationResponse,
} from './notifications.dto.js';
import { NotificationsService } from './notifications.service.js';
import { ErrorResponse } from '../auth/dto/auth.dto.js';

@ApiTags('me')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'AUTH_REQUIRED or AUTH_TOKEN_INVALID' })
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'My in-app notifications, newest first (at most 100), and the unread count' })
  @ApiOkResponse({ type: NotificationListResponse })
  async list(@CurrentUser() user: AuthUser): Promise<NotificationListResponse> {
    const { items, unread } = await this.notifications.list(user.id);
    return { items: items.map(toNotificationResponse), unread };
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one of my notifications read (repeating it changes nothing)' })
  @ApiNoContentResponse()
  async markRead(@CurrentUser() user: AuthUser, @Param() params: NotificationIdParam): Promise<void> {
    await this.notifications.markRead(user.id, params.id);
  }
}
