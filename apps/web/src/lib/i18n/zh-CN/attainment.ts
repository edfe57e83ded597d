/** The attainment history (learner's profile) and its correction by a provider's staff. */
export const attainmentZhCN = {
  'attainmentHistory.heading': '学历变化记录',
  'attainmentHistory.intro':
    '最高学历每次变化都记下日期和来源。县里统计“平均受教育年限”和学历提升时按这份记录计算；以后再改资料，只会新增一条记录，不会改写过去。',
  'attainmentHistory.empty': '还没有记录。',
  'attainmentHistory.unavailable': '学历变化记录暂时无法显示，请稍后再试。',
  'attainmentHistory.first': '记为：{after}',
  'attainmentHistory.change': '{before} → {after}',
  'attainmentHistory.programme': '学历教育项目：{programme}（{provider}）',
  'attainmentHistory.correctedBy': '更正单位：{provider}',
  'attainmentHistory.reason': '原因：{reason}',
  'attainmentSource.registration': '注册时填写',
  'attainmentSource.backfill': '开始记录时资料中的学历',
  'attainmentSource.programme_completion': '完成学历教育项目',
  'attainmentSource.self_declared': '本人修改资料',
  'attainmentSource.staff_correction': '工作人员核验后更正',
  'profile.attainment.hint':
    '填错了可以在这里改，会记作“本人修改资料”。只有完成平台上的学历教育项目才算学历提升。',

  'roster.attainmentOf': '{name} 的学历记录',
  'attainmentCorrection.title': '{name} 的学历记录',
  'attainmentCorrection.back': '返回点名和学员名单',
  'attainmentCorrection.current': '目前记录的最高学历：{level}',
  'attainmentCorrection.heading': '更正最高学历',
  'attainmentCorrection.intro':
    '核验毕业证书等材料后，发现记录有误时使用。更正连同原因记入学员的学历记录，学员本人能看到；更正不算学历提升。',
  'attainmentCorrection.level': '正确的最高学历',
  'attainmentCorrection.reason': '更正原因',
  'attainmentCorrection.reason.hint': '写明核验了什么，例如“核验毕业证书：大专（2019年）”。4 到 500 个字。',
  'attainmentCorrection.submit': '保存更正',
  'attainmentCorrection.saved': '已更正，并记入学员的学历记录。',
  'error.ATTAINMENT_UNCHANGED': '这已经是学员记录中的学历，不需要更正。',
  'attainmentCorrection.notFound': '没有找到这条报名，或它不属于你的机构。',
};
