import { Card, Flex, Form, Progress, Select, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { partyRoles } from '@tandem/server/api';
import type { PartyRoleName } from '../../../api/types.ts';
import { hasRole, useMe } from '../../../auth/session.ts';
import type { ImportWizard } from './useImportWizard.ts';

/** Roles only HR and admins may give (the server answers 403 otherwise). */
const hrRoles: readonly PartyRoleName[] = ['employee', 'candidate'];

/** Step 1: what to import (and the default role of parties), then the file. */
export function UploadStep({ wizard }: { wizard: ImportWizard }) {
  const { t } = useTranslation();
  const { user } = useMe();
  const { state, dispatch } = wizard;
  const mayGiveHrRoles = hasRole(user, 'admin') || hasRole(user, 'hr');
  const roleOptions = partyRoles
    .filter((r) => !hrRoles.includes(r) || mayGiveHrRoles)
    .map((r) => ({ value: r, label: t(`parties.roles.${r}`) }));
  return (
    <Card>
      <Form layout="vertical" style={{ maxWidth: 640 }}>
        <Form.Item label={t('imports.entity')}>
          <Select
            value={state.entity}
            onChange={(entity) => dispatch({ type: 'entity', entity })}
            options={wizard.entities.map((e) => ({ value: e, label: t(`imports.entities.${e}`) }))}
            data-testid="import-entity"
          />
        </Form.Item>
        {state.entity === 'parties' && (
          <Form.Item label={t('imports.defaultRole')} extra={t('imports.defaultRoleHint')}>
            <Select
              value={state.role}
              onChange={(role) => dispatch({ type: 'role', role })}
              options={roleOptions}
              data-testid="import-role"
            />
          </Form.Item>
        )}
        <Form.Item label={t('imports.upload.label')} extra={t('imports.upload.limit')}>
          <Upload.Dragger
            accept=".csv,.txt,.xlsx"
            multiple={false}
            showUploadList={false}
            disabled={wizard.uploading}
            beforeUpload={(file) => {
              dispatch({ type: 'file', file });
              void wizard.readFile(file, null);
              return false;
            }}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('imports.upload.drop')}</p>
            <p className="ant-upload-hint">{t('imports.upload.hint')}</p>
          </Upload.Dragger>
        </Form.Item>
        {state.uploadPct !== null && (
          <Flex vertical gap={4} data-testid="upload-progress">
            <Typography.Text>{t('imports.upload.sending', { name: state.file?.name ?? '' })}</Typography.Text>
            <Progress percent={state.uploadPct} status="active" />
          </Flex>
        )}
      </Form>
    </Card>
  );
}
