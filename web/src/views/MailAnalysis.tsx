// Mail analysis (/mail): upload or drop an .eml, POST it to /api/v1/mail and
// show what the analyst checks first — the findings with their reasons (in
// the display language), the decoded headers, the Received chain, the
// attachments with their archive members, links and indicators. Nothing is
// stored until "create event", which sends the same file to
// /api/v1/mail/event with the level (and title, category) the provider
// chooses.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { Level, MailAnalysis as Analysis, MailMailbox } from '../api/types.ts';
import { ErrorNotice, Facts, LevelOptions, Notice, TableWrap, valueOf } from '../components/ui.tsx';
import { useI18n, useSession } from '../context.ts';
import { useTitle } from '../hooks.ts';
import { Link } from '../router.tsx';

const CATEGORIES = ['A', 'B-a', 'B-b', 'B-c', 'C'] as const;

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'network', String(e));
}

function mailboxes(list: MailMailbox[]): string {
  return list.map((m) => (m.name ? `${m.name} <${m.address}>` : m.address)).join(', ');
}

function Findings({ analysis }: { analysis: Analysis }) {
  const { t, lang } = useI18n();
  if (analysis.findings.length === 0) return <Notice kind="success">{t('mail.noFindings')}</Notice>;
  return (
    <ul class="mail-findings" data-testid="mail-findings">
      {analysis.findings.map((f, i) => (
        <li key={i} data-code={f.code}>
          <code class="mail-code">{f.code}</code> {lang === 'ja' ? f.reason_ja : f.reason}
        </li>
      ))}
    </ul>
  );
}

function Headers({ analysis: a }: { analysis: Analysis }) {
  const { t } = useI18n();
  // Long unbroken values (Message-ID, addresses) wrap anywhere.
  const items: [string, ComponentChildren][] = [
    [t('mail.subject'), a.subject],
    [t('mail.from'), mailboxes(a.from)],
  ];
  if (a.reply_to.length > 0) items.push([t('mail.replyTo'), mailboxes(a.reply_to)]);
  if (a.return_path) items.push([t('mail.returnPath'), a.return_path]);
  items.push([t('mail.to'), mailboxes(a.to)]);
  if (a.date) items.push([t('mail.date'), a.date]);
  if (a.message_id) items.push([t('mail.messageId'), <span class="digest">{a.message_id}</span>]);
  if (a.x_mailer) items.push([t('mail.mailer'), a.x_mailer]);
  for (const r of a.authentication)
    items.push([t('mail.auth'), `${r.method}=${r.result}${r.domain ? ` (${r.domain})` : ''}${r.authserv ? ` — ${r.authserv}` : ''}`]);
  return <Facts items={items} />;
}

