import type { ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { useReducedMotion } from '../hooks/useReducedMotion.ts';

/** Switches antd's and dayjs's locale with the UI language; no animations when the system asks for reduced motion. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const reducedMotion = useReducedMotion();
  dayjs.locale(zh ? 'zh-cn' : 'en');
  return (
    <ConfigProvider
      locale={zh ? zhCN : enUS}
      button={{ autoInsertSpace: false }}
      theme={{
        token: { colorPrimary: '#1668dc', borderRadius: 6, motion: !reducedMotion },
        components: { Menu: { subMenuItemBg: 'transparent' } },
      }}
    >
      {children}
    </ConfigProvider>
  );
}
