/** Messages of the follow-up template library (desk admin page, phone picker): ids under `followupTemplates.`. */
const followupTemplatesZhCN = {
  title: '跟进模板',
  intro: '销售在手机上写跟进时可一键套用的模板。每位销售最近用过的 30 个模板会缓存在手机上，离线也能使用。',
  new: '新建模板',
  edit: '编辑模板',
  empty: '还没有跟进模板',
  fields: {
    title: '标题',
    body: '内容',
    status: '跟进状态',
    kind: '跟进方式',
  },
  titleHint: '最多 40 个字，公司内不可重名',
  bodyHint: '销售套用后仍可修改内容',
  statusHint: '套用模板的跟进记为此状态；不指定则为默认状态',
  kindHint: '套用模板时自动选中此跟进方式',
  lastUsed: '我上次使用',
  neverUsed: '未使用',
  noStatus: '不指定',
  picker: {
    label: '跟进模板',
    offline: '离线：显示缓存的最近模板',
    empty: '暂无可用模板',
    applied: '已套用模板：{title}',
    clear: '不用模板',
  },
};

export type FollowupTemplateMessages = typeof followupTemplatesZhCN;
export default followupTemplatesZhCN;
