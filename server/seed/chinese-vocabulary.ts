/**
 * Word lists behind the Chinese demo data. Romanisations are plain ASCII (no tone marks) and
 * only feed generated e-mail addresses and domains.
 */
import type { Weighted } from './random.ts';

/** [surname, romanisation, weight]: the most common surnames come up more often. */
export const surnames: readonly (readonly [string, string, number])[] = [
  ['王', 'wang', 8],
  ['李', 'li', 8],
  ['张', 'zhang', 8],
  ['刘', 'liu', 6],
  ['陈', 'chen', 6],
  ['杨', 'yang', 4],
  ['黄', 'huang', 4],
  ['赵', 'zhao', 4],
  ['吴', 'wu', 4],
  ['周', 'zhou', 4],
  ['徐', 'xu', 3],
  ['孙', 'sun', 3],
  ['马', 'ma', 3],
  ['朱', 'zhu', 3],
  ['胡', 'hu', 3],
  ['郭', 'guo', 3],
  ['何', 'he', 3],
  ['林', 'lin', 3],
  ['罗', 'luo', 2],
  ['高', 'gao', 2],
  ['郑', 'zheng', 2],
  ['梁', 'liang', 2],
  ['谢', 'xie', 2],
  ['宋', 'song', 2],
  ['唐', 'tang', 2],
  ['许', 'xu', 2],
  ['韩', 'han', 2],
  ['冯', 'feng', 2],
  ['邓', 'deng', 2],
  ['曹', 'cao', 2],
  ['彭', 'peng', 1],
  ['曾', 'zeng', 1],
  ['肖', 'xiao', 1],
  ['田', 'tian', 1],
  ['董', 'dong', 1],
  ['袁', 'yuan', 1],
  ['潘', 'pan', 1],
  ['于', 'yu', 1],
  ['蒋', 'jiang', 1],
  ['蔡', 'cai', 1],
  ['杜', 'du', 1],
  ['叶', 'ye', 1],
  ['程', 'cheng', 1],
  ['苏', 'su', 1],
  ['魏', 'wei', 1],
  ['吕', 'lv', 1],
  ['丁', 'ding', 1],
  ['沈', 'shen', 1],
  ['任', 'ren', 1],
  ['姚', 'yao', 1],
  ['钟', 'zhong', 1],
  ['谭', 'tan', 1],
  ['陆', 'lu', 1],
  ['范', 'fan', 1],
  ['金', 'jin', 1],
  ['欧阳', 'ouyang', 0.5],
  ['上官', 'shangguan', 0.2],
];

