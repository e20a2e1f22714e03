// An event's indicators: the table (paged by the API), adding one, bulk
// paste of one indicator a line (POST /indicators/parse) or of prose (POST
// /extract) → preview → POST /events/{id}/indicators,
// editing and deleting.
import { useState } from 'preact/hooks';
import { api } from '../api/endpoints.ts';
import { rowError, splitField } from '../api/fields.ts';
import {
  INDICATOR_TYPES, LEVELS, type ExtractFinding, type Indicator, type IndicatorInput, type IndicatorType, type Level, type ParsedLine,
  type SharedEvent,
} from '../api/types.ts';
import { ConfirmDialog, Dialog } from '../components/Dialog.tsx';
import { ErrorNotice, Field, LevelBadge, Notice, Pager, ResourceStatus, SaveCancelActions, TableWrap, valueOf } from '../components/ui.tsx';
import { useI18n } from '../context.ts';
import { useResource, useSubmit } from '../hooks.ts';

const PER_PAGE = 100;

/** The levels an indicator of `event` may have: the event's own or narrower. */
function allowedLevels(event: SharedEvent): Level[] {
  return LEVELS.slice(0, LEVELS.indexOf(event.level) + 1);
}

function LevelSelect(props: { id: string; event: SharedEvent; value: Level | ''; onChange: (v: Level | '') => void; a?: object }) {
  const { t } = useI18n();
  return (
    <select {...props.a} id={props.id} value={props.value} onChange={(e) => props.onChange(valueOf(e) as Level | '')}>
      <option value="">{t('indicators.levelInherit')}</option>
      {allowedLevels(props.event).map((l) => (
        <option key={l} value={l}>
          {l}
        </option>
      ))}
    </select>
  );
}

