import { useEffect, useState, type DragEvent } from 'react';
import { Badge, Button, Flex, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { Page, Party, PartyRole, PartyRoleName } from '../../../api/types.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { boardKey } from '../shared/api.ts';
import { BoardCard } from './BoardCard.tsx';
import { roleOf, type DropState } from './board.ts';
import type { BoardLookups } from './boardValue.ts';
import { useFormat } from '../../../i18n/useFormat.ts';

const pageSize = 20;

export interface Dragged {
  party: Party;
  role: PartyRole;
}

interface Props {
  boardRole: PartyRoleName;
  stage: string;
  filters: { ownerId?: string; q?: string };
  /** The board's value (null: not shown to this reader or role). */
  value: BoardLookups | null;
  /** The ids of the cards this column shows, for their value. */
  onItems: (stage: string, ids: string[]) => void;
  /** Set while a card is dragged anywhere on the board. */
  dropState: DropState | null;
  onDragStart: (d: Dragged) => void;
  onDragEnd: () => void;
  onDrop: (stage: string) => void;
  onMove: (d: Dragged, to: string) => void;
}

const outline: Record<DropState, string> = {
  source: '1px solid #d9d9d9',
  legal: '2px dashed #1668dc',
  illegal: '1px dashed #d9d9d9',
};

/** One stage: its parties paged from the server (`stage=` filter, 20 at a time, "Load more"). */
export function BoardColumn(props: Props) {
  const { boardRole, stage, filters, value, onItems, dropState, onDragStart, onDragEnd, onDrop, onMove } = props;
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const parties = useInfiniteQuery({
    queryKey: [...boardKey, boardRole, stage, filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<Page<Party>>('/api/parties', {
        query: { role: boardRole, stage, ...filters, sort: '-updatedAt', limit: pageSize, cursor: pageParam },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = (parties.data?.pages ?? []).flatMap((p) => p.items);
  const ids = items.map((p) => p.id).join(',');
  useEffect(() => onItems(stage, ids ? ids.split(',') : []), [onItems, stage, ids]);
  const total = value?.columns.get(stage);
  const drop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    onDrop(stage);
  };
  return (
    <section
      aria-label={t(`parties.stages.${stage}`)}
      data-testid={`board-column-${stage}`}
      data-drop={dropState ?? undefined}
      onDragOver={(e) => {
        if (dropState) {
          e.preventDefault();
          // Illegal columns still accept the drop, so the dialog can say which stages are legal.
          e.dataTransfer.dropEffect = 'move';
          setOver(true);
        }
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      style={{
        flex: '0 0 260px',
        background: over && dropState === 'legal' ? '#e6f4ff' : '#fafafa',
        border: dropState ? outline[dropState] : '1px solid #f0f0f0',
        opacity: dropState === 'illegal' ? 0.5 : 1,
        borderRadius: 8,
        padding: 8,
        display: 'flex',
        flexDirection: 'column',
        gap: 8,
        maxHeight: 'calc(100vh - 220px)',
        overflowY: 'auto',
      }}
    >
      <ColumnHeader
        stage={stage}
        loaded={parties.hasNextPage ? `${items.length}+` : items.length}
        total={total}
        currency={value?.currency ?? 'CNY'}
      />
      {parties.isPending && <PageLoading minHeight={80} />}
      {parties.error && <QueryError error={parties.error} onRetry={() => void parties.refetch()} />}
      {items.map((party) => {
        const role = roleOf(party, boardRole);
        return role ? (
          <BoardCard
            key={party.id}
            party={party}
            role={role}
            boardRole={boardRole}
            value={value?.cards.get(party.id) ?? null}
            currency={value?.currency ?? 'CNY'}
            onDragStart={() => onDragStart({ party, role })}
            onDragEnd={onDragEnd}
            onMove={(to) => onMove({ party, role }, to)}
          />
        ) : null;
      })}
      {parties.isSuccess && items.length === 0 && (
        <Typography.Text type="secondary" style={{ padding: '8px 4px' }}>
          {t('parties.boardEmpty')}
        </Typography.Text>
      )}
      {parties.hasNextPage && (
        <Button
          size="small"
          onClick={() => void parties.fetchNextPage()}
          loading={parties.isFetchingNextPage}
          data-testid="board-load-more"
        >
          {t('common.loadMore')}
        </Button>
      )}
    </section>
  );
}

/** The stage's name, its count (the board's total when value is shown, else the cards loaded) and its value. */
function ColumnHeader({
  stage,
  loaded,
  total,
  currency,
}: {
  stage: string;
  loaded: number | string;
  total: { count: number; revenue: number; clv: number | null } | undefined;
  currency: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <Flex justify="space-between" align="center" style={{ padding: '0 4px' }}>
        <Typography.Text strong>{t(`parties.stages.${stage}`)}</Typography.Text>
        <Badge
          count={total ? total.count : loaded}
          showZero
          overflowCount={99999}
          color="#8c8c8c"
          data-testid={`board-count-${stage}`}
        />
      </Flex>
      {total && (
        <Typography.Text
          type="secondary"
          style={{ padding: '0 4px', fontSize: 12 }}
          data-testid={`board-total-${stage}`}
        >
          {t('parties.boardRevenue', { amount: format.money(total.revenue, currency) })}
          {total.clv !== null && ` · ${t('parties.boardClv', { amount: format.money(total.clv, currency) })}`}
        </Typography.Text>
      )}
    </>
  );
}
