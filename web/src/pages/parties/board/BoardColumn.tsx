import { useState, type DragEvent } from 'react';
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

const pageSize = 20;

export interface Dragged {
  party: Party;
  role: PartyRole;
}

interface Props {
  boardRole: PartyRoleName;
  stage: string;
  filters: { ownerId?: string; q?: string };
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
export function BoardColumn({ boardRole, stage, filters, dropState, onDragStart, onDragEnd, onDrop, onMove }: Props) {
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
      <Flex justify="space-between" align="center" style={{ padding: '0 4px' }}>
        <Typography.Text strong>{t(`parties.stages.${stage}`)}</Typography.Text>
        <Badge count={parties.hasNextPage ? `${items.length}+` : items.length} showZero color="#8c8c8c" />
      </Flex>
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
