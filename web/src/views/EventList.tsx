// The events the viewer may see, filtered, sorted and paged by the API. The
// filters live in the URL (/events?level=AMBER&page=2), so a filtered list
// can be bookmarked and the back button works. Totals come from the API,
// which counts only what the viewer may see.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/endpoints.ts';
import {
  CATEGORIES, EVENT_SORTS, EVENT_STATUSES, LEVELS, TIMINGS, type EventFilter, type EventSort,
} from '../api/types.ts';
import { Badge, ErrorNotice, FilterActions, LevelBadge, Loading, Pager, TableWrap, valueOf } from '../components/ui.tsx';
import { useI18n, useSession } from '../context.ts';
import { useResource, useTitle } from '../hooks.ts';
import { Link, navigate, useLocation, withQuery } from '../router.tsx';

const PER_PAGE = 25;
const FILTER_KEYS = ['q', 'level', 'category', 'timing', 'status', 'tag', 'provider', 'sort'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

function oneOf<T extends string>(values: readonly T[], v: string | null): T | undefined {
  return v !== null && (values as readonly string[]).includes(v) ? (v as T) : undefined;
}

/** The API filter described by the page's query string; unknown values are dropped. */
export function filterFromQuery(q: URLSearchParams): EventFilter {
  const page = Number(q.get('page') ?? '1');
  const f: EventFilter = { page: Number.isInteger(page) && page > 0 ? page : 1, per_page: PER_PAGE };
  const level = oneOf(LEVELS, q.get('level'));
  if (level) f.level = level;
  const category = oneOf(CATEGORIES, q.get('category'));
  if (category) f.category = category;
  const timing = oneOf(TIMINGS, q.get('timing'));
  if (timing) f.timing = timing;
  const status = oneOf(EVENT_STATUSES, q.get('status'));
  if (status) f.status = status;
  const sort = oneOf(EVENT_SORTS, q.get('sort'));
  if (sort) f.sort = sort;
  for (const k of ['q', 'tag', 'provider'] as const) {
    const v = q.get(k)?.trim();
    if (v) f[k] = v;
  }
  return f;
}

export function EventList() {
  const { t, time } = useI18n();
  const { session } = useSession();
  const { query } = useLocation();
  useTitle(t('events.title'));
  const filter = filterFromQuery(query);
  const key = JSON.stringify(filter);
  const events = useResource(() => api.events.list(filter), [key]);
  const orgs = useResource(() => api.orgs.list(), []);

  // The text inputs apply on submit; selects apply at once.
  const [text, setText] = useState({ q: filter.q ?? '', tag: filter.tag ?? '' });
  useEffect(() => setText({ q: filter.q ?? '', tag: filter.tag ?? '' }), [filter.q, filter.tag]);

  const go = (changes: Partial<Record<FilterKey | 'page', string | number | undefined>>) => {
    const next: Record<string, string | number | undefined> = {};
    for (const k of FILTER_KEYS) next[k] = filter[k];
    next.page = undefined; // a new filter starts at page 1
    Object.assign(next, changes);
    if (next.page === 1) next.page = undefined;
    navigate(withQuery('/events', next));
  };

  const page = events.data;
  const from = page && page.total > 0 ? (page.page - 1) * page.per_page + 1 : 0;
  const to = page ? Math.min(page.total, page.page * page.per_page) : 0;
  const orgName = (id: number) => orgs.data?.items.find((o) => o.id === id)?.name;

  const select = (key: FilterKey, label: string, options: { value: string; label: string }[], all = true) => (
    <div class="field field-compact">
      <label for={`filter-${key}`}>{label}</label>
      <select id={`filter-${key}`} value={filter[key] ?? (all ? '' : options[0]?.value)} onChange={(e) => go({ [key]: valueOf(e) || undefined })}>
        {all && <option value="">{t('common.all')}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <>
      <div class="page-header">
        <h1>{t('events.title')}</h1>
        {session.user.role !== 'readonly' && (
          <Link href="/events/new" class="button button-primary">
            {t('events.new')}
          </Link>
        )}
      </div>

      <form
        class="filters"
        role="search"
        aria-label={t('events.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          go({ q: text.q.trim() || undefined, tag: text.tag.trim() || undefined });
        }}
      >
        <div class="field field-compact field-grow">
          <label for="filter-q">{t('events.filter.q')}</label>
          <input id="filter-q" type="search" value={text.q} onInput={(e) => setText({ ...text, q: valueOf(e) })} />
        </div>
        {select('level', t('events.filter.level'), LEVELS.map((l) => ({ value: l, label: `${l} — ${t(`level.${l}.meaning`)}` })))}
        {select('category', t('events.filter.category'), CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) })))}
        {select('timing', t('events.filter.timing'), TIMINGS.map((v) => ({ value: v, label: t(`timing.${v}`) })))}
        {select('status', t('events.filter.status'), EVENT_STATUSES.map((v) => ({ value: v, label: t(`status.${v}`) })))}
        <div class="field field-compact">
          <label for="filter-tag">{t('events.filter.tag')}</label>
          <input id="filter-tag" type="text" value={text.tag} onInput={(e) => setText({ ...text, tag: valueOf(e) })} />
        </div>
        {select(
          'provider',
          t('events.filter.provider'),
          (orgs.data?.items ?? []).map((o) => ({ value: String(o.id), label: o.name })),
        )}
        {select(
          'sort',
          t('events.sort'),
          EVENT_SORTS.map((s: EventSort) => ({ value: s, label: t(`events.sort.${s}`) })),
          false,
        )}
        <FilterActions applyLabel={t('common.search')} clearPath="/events" />
      </form>

      <ErrorNotice error={events.error} onRetry={events.reload} />
      {events.loading && !page && <Loading />}
      {page && (
        <>
          <p class="result-count" role="status" data-testid="event-total" data-total={page.total}>
            {page.total > 0 ? t('events.range', { total: page.total, from, to }) : t('events.empty')}
          </p>
          {page.items.length > 0 && (
            <TableWrap label={t('events.title')}>
              <table class="table events-table">
                <thead>
                  <tr>
                    <th scope="col">{t('events.col.level')}</th>
                    <th scope="col">{t('events.col.title')}</th>
                    <th scope="col">{t('events.col.category')}</th>
                    <th scope="col" class="col-optional">{t('events.col.timing')}</th>
                    <th scope="col">{t('events.col.provider')}</th>
                    <th scope="col">{t('events.col.status')}</th>
                    <th scope="col">{t('events.col.modified')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((e) => (
                    <tr key={e.id}>
                      <td>
                        <LevelBadge level={e.level} />
                      </td>
                      <td class="cell-title">
                        <Link href={`/events/${encodeURIComponent(e.id)}`}>{e.title}</Link>
                        {e.tags.length > 0 && (
                          <span class="tags">
                            {e.tags.map((tag) => (
                              <span class="tag" key={tag}>
                                {tag}
                              </span>
                            ))}
                          </span>
                        )}
                      </td>
                      <td>
                        <abbr title={t(`category.${e.category}`)}>{e.category}</abbr>
                      </td>
                      <td class="col-optional">{t(`timing.${e.timing}`)}</td>
                      <td class="cell-org">{e.provider.name || orgName(e.provider.id)}</td>
                      <td>
                        <Badge kind={e.status}>{t(`status.${e.status}`)}</Badge>
                      </td>
                      <td class="cell-time">{time(e.modified)}</td>
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
