import type { AppConfig } from '../config/config.js';

/** 139****0123 */
export function maskMobile(mobile: string): string {
  return `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
}

/** A text message body with the signature SMS providers in China require at its start. */
export function smsText(config: AppConfig, body: string): string {
  const signature = config.sms.gateway === 'http' ? config.sms.signature : '县终身学习平台';
  return `【${signature}】${body}`;
}
