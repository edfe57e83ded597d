/**
 * A fictional county for demos and local use: 青溪县 (Qingxi County), division code prefix 339901
 * (no real county has it). 12 townships, 5 villages or communities each.
 */
export const DEMO_COUNTY = { code: '339901', name: '青溪县', nameEn: 'Qingxi County' };

const TOWNSHIPS: Array<[string, string]> = [
  ['城关街道', 'Chengguan Subdistrict'],
  ['溪口镇', 'Xikou Town'],
  ['桃源镇', 'Taoyuan Town'],
  ['白石镇', 'Baishi Town'],
  ['龙泉乡', 'Longquan Township'],
  ['云山乡', 'Yunshan Township'],
  ['青石镇', 'Qingshi Town'],
  ['枫林镇', 'Fenglin Town'],
  ['梅岭乡', 'Meiling Township'],
  ['新塘镇', 'Xintang Town'],
  ['双河乡', 'Shuanghe Township'],
  ['南湖街道', 'Nanhu Subdistrict'],
];

const VILLAGES: Array<[string, string]> = [
  ['东村', 'East Village'],
  ['西村', 'West Village'],
  ['南社区', 'South Community'],
  ['北山村', 'Beishan Village'],
  ['中心社区', 'Central Community'],
];

export interface DemoPlace {
  code: string;
  name: string;
  nameEn: string;
}

export const DEMO_TOWNSHIPS: DemoPlace[] = TOWNSHIPS.map(([name, nameEn], i) => ({
  code: `${DEMO_COUNTY.code}${String(101 + i)}000`,
  name,
  nameEn,
}));

export const DEMO_VILLAGES: Array<DemoPlace & { townshipCode: string }> = DEMO_TOWNSHIPS.flatMap((t) =>
  VILLAGES.map(([name, nameEn], j) => ({
    code: `${t.code.slice(0, 9)}${String(201 + j)}`,
    townshipCode: t.code,
    name: `${t.name.replace(/(街道|镇|乡)$/, '')}${name}`,
    nameEn: `${t.nameEn.split(' ')[0]} ${nameEn}`,
  })),
);

export const DEMO_PROVIDERS = [
  { key: 'vocational', name: '青溪县职业技术学校', kind: 'vocational_school', township: 0 },
  { key: 'community', name: '青溪县社区学院', kind: 'community_college', township: 0 },
  { key: 'elderly', name: '青溪县老年大学', kind: 'elderly_university', township: 11 },
  { key: 'training', name: '青溪县职业技能培训中心', kind: 'training_centre', township: 1 },
  { key: 'open', name: '青溪开放大学学习中心', kind: 'open_university', township: 0 },
] as const;

/** Credit codes are completed with their check character at seeding time. */
export const DEMO_ENTERPRISES = [
  {
    key: 'machinery',
    name: '青溪精工机械有限公司',
    first17: '91339901MA2QX0011',
    industry: 'C34',
    township: 1,
  },
  { key: 'tea', name: '青溪云山茶业有限公司', first17: '91339901MA2QX0022', industry: 'C15', township: 5 },
  { key: 'care', name: '青溪康养护理服务中心', first17: '52339901MA2QX0033', industry: 'Q85', township: 11 },
] as const;

/** One account per role. Demo only: never seeded unless DEMO_DATA is on (npm start turns it on). */
export const DEMO_PASSWORD = 'Demo2026!';
export const DEMO_ACCOUNTS = [
  { mobile: '13800000001', name: '王秀兰', role: 'learner', scope: null },
  { mobile: '13800000002', name: '刘老师', role: 'provider_staff', scope: { provider: 'vocational' } },
  { mobile: '13800000003', name: '张校长', role: 'provider_admin', scope: { provider: 'vocational' } },
  { mobile: '13800000004', name: '陈师傅', role: 'enterprise_mentor', scope: { enterprise: 'machinery' } },
  { mobile: '13800000005', name: '周分析员', role: 'bureau_analyst', scope: null },
  { mobile: '13800000006', name: '吴科长', role: 'bureau_admin', scope: null },
  {
    mobile: '13800000007',
    name: '李小军',
    role: 'learner',
    scope: null,
    birthDate: '2007-04-12',
    sex: 'male',
  },
  { mobile: '13800000008', name: '何经理', role: 'enterprise_admin', scope: { enterprise: 'machinery' } },
] as const;

/**
 * An elderly resident registered by her daughter-in-law, the demo learner 王秀兰, who enrols her in classes within a
 * relationship she confirmed by the code texted to her phone. She has no password of her own until she resets one.
 */
export const DEMO_PROXY_RESIDENT = {
  mobile: '13800000021',
  name: '赵桂英',
  birthDate: '1946-05-02',
  proxyMobile: '13800000001',
  relationship: 'family',
} as const;
