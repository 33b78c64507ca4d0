import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { rememberLanguage } from '../../../i18n/language.ts';

/**
 * The language choice before sign-in: two segments, not the header's dropdown, whose menu code would more than
 * double what the sign-in page loads. Remembered in this browser; the account keeps its own after sign-in.
 */
export function SignInLanguage() {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  return (
    <Segmented
      size="small"
      value={zh ? 'zh-CN' : 'en'}
      onChange={(v) => {
        const locale = v === 'zh-CN' ? 'zh-CN' : 'en';
        rememberLanguage(locale);
        void i18n.changeLanguage(locale);
      }}
      options={[
        { value: 'zh-CN', label: <span lang="zh-CN">{t('languages.zh-CN')}</span> },
        { value: 'en', label: <span lang="en">{t('languages.en')}</span> },
      ]}
      aria-label={t('header.language')}
      data-testid="sign-in-language"
    />
  );
}
