// The follow-up report (活用状況レポート): what organisations did with the
// shared events — blocked, detected, false positive, not relevant — per
// period (month, quarter, fiscal half, fiscal year; Japanese fiscal year
// April–March), per provider and per event. The API counts only events the
// viewer may see. The filter is the URL's query (/reports/follow-up?period=
// month&from=2026-04-01&to=2026-09-30&provider=3), dates are Japan-time days.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/endpoints.ts';
import { REPORT_PERIODS, USE_ACTIONS, type ActionCounts, type ReportPeriod } from '../api/types.ts';
import { UseChart, UseLegend } from '../components/UseChart.tsx';
import { ErrorNotice, FilterActions, Loading, TableWrap, valueOf } from '../components/ui.tsx';
import { useI18n } from '../context.ts';
import { parsePeriodLabel, periodRows, reportFilter, reportQueryFromUrl, total, type ReportQuery } from '../followup.ts';
import { useResource, useTitle } from '../hooks.ts';
import type { Lang, Translate } from '../i18n/index.ts';
import { Link, navigate, useLocation, withQuery } from '../router.tsx';

export const REPORT_PATH = '/reports/follow-up';

function monthName(lang: Lang, month: number): string {
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );
}

/** A period label for people: "FY2026-H1" → "2026年度 上期" / "FY2026 H1 (Apr–Sep)". */
export function periodText(t: Translate, lang: Lang, period: ReportPeriod, label: string): string {
  const p = parsePeriodLabel(label, period);
  if (!p) return label;
  switch (period) {
    case 'month':
      return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
        new Date(Date.UTC(p.year, p.part - 1, 1)),
      );
    case 'quarter': {
      const first = (p.part - 1) * 3 + 1;
      return t('periodLabel.quarter', {
        year: p.year,
        first: lang === 'ja' ? first : monthName(lang, first),
        last: lang === 'ja' ? first + 2 : monthName(lang, first + 2),
      });
    }
    case 'half':
      return p.part === 1 ? t('periodLabel.half1', { year: p.year }) : t('periodLabel.half2', { year: p.year });
    case 'fiscal-year':
      return t('periodLabel.fiscalYear', { year: p.year });
  }
}

function CountCells({ counts }: { counts: ActionCounts }) {
  return (
    <>
      {USE_ACTIONS.map((a) => (
        <td key={a} class="cell-number" data-action={a}>
          {counts[a]}
        </td>
      ))}
      <td class="cell-number cell-total">{total(counts)}</td>
    </>
  );
}

function CountHeaders() {
  const { t } = useI18n();
  return (
    <>
      {USE_ACTIONS.map((a) => (
        <th key={a} scope="col" class="cell-number">
          {t(`useAction.${a}`)}
        </th>
      ))}
      <th scope="col" class="cell-number">
        {t('report.col.total')}
      </th>
    </>
  );
}

