// API keys of a user: the list (prefix, last use, revoked), creating one —
// its secret is shown once, with a copy button and a warning — and
// revoking. Used on the account page (one's own keys) and by
// administrators for a user of their organisation.
import { useState } from 'preact/hooks';
import { api } from '../api/endpoints.ts';
import type { ApiKey, NewApiKey } from '../api/types.ts';
import { ConfirmDialog, Dialog } from '../components/Dialog.tsx';
import { Badge, CopyButton, ErrorNotice, Field, Notice, ResourceStatus, TableWrap, valueOf } from '../components/ui.tsx';
import { useI18n } from '../context.ts';
import { useResource, useSubmit } from '../hooks.ts';

export function ApiKeys({ userId, headingLevel = 2 }: { userId?: number; headingLevel?: 2 | 3 }) {
  const { t, time } = useI18n();
  const keys = useResource(() => api.keys.list(userId), [userId]);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<NewApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const create = useSubmit();
  const revoke = useSubmit();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <section class="section" aria-labelledby="keys-heading">
      <Heading id="keys-heading">{t('keys.title')}</Heading>
      <p class="field-help">{t('keys.help')}</p>
      <ResourceStatus resource={keys} />
      {keys.data && keys.data.items.length === 0 && <p class="muted">{t('keys.empty')}</p>}
      {keys.data && keys.data.items.length > 0 && (
        <TableWrap label={t('keys.title')}>
          <table class="table" data-testid="api-keys">
            <thead>
              <tr>
                <th scope="col">{t('keys.name')}</th>
                <th scope="col">{t('keys.prefix')}</th>
                <th scope="col">{t('common.created')}</th>
                <th scope="col">{t('keys.lastUsed')}</th>
                <th scope="col">{t('keys.state')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {keys.data.items.map((k) => (
                <tr key={k.id}>
                  <td>{k.name}</td>
                  <td>
                    <code>{k.prefix}…</code>
                  </td>
                  <td class="cell-time">{time(k.created)}</td>
                  <td class="cell-time">{k.last_used ? time(k.last_used) : t('keys.never')}</td>
                  <td>{k.revoked ? <Badge kind="revoked">{t('keys.revoked')}</Badge> : <Badge kind="active">{t('keys.active')}</Badge>}</td>
                  <td class="cell-actions">
                    {!k.revoked && (
                      <button
                        type="button"
                        class="button-small button-danger-outline"
                        onClick={() => {
                          revoke.clear();
                          setRevoking(k);
                        }}
                      >
                        {t('keys.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <form
        class="form form-inline"
        onSubmit={(e) => {
          e.preventDefault();
          void create.run(async () => {
            setCreated(await api.keys.create(name.trim(), userId));
            setName('');
            keys.reload();
          });
        }}
      >
        <Field id="key-name" label={t('keys.name')} error={create.fieldError('name')}>
          {(a) => <input {...a} type="text" maxLength={200} placeholder={t('keys.namePlaceholder')} value={name} onInput={(e) => setName(valueOf(e))} />}
        </Field>
        <button type="submit" class="button-primary" disabled={create.busy}>
          {t('keys.create')}
        </button>
      </form>
      {create.error && !create.error.field && <ErrorNotice error={create.error} />}

      {created && (
        <Dialog
          title={t('keys.createdTitle')}
          onClose={() => setCreated(null)}
          actions={
            <button type="button" class="button-primary" onClick={() => setCreated(null)}>
              {t('common.close')}
            </button>
          }
        >
          <Notice kind="warning">{t('keys.warning')}</Notice>
          <div class="field">
            <label for="new-key-secret">{t('keys.secret')}</label>
            <input
              id="new-key-secret"
              class="mono secret"
              type="text"
              readOnly
              value={created.key}
              onFocus={(e) => e.currentTarget.select()}
              data-testid="new-key"
            />
          </div>
          <CopyButton text={created.key} label={t('keys.copy')} />
          <p class="field-help">{t('keys.usage')}</p>
        </Dialog>
      )}
      {revoking && (
        <ConfirmDialog
          title={t('keys.revokeTitle')}
          message={t('keys.revokeConfirm', { name: revoking.name, prefix: revoking.prefix })}
          confirmLabel={t('keys.revoke')}
          busy={revoke.busy}
          error={<ErrorNotice error={revoke.error} />}
          onClose={() => setRevoking(null)}
          onConfirm={() =>
            void revoke.run(async () => {
              await api.keys.revoke(revoking.id, userId);
              setRevoking(null);
              keys.reload();
            })
          }
        />
      )}
    </section>
  );
}
