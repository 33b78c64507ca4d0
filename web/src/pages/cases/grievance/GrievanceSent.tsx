import { Alert, Button, Result, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { GrievanceCreated } from '../../../api/types.ts';
import { CopyValue } from '../../../components/CopyValue/CopyValue.tsx';

/** After filing: the follow-up code of an anonymous grievance (shown once), or the named case to open. */
export function GrievanceSent({ created, onAnother }: { created: GrievanceCreated; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <div data-testid="grievance-page">
      {created.followUpCode ? (
        <Result
          status="success"
          title={t('service.grievance.sentAnonymous')}
          subTitle={t('service.grievance.codeIntro')}
          extra={
            <Space direction="vertical" style={{ maxWidth: 560, width: '100%', textAlign: 'left' }}>
              <CopyValue value={created.followUpCode} data-testid="grievance-code" />
              <Alert
                type="warning"
                showIcon
                message={t('service.grievance.codeWarning')}
                data-testid="grievance-code-warning"
              />
              <Typography.Paragraph>
                {t('service.grievance.codeWhere')}{' '}
                {/* The address only: a code in a link would stay in this (signed-in) browser's history. */}
                <Link to="/grievance" target="_blank" data-testid="grievance-follow-up-link">
                  {`${window.location.origin}/grievance`}
                </Link>
              </Typography.Paragraph>
              <Button onClick={onAnother}>{t('service.grievance.another')}</Button>
            </Space>
          }
        />
      ) : (
        <Result
          status="success"
          title={t('service.grievance.sentNamed')}
          subTitle={t('service.grievance.namedNext')}
          extra={
            <Space>
              {created.id && (
                <Link to={`/service/cases/${created.id}`} data-testid="grievance-open">
                  <Button type="primary">{t('service.grievance.openIt')}</Button>
                </Link>
              )}
              <Link to="/me/grievances" data-testid="grievance-mine">
                <Button>{t('nav.myGrievances')}</Button>
              </Link>
              <Button onClick={onAnother}>{t('service.grievance.another')}</Button>
            </Space>
          }
        />
      )}
    </div>
  );
}
