// Translation: t(key, params) over typed dictionaries. Japanese is the
// default; the choice is kept in localStorage. Adding a string: add the key
// to ja.ts and en.ts (tsc fails until both have it), then call t('the.key').
import { en } from './en.ts';
import { ja, type MessageKey, type Messages } from './ja.ts';

export type { MessageKey, Messages };

export const LANGS = ['ja', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'ja';

export const dictionaries: Record<Lang, Messages> = { ja, en };

/** The {names} in a message, as a union of string literal types. */
type ParamNames<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | ParamNames<Rest> : never;
export type Params<K extends MessageKey> = ParamNames<(typeof ja)[K]>;
/** t's arguments after the key: none, or an object with exactly the message's parameters. */
export type ParamArgs<K extends MessageKey> = [Params<K>] extends [never]
  ? []
  : [params: Record<Params<K>, string | number>];

export type Translate = <K extends MessageKey>(key: K, ...params: ParamArgs<K>) => string;

/** Fills "{name}" placeholders; unknown names are left as they are. */
export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function makeTranslate(lang: Lang): Translate {
  const dict = dictionaries[lang];
  return (key, ...params) => interpolate(dict[key], params[0] as Record<string, string | number> | undefined);
}

/** The parameter names of a message, e.g. for checking that translations agree. */
export function paramNames(message: string): string[] {
  return [...message.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1] ?? '').sort();
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}
