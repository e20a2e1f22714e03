// The follow-up sections of the event page (活用状況のフォローアップ):
//   - Sightings (目撃情報): per indicator, how often and when members saw it
//     in their own logs, and who — the organisation's name only when it chose
//     to show it, "anonymous" otherwise; a form to report a sighting.
//   - What we did (活用状況): blocked / detected / false positive / not
//     relevant, with an optional comment; counts per action and the list.
// Identity, terminals and comments reach other organisations only when the
// reporter shares its identity: the API blanks them otherwise, the console
// says so next to the checkbox.
import { useState } from 'preact/hooks';
import { api } from '../api/endpoints.ts';
import { splitField } from '../api/fields.ts';
import { USE_ACTIONS, type Sighting, type SharedEvent, type UseAction } from '../api/types.ts';
import { ErrorNotice, Field, Notice, ResourceStatus, TableWrap, valueOf } from '../components/ui.tsx';
import { useI18n, useSession } from '../context.ts';
import { countActions, localInputToIso, nowForInput, parseTerminals, terminalLabel } from '../followup.ts';
import { useResource, useSubmit } from '../hooks.ts';
import type { Translate } from '../i18n/index.ts';

type OrgName = (id: number) => string;

/** The reporter of a sighting or use: its organisation, or "anonymous". */
function Reporter({ orgId, orgName }: { orgId: number | null; orgName: OrgName }) {
  const { t } = useI18n();
  if (orgId === null) return <span class="badge badge-anonymous">{t('followUp.anonymous')}</span>;
  return <span class="reporter">{orgName(orgId)}</span>;
}

function zoneLabel(t: Translate, zone: string): string {
  return zone === 'Asia/Tokyo' ? 'JST' : zone === 'UTC' ? 'UTC' : t('followUp.localZone');
}

export function SightingsSection({ event, orgName }: { event: SharedEvent; orgName: OrgName }) {
  const { t, time } = useI18n();
  const { session } = useSession();
  const list = useResource(() => api.events.sightings(event.id), [event.id, event.modified]);
  const [message, setMessage] = useState('');
  const items = list.data?.items ?? [];
  const canReport = session.user.role !== 'readonly';

  return (
    <section class="section" aria-labelledby="sightings-heading" data-testid="sightings-section">
      <h2 id="sightings-heading">
        {t('sightings.title')}
        {items.length > 0 && <span class="count">{t('sightings.indicatorCount', { total: items.length })}</span>}
      </h2>
      <p class="field-help">{t('sightings.intro')}</p>
      {message && <Notice kind="success">{message}</Notice>}
      <ResourceStatus resource={list} />
      {list.data && items.length === 0 && <p class="muted">{t('sightings.empty')}</p>}
      {items.length > 0 && (
        <TableWrap label={t('sightings.title')}>
          <table class="table sightings-table" data-testid="sightings">
            <thead>
              <tr>
                <th scope="col">{t('sightings.col.indicator')}</th>
                <th scope="col" class="cell-number">
                  {t('sightings.col.count')}
                </th>
                <th scope="col" class="cell-number">
                  {t('sightings.col.reports')}
                </th>
                <th scope="col">{t('sightings.col.firstSeen')}</th>
                <th scope="col">{t('sightings.col.lastSeen')}</th>
              </tr>
            </thead>
            {items.map((i) => (
              <tbody key={i.indicator_id} data-indicator={i.value}>
                <tr class="sighting-summary">
                  <th scope="row" class="cell-value">
                    <code class="type">{i.type}</code> <code>{i.value}</code>
                  </th>
                  <td class="cell-number" data-testid="sighting-count">
                    {i.count}
                  </td>
                  <td class="cell-number">{i.reports}</td>
                  <td class="cell-time">{time(i.first_seen)}</td>
                  <td class="cell-time">{time(i.last_seen)}</td>
                </tr>
                <tr class="sighting-reports">
                  <td colSpan={5}>
                    <div class="sighting-reports-body">
                      <span class="sighting-reports-label">{t('sightings.col.reporters')}</span>
                      <ul class="report-list">
                        {i.items.map((s) => (
                          <SightingLine key={s.id} s={s} orgName={orgName} />
                        ))}
                      </ul>
                    </div>
                  </td>
                </tr>
              </tbody>
            ))}
          </table>
        </TableWrap>
      )}
      {canReport && (
        <ReportSighting
          event={event}
          onReported={() => {
            setMessage(t('sightings.reported'));
            list.reload();
          }}
        />
      )}
    </section>
  );
}

