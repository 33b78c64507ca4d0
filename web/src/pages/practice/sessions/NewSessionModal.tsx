import { Button, Card, Form, Input, Modal, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { PracticeMemberRole } from '@tandem/server/api';
import { UserSelect } from '../../../components/UserSelect/UserSelect.tsx';
import { useErrorMessage } from '../../../components/feedback/useErrorMessage.ts';
import { useCreateSession, useScenarios } from '../shared/api.ts';
import { pick, practiceMemberRoles } from '../shared/types.ts';

interface Values {
  scenarioId: string;
  title: string;
  scheduledAt: string;
  location?: string;
  teams: { name: string; members: { userId: string; role: PracticeMemberRole }[] }[];
}

/** Plans a session (step 1, form teams): the case, when, and the teams with each member's role. */
export function NewSessionModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const scenarios = useScenarios();
  const create = useCreateSession();
  const navigate = useNavigate();
  const { notify } = useErrorMessage();
  const submit = (v: Values) =>
    create.mutate(
      {
        scenarioId: v.scenarioId,
        title: v.title,
        scheduledAt: new Date(v.scheduledAt).toISOString(),
        location: v.location || null,
        teams: (v.teams ?? []).map((team) => ({ name: team.name, members: team.members ?? [] })),
      },
      { onSuccess: (s) => void navigate(`/practice/sessions/${s.id}`), onError: notify },
    );
  return (
    <Modal
      open={open}
      width={760}
      title={t('practice.newSession')}
      okText={t('common.create')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{
          teams: [
            { name: 'A', members: [{}] },
            { name: 'B', members: [{}] },
          ],
        }}
      >
        <Form.Item name="scenarioId" label={t('practice.scenario')} rules={[{ required: true }]}>
          <Select
            data-testid="session-scenario"
            options={(scenarios.data?.items ?? [])
              .filter((s) => !s.archived)
              .map((s) => ({ value: s.id, label: pick(s.title, i18n.language) }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('practice.fields.sessionTitle')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input data-testid="session-title" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="scheduledAt" label={t('practice.scheduledAt')} rules={[{ required: true }]}>
            <Input type="datetime-local" data-testid="session-when" />
          </Form.Item>
          <Form.Item name="location" label={t('practice.location')}>
            <Input />
          </Form.Item>
        </Space>
        <TeamsField />
      </Form>
    </Modal>
  );
}

/** Step 1: the teams, each with its members and the role each plays. */
function TeamsField() {
  const { t } = useTranslation();
  return (
    <Form.List name="teams">
      {(teams, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {teams.map((team, ti) => (
            <Card
              key={team.key}
              size="small"
              data-testid={`team-${ti}`}
              title={
                <Form.Item name={[team.name, 'name']} noStyle rules={[{ required: true, whitespace: true }]}>
                  <Input style={{ maxWidth: 240 }} aria-label={t('practice.teamName')} />
                </Form.Item>
              }
              extra={<Button type="text" icon={<DeleteOutlined />} onClick={() => remove(team.name)} />}
            >
              <Form.List name={[team.name, 'members']}>
                {(members, m) => (
                  <>
                    {members.map((member, mi) => (
                      <Space key={member.key} align="start" data-testid={`team-${ti}-member-${mi}`}>
                        <Form.Item name={[member.name, 'userId']} rules={[{ required: true }]}>
                          <UserSelect aria-label={t('practice.member')} />
                        </Form.Item>
                        <Form.Item name={[member.name, 'role']} rules={[{ required: true }]} initialValue="staff">
                          <Select
                            style={{ width: 140 }}
                            aria-label={t('practice.memberRole')}
                            options={practiceMemberRoles.map((r) => ({
                              value: r,
                              label: t(`practice.roles.${r}`),
                            }))}
                          />
                        </Form.Item>
                        <Button type="text" icon={<DeleteOutlined />} onClick={() => m.remove(member.name)} />
                      </Space>
                    ))}
                    <Button size="small" icon={<PlusOutlined />} onClick={() => m.add({ role: 'staff' })}>
                      {t('practice.addMember')}
                    </Button>
                  </>
                )}
              </Form.List>
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ name: '', members: [{ role: 'staff' }] })}>
            {t('practice.addTeam')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
