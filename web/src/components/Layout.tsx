// The frame of every logged-in page: a skip link, the header (product name,
// navigation, the user's organisation and membership badge, language
// switch, logout) and <main>. Pages without a session (login, rules) use
// <PlainLayout>.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n, useSession } from '../context.ts';
import type { MessageKey } from '../i18n/index.ts';
import { Link, useLocation } from '../router.tsx';
import { MembershipBadge } from './ui.tsx';

interface NavItem {
  href: string;
  label: Extract<MessageKey, `nav.${string}`>;
  /** Highlighted for paths starting with this. */
  prefix: string;
}

function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <button
      type="button"
      class="button-header"
      lang={lang === 'ja' ? 'en' : 'ja'}
      aria-label={t('header.switchLanguageLabel')}
      onClick={() => setLang(lang === 'ja' ? 'en' : 'ja')}
    >
      {t('header.switchLanguage')}
    </button>
  );
}

/** Moves focus to the page's heading after navigation, so keyboard and screen-reader users start there. */
function useFocusOnNavigate(path: string) {
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const heading = main.current?.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }, [path]);
  return main;
}

function SkipLink() {
  const { t } = useI18n();
  return (
    <a class="skip-link" href="#main">
      {t('app.skip')}
    </a>
  );
}

export function Layout({ children }: { children: ComponentChildren }) {
  const { t } = useI18n();
  const { session, logout } = useSession();
  const { path } = useLocation();
  const main = useFocusOnNavigate(path);
  const isAdmin = session.user.role === 'admin';

  const nav: NavItem[] = [
    { href: '/events', label: 'nav.events', prefix: '/events' },
    { href: '/samples', label: 'nav.samples', prefix: '/samples' },
    { href: '/yara', label: 'nav.yara', prefix: '/yara' },
    { href: '/consent', label: 'nav.consent', prefix: '/consent' },
    { href: '/import', label: 'nav.import', prefix: '/import' },
    { href: '/mail', label: 'nav.mail', prefix: '/mail' },
    { href: '/reports/follow-up', label: 'nav.followUp', prefix: '/reports/follow-up' },
  ];
  if (session.user.role !== 'readonly') nav.splice(1, 0, { href: '/events/new', label: 'nav.newEvent', prefix: '/events/new' });
  if (session.instance_admin) {
    nav.push({ href: '/admin/orgs', label: 'nav.adminOrgs', prefix: '/admin/orgs' });
  }
  if (isAdmin) nav.push({ href: '/admin/users', label: 'nav.adminUsers', prefix: '/admin/users' });
  if (session.instance_admin) {
    nav.push({ href: '/admin/rules', label: 'nav.adminRules', prefix: '/admin/rules' });
    nav.push({ href: '/admin/audit', label: 'nav.adminAudit', prefix: '/admin/audit' });
  }
  // The longest matching prefix is the current section ("/events/new" over "/events").
  const current = nav
    .filter((n) => path === n.prefix || path.startsWith(n.prefix + '/'))
    .sort((a, b) => b.prefix.length - a.prefix.length)[0];

  const org = session.organisation;
  const userName = session.user.display_name || session.user.email;
  return (
    <>
      <SkipLink />
      <header class="site-header">
        <div class="header-top">
          <Link href="/events" class="brand">
            <span class="brand-name">{t('app.name')}</span>
            <span class="brand-tagline">{t('app.tagline')}</span>
          </Link>
          <div class="header-user">
            <span
              class="org-badge"
              data-testid="org-badge"
              title={t('header.orgBadge', { org: org.name, membership: t(`membership.${org.membership}`) })}
            >
              <span class="org-name">{org.name}</span>
              <MembershipBadge membership={org.membership} />
            </span>
            <Link href="/account" class="header-link" title={t('header.user', { user: session.user.email })}>
              {userName}
            </Link>
            <LanguageSwitch />
            <button type="button" class="button-header" onClick={() => void logout()}>
              {t('header.logout')}
            </button>
          </div>
        </div>
        <nav class="main-nav" aria-label={t('app.mainNav')}>
          <ul>
            {nav.map((n) => (
              <li key={n.href}>
                <Link href={n.href} aria-current={n === current ? 'page' : undefined}>
                  {t(n.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/** The frame of the login and rules pages: the product name and the language switch. */
export function PlainLayout({ children, actions }: { children: ComponentChildren; actions?: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <>
      <SkipLink />
      <header class="site-header site-header-plain">
        <div class="header-top">
          <span class="brand">
            <span class="brand-name">{t('app.name')}</span>
            <span class="brand-tagline">{t('app.tagline')}</span>
          </span>
          <div class="header-user">
            {actions}
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} class="main-narrow">
        {children}
      </main>
    </>
  );
}