function SightingLine({ s, orgName }: { s: Sighting; orgName: OrgName }) {
  const { t, time } = useI18n();
  const terminals = (s.terminals ?? []).map(terminalLabel).filter(Boolean);
  return (
    <li>
      <Reporter orgId={s.org_id} orgName={orgName} />{' '}
      <span>{t('sightings.line', { count: s.count, first: time(s.first_seen), last: time(s.last_seen) })}</span>{' '}
      <span class="muted small">{t(`sightings.source.${s.source}`)}</span>
      {terminals.length > 0 && (
        <div class="small">
          {t('sightings.terminals')} <code>{terminals.join(', ')}</code>
        </div>
      )}
    </li>
  );
}

/** Reports one sighting of one of the event's indicators (POST /api/v1/sightings). */
function ReportSighting({ event, onReported }: { event: SharedEvent; onReported: () => void }) {
  const { t, timeZone } = useI18n();
  const indicators = useResource(() => api.events.indicators(event.id, 1, 1000), [event.id, event.modified]);
  const [indicator, setIndicator] = useState('');
  const [first, setFirst] = useState(() => nowForInput(timeZone));
  const [last, setLast] = useState(() => nowForInput(timeZone));
  const [count, setCount] = useState('1');
  const [share, setShare] = useState(false);
  const [terminals, setTerminals] = useState('');
  const sub = useSubmit();
  const fieldError = (name: string) => (splitField(sub.error?.field)?.name === name ? sub.error?.message : undefined);
  const zone = zoneLabel(t, timeZone);
  const options = indicators.data?.items ?? [];
  const chosen = indicator || options[0]?.id || '';

  return (
    <details class="panel" data-testid="report-sighting">
      <summary>{t('sightings.form.title')}</summary>
      {indicators.data && options.length === 0 ? (
        <p class="muted panel-body">{t('sightings.form.noIndicators')}</p>
      ) : (
        <form
          class="form form-grid"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void sub.run(async () => {
              const n = Number(count);
              await api.sightings.report(
                [
                  {
                    indicator_id: chosen,
                    first_seen: localInputToIso(first, timeZone),
                    last_seen: localInputToIso(last, timeZone),
                    count: Number.isInteger(n) ? n : 0,
                    ...(share && terminals.trim() ? { terminals: parseTerminals(terminals) } : {}),
                  },
                ],
                share,
              );
              setTerminals('');
              onReported();
            });
          }}
        >
          <Field id="sighting-indicator" label={t('sightings.form.indicator')} error={fieldError('indicator_id')} class="field-full">
            {(a) => (
              <select {...a} value={chosen} onChange={(e) => setIndicator(valueOf(e))}>
                {options.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.type}: {i.value}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="sighting-first" label={t('sightings.form.firstSeen', { zone })} error={fieldError('first_seen')}>
            {(a) => <input {...a} type="datetime-local" value={first} onInput={(e) => setFirst(valueOf(e))} />}
          </Field>
          <Field id="sighting-last" label={t('sightings.form.lastSeen', { zone })} error={fieldError('last_seen')}>
            {(a) => <input {...a} type="datetime-local" value={last} onInput={(e) => setLast(valueOf(e))} />}
          </Field>
          <Field id="sighting-count" label={t('sightings.form.count')} help={t('sightings.form.countHelp')} error={fieldError('count')}>
            {(a) => <input {...a} type="number" min={1} step={1} value={count} onInput={(e) => setCount(valueOf(e))} />}
          </Field>
          <div class="field field-full share-choice">
            <label class="checkbox">
              <input
                type="checkbox"
                id="sighting-share"
                checked={share}
                aria-describedby="sighting-share-help"
                onChange={(e) => setShare(e.currentTarget.checked)}
              />
              {t('followUp.share')}
            </label>
            <p class="field-help" id="sighting-share-help">
              {t('sightings.form.shareHelp')}
            </p>
          </div>
          <Field
            id="sighting-terminals"
            label={t('sightings.form.terminals')}
            help={share ? t('sightings.form.terminalsHelp') : t('sightings.form.terminalsOff')}
            error={fieldError('terminals')}
            class="field-full"
          >
            {(a) => (
              <textarea
                {...a}
                rows={2}
                class="mono"
                spellcheck={false}
                disabled={!share}
                value={terminals}
                onInput={(e) => setTerminals(valueOf(e))}
              />
            )}
          </Field>
          {sub.error && !fieldError('first_seen') && !fieldError('last_seen') && !fieldError('count') && !fieldError('indicator_id') && (
            <ErrorNotice error={sub.error} />
          )}
          <div class="form-actions">
            <button type="submit" class="button-primary" disabled={sub.busy || !chosen}>
              {t('sightings.form.submit')}
            </button>
          </div>
        </form>
      )}
    </details>
  );
}

