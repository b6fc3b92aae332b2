/** Messages of the offline outbox, the storage banner, the forced upgrade and the client-errors page: ids under `offline.`. */
const offlineZhCN = {
  badge: {
    pending: '{count} 条待发送',
    label: '待发送的操作：{count} 条，点按查看',
    syncing: '正在同步…',
  },
  sheet: {
    title: '待发送',
    empty: '没有待发送的操作',
    retry: '立即重试',
    retryAt: '将于 {time} 自动重试',
    reason: '原因：{reason}',
    offline: '当前离线，联网后自动发送',
    created: '记录于 {time}',
    compare: '对比并选择',
    discard: '放弃这条',
    discardConfirm: '确定放弃？这条操作不会再发送',
    states: {
      pending: '待发送',
      conflict: '有冲突',
      rejected: '被拒绝',
      draft: '草稿',
    },
  },
  conflict: {
    title: '对比并选择',
    intro: '这条记录在别处已被修改。请逐项选择保留哪一边的值。',
    field: '字段',
    mine: '我的',
    server: '服务器上的',
    keepMine: '保留我的并发送',
    keepServer: '保留服务器上的',
  },
  banner: {
    storage: '此浏览器的本地数据库不可用，待发送内容暂存在本页并备份到浏览器存储。联网时的保存不受影响。',
    upgrade: '此版本已停止支持，请关闭所有 Cairn 页面后重新打开以更新。',
    cachedCard: '离线 · 更新于 {time}',
  },
  composer: {
    queued: '已离线保存，联网后自动发送',
    saveDraft: '存为草稿',
    draftSaved: '已存为草稿',
    dictationHint: '可用手机键盘上的语音输入说出内容，先存为草稿，稍后再整理',
    drafts: '草稿',
    useDraft: '整理这条草稿',
  },
  labels: {
    followup: '跟进',
    customer: '客户',
    opportunity: '商机',
  },
  clientErrors: {
    title: '前端错误',
    tabs: { label: '前端错误页面', groups: '按错误分组' },
    intro: '手机和电脑上的应用上报的未捕获错误和保存失败，按浏览器版本、错误和页面分组。',
    days: '最近天数',
    summary: '摘要',
    count: '次数',
    sessions: '会话',
    lastSeen: '最近一次',
    kinds: '类型',
    appVersions: '应用版本',
    empty: '这段时间没有上报的错误',
    retry: '重试',
  },
};

export default offlineZhCN;
export type OfflineMessages = typeof offlineZhCN;
