import { Card, Col, Row, Statistic, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { useMe } from '../../auth/session.ts';
import { QueryError } from '../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../components/feedback/states.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { homePath, navConfig, visibleNav } from '../../layout/nav.ts';
import { PageHeader } from '../../layout/PageHeader.tsx';
import { useHome } from '../insight/shared/api.ts';
import { formatR, formatScore } from '../insight/shared/format.ts';
import type { HomeCard } from '../insight/shared/types.ts';
import { formatShare } from '../value/shared/labels.ts';
import { cardFigures, cardLink, type CardFigure } from './cardLinks.ts';

function FigureValue({ figure, currency }: { figure: CardFigure; currency: string }) {
  const format = useFormat();
  const v = figure.value;
  if (v === null) {
    return <>—</>;
  }
  if (typeof v === 'string') {
    return <>{figure.label === 'asOf' ? format.date(v) : v}</>;
  }
  switch (figure.kind) {
    case 'share':
      return <>{formatShare(v, format.locale)}</>;
    case 'money':
      return <>{format.money(v, currency)}</>;
    case 'score':
      return <>{formatScore(v)}</>;
    case 'r':
      return <>{formatR(v)}</>;
    case 'count':
    case 'text':
      return <>{format.number(v)}</>;
  }
}

function HomeCardView({ card }: { card: HomeCard }) {
  const { t } = useTranslation();
  const link = cardLink(card.key);
  const currency = typeof card.data.currency === 'string' ? card.data.currency : 'CNY';
  const figures = cardFigures(card.key, card.data);
  return (
    <Card
      size="small"
      title={t(card.titleKey, { defaultValue: card.key })}
      extra={
        link && (
          <Link to={link} data-testid={`home-card-link-${card.key}`}>
            {t('home.open')} <RightOutlined />
          </Link>
        )
      }
      style={{ height: '100%' }}
      data-testid={`home-card-${card.key}`}
    >
      <Row gutter={12}>
        {figures.map((f) => (
          <Col key={f.label} span={figures.length > 2 ? 8 : 12}>
            <Statistic
              title={t(`home.figures.${f.label}`, { defaultValue: f.label })}
              valueRender={() => <FigureValue figure={f} currency={currency} />}
            />
          </Col>
        ))}
      </Row>
      {card.key === 'chain' && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('insight.chain.notCausation')}
        </Typography.Text>
      )}
    </Card>
  );
}

/** `/`: the cards of the caller's roles (GET /api/home), each leading to its page; without any, the first page. */
export default function HomePage() {
  const { t } = useTranslation();
  const { user } = useMe();
  const q = useHome();
  if (q.data && q.data.cards.length === 0) {
    return <Navigate to={homePath(visibleNav(navConfig, user.roles), user.roles)} replace />;
  }
  const roles = [...new Set(q.data?.cards.map((c) => c.role) ?? [])];
  return (
    <div data-testid="home-page">
      <PageHeader title={t('home.title', { name: user.displayName })} description={t('home.description')} />
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <PageLoading minHeight={200} />
      ) : (
        roles.map((role) => (
          <section key={role} style={{ marginBottom: 24 }} data-testid={`home-role-${role}`}>
            <Typography.Title level={5}>{t(`home.roles.${role}`)}</Typography.Title>
            <Row gutter={[16, 16]}>
              {q.data.cards
                .filter((c) => c.role === role)
                .map((c) => (
                  <Col key={`${c.role}-${c.key}`} xs={24} md={12} xl={8}>
                    <HomeCardView card={c} />
                  </Col>
                ))}
            </Row>
          </section>
        ))
      )}
    </div>
  );
}