/** Characters for given names with their romanisation. */
export const givenNameChars: readonly (readonly [string, string])[] = [
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['丽', 'li'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['军', 'jun'],
  ['洋', 'yang'],
  ['勇', 'yong'],
  ['艳', 'yan'],
  ['杰', 'jie'],
  ['娟', 'juan'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['秀', 'xiu'],
  ['霞', 'xia'],
  ['平', 'ping'],
  ['刚', 'gang'],
  ['英', 'ying'],
  ['华', 'hua'],
  ['玉', 'yu'],
  ['兰', 'lan'],
  ['文', 'wen'],
  ['辉', 'hui'],
  ['建', 'jian'],
  ['国', 'guo'],
  ['志', 'zhi'],
  ['海', 'hai'],
  ['鹏', 'peng'],
  ['宇', 'yu'],
  ['浩', 'hao'],
  ['然', 'ran'],
  ['欣', 'xin'],
  ['怡', 'yi'],
  ['佳', 'jia'],
  ['琪', 'qi'],
  ['晨', 'chen'],
  ['子', 'zi'],
  ['轩', 'xuan'],
  ['涵', 'han'],
  ['思', 'si'],
  ['雨', 'yu'],
  ['婷', 'ting'],
  ['雪', 'xue'],
  ['博', 'bo'],
  ['宏', 'hong'],
  ['俊', 'jun'],
  ['凯', 'kai'],
  ['嘉', 'jia'],
  ['慧', 'hui'],
  ['颖', 'ying'],
  ['晓', 'xiao'],
  ['东', 'dong'],
  ['春', 'chun'],
  ['立', 'li'],
  ['新', 'xin'],
  ['永', 'yong'],
  ['亮', 'liang'],
  ['健', 'jian'],
  ['斌', 'bin'],
  ['倩', 'qian'],
  ['蕾', 'lei'],
  ['璐', 'lu'],
  ['昊', 'hao'],
  ['睿', 'rui'],
  ['泽', 'ze'],
  ['铭', 'ming'],
  ['悦', 'yue'],
  ['彤', 'tong'],
  ['一', 'yi'],
  ['梦', 'meng'],
  ['诗', 'shi'],
  ['振', 'zhen'],
  ['卫', 'wei'],
];

export interface City {
  area: string;
  name: string;
  /** Short ASCII tag used in generated domains. */
  tag: string;
  /** Administrative division code (GB/T 2260) used in credit codes. */
  division: string;
  areaCode: string;
  /** Digits of a local landline number after the area code. */
  landlineLength: number;
  landlineFirstDigits: string;
}

const city = (
  area: string,
  name: string,
  tag: string,
  division: string,
  areaCode: string,
  first = '568',
  length = 8,
): City => ({ area, name, tag, division, areaCode, landlineLength: length, landlineFirstDigits: first });

/** Cities weighted towards East China, where the demo tenant's sales department works. */
export const cities: Weighted<City> = [
  [city('华东', '上海', 'sh', '310115', '021', '56'), 10],
  [city('华东', '杭州', 'hz', '330106', '0571'), 6],
  [city('华东', '苏州', 'su', '320505', '0512', '56'), 6],
  [city('华东', '南京', 'nj', '320105', '025', '58'), 5],
  [city('华东', '宁波', 'nb', '330212', '0574', '8'), 3],
  [city('华东', '合肥', 'hf', '340104', '0551', '6'), 2],
  [city('华东', '青岛', 'qd', '370212', '0532', '8'), 2],
  [city('华东', '厦门', 'xm', '350206', '0592', '56', 7), 2],
  [city('华南', '深圳', 'sz', '440305', '0755', '28'), 4],
  [city('华南', '广州', 'gz', '440106', '020', '38'), 4],
  [city('华南', '东莞', 'dg', '441900', '0769', '28'), 2],
  [city('华北', '北京', 'bj', '110108', '010', '568'), 5],
  [city('华北', '天津', 'tj', '120116', '022', '256'), 2],
  [city('西南', '成都', 'cd', '510107', '028', '68'), 3],
  [city('西南', '重庆', 'cq', '500103', '023', '6'), 2],
  [city('华中', '武汉', 'wh', '420111', '027', '58'), 2],
  [city('华中', '长沙', 'cs', '430104', '0731', '8'), 2],
  [city('华中', '郑州', 'zz', '410105', '0371', '56'), 1],
  [city('西北', '西安', 'xa', '610113', '029', '8'), 2],
  [city('东北', '沈阳', 'sy', '210102', '024', '2'), 1],
];

/** Brand words of company names with a romanisation for domains. */
export const brandWords: readonly (readonly [string, string])[] = [
  ['华信', 'huaxin'],
  ['恒泰', 'hengtai'],
  ['鼎盛', 'dingsheng'],
  ['瑞丰', 'ruifeng'],
  ['中科', 'zhongke'],
  ['远航', 'yuanhang'],
  ['天禾', 'tianhe'],
  ['博远', 'boyuan'],
  ['金石', 'jinshi'],
  ['星辰', 'xingchen'],
  ['启明', 'qiming'],
  ['聚源', 'juyuan'],
  ['宏达', 'hongda'],
  ['嘉和', 'jiahe'],
  ['万通', 'wantong'],
  ['新元', 'xinyuan'],
  ['润泽', 'runze'],
  ['云帆', 'yunfan'],
  ['海川', 'haichuan'],
  ['德胜', 'desheng'],
  ['锦程', 'jincheng'],
  ['同创', 'tongchuang'],
  ['长风', 'changfeng'],
  ['青禾', 'qinghe'],
  ['安途', 'antu'],
  ['凯瑞', 'kairui'],
  ['明德', 'mingde'],
  ['诚远', 'chengyuan'],
  ['蓝海', 'lanhai'],
  ['开元', 'kaiyuan'],
  ['正和', 'zhenghe'],
  ['一诺', 'yinuo'],
  ['华科', 'huake'],
  ['领航', 'linghang'],
  ['永安', 'yongan'],
  ['森茂', 'senmao'],
  ['弘毅', 'hongyi'],
  ['百川', 'baichuan'],
  ['泰和', 'taihe'],
  ['合众', 'hezhong'],
  ['沐阳', 'muyang'],
  ['齐力', 'qili'],
  ['易达', 'yida'],
  ['信诚', 'xincheng'],
  ['优创', 'youchuang'],
];

export interface Industry {
  name: string;
  /** ASCII tag used in generated domains. */
  tag: string;
  /** [word in the company name, word in the short name]. */
  words: readonly (readonly [string, string])[];
}

export const industries: Weighted<Industry> = [
  [
    {
      name: '制造业',
      tag: 'mfg',
      words: [
        ['精密机械', '机械'],
        ['机电设备', '机电'],
        ['智能装备', '装备'],
        ['五金制品', '五金'],
      ],
    },
    5,
  ],
  [
    {
      name: '医疗器械',
      tag: 'med',
      words: [
        ['医疗器械', '医疗'],
        ['医疗科技', '医疗'],
        ['生物医疗', '生物'],
      ],
    },
    3,
  ],
  [
    {
      name: '教育',
      tag: 'edu',
      words: [
        ['教育科技', '教育'],
        ['文化教育', '教育'],
        ['职业培训', '培训'],
      ],
    },
    2,
  ],
  [
    {
      name: '餐饮连锁',
      tag: 'food',
      words: [
        ['餐饮管理', '餐饮'],
        ['餐饮连锁', '餐饮'],
        ['食品', '食品'],
      ],
    },
    2,
  ],
  [
    {
      name: '软件与信息服务',
      tag: 'soft',
      words: [
        ['信息技术', '信息'],
        ['软件技术', '软件'],
        ['网络科技', '网络'],
        ['数据科技', '数据'],
      ],
    },
    4,
  ],
  [
    {
      name: '汽车零部件',
      tag: 'auto',
      words: [
        ['汽车零部件', '汽配'],
        ['汽车配件', '汽配'],
        ['车业', '车业'],
      ],
    },
    3,
  ],
  [
    {
      name: '跨境电商',
      tag: 'ecom',
      words: [
        ['跨境电子商务', '跨境'],
        ['国际贸易', '贸易'],
        ['电子商务', '电商'],
      ],
    },
    2,
  ],
  [
    {
      name: '新能源',
      tag: 'energy',
      words: [
        ['新能源', '新能源'],
        ['光伏科技', '光伏'],
        ['储能技术', '储能'],
      ],
    },
    3,
  ],
  [
    {
      name: '物流',
      tag: 'logis',
      words: [
        ['物流', '物流'],
        ['供应链管理', '供应链'],
        ['国际货运代理', '货代'],
      ],
    },
    2,
  ],
  [
    {
      name: '金融服务',
      tag: 'fin',
      words: [
        ['融资租赁', '租赁'],
        ['投资咨询', '投资'],
        ['商业保理', '保理'],
      ],
    },
    1,
  ],
  [
    {
      name: '建筑工程',
      tag: 'build',
      words: [
        ['建筑工程', '建工'],
        ['建设工程', '建设'],
        ['装饰工程', '装饰'],
      ],
    },
    2,
  ],
  [
    {
      name: '快消零售',
      tag: 'retail',
      words: [
        ['日用品', '日化'],
        ['商贸', '商贸'],
        ['零售连锁', '零售'],
      ],
    },
    2,
  ],
];

export const companySuffixes: Weighted<string> = [
  ['有限公司', 14],
  ['股份有限公司', 4],
  ['科技有限公司', 2],
  ['集团有限公司', 1],
];

/** Prefixes of mainland mobile numbers that libphonenumber accepts. */
export const mobilePrefixes: readonly string[] = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '173',
  '175',
  '176',
  '177',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];

export const jobTitles: Weighted<string> = [
  ['总经理', 3],
  ['副总经理', 2],
  ['采购经理', 5],
  ['采购专员', 3],
  ['技术总监', 3],
  ['IT经理', 4],
  ['信息化负责人', 2],
  ['财务总监', 2],
  ['财务经理', 2],
  ['运营总监', 2],
  ['市场经理', 2],
  ['销售总监', 2],
  ['项目经理', 3],
  ['行政主管', 1],
  ['董事长助理', 1],
  ['法务专员', 1],
  ['首席技术官', 1],
];

export const customerTags: readonly string[] = [
  '重点客户',
  '续约',
  '招投标',
  '老客户转介绍',
  '政府项目',
  '外资',
  '上市公司',
  '价格敏感',
  '需要POC',
  '年度框架',
  '渠道客户',
];
