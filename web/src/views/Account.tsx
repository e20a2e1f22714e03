// The viewer's own page: who they are, display preferences (language,
// time zone — kept in this browser), their API keys, and the operating
// rules they accepted.
import { TIME_ZONE_CHOICES, type TimeZoneChoice } from '../format.ts';
import { Facts, MembershipBadge, valueOf } from '../components/ui.tsx';
import { useI18n, useSession } from '../context.ts';
import { useTitle } from '../hooks.ts';
import { LANGS, type Lang } from '../i18n/index.ts';
import { Link } from '../router.tsx';
import { ApiKeys } from './ApiKeys.tsx';

const LANG_NAMES: Record<Lang, string> = { ja: '日本語', en: 'English' };

export function Account() {
  const { t, lang, setLang, timeZone, setTimeZone } = useI18n();
  const { session } = useSession();
  useTitle(t('account.title'));
  const { user, organisation: org } = session;
  const sector = lang === 'ja' ? org.sector_name_ja : org.sector_name_en;

  return (
    <>
      <h1>{t('account.title')}</h1>
      <div class="columns">
        <section class="section card" aria-labelledby="profile-heading">
          <h2 id="profile-heading">{t('account.profile')}</h2>
          <Facts
            items={[
              [t('account.email'), user.email],
              [t('account.displayName'), user.display_name || '—'],
              [t('account.role'), t(`role.${user.role}`)],
              [t('account.org'), org.name],
              [t('account.membership'), <MembershipBadge membership={org.membership} />],
              [t('account.sector'), sector || org.sector],
              [t('rules.title'), <Link href="/rules">{t('users.rulesVersion', { version: user.accepted_rules_version })}</Link>],
            ]}
          />
        </section>
        <section class="section card" aria-labelledby="prefs-heading">
          <h2 id="prefs-heading">{t('prefs.title')}</h2>
          <div class="form">
            <div class="field">
              <label for="pref-lang">{t('prefs.language')}</label>
              <select id="pref-lang" value={lang} onChange={(e) => setLang(valueOf(e) as Lang)}>
                {LANGS.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {LANG_NAMES[l]}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="pref-tz">{t('prefs.timezone')}</label>
              <select id="pref-tz" value={timeZone} onChange={(e) => setTimeZone(valueOf(e) as TimeZoneChoice)}>
                {TIME_ZONE_CHOICES.map((z) => (
                  <option key={z} value={z}>
                    {t(`tz.${z}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </section>
      </div>
      <ApiKeys />
    </>
  );
}
