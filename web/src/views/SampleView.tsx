// One sample as the viewer may see it: level badge, digests (copyable),
// type and entropy, who handed it over under which name, archive members
// and the archives it came out of, YARA matches and tags, indicators found
// in its strings, PE facts. Download asks first, in a dialog that says the
// file is live malware and gives the zip's password. Hidden and missing
// samples look the same ("not found"), as the API answers.
import { useState } from 'preact/hooks';
import { api } from '../api/endpoints.ts';
import type { Sample, SampleLink } from '../api/types.ts';
import { Dialog } from '../components/Dialog.tsx';
import { CopyButton, ErrorNotice, Facts, LevelBadge, Loading, Notice, TableWrap } from '../components/ui.tsx';
import { useI18n } from '../context.ts';
import { useResource, useTitle } from '../hooks.ts';
import { Link } from '../router.tsx';
import { formatSize } from './Samples.tsx';

function Digest({ label, value }: { label: string; value: string }) {
  const { t } = useI18n();
  if (!value) return <span class="muted">{t('common.none')}</span>;
  return (
    <span class="digest">
      <span class="mono cell-value" data-testid={`digest-${label}`}>
        {value}
      </span>{' '}
      <CopyButton text={value} label={t('sample.copy', { what: label })} />
    </span>
  );
}

