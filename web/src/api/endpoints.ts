// Typed functions for the REST API's routes, one group per resource, in the
// order of docs/api.md. A view calls `api.events.list(filter)`, never fetch.
// Adding a call: add its types to types.ts and one line here.
import { ApiClient, uploadFile } from './client.ts';
import type {
  ApiKey, AuditEntry, AuditVerification, ConsentRequest, ConsentState, CurrentRules, EventFilter,
  EventInput, Indicator, IndicatorInput, Items, Level, NewApiKey, Organisation, OrganisationInput,
  Page, ParsedLine, RulesVersion, Sector, Session, SharedEvent, User, UserInput,
  EventIndicatorSightings, EventUse, SightingInput, SightingResult, SightingSummary, UseInput, UseReport,
  UseReportFilter, Sample, SampleFilter, SampleRow, UploadedSample, YaraRule, YaraRuleInput, YaraSaved,
  ImportJob, ImportOptions, MailAnalysis, MailEventCreated, MailEventQuery,
  ExtractResult,
} from './types.ts';

const V1 = '/api/v1';
const seg = (id: string | number) => encodeURIComponent(String(id));

export function makeApi(c: ApiClient) {
  const get = <T>(path: string, query?: Parameters<ApiClient['get']>[1]) => c.get(V1 + path, query) as Promise<T>;
  const send = <T>(method: string, path: string, body?: unknown) =>
    c.request(method, V1 + path, { body }) as Promise<T>;

  return {
    session: {
      /** Logs in; the answer carries the CSRF token, which the client keeps. */
      async login(email: string, password: string): Promise<Session> {
        const s = (await c.request('POST', `${V1}/session`, {
          body: { email, password },
          authHooks: false,
        })) as Session;
        c.setCsrfToken(s.csrf_token);
        return s;
      },
      /** Who is logged in; rejects with a 401 ApiError when nobody is. */
      async current(): Promise<Session> {
        const s = (await c.request('GET', `${V1}/session`, { authHooks: false })) as Session;
        c.setCsrfToken(s.csrf_token);
        return s;
      },
      async logout(): Promise<void> {
        await c.request('DELETE', `${V1}/session`, { authHooks: false });
        c.setCsrfToken('');
      },
    },
    rules: {
      current: () => get<CurrentRules>('/rules'),
      versions: () => get<Items<RulesVersion>>('/rules/versions'),
      accept: (version: number) => send<{ accepted: number }>('POST', '/rules/accept', { version }),
      publish: (text: string) => send<RulesVersion>('POST', '/rules', { text }),
    },
    sectors: {
      list: () => get<Items<Sector>>('/sectors'),
    },
    orgs: {
      list: () => get<Items<Organisation>>('/orgs'),
      get: (id: number | string) => get<Organisation>(`/orgs/${seg(id)}`),
      create: (input: OrganisationInput) => send<Organisation>('POST', '/orgs', input),
      update: (id: number, input: OrganisationInput) => send<Organisation>('PATCH', `/orgs/${id}`, input),
    },
    users: {
      list: (org?: number) => get<Items<User>>('/users', { org }),
      create: (input: UserInput) => send<User>('POST', '/users', input),
      update: (id: number, input: UserInput) => send<User>('PATCH', `/users/${id}`, input),
      setPassword: (id: number, password: string) => send<void>('POST', `/users/${id}/password`, { password }),
    },
    keys: {
      /** The keys of `user` (an administrator's view), or the viewer's own. */
      list: (user?: number) => get<Items<ApiKey>>('/keys', { user }),
      create: (name: string, user?: number) =>
        c.request('POST', `${V1}/keys`, { body: { name }, query: { user } }) as Promise<NewApiKey>,
      revoke: (id: number, user?: number) =>
        c.request('DELETE', `${V1}/keys/${id}`, { query: { user } }) as Promise<void>,
    },
    events: {
      list: (filter: EventFilter) => get<Page<SharedEvent>>('/events', { ...filter }),
      get: (id: string) => get<SharedEvent>(`/events/${seg(id)}`),
      create: (input: EventInput) => send<SharedEvent>('POST', '/events', input),
      update: (id: string, input: EventInput) => send<SharedEvent>('PATCH', `/events/${seg(id)}`, input),
      remove: (id: string) => send<void>('DELETE', `/events/${seg(id)}`),
      indicators: (id: string, page = 1, per_page = 100) =>
        get<Page<Indicator>>(`/events/${seg(id)}/indicators`, { page, per_page }),
      addIndicators: (id: string, indicators: IndicatorInput[]) =>
        send<Items<Indicator>>('POST', `/events/${seg(id)}/indicators`, { indicators }),
      requestWiden: (id: string, level: Level, reason: string) =>
        send<ConsentRequest>('POST', `/events/${seg(id)}/consent-requests`, { level, reason }),
      sightings: (id: string) => get<Items<EventIndicatorSightings>>(`/events/${seg(id)}/sightings`),
      uses: (id: string) => get<Items<EventUse>>(`/events/${seg(id)}/uses`),
      recordUse: (id: string, input: UseInput) =>
        send<{ id: string; action: string; created: string }>('POST', `/events/${seg(id)}/uses`, input),
    },
    indicators: {
      parse: (text: string) => send<Items<ParsedLine>>('POST', '/indicators/parse', { text }),
      extract: (text: string) => send<ExtractResult>('POST', '/extract', { text, format: 'auto' }),
      update: (id: string, input: IndicatorInput) => send<Indicator>('PATCH', `/indicators/${seg(id)}`, input),
      remove: (id: string) => send<void>('DELETE', `/indicators/${seg(id)}`),
      sightings: (id: string) => get<SightingSummary>(`/indicators/${seg(id)}/sightings`),
    },
    sightings: {
      report: (sightings: SightingInput[], share_identity: boolean, source: 'manual' | 'hunt' = 'manual') =>
        send<SightingResult>('POST', '/sightings', { sightings, share_identity, source }),
    },
    reports: {
      use: (filter: UseReportFilter) => get<UseReport>('/reports/use', { ...filter }),
    },
    consent: {
      list: (state?: ConsentState) => get<Items<ConsentRequest>>('/consent-requests', { state }),
      approve: (id: string, comment: string) =>
        send<ConsentRequest>('POST', `/consent-requests/${seg(id)}/approve`, { comment }),
      reject: (id: string, comment: string) =>
        send<ConsentRequest>('POST', `/consent-requests/${seg(id)}/reject`, { comment }),
    },
    samples: {
      list: (filter: SampleFilter) => get<Page<SampleRow>>('/samples', { ...filter }),
      get: (sha256: string) => get<Sample>(`/samples/${seg(sha256)}`),
      /** Uploads a file as the raw body; `onProgress` follows the bytes sent. */
      upload: async (
        file: File,
        options: { level: Level; event?: string },
        onProgress: (loaded: number, total: number) => void,
      ) =>
        (await uploadFile(c, `${V1}/samples`, { name: file.name, ...options }, file, onProgress))
          .body as UploadedSample,
      /** Where the browser downloads the zip (password "infected"). */
      downloadUrl: (sha256: string, aes = false) =>
        `${V1}/samples/${seg(sha256)}/download${aes ? '?encryption=aes256' : ''}`,
    },
    imports: {
      /** Sends the file as the raw body; the answer is the job to poll. */
      start: async (file: File, options: ImportOptions, onProgress: (loaded: number, total: number) => void) => {
        const query = { name: file.name, level: options.level, best_effort: String(options.best_effort), format: options.format };
        return (await uploadFile(c, `${V1}/import`, query, file, onProgress)).body as ImportJob;
      },
      get: (id: string) => get<ImportJob>(`/imports/${seg(id)}`),
      /** The caller's jobs, newest first, uploads still arriving included. */
      list: () => get<{ items: ImportJob[] }>('/imports'),
      /** Where the browser downloads an event as a STIX 2.1 bundle. */
      stixUrl: (eventId: string) => `${V1}/events/${seg(eventId)}/stix`,
    },
    mail: {
      /** Sends an .eml as the raw body; nothing is stored. */
      analyze: async (file: File) =>
        (await uploadFile(c, `${V1}/mail`, {}, file, () => undefined)).body as MailAnalysis,
      /** The analysis turned into an event at the chosen level. */
      createEvent: async (file: File, query: MailEventQuery) =>
        (await uploadFile(c, `${V1}/mail/event`, { ...query }, file, () => undefined)).body as MailEventCreated,
    },
    yara: {
      list: () => get<Items<YaraRule>>('/yara-rules'),
      get: (id: string) => get<YaraRule>(`/yara-rules/${seg(id)}`),
      create: (input: YaraRuleInput) => send<YaraSaved>('POST', '/yara-rules', input),
      update: (id: string, input: YaraRuleInput) => send<YaraSaved>('PUT', `/yara-rules/${seg(id)}`, input),
      remove: (id: string) => send<void>('DELETE', `/yara-rules/${seg(id)}`),
    },
    audit: {
      list: (after: number, limit: number) => get<Items<AuditEntry>>('/audit', { after, limit }),
      verify: () => get<AuditVerification>('/audit/verify'),
    },
  };
}

export type Api = ReturnType<typeof makeApi>;

/** The console's client and API; app.tsx connects the client's hooks to the session. */
export const client = new ApiClient();
export const api: Api = makeApi(client);
