// Samples (検体): the list the viewer may see, filtered by the URL's query
// (/samples?q=&level=&type=&tag=&page=), and the upload panel: drop files or
// choose them, pick the level, watch each upload's progress (XHR upload
// events), then open the analysis. Archives show how many members were
// added; refused archives show the API's reason.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { FILE_KINDS, LEVELS, type Level, type SampleFilter, type UploadedSample } from '../api/types.ts';
import { ErrorNotice, FilterActions, LevelBadge, LevelOptions, Loading, Pager, TableWrap, valueOf } from '../components/ui.tsx';
import { useI18n, useSession } from '../context.ts';
import { useResource, useTitle } from '../hooks.ts';
import { Link, navigate, useLocation, withQuery } from '../router.tsx';

const PER_PAGE = 25;
const FILTER_KEYS = ['q', 'level', 'type', 'tag'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

function filterFromQuery(q: URLSearchParams): SampleFilter {
  const page = Number(q.get('page') ?? '1');
  const f: SampleFilter = { page: Number.isInteger(page) && page > 0 ? page : 1, per_page: PER_PAGE };
  const level = q.get('level');
  if (level && (LEVELS as readonly string[]).includes(level)) f.level = level as Level;
  for (const k of ['q', 'type', 'tag'] as const) {
    const v = q.get(k)?.trim();
    if (v) f[k] = v;
  }
  return f;
}

/** "1.2 MB" style sizes. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}

interface UploadState {
  name: string;
  size: number;
  loaded: number;
  result?: UploadedSample;
  error?: ApiError;
}

function UploadPanel({ onUploaded }: { onUploaded: () => void }) {
  const { t } = useI18n();
  const [level, setLevel] = useState<Level>('AMBER');
  const [over, setOver] = useState(false);
  const [uploads, setUploads] = useState<UploadState[]>([]);

  const send = async (files: File[]) => {
    const start = uploads.length;
    setUploads((u) => [...u, ...files.map((f) => ({ name: f.name, size: f.size, loaded: 0 }))]);
    const update = (i: number, change: Partial<UploadState>) =>
      setUploads((u) => u.map((x, j) => (j === start + i ? { ...x, ...change } : x)));
    for (const [i, file] of files.entries()) {
      try {
        const result = await api.samples.upload(file, { level }, (loaded) => update(i, { loaded }));
        update(i, { result, loaded: file.size });
      } catch (e) {
        update(i, { error: e instanceof ApiError ? e : new ApiError(0, 'network', String(e)) });
      }
    }
    onUploaded();
  };

  return (
    <section class="section upload-panel" aria-labelledby="upload-title">
      <h2 id="upload-title">{t('samples.upload.title')}</h2>
      <div class="field field-compact">
        <label for="upload-level">{t('samples.upload.level')}</label>
        <select id="upload-level" value={level} onChange={(e) => setLevel(valueOf(e) as Level)}>
          <LevelOptions />
        </select>
      </div>
      <label
        class={`dropzone${over ? ' dropzone-active' : ''}`}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          const files = [...(e.dataTransfer?.files ?? [])];
          if (files.length) void send(files);
        }}
      >
        <span>{t('samples.upload.drop')}</span>
        <input
          type="file"
          multiple
          data-testid="sample-file"
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = '';
            if (files.length) void send(files);
          }}
        />
      </label>
      <p class="field-help">{t('samples.upload.help')}</p>
      {uploads.length > 0 && (
        <ul class="upload-list" aria-live="polite">
          {uploads.map((u, i) => (
            <li key={i} data-testid="upload-item">
              <span class="mono">{u.name}</span> <span class="muted">({formatSize(u.size)})</span>{' '}
              {!u.result && !u.error && (
                <progress max={u.size || 1} value={u.loaded} aria-label={t('samples.upload.progress', { name: u.name })} />
              )}
              {u.result && (
                <>
                  {u.result.created ? t('samples.upload.done') : t('samples.upload.already')}{' '}
                  {u.result.members_added > 0 && t('samples.upload.members', { count: u.result.members_added })}{' '}
                  <Link href={`/samples/${u.result.sha256}`}>{t('samples.upload.open')}</Link>
                  {u.result.warnings.map((w, j) => (
                    <p class="muted small" key={j}>
                      {w}
                    </p>
                  ))}
                </>
              )}
              {u.error && <ErrorNotice error={u.error} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function Samples() {
  const { t, time } = useI18n();
  const { session } = useSession();
  const { query } = useLocation();
  useTitle(t('samples.title'));
  const filter = filterFromQuery(query);
  const key = JSON.stringify(filter);
  const samples = useResource(() => api.samples.list(filter), [key]);
  const [text, setText] = useState({ q: filter.q ?? '', tag: filter.tag ?? '' });
  useEffect(() => setText({ q: filter.q ?? '', tag: filter.tag ?? '' }), [filter.q, filter.tag]);

  const go = (changes: Partial<Record<FilterKey | 'page', string | number | undefined>>) => {
    const next: Record<string, string | number | undefined> = {};
    for (const k of FILTER_KEYS) next[k] = filter[k];
    next.page = undefined;
    Object.assign(next, changes);
    if (next.page === 1) next.page = undefined;
    navigate(withQuery('/samples', next));
  };
  const page = samples.data;

  return (
    <>
      <div class="page-header">
        <h1>{t('samples.title')}</h1>
        <Link href="/yara" class="button button-secondary">
          {t('nav.yara')}
        </Link>
      </div>
      {session.user.role !== 'readonly' && <UploadPanel onUploaded={samples.reload} />}

      <form
        class="filters"
        role="search"
        aria-label={t('samples.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          go({ q: text.q.trim() || undefined, tag: text.tag.trim() || undefined });
        }}
      >
        <div class="field field-compact field-grow">
          <label for="sample-q">{t('samples.filter.q')}</label>
          <input id="sample-q" type="search" value={text.q} onInput={(e) => setText({ ...text, q: valueOf(e) })} />
        </div>
        <div class="field field-compact">
          <label for="sample-level">{t('events.filter.level')}</label>
          <select id="sample-level" value={filter.level ?? ''} onChange={(e) => go({ level: valueOf(e) || undefined })}>
            <option value="">{t('common.all')}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <div class="field field-compact">
          <label for="sample-type">{t('samples.filter.type')}</label>
          <select id="sample-type" value={filter.type ?? ''} onChange={(e) => go({ type: valueOf(e) || undefined })}>
            <option value="">{t('common.all')}</option>
            {FILE_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
        <div class="field field-compact">
          <label for="sample-tag">{t('samples.filter.tag')}</label>
          <input id="sample-tag" type="text" value={text.tag} placeholder="yara:…" onInput={(e) => setText({ ...text, tag: valueOf(e) })} />
        </div>
        <FilterActions applyLabel={t('common.search')} clearPath="/samples" />
      </form>

      <ErrorNotice error={samples.error} onRetry={samples.reload} />
      {samples.loading && !page && <Loading />}
      {page && (
        <>
          <p class="result-count" role="status" data-testid="sample-total" data-total={page.total}>
            {page.total > 0 ? t('samples.count', { total: page.total }) : t('samples.empty')}
          </p>
          {page.items.length > 0 && (
            <TableWrap label={t('samples.title')}>
              <table class="table samples-table">
                <thead>
                  <tr>
                    <th scope="col">{t('samples.col.name')}</th>
                    <th scope="col">{t('samples.col.level')}</th>
                    <th scope="col">{t('samples.col.type')}</th>
                    <th scope="col">{t('samples.col.size')}</th>
                    <th scope="col">SHA-256</th>
                    <th scope="col">{t('samples.col.lastSeen')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((s) => (
                    <tr key={s.sha256}>
                      <td class="cell-title">
                        <Link href={`/samples/${s.sha256}`}>{s.names.join(', ') || s.sha256.slice(0, 16)}</Link>
                        {s.archive_member && <span class="muted small"> {t('samples.member')}</span>}
                      </td>
                      <td>
                        <LevelBadge level={s.level} />
                      </td>
                      <td>{s.kind}</td>
                      <td class="cell-nowrap">{formatSize(s.size)}</td>
                      <td class="mono cell-value">{s.sha256}</td>
                      <td class="cell-time">{time(s.last_seen)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          <Pager page={page.page} perPage={page.per_page} total={page.total} onPage={(p) => go({ page: p })} />
        </>
      )}
    </>
  );
}
