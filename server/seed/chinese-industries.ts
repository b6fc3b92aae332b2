/** Industries of the demo companies, with the words their names are built from. */
import type { Weighted } from './random.ts';

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