function Links({ items, caption }: { items: SampleLink[]; caption: string }) {
  const { t } = useI18n();
  return (
    <TableWrap label={caption}>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t('sample.path')}</th>
            <th scope="col">{t('samples.col.level')}</th>
            <th scope="col">{t('samples.col.type')}</th>
            <th scope="col">{t('samples.col.size')}</th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {items.map((l) => (
            <tr key={`${l.sha256}-${l.path}`}>
              <td class="mono">{l.path.split('!').map((part, i) => (i ? ` › ${part}` : part))}</td>
              <td>
                <LevelBadge level={l.level} />
              </td>
              <td>{l.kind}</td>
              <td class="cell-nowrap">{formatSize(l.size)}</td>
              <td class="mono cell-value">
                <Link href={`/samples/${l.sha256}`}>{l.sha256}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function DownloadDialog({ sample, onClose }: { sample: Sample; onClose: () => void }) {
  const { t } = useI18n();
  const [understood, setUnderstood] = useState(false);
  const [aes, setAes] = useState(false);
  return (
    <Dialog
      title={t('sample.download.title')}
      onClose={onClose}
      actions={
        <>
          <button type="button" class="button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          {understood ? (
            <a class="button button-danger" href={api.samples.downloadUrl(sample.sha256, aes)} download={`${sample.sha256}.zip`} onClick={onClose}>
              {t('sample.download.confirm')}
            </a>
          ) : (
            <button type="button" class="button-danger" disabled>
              {t('sample.download.confirm')}
            </button>
          )}
        </>
      }
    >
      <div class="notice notice-warning" role="alert">
        <p>
          <strong>{t('sample.download.warning')}</strong>
        </p>
        <p>{t('sample.download.isolated')}</p>
      </div>
      <p>
        {t('sample.download.password')} <code class="mono" data-testid="zip-password">infected</code>
      </p>
      <label class="checkbox">
        <input type="checkbox" checked={aes} onChange={(e) => setAes(e.currentTarget.checked)} />{' '}
        {t('sample.download.aes')}
      </label>
      <label class="checkbox">
        <input type="checkbox" data-testid="download-understood" checked={understood} onChange={(e) => setUnderstood(e.currentTarget.checked)} />{' '}
        {t('sample.download.understood')}
      </label>
    </Dialog>
  );
}

export function SampleView({ sha256 }: { sha256: string }) {
  const { t, time } = useI18n();
  const sample = useResource(() => api.samples.get(sha256), [sha256]);
  const [downloading, setDownloading] = useState(false);
  const s = sample.data;
  useTitle(s ? s.submissions[0]?.name || s.sha256.slice(0, 16) : t('samples.title'));

  if (sample.error?.notFound)
    return (
      <>
        <h1 tabIndex={-1}>{t('sample.notFound')}</h1>
        <p>{t('sample.notFoundText')}</p>
        <Link href="/samples">{t('sample.back')}</Link>
      </>
    );
  if (sample.error) return <ErrorNotice error={sample.error} onRetry={sample.reload} />;
  if (!s) return <Loading />;
  const a = s.analysis;
  const disguised = s.submissions.some((x) => x.disguised_executable);
  return (
    <>
      <p class="breadcrumb">
        <Link href="/samples">{t('samples.title')}</Link>
      </p>
      <div class="page-header">
        <h1 class="event-title">
          <LevelBadge level={s.level} showTlp /> {s.submissions[0]?.name || s.sha256}
        </h1>
        <button type="button" class="button-danger-outline" data-testid="download" onClick={() => setDownloading(true)}>
          {t('sample.download')}
        </button>
      </div>
      {disguised && <Notice kind="warning">{t('sample.disguised')}</Notice>}
      {s.tags.length > 0 && (
        <ul class="tags" aria-label={t('sample.tags')}>
          {s.tags.map((tag) => (
            <li class="tag" key={tag} data-testid="sample-tag">
              <Link href={`/samples?tag=${encodeURIComponent(tag)}`}>{tag}</Link>
            </li>
          ))}
        </ul>
      )}

      <section class="section" aria-labelledby="facts-title">
        <h2 id="facts-title">{t('sample.facts')}</h2>
        <Facts
          items={[
            ['SHA-256', <Digest label="sha256" value={s.sha256} />],
            ['SHA-1', <Digest label="sha1" value={s.sha1} />],
            ['MD5', <Digest label="md5" value={s.md5} />],
            ['SHA-512', <Digest label="sha512" value={s.sha512} />],
            ['ssdeep', <Digest label="ssdeep" value={s.ssdeep} />],
            ['TLSH', <Digest label="tlsh" value={s.tlsh} />],
            [t('samples.col.type'), <span data-testid="sample-kind">{`${s.kind} — ${s.description}`}</span>],
            ['MIME', s.mime],
            [t('samples.col.size'), `${formatSize(s.size)} (${s.size.toLocaleString()} B)`],
            [t('sample.entropy'), <span data-testid="sample-entropy">{s.entropy.toFixed(3)}</span>],
          ]}
        />
      </section>

      <section class="section" aria-labelledby="subs-title">
        <h2 id="subs-title">{t('sample.submissions')}</h2>
        <TableWrap label={t('sample.submissions')}>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('samples.col.level')}</th>
                <th scope="col">{t('sample.provider')}</th>
                <th scope="col">{t('common.created')}</th>
              </tr>
            </thead>
            <tbody>
              {s.submissions.map((x) => (
                <tr key={x.id}>
                  <td class="mono">
                    {x.name}
                    {x.event_id && (
                      <>
                        {' '}
                        <Link href={`/events/${x.event_id}`}>{t('sample.event')}</Link>
                      </>
                    )}
                  </td>
                  <td>
                    <LevelBadge level={x.level} />
                  </td>
                  <td>{x.provider.name}</td>
                  <td class="cell-time">{time(x.created)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>

      <section class="section" aria-labelledby="yara-title">
        <h2 id="yara-title">{t('sample.yara')}</h2>
        {s.yara.length === 0 ? (
          <p class="muted">{t('sample.yaraNone')}</p>
        ) : (
          <ul data-testid="yara-matches">
            {s.yara.map((m) => (
              <li key={`${m.rule_id}-${m.identifier}`}>
                <span class="mono">{m.identifier}</span> — <Link href={`/yara/${m.rule_id}`}>{m.rule_name}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      {(s.children.length > 0 || s.parents.length > 0) && (
        <section class="section" aria-labelledby="tree-title">
          <h2 id="tree-title">{t('sample.archive')}</h2>
          {s.parents.length > 0 && (
            <>
              <h3>{t('sample.parents')}</h3>
              <Links items={s.parents} caption={t('sample.parents')} />
            </>
          )}
          {s.children.length > 0 && (
            <>
              <h3>{t('sample.children', { count: s.children.length })}</h3>
              <Links items={s.children} caption={t('sample.children', { count: s.children.length })} />
            </>
          )}
        </section>
      )}

      <section class="section" aria-labelledby="ind-title">
        <h2 id="ind-title">{t('sample.indicators')}</h2>
        {(a.indicators ?? []).length === 0 ? (
          <p class="muted">{t('sample.indicatorsNone')}</p>
        ) : (
          <TableWrap label={t('sample.indicators')}>
            <table class="table" data-testid="string-indicators">
              <thead>
                <tr>
                  <th scope="col">{t('sample.indicatorType')}</th>
                  <th scope="col">{t('sample.indicatorValue')}</th>
                  <th scope="col">{t('sample.offset')}</th>
                </tr>
              </thead>
              <tbody>
                {(a.indicators ?? []).map((i, n) => (
                  <tr key={n}>
                    <td>{i.type ?? i.kind}</td>
                    <td class="mono cell-value">{i.value}</td>
                    <td class="mono">{i.offset !== undefined ? `0x${i.offset.toString(16)}` : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        {a.indicators_truncated && <p class="muted small">{t('sample.truncated')}</p>}
      </section>

      {a.pe && (
        <section class="section" aria-labelledby="pe-title">
          <h2 id="pe-title">{t('sample.pe')}</h2>
          <Facts
            items={[
              [t('sample.pe.machine'), `${a.pe.machine ?? ''}${a.pe.is_64bit ? ' (64-bit)' : ''}${a.pe.is_dll ? ' DLL' : ''}`],
              [t('sample.pe.subsystem'), a.pe.subsystem ?? ''],
              [t('sample.pe.compiled'), a.pe.compile_time ?? ''],
            ]}
          />
          {(a.pe.sections ?? []).length > 0 && (
            <TableWrap label={t('sample.pe.sections')}>
              <table class="table">
                <caption class="table-caption">{t('sample.pe.sections')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('common.name')}</th>
                    <th scope="col">{t('sample.pe.rawSize')}</th>
                    <th scope="col">{t('sample.entropy')}</th>
                  </tr>
                </thead>
                <tbody>
                  {(a.pe.sections ?? []).map((sec, n) => (
                    <tr key={n}>
                      <td class="mono">{sec.name}</td>
                      <td>{sec.raw_size ?? ''}</td>
                      <td>{sec.entropy?.toFixed(3) ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          {(a.pe.imports ?? []).map((imp) => (
            <details key={imp.dll}>
              <summary class="mono">
                {imp.dll} ({imp.functions.length})
              </summary>
              <p class="mono small">{imp.functions.join(', ')}</p>
            </details>
          ))}
        </section>
      )}
      {downloading && <DownloadDialog sample={s} onClose={() => setDownloading(false)} />}
    </>
  );
}
