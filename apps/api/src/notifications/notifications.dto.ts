import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { Notification } from './notification.entity.js';

export class NotificationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'welcome', description: 'Rendered by the web app in the reader’s language' })
  kind: string;
  @ApiProperty({ type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] } })
  params: Record<string, string | number>;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class NotificationListResponse {
  @ApiProperty({ type: [NotificationResponse] }) items: NotificationResponse[];
  @ApiProperty() unread: number;
}

export class NotificationIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export const toNotificationResponse = (n: Notification): NotificationResponse => ({
  id: n.id,
  kind: n.kind,
  params: n.params,
  readAt: n.readAt?.toISOString() ?? null,
  createdAt: n.createdAt.toISOString(),
});
