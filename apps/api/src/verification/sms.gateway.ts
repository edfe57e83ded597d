/** Sends one text message. Rejects when the message could not be handed to the provider. */
export interface SmsGateway {
  readonly name: 'dev' | 'http';
  send(mobile: string, text: string): Promise<void>;
}

export const SMS_GATEWAY = Symbol('SMS_GATEWAY');

export class SmsSendError extends Error {}
