import type { customerLevels, customerSources, customerStatuses, followupKinds } from '../../../../../common/enums.ts';

type Labels<T extends readonly string[]> = Record<T[number], string>;

/** Same keys, any strings: what every other language pack must satisfy (checked by tsc). */
export type MessageShape<T> = { [K in keyof T]: T[K] extends string ? string : MessageShape<T[K]> };

/**
 * Core messages, bundled with the entry: the shell, the phone's customer screens, errors and value
 * labels. Everything else is in zh-CN.more.ts, fetched by the routes that need it.
 * Messages are ICU MessageFormat: `{name}` placeholders, `{count, plural, one {…} other {…}}` plurals.
 */
const zhCN = {
  app: {
    name: 'Cairn',
    title: 'Cairn 客户管理',
    loading: '正在加载…',
  },
  language: {
    label: '语言',
    'zh-CN': '简体中文',
    'en-US': 'English',
  },
  nav: {
    main: '主导航',
    skip: '跳到主要内容',
    customers: '客户',
    followups: '跟进',
    todos: '待办',
    me: '我的',
  },
  user: {
    menu: '用户菜单',
    logout: '退出登录',
    tenant: '所属组织',
    username: '用户名',
    role: '角色',
  },
  errors: {
    loadFailed: '加载失败',
    saveFailed: '保存失败',
    conflict: '数据已被他人修改，请刷新后重试',
    validation: '请检查填写的内容',
    network: '无法连接服务器，请检查网络后重试',
    rateLimited: '操作太频繁，请稍后再试',
    forbidden: '没有权限',
    notFound: '记录不存在或已被删除',
    server: '服务器出错了，请稍后再试',
    generic: '出错了',
    retry: '重试',
    chunkFailed: '页面加载失败，可能是应用刚刚更新',
    reload: '重新加载',
  },
  common: {
    none: '—',
    loadMore: '加载更多',
    loadingMore: '正在加载…',
    noMore: '已全部加载',
    retrying: '正在重试…',
    cancel: '取消',
    save: '保存',
    saving: '正在保存…',
    edit: '编辑',
  },
  notFound: {
    title: '页面不存在',
    hint: '链接可能已失效',
    backHome: '返回首页',
  },
  customer: {
    fields: {
      name: '客户名称',
      shortName: '简称',
      creditCode: '统一社会信用代码',
      industry: '行业',
      level: '级别',
      source: '来源',
      region: '地区',
      mainPhone: '主要电话',
      owner: '负责人',
      status: '状态',
      tags: '标签',
      createdAt: '创建时间',
      updatedAt: '最近更新',
      lastFollowupAt: '最近跟进',
    },
  },
  list: {
    title: '客户',
    new: '新建客户',
    searchLabel: '快速搜索客户',
    searchPlaceholder: '搜索名称 / 电话 / 联系人',
    levelFilter: '按级别筛选',
    statusFilter: '按状态筛选',
    sortLabel: '排序方式',
    sort: {
      '-updatedAt': '最近更新',
      updatedAt: '最早更新',
      name: '名称 A→Z',
      '-name': '名称 Z→A',
      level: '级别 A→D',
      '-level': '级别 D→A',
      '-createdAt': '最新创建',
    },
    clearFilters: '清除筛选',
    shown: '已显示 {count} 个客户',
    empty: '还没有客户',
    emptyFiltered: '没有符合条件的客户',
    table: '客户列表',
    locked: '无权查看（新员工沙箱）',
  },
  detail: {
    tabsLabel: '客户相关记录',
    backToList: '返回客户列表',
    more: '更多信息',
    call: '拨打',
    callPhone: '拨打 {phone}',
    noFollowupYet: '尚无跟进',
    tabs: {
      contacts: '联系人',
      opportunities: '商机',
      followups: '跟进记录',
      contracts: '合同与回款',
      attachments: '附件',
      history: '变更历史',
    },
  },
  followup: {
    write: '写跟进',
    quickAdd: '快速记录跟进',
    quickTexts: '常用内容',
    contentPlaceholder: '沟通了什么？下一步做什么？',
    saved: '跟进已保存',
    quick: {
      called: '已电话沟通，客户有意向',
      quoteSent: '已发送报价方案，等待反馈',
      visitBooked: '已约定下次拜访时间',
      noNeed: '客户暂无需求，后续再跟进',
    },
    fields: {
      kind: '方式',
      content: '跟进内容',
    },
  },
  me: {
    title: '我的',
    more: '更多功能',
  },
  enum: {
    level: { A: 'A 级', B: 'B 级', C: 'C 级', D: 'D 级' } satisfies Labels<typeof customerLevels>,
    customerStatus: { active: '活跃', dormant: '休眠', lost: '流失' } satisfies Labels<typeof customerStatuses>,
    customerSource: {
      website: '官网',
      referral: '转介绍',
      exhibition: '展会',
      cold_call: '陌生拜访',
      partner: '合作伙伴',
      advertising: '广告投放',
      other: '其他',
    } satisfies Labels<typeof customerSources>,
    followupKind: {
      call: '电话',
      visit: '拜访',
      im: '微信/IM',
      meeting: '会议',
      email: '邮件',
      other: '其他',
    } satisfies Labels<typeof followupKinds>,
  },
};

export type CoreMessages = typeof zhCN;
export default zhCN;
