import { useCallback, useState } from 'react';
import { Flex, Input, Select, Switch, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { partyRoles } from '@tandem/server/api';
import { MoveStageModal, type StageMove } from '../shared/MoveStageModal/MoveStageModal.tsx';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { BoardColumn, type Dragged } from './BoardColumn.tsx';
import { boardColumns, boardRoleOf, dropState, startsMove } from './board.ts';
import { useMe } from '../../../auth/session.ts';
import { useBoardValue } from '../../value/shared/api.ts';
import { valueRoles } from '../../value/shared/types.ts';
import { cardIds, valueLookups } from './boardValue.ts';

/** `/parties/board?role=customer`: parties by lifecycle stage; drag a card (or use its menu) to move it, with a reason. */
export default function PartyBoardPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const boardRole = boardRoleOf(search.get('role'));
  const mine = search.get('ownerId') === 'me';
  const q = search.get('q') ?? '';
  const [dragged, setDragged] = useState<Dragged | null>(null);
  const [move, setMove] = useState<StageMove | null>(null);
  const filters = { ownerId: mine ? 'me' : undefined, q: q || undefined };
  // Value on the board (docs/metrics.md "Board value"): for value readers, on customer-like roles, one query for
  // every column's totals and the cards on screen.
  const { user } = useMe();
  const [onScreen, setOnScreen] = useState<Record<string, string[]>>({});
  const showValue =
    valueRoles.some((r) => user.roles.includes(r)) && boardRole !== 'employee' && boardRole !== 'candidate';
  const value = useBoardValue({ role: boardRole, ...filters, ids: cardIds(onScreen) }, showValue);
  const lookups = showValue ? valueLookups(value.data) : null;
  const onItems = useCallback(
    (stage: string, ids: string[]) =>
      setOnScreen((prev) => (prev[stage]?.join() === ids.join() ? prev : { ...prev, [stage]: ids })),
    [],
  );

  const setParam = (key: string, value: string | null) =>
    setSearch(
      (s) => {
        const next = new URLSearchParams(s);
        if (value) {
          next.set(key, value);
        } else {
          next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  const startMove = (d: Dragged, to: string) => {
    if (startsMove(d.role, to)) {
      setMove({ partyId: d.party.id, partyName: d.party.displayName, role: d.role, to });
    }
  };

  return (
    <div data-testid="party-board">
      <PageHeader title={t('nav.partyBoard')} description={t('parties.boardDescription')} />
      <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('parties.role')}
          value={boardRole}
          onChange={(r) => setParam('role', r)}
          options={partyRoles.map((r) => ({ value: r, label: t(`parties.roles.${r}`) }))}
          style={{ width: 180 }}
          data-testid="board-role"
        />
        <Input.Search
          allowClear
          aria-label={t('table.search')}
          placeholder={t('table.search')}
          defaultValue={q}
          onSearch={(v) => setParam('q', v.trim() || null)}
          style={{ width: 240 }}
        />
        <Flex gap={8} align="center">
          <Switch
            checked={mine}
            onChange={(on) => setParam('ownerId', on ? 'me' : null)}
            aria-label={t('parties.onlyMine')}
          />
          <Typography.Text>{t('parties.onlyMine')}</Typography.Text>
        </Flex>
        <Typography.Text type="secondary">{t('parties.boardHint')}</Typography.Text>
      </Flex>
      <div style={{ display: 'flex', gap: 12, overflowX: 'auto', paddingBottom: 8 }}>
        {boardColumns(boardRole).map((stage) => (
          <BoardColumn
            key={stage}
            boardRole={boardRole}
            stage={stage}
            filters={filters}
            value={lookups}
            onItems={onItems}
            dropState={dragged ? dropState(dragged.role, stage) : null}
            onDragStart={setDragged}
            onDragEnd={() => setDragged(null)}
            onDrop={(to) => {
              if (dragged) {
                startMove(dragged, to);
              }
              setDragged(null);
            }}
            onMove={startMove}
          />
        ))}
      </div>
      <MoveStageModal move={move} onClose={() => setMove(null)} />
    </div>
  );
}
