import { CourseCategory, CourseMode, ProgrammeKind } from '@cll/domain';
import { type CourseTemplate, desc, multiple, quiz, single, text, video } from './types.js';

const FARMERS = { kind: ProgrammeKind.Community, title: '高素质农民培育·农业实用技术' };

/** agriculture: field classes in the hill townships, timed by the farming calendar. */
export const AGRICULTURE_TEMPLATES: CourseTemplate[] = [
  {
    key: 'farm-machinery',
    providerKey: 'vocational',
    programme: {
      kind: ProgrammeKind.VocationalSkill,
      title: '农业机械操作与维修职业技能培训',
      occupationCode: '5-05-01-01',
    },
    title: '农业机械操作与维修',
    titleEn: 'Farm Machinery Operation and Repair',
    category: CourseCategory.Agriculture,
    mode: CourseMode.Offline,
    studyHours: 80,
    credits: 4,
    minAge: 18,
    maxAge: 60,
    coverText: '拖拉机、插秧机、收割机的操作保养与常见故障排除。',
    description: desc(
      '本课程面向农机手、种粮大户和农机合作社成员，在农忙前开班。学员学习拖拉机、乘坐式插秧机和联合收割机的操作规程、日常保养和常见故障排除，以及农机安全生产和上道路行驶的规定。实操在职业技术学校农机实训场和乡镇农机合作社进行。',
      ['拖拉机和插秧机的安全操作', '柴油机的日常保养', '联合收割机常见故障排除', '农机上道路行驶的安全规定'],
    ),
    lessons: [
      text(
        '作业前的检查',
        '每次出车前做好“三检查”：检查机油、燃油和冷却液是否足够；检查轮胎气压、转向和制动是否灵敏；检查各防护罩是否齐全、紧固件有无松动。\n\n清理堵塞、排除故障前必须先熄火停机，拔下钥匙，等运动部件完全停止后再动手。',
      ),
      video('拖拉机日常保养', 'agriculture/farm-machinery/tractor-service', 22),
      quiz('农机安全测验', 80, [
        single('联合收割机发生堵塞时，正确的做法是：', ['熄火停机后再清理', '不停机用手扒出', '用脚踩压'], 0),
        multiple(
          '拖拉机日常保养包括：',
          ['检查机油和冷却液', '清洁空气滤清器', '检查轮胎气压', '长期不换机油'],
          [0, 1, 2],
        ),
      ]),
    ],
    room: '农机实训场',
    outreach: true,
    townships: [2, 3, 6, 7, 9, 10],
  },
  {
    key: 'tea',
    providerKey: 'training',
    programme: {
      kind: ProgrammeKind.VocationalSkill,
      title: '茶叶加工工职业技能培训',
      occupationCode: '6-02-06-01',
    },
    title: '茶叶种植与加工',
    titleEn: 'Tea Growing and Processing',
    category: CourseCategory.Agriculture,
    mode: CourseMode.Offline,
    studyHours: 48,
    credits: 3,
    coverText: '从茶园管理到绿茶炒制，做一杯好喝的高山茶。',
    description: desc(
      '云山乡、梅岭乡的高山茶是青溪的特色产业。本课程与青溪云山茶业有限公司合作，讲授茶园施肥、修剪和病虫害绿色防控，以及绿茶摊青、杀青、揉捻、干燥的加工工艺。春茶季在茶企车间现场教学，学员亲手炒制一批茶叶。',
      ['茶园的土壤管理与修剪', '茶树病虫害绿色防控', '绿茶加工的主要工序', '茶叶感官审评的基本方法'],
    ),
    lessons: [
      text(
        '绿茶加工的主要工序',
        '鲜叶采回后先薄摊散失部分水分，叫“摊青”；再用高温“杀青”，钝化酶的活性，保持叶色翠绿；然后“揉捻”成形，最后“干燥”提香，把含水量降到6%左右。\n\n扁形茶还要在锅中反复理条、压扁，手法上有抖、搭、拓、捺、甩、抓、推、扣、压、磨等讲究。',
      ),
      video('手工炒制扁形绿茶', 'agriculture/tea/hand-roasting', 24),
      quiz('制茶知识测验', 70, [
        single('绿茶加工中“杀青”的主要目的是：', ['钝化酶的活性，保持绿色', '促进发酵', '让茶叶吸水'], 0),
        single('下列茶类中属于不发酵茶的是：', ['绿茶', '红茶', '乌龙茶'], 0),
        multiple(
          '茶园病虫害绿色防控的措施有：',
          ['悬挂黄板诱虫', '安装杀虫灯', '大量喷施高毒农药', '合理修剪、清园'],
          [0, 1, 3],
        ),
      ]),
    ],
    fieldSite: '高山茶园',
    townships: [5, 8, 4, 6],
  },
  {
    key: 'fruit-trees',
    providerKey: 'training',
    programme: FARMERS,
    title: '果树栽培与修剪',
    titleEn: 'Fruit Tree Growing and Pruning',
    category: CourseCategory.Agriculture,
    mode: CourseMode.Offline,
    studyHours: 24,
    credits: 1.5,
    coverText: '杨梅、桃、柑橘的整形修剪、疏花疏果和病虫害防治。',
    description: desc(
      '青溪的杨梅、黄桃和柑橘远近闻名，但不少果园树龄老、树冠郁闭，产量和品质上不去。本课程请县农技站的农艺师到果园现场授课，讲解整形修剪、疏花疏果、土肥水管理和主要病虫害防治。每期课程安排在修剪或疏果的关键时节，学员在老师指导下动手修剪。',
      [
        '开心形、疏散分层形等树形',
        '冬季修剪与夏季修剪的区别',
        '疏花疏果提高单果品质',
        '杨梅、柑橘主要病虫害防治',
      ],
    ),
    lessons: [
      text(
        '冬季修剪的要点',
        '冬季修剪在落叶后到萌芽前进行，主要是疏除病虫枝、枯枝、交叉枝和过密枝，回缩衰弱的结果枝组，让树冠“上稀下密、外稀内密”，通风透光。\n\n剪口要平滑，较大的伤口涂抹愈伤剂；剪下的病枝要带出果园集中处理，防止病菌传播。',
      ),
      video('桃树开心形整形示范', 'agriculture/fruit-trees/peach-pruning', 18),
      quiz('果树管理小测', 60, [
        single('冬季修剪一般在什么时候进行？', ['落叶后到萌芽前', '盛花期', '果实成熟期'], 0),
        single('疏花疏果的主要目的是：', ['提高单果大小和品质', '让果树早点死', '减少浇水'], 0),
      ]),
    ],
    fieldSite: '果园',
    townships: [2, 3, 7, 10, 6],
  },
  {
    key: 'poultry',
    providerKey: 'training',
    programme: {
      kind: ProgrammeKind.VocationalSkill,
      title: '家禽饲养员职业技能培训',
      occupationCode: '5-03-02-02',
    },
    title: '家禽生态养殖',
    titleEn: 'Free-range Poultry Farming',
    category: CourseCategory.Agriculture,
    mode: CourseMode.Offline,
    studyHours: 32,
    credits: 2,
    maxAge: 65,
    coverText: '林下土鸡、生态鸭的科学饲养与防疫。',
    description: desc(
      '林下散养土鸡和稻田生态鸭，是山区农户增收的好门路。本课程讲解鸡舍建设、雏鸡育雏、分阶段饲养、林下放养密度和疫病防控，也会介绍养殖档案和畜禽粪污资源化利用的要求。课程由县畜牧兽医站技术人员授课，并到示范养殖场现场参观。',
      ['鸡舍建设与育雏温度管理', '分阶段饲养与林下放养', '免疫程序与生物安全', '养殖档案与粪污资源化利用'],
    ),
    lessons: [
      text(
        '育雏的温度',
        '雏鸡刚出壳时体温调节能力差，第一周育雏温度一般保持在33至35℃，以后每周降低2至3℃，直到与室温相同。\n\n看鸡施温：雏鸡扎堆、靠近热源、叫声尖锐，说明温度偏低；张嘴喘气、远离热源，说明温度偏高；分布均匀、活泼好动，温度就合适。',
      ),
      video('林下养鸡示范场参观', 'agriculture/poultry/woodland-farm', 16),
      quiz('家禽养殖测验', 70, [
        single('鸡舍进出口设置消毒池的主要作用是：', ['防止病原带入', '装饰美观', '储存饮水'], 0),
        single(
          '发现家禽大量不明原因死亡时，应当：',
          ['立即报告当地畜牧兽医部门', '私自宰杀出售', '扔进河里'],
          0,
        ),
      ]),
    ],
    fieldSite: '生态养殖场',
    townships: [4, 5, 7, 8, 10, 3],
  },
  {
    key: 'greenhouse-vegetables',
    providerKey: 'training',
    programme: FARMERS,
    title: '设施蔬菜种植',
    titleEn: 'Greenhouse Vegetable Growing',
    category: CourseCategory.Agriculture,
    mode: CourseMode.Offline,
    studyHours: 24,
    credits: 1.5,
    coverText: '大棚番茄、黄瓜的育苗、水肥一体化和温湿度管理。',
    description: desc(
      '设施大棚让蔬菜种植不再“看天吃饭”。本课程在新塘镇、桃源镇的蔬菜基地现场授课，讲解大棚类型与建造、穴盘育苗、水肥一体化滴灌和温湿度调控，以及番茄、黄瓜等主要品种的病虫害绿色防控。学员可以跟随农技员完成一次从育苗到定植的全过程。',
      ['常见大棚类型与选址', '穴盘育苗与壮苗标准', '水肥一体化滴灌', '温湿度管理与病害预防'],
    ),
    lessons: [
      text(
        '大棚里的温湿度',
        '大棚内湿度过高是灰霉病、霜霉病高发的主要原因。晴天上午棚温升到25℃左右就要开始通风，午后根据温度逐步关小风口。\n\n采用滴灌和地膜覆盖，可以比大水漫灌明显降低棚内湿度，同时节水省肥。',
      ),
      video('水肥一体化系统安装', 'agriculture/greenhouse/fertigation', 20),
      quiz('设施蔬菜测验', 60, [
        single('大棚内湿度过高，容易诱发：', ['灰霉病等病害', '冻害', '倒伏'], 0),
        multiple('水肥一体化滴灌的好处有：', ['节水', '省肥', '降低棚内湿度', '增加病害'], [0, 1, 2]),
      ]),
    ],
    fieldSite: '蔬菜大棚基地',
    townships: [9, 2, 3, 1],
  },
  {
    key: 'rice-fish',
    providerKey: 'community',
    programme: FARMERS,
    title: '稻渔综合种养',
    titleEn: 'Integrated Rice and Fish Farming',
    category: CourseCategory.Agriculture,
    mode: CourseMode.Offline,
    studyHours: 16,
    credits: 1,
    coverText: '一水两用、一田双收：稻鱼共生的田间工程与管理。',
    description: desc(
      '稻鱼共生是浙南山区流传千年的农业传统，浙江青田稻鱼共生系统是全球重要农业文化遗产。在稻田里养鱼，鱼吃虫草、粪肥田，水稻少用农药化肥，一亩田能同时收获稻谷和田鱼。本课程讲解田间工程改造、鱼苗放养、水位管理和稻鱼产品品牌营销。',
      ['鱼沟、鱼坑等田间工程', '鱼苗品种选择与放养密度', '水稻种植与水位管理', '稻鱼米和田鱼的品牌销售'],
    ),
    lessons: [
      text(
        '田间工程怎么做',
        '在稻田四周或中间开挖鱼沟，沟宽约半米、深约半米，并在田角开挖鱼坑，作为高温和烤田时鱼的避难场所，鱼沟鱼坑面积一般不超过稻田面积的10%。\n\n加高加固田埂，进排水口安装拦鱼栅，防止逃鱼和野杂鱼进入。',
      ),
      video('稻鱼共生示范田', 'agriculture/rice-fish/demo-field', 14),
      quiz('稻渔种养小测', 60, [
        single('稻田里开挖鱼坑的主要作用是：', ['高温和烤田时供鱼躲避', '储存化肥', '堆放稻草'], 0),
        single('进排水口安装拦鱼栅是为了：', ['防止逃鱼和野杂鱼进入', '好看', '增加水温'], 0),
      ]),
    ],
    fieldSite: '稻鱼共生示范田',
    townships: [2, 4, 10, 7, 8],
  },
  {
    key: 'crop-drone',
    providerKey: 'vocational',
    programme: {
      kind: ProgrammeKind.VocationalSkill,
      title: '植保无人机驾驶员职业技能培训',
      occupationCode: '5-05-02-02',
    },
    title: '植保无人机操作',
    titleEn: 'Crop-spraying Drone Operation',
    category: CourseCategory.Agriculture,
    mode: CourseMode.Offline,
    studyHours: 40,
    credits: 2,
    minAge: 18,
    maxAge: 60,
    coverText: '规划航线、科学配药、安全飞行，一天能防治几百亩。',
    description: desc(
      '植保无人机作业效率高、用药省，正在成为山区统防统治的主力。本课程讲解无人机的构造与维护、航线规划、药剂配制与施药安全，以及民用无人机飞行的法规要求。学员在农田现场完成模拟飞行和实际喷洒作业，考核合格可获得培训合格证明。',
      ['植保无人机的构造与日常维护', '测绘地块与自动航线规划', '药剂配制与飞防助剂', '飞行安全与施药防护'],
    ),
    lessons: [
      text(
        '飞防作业的安全要求',
        '作业前查看天气，风力超过三级、下雨或高温时段不宜作业。起飞前检查电池电量、桨叶和喷头，设置好返航高度。作业区域内不得有无关人员，避开高压线和房屋。\n\n配药时戴手套和口罩，按推荐剂量二次稀释；作业结束后清洗药箱，空药瓶集中回收，不得随意丢弃。',
      ),
      video('地块测绘与航线规划', 'agriculture/crop-drone/route-planning', 18),
      quiz('无人机飞防测验', 70, [
        single('下列哪种天气不宜进行无人机飞防作业？', ['风力超过三级', '多云无风', '阴天微风'], 0),
        multiple(
          '飞防作业的安全措施包括：',
          ['作业区清场', '避开高压线', '配药时戴手套口罩', '空药瓶扔进河沟'],
          [0, 1, 2],
        ),
      ]),
    ],
    room: '农机实训场',
    outreach: true,
    townships: [2, 3, 7, 9, 10],
  },
];
