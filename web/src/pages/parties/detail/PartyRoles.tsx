import { useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { Button, Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { AimOutlined, HistoryOutlined, SwapOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useTranslation } from 'react-i18next';
import type { Party, PartyRole } from '../../../api/types.ts';
import { LevelGap, QuadrantBadge, StageTag } from '../shared/labels.tsx';
import { UserName } from '../../../components/UserName/UserName.tsx';
import { MoveStageModal, type StageMove } from '../shared/MoveStageModal/MoveStageModal.tsx';
import { invalidateParties, partiesEndpoint, useStakeholderGroups } from '../shared/api.ts';
import { RelationshipHistory } from '../shared/Relationship/RelationshipHistory.tsx';
import { RelationshipModal } from '../shared/Relationship/RelationshipModal.tsx';
import type { RelationshipFields, RelationshipInput } from '../shared/relationship.ts';
import { RoleQuadrant } from './RoleQuadrant.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';

const employmentKeys = [
  'employeeNo',
  'jobTitle',
  'hireDate',
  'careerTrack',
  'grade',
  'salary',
  'exitDate',
  'exitReason',
] as const;

type DescItem = { key: string; label: string; children: ReactNode };

/** Employment facts that came back (sensitive keys are absent for readers outside the employee's circle). */
function employmentItems(role: PartyRole, t: TFunction, format: ReturnType<typeof useFormat>): DescItem[] {
  const e = role.employment;
  if (!e) {
    return [];
  }
  const items: DescItem[] = employmentKeys
    .filter((k) => e[k] !== undefined && e[k] !== null)
    .map((k) => ({
      key: k,
      label: t(`parties.employment.${k}`),
      children:
        k === 'hireDate' || k === 'exitDate' ? format.date(e[k]) : k === 'salary' ? format.number(Number(e[k])) : e[k],
    }));
  if (e.managerId) {
    items.push({ key: 'manager', label: t('parties.employment.manager'), children: <UserName id={e.managerId} /> });
  }
  return items;
}

/** A role with the relationship fields (the target quadrant and dates arrived with the relationship endpoint). */
type RoleWithRelationship = PartyRole & Partial<RelationshipFields>;

const relationshipPath = (partyId: string, role: string) => `${partiesEndpoint}/${partyId}/roles/${role}/relationship`;

/** The relationship type editor for one role (PUT …/roles/:role/relationship, with a reason). */
function RoleRelationshipModal({
  party,
  role,
  onClose,
}: {
  party: Party;
  role: RoleWithRelationship;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return (
    <RelationshipModal
      open
      title={t('parties.editRelationshipOf', { name: party.displayName, role: t(`parties.roles.${role.role}`) })}
      current={{
        initiativeScore: role.initiativeScore,
        participationScore: role.participationScore,
        quadrant: role.quadrant,
        targetQuadrant: role.targetQuadrant ?? null,
        targetQuadrantBy: role.targetQuadrantBy ?? null,
        level: role.level,
        targetLevel: role.targetLevel,
        targetLevelBy: role.targetLevelBy ?? null,
      }}
      submit={(body: RelationshipInput) => api(relationshipPath(party.id, role.role), { method: 'PUT', body })}
      onSaved={() => {
        invalidateParties(qc, party.id);
        void qc.invalidateQueries({ queryKey: ['relationship-history'] });
      }}
      onClose={onClose}
    />
  );
}

/** "Current → target" on the HR quadrant scale. */
function QuadrantToTarget({ role }: { role: RoleWithRelationship }) {
  return (
    <Space size={4}>
      <QuadrantBadge quadrant={role.quadrant} />
      {role.targetQuadrant && (
        <>
          →
          <QuadrantBadge quadrant={role.targetQuadrant} />
        </>
      )}
    </Space>
  );
}

/** The party's current roles: stage (with "Change stage"), stakeholder group, level → target, quadrant and scores, phase, employment. */
export function PartyRoles({ party }: { party: Party }) {
  const { t } = useTranslation();
  const format = useFormat();
  const groups = useStakeholderGroups();
  const [move, setMove] = useState<StageMove | null>(null);
  const [editing, setEditing] = useState<RoleWithRelationship | null>(null);
  const [history, setHistory] = useState<PartyRole['role'] | null>(null);
  const editable = party.access === 'full' && !party.mergedIntoId && !party.deletedAt;
  return (
    <Card title={t('parties.rolesTitle')} size="small" style={{ marginBottom: 16 }} data-testid="party-roles">
      {party.roles.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('parties.noRoles')} />}
      {party.roles.map((role) => (
        <div key={role.role} data-testid={`role-${role.role}`} style={{ marginBottom: 12 }}>
          <Space style={{ marginBottom: 8 }} wrap>
            <Typography.Text strong>{t(`parties.roles.${role.role}`)}</Typography.Text>
            <StageTag stage={role.stage} />
            {editable && (
              <Button
                size="small"
                icon={<SwapOutlined />}
                onClick={() => setMove({ partyId: party.id, partyName: party.displayName, role })}
                data-testid={`change-stage-${role.role}`}
              >
                {t('parties.changeStage')}
              </Button>
            )}
            {editable && (
              <Button
                size="small"
                icon={<AimOutlined />}
                onClick={() => setEditing(role)}
                data-testid={`edit-relationship-${role.role}`}
              >
                {t('parties.editRelationship')}
              </Button>
            )}
            <Button
              size="small"
              type="text"
              icon={<HistoryOutlined />}
              onClick={() => setHistory(role.role)}
              data-testid={`relationship-history-${role.role}`}
            >
              {t('parties.relationshipHistory')}
            </Button>
          </Space>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 3, xxl: 3 }}
            bordered
            items={[
              {
                key: 'group',
                label: t('parties.stakeholderGroup'),
                children: groups.nameOf(role.stakeholderGroup) || '—',
              },
              { key: 'level', label: t('parties.levelToTarget'), children: <LevelGap role={role} /> },
              {
                key: 'quadrant',
                label: t('parties.quadrantToTarget'),
                children: <QuadrantToTarget role={role} />,
              },
              {
                key: 'scores',
                label: t('parties.scores'),
                children:
                  role.initiativeScore === null && role.participationScore === null
                    ? '—'
                    : `${t('parties.initiative')} ${role.initiativeScore ?? '—'} · ${t('parties.participation')} ${role.participationScore ?? '—'}`,
              },
              ...(role.phase
                ? [
                    {
                      key: 'phase',
                      label: t('parties.phase'),
                      children: <Tag>{t(`parties.phases.${role.phase}`)}</Tag>,
                    },
                  ]
                : []),
              { key: 'since', label: t('parties.since'), children: format.date(role.startedAt) },
              ...employmentItems(role, t, format),
            ]}
          />
          <RoleQuadrant name={party.displayName} role={role} />
        </div>
      ))}
      <MoveStageModal move={move} onClose={() => setMove(null)} />
      {editing && <RoleRelationshipModal party={party} role={editing} onClose={() => setEditing(null)} />}
      <RelationshipHistory
        open={history !== null}
        title={t('parties.relationshipHistory')}
        path={`${relationshipPath(party.id, history ?? 'customer')}/history`}
        onClose={() => setHistory(null)}
      />
    </Card>
  );
}
