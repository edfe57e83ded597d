/** Closing an account (PIPL art. 47): by the resident, or by a bureau administrator on a request made in person. */
export const closureEn = {
  'closure.link': 'Close my account',
  'closure.title': 'Close my account',
  'closure.intro':
    'Closing signs you out on every device and the account can never sign in again. Your mobile and ID number can register a new account, but the new account will not see the records kept here.',
  'closure.erased.title': 'What is erased',
  'closure.erased.name': 'Your name (shown as “Closed account” from then on)',
  'closure.erased.contact': 'Mobile, e-mail, sign-in number and password',
  'closure.erased.idNumber':
    'Your ID number (the encrypted number, the matching hash and the masked form); the separate consent to it is marked withdrawn',
  'closure.erased.devices': 'The devices and approximate places you signed in from, and any authenticator',
  'closure.erased.certificateName':
    'Your full name on certificates (only the masked name, such as “Wang **”, stays) and the certificate PDFs',
  'closure.erased.messages':
    'Messages, proxy relationships (all ended), a guardian’s name and mobile on apprenticeships',
  'closure.kept.title': 'What is kept (no longer linked to you)',
  'closure.kept.records':
    'Learning records, enrolments and progress, attainment changes: the county’s lifelong-learning figures count them, with birth date, sex, township and village, attainment and employment only; no name or ID number',
  'closure.kept.certificates':
    'Certificates already issued: their number and verification code can still be checked; the page shows only the masked name',
  'closure.kept.statistics': 'Figures the county has published do not change because of a closure',
  'closure.kept.consents':
    'When you agreed to which version of the privacy notice (evidence of what was agreed)',
  'closure.kept.audit': 'The audit trail (ids and counts only, never names, mobiles or ID numbers)',
  'closure.before': 'Before closing, you can download your data to keep.',
  'closure.password': 'Password',
  'closure.confirm': 'I understand the above and want to close my account; this cannot be undone',
  'closure.confirm.required': 'Tick the box to confirm the closure.',
  'closure.submit': 'Close my account',
  'closure.cancel': 'Keep my account',
  'closure.done.title': 'Account closed',
  'closure.done.text':
    'Your account is closed and every device is signed out. Thank you for learning with us.',
  'closure.inPerson.link': 'Close an account in person',
  'closure.inPerson.title': 'Close a resident’s account on their request in person',
  'closure.inPerson.intro':
    'When residents ask in person at a service point or the bureau and show an ID document, close their account here. The authenticator code is asked again; who did it and why are kept in the audit trail. Staff accounts are not closed here.',
  'closure.inPerson.account': 'Resident’s account',
  'closure.inPerson.accountHint': 'Mobile, 9-digit sign-in number, e-mail or account id',
  'closure.inPerson.reason': 'The request',
  'closure.inPerson.reasonHint':
    'For example: asked in person at the Chengguan service point with their ID card',
  'closure.inPerson.reasonRequired': 'Describe the request (at least 4 characters).',
  'closure.inPerson.submit': 'Close this account',
  'closure.inPerson.done': 'Closed ({time}); {count} sign-ins ended.',
  'error.ACCOUNT_CLOSED': 'This account is already closed.',
  'error.ACCOUNT_HAS_STAFF_ROLES':
    'This is a staff account (or your own): its staff roles and service-point designations are withdrawn first.',
  'idConsent.link': 'Withdraw consent to my ID number',
  'idConsent.title': 'Withdraw consent to my ID number',
  'idConsent.held':
    'The platform holds your ID number ({masked}). When you withdraw your consent the number is erased at once (the encrypted number, the matching hash and the masked form); the consent record stays, with the time you withdrew it.',
  'idConsent.none': 'The platform holds no ID number of yours.',
  'idConsent.depends.title': 'What needs the ID number and is affected',
  'idConsent.depends.servicePoint':
    'A township service point can no longer find your account by ID number: for a password reset or a proxy relationship in person, you give the number again first',
  'idConsent.depends.proxy':
    'When a family member or village worker sets up a proxy relationship for you in person, your identity cannot be checked against your ID number',
  'idConsent.depends.certificates':
    'Certificates and learning records already issued are not affected and stay valid',
  'idConsent.depends.again':
    'You can add the number again later under “My profile”, with a new separate consent',
  'idConsent.confirm': 'I withdraw my consent and want the ID number erased',
  'idConsent.confirm.required': 'Tick the box to confirm.',
  'idConsent.submit': 'Withdraw consent and erase the ID number',
  'idConsent.done': 'Consent withdrawn; the ID number is erased.',
  'idConsent.back': 'Back to my profile',
  'error.ID_NUMBER_CONSENT_NOT_GIVEN':
    'You have not consented to the ID number (or already withdrew), and no ID number is held.',
} as const;
