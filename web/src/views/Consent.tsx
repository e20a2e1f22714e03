// Consent requests that concern the viewer's organisation: those it made
// and those it must decide as the provider. The provider's analysts and
// administrators approve or reject with an optional comment.
import { useState } from 'preact/hooks';
import { api } from '../api/endpoints.ts';
import { CONSENT_STATES, type ConsentRequest, type ConsentState, type SharedEvent } from '../api/types.ts';
import { Dialog } from '../components/Dialog.tsx';
import { Badge, ErrorNotice, Field, LevelBadge, Notice, ResourceStatus, TableWrap, valueOf } from '../components/ui.tsx';
import { useI18n, useSession } from '../context.ts';
import { useResource, useSubmit, useTitle } from '../hooks.ts';
import { Link, navigate, useLocation, withQuery } from '../router.tsx';

/** The events the requests name, as far as the viewer may see them. */
async function loadEvents(requests: ConsentRequest[]): Promise<Map<string, SharedEvent>> {
  const ids = [...new Set(requests.map((r) => r.event_id))];
  const found = await Promise.all(ids.map((id) => api.events.get(id).catch(() => undefined)));
  const map = new Map<string, SharedEvent>();
  found.forEach((e) => e && map.set(e.id, e));
  return map;
}

export function ConsentRequests() {
  const { t, time } = useI18n();
  const { session } = useSession();
  const { query } = useLocation();
  useTitle(t('consent.title'));
  const stateParam = query.get('state');
  const state: ConsentState | '' =
    stateParam === '' || stateParam === 'all' ? '' : (CONSENT_STATES as readonly string[]).includes(stateParam ?? '') ? (stateParam as ConsentState) : 'pending';
  const requests = useResource(async () => {
    const list = await api.consent.list(state || undefined);
    return { items: list.items, events: await loadEvents(list.items) };
  }, [state]);
  const orgs = useResource(() => api.orgs.list(), []);
  const [deciding, setDeciding] = useState<{ request: ConsentRequest; approve: boolean } | null>(null);
  const [message, setMessage] = useState('');

  const orgName = (id: number) => orgs.data?.items.find((o) => o.id === id)?.name ?? t('common.unknownOrg', { id });
  const mayDecide = (r: ConsentRequest) =>
    r.state === 'pending' && r.provider_org_id === session.organisation.id && (session.user.role === 'admin' || session.user.role === 'analyst');

  return (
    <>
      <h1>{t('consent.title')}</h1>
      <p class="lead">{t('consent.intro')}</p>
      <div class="toolbar">
        <div class="field field-compact">
          <label for="consent-state">{t('consent.filter')}</label>
          <select id="consent-state" value={state || 'all'} onChange={(e) => navigate(withQuery('/consent', { state: valueOf(e) }))}>
            {CONSENT_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`consentState.${s}`)}
              </option>
            ))}
            <option value="all">{t('common.all')}</option>
          </select>
        </div>
      </div>
      {message && <Notice kind="success">{message}</Notice>}
      <ResourceStatus resource={requests} />
      {requests.data && requests.data.items.length === 0 && <p class="muted">{t('consent.empty')}</p>}
      {requests.data && requests.data.items.length > 0 && (
        <TableWrap label={t('consent.title')}>
          <table class="table consent-table" data-testid="consent-requests">
            <thead>
              <tr>
                <th scope="col">{t('consent.col.kind')}</th>
                <th scope="col">{t('consent.col.event')}</th>
                <th scope="col">{t('consent.col.change')}</th>
                <th scope="col">{t('consent.col.requester')}</th>
                <th scope="col">{t('consent.col.provider')}</th>
                <th scope="col">{t('consent.col.reason')}</th>
                <th scope="col">{t('consent.col.state')}</th>
                <th scope="col">{t('consent.col.created')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {requests.data.items.map((r) => {
                const ev = requests.data!.events.get(r.event_id);
                return (
                  <tr key={r.id} data-request={r.id}>
                    <td class="cell-nowrap">{t(`consentKind.${r.kind}`)}</td>
                    <td class="cell-title">
                      {ev ? <Link href={`/events/${encodeURIComponent(ev.id)}`}>{ev.title}</Link> : <span class="muted">{t('consent.hiddenEvent')}</span>}
                    </td>
                    <td class="cell-change">
                      {r.kind === 'widen' && r.from_level && r.to_level ? (
                        <span class="level-change">
                          <LevelBadge level={r.from_level} /> → <LevelBadge level={r.to_level} />
                        </span>
                      ) : r.to_level ? (
                        <LevelBadge level={r.to_level} />
                      ) : null}
                    </td>
                    <td class="cell-org">{orgName(r.requester_org_id)}</td>
                    <td class="cell-org">{orgName(r.provider_org_id)}</td>
                    <td class="cell-comment">{r.reason}</td>
                    <td>
                      <Badge kind={r.state}>{t(`consentState.${r.state}`)}</Badge>
                      {r.decided && <div class="muted small">{t('consent.decidedOn', { date: time(r.decided) })}</div>}
                      {r.decision_comment && <div class="small">{r.decision_comment}</div>}
                    </td>
                    <td class="cell-time">{time(r.created)}</td>
                    <td class="cell-actions">
                      {mayDecide(r) ? (
                        <>
                          <button type="button" class="button-small button-primary" onClick={() => setDeciding({ request: r, approve: true })}>
                            {t('consent.approve')}
                          </button>
                          <button type="button" class="button-small button-danger-outline" onClick={() => setDeciding({ request: r, approve: false })}>
                            {t('consent.reject')}
                          </button>
                        </>
                      ) : r.state === 'pending' ? (
                        <span class="muted small">{t('consent.waiting')}</span>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
      {deciding && (
        <Decide
          request={deciding.request}
          approve={deciding.approve}
          onClose={() => setDeciding(null)}
          onDone={(note) => {
            setDeciding(null);
            setMessage(note);
            requests.reload();
          }}
        />
      )}
    </>
  );
}

function Decide(props: { request: ConsentRequest; approve: boolean; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const sub = useSubmit();
  const formId = 'consent-decision';
  return (
    <Dialog
      title={props.approve ? t('consent.approveTitle') : t('consent.rejectTitle')}
      onClose={props.onClose}
      actions={
        <>
          <button type="button" class="button-secondary" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={formId} class={props.approve ? 'button-primary' : 'button-danger'} disabled={sub.busy}>
            {props.approve ? t('consent.approve') : t('consent.reject')}
          </button>
        </>
      }
    >
      <form
        id={formId}
        class="form"
        onSubmit={(e) => {
          e.preventDefault();
          void sub.run(async () => {
            if (props.approve) await api.consent.approve(props.request.id, comment);
            else await api.consent.reject(props.request.id, comment);
            props.onDone(props.approve ? t('consent.approved') : t('consent.rejected'));
          });
        }}
      >
        {props.request.reason && <blockquote class="quote">{props.request.reason}</blockquote>}
        <Field id="consent-comment" label={t('consent.comment')} error={sub.fieldError('comment')}>
          {(a) => <textarea {...a} rows={3} value={comment} onInput={(e) => setComment(valueOf(e))} />}
        </Field>
        <ErrorNotice error={sub.error} />
      </form>
    </Dialog>
  );
}
