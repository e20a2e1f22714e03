// Import (/import): send a STIX 2.1 bundle, MISP event, CSV or text file to
// POST /api/v1/import, show the upload's progress (XHR upload events), then
// poll the import job for the parse and store progress and show its report:
// what was stored with links to the events, or every problem (object id and
// property, or line) and that nothing was stored. Below, the user's recent
// imports (GET /api/v1/imports), so a long one can be followed after
// leaving the page.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { ImportFormat, ImportJob, Level } from '../api/types.ts';
import { ErrorNotice, LevelOptions, Notice, TableWrap, valueOf } from '../components/ui.tsx';
import { useI18n } from '../context.ts';
import { useTitle } from '../hooks.ts';
import { Link } from '../router.tsx';

const FORMATS: readonly ImportFormat[] = ['stix', 'misp', 'csv', 'text'];
const POLL_MS = 400;

interface Upload {
  name: string;
  size: number;
  sent: number;
  job?: ImportJob;
  error?: ApiError;
}

function Report({ job }: { job: ImportJob }) {
  const { t } = useI18n();
  const r = job.report;
  if (job.status === 'failed' || !r)
    return <ErrorNotice error={new ApiError(500, job.error?.code ?? 'internal', job.error?.message ?? '')} />;
  return (
    <div data-testid="import-report">
      {r.stored ? (
        <Notice kind="success">
          {t('import.stored', {
            events: r.events_created,
            updated: r.events_updated,
            indicators: r.indicators_added,
            objects: r.objects_kept,
          })}
          {r.sightings_added > 0 && <> {t('import.sightings', { count: r.sightings_added })}</>}
          {r.attack_entries > 0 && <> {t('import.attack', { count: r.attack_entries })}</>}
        </Notice>
      ) : (
        <Notice kind="warning">{t('import.nothingStored', { count: r.problems.length })}</Notice>
      )}
      {r.event_ids.length > 0 && (
        <ul class="import-events">
          {r.event_ids.map((id) => (
            <li key={id}>
              <Link href={`/events/${id}`}>{t('import.openEvent')}</Link> <span class="mono small">{id}</span>
            </li>
          ))}
        </ul>
      )}
      {r.problems.length > 0 && (
        <TableWrap label={r.stored ? t('import.skipped') : t('import.problems')}>
          <table data-testid="import-problems">
            <thead>
              <tr>
                <th>{t('import.col.object')}</th>
                <th>{t('import.col.property')}</th>
                <th>{t('import.col.message')}</th>
              </tr>
            </thead>
            <tbody>
              {r.problems.map((p, i) => (
                <tr key={i}>
                  <td class="mono small">{p.object_id ?? (p.line ? t('import.line', { line: p.line }) : '—')}</td>
                  <td class="mono small">{p.property ?? '—'}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </div>
  );
}

const LIST_POLL_MS = 2000;

function isRunning(job: ImportJob): boolean {
  return job.status !== 'done' && job.status !== 'failed';
}

function RecentImports({ refresh }: { refresh: unknown }) {
  const { t, time } = useI18n();
  const [jobs, setJobs] = useState<ImportJob[]>([]);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    api.imports
      .list()
      .then((r) => live && setJobs(r.items))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [refresh, tick]);
  const running = jobs.some(isRunning);
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(() => setTick((n) => n + 1), LIST_POLL_MS);
    return () => clearTimeout(timer);
  }, [running, jobs]);
  if (jobs.length === 0) return null;
  return (
    <TableWrap label={t('import.recent')}>
      <table data-testid="import-recent">
        <thead>
          <tr>
            <th>{t('import.col.file')}</th>
            <th>{t('import.col.started')}</th>
            <th>{t('import.col.status')}</th>
            <th>{t('import.col.result')}</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((j) => (
            <tr key={j.id}>
              <td class="mono small">{j.file}</td>
              <td>{time(j.created)}</td>
              <td>
                {t(`import.status.${j.status}`)}
                {isRunning(j) && (
                  <progress
                    max={j.progress.total || 1}
                    value={j.progress.done}
                    aria-label={t(`import.status.${j.status}`)}
                  />
                )}
              </td>
              <td>
                {j.report?.stored &&
                  t('import.result', { events: j.report.events_created + j.report.events_updated, indicators: j.report.indicators_added })}
                {j.report && !j.report.stored && t('import.nothingStored', { count: j.report.problems.length })}
                {j.error?.message}
                {j.report && j.report.event_ids.length > 0 && (
                  <>
                    {' '}
                    <Link href={`/events/${j.report.event_ids[0]}`}>{t('import.open')}</Link>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function Import() {
  const { t } = useI18n();
  useTitle(t('import.title'));
  const [format, setFormat] = useState<ImportFormat | ''>('');
  const [level, setLevel] = useState<Level>('AMBER');
  const [bestEffort, setBestEffort] = useState(false);
  const [upload, setUpload] = useState<Upload | undefined>();

  const jobId = upload?.job?.id;
  const finished = upload?.job?.status === 'done' || upload?.job?.status === 'failed';
  useEffect(() => {
    if (!jobId || finished) return;
    const timer = setTimeout(() => {
      api.imports
        .get(jobId)
        .then((job) => setUpload((u) => (u ? { ...u, job } : u)))
        .catch((e: unknown) =>
          setUpload((u) => (u ? { ...u, error: e instanceof ApiError ? e : new ApiError(0, 'network', String(e)) } : u)),
        );
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [jobId, finished, upload?.job]);

  const send = async (file: File) => {
    setUpload({ name: file.name, size: file.size, sent: 0 });
    try {
      const job = await api.imports.start(
        file,
        { level, best_effort: bestEffort, ...(format ? { format } : {}) },
        (sent) => setUpload((u) => (u ? { ...u, sent } : u)),
      );
      setUpload((u) => (u ? { ...u, sent: file.size, job } : u));
    } catch (e) {
      setUpload((u) => (u ? { ...u, error: e instanceof ApiError ? e : new ApiError(0, 'network', String(e)) } : u));
    }
  };

  const job = upload?.job;
  return (
    <section class="section" aria-labelledby="import-title">
      <h1 id="import-title">{t('import.title')}</h1>
      <p class="field-help">{t('import.help')}</p>
      <div class="field field-compact">
        <label for="import-format">{t('import.format')}</label>
        <select id="import-format" value={format} onChange={(e) => setFormat(valueOf(e) as ImportFormat | '')}>
          <option value="">{t('import.format.auto')}</option>
          {FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`import.format.${f}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field field-compact">
        <label for="import-level">{t('import.level')}</label>
        <select id="import-level" value={level} onChange={(e) => setLevel(valueOf(e) as Level)}>
          <LevelOptions />
        </select>
      </div>
      <div class="field field-compact">
        <label>
          <input
            type="checkbox"
            data-testid="import-best-effort"
            checked={bestEffort}
            onChange={(e) => setBestEffort(e.currentTarget.checked)}
          />{' '}
          {t('import.bestEffort')}
        </label>
      </div>
      <label class="dropzone">
        <span>{t('import.choose')}</span>
        <input
          type="file"
          data-testid="import-file"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void send(file);
          }}
        />
      </label>
      {upload && (
        <div class="import-status" aria-live="polite" data-testid="import-status">
          <p>
            <span class="mono">{upload.name}</span>{' '}
            {!job && !upload.error && t('import.sending')}
            {job && !finished && t(`import.status.${job.status}`)}
          </p>
          {!job && !upload.error && (
            <progress max={upload.size || 1} value={upload.sent} aria-label={t('import.sending')} />
          )}
          {job && !finished && (
            <progress
              max={job.progress.total || 1}
              value={job.progress.done}
              aria-label={t(`import.status.${job.status}`)}
            />
          )}
          {upload.error && <ErrorNotice error={upload.error} />}
          {job && finished && <Report job={job} />}
        </div>
      )}
      <RecentImports refresh={`${jobId ?? ''}:${finished}`} />
    </section>
  );
}
