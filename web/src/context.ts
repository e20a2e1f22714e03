// What every view may ask for: the session (who is logged in, which
// organisation, whether they administer) and the display settings
// (translation, date formatting). Provided by app.tsx.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Session } from './api/types.ts';
import type { TimeZoneChoice } from './format.ts';
import type { Lang, Translate } from './i18n/index.ts';

export interface I18n {
  lang: Lang;
  t: Translate;
  setLang(lang: Lang): void;
  timeZone: TimeZoneChoice;
  setTimeZone(tz: TimeZoneChoice): void;
  /** An API time for display: "2026-11-22 21:04 JST". */
  time(iso: string | null | undefined): string;
}

export interface SessionState {
  session: Session;
  /** Reloads GET /api/v1/session (after accepting rules, changing one's own data). */
  refresh(): Promise<void>;
  logout(): Promise<void>;
}

export const I18nContext = createContext<I18n | null>(null);
export const SessionContext = createContext<SessionState | null>(null);

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside <I18nContext.Provider>');
  return v;
}

/** Views inside the logged-in layout only. */
export function useSession(): SessionState {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside a logged-in view');
  return v;
}
