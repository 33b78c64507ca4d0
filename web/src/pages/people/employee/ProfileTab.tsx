import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Table, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { UserName } from '../../../components/UserName/UserName.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { useOrgUnits } from '../../settings/shared/useOrgUnits.ts';
import type { EmployeeFile } from '../shared/types.ts';
import { EditEmploymentModal } from './EditEmploymentModal.tsx';

/** Who the employee is at work: number, unit, manager, title, track and grade, promotions and moves. */
export function ProfileTab({ file }: { file: EmployeeFile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const orgUnits = useOrgUnits();
  const [editing, setEditing] = useState(false);
  const dash = '—';
  return (
    <div data-testid="employee-profile">
      <Card
        size="small"
        title={t('people.tabs.profile')}
        extra={
          file.relation === 'hr' && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="employment-edit">
              {t('common.edit')}
            </Button>
          )
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('people.file.employeeNo')}>{file.employeeNo ?? dash}</Descriptions.Item>
          <Descriptions.Item label={t('people.file.hireDate')}>{format.date(file.hireDate) || dash}</Descriptions.Item>
          <Descriptions.Item label={t('people.file.orgUnit')}>
            {orgUnits.pathOf(file.orgUnitId) || dash}
          </Descriptions.Item>
          <Descriptions.Item label={t('people.file.manager')}>
            {file.managerId ? <UserName id={file.managerId} /> : dash}
          </Descriptions.Item>
          <Descriptions.Item label={t('people.file.jobTitle')}>{file.jobTitle ?? dash}</Descriptions.Item>
          <Descriptions.Item label={t('people.file.careerTrack')}>{file.careerTrack ?? dash}</Descriptions.Item>
          <Descriptions.Item label={t('people.file.grade')}>{file.grade ?? dash}</Descriptions.Item>
          {file.exit && (
            <Descriptions.Item label={t('people.file.exit')}>
              {format.date(file.exit.exitOn)} · {t(`people.exitTypes.${file.exit.exitType}`)} ·{' '}
              {t(`people.exitReasons.${file.exit.reason}`, { defaultValue: file.exit.reason })}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card size="small" title={t('people.file.promotions')} style={{ marginTop: 16 }}>
        {file.promotions.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('people.file.noPromotions')} />
        ) : (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={file.promotions}
            columns={[
              { title: t('people.file.effectiveOn'), render: (_, p) => format.date(p.effectiveOn) },
              { title: t('people.file.grade'), render: (_, p) => `${p.fromGrade ?? dash} → ${p.toGrade ?? dash}` },
              { title: t('people.file.jobTitle'), render: (_, p) => `${p.fromTitle ?? dash} → ${p.toTitle ?? dash}` },
              { title: t('people.file.note'), render: (_, p) => p.note ?? '' },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={t('people.file.events')} style={{ marginTop: 16 }}>
        {file.events.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('people.file.noEvents')} />
        ) : (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={file.events}
            columns={[
              { title: t('people.file.effectiveOn'), render: (_, e) => format.date(e.effectiveOn) },
              {
                title: t('people.file.eventKind'),
                render: (_, e) => t(`people.eventKinds.${e.kind}`, { defaultValue: e.kind }),
              },
              {
                title: t('people.file.change'),
                render: (_, e) => (
                  <Typography.Text>
                    {e.from ?? dash} → {e.to ?? dash}
                  </Typography.Text>
                ),
              },
              { title: t('people.file.note'), render: (_, e) => e.note ?? '' },
            ]}
          />
        )}
      </Card>
      {editing && <EditEmploymentModal file={file} onClose={() => setEditing(false)} />}
    </div>
  );
}
