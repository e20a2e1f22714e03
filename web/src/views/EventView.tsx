// One event: its level (with who may see it), facts, description,
// indicators, and the request to widen its level. An event the viewer may
// not see is "not found" — the API does not say whether it exists.
import { useState } from 'preact/hooks';
import { api } from '../api/endpoints.ts';
import { LEVELS, type Level, type Session, type SharedEvent } from '../api/types.ts';
import { ConfirmDialog } from '../components/Dialog.tsx';
import { Badge, ErrorNotice, Facts, Field, LevelBadge, LevelOptions, Loading, Notice, tlpLabel, valueOf } from '../components/ui.tsx';
import { useI18n, useSession } from '../context.ts';
import { useResource, useSubmit, useTitle } from '../hooks.ts';
import { Link, navigate } from '../router.tsx';
import { SightingsSection, UsesSection } from './FollowUp.tsx';
import { IndicatorsSection } from './Indicators.tsx';

/** Whether the viewer's organisation may change the event (the API decides finally). */
export function mayEdit(session: Session, e: SharedEvent): boolean {
  const org = session.organisation.id;
  if (session.user.role === 'readonly') return false;
  if (org !== e.provider.id && org !== e.submitter_org_id) return false;
  // A submitter edits on behalf of the provider only until the provider agreed.
  return !(org !== e.provider.id && e.status === 'published');
}

export function EventView({ id }: { id: string }) {
  const { t, time } = useI18n();
  const { session } = useSession();
  const event = useResource(() => api.events.get(id), [id]);
  const orgs = useResource(() => api.orgs.list(), []);
  const [deleting, setDeleting] = useState(false);
  const del = useSubmit();
  const e = event.data;
  useTitle(e?.title ?? t('events.title'));

  if (event.error?.notFound) {
    return (
      <>
        <h1>{t('event.notFoundTitle')}</h1>
        <p data-testid="not-found">{t('event.notFound')}</p>
        <p>
          <Link href="/events">{t('event.back')}</Link>
        </p>
      </>
    );
  }
  if (event.error) return <ErrorNotice error={event.error} onRetry={event.reload} />;
  if (!e) return <Loading />;

  const canEdit = mayEdit(session, e);
  const orgName = (oid: number) => orgs.data?.items.find((o) => o.id === oid)?.name ?? t('common.unknownOrg', { id: oid });

  return (
    <>
      <p class="breadcrumb">
        <Link href="/events">{t('event.back')}</Link>
      </p>
      <div class="page-header">
        <h1 class="event-title">
          <LevelBadge level={e.level} showTlp />
          <span>{e.title}</span>
        </h1>
        <div class="page-actions">
          <a href={api.imports.stixUrl(e.id)} download={`${e.id}.stix.json`} class="button button-secondary" data-testid="export-stix">
            {t('event.exportStix')}
          </a>
          {canEdit && (
            <>
              <Link href={`/events/${encodeURIComponent(e.id)}/edit`} class="button button-secondary">
                {t('event.edit')}
              </Link>
              <button
                type="button"
                class="button-danger-outline"
                onClick={() => {
                  del.clear();
                  setDeleting(true);
                }}
              >
                {t('event.delete')}
              </button>
            </>
          )}
        </div>
      </div>
      {e.status === 'pending' && <Notice kind="warning">{t('event.pendingNote')}</Notice>}
      {e.status === 'draft' && <Notice kind="info">{t('event.draftNote')}</Notice>}

      <div class="event-summary">
        <Facts
          items={[
            [
              t('event.audience'),
              <span class="audience" data-testid="event-level" data-level={e.level}>
                <strong>{e.level}</strong> ({tlpLabel(e.level)}): {t(`level.${e.level}.meaning`)}
              </span>,
            ],
            [t('event.provider'), e.provider.name || orgName(e.provider.id)],
            ...(e.submitter_org_id !== e.provider.id
              ? [[t('event.submitter'), orgName(e.submitter_org_id)] as [string, string]]
              : []),
            [t('event.category'), t(`category.${e.category}`)],
            [t('event.timing'), t(`timing.${e.timing}`)],
            [t('event.status'), <Badge kind={e.status}>{t(`status.${e.status}`)}</Badge>],
            [
              t('event.tags'),
              e.tags.length ? (
                <span class="tags">
                  {e.tags.map((tag) => (
                    <Link class="tag" key={tag} href={`/events?tag=${encodeURIComponent(tag)}`}>
                      {tag}
                    </Link>
                  ))}
                </span>
              ) : (
                t('common.none')
              ),
            ],
            [t('event.created'), time(e.created)],
            [t('event.modified'), time(e.modified)],
          ]}
        />
      </div>

      <section class="section" aria-labelledby="description-heading">
        <h2 id="description-heading">{t('event.description')}</h2>
        {e.description ? <div class="description">{e.description}</div> : <p class="muted">{t('event.noDescription')}</p>}
      </section>

      <IndicatorsSection event={e} canEdit={canEdit} onChanged={event.reload} />

      {e.status !== 'draft' && (
        <>
          <SightingsSection event={e} orgName={orgName} />
          <UsesSection event={e} orgName={orgName} />
        </>
      )}

      {session.user.role !== 'readonly' && e.status !== 'draft' && (
        <WidenRequest event={e} providerName={e.provider.name || orgName(e.provider.id)} onApplied={event.reload} />
      )}

      {deleting && (
        <ConfirmDialog
          title={t('event.deleteTitle')}
          message={t('event.deleteConfirm', { title: e.title })}
          confirmLabel={t('event.delete')}
          busy={del.busy}
          error={<ErrorNotice error={del.error} />}
          onClose={() => setDeleting(false)}
          onConfirm={() =>
            void del.run(async () => {
              await api.events.remove(e.id);
              navigate('/events');
            })
          }
        />
      )}
    </>
  );
}

