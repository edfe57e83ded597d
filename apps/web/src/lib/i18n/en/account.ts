import type { accountZhCN } from '../zh-CN/account.js';

export const accountEn = {
  'login.forgot': 'Forgot your password?',
  'login.stepUp.title': 'Enter the code from the text message',
  'login.stepUp.text':
    'Someone elsewhere has tried many wrong passwords on this account. To protect it we sent a 6-digit code to {mobile}; enter it within 5 minutes.',
  'login.stepUp.submit': 'Check the code and sign in',
  'code.label': 'Code from the text message',
  'code.hint': '6 digits, valid for 5 minutes, at most 5 tries.',
  'forgot.title': 'Forgot password',
  'forgot.intro':
    'Enter the mobile number you registered with. We will text you a code to set a new password.',
  'forgot.mobile': 'Mobile number',
  'forgot.send': 'Send the code',
  'forgot.sent':
    'If {mobile} is registered, the text with the code is on its way. Enter it within 5 minutes.',
  'forgot.newPassword': 'New password',
  'forgot.newPassword.hint':
    'At least 8 characters with a letter and a digit; not your mobile number, your name or a common password.',
  'forgot.confirmPassword': 'New password again',
  'forgot.submit': 'Set the new password and sign in',
  'forgot.resend': 'No text? Send it again',
  'forgot.noPhone':
    'No phone of your own? Bring your ID card to the township service centre: staff check it and can reset your password.',
  'validation.passwordsDiffer': 'The two new passwords differ.',
  'validation.code': 'Enter the 6 digits from the text message.',
  'validation.isNotPersonal': 'The password must not contain your mobile number, e-mail address or name.',
  'validation.isNotBreached': 'This password is on lists of leaked passwords; choose another.',
  'validation.isNotDemoPassword': 'This is the published demo password; choose another.',
  'register.verify.title': 'Step 1: confirm your mobile',
  'register.verify.intro': 'We first text a code to your mobile to show that the number is yours.',
  'register.verify.noMobile':
    'No phone of your own? Staff at the township service centre can open an account for you.',
  'register.verify.codeHint':
    'The 6 digits sent to {mobile}, valid for 5 minutes. If the number already has an account, the text says so: use “Forgot password”.',
  'error.CODE_REQUIRED': 'Enter the code texted to your mobile.',
  'error.AUTH_STEP_UP_REQUIRED': 'Enter the code sent to your mobile.',
  'error.CODE_INVALID': 'The code is not right. Check the text message and try again.',
  'error.CODE_EXPIRED': 'The code has expired. Ask for a new one.',
  'error.CODE_USED': 'This code has been used already. Ask for a new one.',
  'error.CODE_ATTEMPTS_EXHAUSTED': 'Too many wrong codes. Ask for a new one.',
  'error.SMS_UNAVAILABLE':
    'Text messages cannot be sent just now. Try again in a few minutes, or go to a township service centre.',
  'error.PROXY_CONSENT_REQUIRED':
    'The resident has not confirmed (or has withdrawn) that you may act for them. Ask them to confirm with the texted code first.',
  'proxy.consent.title': 'The resident confirms',
  'proxy.consent.text':
    'We texted {mobile}. Ask the resident to read you the 6-digit code from the message and enter it below. Without their agreement you cannot enrol them.',
  'proxy.consent.submit': 'Confirm the relationship',
  'proxy.consent.forMobile': 'Resident’s mobile: {mobile}',
  'proxy.relationships.link': 'My proxy relationships',
  'relationships.title': 'Proxy relationships',
  'relationships.intro':
    'Whom you act for, and who acts for you. Either side can end a relationship at any time; it ends at once.',
  'relationships.asProxy': 'I enrol them',
  'relationships.asResident': 'They enrol me',
  'relationships.none': 'None.',
  'relationships.scope.enrolment': 'May enrol in courses',
  'relationships.via.sms': 'Confirmed by the resident’s text code',
  'relationships.via.in_person': 'Confirmed in person at a service centre',
  'relationships.since': 'Since {date}',
  'relationships.revoked': 'Ended on {date}',
  'relationships.revoke': 'End',
  'relationships.revokedDone': 'Ended.',
  'relationships.noName': '(not registered yet)',
  'devSms.title': 'Development text messages (development only)',
  'devSms.intro':
    'In development no text is really sent; the codes appear here. Production has no such page.',
  'devSms.none': 'No messages yet.',
  'devSms.to': 'To',
  'devSms.text': 'Text',
  'devSms.at': 'Sent',
} satisfies Record<keyof typeof accountZhCN, string>;
