import type { ReactNode } from 'react';
import { Card, Col, Flex, Row, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

interface DetailLayoutProps {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Status tags next to the title. */
  tags?: ReactNode;
  actions?: ReactNode;
  back?: { to: string; label: string };
  /** The record itself (forms, facts). */
  children: ReactNode;
  /** Right-hand pane, usually a <Timeline>. */
  timeline?: ReactNode;
  timelineTitle?: ReactNode;
}

/** A record page: header with actions, the record on the left, its history on the right. */
export function DetailLayout({
  title,
  subtitle,
  tags,
  actions,
  back,
  children,
  timeline,
  timelineTitle,
}: DetailLayoutProps) {
  const { t } = useTranslation();
  return (
    <div data-testid="detail-layout">
      {back && (
        <Link to={back.to} style={{ display: 'inline-flex', gap: 6, marginBottom: 8 }}>
          <ArrowLeftOutlined aria-hidden />
          {back.label}
        </Link>
      )}
      <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 16 }}>
        <div>
          <Space align="center" wrap>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {title}
            </Typography.Title>
            {tags}
          </Space>
          {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
        </div>
        {actions && <Space wrap>{actions}</Space>}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={timeline ? 15 : 24}>
          {children}
        </Col>
        {timeline && (
          <Col xs={24} lg={9}>
            <Card title={timelineTitle ?? t('timeline.title')} size="small" data-testid="timeline-pane">
              {timeline}
            </Card>
          </Col>
        )}
      </Row>
    </div>
  );
}
