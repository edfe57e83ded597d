import { CourseCategory, CourseMode, ProgrammeKind } from '@cll/domain';
import { type CourseTemplate, desc, multiple, quiz, single, text, video } from './types.js';

/** vocational_skills, part one: the vocational school's workshop courses and the apprenticeship. */
export const VOCATIONAL_TEMPLATES: CourseTemplate[] = [
  {
    key: 'electrician',
    providerKey: 'vocational',
    programme: {
      kind: ProgrammeKind.VocationalSkill,
      title: '电工职业技能等级培训（五级/初级工）',
      occupationCode: '6-31-01-03',
    },
    title: '初级电工技能实训',
    titleEn: 'Electrician Skills Training (Junior Level)',
    category: CourseCategory.VocationalSkills,
    mode: CourseMode.Offline,
    studyHours: 120,
    credits: 6,
    minAge: 18,
    maxAge: 60,
    coverText: '安全用电、照明线路、电动机控制，实操为主，考取电工等级证书。',
    description: desc(
      '本课程按照《电工国家职业技能标准》五级（初级工）要求开设，理论与实操课时约为三比七。学员在实训室完成照明电路、配电箱和三相异步电动机控制线路的安装与调试，并系统学习电气安全知识。结业后可参加职业技能等级认定；从事低压电工作业还须另行取得特种作业操作证。',
      [
        '电工安全操作规程与触电急救',
        '常用电工工具和仪表的使用',
        '照明线路与配电箱的安装',
        '三相异步电动机正反转控制线路',
      ],
    ),
    lessons: [
      text(
        '停电作业的安全技术措施',
        '在停电的电气设备上工作，必须依次完成**停电、验电、装设接地线、悬挂标示牌和装设遮栏**等安全技术措施，缺一不可。\n\n验电前先在有电设备上确认验电器完好；装设接地线时先接接地端、后接导体端，拆除时顺序相反。任何时候都不能凭经验认为“线路没电”。',
      ),
      video('万用表的使用', 'vocational/electrician/multimeter', 18),
      video('电动机正反转控制线路接线', 'vocational/electrician/motor-reversing', 35),
      quiz('电工安全知识测验', 80, [
        single('在停电的设备上工作，装设接地线之前必须先：', ['验电', '悬挂标示牌', '通知用户'], 0),
        single('保护接地线（PE线）的绝缘层颜色应为：', ['红色', '黄绿双色', '淡蓝色'], 1),
        multiple(
          '下列属于电工基本安全用具的有：',
          ['绝缘手套', '验电器', '绝缘鞋', '普通棉线手套'],
          [0, 1, 2],
        ),
      ]),
    ],
    room: '实训楼 B103 电工实训室',
  },
  {
    key: 'ecommerce',
    providerKey: 'vocational',
    programme: {
      kind: ProgrammeKind.VocationalSkill,
      title: '电子商务师职业技能培训',
      occupationCode: '4-01-02-02',
    },
    title: '电子商务运营实务',
    titleEn: 'E-commerce Operations',
    category: CourseCategory.VocationalSkills,
    mode: CourseMode.Blended,
    studyHours: 80,
    credits: 4,
    minAge: 16,
    maxAge: 60,
    coverText: '开店、选品、详情页、推广与客服，手把手运营一家网店。',
    description: desc(
      '青溪的高山茶叶、笋干和土蜂蜜，都可以通过网店卖到全国各地。本课程面向返乡青年、个体户和企业电商岗位人员，讲解网店开设、选品定价、商品拍摄与详情页设计、平台推广和客户服务。学员分组运营实训店铺，用真实的本地农产品完成从上架到发货的全过程。',
      [
        '主流电商平台规则与开店流程',
        '选品、定价与成本核算',
        '商品主图和详情页设计',
        '站内推广、数据分析与售后客服',
      ],
    ),
    lessons: [
      text(
        '一家网店的日常运营',
        '网店运营的核心指标可以概括为“流量 × 转化率 × 客单价”。每天开店后先看前一天的访客数、转化率和退款情况，再决定当天的推广和上新安排。\n\n农产品网店尤其要重视包装和物流：笋干防潮、蜂蜜防漏、茶叶防压，差评往往就出在最后一公里。',
      ),
      video('商品主图拍摄与修图', 'vocational/ecommerce/product-photos', 26),
      quiz('电商运营测验', 70, [
        single(
          '商品详情页最需要突出的是：',
          ['店主的个人爱好', '商品卖点、规格和售后保障', '与商品无关的流行图片'],
          1,
        ),
        multiple(
          '影响网店转化率的因素包括：',
          ['主图质量', '价格和评价', '客服响应速度', '仓库所在城市的天气'],
          [0, 1, 2],
        ),
      ]),
    ],
    room: '实训楼 C305 电子商务实训室',
    outreach: true,
  },
  {
    key: 'auto-repair',
    providerKey: 'vocational',
    programme: {
      kind: ProgrammeKind.VocationalSkill,
      title: '汽车维修工职业技能等级培训',
      occupationCode: '4-12-01-01',
    },
    title: '汽车维修工（初级）',
    titleEn: 'Automotive Maintenance Technician (Junior)',
    category: CourseCategory.VocationalSkills,
    mode: CourseMode.Offline,
    studyHours: 160,
    credits: 8,
    minAge: 18,
    maxAge: 60,
    coverText: '发动机、底盘、电气基础，在实训车间动手做保养和故障排查。',
    description: desc(
      '本课程按照汽车维修工国家职业技能标准的初级要求开设。学员学习汽车构造、常规保养、轮胎与制动系统检修和电气故障排查，并了解新能源汽车的高压安全常识。实训车间配备举升机、故障诊断仪和多台实训车辆，学员分组轮岗操作。',
      [
        '汽车总体构造与工作原理',
        '机油、滤清器和制动液的更换',
        '轮胎换位、动平衡与制动检查',
        '读取故障码与新能源汽车高压安全',
      ],
    ),
    lessons: [
      text(
        '定期保养做什么',
        '常规保养一般包括更换机油和机油滤清器、检查空气滤清器和空调滤芯、检查制动液和冷却液液位、检查轮胎气压和磨损情况。\n\n保养周期以车辆保养手册为准。每次作业都要填写工单，记录里程、更换的零件和发现的问题，便于下次追溯。',
      ),
      video('更换机油和机油滤清器', 'vocational/auto-repair/oil-change', 20),
      quiz('汽车维修基础测验', 70, [
        single(
          '用举升机举升车辆作业前，必须：',
          ['确认支撑点正确并锁止安全装置', '直接钻到车底', '让发动机保持运转'],
          0,
        ),
        single('新能源汽车的高压线束通常用什么颜色标识？', ['橙色', '绿色', '白色'], 0),
        multiple(
          '制动系统检查一般包括：',
          ['制动液液位', '制动片厚度', '制动管路有无渗漏', '收音机音量'],
          [0, 1, 2],
        ),
      ]),
    ],
    room: '汽车实训中心 1号车间',
  },
  {
    key: 'cnc-lathe',
    providerKey: 'vocational',
    programme: {
      kind: ProgrammeKind.VocationalSkill,
      title: '车工（数控车床方向）职业技能培训',
      occupationCode: '6-18-01-01',
    },
    title: '数控车床操作与编程',
    titleEn: 'CNC Lathe Operation and Programming',
    category: CourseCategory.VocationalSkills,
    mode: CourseMode.Offline,
    studyHours: 120,
    credits: 6,
    minAge: 18,
    maxAge: 60,
    coverText: '识图、编程、对刀、加工，掌握数控车床的基本操作。',
    description: desc(
      '本课程与青溪精工机械有限公司合作开设，面向企业在岗员工和有意进入机械加工行业的人员。学员学习机械识图、数控车床编程基础、对刀与刀补设置、零件加工与测量。实训使用与企业同型号的设备，优秀学员可推荐到合作企业就业。',
      ['机械图样识读与公差基础', '数控车床安全操作规程', 'G00、G01、G02等常用指令', '游标卡尺和千分尺的测量'],
    ),
    lessons: [
      text(
        '常用G代码',
        'G00为快速定位，刀具以最快速度移动到目标点，不能用于切削；G01为直线插补，按指定进给速度直线切削；G02、G03分别为顺时针和逆时针圆弧插补。\n\n新程序上机前先在仿真软件中校验，首件加工时用单段运行并把快速倍率调低，确认无误后再连续加工。',
      ),
      video('对刀与刀补设置', 'vocational/cnc-lathe/tool-setting', 24),
      quiz('数控车床测验', 70, [
        single('G01指令表示：', ['快速定位', '直线插补', '顺时针圆弧插补'], 1),
        single('操作车床时严禁佩戴：', ['手套', '防护眼镜', '工作帽'], 0),
      ]),
    ],
    room: '实训楼 A101 数控实训车间',
  },
  {
    key: 'apprenticeship-machining',
    providerKey: 'training',
    programme: {
      kind: ProgrammeKind.Apprenticeship,
      title: '企业新型学徒制·青溪精工机械有限公司',
      occupationCode: '6-20-03-01',
    },
    title: '企业新型学徒制：机床装调维修工',
    titleEn: 'Apprenticeship: Machine Tool Fitting and Maintenance',
    category: CourseCategory.VocationalSkills,
    mode: CourseMode.Blended,
    studyHours: 240,
    credits: 12,
    minAge: 16,
    maxAge: 50,
    coverText: '企校双师带徒、工学交替，在岗学成机床装调维修技能。',
    description: desc(
      '企业新型学徒制采取“企校双制、工学一体”的培养模式。学徒在青溪精工机械有限公司的车间跟随企业导师学习，同时在培训中心学习理论课程，培养期一般为一年。培养期内企业照常发放工资，并按规定享受职业培训补贴。',
      ['机床机械部件的装配与调整', '液压与气动系统基础', '电气控制与PLC入门', '设备点检与常见故障排除'],
    ),
    lessons: [
      text(
        '学徒制怎样学习',
        '每名学徒配一名企业导师和一名培训中心教师。每月大约三周在岗跟师傅干活，一周回到培训中心集中学习理论，工作中遇到的问题带回课堂讨论。\n\n学徒每周填写学习日志，导师签字确认；期满考核合格后，可参加相应职业的技能等级认定。',
      ),
      video('导师带教：主轴部件装配', 'vocational/apprenticeship/spindle-assembly', 30),
      quiz('学徒制入门测验', 60, [
        single(
          '企业新型学徒制的培养模式是：',
          ['企校双制、工学一体', '只在学校上课', '只在车间干活、不学理论'],
          0,
        ),
        single(
          '设备点检发现异常时，正确的做法是：',
          ['自行拆机维修', '记录并按规定报告，必要时停机', '继续运转观察'],
          1,
        ),
      ]),
    ],
    room: '实训楼2楼 机电一体化实训室',
  },
];
