import type { DragEvent } from 'react';
import { Button, Card, Dropdown, Space, Typography } from 'antd';
import { MoreOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Party, PartyRole, PartyRoleName } from '../../../api/types.ts';
import { LevelGap, QuadrantBadge } from '../shared/labels.tsx';
import { boardColumns } from './board.ts';
import type { CardValue } from './boardValue.ts';
import { useFormat } from '../../../i18n/useFormat.ts';

interface Props {
  party: Party;
  role: PartyRole;
  boardRole: PartyRoleName;
  /** Revenue of the last 12 months and CLV (null: not shown, or not loaded yet). */
  value: CardValue | null;
  currency: string;
  onDragStart: () => void;
  onDragEnd: () => void;
  /** "Move to…" from the card's menu: the keyboard alternative to dragging. */
  onMove: (to: string) => void;
}

/** A party on the board: draggable to another stage, or moved with its "Move to…" menu. */
export function BoardCard({ party, role, boardRole, value, currency, onDragStart, onDragEnd, onMove }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const startDrag = (e: DragEvent<HTMLDivElement>) => {
    e.dataTransfer.setData('text/plain', party.id);
    e.dataTransfer.effectAllowed = 'move';
    onDragStart();
  };
  const items = boardColumns(boardRole)
    .filter((s) => s !== role.stage)
    .map((s) => ({ key: s, label: t(`parties.stages.${s}`), disabled: !role.legalNextStages.includes(s) }));
  return (
    <div
      draggable
      onDragStart={startDrag}
      onDragEnd={onDragEnd}
      data-testid="board-card"
      data-party={party.displayName}
      style={{ cursor: 'grab' }}
    >
      <Card size="small" styles={{ body: { padding: 10 } }}>
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
            <Link to={`/parties/${party.id}`} draggable={false}>
              <Typography.Text strong>{party.displayName}</Typography.Text>
            </Link>
            <Dropdown trigger={['click']} menu={{ items, onClick: ({ key }) => onMove(key) }}>
              <Button
                size="small"
                type="text"
                icon={<MoreOutlined />}
                aria-label={t('parties.moveTo', { name: party.displayName })}
                data-testid="board-card-menu"
              />
            </Dropdown>
          </Space>
          {(role.level ?? role.targetLevel) && <LevelGap role={role} />}
          {role.quadrant && <QuadrantBadge quadrant={role.quadrant} />}
          {value && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="board-card-value">
              {t('parties.boardRevenue', { amount: format.money(value.revenue, currency) })}
              {value.clv !== null && ` · ${t('parties.boardClv', { amount: format.money(value.clv, currency) })}`}
            </Typography.Text>
          )}
        </Space>
      </Card>
    </div>
  );
}