export function UsesSection({ event, orgName }: { event: SharedEvent; orgName: OrgName }) {
  const { t, time } = useI18n();
  const { session } = useSession();
  const list = useResource(() => api.events.uses(event.id), [event.id]);
  const [message, setMessage] = useState('');
  const items = list.data?.items ?? [];
  const counts = countActions(items);
  const canReport = session.user.role !== 'readonly';

  return (
    <section class="section" aria-labelledby="uses-heading" data-testid="uses-section">
      <h2 id="uses-heading">
        {t('uses.title')}
        {items.length > 0 && <span class="count">{t('uses.count', { total: items.length })}</span>}
      </h2>
      <p class="field-help">{t('uses.intro')}</p>
      {message && <Notice kind="success">{message}</Notice>}
      <ResourceStatus resource={list} />
      {list.data && (
        <ul class="use-counts" aria-label={t('uses.counts')} data-testid="use-counts">
          {USE_ACTIONS.map((a) => (
            <li key={a} class={`use-count use-count-${a}`} data-action={a} data-count={counts[a]}>
              <span class={`use-mark use-mark-${a}`} aria-hidden="true" />
              <span class="use-count-label">{t(`useAction.${a}`)}</span>
              <strong class="use-count-value">{counts[a]}</strong>
            </li>
          ))}
        </ul>
      )}
      {list.data && items.length === 0 && <p class="muted">{t('uses.empty')}</p>}
      {items.length > 0 && (
        <TableWrap label={t('uses.title')}>
          <table class="table uses-table" data-testid="uses">
            <thead>
              <tr>
                <th scope="col">{t('uses.col.created')}</th>
                <th scope="col">{t('uses.col.org')}</th>
                <th scope="col">{t('uses.col.action')}</th>
                <th scope="col">{t('uses.col.comment')}</th>
              </tr>
            </thead>
            <tbody>
              {[...items]
                .sort((a, b) => b.created.localeCompare(a.created))
                .map((u) => (
                  <tr key={u.id} data-action={u.action}>
                    <td class="cell-time">{time(u.created)}</td>
                    <td class="cell-org">
                      <Reporter orgId={u.org_id} orgName={orgName} />
                    </td>
                    <td class="cell-nowrap">
                      <span class={`use-mark use-mark-${u.action}`} aria-hidden="true" /> {t(`useAction.${u.action}`)}
                    </td>
                    <td class="cell-comment">{u.comment}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {canReport && (
        <RecordUse
          event={event}
          onRecorded={() => {
            setMessage(t('uses.recorded'));
            list.reload();
          }}
        />
      )}
    </section>
  );
}

/** What the viewer's organisation did with the event (POST /api/v1/events/{id}/uses). */
function RecordUse({ event, onRecorded }: { event: SharedEvent; onRecorded: () => void }) {
  const { t } = useI18n();
  const [action, setAction] = useState<UseAction | ''>('');
  const [comment, setComment] = useState('');
  const [share, setShare] = useState(false);
  const sub = useSubmit();

  return (
    <form
      class="form panel-form use-form"
      data-testid="record-use"
      aria-labelledby="use-form-heading"
      onSubmit={(e) => {
        e.preventDefault();
        if (!action) return;
        void sub.run(async () => {
          await api.events.recordUse(event.id, { action, comment, share_identity: share });
          setAction('');
          setComment('');
          onRecorded();
        });
      }}
    >
      <h3 id="use-form-heading">{t('uses.form.title')}</h3>
      <fieldset class="field" aria-describedby={sub.fieldError('action') ? 'use-action-error' : undefined}>
        <legend>{t('uses.form.action')}</legend>
        <div class="action-options">
          {USE_ACTIONS.map((a) => (
            <label key={a} class={`action-option${action === a ? ' selected' : ''}`}>
              <input type="radio" name="use-action" value={a} checked={action === a} onChange={() => setAction(a)} />
              <span class="action-option-head">
                <span class={`use-mark use-mark-${a}`} aria-hidden="true" />
                {t(`useAction.${a}`)}
              </span>
              <span class="action-option-desc">{t(`useAction.${a}.desc`)}</span>
            </label>
          ))}
        </div>
        {sub.fieldError('action') && (
          <p class="field-error" id="use-action-error">
            {sub.fieldError('action')}
          </p>
        )}
      </fieldset>
      <Field id="use-comment" label={t('uses.form.comment')} help={t('uses.form.commentHelp')} error={sub.fieldError('comment')}>
        {(a) => <textarea {...a} rows={2} value={comment} onInput={(e) => setComment(valueOf(e))} />}
      </Field>
      <div class="field share-choice">
        <label class="checkbox">
          <input
            type="checkbox"
            id="use-share"
            checked={share}
            aria-describedby="use-share-help"
            onChange={(e) => setShare(e.currentTarget.checked)}
          />
          {t('followUp.share')}
        </label>
        <p class="field-help" id="use-share-help">
          {t('uses.form.shareHelp')}
        </p>
      </div>
      {sub.error && !sub.error.field && <ErrorNotice error={sub.error} />}
      <div class="form-actions">
        <button type="submit" class="button-primary" disabled={sub.busy || !action}>
          {t('uses.form.submit')}
        </button>
      </div>
    </form>
  );
}
