import { CourseCategory, CourseMode, ProgrammeKind } from '@cll/domain';
import { type CourseTemplate, desc, multiple, quiz, single, text, video } from './types.js';

const WELLNESS = { kind: ProgrammeKind.Elderly, title: '老年大学保健养生专业' };
const HEALTHY_LIVING = { kind: ProgrammeKind.Community, title: '社区教育·健康生活系列' };

/** health: with the county TCM hospital, township health centres and the emergency station. */
export const HEALTH_TEMPLATES: CourseTemplate[] = [
  {
    key: 'tcm-wellness',
    providerKey: 'elderly',
    programme: WELLNESS,
    title: '中医养生与四季调理',
    titleEn: 'TCM Wellness Through the Seasons',
    category: CourseCategory.Health,
    mode: CourseMode.Blended,
    studyHours: 24,
    credits: 2,
    minAge: 50,
    coverText: '顺应四时调饮食起居，学几个在家就能做的穴位保健。',
    description: desc(
      '中医讲究“天人相应”，春生、夏长、秋收、冬藏，养生也要顺应四季。本课程由县中医院的中医师主讲，介绍体质辨识、四季饮食起居和常用穴位保健方法。课程强调科学养生，不推荐任何保健品，也不能代替看病就医。',
      [
        '九种常见体质的基本辨识',
        '春夏秋冬的饮食与起居要点',
        '足三里、内关等常用穴位的按揉',
        '辨别养生谣言和保健品虚假宣传',
      ],
    ),
    lessons: [
      text(
        '四季养生的基本原则',
        '《黄帝内经》提出“春夏养阳，秋冬养阴”。春季宜早睡早起、舒展筋骨；夏季饮食清淡，防暑也要防贪凉；秋季润燥，可多吃梨、百合、银耳；冬季早睡晚起，注意保暖，进补要因人而异。\n\n养生没有“包治百病”的灵丹妙药。规律作息、合理饮食、适量运动和良好心态，才是长寿的根本。',
      ),
      video('常用保健穴位按揉示范', 'health/tcm/acupoints', 20),
      quiz('中医养生常识', 60, [
        single('“春夏养阳，秋冬养阴”出自：', ['《黄帝内经》', '《本草纲目》', '《伤寒论》'], 0),
        single(
          '对宣称“包治百病、可以停药”的保健品，正确的态度是：',
          ['赶紧买来试试', '不轻信，有病到正规医院就诊', '推荐给亲戚朋友'],
          1,
        ),
      ]),
    ],
  },
  {
    key: 'chronic-disease',
    providerKey: 'community',
    programme: HEALTHY_LIVING,
    title: '慢病管理：高血压与糖尿病',
    titleEn: 'Living with Hypertension and Diabetes',
    category: CourseCategory.Health,
    mode: CourseMode.Blended,
    studyHours: 8,
    credits: 1,
    coverText: '学会自测血压血糖、规范用药，管住嘴、迈开腿。',
    description: desc(
      '高血压和糖尿病是我县居民最常见的慢性病，不少人得了病却不知道，知道了也没有规范治疗。本课程与乡镇卫生院家庭医生团队合作，讲解血压、血糖的正确测量，合理用药、饮食运动和并发症预防。线下课堂提供免费的血压、血糖测量。',
      [
        '家用电子血压计的正确用法',
        '高血压、糖尿病的诊断标准与控制目标',
        '“控盐、控油、控糖”的一日三餐',
        '按时服药与定期随访',
      ],
    ),
    lessons: [
      text(
        '在家怎么量血压',
        '测量前安静休息5分钟，半小时内不喝咖啡、不吸烟。取坐位，上臂与心脏保持同一水平，袖带下缘在肘窝上方两三厘米。\n\n每次连续测两到三遍，间隔一分钟，取平均值记在本子上，复诊时带给医生看。血压高了不要自行加药，血压正常了也不要擅自停药。',
      ),
      video('家庭医生讲糖尿病饮食', 'health/chronic/diabetes-diet', 18),
      quiz('慢病知识测一测', 70, [
        single(
          '非同日三次测量，诊室血压达到多少可诊断为高血压？',
          ['收缩压≥120或舒张压≥80 mmHg', '收缩压≥140和/或舒张压≥90 mmHg', '收缩压≥180 mmHg'],
          1,
        ),
        single('《中国居民膳食指南（2022）》建议成年人每天食盐不超过：', ['5克', '10克', '15克'], 0),
        multiple(
          '控制血糖的正确做法包括：',
          ['遵医嘱规律用药', '血糖正常就自行停药', '规律运动', '定期监测血糖'],
          [0, 2, 3],
        ),
      ]),
    ],
  },
  {
    key: 'senior-nutrition',
    providerKey: 'elderly',
    programme: WELLNESS,
    title: '老年营养膳食',
    titleEn: 'Nutrition for Older Adults',
    category: CourseCategory.Health,
    mode: CourseMode.Online,
    studyHours: 8,
    credits: 1,
    minAge: 55,
    coverText: '吃得对、吃得够：老年人的一日三餐怎么安排。',
    description: desc(
      '年纪大了，牙口和消化变差，不少老人吃得太少、太素，反而容易营养不良和肌肉流失。本课程依据《中国居民膳食指南（2022）》中的老年人膳食指导，讲解每天需要的食物种类和分量，以及软食制作、少量多餐等实用方法。课程全部在线，营养师会演示多道家常菜。',
      [
        '老年人每天的食物种类和大致分量',
        '奶、蛋、鱼、豆：补足蛋白质和钙',
        '预防肌少症的饮食与运动',
        '适合牙口不好的软食做法',
      ],
    ),
    lessons: [
      video('营养师示范：一周软食菜谱', 'health/nutrition/soft-meals', 25),
      text(
        '老人要多吃“好蛋白”',
        '蛋白质是维持肌肉和免疫力的基础。建议老年人每天吃一个鸡蛋、喝一杯奶，常吃鱼虾、瘦肉和豆制品。牙口不好，可以把肉做成肉末、肉丸，把豆腐做成羹。\n\n饮水要主动、少量多次，不要等口渴了再喝。',
      ),
      quiz('营养小测验', 60, [
        multiple('下列哪些是优质蛋白质的良好来源？', ['鸡蛋', '鱼虾', '豆腐', '白粥'], [0, 1, 2]),
        single('老年人饮水比较合适的做法是：', ['口渴了再喝', '少量多次，主动饮水', '用含糖饮料代替'], 1),
      ]),
    ],
  },
  {
    key: 'first-aid',
    providerKey: 'community',
    programme: HEALTHY_LIVING,
    title: '急救知识与心肺复苏',
    titleEn: 'First Aid and CPR',
    category: CourseCategory.Health,
    mode: CourseMode.Offline,
    studyHours: 6,
    credits: 1,
    minAge: 16,
    coverText: '黄金四分钟：学会心肺复苏和AED，关键时刻能救命。',
    description: desc(
      '心脏骤停后的4到6分钟是抢救的黄金时间，身边的人及时实施心肺复苏，能大大提高存活率。本课程由县急救站和红十字会的持证导师授课，每位学员都要在模拟人上反复练习胸外按压，并学会使用公共场所配置的AED。考核合格者可申请红十字救护员证。',
      [
        '判断意识和呼吸，呼救并拨打120',
        '胸外按压的位置、深度和频率',
        'AED自动体外除颤器的使用',
        '气道异物梗阻的海姆立克急救法',
      ],
    ),
    lessons: [
      text(
        '心肺复苏的步骤',
        '确认环境安全 → 拍打双肩、大声呼唤，判断有无意识 → 观察胸廓起伏，判断有无正常呼吸 → 请旁人拨打120并取来AED → 立即开始胸外按压。\n\n按压位置在胸部正中、两乳头连线中点，双手掌根重叠，手臂伸直垂直下压。成人按压深度5至6厘米，频率每分钟100至120次，每次按压后让胸廓充分回弹。',
      ),
      video('AED使用演示', 'health/first-aid/aed', 12),
      quiz('急救考核', 80, [
        single('成人胸外按压的频率应为每分钟：', ['60至80次', '100至120次', '140至160次'], 1),
        single('成人胸外按压的深度应为：', ['2至3厘米', '5至6厘米', '8至10厘米'], 1),
        multiple(
          '发现有人倒地、呼之不应，应当：',
          ['确认周围环境安全', '拨打120并设法取得AED', '先给他喂水', '无正常呼吸时立即胸外按压'],
          [0, 1, 3],
        ),
      ]),
    ],
  },
  {
    key: 'mental-health',
    providerKey: 'community',
    programme: HEALTHY_LIVING,
    title: '心理健康与情绪调适',
    titleEn: 'Mental Health and Managing Emotions',
    category: CourseCategory.Health,
    mode: CourseMode.Online,
    studyHours: 6,
    credits: 1,
    coverText: '认识压力和情绪，学几招简单有效的自我调适方法。',
    description: desc(
      '工作压力、家庭矛盾、身体病痛，都会影响人的情绪。本课程由县精神卫生中心的心理治疗师主讲，介绍压力和情绪的来源，带大家练习腹式呼吸、渐进式肌肉放松等自我调适方法。课程还会说明什么时候需要寻求专业帮助，以及心理援助热线的使用。',
      ['常见情绪问题的表现', '腹式呼吸和肌肉放松练习', '改善睡眠的几个好习惯', '何时、如何寻求专业心理帮助'],
    ),
    lessons: [
      video('跟着练：五分钟腹式呼吸', 'health/mental/breathing', 8),
      text(
        '睡不好怎么办',
        '每天固定时间起床，哪怕前一晚没睡好；白天适当晒太阳、活动身体；下午以后少喝浓茶和咖啡；睡前一小时放下手机。\n\n躺下二十分钟还睡不着，可以起来做点安静的事，有了困意再回到床上。长期失眠、情绪低落，要及时到医院心理门诊就诊。',
      ),
      quiz('情绪健康小测', 60, [
        single('下列哪项有助于改善睡眠？', ['睡前长时间刷手机', '每天固定时间起床', '下午大量喝浓茶'], 1),
        single('全国统一的心理援助热线号码是：', ['12356', '12345', '12315'], 0),
      ]),
    ],
  },
  {
    key: 'baduanjin',
    providerKey: 'elderly',
    programme: WELLNESS,
    title: '八段锦健身',
    titleEn: 'Baduanjin Qigong',
    category: CourseCategory.Health,
    mode: CourseMode.Offline,
    studyHours: 16,
    credits: 1,
    minAge: 50,
    coverText: '八个动作，动静结合，强筋骨、调气息，适合中老年人。',
    description: desc(
      '八段锦是流传八百多年的传统健身功法，动作舒缓、易学易练，是国家体育总局推广的健身气功项目。本课程由社会体育指导员带教，每周一次、共八周，逐式讲解动作要领和呼吸配合。结业时学员可以完整演练全套动作，并参加县里的健身气功展示活动。',
      ['八段锦八式的名称和要领', '动作与呼吸的配合', '保护膝关节和腰部的要点', '在家坚持练习的安排'],
    ),
    lessons: [
      text(
        '八式口诀',
        '两手托天理三焦，左右开弓似射雕，调理脾胃须单举，五劳七伤往后瞧，摇头摆尾去心火，两手攀足固肾腰，攒拳怒目增气力，背后七颠百病消。\n\n练习时动作宜缓不宜快，呼吸自然，量力而行。有高血压的学员做俯身动作时幅度要小。',
      ),
      video('分解教学：第一式至第四式', 'health/baduanjin/part-1', 30),
      video('分解教学：第五式至第八式', 'health/baduanjin/part-2', 30),
      quiz('动作要领测试', 60, [
        single('八段锦的第一式是：', ['两手托天理三焦', '左右开弓似射雕', '背后七颠百病消'], 0),
        single('练习时如果膝盖不适，应该：', ['咬牙坚持', '减小下蹲幅度，必要时咨询医生', '加大动作幅度'], 1),
      ]),
    ],
  },
  {
    key: 'fall-prevention',
    providerKey: 'elderly',
    programme: WELLNESS,
    title: '老年人防跌倒与居家安全',
    titleEn: 'Preventing Falls at Home',
    category: CourseCategory.Health,
    mode: CourseMode.Offline,
    studyHours: 4,
    credits: 0.5,
    minAge: 60,
    coverText: '跌倒是老年人受伤的头号原因：练平衡、改居家，防患于未然。',
    description: desc(
      '跌倒是我国65岁以上老年人因伤致死的首要原因，很多跌倒就发生在自己家里。本课程由康复治疗师和社区医生授课，教大家评估跌倒风险、练习简单的平衡和肌力动作，并逐项检查家中的照明、地面和卫生间。课后可以预约志愿者上门做适老化评估。',
      [
        '跌倒风险的自我评估',
        '每天十分钟的平衡与肌力练习',
        '卫生间、楼梯等处的适老化改造',
        '跌倒后如何安全起身和求助',
      ],
    ),
    lessons: [
      video('跟着练：十分钟平衡操', 'health/fall-prevention/balance', 10),
      text(
        '家里哪些地方容易摔',
        '卫生间地面湿滑、夜里起床光线暗、门槛和电线绊脚，是老人在家跌倒最常见的原因。可以在马桶和淋浴旁安装扶手，铺防滑垫，在床边和走廊装小夜灯。\n\n起床做到“三个半分钟”：醒后躺半分钟，坐起半分钟，双腿垂在床边半分钟，再下床走动。',
      ),
      quiz('防跌倒小测', 60, [
        multiple(
          '下列哪些措施能减少居家跌倒？',
          ['卫生间安装扶手', '走廊装小夜灯', '地面铺防滑垫', '穿拖鞋快步下楼'],
          [0, 1, 2],
        ),
        single(
          '夜里醒来准备起床，比较安全的做法是：',
          ['立刻起身下床', '躺、坐、双腿垂床边各半分钟再下床', '摸黑快走'],
          1,
        ),
      ]),
    ],
  },
];
