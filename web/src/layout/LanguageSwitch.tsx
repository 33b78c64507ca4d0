import { Button, Dropdown } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../api/types.ts';
import { useSaveLocale } from '../auth/session.ts';
import { rememberLanguage, supportedLanguages } from '../i18n/language.ts';
import { useErrorMessage } from '../components/feedback/useErrorMessage.ts';

/** Shows the current language's name; choosing another switches the UI and (signed in) saves it for the user. */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const { t, i18n } = useTranslation();
  const save = useSaveLocale();
  const { notify } = useErrorMessage();
  const choose = (locale: Locale) => {
    rememberLanguage(locale);
    void i18n.changeLanguage(locale);
    if (signedIn) {
      save.mutate(locale, { onError: notify });
    }
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [i18n.language],
        items: supportedLanguages.map((l) => ({
          key: l,
          label: (
            <span lang={l} data-testid={`language-option-${l}`}>
              {t(`languages.${l}`)}
            </span>
          ),
          onClick: () => choose(l),
        })),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} aria-label={t('header.language')} data-testid="language-switch">
        <span lang={i18n.language} className="tandem-hide-narrow">
          {t(`languages.${i18n.language}`)}
        </span>
      </Button>
    </Dropdown>
  );
}
