// The operating rules a user must accept before anything else (and may
// reread at any time). Accepting records the version read; the API refuses
// every other request with rules_not_accepted until then.
import { useState } from 'preact/hooks';
import { api } from '../api/endpoints.ts';
import { PlainLayout } from '../components/Layout.tsx';
import { ErrorNotice, Loading, Notice } from '../components/ui.tsx';
import { useI18n } from '../context.ts';
import { useResource, useSubmit, useTitle } from '../hooks.ts';
import { RulesText } from './RulesText.tsx';

export function RulesAcceptance({ onAccepted, onLogout }: { onAccepted: () => Promise<void>; onLogout: () => void }) {
  const { t, time } = useI18n();
  useTitle(t('rules.title'));
  const rules = useResource(() => api.rules.current(), []);
  const [agreed, setAgreed] = useState(false);
  const sub = useSubmit();
  const r = rules.data;

  return (
    <PlainLayout
      actions={
        <button type="button" class="button-header" onClick={onLogout}>
          {t('rules.logoutInstead')}
        </button>
      }
    >
      <section class="card rules-card">
        <h1>{t('rules.title')}</h1>
        {rules.loading && <Loading />}
        {rules.error && (rules.error.notFound ? <p>{t('rules.none')}</p> : <ErrorNotice error={rules.error} onRetry={rules.reload} />)}
        {r && (
          <>
            <Notice kind="warning">{t('rules.mustAccept', { version: r.version })}</Notice>
            <p class="muted">{t('rules.version', { version: r.version, date: time(r.created) })}</p>
            <div class="rules-scroll" tabIndex={0} role="region" aria-label={t('rules.title')}>
              <RulesText text={r.text} />
            </div>
            <ErrorNotice error={sub.error} />
            <form
              class="form"
              onSubmit={(e) => {
                e.preventDefault();
                void sub.run(async () => {
                  await api.rules.accept(r.version);
                  await onAccepted();
                });
              }}
            >
              <div class="checkbox">
                <input id="rules-agree" type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.currentTarget.checked)} />
                <label for="rules-agree">{t('rules.agree')}</label>
              </div>
              <div class="form-actions">
                <button type="submit" class="button-primary" disabled={!agreed || sub.busy}>
                  {t('rules.accept')}
                </button>
              </div>
            </form>
          </>
        )}
      </section>
    </PlainLayout>
  );
}
