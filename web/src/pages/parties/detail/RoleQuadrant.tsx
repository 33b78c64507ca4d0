import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartyRole } from '../../../api/types.ts';
import { Chart } from '../../../components/Chart/Chart.tsx';
import { quadrantChartAria, quadrantChartOption, type QuadrantItem } from '../shared/quadrantChart.ts';
import type { RelationshipFields } from '../shared/relationship.ts';

/** The role's place on the HR quadrant chart with its arrow to the target quadrant (only once it is scored or aimed). */
export function RoleQuadrant({ name, role }: { name: string; role: PartyRole & Partial<RelationshipFields> }) {
  const { t } = useTranslation();
  const items: QuadrantItem[] = useMemo(
    () => [
      {
        id: role.role,
        name,
        initiativeScore: role.initiativeScore,
        participationScore: role.participationScore,
        targetQuadrant: role.targetQuadrant ?? null,
      },
    ],
    [name, role],
  );
  const option = useMemo(() => quadrantChartOption(items, t, { meanings: false }), [items, t]);
  if (role.initiativeScore === null && role.participationScore === null && !role.targetQuadrant) {
    return null;
  }
  return (
    <Chart
      option={option}
      height={240}
      ariaLabel={quadrantChartAria(items, t)}
      data-testid={`role-quadrant-${role.role}`}
    />
  );
}
