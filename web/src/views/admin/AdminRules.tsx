// Operating rules (secretariat administrators): the current version, the
// history of versions, and publishing a new one — after which every user
// must accept it before doing anything else.
import { useState } from 'preact/hooks';
import { api } from '../../api/endpoints.ts';
import type { RulesVersion } from '../../api/types.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorNotice, Field, Notice, ResourceStatus, TableWrap, valueOf } from '../../components/ui.tsx';
import { useI18n } from '../../context.ts';
import { useResource, useSubmit, useTitle } from '../../hooks.ts';
import { RulesText } from '../RulesText.tsx';

export function AdminRules({ onPublished }: { onPublished: () => Promise<void> }) {
  const { t, time } = useI18n();
  useTitle(t('adminRules.title'));
  const versions = useResource(() => api.rules.versions(), []);
  const [showing, setShowing] = useState<RulesVersion | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const sub = useSubmit();
  const items = [...(versions.data?.items ?? [])].sort((a, b) => b.version - a.version);
  const current = items[0];

  return (
    <>
      <h1>{t('adminRules.title')}</h1>
      {message && <Notice kind="success">{message}</Notice>}
      <ResourceStatus resource={versions} />
      <div class="columns columns-wide-left">
        <section class="section card" aria-labelledby="current-heading">
          <h2 id="current-heading">{t('adminRules.current')}</h2>
          {current ? (
            <>
              <p class="muted">{t('rules.version', { version: current.version, date: time(current.created) })}</p>
              <RulesText text={current.text} />
            </>
          ) : (
            versions.data && <p>{t('rules.none')}</p>
          )}
        </section>
        <section class="section" aria-labelledby="versions-heading">
          <h2 id="versions-heading">{t('adminRules.versions')}</h2>
          <TableWrap label={t('adminRules.versions')}>
            <table class="table" data-testid="rules-versions">
              <thead>
                <tr>
                  <th scope="col">{t('adminRules.col.version')}</th>
                  <th scope="col">{t('adminRules.col.created')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((v) => (
                  <tr key={v.version}>
                    <td>{v.version}</td>
                    <td class="cell-time">{time(v.created)}</td>
                    <td>
                      <button type="button" class="button-small" onClick={() => setShowing(v)}>
                        {t('adminRules.show')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <p>
            <button type="button" class="button-primary" onClick={() => setText(current?.text ?? '')}>
              {t('adminRules.publish')}
            </button>
          </p>
        </section>
      </div>

      {showing && (
        <Dialog title={t('adminRules.versionTitle', { version: showing.version })} onClose={() => setShowing(null)} wide>
          <p class="muted">{time(showing.created)}</p>
          <RulesText text={showing.text} />
        </Dialog>
      )}
      {text !== null && (
        <Dialog
          title={t('adminRules.publish')}
          onClose={() => setText(null)}
          wide
          actions={
            <>
              <button type="button" class="button-secondary" onClick={() => setText(null)}>
                {t('common.cancel')}
              </button>
              <button type="submit" form="rules-publish" class="button-primary" disabled={sub.busy || !text.trim()}>
                {t('adminRules.publish')}
              </button>
            </>
          }
        >
          <Notice kind="warning">{t('adminRules.publishWarn')}</Notice>
          <form
            id="rules-publish"
            class="form"
            onSubmit={(e) => {
              e.preventDefault();
              void sub.run(async () => {
                const r = await api.rules.publish(text);
                setText(null);
                setMessage(t('adminRules.published', { version: r.version }));
                versions.reload();
                await onPublished();
              });
            }}
          >
            <Field id="rules-text" label={t('adminRules.text')} help={t('adminRules.textHelp')} error={sub.fieldError('text')}>
              {(a) => <textarea {...a} rows={16} value={text} onInput={(e) => setText(valueOf(e))} />}
            </Field>
            {sub.error && !sub.error.field && <ErrorNotice error={sub.error} />}
          </form>
        </Dialog>
      )}
    </>
  );
}
