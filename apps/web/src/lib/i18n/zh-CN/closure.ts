/** Closing an account (PIPL art. 47): by the resident, or by a bureau administrator on a request made in person. */
export const closureZhCN = {
  'closure.link': '注销账号',
  'closure.title': '注销账号',
  'closure.intro':
    '注销后，您在所有设备上都会退出登录，这个账号再也不能登录。您的手机号和身份证号可以重新注册为新账号，但新账号看不到这里的学习记录。',
  'closure.erased.title': '会删除的信息',
  'closure.erased.name': '姓名（改为“已注销用户”）',
  'closure.erased.contact': '手机号、电子邮箱、登录号码和密码',
  'closure.erased.idNumber':
    '身份证号（加密保存的号码、查重用的摘要和打码形式），身份证号的单独同意记为已撤回',
  'closure.erased.devices': '登录过的设备和大致位置，身份验证器',
  'closure.erased.certificateName': '证书上的完整姓名（只保留打码姓名，如“王**”）和证书 PDF 文件',
  'closure.erased.messages': '站内消息、代办关系（全部解除）、学徒协议中的监护人姓名和手机号',
  'closure.kept.title': '会保留的信息（不再能对应到您本人）',
  'closure.kept.records':
    '学习记录、报名和学习进度、学历变化记录：县里的终身学习统计要用到，只保留出生日期、性别、所在乡镇村和学历、就业状况，不保留姓名和证件号',
  'closure.kept.certificates': '已发的证书：编号和验证码仍可查验真伪，验证页只显示打码姓名',
  'closure.kept.statistics': '县里已经发布的统计数字不会因为注销而改变',
  'closure.kept.consents': '您同意隐私政策的时间和版本（证明当时同意了什么）',
  'closure.kept.audit': '操作记录（只记编号和数量，不记姓名、手机号、证件号）',
  'closure.before': '注销前，您可以先下载自己的数据留存。',
  'closure.password': '登录密码',
  'closure.confirm': '我已了解以上内容，确认注销账号，注销后不能恢复',
  'closure.confirm.required': '请勾选确认注销。',
  'closure.submit': '确认注销',
  'closure.cancel': '不注销，返回',
  'closure.done.title': '账号已注销',
  'closure.done.text': '您的账号已注销，所有设备都已退出登录。谢谢您使用平台学习。',
  'closure.inPerson.link': '现场申请注销',
  'closure.inPerson.title': '按本人现场申请注销居民账号',
  'closure.inPerson.intro':
    '居民本人到服务点或教育局申请注销、并出示身份证件核验身份后，在这里办理。办理需要再次输入身份验证器的验证码；办理人和原因记入操作记录。工作人员账号不能在这里注销。',
  'closure.inPerson.account': '居民账号',
  'closure.inPerson.accountHint': '手机号、9 位登录号码、电子邮箱或账号编号',
  'closure.inPerson.reason': '申请情况',
  'closure.inPerson.reasonHint': '例如：本人持身份证到城关镇服务点申请注销，已核验身份',
  'closure.inPerson.reasonRequired': '请写明申请情况（至少 4 个字）。',
  'closure.inPerson.submit': '注销该账号',
  'closure.inPerson.done': '已注销（{time}），结束了 {count} 个登录。',
  'error.ACCOUNT_CLOSED': '这个账号已经注销了。',
  'error.ACCOUNT_HAS_STAFF_ROLES':
    '这是工作人员账号（或您本人的账号），需要先撤销其工作角色和服务点指定后才能注销。',
} as const;
