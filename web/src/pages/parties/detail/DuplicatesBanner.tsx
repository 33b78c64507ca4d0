import { useState } from 'react';
import { Alert, Button, List, Modal, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { MERGE_UNDO_DAYS } from '@tandem/server/api';
import { api } from '../../../api/client.ts';
import type { MergeResult, Party, PartyDuplicate } from '../../../api/types.ts';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useToast } from '../../../components/feedback/toast.tsx';
import { invalidateParties } from '../shared/api.ts';
import { useFormat } from '../../../i18n/useFormat.ts';

interface Merged {
  sourceId: string;
  sourceName: string;
  undoUntil: string;
}

/** Likely duplicates of this party, each mergeable into it; after a merge, "Undo" for the next 30 days. */
export function DuplicatesBanner({ party }: { party: Party }) {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const { notify } = useErrorMessage();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<Party | null>(null);
  const [merged, setMerged] = useState<Merged | null>(null);
  const duplicates = useQuery({
    queryKey: ['party-duplicates', party.id],
    queryFn: ({ signal }) => api<{ items: PartyDuplicate[] }>(`/api/parties/${party.id}/duplicates`, { signal }),
    enabled: party.access === 'full' && !party.mergedIntoId && !party.deletedAt,
  });
  const merge = useMutation({
    mutationFn: (source: Party) =>
      api<MergeResult>(`/api/parties/${source.id}/merge`, {
        method: 'POST',
        body: { intoId: party.id, version: source.version },
      }),
    onSuccess: (r) => {
      setMerged({ sourceId: r.source.id, sourceName: r.source.displayName, undoUntil: r.undoUntil });
      setConfirming(null);
      void toast.success(t('parties.mergedToast', { name: r.source.displayName }));
      invalidateParties(queryClient, party.id);
    },
    onError: notify,
  });
  const unmerge = useMutation({
    mutationFn: (sourceId: string) => api(`/api/parties/${sourceId}/unmerge`, { method: 'POST' }),
    onSuccess: () => {
      void toast.success(t('parties.unmerged', { name: merged?.sourceName }));
      invalidateParties(queryClient, party.id);
      if (merged) {
        invalidateParties(queryClient, merged.sourceId);
      }
      setMerged(null);
    },
    onError: notify,
  });

  const items = duplicates.data?.items ?? [];
  return (
    <>
      {merged && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="merged-banner"
          message={t('parties.mergedInto', { name: merged.sourceName })}
          description={t('parties.undoUntil', { date: format.dateTime(merged.undoUntil) })}
          action={
            <Button onClick={() => unmerge.mutate(merged.sourceId)} loading={unmerge.isPending} data-testid="unmerge">
              {t('parties.undoMerge')}
            </Button>
          }
        />
      )}
      {items.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="duplicates-banner"
          message={t('parties.duplicatesFound', { count: items.length })}
          description={<DuplicateList items={items} onMerge={setConfirming} />}
        />
      )}
      <MergeConfirm
        source={confirming}
        target={party}
        merging={merge.isPending}
        onConfirm={(source) => merge.mutate(source)}
        onCancel={() => setConfirming(null)}
      />
    </>
  );
}

/** Shown on a party that was merged away: where it went, and "Undo merge" while that is allowed. */
export function MergedAwayBanner({ party }: { party: Party }) {
  const { t } = useTranslation();
  const toast = useToast();
  const { notify } = useErrorMessage();
  const queryClient = useQueryClient();
  const unmerge = useMutation({
    mutationFn: () => api(`/api/parties/${party.id}/unmerge`, { method: 'POST' }),
    onSuccess: () => {
      void toast.success(t('parties.unmerged', { name: party.displayName }));
      invalidateParties(queryClient, party.id);
      if (party.mergedIntoId) {
        invalidateParties(queryClient, party.mergedIntoId);
      }
    },
    onError: notify,
  });
  if (!party.mergedIntoId) {
    return null;
  }
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="merged-away-banner"
      message={
        <span>
          {t('parties.mergedAway')} <Link to={`/parties/${party.mergedIntoId}`}>{t('parties.openTarget')}</Link>
        </span>
      }
      description={t('parties.mergeUndoHint', { days: MERGE_UNDO_DAYS })}
      action={
        <Button onClick={() => unmerge.mutate()} loading={unmerge.isPending} data-testid="unmerge">
          {t('parties.undoMerge')}
        </Button>
      }
    />
  );
}

/** "Merge X into Y?" with what a merge does and how long it can be undone. */
function MergeConfirm({
  source,
  target,
  merging,
  onConfirm,
  onCancel,
}: {
  source: Party | null;
  target: Party;
  merging: boolean;
  onConfirm: (source: Party) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={source !== null}
      title={t('parties.mergeTitle')}
      okText={t('parties.merge')}
      cancelText={t('common.cancel')}
      onOk={() => source && onConfirm(source)}
      onCancel={onCancel}
      confirmLoading={merging}
      okButtonProps={{ danger: true, 'data-testid': 'merge-confirm' }}
    >
      <Typography.Paragraph>
        {t('parties.mergeExplain', { source: source?.displayName, target: target.displayName })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {t('parties.mergeUndoHint', { days: MERGE_UNDO_DAYS })}
      </Typography.Paragraph>
    </Modal>
  );
}

/** The likely duplicates, why each is one, and "Merge here". */
function DuplicateList({ items, onMerge }: { items: PartyDuplicate[]; onMerge: (party: Party) => void }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={(d) => (
        <List.Item
          actions={[
            <Button key="merge" size="small" onClick={() => onMerge(d.party)} data-testid={`merge-${d.party.id}`}>
              {t('parties.mergeHere')}
            </Button>,
          ]}
        >
          <Space wrap>
            <Link to={`/parties/${d.party.id}`}>{d.party.displayName}</Link>
            {d.reasons.map((r) => (
              <Tag key={r}>{t(`parties.duplicateReasons.${r}`)}</Tag>
            ))}
            <Typography.Text type="secondary">
              {[...d.party.emails, ...d.party.phones].slice(0, 2).join(' · ')}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
