import { hasMessage } from './i18n/index.js';

/** The message key of an audit action code; a code this version has no label for is shown as it is. */
export function auditActionKey(action: string): string | null {
  const key = `auditAction.${action}`;
  return hasMessage(key) ? key : null;
}
