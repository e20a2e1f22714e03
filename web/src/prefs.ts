// The user's display preferences, kept in this browser (localStorage):
// language (Japanese by default) and the time zone dates are shown in
// (Japan time by default).
import { DEFAULT_LANG, isLang, type Lang } from './i18n/index.ts';
import { DEFAULT_TIME_ZONE, isTimeZoneChoice, type TimeZoneChoice } from './format.ts';

export interface Prefs {
  lang: Lang;
  timeZone: TimeZoneChoice;
}

export const LANG_KEY = 'threatshare.lang';
export const TIME_ZONE_KEY = 'threatshare.timeZone';

/** Storage as far as we use it; localStorage, or a stand-in in tests. */
export type PrefsStorage = Pick<Storage, 'getItem' | 'setItem'>;

function browserStorage(): PrefsStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage disabled: preferences last for the page only
  }
}

export function loadPrefs(storage: PrefsStorage | undefined = browserStorage()): Prefs {
  const lang = storage?.getItem(LANG_KEY);
  const tz = storage?.getItem(TIME_ZONE_KEY);
  return {
    lang: isLang(lang) ? lang : DEFAULT_LANG,
    timeZone: isTimeZoneChoice(tz) ? tz : DEFAULT_TIME_ZONE,
  };
}

export function savePrefs(prefs: Prefs, storage: PrefsStorage | undefined = browserStorage()): void {
  try {
    storage?.setItem(LANG_KEY, prefs.lang);
    storage?.setItem(TIME_ZONE_KEY, prefs.timeZone);
  } catch {
    // full or disabled storage: keep the choice for this page only
  }
}
