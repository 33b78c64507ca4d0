import { useState } from 'react';
import { Alert, Button, Col, Form, Row } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { DetailLayout } from '../../../components/DetailLayout/DetailLayout.tsx';
import { QueryError } from '../../../components/feedback/QueryError.tsx';
import { PageLoading } from '../../../components/feedback/states.tsx';
import { useToast } from '../../../components/feedback/toast.tsx';
import { FormError } from '../../../components/forms/FormError.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { invalidateCare, saveCampaign, useCampaign } from '../shared/api.ts';
import { CampaignStateTag } from '../shared/CampaignStateTag.tsx';
import type { Campaign, CreateCampaign } from '../shared/types.ts';
import { AudienceCard } from './AudienceCard.tsx';
import { BilingualPreview } from './BilingualPreview.tsx';
import { CampaignFields, type CampaignValues } from './CampaignForm.tsx';
import { RatioCard } from './RatioCard.tsx';
import { ResultsCard } from './ResultsCard.tsx';

/** A new campaign may start from named parties (an occasion's suggestions pass them in the navigation state). */
type StartState = { partyIds?: string[]; name?: string; kind?: CampaignValues['kind'] } | null;

const toValues = (c: Campaign | undefined, start: StartState): Partial<CampaignValues> =>
  c
    ? {
        ...c,
        audienceType: 'segmentId' in c.audience ? 'segment' : 'parties',
        audience: { ...c.audience },
        scheduledAt: c.scheduledAt ? dayjs(c.scheduledAt) : null,
      }
    : {
        kind: start?.kind ?? 'care',
        name: start?.name,
        commercial: false,
        audienceType: start?.partyIds ? 'parties' : 'segment',
        audience: start?.partyIds ? { partyIds: start.partyIds } : {},
      };

const toBody = (v: CampaignValues): CreateCampaign => ({
  name: v.name.trim(),
  kind: v.kind,
  commercial: Boolean(v.commercial),
  audience:
    v.audienceType === 'parties' ? { partyIds: v.audience.partyIds ?? [] } : { segmentId: v.audience.segmentId ?? '' },
  subjectZh: v.subjectZh,
  subjectEn: v.subjectEn,
  bodyZh: v.bodyZh,
  bodyEn: v.bodyEn,
  scheduledAt: v.scheduledAt ? v.scheduledAt.toISOString() : null,
});

/** `/care/campaigns/new` and `/care/campaigns/:id`: the editor, its audience, the commercial gauge, send, results. */
export default function CampaignPage() {
  const { id } = useParams();
  const campaign = useCampaign(id);
  if (id && campaign.isPending) {
    return <PageLoading />;
  }
  if (campaign.error) {
    return <QueryError error={campaign.error} onRetry={() => void campaign.refetch()} fullPage />;
  }
  return <CampaignEditor key={`${id ?? 'new'}-${campaign.data?.version ?? 0}`} campaign={campaign.data} />;
}

function CampaignEditor({ campaign }: { campaign: Campaign | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const qc = useQueryClient();
  const start = useLocation().state as StartState;
  const [dirty, setDirty] = useState(false);
  const sent = campaign?.status === 'sent';
  const form = useApiForm<CampaignValues, Campaign>({
    submit: (v) => saveCampaign(campaign?.id, campaign ? { ...toBody(v), version: campaign.version } : toBody(v)),
    onSuccess: (c) => {
      invalidateCare(qc);
      setDirty(false);
      void toast.success(t('care.campaigns.saved', { name: c.name }));
      if (!campaign) {
        void navigate(`/care/campaigns/${c.id}`, { replace: true });
      }
    },
  });
  return (
    <DetailLayout
      back={{ to: '/care/campaigns', label: t('nav.careCampaigns') }}
      title={<span data-testid="campaign-title">{campaign?.name ?? t('care.campaigns.new')}</span>}
      tags={campaign && <CampaignStateTag campaign={campaign} />}
      actions={
        !sent && (
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={form.submitting}
            onClick={() => form.form.submit()}
            data-testid="campaign-save"
          >
            {t('common.save')}
          </Button>
        )
      }
    >
      {campaign?.sendError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={t(`care.sendErrors.${campaign.sendError}`, { defaultValue: campaign.sendError })}
        />
      )}
      {campaign?.overrideReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('care.ratio.overridden', { reason: campaign.overrideReason })}
        />
      )}
      <Form<CampaignValues>
        form={form.form}
        layout="vertical"
        onFinish={form.onFinish}
        onValuesChange={() => setDirty(true)}
        initialValues={toValues(campaign, start)}
        data-testid="campaign-form"
      >
        <FormError message={form.formError} />
        <Row gutter={16}>
          <Col xs={24} xl={14}>
            <CampaignFields disabled={sent} />
            <BilingualPreview />
          </Col>
          <Col xs={24} xl={10}>
            {campaign && sent && <ResultsCard campaign={campaign} />}
            {campaign && !sent && <AudienceCard campaignId={campaign.id} />}
            {campaign && !sent && <RatioCard campaign={campaign} dirty={dirty} />}
            {!campaign && <Alert type="info" showIcon message={t('care.campaigns.saveToSee')} />}
          </Col>
        </Row>
      </Form>
    </DetailLayout>
  );
}
