// Creating and editing an event. The provider chooses the sharing level;
// publishing for another provider (choosing it as "provider") waits for
// that provider's consent. Validation is the API's: its error.field puts
// each message next to its input.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/endpoints.ts';
import { CATEGORIES, LEVELS, TIMINGS, type Category, type EventInput, type Level, type SharedEvent, type Timing } from '../api/types.ts';
import { ErrorNotice, Field, LevelBadge, ResourceStatus, tlpLabel, valueOf } from '../components/ui.tsx';
import { useI18n, useSession } from '../context.ts';
import { useResource, useSubmit, useTitle } from '../hooks.ts';
import { Link, navigate } from '../router.tsx';

/** "標的型メール, lzh、 年金" → ["標的型メール", "lzh", "年金"]: commas (also Japanese ones) separate tags. */
export function parseTags(text: string): string[] {
  return text
    .split(/[,、，]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function EventCreate() {
  const { t } = useI18n();
  useTitle(t('eventForm.createTitle'));
  return (
    <>
      <h1>{t('eventForm.createTitle')}</h1>
      <EventForm />
    </>
  );
}

export function EventEdit({ id }: { id: string }) {
  const { t } = useI18n();
  useTitle(t('eventForm.editTitle'));
  const event = useResource(() => api.events.get(id), [id]);
  return (
    <>
      <p class="breadcrumb">
        <Link href={`/events/${encodeURIComponent(id)}`}>{event.data?.title ?? t('event.back')}</Link>
      </p>
      <h1>{t('eventForm.editTitle')}</h1>
      <ResourceStatus resource={event} />
      {event.data && <EventForm event={event.data} />}
    </>
  );
}

function EventForm({ event }: { event?: SharedEvent }) {
  const { t } = useI18n();
  const { session } = useSession();
  const orgs = useResource(() => api.orgs.list(), []);
  const [title, setTitle] = useState(event?.title ?? '');
  const [description, setDescription] = useState(event?.description ?? '');
  const [level, setLevel] = useState<Level | ''>(event?.level ?? '');
  const [category, setCategory] = useState<Category>(event?.category ?? 'B-b');
  const [timing, setTiming] = useState<Timing>(event?.timing ?? 'peacetime');
  const [tags, setTags] = useState((event?.tags ?? []).join(', '));
  const [status, setStatus] = useState<'draft' | 'published'>(event?.status === 'draft' ? 'draft' : 'published');
  const [provider, setProvider] = useState('');
  const sub = useSubmit();
  const own = session.organisation;
  const editing = event !== undefined;

  // The first input with an error gets focus, so the message is read out.
  useEffect(() => {
    const field = sub.error?.field;
    if (field) document.getElementById(`event-${field}`)?.focus();
  }, [sub.error]);

  const submit = (e: Event) => {
    e.preventDefault();
    void sub.run(async () => {
      const input: EventInput = { title, description, category, timing, tags: parseTags(tags) };
      if (level) input.level = level;
      if (!editing || event.status !== 'pending') input.status = status;
      if (!editing && provider) input.provider = Number(provider);
      const saved = editing ? await api.events.update(event.id, input) : await api.events.create(input);
      navigate(`/events/${encodeURIComponent(saved.id)}`);
    });
  };

  return (
    <form class="form event-form" onSubmit={submit} noValidate>
      <ErrorNotice error={sub.error} />
      <Field id="event-title" label={t('eventForm.title')} error={sub.fieldError('title')} required>
        {(a) => <input {...a} type="text" maxLength={500} value={title} onInput={(e) => {
              setTitle(valueOf(e));
              sub.touch('title');
            }} />}
      </Field>

      <fieldset class={`field level-choice${sub.fieldError('level') ? ' field-invalid' : ''}`} aria-describedby="event-level-help">
        <legend>
          {t('eventForm.level')} <span class="required">({t('common.required')})</span>
        </legend>
        <p class="field-help" id="event-level-help">
          {t('eventForm.levelHelp')}
          {editing && ` ${t('eventForm.widenNote')}`}
        </p>
        <div class="level-options">
          {LEVELS.map((l, i) => (
            <label class={`level-option${level === l ? ' selected' : ''}`} key={l}>
              <input
                type="radio"
                name="level"
                value={l}
                id={i === 0 ? 'event-level' : undefined}
                checked={level === l}
                onChange={() => {
                  setLevel(l);
                  sub.touch('level');
                }}
              />
              <span class="level-option-head">
                <LevelBadge level={l} />
                <span class="level-option-tlp">{tlpLabel(l)}</span>
              </span>
              <span class="level-option-meaning">{t(`level.${l}.meaning`)}</span>
            </label>
          ))}
        </div>
        {sub.fieldError('level') && <p class="field-error">{sub.fieldError('level')}</p>}
      </fieldset>

      <div class="form-grid">
        <Field id="event-category" label={t('eventForm.category')} error={sub.fieldError('category')} class="field-wide">
          {(a) => (
            <select {...a} value={category} onChange={(e) => setCategory(valueOf(e) as Category)}>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`category.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="event-timing" label={t('eventForm.timing')} error={sub.fieldError('timing')}>
          {(a) => (
            <select {...a} value={timing} onChange={(e) => setTiming(valueOf(e) as Timing)}>
              {TIMINGS.map((v) => (
                <option key={v} value={v}>
                  {t(`timing.${v}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="event-tags" label={t('eventForm.tags')} help={t('eventForm.tagsHelp')} error={sub.fieldError('tags')}>
          {(a) => <input {...a} type="text" value={tags} onInput={(e) => {
              setTags(valueOf(e));
              sub.touch('tags');
            }} />}
        </Field>
        {!editing && (
          <Field id="event-provider" label={t('eventForm.provider')} help={t('eventForm.providerHelp')} error={sub.fieldError('provider')}>
            {(a) => (
              <select {...a} value={provider} onChange={(e) => setProvider(valueOf(e))}>
                <option value="">{t('eventForm.providerOwn', { org: own.name })}</option>
                {(orgs.data?.items ?? [])
                  .filter((o) => o.id !== own.id)
                  .map((o) => (
                    <option key={o.id} value={String(o.id)}>
                      {o.name}
                    </option>
                  ))}
              </select>
            )}
          </Field>
        )}
      </div>

      <Field id="event-description" label={t('eventForm.description')} error={sub.fieldError('description')}>
        {(a) => <textarea {...a} rows={8} value={description} onInput={(e) => {
              setDescription(valueOf(e));
              sub.touch('description');
            }} />}
      </Field>

      {(!editing || event.status !== 'pending') && (
        <fieldset class="field">
          <legend>{t('eventForm.status')}</legend>
          <div class="radio-row">
            {(['published', 'draft'] as const).map((s) => (
              <label key={s} class="radio">
                <input type="radio" name="status" id={s === 'published' ? 'event-status' : undefined} checked={status === s} onChange={() => setStatus(s)} />
                {s === 'published' ? t('eventForm.statusPublished') : t('eventForm.statusDraft')}
              </label>
            ))}
          </div>
          {sub.fieldError('status') && <p class="field-error">{sub.fieldError('status')}</p>}
        </fieldset>
      )}

      <div class="form-actions">
        <button type="submit" class="button-primary" disabled={sub.busy}>
          {editing ? t('eventForm.submitSave') : t('eventForm.submitCreate')}
        </button>
        <Link href={editing ? `/events/${encodeURIComponent(event.id)}` : '/events'} class="button button-secondary">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
