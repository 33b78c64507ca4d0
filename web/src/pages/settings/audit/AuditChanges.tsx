import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../api/types.ts';
import { changedKeys } from '../shared/history.ts';

function Json({ value, label }: { value: unknown; label: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Text strong>{label}</Typography.Text>
      {value === null || value === undefined ? (
        <Typography.Paragraph type="secondary">{t('audit.nothing')}</Typography.Paragraph>
      ) : (
        <pre className="tandem-json" tabIndex={0} aria-label={label}>
          {JSON.stringify(value, null, 2)}
        </pre>
      )}
    </div>
  );
}

/** Expanded audit row: before and after side by side, with the changed fields named. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const changed = changedKeys(entry.before, entry.after);
  return (
    <div data-testid="audit-changes">
      {changed.length > 0 && entry.before !== null && (
        <Typography.Paragraph>{t('audit.changed', { fields: changed.join(', ') })}</Typography.Paragraph>
      )}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Json value={entry.before} label={t('audit.before')} />
        </Col>
        <Col xs={24} md={12}>
          <Json value={entry.after} label={t('audit.after')} />
        </Col>
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('audit.request')}: {entry.requestId ?? '—'} · IP: {entry.ip ?? '—'}
      </Typography.Text>
    </div>
  );
}
