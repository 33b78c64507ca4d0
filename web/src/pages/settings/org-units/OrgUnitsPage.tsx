import { useState } from 'react';
import { Button, Card, Col, Row, Tree, Typography } from 'antd';
import { ApartmentOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../../api/types.ts';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { EmptyState, PageLoading } from '../../../components/feedback/states.tsx';
import { useOrgUnits } from '../shared/useOrgUnits.ts';
import type { OrgTreeNode } from '../shared/orgTree.ts';
import { PageHeader } from '../../../layout/PageHeader.tsx';
import { CreateOrgUnitModal } from './CreateOrgUnitModal.tsx';
import { OrgUnitForm } from './OrgUnitForm.tsx';

interface AntNode {
  key: string;
  title: string;
  children: AntNode[];
}
const toAnt = (nodes: OrgTreeNode[]): AntNode[] =>
  nodes.map((n) => ({ key: n.key, title: n.title, children: toAnt(n.children) }));

/** `/settings/org-units`: the organisation's tree; select a unit to rename it, set its manager or add a child. */
export default function OrgUnitsPage() {
  const { t } = useTranslation();
  const { query, units, tree, pathOf } = useOrgUnits();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creatingUnder, setCreatingUnder] = useState<OrgUnit | null | undefined>(undefined);
  // Collapsed rather than expanded keys are kept, so units created later show up expanded.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const parents = units.filter((u) => units.some((c) => c.parentId === u.id)).map((u) => u.id);
  const selected = units.find((u) => u.id === selectedId);

  let treePane;
  if (query.isPending) {
    treePane = <PageLoading minHeight={200} />;
  } else if (query.error) {
    treePane = <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  } else if (tree.length === 0) {
    treePane = <EmptyState description={t('orgUnits.empty')} />;
  } else {
    treePane = (
      <Tree
        showLine
        blockNode
        treeData={toAnt(tree)}
        expandedKeys={parents.filter((id) => !collapsed.has(id))}
        onExpand={(keys) => setCollapsed(new Set(parents.filter((id) => !keys.includes(id))))}
        selectedKeys={selectedId ? [selectedId] : []}
        onSelect={(keys) => setSelectedId(keys[0] === undefined ? null : String(keys[0]))}
        aria-label={t('orgUnits.tree')}
        data-testid="org-tree"
      />
    );
  }

  return (
    <div data-testid="org-units-page">
      <PageHeader
        title={t('nav.orgUnits')}
        description={t('orgUnits.description')}
        actions={
          <Button icon={<PlusOutlined />} onClick={() => setCreatingUnder(null)} data-testid="org-unit-create-root">
            {t('orgUnits.createRoot')}
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10} xl={8}>
          <Card title={t('orgUnits.tree')} size="small">
            {treePane}
          </Card>
        </Col>
        <Col xs={24} md={14} xl={16}>
          <Card
            size="small"
            title={selected ? pathOf(selected.id) : t('orgUnits.details')}
            extra={
              selected && (
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => setCreatingUnder(selected)}
                  data-testid="org-unit-create-child"
                >
                  {t('orgUnits.createChild')}
                </Button>
              )
            }
          >
            {selected ? (
              <OrgUnitForm key={selected.id} unit={selected} />
            ) : (
              <EmptyState
                description={
                  <Typography.Text type="secondary">
                    <ApartmentOutlined /> {t('orgUnits.selectHint')}
                  </Typography.Text>
                }
              />
            )}
          </Card>
        </Col>
      </Row>
      <CreateOrgUnitModal
        parent={creatingUnder}
        onClose={(created) => {
          setCreatingUnder(undefined);
          if (created) {
            setSelectedId(created.id);
          }
        }}
      />
    </div>
  );
}
