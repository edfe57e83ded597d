/** Signed credentials: checking a credential file, the wallet downloads, revocation. */
export const credentialsZhCN = {
  'verify.revokedOn': '撤销日期',
  'verify.credits': '学分',
  'verify.expired': '证书已过期',
  'verify.expiredText': '这张证书由本平台签发，签名有效，但已超过有效期。',
  'verify.signed': '签名有效：由本平台签发，内容未被改动。',
  'verify.keys': '也可以用本平台公布的公钥自行离线核验：',
  'verify.keys.link': '签发方公钥（JWKS）',
  'verify.upload.title': '查验电子证书文件',
  'verify.upload.intro':
    '电子证书（Open Badges 3.0）由本平台签名。上传从本平台下载的证书文件（JSON），系统核对签名、签发机构、有效期和是否撤销。',
  'verify.upload.file': '证书文件（.json）',
  'verify.upload.hint': '文件最大 500 KB。',
  'verify.upload.submit': '查验文件',
  'verify.upload.missing': '请选择一个证书文件。',
  'verify.upload.result': '查验结果',
  'verify.upload.presentation': '这是一份学习档案，包含 {count} 张证书：',
  'error.CREDENTIAL_MALFORMED': '这不是本平台的电子证书文件，无法查验。请上传从平台下载的 .json 证书文件。',
  'error.CREDENTIAL_FOREIGN_ISSUER': '这张电子证书不是本平台签发的，请向签发机构核验。',
  'error.CREDENTIAL_UNKNOWN_KEY': '这张电子证书使用的密钥不是本平台公布的密钥，不能认定为本平台签发。',
  'error.CREDENTIAL_BAD_SIGNATURE': '签名不符：证书内容在签发后被改动过，或是伪造的。此证书无效。',
  'error.CERTIFICATE_ALREADY_REVOKED': '这张证书已经撤销过了。',

  'certificates.credential': '下载电子证书（JSON）',
  'certificates.credentialNamed': '下载电子证书（JSON）：{course}',
  'certificates.revoked': '已撤销（{date}）',
  'record.presentation': '下载全部电子证书（一个签名文件）',
  'record.wallet':
    '电子证书可以存入数字钱包，或交给用人单位、学分银行，他们可以在本平台的证书验证页或用公布的公钥核验。',
  'record.revoked': '证书已撤销',

  'revoke.title': '撤销证书',
  'revoke.nav': '撤销证书',
  'revoke.intro':
    '证书撤销后，验证页和电子证书都会显示“已撤销”及日期，持证人会收到通知，学习档案中保留该记录并注明撤销。机构管理员只能撤销本机构的证书。',
  'revoke.number': '证书编号',
  'revoke.number.hint': '印在证书上，例如 QX2026-000001。',
  'revoke.reason': '撤销原因',
  'revoke.reason.hint': '会告知持证人，并记入审计日志。',
  'revoke.submit': '撤销这张证书',
  'revoke.done': '证书 {number} 已撤销，持证人已收到通知。',
  'revoke.notFound': '没有找到这个编号的证书，或您无权撤销它。',

  'notification.certificate_revoked.title': '证书已撤销：{courseTitle}',
  'notification.certificate_revoked.body': '您的证书 {number} 已被撤销。原因：{reason}',
};
