import { Card, Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Party } from '../../../api/types.ts';
import { UserName } from '../../../components/UserName/UserName.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { addressLine } from './address.ts';

/** Emails and phones; with full access also the owners, tags, birthday, gender and address. */
export function ContactsCard({ party: p }: { party: Party }) {
  const { t } = useTranslation();
  const format = useFormat();
  const full = p.access === 'full';
  return (
    <Card title={t('parties.contacts')} size="small" style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'emails', label: t('parties.emails'), children: p.emails.join(', ') || '—' },
          { key: 'phones', label: t('parties.phones'), children: p.phones.join(', ') || '—' },
          ...(full
            ? [
                { key: 'owner', label: t('parties.owner'), children: <UserName id={p.ownerId} name={p.ownerName} /> },
                {
                  key: 'backup',
                  label: t('parties.backupOwner'),
                  children: <UserName id={p.backupOwnerId} name={p.backupOwnerName} />,
                },
                {
                  key: 'tags',
                  label: t('parties.tags'),
                  children: (p.tags ?? []).length ? (
                    <Space size={4} wrap>
                      {(p.tags ?? []).map((tag) => (
                        <Tag key={tag}>{tag}</Tag>
                      ))}
                    </Space>
                  ) : (
                    '—'
                  ),
                },
                ...(p.birthday
                  ? [{ key: 'birthday', label: t('parties.birthday'), children: format.date(p.birthday) }]
                  : []),
                {
                  key: 'gender',
                  label: t('parties.gender'),
                  children: (
                    <span data-testid="party-gender">
                      {p.gender ? t(`parties.genders.${p.gender}`, { defaultValue: p.gender }) : '—'}
                    </span>
                  ),
                },
                {
                  key: 'address',
                  label: t('parties.address'),
                  children: <span data-testid="party-address">{addressLine(p.address) ?? '—'}</span>,
                },
                { key: 'updated', label: t('common.updatedAt'), children: format.dateTime(p.updatedAt) },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
