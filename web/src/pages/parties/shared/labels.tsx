import { Space, Tag, Tooltip, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { KotlerLevel, PartyRole, Quadrant } from '../../../api/types.ts';
import { Link } from 'react-router-dom';
import { useParty } from './api.ts';

const stageColors: Record<string, string> = {
  prospect: 'default',
  new: 'blue',
  developing: 'cyan',
  loyal: 'green',
  at_risk: 'orange',
  churned: 'red',
  won_back: 'purple',
  candidate: 'default',
  onboarding: 'blue',
  stable: 'green',
  departing: 'orange',
  alumni: 'default',
};

export function StageTag({ stage }: { stage: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={stageColors[stage] ?? 'default'} data-testid="stage-tag">
      {t(`parties.stages.${stage}`, { defaultValue: stage })}
    </Tag>
  );
}

/** "basic → proactive (+3)": where the relationship is and where we want it. */
export function LevelGap({ role }: { role: Pick<PartyRole, 'level' | 'targetLevel' | 'levelGap'> }) {
  const { t } = useTranslation();
  const name = (l: KotlerLevel | null) => (l ? t(`parties.levels.${l}`) : '—');
  if (!role.level && !role.targetLevel) {
    return <Typography.Text type="secondary">—</Typography.Text>;
  }
  const gap = role.levelGap;
  return (
    <Space size={4} wrap data-testid="level-gap">
      <span>{name(role.level)}</span>
      <ArrowRightOutlined aria-label={t('parties.toTarget')} style={{ fontSize: 10, color: '#8c8c8c' }} />
      <span>{name(role.targetLevel)}</span>
      {gap !== null && gap !== 0 && (
        <Tooltip title={t('parties.gapHint')}>
          <Tag color={gap > 0 ? 'gold' : 'default'} style={{ marginInlineEnd: 0 }}>
            {t('parties.gap', { count: gap, n: gap > 0 ? `+${gap}` : String(gap) })}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}

const quadrantColors: Record<Quadrant, string> = {
  basic: 'default',
  proactive: 'blue',
  reactive: 'orange',
  partnership: 'green',
};

export function QuadrantBadge({ quadrant }: { quadrant: Quadrant | null }) {
  const { t } = useTranslation();
  if (!quadrant) {
    return <Typography.Text type="secondary">{t('parties.unscored')}</Typography.Text>;
  }
  return (
    <Tooltip title={t(`parties.quadrantHints.${quadrant}`)}>
      <Tag color={quadrantColors[quadrant]} data-testid="quadrant-badge">
        {t(`parties.quadrants.${quadrant}`)}
      </Tag>
    </Tooltip>
  );
}

/** The party's roles with their current stage, e.g. "Customer · Developing". */
export function PartyRoleTags({ roles }: { roles: Pick<PartyRole, 'role' | 'stage'>[] }) {
  const { t } = useTranslation();
  return (
    <>
      {roles.map((r) => (
        <Tag key={r.role} color={stageColors[r.stage] ?? 'default'}>
          {t(`parties.roles.${r.role}`)} · {t(`parties.stages.${r.stage}`, { defaultValue: r.stage })}
        </Tag>
      ))}
    </>
  );
}

/** A link to a party, by the name the caller already has (lists carry it) or fetched by id. */
export function PartyLink({ id, name }: { id: string; name?: string | null }) {
  return name ? <Link to={`/parties/${id}`}>{name}</Link> : <FetchedPartyLink id={id} />;
}

function FetchedPartyLink({ id }: { id: string }) {
  const party = useParty(id);
  return <Link to={`/parties/${id}`}>{party.data?.displayName ?? '…'}</Link>;
}
