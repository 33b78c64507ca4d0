import { Button, Card, Select, Space, Switch } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  addTo,
  changeDraft,
  editNode,
  fieldOps,
  fields,
  newCondition,
  newGroup,
  type CondNode,
  type Field,
  type GroupNode,
} from '../shared/rule.ts';
import { ConditionValue } from './ConditionValue.tsx';

interface Props {
  root: GroupNode;
  onChange: (root: GroupNode) => void;
}

/** The rule tree: groups (all / any of, optionally "not") holding conditions and further groups. */
export function RuleEditor({ root, onChange }: Props) {
  return <GroupEditor group={root} root={root} onChange={onChange} depth={1} />;
}

function GroupEditor({ group, root, onChange, depth }: Props & { group: GroupNode; depth: number }) {
  const { t } = useTranslation();
  const set = (patch: Partial<GroupNode>) =>
    onChange(editNode(root, group.id, (g) => ({ ...g, ...patch }) as GroupNode));
  return (
    <Card
      size="small"
      style={{ marginBottom: 8, background: depth % 2 ? undefined : '#fafafa' }}
      data-testid={`segment-group-${depth}`}
      title={
        <Space wrap>
          <Select
            value={group.op}
            onChange={(op) => set({ op })}
            options={[
              { value: 'and', label: t('value.segments.all') },
              { value: 'or', label: t('value.segments.any') },
            ]}
            style={{ width: 200 }}
            aria-label={t('value.segments.combine')}
            data-testid="segment-group-op"
          />
          <Space size={4}>
            <Switch
              size="small"
              checked={group.negate}
              onChange={(negate) => set({ negate })}
              aria-label={t('value.segments.not')}
            />
            {t('value.segments.not')}
          </Space>
        </Space>
      }
      extra={
        depth > 1 && (
          <Button
            type="text"
            icon={<DeleteOutlined />}
            aria-label={t('value.segments.removeGroup')}
            onClick={() => onChange(editNode(root, group.id, () => null))}
          />
        )
      }
    >
      {group.items.map((item) =>
        item.kind === 'group' ? (
          <GroupEditor key={item.id} group={item} root={root} onChange={onChange} depth={depth + 1} />
        ) : (
          <ConditionEditor key={item.id} node={item} root={root} onChange={onChange} />
        ),
      )}
      <Space>
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => onChange(addTo(root, group.id, newCondition()))}
          data-testid="segment-add-condition"
        >
          {t('value.segments.addCondition')}
        </Button>
        {depth < 5 && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => onChange(addTo(root, group.id, newGroup('or')))}>
            {t('value.segments.addGroup')}
          </Button>
        )}
      </Space>
    </Card>
  );
}

function ConditionEditor({ node, root, onChange }: Props & { node: CondNode }) {
  const { t } = useTranslation();
  const update = (patch: Parameters<typeof changeDraft>[1]) =>
    onChange(editNode(root, node.id, (n) => (n.kind === 'cond' ? { ...n, draft: changeDraft(n.draft, patch) } : n)));
  const { draft } = node;
  return (
    <Space wrap style={{ marginBottom: 8 }} data-testid="segment-condition">
      <Select<Field>
        value={draft.field}
        onChange={(field) => update({ field })}
        options={fields.map((f) => ({ value: f, label: t(`value.segments.fields.${f}`) }))}
        style={{ width: 190 }}
        showSearch
        optionFilterProp="label"
        aria-label={t('value.segments.field')}
        data-testid="segment-cond-field"
      />
      <Select
        value={draft.op}
        onChange={(op) => update({ op })}
        options={fieldOps[draft.field].map((op) => ({ value: op, label: t(`value.segments.ops.${op}`) }))}
        style={{ width: 170 }}
        aria-label={t('value.segments.op')}
        data-testid="segment-cond-op"
      />
      <ConditionValue draft={draft} onChange={(value) => update({ value })} />
      <Button
        type="text"
        icon={<DeleteOutlined />}
        aria-label={t('value.segments.removeCondition')}
        onClick={() => onChange(editNode(root, node.id, () => null))}
      />
    </Space>
  );
}
