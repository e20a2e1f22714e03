// The audit log (secretariat administrators): whether its hash chain
// verifies, and its entries, newest first, a page at a time. The API pages
// forward from a sequence number (?after=&limit=); the newest page starts
// at entries − limit.
import { api } from '../../api/endpoints.ts';
import type { AuditEntry } from '../../api/types.ts';
import { ErrorNotice, Notice, ResourceStatus, TableWrap } from '../../components/ui.tsx';
import { useI18n } from '../../context.ts';
import { useResource, useTitle } from '../../hooks.ts';
import { navigate, useLocation, withQuery } from '../../router.tsx';

const LIMIT = 50;

function detailText(d: unknown): string {
  if (d === null || d === undefined || d === '') return '';
  if (typeof d === 'string') return d;
  return JSON.stringify(d);
}

export function Audit() {
  const { t, time } = useI18n();
  const { query } = useLocation();
  useTitle(t('audit.title'));
  const verify = useResource(() => api.audit.verify(), []);
  const total = verify.data?.entries;
  const afterParam = query.get('after');
  const requested = afterParam !== null && /^\d+$/.test(afterParam) ? Number(afterParam) : undefined;
  const after = requested ?? (total !== undefined ? Math.max(0, total - LIMIT) : undefined);
  const entries = useResource<{ items: AuditEntry[] } | undefined>(
    () => (after === undefined ? Promise.resolve(undefined) : api.audit.list(after, LIMIT)),
    [after],
  );
  const items = [...(entries.data?.items ?? [])].reverse();
  const go = (a: number) => navigate(withQuery('/admin/audit', { after: a }));

  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p class="lead">{t('audit.intro')}</p>
      {verify.loading && <p role="status">{t('audit.verifying')}</p>}
      <ErrorNotice error={verify.error} onRetry={verify.reload} />
      {verify.data &&
        (verify.data.ok ? (
          <Notice kind="success">
            <span data-testid="audit-verify" data-ok="true">
              {t('audit.ok', { entries: verify.data.entries, hash: verify.data.head_hash.slice(0, 16) })}
            </span>
          </Notice>
        ) : (
          <div class="notice notice-error" role="alert" data-testid="audit-verify" data-ok="false">
            <strong>{t('audit.bad', { seq: verify.data.first_bad_seq ?? 0, problem: verify.data.problem ?? '' })}</strong>
          </div>
        ))}
      <ResourceStatus resource={entries} />
      {entries.data && items.length === 0 && <p class="muted">{t('audit.empty')}</p>}
      {items.length > 0 && (
        <>
          <div class="toolbar">
            <span>{t('audit.range', { from: items[items.length - 1]!.seq, to: items[0]!.seq, total: total ?? '?' })}</span>
            <span class="toolbar-spacer" />
            <button type="button" class="button-secondary" disabled={total === undefined || (after ?? 0) + LIMIT >= total} onClick={() => go(Math.min((after ?? 0) + LIMIT, Math.max(0, (total ?? 0) - LIMIT)))}>
              {t('audit.newer')}
            </button>
            <button type="button" class="button-secondary" disabled={(after ?? 0) <= 0} onClick={() => go(Math.max(0, (after ?? 0) - LIMIT))}>
              {t('audit.older')}
            </button>
            <button type="button" class="button-secondary" disabled={requested === undefined} onClick={() => navigate('/admin/audit')}>
              {t('audit.latest')}
            </button>
          </div>
          <TableWrap label={t('audit.title')}>
            <table class="table audit-table" data-testid="audit">
              <thead>
                <tr>
                  <th scope="col">{t('audit.col.seq')}</th>
                  <th scope="col">{t('audit.col.time')}</th>
                  <th scope="col">{t('audit.col.actor')}</th>
                  <th scope="col">{t('audit.col.action')}</th>
                  <th scope="col">{t('audit.col.object')}</th>
                  <th scope="col">{t('audit.col.address')}</th>
                  <th scope="col">{t('audit.col.detail')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((a) => (
                  <tr key={a.seq}>
                    <td>{a.seq}</td>
                    <td class="cell-time">{time(a.time)}</td>
                    <td>{a.actor}</td>
                    <td>
                      <code>{a.action}</code>
                    </td>
                    <td class="cell-nowrap">
                      {a.object_type}
                      {a.object_id && (
                        <span class="muted" title={a.object_id}>
                          {' '}
                          {a.object_id.length > 12 ? `${a.object_id.slice(0, 8)}…` : a.object_id}
                        </span>
                      )}
                    </td>
                    <td>{a.address}</td>
                    <td class="cell-value cell-detail">
                      <code>{detailText(a.detail)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </>
  );
}
