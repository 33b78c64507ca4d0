import { Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { rememberLanguage } from '../../i18n/language.ts';
import './PublicHeader.css';

interface PublicHeaderProps {
  /** The page's own header layout (default: a full-width bar). */
  className?: string;
  languageTestId?: string;
}

/**
 * The header of the pages people open without signing in (answer links, follow-up codes): the product name and
 * a language choice, remembered in this browser.
 */
export function PublicHeader({ className = 'tandem-public-header', languageTestId }: PublicHeaderProps) {
  const { t, i18n } = useTranslation();
  const choose = (value: string) => {
    const locale = value === 'zh' ? 'zh-CN' : 'en';
    rememberLanguage(locale);
    void i18n.changeLanguage(locale);
  };
  return (
    <header className={className}>
      <Typography.Text strong style={{ color: '#1668dc' }}>
        {t('app.name')}
      </Typography.Text>
      <Segmented
        value={i18n.language.toLowerCase().startsWith('zh') ? 'zh' : 'en'}
        onChange={(v) => choose(String(v))}
        options={[
          { value: 'zh', label: <span lang="zh-CN">中文</span> },
          { value: 'en', label: <span lang="en">English</span> },
        ]}
        aria-label={t('header.language')}
        data-testid={languageTestId}
      />
    </header>
  );
}
