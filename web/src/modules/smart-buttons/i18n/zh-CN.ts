/** Messages of the smart-button admin page (自动化 → 智能按钮): ids under `smartButtonAdmin.`. */
const smartButtonAdminZhCN = {
  title: '智能按钮',
  intro:
    '手机客户页上的一键跟进按钮。点一下记一条跟进（模板文字和跟进状态），并把下一步定在公司工作日历上第 N 个工作日的设定时间。',
  readOnly: '只有管理员可以修改智能按钮，你可以查看当前设置。',
  problems: '有些设置没有通过检查，请按各字段下的提示修改。',
  save: '保存',
  saved: '智能按钮已保存（第 {version} 版）',
  buttons: {
    section: '按钮',
    hint: '1 到 {max} 个按钮，按这里的顺序显示在手机客户页上。',
    heading: '按钮 {n}',
    key: '按钮标识',
    keyHint: '小写字母、数字和下划线，以字母开头。保存后不再更改：离线暂存的点击靠它找到按钮。',
    label: '按钮文字',
    template: '跟进模板',
    templateHint: '点一下保存的跟进内容；销售也可以点笔形图标先编辑再保存。',
    status: '跟进状态',
    kind: '跟进方式',
    nextStep: '下一步内容',
    nextStepHint: '留空则不设下一步内容，下一步时间照常设定。',
    workingDays: '下一步：几个工作日后',
    at: '下一步：时间（HH:MM）',
    days: '个工作日',
    up: '上移按钮 {n}',
    down: '下移按钮 {n}',
    remove: '删除按钮 {n}',
    add: '添加按钮',
    preview: '按示例时间点击，下一步在：{time}',
    previewUnavailable: '填好工作日数和时间（HH:MM）后显示预览。',
  },
  calendar: {
    section: '工作日历与逾期提醒',
    timeZone: '公司时区：{zone}（在“公司设置”中修改）。',
    grace: '逾期宽限',
    graceHint: '下一步逾期超过这么多小时，就给负责人的上级生成一条待办（1–720 小时）。',
    hours: '小时',
    holidays: '节假日（不上班的工作日）',
    extraWorkdays: '调休上班日（上班的周末）',
    datesHint: '输入日期 YYYY-MM-DD 后按回车；点 × 删除。',
  },
  preview: {
    section: '下一步预览',
    sample: '示例点击时间（公司时区）',
    rule: '规则：从点击当天往后数 N 个工作日（周一至周五，去掉节假日，加上调休上班日），取那天的设定时间。N 为 0 时，当天是工作日且设定时间还没到就是当天，否则是下一个工作日。',
  },
};

export type SmartButtonAdminMessages = typeof smartButtonAdminZhCN;
export default smartButtonAdminZhCN;
