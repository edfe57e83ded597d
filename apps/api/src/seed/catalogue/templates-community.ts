import { CourseCategory, CourseMode, ProgrammeKind } from '@cll/domain';
import { type CourseTemplate, desc, multiple, quiz, single, text, video } from './types.js';

const LIVING = { kind: ProgrammeKind.Community, title: '社区教育·美好生活系列' };
const SAFETY = { kind: ProgrammeKind.Community, title: '社区教育·平安家园系列' };

/** community_life: 社区学院's everyday-life courses, taught in township culture stations and village halls. */
export const COMMUNITY_TEMPLATES: CourseTemplate[] = [
  {
    key: 'waste-sorting',
    providerKey: 'community',
    programme: LIVING,
    title: '垃圾分类与社区生活',
    titleEn: 'Waste Sorting and Community Living',
    category: CourseCategory.CommunityLife,
    mode: CourseMode.Offline,
    studyHours: 4,
    credits: 0.5,
    coverText: '四类垃圾怎么分、易腐垃圾怎么投，一堂课讲明白。',
    description: desc(
      '青溪县城乡生活垃圾实行“四分类”：可回收物、有害垃圾、易腐垃圾和其他垃圾。本课程由社区学院联合县环卫所开设，结合小区和村里的投放点现场讲解。课上会带大家辨认大骨头、过期药品、外卖餐盒等“难分”的垃圾。学完后，欢迎回家带动家人一起分类。',
      [
        '四类垃圾的标志和常见物品',
        '易腐垃圾沥水、破袋投放的要领',
        '有害垃圾和大件垃圾的交投方式',
        '旧衣物、纸板等可回收物的再利用',
      ],
    ),
    lessons: [
      text(
        '垃圾为什么要分类',
        '易腐垃圾经过堆肥可以变成有机肥，混在一起填埋却既占地、又会产生渗滤液污染地下水。分类的关键在源头，也就是每家每户的厨房。\n\n各村社的投放点一般设在路口或小区出入口，早晚定时投放，并有督导员现场指导。记住口诀：**能卖拿去卖，有害单独放，易腐要沥水，其他放最后**。',
      ),
      video('投放点现场演示', 'community/waste-sorting/demo', 12),
      quiz('分类小测验', 60, [
        single('过期的药品属于哪一类垃圾？', ['可回收物', '有害垃圾', '易腐垃圾', '其他垃圾'], 1),
        single('吃剩的大骨头应该投放到哪一类？', ['易腐垃圾', '其他垃圾', '可回收物'], 1),
        multiple('下列哪些属于可回收物？', ['旧报纸', '塑料饮料瓶', '用过的纸巾', '旧衣服'], [0, 1, 3]),
      ]),
    ],
  },
  {
    key: 'family-finance',
    providerKey: 'community',
    programme: LIVING,
    title: '家庭理财入门',
    titleEn: 'Household Finance Basics',
    category: CourseCategory.CommunityLife,
    mode: CourseMode.Blended,
    studyHours: 8,
    credits: 1,
    coverText: '记账、储蓄、保险和识别理财陷阱，管好家里的钱袋子。',
    description: desc(
      '很多家庭钱没少挣，月底却说不清花到了哪里。本课程从记账讲起，介绍家庭收支规划、应急资金、存款与国债、基本保险配置。课程采用线上视频加线下答疑的方式，每位学员会在老师指导下做一份自家的年度预算表。',
      [
        '坚持记账的简单方法',
        '“先储蓄、后消费”与应急资金安排',
        '存款、国债和银行理财的风险差别',
        '识别“保本高息”等非法集资话术',
      ],
    ),
    lessons: [
      text(
        '家庭账本怎么记',
        '记账不求精确到分，但要坚持。可以把支出分成“必需”（吃穿住行、医疗、教育）和“可选”（人情往来、娱乐、网购）两类，每月底算一算各占多少。\n\n连续记三个月，大多数家庭都能找到可以节省的地方。手机记账软件和一个普通笔记本同样好用，关键是全家人都参与。',
      ),
      video('三个账户管好家庭钱', 'community/family-finance/three-accounts', 18),
      quiz('理财常识自测', 70, [
        single(
          '宣称“保本保息、年化收益20%以上”的理财项目，最可能是：',
          ['正规银行存款', '储蓄国债', '非法集资', '社保基金'],
          2,
        ),
        single('一般建议家庭应急资金至少能覆盖多长时间的基本开支？', ['半个月', '3到6个月', '5年'], 1),
        multiple(
          '下列哪些属于风险较低的储蓄方式？',
          ['银行定期存款', '储蓄国债', '民间高息借贷', '大额存单'],
          [0, 1, 3],
        ),
      ]),
    ],
  },
  {
    key: 'anti-fraud',
    providerKey: 'community',
    programme: SAFETY,
    title: '防范电信网络诈骗',
    titleEn: 'Preventing Telecom and Online Fraud',
    category: CourseCategory.CommunityLife,
    mode: CourseMode.Blended,
    studyHours: 4,
    credits: 0.5,
    coverText: '识破冒充客服、冒充公检法、刷单返利等骗局，守住血汗钱。',
    description: desc(
      '电信网络诈骗手法不断翻新，受害者既有老人，也有年轻人。本课程由社区学院与县公安局反诈中心民警联合授课，用身边的真实案例拆解骗子的“剧本”。课上还会手把手教大家安装国家反诈中心App、开启来电预警。',
      [
        '最常见的十类诈骗手法及识别要点',
        '“安全账户”“验证码”背后的陷阱',
        '接到可疑电话后的正确做法',
        '被骗后如何第一时间止损报警',
      ],
    ),
    lessons: [
      text(
        '记住一个原则：不转账',
        '凡是要求你向陌生账户转账、提供短信验证码、下载陌生App并共享屏幕的，都要立刻停下来。公检法机关不会通过电话办案，更没有所谓的“安全账户”。\n\n遇到拿不准的情况，先挂断电话，再拨打96110反诈专线，或者问问子女和社区民警。',
      ),
      video('民警讲案例：冒充客服“退款”', 'community/anti-fraud/refund-scam', 15),
      quiz('反诈知识测一测', 80, [
        single(
          '自称“公安局”的人来电说你涉嫌洗钱，要求把钱转到“安全账户”，你应该：',
          ['立即转账配合调查', '挂断电话，拨打110或96110核实', '把短信验证码告诉对方'],
          1,
        ),
        multiple(
          '以下哪些是诈骗的典型信号？',
          ['索要短信验证码', '要求下载陌生App并共享屏幕', '承诺刷单高额返利', '社区医生提醒按时服药'],
          [0, 1, 2],
        ),
        single('全国反诈预警劝阻专线是：', ['96110', '12345', '12315'], 0),
      ]),
    ],
  },
  {
    key: 'civil-code',
    providerKey: 'community',
    programme: LIVING,
    title: '民法典与百姓生活',
    titleEn: 'The Civil Code in Everyday Life',
    category: CourseCategory.CommunityLife,
    mode: CourseMode.Online,
    studyHours: 6,
    credits: 1,
    coverText: '婚姻家庭、遗产继承、邻里关系、租房借款，身边的法律常识。',
    description: desc(
      '《中华人民共和国民法典》自2021年1月1日起施行，被称为“社会生活的百科全书”。本课程由县司法局的法律顾问主讲，围绕婚姻家庭、遗产继承、邻里纠纷、房屋租赁等群众最关心的问题展开。每一讲都配有本地人民调解案例，帮助大家学会依法维护自己的权益。',
      ['遗嘱的几种法定形式', '居住权与老人安居养老', '相邻关系与高空抛物的责任', '签订租房和借款合同的要点'],
    ),
    lessons: [
      video('民法典的结构与亮点', 'community/civil-code/overview', 25),
      text(
        '遗嘱怎么立才有效',
        '民法典规定的遗嘱形式有自书、代书、打印、录音录像、口头和公证遗嘱六种。代书、打印和录音录像遗嘱都需要两个以上与继承无利害关系的见证人在场。\n\n值得注意的是，民法典取消了公证遗嘱的优先效力：立有数份遗嘱、内容相抵触的，**以最后的遗嘱为准**。',
      ),
      quiz('法律常识测试', 60, [
        single('立有数份内容相抵触的遗嘱时，应以哪一份为准？', ['公证遗嘱', '最后的遗嘱', '第一份遗嘱'], 1),
        multiple(
          '下列哪些是民法典规定的遗嘱形式？',
          ['自书遗嘱', '打印遗嘱', '录音录像遗嘱', '在微信群里说一句话'],
          [0, 1, 2],
        ),
      ]),
    ],
  },
  {
    key: 'home-safety',
    providerKey: 'community',
    programme: SAFETY,
    title: '家庭消防与用电安全',
    titleEn: 'Home Fire and Electrical Safety',
    category: CourseCategory.CommunityLife,
    mode: CourseMode.Offline,
    studyHours: 4,
    credits: 0.5,
    coverText: '电动车充电、燃气使用、灭火器操作，守护一家平安。',
    description: desc(
      '电动自行车进楼入户充电、私拉乱接电线和燃气泄漏，是家庭火灾的主要原因。本课程由社区学院联合乡镇消防站开设，在文化站或村文化礼堂集中授课并现场演练。每位学员都会亲手操作一次干粉灭火器。',
      [
        '电动自行车安全充电常识',
        '燃气泄漏时的正确处置顺序',
        '干粉灭火器“提、拔、握、压”四步法',
        '火场逃生与拨打119的要点',
      ],
    ),
    lessons: [
      text(
        '灭火器怎么用',
        '家里最常见的是手提式干粉灭火器，使用口诀是“提、拔、握、压”：提起灭火器，拔掉保险销，一手握住喷管对准火焰根部，另一手压下压把。\n\n使用时站在上风方向，离火源两三米。油锅起火千万不能用水浇，应立即关火、盖上锅盖。',
      ),
      video('燃气泄漏现场处置演示', 'community/home-safety/gas-leak', 10),
      quiz('消防安全小测', 70, [
        single('油锅起火，下列做法正确的是：', ['立即用水浇灭', '关火后盖上锅盖', '端起锅往外跑'], 1),
        single(
          '发现家中燃气泄漏，首先应该：',
          ['打开抽油烟机排气', '关闭燃气阀门并开窗通风', '开灯查看漏点'],
          1,
        ),
        multiple(
          '使用干粉灭火器的正确做法有：',
          ['先拔掉保险销', '对准火焰根部喷射', '站在下风方向', '站在上风方向'],
          [0, 1, 3],
        ),
      ]),
    ],
  },
  {
    key: 'volunteering',
    providerKey: 'community',
    programme: LIVING,
    title: '社区志愿服务与邻里互助',
    titleEn: 'Community Volunteering and Neighbourly Help',
    category: CourseCategory.CommunityLife,
    mode: CourseMode.Offline,
    studyHours: 6,
    credits: 1,
    coverText: '学会走访独居老人、组织邻里活动，当好村社“热心人”。',
    description: desc(
      '社区的温度来自每一位热心的邻居。本课程面向有意参加志愿服务的居民，介绍志愿服务的基本规范、服务时长的记录方法，以及走访独居老人、组织楼道议事的技巧。结业后，学员可以注册成为志愿者，参加所在村社的服务项目。',
      [
        '志愿服务的基本礼仪与安全须知',
        '走访独居、空巢老人的沟通技巧',
        '楼道议事会和邻里活动的组织方法',
        '志愿时长的登记与积分兑换',
      ],
    ),
    lessons: [
      text(
        '走访独居老人要注意什么',
        '上门前先通过网格员或村干部与老人约好时间，两人一组，佩戴志愿者标识。进门后多听少说，留意老人的精神状态、饮食和用药情况，看看燃气、电线有没有安全隐患。\n\n走访结束后及时填写记录；发现老人身体不适或家中存在隐患，要第一时间报告村社。',
      ),
      video('一次楼道议事会的全过程', 'community/volunteering/hallway-meeting', 20),
      text(
        '志愿服务时长怎么记',
        '每次服务结束后，由项目负责人在志愿服务信息系统中登记时长。累计时长可以在村社“志愿积分超市”兑换生活用品，也是评选优秀志愿者的依据。',
      ),
    ],
  },
  {
    key: 'home-organising',
    providerKey: 'community',
    programme: LIVING,
    title: '居家收纳与整理',
    titleEn: 'Home Storage and Tidying',
    category: CourseCategory.CommunityLife,
    mode: CourseMode.Online,
    studyHours: 4,
    credits: 0.5,
    coverText: '衣柜、厨房、儿童房分区收纳，小房子也能住得清爽。',
    description: desc(
      '家里东西越来越多，找起来却越来越难？本课程由持证整理收纳师主讲，从“断舍离”的取舍原则讲到衣柜、厨房、儿童房的分区收纳。课程全部在线上完成，每讲布置一个小作业，学员可以上传整理前后的对比照片。',
      ['物品取舍的三个判断标准', '衣物折叠与竖立收纳法', '厨房台面和冰箱的分区整理', '带着孩子一起整理玩具'],
    ),
    lessons: [
      video('衣柜整理实操', 'community/home-organising/wardrobe', 16),
      text(
        '先取舍，再收纳',
        '收纳的第一步不是买收纳盒，而是把同一类物品全部拿出来摆在一起，逐件判断：一年以上没用过的、坏了不打算修的、同类已有多件的，可以考虑送人、捐赠或回收。\n\n留下的物品按“常用放顺手处、少用放高处和深处”的原则归位，并尽量让每样东西都有固定的“家”。',
      ),
      quiz('收纳小测验', 60, [
        single(
          '整理收纳的第一步应该是：',
          ['先买一批收纳盒', '把同类物品集中起来做取舍', '把东西都塞进柜子'],
          1,
        ),
        single('经常使用的物品适合放在：', ['柜子最高处', '伸手就能拿到的地方', '床底下'], 1),
      ]),
    ],
  },
];
