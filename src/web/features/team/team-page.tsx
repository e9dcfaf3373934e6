import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Col,
  Form,
  Input,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Role } from '../../../contract/common.ts';
import { roleSchema } from '../../../contract/common.ts';
import {
  type createdInvitationSchema,
  createInvitationBodySchema,
  type Invitation,
  type Member,
} from '../../../contract/members.ts';
import { canInviteRole } from '../../../core/access/permissions.ts';
import { api, companyPath } from '../../api/client.ts';
import { SESSION_KEY } from '../../api/session.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import {
  clearErrorsOnEdit,
  errorMessage,
  problemFieldErrors,
  setFieldErrors,
  zodFieldErrors,
} from '../../lib/form-errors.ts';
import { PageHeader } from '../../lib/page-header.tsx';
import { Panel } from '../../lib/panel.tsx';
import { useCurrentCompany } from '../../lib/use-company.ts';

type CreatedInvitation = z.infer<typeof createdInvitationSchema>;
interface InviteValues {
  email: string;
  role: Role;
}

const ROLE_COLORS: Record<Role, string> = {
  owner: 'gold',
  manager: 'blue',
  member: 'green',
  viewer: 'default',
};

/** The invitation link as an absolute URL the inviter can paste into LINE, WhatsApp or e-mail. */
export function absoluteUrl(url: string, origin: string): string {
  return /^https?:\/\//.test(url) ? url : `${origin}${url.startsWith('/') ? '' : '/'}${url}`;
}

function MembersCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { companyId, can, userId } = useCurrentCompany();
  const manageMembers = can('members.manage');
  const lang = currentLanguage();
  const key = ['members', companyId];
  const members = useQuery({
    queryKey: key,
    queryFn: () => api.get<Member[]>(companyPath(companyId, '/members')),
  });
  const changeRole = useMutation({
    mutationFn: ({ id, role }: { id: string; role: Role }) =>
      api.patch<Member[]>(companyPath(companyId, `/members/${encodeURIComponent(id)}`), { role }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: key });
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      void message.success(t('team.roleChanged'));
    },
    onError: (e) => void message.error(errorMessage(e, t)),
  });
  const removeMember = useMutation({
    mutationFn: (id: string) => api.delete(companyPath(companyId, `/members/${encodeURIComponent(id)}`)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: key });
      void message.success(t('team.removed'));
    },
    onError: (e) => void message.error(errorMessage(e, t)),
  });

  return (
    <Panel title={t('team.members')}>
      <Typography.Paragraph type="secondary">{t('team.rolesHelp')}</Typography.Paragraph>
      <ul style={{ marginTop: 0, paddingInlineStart: 20, color: 'rgba(0,0,0,0.65)' }}>
        {roleSchema.options.map((r) => (
          <li key={r}>
            <strong>{t(`roles.${r}`)}</strong>: {t(`roleHelp.${r}`)}
          </li>
        ))}
      </ul>
      {members.isError && <Alert type="error" showIcon title={errorMessage(members.error, t)} />}
      <Table<Member>
        rowKey="userId"
        loading={members.isPending}
        dataSource={members.data ?? []}
        pagination={false}
        scroll={{ x: 600 }}
        columns={[
          { title: t('team.name'), dataIndex: 'name' },
          { title: t('auth.email'), dataIndex: 'email' },
          {
            title: t('team.role'),
            dataIndex: 'role',
            render: (role: Role, m) =>
              manageMembers && m.userId !== userId ? (
                <Select<Role>
                  size="small"
                  value={role}
                  style={{ width: 130 }}
                  aria-label={t('team.changeRoleOf', { name: m.name })}
                  options={roleSchema.options.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                  onChange={(r) => changeRole.mutate({ id: m.userId, role: r })}
                />
              ) : (
                <Tag color={ROLE_COLORS[role]}>{t(`roles.${role}`)}</Tag>
              ),
          },
          { title: t('team.joined'), dataIndex: 'joinedAt', render: (v: string) => formatDateTime(v, lang) },
          ...(manageMembers
            ? [
                {
                  title: '',
                  key: 'actions',
                  render: (_: unknown, m: Member) =>
                    m.userId === userId ? (
                      <Typography.Text type="secondary">{t('team.you')}</Typography.Text>
                    ) : (
                      <Popconfirm
                        title={t('team.removeConfirm', { name: m.name })}
                        okText={t('common.remove')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => removeMember.mutate(m.userId)}
                      >
                        <Button danger size="small">
                          {t('common.remove')}
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
    </Panel>
  );
}

function InviteCard({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { companyId, role } = useCurrentCompany();
  const [form] = Form.useForm<InviteValues>();
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const invite = useMutation({
    mutationFn: (body: InviteValues) =>
      api.post<CreatedInvitation>(companyPath(companyId, '/invitations'), body),
    onSuccess: (inv) => {
      setCreated(inv);
      form.resetFields();
      onCreated();
      void message.success(t('team.invitationCreated'));
    },
    onError: (e) => {
      const fields = problemFieldErrors(e, t);
      if (fields.length) setFieldErrors(form, fields);
      else void message.error(errorMessage(e, t));
    },
  });
  const roles = roleSchema.options.filter((r) => role !== undefined && canInviteRole(role, r));
  const submit = (values: InviteValues) => {
    const parsed = createInvitationBodySchema.safeParse(values);
    if (!parsed.success) setFieldErrors(form, zodFieldErrors(parsed.error, t));
    else invite.mutate(parsed.data);
  };
  const link = created ? absoluteUrl(created.url, window.location.origin) : '';

  return (
    <Panel title={t('team.invite')}>
      <Typography.Paragraph type="secondary">{t('team.inviteHelp')}</Typography.Paragraph>
      <Form
        name="invite"
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={clearErrorsOnEdit(form)}
        // our own message in the UI's language, not the browser's bubble in the browser's
        noValidate
        requiredMark={false}
        initialValues={{ role: 'member' }}
      >
        <Row gutter={8}>
          <Col xs={24} md={12}>
            <Form.Item name="email" label={t('auth.email')}>
              <Input type="email" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="role" label={t('team.role')}>
              <Select options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6} style={{ display: 'flex', alignItems: 'flex-end', paddingBottom: 24 }}>
            <Button type="primary" htmlType="submit" loading={invite.isPending} block>
              {t('team.createLink')}
            </Button>
          </Col>
        </Row>
      </Form>
      {created && (
        <Alert
          type="success"
          showIcon
          title={t('team.linkReady', { email: created.email })}
          description={
            <>
              <Typography.Paragraph
                copyable={{ text: link }}
                code
                data-testid="invitation-link"
                style={{ wordBreak: 'break-all' }}
              >
                {link}
              </Typography.Paragraph>
              <Typography.Text type="secondary">{t('team.linkOnce')}</Typography.Text>
            </>
          }
        />
      )}
    </Panel>
  );
}

function InvitationsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { companyId } = useCurrentCompany();
  const lang = currentLanguage();
  const key = ['invitations', companyId];
  const invitations = useQuery({
    queryKey: key,
    queryFn: () => api.get<Invitation[]>(companyPath(companyId, '/invitations')),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(companyPath(companyId, `/invitations/${encodeURIComponent(id)}`)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: key });
      void message.success(t('team.revoked'));
    },
    onError: (e) => void message.error(errorMessage(e, t)),
  });
  const pending = (invitations.data ?? []).filter((i) => i.status === 'pending');
  return (
    <Panel title={t('team.pending')}>
      <Typography.Paragraph type="secondary">{t('team.pendingHelp')}</Typography.Paragraph>
      {invitations.isError && <Alert type="error" showIcon title={errorMessage(invitations.error, t)} />}
      <Table<Invitation>
        rowKey="id"
        loading={invitations.isPending}
        dataSource={pending}
        pagination={false}
        scroll={{ x: 600 }}
        locale={{ emptyText: t('team.noPending') }}
        columns={[
          { title: t('auth.email'), dataIndex: 'email' },
          {
            title: t('team.role'),
            dataIndex: 'role',
            render: (r: Role) => <Tag color={ROLE_COLORS[r]}>{t(`roles.${r}`)}</Tag>,
          },
          { title: t('invite.invitedBy'), dataIndex: 'invitedBy' },
          {
            title: t('invite.expires'),
            dataIndex: 'expiresAt',
            render: (v: string) => formatDateTime(v, lang),
          },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, inv) => (
              <Popconfirm
                title={t('team.revokeConfirm', { email: inv.email })}
                okText={t('team.revoke')}
                cancelText={t('common.cancel')}
                onConfirm={() => revoke.mutate(inv.id)}
              >
                <Button danger size="small">
                  {t('team.revoke')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Panel>
  );
}

export default function TeamPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { companyId, can } = useCurrentCompany();
  return (
    <>
      <PageHeader title={t('team.title')} help={t('team.help')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {can('invitations.manage') && (
          <InviteCard
            onCreated={() => void queryClient.invalidateQueries({ queryKey: ['invitations', companyId] })}
          />
        )}
        {can('invitations.read') && <InvitationsCard />}
        <MembersCard />
      </Space>
    </>
  );
}
