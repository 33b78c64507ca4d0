import { useState } from 'react';
import { Button, Space } from 'antd';
import { AimOutlined, HistoryOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RelationshipHistory } from '../../parties/shared/Relationship/RelationshipHistory.tsx';
import { RelationshipModal } from '../../parties/shared/Relationship/RelationshipModal.tsx';
import { groupAssessmentPath, invalidateHrCrm, putGroupAssessment, useGroupName } from './api.ts';
import type { HrGroup } from './types.ts';

/** "Assess" (HR and admin) and "History" for a group's relationship type, with their dialog and drawer. */
export function GroupRelationshipActions({ group, canEdit }: { group: HrGroup; canEdit: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const nameOf = useGroupName();
  const [editing, setEditing] = useState(false);
  const [history, setHistory] = useState(false);
  const a = group.assessment;
  return (
    <Space size={4}>
      {canEdit && (
        <Button
          size="small"
          icon={<AimOutlined />}
          onClick={() => setEditing(true)}
          data-testid={`assess-${group.key}`}
        >
          {t('hrcrm.assess')}
        </Button>
      )}
      <Button
        size="small"
        type="text"
        icon={<HistoryOutlined />}
        onClick={() => setHistory(true)}
        data-testid={`assessment-history-${group.key}`}
      >
        {t('parties.relationshipHistory')}
      </Button>
      {editing && (
        <RelationshipModal
          open
          title={t('hrcrm.assessTitle', { name: nameOf(group) })}
          current={
            a
              ? {
                  initiativeScore: a.initiativeScore,
                  participationScore: a.participationScore,
                  quadrant: a.quadrant,
                  targetQuadrant: a.targetQuadrant,
                  targetQuadrantBy: a.targetQuadrantBy,
                  level: a.level,
                  targetLevel: a.targetLevel,
                  targetLevelBy: a.targetLevelBy,
                }
              : null
          }
          submit={(body) => putGroupAssessment(group.key, body)}
          onSaved={() => invalidateHrCrm(qc)}
          onClose={() => setEditing(false)}
        />
      )}
      <RelationshipHistory
        open={history}
        title={t('hrcrm.assessmentHistory', { name: nameOf(group) })}
        path={`${groupAssessmentPath(group.key)}/history`}
        onClose={() => setHistory(false)}
      />
    </Space>
  );
}
