// The console's pages: a path pattern, who may open it, and its view.
// Adding a page: write the view under views/, add a line here, and (if it
// belongs in the menu) a NavItem in components/Layout.tsx.
import type { JSX } from 'preact';
import type { Session } from './api/types.ts';
import type { SessionState } from './context.ts';
import { matchPath } from './router.tsx';
import { Account } from './views/Account.tsx';
import { AdminRules } from './views/admin/AdminRules.tsx';
import { Audit } from './views/admin/Audit.tsx';
import { Orgs } from './views/admin/Orgs.tsx';
import { Users } from './views/admin/Users.tsx';
import { ConsentRequests } from './views/Consent.tsx';
import { EventCreate, EventEdit } from './views/EventForm.tsx';
import { EventList } from './views/EventList.tsx';
import { EventView } from './views/EventView.tsx';
import { FollowUpReport, REPORT_PATH } from './views/FollowUpReport.tsx';
import { Import } from './views/Import.tsx';
import { MailAnalysis } from './views/MailAnalysis.tsx';
import { RulesView } from './views/RulesView.tsx';
import { Samples } from './views/Samples.tsx';
import { SampleView } from './views/SampleView.tsx';
import { YaraEdit, YaraList, YaraNew } from './views/YaraRules.tsx';

export type Access = 'user' | 'admin' | 'instanceAdmin';

export interface RouteDef {
  pattern: string;
  access: Access;
  render(params: Record<string, string>, state: SessionState): JSX.Element;
}

export const ROUTES: RouteDef[] = [
  { pattern: '/events', access: 'user', render: () => <EventList /> },
  { pattern: '/events/new', access: 'user', render: () => <EventCreate /> },
  { pattern: '/events/:id', access: 'user', render: (p) => <EventView id={p.id ?? ''} key={p.id} /> },
  { pattern: '/events/:id/edit', access: 'user', render: (p) => <EventEdit id={p.id ?? ''} key={p.id} /> },
  { pattern: '/samples', access: 'user', render: () => <Samples /> },
  { pattern: '/samples/:sha256', access: 'user', render: (p) => <SampleView sha256={p.sha256 ?? ''} key={p.sha256} /> },
  { pattern: '/yara', access: 'user', render: () => <YaraList /> },
  { pattern: '/yara/new', access: 'user', render: () => <YaraNew /> },
  { pattern: '/yara/:id', access: 'user', render: (p) => <YaraEdit id={p.id ?? ''} key={p.id} /> },
  { pattern: '/consent', access: 'user', render: () => <ConsentRequests /> },
  { pattern: '/import', access: 'user', render: () => <Import /> },
  { pattern: '/mail', access: 'user', render: () => <MailAnalysis /> },
  { pattern: REPORT_PATH, access: 'user', render: () => <FollowUpReport /> },
  { pattern: '/account', access: 'user', render: () => <Account /> },
  { pattern: '/rules', access: 'user', render: () => <RulesView /> },
  { pattern: '/admin/orgs', access: 'instanceAdmin', render: () => <Orgs /> },
  { pattern: '/admin/users', access: 'admin', render: () => <Users /> },
  { pattern: '/admin/rules', access: 'instanceAdmin', render: (_p, s) => <AdminRules onPublished={s.refresh} /> },
  { pattern: '/admin/audit', access: 'instanceAdmin', render: () => <Audit /> },
];

/** The first route whose pattern matches `path`, with its parameters. */
export function resolveRoute(path: string): { route: RouteDef; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (params) return { route, params };
  }
  return null;
}

export function mayOpen(access: Access, session: Session): boolean {
  if (access === 'instanceAdmin') return session.instance_admin;
  if (access === 'admin') return session.user.role === 'admin';
  return true;
}
