// The JSON shapes of the REST API (src/server/api/json_io.cpp is the source
// of truth). Only types: no code, so that views, the client and tests share
// one definition.

export const LEVELS = ['RED', 'AMBER', 'YELLOW', 'GREEN', 'WHITE'] as const;
/** A sharing level, narrowest first. */
export type Level = (typeof LEVELS)[number];

export const CATEGORIES = ['A', 'B-a', 'B-b', 'B-c', 'C'] as const;
export type Category = (typeof CATEGORIES)[number];

export const TIMINGS = ['peacetime', 'alert'] as const;
export type Timing = (typeof TIMINGS)[number];

export const EVENT_STATUSES = ['draft', 'pending', 'published'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const MEMBERSHIPS = ['secretariat', 'analyst', 'participant', 'observer', 'related'] as const;
export type Membership = (typeof MEMBERSHIPS)[number];

export const ROLES = ['admin', 'analyst', 'member', 'readonly'] as const;
export type Role = (typeof ROLES)[number];

export const EVENT_SORTS = ['-modified', 'modified', '-created', 'created', 'title', 'level'] as const;
export type EventSort = (typeof EVENT_SORTS)[number];

export const INDICATOR_TYPES = [
  'ipv4', 'ipv6', 'cidr', 'domain', 'hostname', 'url', 'email-addr', 'email-subject',
  'filename', 'md5', 'sha1', 'sha256', 'sha512', 'ssdeep', 'tlsh', 'mutex',
  'registry-key', 'user-agent', 'ja3', 'text',
] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];

export const USE_ACTIONS = ['blocked', 'detected', 'false_positive', 'not_relevant'] as const;
/** What a member did with a shared event (POST /api/v1/events/{id}/uses). */
export type UseAction = (typeof USE_ACTIONS)[number];

export const REPORT_PERIODS = ['month', 'quarter', 'half', 'fiscal-year'] as const;
/** The periods of the follow-up report; half and fiscal-year follow the Japanese fiscal year (April–March). */
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

