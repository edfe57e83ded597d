/**
 * The privacy notice (隐私政策), versioned. A new version is added at the top; older ones stay so that the version a
 * resident agreed to can always be shown. Changing the current version asks every user again at their next sign-in.
 */
export interface NoticeSection {
  heading: string;
  body: string;
}

export interface PrivacyNotice {
  version: string;
  publishedOn: string;
  'zh-CN': NoticeSection[];
  en: NoticeSection[];
}

export const PRIVACY_NOTICES: readonly PrivacyNotice[] = [
  {
    version: '2026-12-01',
    publishedOn: '2026-12-01',
    'zh-CN': [
      {
        heading: '谁处理您的个人信息',
        body: '本平台由县教育局运营，用于终身学习和职业培训的报名、学习记录、证书和学徒制管理，以及县里的教育统计。',
      },
      {
        heading: '我们收集什么、为什么',
        body: '姓名、手机号或电子邮箱（登录和通知）；出生日期、性别、所在乡镇和村（社区）、文化程度、就业状况（按年龄和地区提供课程，计算县里的教育指标）；报名、学习进度、考勤、学习记录和证书（为您记录学习成果）。',
      },
      {
        heading: '身份证号（敏感个人信息）',
        body: '身份证号属于敏感个人信息。只有在您单独同意后才会保存，仅用于核实身份、避免重复账号和出具证书；加密保存，只以打码形式显示，不提供给任何第三方。不填写身份证号也能使用平台。',
      },
      {
        heading: '谁能看到',
        body: '您报名的学校只看到与其课程有关的信息；教育局只看到不少于 5 人的汇总数字；代办人（家人或村社工作人员）只能在您确认的范围内代您操作，您可以随时撤销。',
      },
      {
        heading: '保存多久',
        body: '账号存续期间保存。注销账号后，我们删除或匿名化您的姓名、联系方式、身份证号等个人信息；已发出的证书和匿名的统计数字会保留，证书核验页只显示打码的姓名。',
      },
      {
        heading: '您的权利',
        body: '您可以在“我的数据”中查看和下载平台保存的关于您的全部信息，更正资料，撤回同意，或申请注销账号；也可以到乡镇服务点由工作人员协助办理。',
      },
    ],
    en: [
      {
        heading: 'Who handles your personal information',
        body: 'The county education bureau runs this platform for enrolment, learning records, certificates and apprenticeships in lifelong learning and vocational training, and for the county’s education statistics.',
      },
      {
        heading: 'What we collect and why',
        body: 'Name, mobile number or e-mail (sign-in and notices); birth date, sex, township and village, attainment and employment status (to offer courses by age and place and to compute the county’s indicators); enrolments, progress, attendance, learning records and certificates (to record what you learnt).',
      },
      {
        heading: 'Your ID number (sensitive personal information)',
        body: 'The resident ID number is sensitive personal information. It is kept only with your separate consent, used only to verify identity, avoid duplicate accounts and issue certificates, stored encrypted, shown only masked and given to no third party. You can use the platform without it.',
      },
      {
        heading: 'Who can see it',
        body: 'A school you enrol with sees what concerns its courses; the bureau sees only totals of at least 5 people; a proxy (family member or village worker) acts for you only within what you confirmed, and you can end that at any time.',
      },
      {
        heading: 'How long we keep it',
        body: 'For as long as your account exists. When you close it we erase or anonymise your name, contact details, ID number and other personal fields; certificates already issued and anonymous statistics remain, and a certificate’s verification page shows only a masked name.',
      },
      {
        heading: 'Your rights',
        body: 'Under “My data” you can see and download everything the platform holds about you, correct it, withdraw consent or ask to close your account; staff at a township service point can help you do this in person.',
      },
    ],
  },
];

export const CURRENT_NOTICE = PRIVACY_NOTICES[0];
