import { Card, Col, Row, Space, Typography } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { PasswordCard } from './PasswordCard.tsx';
import { DigestCard } from './DigestCard.tsx';
import { ProfileCard } from './ProfileCard.tsx';
import { SessionsCard } from './SessionsCard.tsx';

/** `/me/account`: the user's own profile, password, sessions and (a link to) API tokens. */
export default function AccountPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="account-page">
      <PageHeader title={t('nav.myAccount')} description={t('me.account.description')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <ProfileCard />
        </Col>
        <Col xs={24} lg={12}>
          <PasswordCard />
        </Col>
      </Row>
      <DigestCard />
      <SessionsCard />
      <Card size="small" title={t('me.account.tokens')} style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary">{t('me.account.tokensText')}</Typography.Paragraph>
        <Link to="/settings/tokens" data-testid="account-tokens-link">
          <Space size={6}>
            <KeyOutlined aria-hidden />
            {t('me.account.manageTokens')}
          </Space>
        </Link>
      </Card>
    </div>
  );
}
