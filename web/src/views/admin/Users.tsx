// Users (administrators: secretariat administrators see every
// organisation, others their own): the list, adding a user, changing the
// role, disabling, resetting the password, and the user's API keys.
import { useState } from 'preact/hooks';
import { api } from '../../api/endpoints.ts';
import { ROLES, type Role, type User, type UserInput } from '../../api/types.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Badge, ErrorNotice, Field, Notice, ResourceStatus, SaveCancelActions, TableWrap, valueOf } from '../../components/ui.tsx';
import { useI18n, useSession } from '../../context.ts';
import { useResource, useSubmit, useTitle } from '../../hooks.ts';
import { navigate, useLocation, withQuery } from '../../router.tsx';
import { ApiKeys } from '../ApiKeys.tsx';

export function Users() {
  const { t } = useI18n();
  const { session } = useSession();
  const { query } = useLocation();
  useTitle(t('users.title'));
  const all = session.instance_admin;
  const orgParam = Number(query.get('org') ?? '');
  const orgFilter = all ? (Number.isInteger(orgParam) && orgParam > 0 ? orgParam : undefined) : session.organisation.id;
  const users = useResource(() => api.users.list(orgFilter), [orgFilter]);
  const orgs = useResource(() => api.orgs.list(), []);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [message, setMessage] = useState('');
  const orgName = (id: number) => orgs.data?.items.find((o) => o.id === id)?.name ?? t('common.unknownOrg', { id });

  return (
    <>
      <div class="page-header">
        <h1>{t('users.title')}</h1>
        <button type="button" class="button-primary" onClick={() => setEditing('new')}>
          {t('users.create')}
        </button>
      </div>
      {all && (
        <div class="toolbar">
          <div class="field field-compact">
            <label for="users-org">{t('users.filterOrg')}</label>
            <select id="users-org" value={orgFilter ? String(orgFilter) : ''} onChange={(e) => navigate(withQuery('/admin/users', { org: valueOf(e) }))}>
              <option value="">{t('common.all')}</option>
              {(orgs.data?.items ?? []).map((o) => (
                <option key={o.id} value={String(o.id)}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      {message && <Notice kind="success">{message}</Notice>}
      <ResourceStatus resource={users} />
      {users.data && (
        <TableWrap label={t('users.title')}>
          <table class="table" data-testid="users">
            <thead>
              <tr>
                <th scope="col">{t('users.col.email')}</th>
                <th scope="col">{t('users.col.displayName')}</th>
                <th scope="col">{t('users.col.org')}</th>
                <th scope="col">{t('users.col.role')}</th>
                <th scope="col">{t('users.col.state')}</th>
                <th scope="col">{t('users.col.rules')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((u) => (
                <tr key={u.id}>
                  <td>{u.email}</td>
                  <td>{u.display_name}</td>
                  <td>{orgName(u.org_id)}</td>
                  <td>{t(`role.${u.role}`)}</td>
                  <td>{u.disabled ? <Badge kind="revoked">{t('users.disabled')}</Badge> : <Badge kind="active">{t('users.active')}</Badge>}</td>
                  <td>{u.accepted_rules_version > 0 ? t('users.rulesVersion', { version: u.accepted_rules_version }) : t('users.rulesNone')}</td>
                  <td class="cell-actions">
                    <button type="button" class="button-small" onClick={() => setEditing(u)} aria-label={`${t('common.edit')}: ${u.email}`}>
                      {t('common.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      <section class="section" aria-labelledby="roles-heading">
        <h2 id="roles-heading">{t('roles.title')}</h2>
        <dl class="roles">
          {ROLES.map((r) => (
            <div key={r} class="role">
              <dt>{t(`role.${r}`)}</dt>
              <dd>{t(`role.${r}.desc`)}</dd>
            </div>
          ))}
        </dl>
      </section>

      {editing === 'new' && (
        <CreateUser
          defaultOrg={orgFilter ?? session.organisation.id}
          orgs={all ? (orgs.data?.items ?? []).map((o) => ({ id: o.id, name: o.name })) : [{ id: session.organisation.id, name: session.organisation.name }]}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setMessage(t('common.saved'));
            users.reload();
          }}
        />
      )}
      {editing && editing !== 'new' && (
        <EditUser
          user={editing}
          onClose={() => setEditing(null)}
          onSaved={(note) => {
            setEditing(null);
            setMessage(note);
            users.reload();
          }}
        />
      )}
    </>
  );
}

function RoleSelect({ value, onChange, a }: { value: Role; onChange: (r: Role) => void; a: object }) {
  const { t } = useI18n();
  return (
    <select {...a} value={value} onChange={(e) => onChange(valueOf(e) as Role)}>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {t(`role.${r}`)}
        </option>
      ))}
    </select>
  );
}

function CreateUser(props: { defaultOrg: number; orgs: { id: number; name: string }[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [org, setOrg] = useState(props.defaultOrg);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [password, setPassword] = useState('');
  const sub = useSubmit();
  const formId = 'user-create';
  return (
    <Dialog
      title={t('users.createTitle')}
      onClose={props.onClose}
      actions={<SaveCancelActions formId={formId} busy={sub.busy} onCancel={props.onClose} />}
    >
      <form
        id={formId}
        class="form"
        onSubmit={(e) => {
          e.preventDefault();
          void sub.run(async () => {
            const input: UserInput = { org_id: org, email: email.trim(), display_name: displayName, role, password };
            await api.users.create(input);
            props.onSaved();
          });
        }}
      >
        <Field id="user-org" label={t('users.org')} error={sub.fieldError('org') ?? sub.fieldError('org_id')}>
          {(a) => (
            <select {...a} value={String(org)} onChange={(e) => setOrg(Number(valueOf(e)))}>
              {props.orgs.map((o) => (
                <option key={o.id} value={String(o.id)}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="user-email" label={t('users.email')} error={sub.fieldError('email')} required>
          {(a) => <input {...a} type="email" autoComplete="off" value={email} onInput={(e) => setEmail(valueOf(e))} />}
        </Field>
        <Field id="user-display_name" label={t('users.displayName')} error={sub.fieldError('display_name')}>
          {(a) => <input {...a} type="text" value={displayName} onInput={(e) => setDisplayName(valueOf(e))} />}
        </Field>
        <Field id="user-role" label={t('users.role')} error={sub.fieldError('role')}>
          {(a) => <RoleSelect a={a} value={role} onChange={setRole} />}
        </Field>
        <Field id="user-password" label={t('users.password')} help={t('users.passwordHelp')} error={sub.fieldError('password')} required>
          {(a) => <input {...a} type="password" autoComplete="new-password" value={password} onInput={(e) => setPassword(valueOf(e))} />}
        </Field>
        {sub.error && !sub.error.field && <ErrorNotice error={sub.error} />}
      </form>
    </Dialog>
  );
}

function EditUser(props: { user: User; onClose: () => void; onSaved: (message: string) => void }) {
  const { t } = useI18n();
  const u = props.user;
  const [displayName, setDisplayName] = useState(u.display_name);
  const [role, setRole] = useState<Role>(u.role);
  const [disabled, setDisabled] = useState(u.disabled);
  const [password, setPassword] = useState('');
  const sub = useSubmit();
  const pw = useSubmit();
  const formId = 'user-edit';
  return (
    <Dialog
      title={`${t('users.editTitle')}: ${u.email}`}
      onClose={props.onClose}
      wide
      actions={<SaveCancelActions formId={formId} busy={sub.busy} onCancel={props.onClose} />}
    >
      <form
        id={formId}
        class="form"
        onSubmit={(e) => {
          e.preventDefault();
          void sub.run(async () => {
            await api.users.update(u.id, { display_name: displayName, role, disabled });
            props.onSaved(t('common.saved'));
          });
        }}
      >
        <Field id="edit-user-display_name" label={t('users.displayName')} error={sub.fieldError('display_name')}>
          {(a) => <input {...a} type="text" value={displayName} onInput={(e) => setDisplayName(valueOf(e))} />}
        </Field>
        <Field id="edit-user-role" label={t('users.role')} help={t(`role.${role}.desc`)} error={sub.fieldError('role')}>
          {(a) => <RoleSelect a={a} value={role} onChange={setRole} />}
        </Field>
        <div class="checkbox">
          <input id="edit-user-disabled" type="checkbox" checked={disabled} onChange={(e) => setDisabled(e.currentTarget.checked)} />
          <label for="edit-user-disabled">{t('users.disable')}</label>
        </div>
        {sub.error && !sub.error.field && <ErrorNotice error={sub.error} />}
      </form>

      <section class="section" aria-labelledby="reset-heading">
        <h3 id="reset-heading">{t('users.setPassword')}</h3>
        <form
          class="form form-inline"
          onSubmit={(e) => {
            e.preventDefault();
            void pw.run(async () => {
              await api.users.setPassword(u.id, password);
              setPassword('');
              props.onSaved(t('users.passwordSet'));
            });
          }}
        >
          <Field id="edit-user-password" label={t('users.newPassword')} help={t('users.passwordHelp')} error={pw.error?.message}>
            {(a) => <input {...a} type="password" autoComplete="new-password" value={password} onInput={(e) => setPassword(valueOf(e))} />}
          </Field>
          <button type="submit" class="button-secondary" disabled={pw.busy || !password}>
            {t('users.setPassword')}
          </button>
        </form>
      </section>

      <ApiKeys userId={u.id} headingLevel={3} />
    </Dialog>
  );
}