export function FollowUpReport() {
  const { t, lang } = useI18n();
  const { query } = useLocation();
  useTitle(t('report.title'));
  const q = reportQueryFromUrl(query);
  const filter = reportFilter(q);
  const key = JSON.stringify(filter);
  const report = useResource(() => api.reports.use(filter), [key]);
  const orgs = useResource(() => api.orgs.list(), []);

  // Dates apply on submit; the period and provider at once.
  const [dates, setDates] = useState({ from: q.from ?? '', to: q.to ?? '' });
  useEffect(() => setDates({ from: q.from ?? '', to: q.to ?? '' }), [q.from, q.to]);
  const go = (changes: Partial<ReportQuery>) => {
    const next = { ...q, ...changes };
    navigate(
      withQuery(REPORT_PATH, {
        period: next.period,
        from: next.from || undefined,
        to: next.to || undefined,
        provider: next.provider || undefined,
      }),
    );
  };

  const r = report.data;
  const grand = r ? total(r.totals) : 0;
  const rows = r && grand > 0 ? periodRows(r.by_period, q.period, { from: filter.from, to: filter.to }) : [];
  const label = (p: string) => periodText(t, lang, q.period, p);
  const breakdown = r ? USE_ACTIONS.map((a) => `${t(`useAction.${a}`)} ${r.totals[a]}`).join(lang === 'ja' ? '、' : ', ') : '';

  return (
    <>
      <h1>{t('report.title')}</h1>
      <p class="lead">{t('report.intro')}</p>

      <form
        class="filters report-filters"
        aria-label={t('report.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          go({ from: dates.from || undefined, to: dates.to || undefined });
        }}
      >
        <div class="field field-compact">
          <label for="report-period">{t('report.period')}</label>
          <select id="report-period" value={q.period} aria-describedby="report-dates-help" onChange={(e) => go({ period: valueOf(e) as ReportPeriod })}>
            {REPORT_PERIODS.map((p) => (
              <option key={p} value={p}>
                {t(`report.period.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field field-compact">
          <label for="report-from">{t('report.from')}</label>
          <input
            id="report-from"
            type="date"
            value={dates.from}
            aria-describedby="report-dates-help"
            onInput={(e) => setDates({ ...dates, from: valueOf(e) })}
          />
        </div>
        <div class="field field-compact">
          <label for="report-to">{t('report.to')}</label>
          <input
            id="report-to"
            type="date"
            value={dates.to}
            aria-describedby="report-dates-help"
            onInput={(e) => setDates({ ...dates, to: valueOf(e) })}
          />
        </div>
        <div class="field field-compact">
          <label for="report-provider">{t('report.provider')}</label>
          <select id="report-provider" value={q.provider ?? ''} onChange={(e) => go({ provider: valueOf(e) || undefined })}>
            <option value="">{t('common.all')}</option>
            {(orgs.data?.items ?? []).map((o) => (
              <option key={o.id} value={String(o.id)}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <FilterActions applyLabel={t('report.apply')} clearPath={REPORT_PATH} />
        <p class="field-help report-dates-help" id="report-dates-help">
          {t('report.periodHelp')} {t('report.dateHelp')}
        </p>
      </form>

      <ErrorNotice error={report.error} onRetry={report.reload} />
      {report.loading && !r && <Loading />}
      {r && (
        <>
          <p class="result-count" role="status" data-testid="report-total" data-total={grand}>
            {grand > 0 ? t('report.summary', { total: grand, breakdown }) : t('report.empty')}
          </p>

          <section class="section card chart-card" aria-labelledby="report-chart-heading">
            <h2 id="report-chart-heading">{t('report.chartTitle')}</h2>
            <UseLegend totals={r.totals} />
            {rows.length > 0 ? (
              <UseChart
                rows={rows}
                labelOf={label}
                title={t('report.chartTitle')}
                summary={t('report.chartSummary', { periods: rows.length, total: grand, breakdown })}
              />
            ) : (
              <p class="muted">{t('report.empty')}</p>
            )}
            {rows.length > 0 && (
              <TableWrap label={t('report.tableCaption')}>
                <table class="table report-table" data-testid="report-periods">
                  <caption class="table-caption">{t('report.tableCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('report.col.period')}</th>
                      <CountHeaders />
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) => (
                      <tr key={row.period} data-period={row.period}>
                        <th scope="row">{label(row.period)}</th>
                        <CountCells counts={row.counts} />
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">{t('report.col.total')}</th>
                      <CountCells counts={r.totals} />
                    </tr>
                  </tfoot>
                </table>
              </TableWrap>
            )}
          </section>

          <div class="report-columns">
            <section class="section" aria-labelledby="report-provider-heading">
              <h2 id="report-provider-heading">{t('report.byProvider')}</h2>
              {r.by_provider.length === 0 ? (
                <p class="muted">{t('report.empty')}</p>
              ) : (
                <TableWrap label={t('report.byProvider')}>
                  <table class="table report-table" data-testid="report-providers">
                    <thead>
                      <tr>
                        <th scope="col">{t('report.col.provider')}</th>
                        <CountHeaders />
                      </tr>
                    </thead>
                    <tbody>
                      {r.by_provider.map((p) => (
                        <tr key={p.provider.id}>
                          <th scope="row" class="cell-org">
                            {p.provider.name}
                          </th>
                          <CountCells counts={p.counts} />
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
              )}
            </section>

            <section class="section" aria-labelledby="report-event-heading">
              <h2 id="report-event-heading">{t('report.byEvent')}</h2>
              {r.by_event.length === 0 ? (
                <p class="muted">{t('report.empty')}</p>
              ) : (
                <TableWrap label={t('report.byEvent')}>
                  <table class="table report-table" data-testid="report-events">
                    <thead>
                      <tr>
                        <th scope="col">{t('report.col.event')}</th>
                        <CountHeaders />
                      </tr>
                    </thead>
                    <tbody>
                      {[...r.by_event]
                        .sort((a, b) => total(b.counts) - total(a.counts) || a.title.localeCompare(b.title))
                        .map((e) => (
                          <tr key={e.event_id}>
                            <th scope="row" class="cell-title">
                              <Link href={`/events/${encodeURIComponent(e.event_id)}`}>{e.title}</Link>
                            </th>
                            <CountCells counts={e.counts} />
                          </tr>
                        ))}
                    </tbody>
                  </table>
                </TableWrap>
              )}
            </section>
          </div>
        </>
      )}
    </>
  );
}
