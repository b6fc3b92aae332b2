/**
 * The one access string the customer detail page itself needs (its button); the drawer's own
 * messages load with the drawer. Kept tiny so the detail page's chunk stays small.
 */
export const explainButtonLabel: Record<string, string> = {
  'zh-CN': '谁能看到这条记录',
  'en-US': 'Who can see this',
};

export const explainButtonLoading: Record<string, string> = {
  'zh-CN': '正在打开权限说明…',
  'en-US': 'Opening the access explanation…',
};
