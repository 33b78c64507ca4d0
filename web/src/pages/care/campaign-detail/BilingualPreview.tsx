import { useState } from 'react';
import { Card, Col, Form, Input, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { previewCampaignMessage } from '../shared/merge.ts';

const sampleLink = `${window.location.origin}/unsubscribe?token=…`;

/** Both language versions as a sample recipient would read them (the recipient's language picks one). */
export function BilingualPreview() {
  const { t } = useTranslation();
  const [name, setName] = useState(() => t('care.campaigns.sampleName'));
  const form = Form.useFormInstance();
  const subjectZh = Form.useWatch<string | undefined>('subjectZh', form) ?? '';
  const subjectEn = Form.useWatch<string | undefined>('subjectEn', form) ?? '';
  const bodyZh = Form.useWatch<string | undefined>('bodyZh', form) ?? '';
  const bodyEn = Form.useWatch<string | undefined>('bodyEn', form) ?? '';
  const versions = [
    { lang: 'zh-CN', title: '中文', label: '退订', m: { subject: subjectZh, body: bodyZh } },
    { lang: 'en', title: 'English', label: 'Unsubscribe', m: { subject: subjectEn, body: bodyEn } },
  ];
  return (
    <Card
      size="small"
      title={t('care.campaigns.preview')}
      style={{ marginBottom: 16 }}
      data-testid="campaign-preview"
      extra={
        <Input
          size="small"
          value={name}
          onChange={(e) => setName(e.target.value)}
          addonBefore={t('care.campaigns.sampleRecipient')}
          style={{ width: 260 }}
          data-testid="campaign-sample-name"
        />
      }
    >
      <Row gutter={12}>
        {versions.map((v) => {
          const out = previewCampaignMessage(v.m, { name, unsubscribeUrl: sampleLink, unsubscribeLabel: v.label });
          return (
            <Col xs={24} md={12} key={v.lang} lang={v.lang} data-testid={`campaign-preview-${v.lang}`}>
              <Typography.Text type="secondary">{v.title}</Typography.Text>
              <Typography.Paragraph strong style={{ marginBottom: 4 }}>
                {out.subject}
              </Typography.Paragraph>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{out.body}</Typography.Paragraph>
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}
