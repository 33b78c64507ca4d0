import type { ReactNode } from 'react';
import { CloseCircleFilled, StopOutlined, WarningFilled } from '@ant-design/icons';

interface ProblemProps {
  kind: 'error' | 'warning' | 'forbidden';
  title: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
  'data-testid'?: string;
}

const icons = {
  error: <CloseCircleFilled style={{ color: '#ff4d4f' }} />,
  warning: <WarningFilled style={{ color: '#faad14' }} />,
  forbidden: <StopOutlined style={{ color: '#8c8c8c' }} />,
};

/** A whole-page problem message (like antd Result, without its illustrations in the initial bundle). */
export function Problem({ kind, title, subTitle, extra, 'data-testid': testId }: ProblemProps) {
  return (
    <div role="alert" data-testid={testId} style={{ textAlign: 'center', padding: '64px 24px' }}>
      <div style={{ fontSize: 56, lineHeight: 1, marginBottom: 20 }} aria-hidden>
        {icons[kind]}
      </div>
      <div style={{ fontSize: 22, fontWeight: 500, color: 'rgba(0,0,0,0.88)' }}>{title}</div>
      {subTitle && <div style={{ marginTop: 8, color: 'rgba(0,0,0,0.45)' }}>{subTitle}</div>}
      {extra && <div style={{ marginTop: 24 }}>{extra}</div>}
    </div>
  );
}