export function IndicatorsSection({ event, canEdit, onChanged }: { event: SharedEvent; canEdit: boolean; onChanged: () => void }) {
  const { t, time } = useI18n();
  const [page, setPage] = useState(1);
  const list = useResource(() => api.events.indicators(event.id, page, PER_PAGE), [event.id, page, event.modified]);
  const [editing, setEditing] = useState<Indicator | null>(null);
  const [deleting, setDeleting] = useState<Indicator | null>(null);
  const [message, setMessage] = useState('');
  const del = useSubmit();

  const changed = (note: string) => {
    setMessage(note);
    list.reload();
    onChanged();
  };

  return (
    <section class="section" aria-labelledby="indicators-heading">
      <div class="section-header">
        <h2 id="indicators-heading">
          {t('indicators.title')}
          {list.data && <span class="count">{t('indicators.count', { total: list.data.total })}</span>}
        </h2>
      </div>
      {message && <Notice kind="success">{message}</Notice>}
      <ResourceStatus resource={list} />
      {list.data && list.data.items.length === 0 && <p class="muted">{t('indicators.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <TableWrap label={t('indicators.title')}>
          <table class="table indicators-table" data-testid="indicators">
            <thead>
              <tr>
                <th scope="col">{t('indicators.col.type')}</th>
                <th scope="col">{t('indicators.col.value')}</th>
                <th scope="col">{t('indicators.col.level')}</th>
                <th scope="col">{t('indicators.col.firstSeen')}</th>
                <th scope="col">{t('indicators.col.lastSeen')}</th>
                <th scope="col">{t('indicators.col.confidence')}</th>
                <th scope="col">{t('indicators.col.comment')}</th>
                {canEdit && <th scope="col">{t('common.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((i) => (
                <tr key={i.id}>
                  <td>
                    <code class="type">{i.type}</code>
                  </td>
                  <td class="cell-value">
                    <code>{i.value}</code>
                  </td>
                  <td>
                    <LevelBadge level={i.effective_level} />
                    {i.level === null && <span class="visually-hidden"> ({t('level.effective')})</span>}
                  </td>
                  <td class="cell-time">{time(i.first_seen)}</td>
                  <td class="cell-time">{time(i.last_seen)}</td>
                  <td>{i.confidence ?? ''}</td>
                  <td class="cell-comment">{i.comment}</td>
                  {canEdit && (
                    <td class="cell-actions">
                      <button type="button" class="button-small" onClick={() => setEditing(i)} aria-label={`${t('common.edit')}: ${i.value}`}>
                        {t('common.edit')}
                      </button>
                      <button
                        type="button"
                        class="button-small button-danger-outline"
                        onClick={() => {
                          del.clear();
                          setDeleting(i);
                        }}
                        aria-label={`${t('common.delete')}: ${i.value}`}
                      >
                        {t('common.delete')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {list.data && <Pager page={page} perPage={PER_PAGE} total={list.data.total} onPage={setPage} />}

      {canEdit && (
        <div class="indicator-forms">
          <AddIndicator event={event} onAdded={(n) => changed(t('indicators.added', { count: n }))} />
          <BulkPaste event={event} onAdded={(n) => changed(t('indicators.added', { count: n }))} />
        </div>
      )}

      {editing && (
        <EditIndicator
          event={event}
          indicator={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            changed(t('common.saved'));
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('indicators.deleteTitle')}
          message={t('indicators.deleteConfirm', { value: deleting.value })}
          confirmLabel={t('common.delete')}
          busy={del.busy}
          error={<ErrorNotice error={del.error} />}
          onClose={() => setDeleting(null)}
          onConfirm={() =>
            void del.run(async () => {
              await api.indicators.remove(deleting.id);
              setDeleting(null);
              changed(t('common.saved'));
            })
          }
        />
      )}
    </section>
  );
}

/** One indicator: value, optional type (detected otherwise), level, comment. */
function AddIndicator({ event, onAdded }: { event: SharedEvent; onAdded: (n: number) => void }) {
  const { t } = useI18n();
  const [type, setType] = useState<IndicatorType | ''>('');
  const [value, setValue] = useState('');
  const [level, setLevel] = useState<Level | ''>('');
  const [comment, setComment] = useState('');
  const sub = useSubmit();
  const fieldError = (name: string) => (splitField(sub.error?.field)?.name === name ? sub.error?.message : undefined);

  return (
    <details class="panel">
      <summary>{t('indicators.addOne')}</summary>
      <form
        class="form form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void sub.run(async () => {
            const input: IndicatorInput = { value };
            if (type) input.type = type;
            if (level) input.level = level;
            if (comment) input.comment = comment;
            const r = await api.events.addIndicators(event.id, [input]);
            setValue('');
            setComment('');
            onAdded(r.items.length);
          });
        }}
      >
        <Field id="add-type" label={t('indicators.type')} error={fieldError('type')}>
          {(a) => (
            <select {...a} value={type} onChange={(e) => setType(valueOf(e) as IndicatorType | '')}>
              <option value="">{t('indicators.typeAuto')}</option>
              {INDICATOR_TYPES.map((it) => (
                <option key={it} value={it}>
                  {it}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="add-value" label={t('indicators.value')} error={fieldError('value')} required class="field-wide">
          {(a) => <input {...a} type="text" value={value} onInput={(e) => setValue(valueOf(e))} autoComplete="off" spellcheck={false} />}
        </Field>
        <Field id="add-level" label={t('indicators.level')} error={fieldError('level')}>
          {(a) => <LevelSelect id="add-level" a={a} event={event} value={level} onChange={setLevel} />}
        </Field>
        <Field id="add-comment" label={t('indicators.comment')} error={fieldError('comment')} class="field-wide">
          {(a) => <input {...a} type="text" value={comment} onInput={(e) => setComment(valueOf(e))} />}
        </Field>
        {sub.error && !sub.error.field && <ErrorNotice error={sub.error} />}
        <div class="form-actions">
          <button type="submit" class="button-primary" disabled={sub.busy || !value.trim()}>
            {t('indicators.add')}
          </button>
        </div>
      </form>
    </details>
  );
}

interface PreviewRow extends ParsedLine {
  /** The line this one repeats, if it has the same type and value as an earlier one. */
  duplicateOf?: number;
}

/** Marks lines whose (type, value) an earlier line already has. */
export function markDuplicates(lines: ParsedLine[]): PreviewRow[] {
  const seen = new Map<string, number>();
  return lines.map((l) => {
    if (!l.type || l.value === undefined) return l;
    const key = `${l.type}\u0000${l.value}`;
    const first = seen.get(key);
    if (first !== undefined) return { ...l, duplicateOf: first };
    seen.set(key, l.line);
    return l;
  });
}

/** Preview rows from POST /extract: each indicator found, shown as it was written in the text. */
export function extractedRows(text: string, findings: ExtractFinding[]): ParsedLine[] {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  return findings
    .filter((f) => f.kind === 'indicator')
    .map((f, i) => ({
      line: i + 1,
      input: decoder.decode(bytes.subarray(f.offset, f.offset + f.length)),
      type: f.type,
      value: f.value,
    }));
}

/**
 * Bulk paste: one indicator a line (types detected by the API), or prose from which the API
 * extracts them; a preview, then one request.
 */
function BulkPaste({ event, onAdded }: { event: SharedEvent; onAdded: (n: number) => void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'lines' | 'prose'>('lines');
  const [ids, setIds] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [level, setLevel] = useState<Level | ''>('');
  const [rows, setRows] = useState<PreviewRow[] | null>(null);
  const parse = useSubmit();
  const add = useSubmit();
  const valid = (rows ?? []).filter((r) => r.type && r.value !== undefined && r.duplicateOf === undefined);

  // The API's error for a row points at its index among the rows sent.
  const errorFor = (r: PreviewRow): string | undefined => {
    const index = valid.indexOf(r);
    return index < 0 ? undefined : rowError(add.error, index, valid.length);
  };

  return (
    <details class="panel" open>
      <summary>{t('indicators.bulk')}</summary>
      <form
        class="form"
        onSubmit={(e) => {
          e.preventDefault();
          add.clear();
          void parse.run(async () => {
            if (mode === 'lines') {
              setIds([]);
              setRows(markDuplicates((await api.indicators.parse(text)).items));
              return;
            }
            const found = await api.indicators.extract(text);
            setIds(found.findings.filter((f) => f.kind !== 'indicator').map((f) => f.value));
            setRows(markDuplicates(extractedRows(text, found.findings)));
          });
        }}
      >
        <fieldset class="field">
          <legend>{t('indicators.bulkMode')}</legend>
          <div class="radio-row">
            {(['lines', 'prose'] as const).map((m) => (
              <label key={m} class="radio">
                <input
                  type="radio"
                  name="bulk-mode"
                  value={m}
                  checked={mode === m}
                  onChange={() => {
                    setMode(m);
                    setRows(null);
                  }}
                />
                {m === 'lines' ? t('indicators.modeLines') : t('indicators.modeProse')}
              </label>
            ))}
          </div>
        </fieldset>
        <p class="field-help">{mode === 'lines' ? t('indicators.bulkHelp') : t('indicators.proseHelp')}</p>
        <Field id="bulk-text" label={mode === 'lines' ? t('indicators.bulkText') : t('indicators.proseText')} error={parse.fieldError('text')}>
          {(a) => (
            <textarea
              {...a}
              rows={8}
              class="mono"
              spellcheck={false}
              value={text}
              onInput={(e) => {
                setText(valueOf(e));
                setRows(null);
              }}
            />
          )}
        </Field>
        <Field id="bulk-level" label={t('indicators.level')} class="field-narrow">
          {(a) => <LevelSelect id="bulk-level" a={a} event={event} value={level} onChange={setLevel} />}
        </Field>
        {parse.error && !parse.error.field && <ErrorNotice error={parse.error} />}
        <div class="form-actions">
          <button type="submit" class="button-secondary" disabled={parse.busy || !text.trim()}>
            {t('indicators.preview')}
          </button>
        </div>
      </form>

      {rows && (
        <div class="preview" data-testid="bulk-preview">
          <h3>{t('indicators.preview')}</h3>
          <p role="status">{t('indicators.previewSummary', { ok: valid.length, bad: rows.length - valid.length })}</p>
          {ids.length > 0 && <p data-testid="bulk-ids">{t('indicators.foundIds', { ids: ids.join(', ') })}</p>}
          <TableWrap label={t('indicators.preview')}>
            <table class="table preview-table">
              <thead>
                <tr>
                  <th scope="col">{t('indicators.col.line')}</th>
                  <th scope="col">{t('indicators.col.input')}</th>
                  <th scope="col">{t('indicators.col.type')}</th>
                  <th scope="col">{t('indicators.col.result')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const err = r.error ?? (r.duplicateOf !== undefined ? t('indicators.duplicateOf', { line: r.duplicateOf }) : errorFor(r));
                  return (
                    <tr key={r.line} class={err ? 'row-error' : 'row-ok'} data-line={r.line}>
                      <td>{r.line}</td>
                      <td class="cell-value">
                        <code>{r.input}</code>
                      </td>
                      <td>{r.type ? <code class="type">{r.type}</code> : ''}</td>
                      <td class="cell-value">
                        {err ? (
                          <span class="field-error">
                            <span class="visually-hidden">{t('field.errorPrefix')} </span>
                            {r.error === 'cannot tell the type' ? t('indicators.unknownType') : err}
                          </span>
                        ) : (
                          <code>{r.value}</code>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
          <ErrorNotice error={add.error} />
          <div class="form-actions">
            <button
              type="button"
              class="button-primary"
              disabled={add.busy || valid.length === 0}
              onClick={() =>
                void add.run(async () => {
                  const inputs: IndicatorInput[] = valid.map((r) => {
                    const i: IndicatorInput = { type: r.type!, value: r.value! };
                    if (level) i.level = level;
                    return i;
                  });
                  const result = await api.events.addIndicators(event.id, inputs);
                  setText('');
                  setRows(null);
                  onAdded(result.items.length);
                })
              }
            >
              {t('indicators.addValid', { count: valid.length })}
            </button>
          </div>
        </div>
      )}
    </details>
  );
}

function EditIndicator(props: { event: SharedEvent; indicator: Indicator; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const i = props.indicator;
  const [type, setType] = useState<IndicatorType>(i.type);
  const [value, setValue] = useState(i.value);
  const [level, setLevel] = useState<Level | ''>(i.level ?? '');
  const [firstSeen, setFirstSeen] = useState(i.first_seen ?? '');
  const [lastSeen, setLastSeen] = useState(i.last_seen ?? '');
  const [confidence, setConfidence] = useState(i.confidence === null ? '' : String(i.confidence));
  const [comment, setComment] = useState(i.comment);
  const sub = useSubmit();
  const formId = 'edit-indicator-form';

  return (
    <Dialog
      title={t('indicators.editTitle')}
      onClose={props.onClose}
      wide
      actions={<SaveCancelActions formId={formId} busy={sub.busy} onCancel={props.onClose} />}
    >
      <form
        id={formId}
        class="form form-grid"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void sub.run(async () => {
            const input: IndicatorInput = { type, value, level: level || null, first_seen: firstSeen, last_seen: lastSeen, comment };
            if (confidence.trim() !== '') input.confidence = Number(confidence);
            await api.indicators.update(i.id, input);
            props.onSaved();
          });
        }}
      >
        <Field id="edit-type" label={t('indicators.type')} error={sub.fieldError('type')}>
          {(a) => (
            <select {...a} value={type} onChange={(e) => setType(valueOf(e) as IndicatorType)}>
              {INDICATOR_TYPES.map((it) => (
                <option key={it} value={it}>
                  {it}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="edit-value" label={t('indicators.value')} error={sub.fieldError('value')} class="field-wide">
          {(a) => <input {...a} type="text" value={value} onInput={(e) => setValue(valueOf(e))} spellcheck={false} />}
        </Field>
        <Field id="edit-level" label={t('indicators.level')} error={sub.fieldError('level')}>
          {(a) => <LevelSelect id="edit-level" a={a} event={props.event} value={level} onChange={setLevel} />}
        </Field>
        <Field id="edit-confidence" label={t('indicators.confidence')} error={sub.fieldError('confidence')}>
          {(a) => <input {...a} type="number" min={0} max={100} value={confidence} onInput={(e) => setConfidence(valueOf(e))} />}
        </Field>
        <Field id="edit-first-seen" label={t('indicators.firstSeen')} error={sub.fieldError('first_seen')}>
          {(a) => <input {...a} type="text" placeholder="2026-11-22T12:04:00Z" value={firstSeen} onInput={(e) => setFirstSeen(valueOf(e))} />}
        </Field>
        <Field id="edit-last-seen" label={t('indicators.lastSeen')} error={sub.fieldError('last_seen')}>
          {(a) => <input {...a} type="text" placeholder="2026-11-22T12:04:00Z" value={lastSeen} onInput={(e) => setLastSeen(valueOf(e))} />}
        </Field>
        <Field id="edit-comment" label={t('indicators.comment')} error={sub.fieldError('comment')} class="field-full">
          {(a) => <textarea {...a} rows={3} value={comment} onInput={(e) => setComment(valueOf(e))} />}
        </Field>
      </form>
      {sub.error && <ErrorNotice error={sub.error} />}
    </Dialog>
  );
}
