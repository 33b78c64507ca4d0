import { Collapse, Col, Row, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AuditEntry } from '../../../api/types.ts';
import { UserName } from '../../../components/UserName/UserName.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { describeChanges, recordPath, type ChangeLine, type ShownValue, type Translate } from './describe.ts';

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

/** One shown value: a user's name, the text, or a dash. */
export function Shown({ value }: { value: ShownValue }) {
  if (value.kind === 'user') {
    return <UserName id={value.id} />;
  }
  return value.kind === 'text' ? <>{value.text}</> : <Typography.Text type="secondary">—</Typography.Text>;
}

/** The reader's translator for describeChanges. */
export function useAuditTranslate(): Translate {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return useMemo(
    () => ({
      t: (k, o) => t(k, o),
      exists: (k) => i18n.exists(k),
      dateTime: (iso) => format.dateTime(iso),
      date: (iso) => format.date(iso),
    }),
    [t, i18n, format],
  );
}

/** Expanded audit row: the changes in plain language, a link to the record, and the raw before/after on request. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const tr = useAuditTranslate();
  const lines = describeChanges(entry, tr);
  const path = recordPath(entry.entityType, entry.entityId);
  return (
    <div data-testid="audit-changes">
      {path && (
        <Typography.Paragraph>
          <Link to={path} data-testid="audit-record-link">
            {t('audit.open')}
          </Link>
        </Typography.Paragraph>
      )}
      {lines.length > 0 && (
        <Table<ChangeLine>
          size="small"
          pagination={false}
          rowKey="field"
          dataSource={lines}
          data-testid="audit-change-lines"
          columns={[
            { key: 'label', title: t('audit.changes'), dataIndex: 'label', width: 200 },
            { key: 'before', title: t('audit.before'), render: (_, l) => <Shown value={l.before} /> },
            { key: 'after', title: t('audit.after'), render: (_, l) => <Shown value={l.after} /> },
          ]}
        />
      )}
      <Collapse
        ghost
        size="small"
        items={[
          {
            key: 'raw',
            label: t('audit.details'),
            children: (
              <>
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
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
