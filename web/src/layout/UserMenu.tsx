import { Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLogout, useMe } from '../auth/session.ts';
import { languages, type Language } from '../i18n/index.ts';
import { useLanguage } from '../i18n/hooks.ts';

const LANGUAGE_PREFIX = 'lang:';

/** Header menu: who is signed in, the language switcher and sign-out. */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { language, changeLanguage } = useLanguage();
  const logout = useLogout();

  const items: MenuProps['items'] = [
    ...(me
      ? [
          {
            key: 'who',
            type: 'group' as const,
            label: (
              <span className="user-menu__who">
                <strong>{me.displayName}</strong>
                <span>{me.tenantName}</span>
              </span>
            ),
          },
          { type: 'divider' as const },
        ]
      : []),
    {
      key: 'language',
      label: t('language.label'),
      children: languages.map((value) => ({ key: `${LANGUAGE_PREFIX}${value}`, label: t(`language.${value}`) })),
    },
    { key: 'logout', label: t('user.logout'), danger: true },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'logout') void logout();
    else if (key.startsWith(LANGUAGE_PREFIX)) void changeLanguage(key.slice(LANGUAGE_PREFIX.length) as Language);
  };

  const name = me?.displayName ?? '';
  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      menu={{ items, onClick, selectable: true, selectedKeys: [`${LANGUAGE_PREFIX}${language}`] }}
    >
      <Button type="text" className="user-menu__trigger" aria-label={t('user.menu')}>
        <Avatar size="small" className="user-menu__avatar">
          {name.slice(0, 1).toUpperCase() || '·'}
        </Avatar>
        {!compact && name && <span className="user-menu__name">{name}</span>}
      </Button>
    </Dropdown>
  );
}