function Hops({ analysis }: { analysis: Analysis }) {
  const { t } = useI18n();
  if (analysis.received.length === 0) return null;
  return (
    <TableWrap label={t('mail.hops')}>
      <table data-testid="mail-hops">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('mail.hop.from')}</th>
            <th>{t('mail.hop.ip')}</th>
            <th>{t('mail.hop.by')}</th>
            <th>{t('mail.hop.date')}</th>
          </tr>
        </thead>
        <tbody>
          {analysis.received.map((h, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td class="mono small">{h.from || '—'}</td>
              <td class="mono small">{h.ip || '—'}</td>
              <td class="mono small">{h.by || '—'}</td>
              <td class="small">{h.date}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function Attachments({ analysis }: { analysis: Analysis }) {
  const { t } = useI18n();
  if (analysis.attachments.length === 0) return <p>{t('mail.noAttachments')}</p>;
  return (
    <TableWrap label={t('mail.attachments')}>
      <table data-testid="mail-attachments">
        <thead>
          <tr>
            <th>{t('mail.att.name')}</th>
            <th>{t('mail.att.type')}</th>
            <th>{t('mail.att.size')}</th>
            <th>SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {analysis.attachments.map((a, i) => (
            <tr key={i}>
              <td>
                <span class="mono">{a.name || '—'}</span>
                {a.members.length > 0 && (
                  <ul class="mail-members">
                    {a.members.map((m, j) => (
                      <li key={j} class="mono small">
                        {m.path} ({m.type}){m.encrypted && ` — ${t('mail.att.encrypted')}`}
                        {m.locked && ` — ${t('mail.att.locked')}`}
                      </li>
                    ))}
                  </ul>
                )}
                {a.archive_error && <p class="small">{t('mail.att.notWalked', { why: a.archive_error })}</p>}
              </td>
              <td class="small">
                {a.type}
                <br />
                <span class="mono">{a.content_type}</span>
              </td>
              <td>{a.size}</td>
              <td class="mono small">{a.sha256}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function Indicators({ analysis }: { analysis: Analysis }) {
  const { t } = useI18n();
  return (
    <TableWrap label={t('mail.indicators')}>
      <table data-testid="mail-indicators">
        <thead>
          <tr>
            <th>{t('mail.ind.type')}</th>
            <th>{t('mail.ind.value')}</th>
            <th>{t('mail.ind.source')}</th>
          </tr>
        </thead>
        <tbody>
          {analysis.indicators.map((i, k) => (
            <tr key={k}>
              <td class="mono small">{i.type}</td>
              <td class="mono small">{i.value}</td>
              <td class="small">{i.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function CreateEvent({ file, subject }: { file: File; subject: string }) {
  const { t } = useI18n();
  const [level, setLevel] = useState<Level>('AMBER');
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState('B-b');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [eventId, setEventId] = useState<string | undefined>();
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const created = await api.mail.createEvent(file, { level, category, ...(title ? { title } : {}) });
      setEventId(created.event_id);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  if (eventId)
    return (
      <Notice kind="success">
        {t('mail.eventCreated')} <Link href={`/events/${eventId}`}>{t('mail.openEvent')}</Link>
      </Notice>
    );
  return (
    <form class="mail-event-form" onSubmit={submit} data-testid="mail-event-form">
      <div class="field field-compact">
        <label for="mail-level">{t('mail.level')}</label>
        <select id="mail-level" value={level} onChange={(e) => setLevel(valueOf(e) as Level)}>
          <LevelOptions />
        </select>
      </div>
      <div class="field field-compact">
        <label for="mail-category">{t('mail.category')}</label>
        <select id="mail-category" value={category} onChange={(e) => setCategory(valueOf(e))}>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="mail-title">{t('mail.eventTitle')}</label>
        <input
          id="mail-title"
          value={title}
          placeholder={t('mail.eventTitleDefault', { subject })}
          onInput={(e) => setTitle(valueOf(e))}
        />
      </div>
      <ErrorNotice error={error} />
      <button type="submit" class="button-primary" disabled={busy}>
        {t('mail.createEvent')}
      </button>
    </form>
  );
}

export function MailAnalysis() {
  const { t } = useI18n();
  const { session } = useSession();
  useTitle(t('mail.title'));
  const [file, setFile] = useState<File | undefined>();
  const [analysis, setAnalysis] = useState<Analysis | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);

  const analyse = async (f: File) => {
    setFile(f);
    setAnalysis(undefined);
    setError(undefined);
    setBusy(true);
    try {
      setAnalysis(await api.mail.analyze(f));
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="section" aria-labelledby="mail-title-h">
      <h1 id="mail-title-h">{t('mail.title')}</h1>
      <p class="field-help">{t('mail.help')}</p>
      <label
        class={dragging ? 'dropzone dropzone-active' : 'dropzone'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const f = e.dataTransfer?.files[0];
          if (f) void analyse(f);
        }}
      >
        <span>{t('mail.choose')}</span>
        <input
          type="file"
          accept=".eml,message/rfc822"
          data-testid="mail-file"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (f) void analyse(f);
          }}
        />
      </label>
      <div aria-live="polite">
        {busy && <p>{t('mail.analysing', { name: file?.name ?? '' })}</p>}
        <ErrorNotice error={error} />
      </div>
      {analysis && file && (
        <div data-testid="mail-result">
          <h2>{t('mail.findings')}</h2>
          <Findings analysis={analysis} />
          <h2>{t('mail.headers')}</h2>
          <Headers analysis={analysis} />
          <h2>{t('mail.hops')}</h2>
          <Hops analysis={analysis} />
          <h2>{t('mail.attachments')}</h2>
          <Attachments analysis={analysis} />
          {analysis.links.length > 0 && (
            <>
              <h2>{t('mail.links')}</h2>
              <ul class="mail-links">
                {analysis.links.map((l, i) => (
                  <li key={i}>
                    <span>{l.text || '—'}</span> → <span class="mono small">{l.href}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2>{t('mail.indicators')}</h2>
          <Indicators analysis={analysis} />
          {analysis.warnings.length > 0 && (
            <>
              <h2>{t('mail.warnings')}</h2>
              <ul>
                {analysis.warnings.map((w, i) => (
                  <li key={i} class="small">
                    {w}
                  </li>
                ))}
              </ul>
            </>
          )}
          {session.user.role !== 'readonly' && (
            <>
              <h2>{t('mail.eventSection')}</h2>
              <CreateEvent file={file} subject={analysis.subject} key={file.name + file.size} />
            </>
          )}
        </div>
      )}
    </section>
  );
}
