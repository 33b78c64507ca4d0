import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Space, Table } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../../auth/session.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useToast } from '../../../components/feedback/toast.tsx';
import { DetailLayout } from '../../../components/DetailLayout/DetailLayout.tsx';
import { useSaveSegment, useSegment, useSegmentHistory } from '../shared/api.ts';
import { fromRule, newCondition, newGroup, shape, toRule, type GroupNode } from '../shared/rule.ts';
import { segmentEditorRoles, type Segment } from '../shared/types.ts';
import { LivePreview } from './LivePreview.tsx';
import { SegmentMembers } from './SegmentMembers.tsx';
import { RuleEditor } from './RuleEditor.tsx';

/** `/value/segments/new` and `/value/segments/:id`: the segment builder with a live count, members and history. */
export default function SegmentPage() {
  const { id } = useParams();
  const segment = useSegment(id);
  if (id && segment.isPending) {
    return <PageLoading />;
  }
  if (segment.error) {
    return <QueryError error={segment.error} onRetry={() => void segment.refetch()} fullPage />;
  }
  return <SegmentEditor key={segment.data?.version ?? 'new'} segment={segment.data} />;
}

function SegmentEditor({ segment }: { segment: Segment | undefined }) {
  const { t } = useTranslation();
  const { user } = useMe();
  const navigate = useNavigate();
  const toast = useToast();
  const { describe } = useErrorMessage();
  const canEdit = hasAnyRole(user, segmentEditorRoles);
  const [name, setName] = useState(segment?.name ?? '');
  const [description, setDescription] = useState(segment?.description ?? '');
  const [priority, setPriority] = useState(segment?.priority ?? 100);
  const [root, setRoot] = useState<GroupNode>(() =>
    segment ? fromRule(segment.rule) : newGroup('and', [newCondition('role')]),
  );
  const rule = useMemo(() => toRule(root), [root]);
  const size = shape(rule);
  const save = useSaveSegment();
  const tooBig = size.depth > 6 || size.nodes > 60;
  const onSave = () => {
    if (!rule) {
      return;
    }
    const body = segment
      ? { name, description: description || null, priority, rule, version: segment.version }
      : { name, description: description || undefined, priority, rule };
    save.mutate(
      { id: segment?.id, body },
      {
        onSuccess: (s) => {
          void toast.success(t('value.segments.saved', { name: s.name }));
          if (!segment) {
            void navigate(`/value/segments/${s.id}`, { replace: true });
          }
        },
      },
    );
  };
  return (
    <DetailLayout
      back={{ to: '/value/segments', label: t('nav.valueSegments') }}
      title={<span data-testid="segment-title">{segment?.name ?? t('value.segments.new')}</span>}
      actions={
        canEdit && (
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={!rule || !name.trim() || tooBig}
            loading={save.isPending}
            onClick={onSave}
            data-testid="segment-save"
          >
            {t('common.save')}
          </Button>
        )
      }
    >
      {save.error && <Alert type="error" showIcon message={describe(save.error)} style={{ marginBottom: 16 }} />}
      {tooBig && <Alert type="warning" showIcon message={t('value.segments.tooBig')} style={{ marginBottom: 16 }} />}
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <SegmentFields
            disabled={!canEdit}
            value={{ name, description, priority }}
            onName={setName}
            onDescription={setDescription}
            onPriority={setPriority}
          />
          <RuleEditor root={root} onChange={canEdit ? setRoot : () => undefined} />
        </Col>
        <Col xs={24} xl={10}>
          <LivePreview rule={rule} />
        </Col>
      </Row>
      {segment && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
          <SegmentMembers segmentId={segment.id} />
          <SegmentHistoryCard segmentId={segment.id} />
        </Space>
      )}
    </DetailLayout>
  );
}

function SegmentHistoryCard({ segmentId }: { segmentId: string }) {
  const { t } = useTranslation();
  const q = useSegmentHistory(segmentId);
  return (
    <Card title={t('value.segments.history')} size="small">
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table
          size="small"
          rowKey="month"
          loading={q.isPending}
          dataSource={q.data?.months ?? []}
          pagination={false}
          locale={{ emptyText: q.data?.note ?? t('value.segments.noHistory') }}
          columns={[
            { key: 'month', title: t('value.segments.month'), dataIndex: 'month' },
            { key: 'members', title: t('value.segments.members'), dataIndex: 'members', align: 'right' },
            { key: 'entered', title: t('value.segments.entered'), dataIndex: 'entered', align: 'right' },
            { key: 'left', title: t('value.segments.left'), dataIndex: 'left', align: 'right' },
          ]}
        />
      )}
    </Card>
  );
}

function SegmentFields(props: {
  disabled: boolean;
  value: { name: string; description: string; priority: number };
  onName: (v: string) => void;
  onDescription: (v: string) => void;
  onPriority: (v: number) => void;
}) {
  const { t } = useTranslation();
  const { value } = props;
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form layout="vertical" disabled={props.disabled}>
        <Row gutter={12}>
          <Col xs={24} md={16}>
            <Form.Item label={t('value.segments.name')} required>
              <Input
                value={value.name}
                onChange={(e) => props.onName(e.target.value)}
                maxLength={100}
                data-testid="segment-name"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('value.segments.priority')} tooltip={t('value.segments.priorityHint')}>
              <InputNumber
                min={0}
                max={10000}
                precision={0}
                value={value.priority}
                onChange={(v) => props.onPriority(v ?? 100)}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('value.segments.descriptionField')}>
          <Input.TextArea
            value={value.description}
            onChange={(e) => props.onDescription(e.target.value)}
            maxLength={1000}
            autoSize={{ minRows: 1, maxRows: 4 }}
          />
        </Form.Item>
      </Form>
    </Card>
  );
}
