// YARA rules shared with a level: the list (/yara) and the editor
// (/yara/new, /yara/:id). Saving compiles the rule on the portal; when it
// does not compile, every error is listed with its line, and choosing one
// puts the cursor on that line of the text. A saved rule has been run over
// the stored samples its author may see; the answer says how many matched.
import { useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { Level, YaraDiagnostic, YaraRule, YaraSaved } from '../api/types.ts';
import { ConfirmDialog } from '../components/Dialog.tsx';
import { ErrorNotice, Field, LevelBadge, LevelOptions, Loading, Notice, TableWrap, valueOf } from '../components/ui.tsx';
import { useI18n, useSession } from '../context.ts';
import { useResource, useSubmit, useTitle } from '../hooks.ts';
import { Link, navigate } from '../router.tsx';

const TEMPLATE = `rule Example_Marker
{
  meta:
    description = "…"
  strings:
    $a = "example" ascii wide
  condition:
    $a
}
`;

/** The compiler's diagnostics carried by a 422 answer, if any. */
export function diagnosticsOf(error: ApiError | undefined): YaraDiagnostic[] {
  const d = error?.detail?.['diagnostics'];
  return Array.isArray(d) ? (d as YaraDiagnostic[]) : [];
}

export function YaraList() {
  const { t, time } = useI18n();
  const { session } = useSession();
  useTitle(t('yara.title'));
  const rules = useResource(() => api.yara.list(), []);
  return (
    <>
      <div class="page-header">
        <h1>{t('yara.title')}</h1>
        {session.user.role !== 'readonly' && (
          <Link href="/yara/new" class="button button-primary">
            {t('yara.new')}
          </Link>
        )}
      </div>
      <p class="lead">{t('yara.lead')}</p>
      <ErrorNotice error={rules.error} onRetry={rules.reload} />
      {rules.loading && !rules.data && <Loading />}
      {rules.data && rules.data.items.length === 0 && <p>{t('yara.empty')}</p>}
      {rules.data && rules.data.items.length > 0 && (
        <TableWrap label={t('yara.title')}>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('samples.col.level')}</th>
                <th scope="col">{t('sample.provider')}</th>
                <th scope="col">{t('yara.version')}</th>
                <th scope="col">{t('common.modified')}</th>
              </tr>
            </thead>
            <tbody>
              {rules.data.items.map((r) => (
                <tr key={r.id}>
                  <td class="cell-title">
                    <Link href={`/yara/${r.id}`}>{r.name}</Link>
                  </td>
                  <td>
                    <LevelBadge level={r.level} />
                  </td>
                  <td>{r.provider.name}</td>
                  <td>v{r.version}</td>
                  <td class="cell-time">{time(r.modified)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}

function Editor({ rule }: { rule?: YaraRule }) {
  const { t } = useI18n();
  const { session } = useSession();
  const [name, setName] = useState(rule?.name ?? '');
  const [level, setLevel] = useState<Level>(rule?.level ?? 'AMBER');
  const [text, setText] = useState(rule?.text ?? TEMPLATE);
  const [saved, setSaved] = useState<YaraSaved | undefined>(undefined);
  const [deleting, setDeleting] = useState(false);
  const sub = useSubmit();
  const del = useSubmit();
  const area = useRef<HTMLTextAreaElement>(null);
  const diagnostics = diagnosticsOf(sub.error);
  const editable = session.user.role !== 'readonly' && (!rule || rule.provider.id === session.user.org_id);

  const goToLine = (line: number) => {
    const el = area.current;
    if (!el) return;
    const lines = el.value.split('\n');
    const start = lines.slice(0, Math.max(0, line - 1)).reduce((n, l) => n + l.length + 1, 0);
    el.focus();
    el.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  };

  const save = async () => {
    setSaved(undefined);
    await sub.run(async () => {
      const input = { name, level, text };
      const result = rule ? await api.yara.update(rule.id, input) : await api.yara.create(input);
      setSaved(result);
      if (!rule) navigate(`/yara/${result.id}`, { replace: true });
    });
  };

  return (
    <>
      <form
        class="form"
        id="yara-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div class="form-grid">
          <Field id="yara-name" label={t('common.name')} required error={sub.fieldError('name')}>
            {(a) => <input {...a} type="text" value={name} disabled={!editable} onInput={(e) => setName(valueOf(e))} />}
          </Field>
          <Field id="yara-level" label={t('samples.col.level')} error={sub.fieldError('level')}>
            {(a) => (
              <select {...a} value={level} disabled={!editable} onChange={(e) => setLevel(valueOf(e) as Level)}>
                <LevelOptions />
              </select>
            )}
          </Field>
        </div>
        <Field id="yara-text" label={t('yara.text')} help={t('yara.textHelp')} error={diagnostics.length ? undefined : sub.fieldError('text')}>
          {(a) => (
            <textarea
              {...a}
              ref={area}
              class="code-editor mono"
              rows={20}
              spellcheck={false}
              value={text}
              disabled={!editable}
              onInput={(e) => setText(valueOf(e))}
            />
          )}
        </Field>
        {diagnostics.length > 0 && (
          <div class="notice notice-error" role="alert">
            <p>
              <strong>{t('yara.compileErrors')}</strong>
            </p>
            <ul class="diagnostics" data-testid="yara-diagnostics">
              {diagnostics.map((d, i) => (
                <li key={i}>
                  <button type="button" class="button-small button-secondary" onClick={() => goToLine(d.line)}>
                    {t('yara.line', { line: d.line })}
                  </button>{' '}
                  <span class="mono">{d.message}</span>
                  {d.severity === 'warning' && <span class="muted"> ({t('yara.warning')})</span>}
                </li>
              ))}
            </ul>
          </div>
        )}
        {!diagnostics.length && sub.error && !sub.error.field && <ErrorNotice error={sub.error} />}
        {saved && (
          <Notice kind="success">
            {t('yara.saved', { scanned: saved.rescan.scanned, matched: saved.rescan.matched })}
          </Notice>
        )}
        {editable && (
          <div class="form-actions">
            <button type="submit" class="button-primary" disabled={sub.busy}>
              {t('common.save')}
            </button>
            {rule && (
              <button type="button" class="button-danger-outline" onClick={() => setDeleting(true)}>
                {t('common.delete')}
              </button>
            )}
          </div>
        )}
      </form>
      {deleting && rule && (
        <ConfirmDialog
          title={t('yara.deleteTitle')}
          message={t('yara.deleteText', { name: rule.name })}
          confirmLabel={t('common.delete')}
          busy={del.busy}
          error={<ErrorNotice error={del.error} />}
          onConfirm={() =>
            void del.run(async () => {
              await api.yara.remove(rule.id);
              navigate('/yara');
            })
          }
          onClose={() => setDeleting(false)}
        />
      )}
    </>
  );
}

export function YaraNew() {
  const { t } = useI18n();
  useTitle(t('yara.new'));
  return (
    <>
      <p class="breadcrumb">
        <Link href="/yara">{t('yara.title')}</Link>
      </p>
      <h1>{t('yara.new')}</h1>
      <Editor />
    </>
  );
}

export function YaraEdit({ id }: { id: string }) {
  const { t } = useI18n();
  const rule = useResource(() => api.yara.get(id), [id]);
  useTitle(rule.data?.name ?? t('yara.title'));
  if (rule.error?.notFound)
    return (
      <>
        <h1 tabIndex={-1}>{t('yara.notFound')}</h1>
        <Link href="/yara">{t('yara.title')}</Link>
      </>
    );
  if (rule.error) return <ErrorNotice error={rule.error} onRetry={rule.reload} />;
  if (!rule.data) return <Loading />;
  return (
    <>
      <p class="breadcrumb">
        <Link href="/yara">{t('yara.title')}</Link>
      </p>
      <h1>
        <LevelBadge level={rule.data.level} /> {rule.data.name} <span class="muted">v{rule.data.version}</span>
      </h1>
      <Editor rule={rule.data} key={rule.data.id} />
    </>
  );
}