/** The request to widen the event's level; the provider decides (or it applies at once for the provider). */
function WidenRequest({ event, providerName, onApplied }: { event: SharedEvent; providerName: string; onApplied: () => void }) {
  const { t } = useI18n();
  const { session } = useSession();
  const wider = LEVELS.slice(LEVELS.indexOf(event.level) + 1);
  const [level, setLevel] = useState<Level | ''>(wider[0] ?? '');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState('');
  const sub = useSubmit();
  const isProvider = session.organisation.id === event.provider.id;

  return (
    <section class="section" aria-labelledby="widen-heading">
      <h2 id="widen-heading">{t('widen.title')}</h2>
      {wider.length === 0 ? (
        <p class="muted">{t('widen.widest')}</p>
      ) : (
        <>
          <p class="field-help">{isProvider ? t('widen.helpProvider') : t('widen.help', { provider: providerName })}</p>
          {result && <Notice kind="success">{result}</Notice>}
          <form
            class="form form-grid"
            onSubmit={(ev) => {
              ev.preventDefault();
              if (!level) return;
              void sub.run(async () => {
                const r = await api.events.requestWiden(event.id, level, reason);
                setReason('');
                if (r.state === 'approved') {
                  setResult(t('widen.applied', { level }));
                  onApplied();
                } else {
                  setResult(t('widen.sent'));
                }
              });
            }}
          >
            <Field id="widen-level" label={t('widen.level')} error={sub.fieldError('level')} class="field-wide">
              {(a) => (
                <select {...a} value={level} onChange={(ev) => setLevel(valueOf(ev) as Level)}>
                  <LevelOptions levels={wider} />
                </select>
              )}
            </Field>
            <Field id="widen-reason" label={t('widen.reason')} error={sub.fieldError('reason')} class="field-full">
              {(a) => <textarea {...a} rows={3} value={reason} onInput={(ev) => setReason(valueOf(ev))} />}
            </Field>
            {sub.error && !sub.error.field && <ErrorNotice error={sub.error} />}
            <div class="form-actions">
              <button type="submit" class="button-primary" disabled={sub.busy || !level}>
                {t('widen.submit')}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
