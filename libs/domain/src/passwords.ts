/**
 * Passwords refused because they are among the most used (lists of leaked passwords, with the ones common in China:
 * pinyin family names, love numbers, site names). Only entries that pass the other rules (8+ characters, a letter
 * and a digit) are listed; compared without regard to case.
 */
const COMMON = `password1 password12 password123 password2025 password2026 passw0rd p@ssw0rd1 abc12345 abcd1234 abc123456
abc123123 a1234567 a12345678 a123456789 aa123456 aa12345678 aaa12345 asd12345 asd123456 asdf1234 qwe12345
qwe123456 qwer1234 qwerty12 qwerty123 qwerty1234 1qaz2wsx 1qaz2wsx3edc zaq12wsx 1q2w3e4r 1q2w3e4r5t q1w2e3r4
q1w2e3r4t5 1234qwer 1234abcd 12345qwert 123456ab 123456abc 123456aa 123qweasd zxcvbnm1 zxcvbnm123 zxc123456
admin123 admin888 admin1234 root1234 user1234 guest123 test1234 test12345 changeme1 welcome1 welcome123
letmein1 iloveyou1 iloveu1314 woaini1314 woaini520 woaini123 5201314a a5201314 1314520a monkey123 dragon123
football1 baseball1 sunshine1 princess1 master123 superman1 trustno1 hello123 hello1234 love1234 shadow123
michael1 jordan23 china123 china2008 beijing2008 huawei123 xiaomi123 taobao123 weixin123 wechat123 alipay123
baidu123 qq123456 qq1234567 qq12345678 wo123456 ai123456 wang1234 wang123456 zhang123 zhang123456 li123456
chen123456 liu123456 yang123456 huang123456 zhao123456 zhou123456 wu123456 xu123456 sun123456 ma123456 zhu123456
hu123456 guo123456 he123456 gao123456 lin123456 luo123456 zheng123456 liang123456 xie123456 song123456
tang123456 han123456 feng123456 deng123456 cao123456 peng123456 zeng123456 xiao123456 tian123456 dong123456`;

const COMMON_PASSWORDS = new Set(COMMON.split(/\s+/).filter(Boolean));

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}
