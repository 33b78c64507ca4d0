import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/useFormat.ts';
import { compaPosition, payChanges, percent } from '../shared/money.ts';
import type { EmployeeFile, PeopleWarning } from '../shared/types.ts';
import { PayChangeModal } from './PayChangeModal.tsx';

const compaColors = { below: 'orange', within: 'green', above: 'blue' } as const;

/** Salary, the grade's band and compa-ratio, and the pay history: shown only when the server sends pay. */
export function PayTab({ file }: { file: EmployeeFile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [changing, setChanging] = useState(false);
  const [warnings, setWarnings] = useState<PeopleWarning[]>([]);
  const hasPay = file.salary !== null || file.payHistory.length > 0;
  const position = compaPosition(file.compaRatio);
  const money = (v: string | null | undefined) => (v === null || v === undefined ? '—' : format.money(Number(v)));

  return (
    <div data-testid="employee-pay">
      {warnings.map((w) => (
        <Alert
          key={w.code}
          type="warning"
          showIcon
          closable
          style={{ marginBottom: 12 }}
          data-testid={`pay-warning-${w.code}`}
          message={t(`people.warnings.${w.code}`, {
            share: percent(w.share),
            threshold: percent(w.threshold),
          })}
        />
      ))}
      <Card
        size="small"
        title={t('people.pay.title')}
        extra={
          file.relation === 'hr' && (
            <Button onClick={() => setChanging(true)} data-testid="pay-change">
              {t('people.pay.change')}
            </Button>
          )
        }
      >
        {!hasPay ? (
          <Typography.Text type="secondary" data-testid="pay-hidden">
            {t('people.pay.notShown')}
          </Typography.Text>
        ) : (
          <Descriptions column={{ xs: 1, md: 3 }} size="small">
            <Descriptions.Item label={t('people.pay.salary')}>
              <span data-testid="pay-salary">{money(file.salary)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('people.pay.band')}>
              {file.payBand
                ? `${file.payBand.grade}: ${money(file.payBand.min)} – ${money(file.payBand.mid)} – ${money(file.payBand.max)}`
                : t('people.pay.noBand')}
            </Descriptions.Item>
            <Descriptions.Item label={t('people.pay.compaRatio')}>
              {file.compaRatio === null ? (
                '—'
              ) : (
                <Space size={4}>
                  <span data-testid="pay-compa">{file.compaRatio.toFixed(2)}</span>
                  {position && <Tag color={compaColors[position]}>{t(`people.pay.compa.${position}`)}</Tag>}
                </Space>
              )}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      {hasPay && <PayHistory file={file} />}
      {changing && (
        <PayChangeModal
          file={file}
          onClose={() => setChanging(false)}
          onSaved={(w) => {
            setWarnings(w);
            setChanging(false);
          }}
        />
      )}
    </div>
  );
}

function PayHistory({ file }: { file: EmployeeFile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (v: string | null | undefined) => (v === null || v === undefined ? '—' : format.money(Number(v)));
  return (
    <Card size="small" title={t('people.pay.history')} style={{ marginTop: 16 }}>
      {file.payHistory.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={payChanges(file.payHistory)}
          data-testid="pay-history"
          columns={[
            { title: t('people.file.effectiveOn'), render: (_, p) => format.date(p.effectiveOn) },
            {
              title: t('people.pay.kind'),
              render: (_, p) => t(`people.payKinds.${p.kind}`, { defaultValue: p.kind }),
            },
            { title: t('people.pay.salary'), align: 'right', render: (_, p) => money(p.salary) },
            {
              title: t('people.pay.changeShare'),
              align: 'right',
              render: (_, p) => (p.change === null ? '—' : `${p.change > 0 ? '+' : ''}${percent(p.changeShare)}`),
            },
            { title: t('people.file.note'), render: (_, p) => p.note ?? '' },
          ]}
        />
      )}
    </Card>
  );
}