export const CONSENT_STATES = ['pending', 'approved', 'rejected'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

/** Times are RFC 3339 strings in UTC, e.g. "2026-11-22T12:04:00.000000Z". */
export type Time = string;

export interface Organisation {
  id: number;
  name: string;
  sector: string;
  sector_name_ja: string;
  sector_name_en: string;
  sub_sector: string;
  membership: Membership;
  created: Time;
}

export interface User {
  id: number;
  org_id: number;
  email: string;
  display_name: string;
  role: Role;
  disabled: boolean;
  accepted_rules_version: number;
  created: Time;
}

export interface Session {
  user: User;
  organisation: Organisation;
  must_accept_rules: boolean;
  instance_admin: boolean;
  csrf_token?: string;
}

export interface ApiKey {
  id: number;
  user_id: number;
  name: string;
  prefix: string;
  created: Time;
  last_used: Time;
  revoked: boolean;
}

/** The answer to creating a key: the only time the secret is shown. */
export interface NewApiKey extends ApiKey {
  key: string;
}

export interface SharedEvent {
  id: string;
  title: string;
  description: string;
  level: Level;
  tlp: string;
  category: Category;
  timing: Timing;
  tags: string[];
  status: EventStatus;
  provider: { id: number; name: string };
  submitter_org_id: number;
  created: Time;
  modified: Time;
}

export interface Indicator {
  id: string;
  event_id: string;
  type: IndicatorType;
  value: string;
  level: Level | null;
  effective_level: Level;
  first_seen: Time | null;
  last_seen: Time | null;
  confidence: number | null;
  comment: string;
  created: Time;
  modified: Time;
}

/** One line of POST /api/v1/indicators/parse. */
export interface ParsedLine {
  line: number;
  input: string;
  type?: IndicatorType;
  value?: string;
  error?: string;
}

/** One finding of POST /api/v1/extract; offset and length are in UTF-8 bytes of the text. */
export interface ExtractFinding {
  kind: 'indicator' | 'vulnerability' | 'attack';
  type?: IndicatorType;
  value: string;
  tag?: string;
  offset: number;
  length: number;
}

export interface ExtractResult {
  format: 'plain' | 'markdown' | 'html';
  total: number;
  findings: ExtractFinding[];
}

export interface ConsentRequest {
  id: string;
  kind: 'widen' | 'publish';
  event_id: string;
  provider_org_id: number;
  requester_org_id: number;
  requester_user_id: number;
  from_level: Level | null;
  to_level: Level | null;
  reason: string;
  state: ConsentState;
  decided_by_user_id: number | null;
  decision_comment: string;
  created: Time;
  decided: Time | null;
}

export interface RulesVersion {
  version: number;
  text: string;
  created: Time;
}

export interface CurrentRules extends RulesVersion {
  accepted: boolean;
}

export interface SubSector {
  code: string;
  name_ja: string;
  name_en: string;
}

export interface Sector extends SubSector {
  sub_sectors: SubSector[];
}

export interface AuditEntry {
  seq: number;
  time: Time;
  user_id: number;
  org_id: number;
  actor: string;
  action: string;
  object_type: string;
  object_id: string;
  address: string;
  detail: unknown;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  head_hash: string;
  first_bad_seq?: number;
  problem?: string;
}

/** One report of a sighting; org_id and terminals are null unless the reporter shared its identity (or it is the viewer's own). */
export interface Sighting {
  id: string;
  org_id: number | null;
  first_seen: Time;
  last_seen: Time;
  count: number;
  terminals: unknown[] | null;
  source: 'manual' | 'hunt';
  created: Time;
}

/** GET /api/v1/indicators/{id}/sightings: totals over all reports, then the reports. */
export interface SightingSummary {
  indicator_id: string;
  count: number;
  reports: number;
  first_seen: Time | null;
  last_seen: Time | null;
  items: Sighting[];
}

/** One item of GET /api/v1/events/{id}/sightings (only indicators with sightings). */
export interface EventIndicatorSightings extends SightingSummary {
  type: IndicatorType;
  value: string;
}

export interface SightingResult {
  recorded: number;
  /** Positions of the sightings that matched no visible indicator. */
  unmatched: number[];
}

/** A use of an event; org_id is null and comment empty unless the reporter shared its identity (or it is the viewer's own). */
export interface EventUse {
  id: string;
  event_id: string;
  event_title: string;
  provider: { id: number; name: string };
  org_id: number | null;
  action: UseAction;
  comment: string;
  created: Time;
}

export type ActionCounts = Record<UseAction, number>;

/** GET /api/v1/reports/use: counts of what the viewer may see. */
export interface UseReport {
  totals: ActionCounts;
  by_event: { event_id: string; title: string; provider_org_id: number; counts: ActionCounts }[];
  by_provider: { provider: { id: number; name: string }; counts: ActionCounts }[];
  /** Ordered by label: "2026-05", "2026-Q2", "FY2026-H1", "FY2026". Periods without uses are left out. */
  by_period: { period: string; counts: ActionCounts }[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  per_page: number;
}

export interface Items<T> {
  items: T[];
}

/** The error body of every failed API call. */
export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

// --- request bodies -------------------------------------------------------

export interface EventInput {
  title?: string;
  description?: string;
  level?: Level;
  category?: Category;
  timing?: Timing;
  status?: 'draft' | 'published';
  tags?: string[];
  provider?: number | string;
}

export interface IndicatorInput {
  type?: IndicatorType;
  value?: string;
  /** null clears a narrower level. */
  level?: Level | null;
  first_seen?: string;
  last_seen?: string;
  confidence?: number;
  comment?: string;
}

export interface EventFilter {
  level?: Level;
  category?: Category;
  timing?: Timing;
  status?: EventStatus;
  tag?: string;
  provider?: string;
  q?: string;
  sort?: EventSort;
  page?: number;
  per_page?: number;
}

export interface SightingInput {
  indicator_id?: string;
  type?: IndicatorType;
  value?: string;
  first_seen: string;
  last_seen: string;
  count?: number;
  terminals?: unknown[];
}

export interface UseInput {
  action: UseAction;
  comment?: string;
  share_identity?: boolean;
}

export interface UseReportFilter {
  period?: ReportPeriod;
  /** RFC 3339, inclusive. */
  from?: string;
  /** RFC 3339, exclusive. */
  to?: string;
  provider?: number | string;
}

export interface OrganisationInput {
  name?: string;
  sector?: string;
  sub_sector?: string;
  membership?: Membership;
}

export interface UserInput {
  org_id?: number;
  email?: string;
  display_name?: string;
  role?: Role;
  disabled?: boolean;
  password?: string;
}

export const FILE_KINDS = [
  'pe_executable', 'ms_dos_executable', 'elf', 'macho', 'shell_script', 'powershell', 'batch', 'vbscript', 'javascript', 'hta', 'lnk',
  'office_ole', 'office_ooxml', 'office_ooxml_macro', 'rtf', 'pdf', 'zip', 'lzh', '7z', 'rar', 'tar', 'gzip',
  'bzip2', 'xz', 'cab', 'iso', 'html', 'image', 'text', 'other',
] as const;

/** Digests and type of a sample's bytes (src/server/api/sample_json.cpp). */
export interface SampleContent {
  sha256: string;
  md5: string;
  sha1: string;
  sha512: string;
  ssdeep: string;
  tlsh: string;
  size: number;
  kind: string;
  mime: string;
  description: string;
  entropy: number;
  level: Level;
  tlp: string;
}

export interface SampleRow extends SampleContent {
  names: string[];
  first_seen: Time;
  last_seen: Time;
  archive_member: boolean;
}

export interface SampleSubmission {
  id: string;
  name: string;
  level: Level;
  provider: { id: number; name: string };
  created: Time;
  disguised_executable: boolean;
  event_id?: string;
  path?: string;
}

export interface SampleLink {
  sha256: string;
  path: string;
  name: string;
  level: Level;
  kind: string;
  size: number;
}

export interface FoundIndicator {
  kind?: string;
  type?: string;
  value: string;
  offset?: number;
}

export interface PeSection {
  name: string;
  virtual_size?: number;
  raw_size?: number;
  entropy?: number;
}

export interface PeImport {
  dll: string;
  functions: string[];
}

/** The content report (src/ingest/content/analysis_json.cpp); fields vary with the kind. */
export interface SampleAnalysis {
  indicators?: FoundIndicator[];
  indicators_truncated?: boolean;
  strings?: { found: number; truncated: boolean };
  is_archive?: boolean;
  pe?: {
    machine?: string;
    is_64bit?: boolean;
    is_dll?: boolean;
    subsystem?: string;
    compile_time?: string;
    sections?: PeSection[];
    imports?: PeImport[];
    warnings?: string[];
  } | null;
  [key: string]: unknown;
}

export interface Sample extends SampleContent {
  submissions: SampleSubmission[];
  children: SampleLink[];
  parents: SampleLink[];
  yara: { rule_id: string; rule_name: string; identifier: string }[];
  tags: string[];
  analysis: SampleAnalysis;
}

export interface UploadedSample extends Sample {
  created: boolean;
  members_added: number;
  warnings: string[];
}

export interface SampleFilter {
  page?: number;
  per_page?: number;
  q?: string;
  level?: Level;
  type?: string;
  tag?: string;
}

export interface YaraRule {
  id: string;
  name: string;
  text: string;
  level: Level;
  tlp: string;
  provider: { id: number; name: string };
  version: number;
  created: Time;
  modified: Time;
}

export interface YaraDiagnostic {
  line: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface YaraSaved extends YaraRule {
  diagnostics: YaraDiagnostic[];
  rescan: { scanned: number; matched: number };
}

export interface YaraRuleInput {
  name?: string;
  text?: string;
  level?: Level;
}

export type ImportFormat = 'stix' | 'misp' | 'csv' | 'text';

export interface ImportProblem {
  object_id?: string;
  property?: string;
  line?: number;
  message: string;
  fatal: boolean;
}

export interface ImportReport {
  format: ImportFormat;
  stored: boolean;
  objects_read: number;
  objects_kept: number;
  events_created: number;
  events_updated: number;
  indicators_added: number;
  sightings_added: number;
  attack_entries: number;
  event_ids: string[];
  problems: ImportProblem[];
}

export interface ImportJob {
  id: string;
  status: 'receiving' | 'parsing' | 'storing' | 'done' | 'failed';
  file: string;
  created: Time;
  progress: { done: number; total: number };
  report?: ImportReport;
  error?: { code: string; message: string };
}

export interface ImportOptions {
  format?: ImportFormat;
  level: Level;
  best_effort: boolean;
}

// --- targeted-attack mail analysis (docs/mail.md) ---
export interface MailMailbox {
  name: string;
  address: string;
}

export interface MailFinding {
  code: string;
  reason: string;
  reason_ja: string;
}

export interface MailAttachment {
  name: string;
  content_type: string;
  size: number;
  md5: string;
  sha1: string;
  sha256: string;
  type: string;
  description: string;
  mime: string;
  disguised_executable: boolean;
  is_archive: boolean;
  archive_error: string | null;
  members: {
    path: string;
    name: string;
    depth: number;
    size: number;
    type: string;
    encrypted: boolean;
    locked: boolean;
    disguised_executable: boolean;
    sha256: string | null;
  }[];
}

export interface MailAnalysis {
  subject: string;
  from: MailMailbox[];
  reply_to: MailMailbox[];
  to: MailMailbox[];
  return_path: string;
  date: string;
  message_id: string;
  x_mailer: string;
  received: { from: string; by: string; ip: string; date: string }[];
  authentication: { method: string; result: string; domain: string; authserv: string }[];
  attachments: MailAttachment[];
  links: { href: string; text: string }[];
  urls: string[];
  codes: string[];
  findings: MailFinding[];
  indicators: { type: string; value: string; source: string }[];
  warnings: string[];
}

export interface MailEventQuery {
  level: Level;
  title?: string;
  category?: string;
}

export interface MailEventCreated {
  event_id: string;
  indicators_added: number;
  analysis: MailAnalysis;
}
