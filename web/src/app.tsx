// The application: display preferences, the session, and which page to
// show. Without a session it shows the login page; with one whose user has
// not accepted the current operating rules, the rules page; otherwise the
// layout with the page for the URL.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError } from './api/client.ts';
import { api, client } from './api/endpoints.ts';
import type { Session } from './api/types.ts';
import { Layout, PlainLayout } from './components/Layout.tsx';
import { ErrorNotice, Loading } from './components/ui.tsx';
import { I18nContext, SessionContext, type I18n, type SessionState } from './context.ts';
import { formatTime } from './format.ts';
import { makeTranslate } from './i18n/index.ts';
import { loadPrefs, savePrefs, type Prefs } from './prefs.ts';
import { mayOpen, resolveRoute } from './routes.tsx';
import { navigate, safeNext, useLocation, withQuery } from './router.tsx';
import { Login } from './views/Login.tsx';
import { Forbidden, NotFound } from './views/NotFound.tsx';
import { RulesAcceptance } from './views/Rules.tsx';

export function App() {
  const [prefs, setPrefs] = useState<Prefs>(loadPrefs);
  // undefined: not known yet; null: nobody is logged in.
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [bootError, setBootError] = useState<ApiError | undefined>(undefined);
  const [loggedOut, setLoggedOut] = useState(false);
  const location = useLocation();

  const i18n = useMemo<I18n>(() => {
    const update = (p: Partial<Prefs>) =>
      setPrefs((old) => {
        const next = { ...old, ...p };
        savePrefs(next);
        return next;
      });
    return {
      lang: prefs.lang,
      t: makeTranslate(prefs.lang),
      setLang: (lang) => update({ lang }),
      timeZone: prefs.timeZone,
      setTimeZone: (timeZone) => update({ timeZone }),
      time: (iso) => formatTime(iso, prefs.timeZone),
    };
  }, [prefs]);

  useEffect(() => {
    document.documentElement.lang = prefs.lang;
  }, [prefs.lang]);

  const loadSession = () => {
    setBootError(undefined);
    api.session.current().then(setSession, (e: unknown) => {
      if (e instanceof ApiError && e.status === 401) setSession(null);
      else setBootError(e instanceof ApiError ? e : new ApiError(0, 'network', String(e)));
    });
  };

  useEffect(() => {
    client.hooks = {
      unauthenticated: () => setSession(null),
      rulesNotAccepted: () => setSession((s) => (s ? { ...s, must_accept_rules: true } : s)),
    };
    loadSession();
  }, []);

  const onLoginPage = location.path === '/login';
  const next = safeNext(location.query.get('next'));

  // Keep the URL honest: /login?next=… without a session, the page itself with one.
  useEffect(() => {
    if (session === null && !onLoginPage) {
      const here = location.path + (location.query.toString() ? `?${location.query}` : '');
      navigate(withQuery('/login', { next: here === '/' ? undefined : here }), { replace: true });
    } else if (session && (onLoginPage || location.path === '/')) {
      navigate(onLoginPage ? next : '/events', { replace: true });
    }
  }, [session, onLoginPage, location.path]);

  const state = useMemo<SessionState | null>(() => {
    if (!session) return null;
    return {
      session,
      refresh: async () => setSession(await api.session.current()),
      logout: async () => {
        try {
          await api.session.logout();
        } finally {
          setSession(null);
          setLoggedOut(true);
          navigate('/login', { replace: true });
        }
      },
    };
  }, [session]);

  let page;
  if (bootError) {
    page = (
      <PlainLayout>
        <ErrorNotice error={bootError} onRetry={loadSession} />
      </PlainLayout>
    );
  } else if (session === undefined) {
    page = (
      <PlainLayout>
        <Loading />
      </PlainLayout>
    );
  } else if (session === null || !state) {
    page = (
      <Login
        loggedOut={loggedOut}
        onLogin={(s) => {
          setLoggedOut(false);
          setSession(s);
        }}
      />
    );
  } else if (session.must_accept_rules) {
    page = <RulesAcceptance onAccepted={state.refresh} onLogout={() => void state.logout()} />;
  } else {
    const found = resolveRoute(location.path);
    const body = !found ? <NotFound /> : !mayOpen(found.route.access, session) ? <Forbidden /> : found.route.render(found.params, state);
    page = <Layout>{body}</Layout>;
  }

  return (
    <I18nContext.Provider value={i18n}>
      <SessionContext.Provider value={state}>{page}</SessionContext.Provider>
    </I18nContext.Provider>
  );
}
