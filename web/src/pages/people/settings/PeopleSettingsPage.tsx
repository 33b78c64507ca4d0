import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { PayBandsCard } from './PayBandsCard.tsx';
import { SettingsCard, WeightsCard } from './SettingsCards.tsx';

/** `/people/settings`: the org's people rules, attrition weights and pay bands (HR). */
export default function PeopleSettingsPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="people-settings">
      <PageHeader title={t('nav.peopleSettings')} description={t('people.settings.description')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <SettingsCard />
        </Col>
        <Col xs={24} xl={12}>
          <WeightsCard />
        </Col>
        <Col xs={24}>
          <PayBandsCard />
        </Col>
      </Row>
    </div>
  );
}
