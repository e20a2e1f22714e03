// The console's small component set. Views compose these and plain HTML
// with the classes of styles.css; nothing here sets inline styles (the
// portal's CSP forbids them).
import type { ComponentChildren, TargetedEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../api/client.ts';
import { LEVELS, type Level, type Membership } from '../api/types.ts';
import { useI18n } from '../context.ts';
import type { Translate } from '../i18n/index.ts';
import type { Resource } from '../hooks.ts';
import { navigate } from '../router.tsx';

const TLP: Record<Level, string> = {
  RED: 'TLP:RED',
  AMBER: 'TLP:AMBER+STRICT',
  YELLOW: 'TLP:AMBER',
  GREEN: 'TLP:GREEN',
  WHITE: 'TLP:CLEAR',
};

/** The TLP 2.0 label of a level (DESIGN.md §1). */
export function tlpLabel(level: Level): string {
  return TLP[level];
}

/** A level as a coloured badge; hovering (or a screen reader) tells who may see it and its TLP label. */
export function LevelBadge({ level, showTlp = false }: { level: Level; showTlp?: boolean }) {
  const { t } = useI18n();
  const tip = t('level.tooltip', { level, tlp: TLP[level], meaning: t(`level.${level}.meaning`) });
  return (
    <span class={`level level-${level}`} title={tip} aria-label={tip} role="img" data-level={level}>
      {level}
      {showTlp && <span class="level-tlp">{TLP[level]}</span>}
    </span>
  );
}

// The levels as options of a <select>, each with what it means.
export function LevelOptions({ levels = LEVELS }: { levels?: readonly Level[] }) {
  const { t } = useI18n();
  return (
    <>
      {levels.map((l) => (
        <option key={l} value={l}>
          {l} — {t(`level.${l}.meaning`)}
        </option>
      ))}
    </>
  );
}

export function MembershipBadge({ membership }: { membership: Membership }) {
  const { t } = useI18n();
  return <span class={`badge membership membership-${membership}`}>{t(`membership.${membership}`)}</span>;
}

/** A neutral badge, e.g. an event's status. */
export function Badge({ kind = 'neutral', children }: { kind?: string; children: ComponentChildren }) {
  return <span class={`badge badge-${kind}`}>{children}</span>;
}

export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/**
 * A labelled input with optional help and the API's error for it. The child
 * is a function that receives the attributes linking the control to its
 * label, help and error:
 *   <Field id="ev-title" label={t('eventForm.title')} error={sub.fieldError('title')}>
 *     {(a) => <input {...a} value={title} onInput={...} />}
 *   </Field>
 */
export function Field(props: {
  id: string;
  label: ComponentChildren;
  help?: ComponentChildren;
  error?: string | undefined;
  required?: boolean;
  class?: string;
  children: (a: FieldControlProps) => ComponentChildren;
}) {
  const { t } = useI18n();
  const helpId = props.help ? `${props.id}-help` : undefined;
  const errorId = props.error ? `${props.id}-error` : undefined;
  const describedBy = [errorId, helpId].filter(Boolean).join(' ') || undefined;
  const a: FieldControlProps = { id: props.id };
  if (describedBy) a['aria-describedby'] = describedBy;
  if (props.error) a['aria-invalid'] = true;
  return (
    <div class={`field${props.error ? ' field-invalid' : ''}${props.class ? ` ${props.class}` : ''}`}>
      <label for={props.id}>
        {props.label}
        {props.required && <span class="required"> ({t('common.required')})</span>}
      </label>
      {props.children(a)}
      {props.help && (
        <p class="field-help" id={helpId}>
          {props.help}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={errorId}>
          <span class="visually-hidden">{t('field.errorPrefix')} </span>
          {props.error}
        </p>
      )}
    </div>
  );
}

const KNOWN_CODES = [
  'network', 'invalid', 'unauthenticated', 'forbidden', 'rules_not_accepted', 'not_found', 'conflict',
  'too_large', 'rate_limited', 'internal',
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];
const isKnownCode = (code: string): code is KnownCode => (KNOWN_CODES as readonly string[]).includes(code);

/** The translated sentence for an API error code. */
export function errorText(t: Translate, error: ApiError): string {
  if (isKnownCode(error.code)) return t(`error.${error.code}`);
  return t('error.other', { code: error.code });
}

/** An API error as an alert: the translated meaning of its code, and the portal's own words. */
export function ErrorNotice({ error, onRetry }: { error: ApiError | undefined; onRetry?: () => void }) {
  const { t } = useI18n();
  if (!error) return null;
  const showDetail = error.code !== 'network' && error.message && !error.message.startsWith('HTTP ');
  return (
    <div class="notice notice-error" role="alert">
      <p>
        <strong>{errorText(t, error)}</strong>
      </p>
      {showDetail && <p class="notice-detail">{t('error.detail', { message: error.message })}</p>}
      {onRetry && (
        <button type="button" class="button-secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** A polite status message (success or information). */
export function Notice({ kind = 'info', children }: { kind?: 'info' | 'success' | 'warning'; children: ComponentChildren }) {
  return (
    <div class={`notice notice-${kind}`} role="status">
      {children}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p class="loading" role="status">
      {t('app.loading')}
    </p>
  );
}

/** Previous / next with "page N of M"; the total comes from the API. */
/** What a resource without data shows: its error with a retry button, or the spinner. */
export function ResourceStatus<T>({ resource }: { resource: Resource<T> }) {
  return (
    <>
      <ErrorNotice error={resource.error} onRetry={resource.reload} />
      {resource.loading && !resource.data && <Loading />}
    </>
  );
}

/** Cancel and Save for a dialog whose form is `formId`; Save waits while `busy`. */
export function SaveCancelActions({ formId, busy, onCancel }: { formId: string; busy: boolean; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <button type="button" class="button-secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button type="submit" form={formId} class="button-primary" disabled={busy}>
        {t('common.save')}
      </button>
    </>
  );
}

// A filter form's buttons: apply it, or clear it by going back to `clearPath`.
export function FilterActions({ applyLabel, clearPath }: { applyLabel: string; clearPath: string }) {
  const { t } = useI18n();
  return (
    <div class="filter-actions">
      <button type="submit" class="button-primary">
        {applyLabel}
      </button>
      <button type="button" class="button-secondary" onClick={() => navigate(clearPath)}>
        {t('common.clear')}
      </button>
    </div>
  );
}

export function Pager(props: { page: number; perPage: number; total: number; onPage: (page: number) => void }) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(props.total / props.perPage));
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={t('pager.label')}>
      <button type="button" class="button-secondary" disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>
        {t('pager.prev')}
      </button>
      <span aria-current="page">{t('pager.page', { page: props.page, pages })}</span>
      <button type="button" class="button-secondary" disabled={props.page >= pages} onClick={() => props.onPage(props.page + 1)}>
        {t('pager.next')}
      </button>
    </nav>
  );
}

/** Copies `text` to the clipboard and says so. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 4000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <span class="copy">
      <button
        type="button"
        class="button-secondary"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setState('copied');
          } catch {
            setState('failed');
          }
        }}
      >
        {label}
      </button>
      <span class="copy-status" role="status">
        {state === 'copied' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </span>
  );
}

/** A table that scrolls sideways on narrow screens instead of breaking the layout. */
export function TableWrap({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** A description list of label/value pairs. */
export function Facts({ items }: { items: [ComponentChildren, ComponentChildren][] }) {
  return (
    <dl class="facts">
      {items.map(([k, v], i) => (
        <div class="fact" key={i}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Focuses the element when it appears (e.g. a success message after a form). */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

export type InputEvent = TargetedEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, Event>;
/** The value of an input/select/textarea event. */
export const valueOf = (e: InputEvent) => e.currentTarget.value;
