// The current operating rules for a user who has accepted them (a link
// from the account page); acceptance itself is Rules.tsx.
import { api } from '../api/endpoints.ts';
import { ErrorNotice, Loading, Notice } from '../components/ui.tsx';
import { useI18n } from '../context.ts';
import { useResource, useTitle } from '../hooks.ts';
import { RulesText } from './RulesText.tsx';

export function RulesView() {
  const { t, time } = useI18n();
  useTitle(t('rules.title'));
  const rules = useResource(() => api.rules.current(), []);
  const r = rules.data;
  return (
    <>
      <h1>{t('rules.title')}</h1>
      {rules.loading && !r && <Loading />}
      {rules.error && (rules.error.notFound ? <p>{t('rules.none')}</p> : <ErrorNotice error={rules.error} onRetry={rules.reload} />)}
      {r && (
        <>
          <p class="muted">{t('rules.version', { version: r.version, date: time(r.created) })}</p>
          {r.accepted && <Notice kind="success">{t('rules.accepted')}</Notice>}
          <div class="card">
            <RulesText text={r.text} />
          </div>
        </>
      )}
    </>
  );
}
