import { Logger } from '@nestjs/common';
import type { SmsGateway } from './sms.gateway.js';

export interface DevSmsMessage {
  mobile: string;
  text: string;
  sentAt: string;
}

const KEEP = 200;

/**
 * Development only (configuration refuses it in production): writes each message to the log and keeps the last
 * few in this process for the development page `/dev/sms`. Nothing leaves the machine.
 */
export class DevSmsGateway implements SmsGateway {
  readonly name = 'dev' as const;
  private readonly logger = new Logger('DevSmsGateway');
  private readonly messages: DevSmsMessage[] = [];
  /** Tests make the gateway fail to see what a resident sees when SMS is down. */
  failing = false;

  send(mobile: string, text: string): Promise<void> {
    if (this.failing) return Promise.reject(new Error('development SMS gateway set to fail'));
    this.messages.unshift({ mobile, text, sentAt: new Date().toISOString() });
    this.messages.length = Math.min(this.messages.length, KEEP);
    this.logger.log(`SMS to ${mobile}: ${text}`);
    return Promise.resolve();
  }

  /** Newest first; optionally only those to one number. */
  list(mobile?: string): DevSmsMessage[] {
    return this.messages.filter((m) => !mobile || m.mobile === mobile);
  }

  /** The 6-digit code in the newest message to this number (tests and the development page). */
  lastCode(mobile: string): string | undefined {
    return /\b(\d{6})\b/.exec(this.list(mobile)[0]?.text ?? '')?.[1];
  }
}
