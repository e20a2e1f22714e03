// Dates and numbers for display. API times are UTC (RFC 3339); the console
// shows them in Japan time by default, always with the zone:
// "2026-11-22 21:04 JST".

export const TIME_ZONE_CHOICES = ['Asia/Tokyo', 'UTC', 'local'] as const;
/** An IANA zone we offer, or "local" for the browser's own. */
export type TimeZoneChoice = (typeof TIME_ZONE_CHOICES)[number];
export const DEFAULT_TIME_ZONE: TimeZoneChoice = 'Asia/Tokyo';

export function isTimeZoneChoice(value: unknown): value is TimeZoneChoice {
  return typeof value === 'string' && (TIME_ZONE_CHOICES as readonly string[]).includes(value);
}

/** Zones whose usual abbreviation Intl does not give in every locale. */
const ZONE_ABBREVIATIONS: Record<string, string> = { 'Asia/Tokyo': 'JST', UTC: 'UTC', 'Etc/UTC': 'UTC' };

function resolveZone(choice: TimeZoneChoice): string {
  return choice === 'local' ? Intl.DateTimeFormat().resolvedOptions().timeZone : choice;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/**
 * "2026-11-22T12:04:00Z" → "2026-11-22 21:04 JST" (for Asia/Tokyo). Empty or
 * missing → "", unparsable → the input unchanged.
 */
export function formatTime(iso: string | null | undefined, choice: TimeZoneChoice = DEFAULT_TIME_ZONE): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const zone = resolveZone(choice);
  const parts: Record<string, string> = {};
  for (const p of formatter(zone).formatToParts(date)) parts[p.type] = p.value;
  const name = ZONE_ABBREVIATIONS[zone] ?? parts.timeZoneName ?? zone;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${name}`;
}

/** Only the date part: "2026-11-22". */
export function formatDate(iso: string | null | undefined, choice: TimeZoneChoice = DEFAULT_TIME_ZONE): string {
  return formatTime(iso, choice).slice(0, 10);
}

export function formatNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-GB').format(n);
}
