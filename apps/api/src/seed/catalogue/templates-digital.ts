import { CourseCategory, CourseMode, ProgrammeKind } from '@cll/domain';
import { type CourseTemplate, desc, multiple, quiz, single, text, video } from './types.js';

const SENIOR_DIGITAL = { kind: ProgrammeKind.Elderly, title: '老年大学数字生活专业' };
const DIGITAL_LIFE = { kind: ProgrammeKind.Community, title: '社区教育·数字生活系列' };
const OPEN_NON_DEGREE = { kind: ProgrammeKind.Community, title: '开放大学·非学历继续教育' };

/** digital_skills: bridging the digital divide for older people, and skills for everyone else. */
export const DIGITAL_TEMPLATES: CourseTemplate[] = [
  {
    key: 'smartphone',
    providerKey: 'elderly',
    programme: SENIOR_DIGITAL,
    title: '老年人智能手机应用',
    titleEn: 'Smartphones for Seniors',
    category: CourseCategory.DigitalSkills,
    mode: CourseMode.Offline,
    studyHours: 16,
    credits: 1,
    minAge: 55,
    coverText: '视频聊天、放大字体、防骗设置，手把手教会用手机。',
    description: desc(
      '智能手机已经是生活必需品，可不少老人只会接打电话。本课程由老年大学联合青年志愿者开设“手机课堂”，一位老师配几名助教，手把手教学。课程从开关机、调大字体和音量讲起，到拍照、视频通话、导航和打车，并专门讲解手机防诈骗设置。',
      ['调大字体、开启长辈模式', '连接Wi-Fi和查看流量', '拍照、视频通话和发语音', '识别诈骗短信和陌生链接'],
    ),
    lessons: [
      text(
        '先把手机调得好用',
        '打开“设置”，找到“显示”或“字体大小”，把字号调大；很多手机还有“简易模式”“长辈模式”，桌面图标更大、功能更简单。\n\n把常用的几个应用放在第一屏，不认识的应用不要随便下载。家里有Wi-Fi时连上Wi-Fi，看视频就不怕费流量了。',
      ),
      video('手把手：发起微信视频通话', 'digital/smartphone/video-call', 10),
      quiz('手机使用小测', 60, [
        single(
          '收到短信说“您的医保卡已冻结，请点击链接解冻”，应该：',
          ['马上点击链接', '不点链接，打电话给医保部门或问子女核实', '把链接转发给朋友'],
          1,
        ),
        single(
          '想让手机上的字变大，应该到哪里设置？',
          ['“设置”里的显示或字体大小', '应用商店', '拨号键盘'],
          0,
        ),
      ]),
    ],
    room: '电脑教室 105',
  },
  {
    key: 'wechat-pay',
    providerKey: 'elderly',
    programme: SENIOR_DIGITAL,
    title: '微信与移动支付',
    titleEn: 'WeChat and Mobile Payments',
    category: CourseCategory.DigitalSkills,
    mode: CourseMode.Blended,
    studyHours: 8,
    credits: 1,
    minAge: 50,
    coverText: '聊天、扫码付款、收发红包，安全用好移动支付。',
    description: desc(
      '买菜扫码、给孙辈发红包、在群里看通知，都离不开微信。本课程教大家添加好友和建群，绑定银行卡，扫码付款和收款，以及设置支付密码、开启支付安全保护。线上视频可以反复观看，线下课堂由助教一对一辅导实操。',
      [
        '添加好友、建群和发送图片语音',
        '绑定银行卡与设置支付密码',
        '扫码付款、出示付款码和收红包',
        '移动支付的安全守则',
      ],
    ),
    lessons: [
      video('扫码付款一步步来', 'digital/wechat-pay/scan-to-pay', 12),
      text(
        '移动支付安全守则',
        '支付密码不要用生日或“123456”，也不要告诉任何人；付款码只在收银台出示，不要截图发给别人；陌生人发来的二维码、链接一律不扫不点。\n\n在“我—服务—钱包—支付设置”里可以设置小额免密的额度，建议把额度调低，或干脆关闭免密支付。',
      ),
      quiz('移动支付安全测验', 70, [
        multiple(
          '下列做法中，哪些会带来支付安全风险？',
          ['把付款码截图发给陌生人', '用生日做支付密码', '关闭小额免密支付', '扫描陌生人发来的“退款”二维码'],
          [0, 1, 3],
        ),
        single(
          '有人说“转错账了，请退回”，比较稳妥的做法是：',
          ['按对方给的新账户转回去', '通过官方客服核实，只原路退回', '把银行卡号告诉对方'],
          1,
        ),
      ]),
    ],
  },
  {
    key: 'online-services',
    providerKey: 'community',
    programme: DIGITAL_LIFE,
    title: '网上办事与电子健康卡',
    titleEn: 'Online Public Services and E-Health Cards',
    category: CourseCategory.DigitalSkills,
    mode: CourseMode.Blended,
    studyHours: 6,
    credits: 0.5,
    coverText: '社保缴费、医保电子凭证、预约挂号，在手机上就能办。',
    description: desc(
      '“最多跑一次”，如今很多事已经可以在手机上办。本课程讲解政务服务App的注册与实名认证，演示城乡居民医保和养老保险缴费、医保电子凭证、居民电子健康卡和预约挂号等高频事项。课程由社区学院与县政务服务中心联合开设，线下课可以现场帮大家办理。',
      [
        '政务服务App的注册与实名认证',
        '城乡居民医保和养老保险线上缴费',
        '激活医保电子凭证和电子健康卡',
        '网上预约挂号和查询检查报告',
      ],
    ),
    lessons: [
      text(
        '手机上能办哪些事',
        '社保参保缴费、养老金领取资格认证、公积金查询、不动产登记预约、居住证申领……县里上百个事项都能在政务服务App或小程序上办理。\n\n第一次使用需要实名注册，按提示刷脸认证即可。办事过程中不会要求你向个人账户转账，遇到这种情况一定是诈骗。',
      ),
      video('激活医保电子凭证', 'digital/online-services/insurance-code', 9),
      quiz('网上办事小测', 60, [
        single('在政务服务App上办事前，一般首先需要：', ['实名注册和认证', '充值会员', '关闭网络'], 0),
        single('看病时可以代替实体医保卡使用的是：', ['医保电子凭证', '购物小票', '公交卡'], 0),
      ]),
    ],
  },
  {
    key: 'short-video',
    providerKey: 'community',
    programme: DIGITAL_LIFE,
    title: '短视频拍摄与剪辑',
    titleEn: 'Short Video Filming and Editing',
    category: CourseCategory.DigitalSkills,
    mode: CourseMode.Blended,
    studyHours: 16,
    credits: 1.5,
    coverText: '用手机讲好家乡故事：选题、拍摄、剪辑、发布一条龙。',
    description: desc(
      '短视频是记录生活、宣传家乡的好工具。本课程从选题和脚本讲起，学习手机拍摄的景别、运镜和收音，再用剪辑软件完成剪辑、字幕和配乐。结课时每位学员完成一条一分钟左右的家乡主题短视频，优秀作品将在县融媒体中心展播。',
      ['短视频选题与分镜脚本', '远景、中景、近景、特写的运用', '剪辑、字幕与配乐', '平台规则与版权常识'],
    ),
    lessons: [
      text(
        '景别与运镜',
        '远景交代环境，中景表现人物动作，近景和特写突出表情与细节。一条好视频通常会在几种景别之间切换，让观众既看到全貌，又看清细节。\n\n手机拍摄时尽量横握、双手持稳，运镜慢一点；收音可以用领夹麦克风，效果比手机自带的麦克风好得多。',
      ),
      video('剪辑软件基础教程', 'digital/short-video/editing', 22),
      quiz('短视频创作小测', 60, [
        single('想拍清楚人物的面部表情，应使用：', ['远景', '特写', '全景'], 1),
        multiple(
          '发布短视频时需要注意：',
          [
            '不使用未经授权的音乐和画面',
            '未经同意不拍摄他人隐私',
            '为了流量编造虚假内容',
            '商业推广要标明“广告”',
          ],
          [0, 1, 3],
        ),
      ]),
    ],
  },
  {
    key: 'office-software',
    providerKey: 'open',
    programme: OPEN_NON_DEGREE,
    title: '办公软件应用',
    titleEn: 'Office Software Skills',
    category: CourseCategory.DigitalSkills,
    mode: CourseMode.Online,
    studyHours: 32,
    credits: 2,
    coverText: '文字排版、表格统计、演示文稿，提升办公效率。',
    description: desc(
      '会用办公软件是求职和日常工作的基本功。本课程以WPS Office为主，兼顾Microsoft Office，讲解文档排版、表格公式与统计、演示文稿制作和PDF处理。课程全程在线，每个单元都配有练习文件，学完可以报考全国计算机等级考试一级。',
      [
        '通知、报告的规范排版',
        '表格常用函数、排序筛选与数据透视表',
        '简洁清晰的演示文稿',
        '文档格式转换与云端协作',
      ],
    ),
    lessons: [
      video('表格求和与条件统计', 'digital/office/spreadsheet-functions', 24),
      text(
        '排版的三条原则',
        '一是统一：同级标题用同样的字体字号，正文行距一致；二是对齐：善用样式和制表位，不要用空格“凑”对齐；三是留白：段落之间、页面四周留出足够空间。\n\n用好“样式”功能，修改一次就能让全文同级标题一起变化，还能自动生成目录。',
      ),
      quiz('办公软件测验', 70, [
        single(
          '计算A1到A10单元格之和，可以使用：',
          ['=SUM(A1:A10)', '=AVERAGE(A1:A10)', '=COUNT(A1:A10)'],
          0,
        ),
        single('只想看“部门”列为“销售部”的行，应使用：', ['筛选', '合并单元格', '冻结窗格'], 0),
      ]),
    ],
  },
  {
    key: 'online-shopping',
    providerKey: 'elderly',
    programme: SENIOR_DIGITAL,
    title: '老年人网上购物与快递',
    titleEn: 'Online Shopping for Seniors',
    category: CourseCategory.DigitalSkills,
    mode: CourseMode.Offline,
    studyHours: 8,
    credits: 0.5,
    minAge: 55,
    coverText: '网上买东西、查快递、退换货，学会放心网购。',
    description: desc(
      '不少老人看到子女网购方便，自己也想试试，又怕买到假货、上当受骗。本课程教大家在正规平台搜索商品、看评价、下单付款、查物流和申请退换货，并讲解识别虚假促销和“低价引流”的方法。课程在村社文化礼堂开课，助教一对一指导。',
      ['在正规平台搜索和比较商品', '下单付款与填写收货地址', '查询物流、取快递', '七天无理由退货与售后维权'],
    ),
    lessons: [
      text(
        '放心网购三步走',
        '第一步看店铺：选择平台自营或评分高、开店时间长的店铺；第二步看评价：重点看带图的中差评；第三步看售后：确认是否支持七天无理由退货。\n\n所有付款都在平台内完成，卖家要求加微信私下转账、以“刷单返现”为由让你先垫钱的，一律拒绝。',
      ),
      video('手把手：申请退货退款', 'digital/online-shopping/returns', 11),
      quiz('网购常识小测', 60, [
        single(
          '卖家要求加微信私下转账付款，应该：',
          ['照做，可以便宜点', '拒绝，只在平台内付款', '先付一半'],
          1,
        ),
        single('遇到网购消费纠纷，可以拨打的投诉举报电话是：', ['12315', '12306', '10000'], 0),
      ]),
    ],
  },
  {
    key: 'ai-tools',
    providerKey: 'open',
    programme: OPEN_NON_DEGREE,
    title: '人工智能工具入门',
    titleEn: 'Getting Started with AI Tools',
    category: CourseCategory.DigitalSkills,
    mode: CourseMode.Online,
    studyHours: 12,
    credits: 1,
    coverText: '用AI助手写通知、查资料、做表格，也要学会辨别真假。',
    description: desc(
      '生成式人工智能正在走进工作和生活。本课程介绍常见AI助手的基本用法，包括提问技巧、写作润色、资料整理和图片生成，同时讲清AI会“一本正经地胡说八道”的局限和个人信息保护的注意事项。课程全程在线，适合机关、企业人员和感兴趣的居民。',
      [
        'AI助手能做什么、不能做什么',
        '写好提示词的几个要点',
        '用AI辅助写作和整理资料',
        '核实AI输出、保护个人隐私',
      ],
    ),
    lessons: [
      text(
        '怎样向AI提问',
        '好的提问要交代清楚四件事：你是谁、要做什么、给谁看、要什么格式。比如“我是村文化员，请帮我写一份三百字左右的重阳节敬老活动通知，面向村民，语言通俗”。\n\nAI生成的内容可能有事实错误，涉及政策、法律、医疗和数字的内容，一定要到官方渠道核实。',
      ),
      video('示范：用AI起草一份活动通知', 'digital/ai-tools/draft-notice', 14),
      quiz('AI使用常识', 60, [
        single(
          'AI助手给出的政策条文和数据，正确的做法是：',
          ['直接照抄使用', '到官方渠道核实后再用', '转发给所有人'],
          1,
        ),
        multiple(
          '使用AI工具时，不宜输入的信息包括：',
          ['身份证号码', '银行卡密码', '公开的天气预报', '单位未公开的内部资料'],
          [0, 1, 3],
        ),
      ]),
    ],
  },
];
