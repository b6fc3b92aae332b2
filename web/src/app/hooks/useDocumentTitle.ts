import { useEffect } from 'react';
import { t } from '../i18n/index.ts';

/** "客户名称 · Cairn 客户管理": each screen names itself for tabs, history and screen readers. */
export function useDocumentTitle(title: string | null | undefined) {
  useEffect(() => {
    if (!title) return;
    document.title = `${title} · ${t('app.title')}`;
    return () => {
      document.title = t('app.title');
    };
  }, [title]);
}
