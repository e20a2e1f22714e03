// Organisations (secretariat administrators): the list, adding one and
// changing its name, sector (with the CEPTOAR sub-sector, from
// GET /api/v1/sectors) and membership type.
import { useState } from 'preact/hooks';
import { api } from '../../api/endpoints.ts';
import { MEMBERSHIPS, type Level, type Membership, type Organisation, type OrganisationInput, type Sector } from '../../api/types.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorNotice, Field, MembershipBadge, Notice, ResourceStatus, SaveCancelActions, TableWrap, valueOf } from '../../components/ui.tsx';
import { useI18n } from '../../context.ts';
import { useResource, useSubmit, useTitle } from '../../hooks.ts';
import type { Lang } from '../../i18n/index.ts';
import { Link } from '../../router.tsx';

/** The narrowest level each membership type sees (src/access/policy.cpp). */
export const NARROWEST_VISIBLE: Record<Membership, Level> = {
  secretariat: 'RED',
  analyst: 'RED',
  participant: 'AMBER',
  observer: 'YELLOW',
  related: 'GREEN',
};

export function sectorName(sectors: Sector[] | undefined, code: string, sub: string, lang: Lang): string {
  const s = sectors?.find((x) => x.code === code);
  if (!s) return sub ? `${code} / ${sub}` : code;
  const name = lang === 'ja' ? s.name_ja : s.name_en;
  if (!sub) return name;
  const ss = s.sub_sectors.find((x) => x.code === sub);
  return `${name} / ${ss ? (lang === 'ja' ? ss.name_ja : ss.name_en) : sub}`;
}

export function Orgs() {
  const { t, lang, time } = useI18n();
  useTitle(t('orgs.title'));
  const orgs = useResource(() => api.orgs.list(), []);
  const sectors = useResource(() => api.sectors.list(), []);
  const [editing, setEditing] = useState<Organisation | 'new' | null>(null);
  const [message, setMessage] = useState('');

  return (
    <>
      <div class="page-header">
        <h1>{t('orgs.title')}</h1>
        <button type="button" class="button-primary" onClick={() => setEditing('new')}>
          {t('orgs.create')}
        </button>
      </div>
      {message && <Notice kind="success">{message}</Notice>}
      <ResourceStatus resource={orgs} />
      {orgs.data && (
        <TableWrap label={t('orgs.title')}>
          <table class="table" data-testid="orgs">
            <thead>
              <tr>
                <th scope="col">{t('orgs.col.name')}</th>
                <th scope="col">{t('orgs.col.sector')}</th>
                <th scope="col">{t('orgs.col.membership')}</th>
                <th scope="col">{t('common.created')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {orgs.data.items.map((o) => (
                <tr key={o.id}>
                  <td>{o.name}</td>
                  <td>{sectorName(sectors.data?.items, o.sector, o.sub_sector, lang)}</td>
                  <td>
                    <MembershipBadge membership={o.membership} />
                  </td>
                  <td class="cell-time">{time(o.created)}</td>
                  <td class="cell-actions">
                    <button type="button" class="button-small" onClick={() => setEditing(o)} aria-label={`${t('common.edit')}: ${o.name}`}>
                      {t('common.edit')}
                    </button>
                    <Link class="button button-small button-secondary" href={`/admin/users?org=${o.id}`}>
                      {t('orgs.users')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {editing && (
        <OrgForm
          org={editing === 'new' ? undefined : editing}
          sectors={sectors.data?.items ?? []}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setMessage(t('common.saved'));
            orgs.reload();
          }}
        />
      )}
    </>
  );
}

function OrgForm(props: { org?: Organisation; sectors: Sector[]; onClose: () => void; onSaved: () => void }) {
  const { t, lang } = useI18n();
  const [name, setName] = useState(props.org?.name ?? '');
  const [sector, setSector] = useState(props.org?.sector ?? 'none');
  const [subSector, setSubSector] = useState(props.org?.sub_sector ?? '');
  const [membership, setMembership] = useState<Membership>(props.org?.membership ?? 'participant');
  const sub = useSubmit();
  const formId = 'org-form';
  const subs = props.sectors.find((s) => s.code === sector)?.sub_sectors ?? [];
  const label = (x: { name_ja: string; name_en: string }) => (lang === 'ja' ? x.name_ja : x.name_en);

  return (
    <Dialog
      title={props.org ? t('orgs.editTitle') : t('orgs.createTitle')}
      onClose={props.onClose}
      actions={<SaveCancelActions formId={formId} busy={sub.busy} onCancel={props.onClose} />}
    >
      <form
        id={formId}
        class="form"
        onSubmit={(e) => {
          e.preventDefault();
          void sub.run(async () => {
            const input: OrganisationInput = { name: name.trim(), sector, sub_sector: subSector, membership };
            if (props.org) await api.orgs.update(props.org.id, input);
            else await api.orgs.create(input);
            props.onSaved();
          });
        }}
      >
        <Field id="org-name" label={t('orgs.name')} error={sub.fieldError('name')} required>
          {(a) => <input {...a} type="text" maxLength={200} value={name} onInput={(e) => setName(valueOf(e))} />}
        </Field>
        <Field id="org-sector" label={t('orgs.sector')} error={sub.fieldError('sector')} required>
          {(a) => (
            <select
              {...a}
              value={sector}
              onChange={(e) => {
                setSector(valueOf(e));
                setSubSector('');
              }}
            >
              {props.sectors.map((s) => (
                <option key={s.code} value={s.code}>
                  {label(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {subs.length > 0 && (
          <Field id="org-sub_sector" label={t('orgs.subSector')} error={sub.fieldError('sub_sector')}>
            {(a) => (
              <select {...a} value={subSector} onChange={(e) => setSubSector(valueOf(e))}>
                <option value="">{t('orgs.subSectorNone')}</option>
                {subs.map((s) => (
                  <option key={s.code} value={s.code}>
                    {label(s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field id="org-membership" label={t('orgs.membership')} help={t('orgs.membershipHelp')} error={sub.fieldError('membership')} required>
          {(a) => (
            <select {...a} value={membership} onChange={(e) => setMembership(valueOf(e) as Membership)}>
              {MEMBERSHIPS.map((m) => (
                <option key={m} value={m}>
                  {t('orgs.membershipSees', { membership: t(`membership.${m}`), level: NARROWEST_VISIBLE[m] })}
                </option>
              ))}
            </select>
          )}
        </Field>
        {sub.error && !sub.error.field && <ErrorNotice error={sub.error} />}
      </form>
    </Dialog>
  );
}
