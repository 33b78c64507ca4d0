import { Card, Col, Row, Typography } from 'antd';
import { ApartmentOutlined, AuditOutlined, KeyOutlined, TeamOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../../auth/session.ts';
import { navConfig, visibleNav } from '../../../layout/nav.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { CommercialCapCard } from '../../care/shared/CommercialCapCard.tsx';
import { InboundTokensCard } from '../../care/shared/InboundTokensCard.tsx';
import { RolesChart } from './RolesChart.tsx';

const icons: Record<string, typeof TeamOutlined> = {
  'settings.users': TeamOutlined,
  'settings.orgUnits': ApartmentOutlined,
  'settings.tokens': KeyOutlined,
  'settings.audit': AuditOutlined,
};

/** `/settings`: the settings sections this user can open, and (admins) users per role. */
export default function SettingsOverviewPage() {
  const { t } = useTranslation();
  const { user } = useMe();
  const sections = (visibleNav(navConfig, user.roles).find((e) => e.key === 'settings')?.children ?? []).filter(
    (e) => e.key !== 'settings.overview',
  );
  return (
    <div data-testid="settings-overview">
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      <Row gutter={[16, 16]}>
        {sections.map((s) => {
          const Icon = icons[s.key] ?? KeyOutlined;
          return (
            <Col xs={24} sm={12} xl={6} key={s.key}>
              <Link to={s.path} data-testid={`section-${s.key}`}>
                <Card hoverable style={{ height: '100%' }}>
                  <Card.Meta
                    avatar={<Icon style={{ fontSize: 24, color: '#1668dc' }} aria-hidden />}
                    title={t(s.label)}
                    description={
                      <Typography.Text type="secondary">
                        {t(`settings.sections.${s.key.split('.')[1] ?? ''}`)}
                      </Typography.Text>
                    }
                  />
                </Card>
              </Link>
            </Col>
          );
        })}
        {hasRole(user, 'admin') && (
          <Col xs={24} xl={12}>
            <RolesChart />
          </Col>
        )}
        {hasRole(user, 'admin') && (
          <Col xs={24} xl={12}>
            <CommercialCapCard />
          </Col>
        )}
        {hasRole(user, 'admin') && (
          <Col xs={24} xl={12}>
            <InboundTokensCard />
          </Col>
        )}
      </Row>
    </div>
  );
}
