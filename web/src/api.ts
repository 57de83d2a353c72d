/**
 * The page talks to `tend serve`'s JSON API only (src/http/). Errors come in one shape,
 * `{ error: { code, message } }`; 401 means the session is missing or over.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: a proxy or an old server; say what came back.
  }
  if (!response.ok) {
    const error = (parsed as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(response.status, error?.code ?? 'http', error?.message ?? `HTTP ${response.status}`);
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string) => call<T>('GET', path),
  post: <T>(path: string, body?: unknown) => call<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => call<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
  delete: <T>(path: string) => call<T>('DELETE', path),
};

/** done / snooze / dismiss one agenda item (the same marks as `tend done|snooze|dismiss`). */
export function markAgendaItem(id: string, how: 'done' | 'snooze' | 'dismiss', until?: string) {
  return how === 'snooze'
    ? api.post(`/api/today/${id}/snooze`, { until })
    : api.post(`/api/today/${id}/${how}`);
}

export interface PersonRef {
  id: number;
  name: string;
}

export type AgendaKind =
  'reply' | 'follow-up' | 'keep-in-touch' | 'revive' | 'let-go' | 'triage' | 'introduce';

export interface PlanItem {
  id: string;
  kind: AgendaKind;
  person: PersonRef | null;
  subject: string;
  due: string;
  reason: string;
  suggestion: string;
  rank: number | null;
}

export interface Plan {
  now: string;
  today: string;
  items: PlanItem[];
  more: Record<string, number>;
  dataAsOf: string | null;
  budget: number;
  nothingImported: boolean;
  unknownSenders: number;
  unknownSenderNames: string[];
}

export type Band = 'strong' | 'medium' | 'weak' | 'dormant' | 'none';

export interface PersonRow {
  id: number;
  name: string;
  company: string | null;
  position: string | null;
  circle: string | null;
  strength: number | null;
  band: Band | null;
  lastInteractionAt: string | null;
}

/** `GET /api/people`: a page of people by name, how many the query selects, and the next page's cursor. */
export interface PeoplePage {
  people: PersonRow[];
  total: number;
  next: string | null;
}

export interface TimelineEntry {
  id: number;
  kind: string;
  direction: 'in' | 'out' | 'both';
  at: string;
  channel: string;
  groupSize: number;
  summary: string | null;
  skipped: string | null;
  logged: boolean;
}

export interface Profile {
  id: number;
  name: string;
  company: string | null;
  position: string | null;
  headline: string | null;
  location: string | null;
  emails: string[];
  urls: string[];
  strength: number;
  band: Band;
  strengthReasons: Array<{ component: string; points: number; text: string }>;
  state: string;
  keepInTouchDue: string | null;
  connectionState: string;
  connectedAt: string | null;
  initiatedBy: string | null;
  circle: string | null;
  tags: string[];
  needs: string[];
  offers: string[];
  goals: string[];
  howMet: string | null;
  notes: string | null;
  importedNotes: string | null;
  doNotContact: boolean;
  archived: boolean;
  possibleDuplicates: Array<{ id: number; name: string; reason: string }>;
  today: string;
  agenda: Array<{ id: string; kind: AgendaKind; due: string; reason: string; suggestion: string }>;
  lastInteractionAt: string | null;
  timeline: TimelineEntry[];
  timelineTotal: number;
}

export type PersonEdit = Partial<
  Pick<Profile, 'circle' | 'tags' | 'needs' | 'offers' | 'goals' | 'howMet' | 'notes' | 'doNotContact'>
>;

export interface TriagedInvitation {
  id: number;
  invitation: { from: string; url: string | null; sentAt: string; message: string | null };
  person: PersonRef | null;
  verdict: 'accept' | 'ask' | 'decline';
  score: number;
  reasons: string[];
  reply: string | null;
}

export interface IntroSuggestion {
  a: PersonRef;
  b: PersonRef;
  score: number;
  reasons: string[];
}

export interface Introduction {
  id: number;
  a: PersonRef;
  b: PersonRef;
  why: string | null;
  state: string;
  since: string;
  next: string[];
  draft: { to: string[]; subject: string | null; text: string } | null;
  due: string | null;
  stalled: boolean;
  history: Array<{ state: string; at: string; note: string | null }>;
}

export interface Health {
  connections: number;
  archived: number;
  conversed: number;
  depth: number | null;
  messagesImported: boolean;
  dataAsOf: string | null;
  followUpRate: number | null;
  newConnections: number;
  followedUp: number;
  bands: Record<string, number>;
  circles: Record<string, number>;
  giveAsk: { given: number; received: number; introductions: number };
  pendingInvitations: number;
}

/** The daily health snapshots (`GET /api/health/history`), oldest first. */
export interface HealthHistory {
  points: Array<{ day: string; takenAt: string; figures: Health }>;
}

export interface ImportReport {
  files: Array<{
    path: string;
    format: string;
    rowsRead: number;
    imported: number;
    skipped: Record<string, number>;
    problems: Array<{ line: number; message: string }>;
    failed?: string;
    unchanged?: boolean;
  }>;
  owner: { name: string | null; url: string | null };
  totals: { peopleAdded: number; peopleUpdated: number; interactionsAdded: number; invitationsAdded: number };
}

/** `GET /api/paths?target=…`: warm paths to a person or a company, at most two intermediaries. */
export interface WarmPaths {
  target: { kind: string; companies?: string[] };
  paths: Array<{
    hops: Array<PersonRef & { edge: { strength: number; evidence: string } }>;
    strength: number;
    verdict: 'warm' | 'lukewarm' | 'cold';
    warnings: string[];
  }>;
  total: number;
  faint: number;
  notes: string[];
}

/** The ties the user recorded for one person (`GET /api/known-ties?person=ID`, `tend knows`). */
export interface KnownTies {
  person: PersonRef;
  ties: Array<{ person: PersonRef & { company: string | null }; strength: number; how: string | null }>;
}

/** One person's row of the give/ask ledger (`GET /api/ledger?person=ID`). */
export interface LedgerRow {
  person: PersonRef;
  given: { help: number; introductions: number };
  received: { help: number };
  balance: number;
  lastAt: string | null;
  entries: Array<{
    kind: 'help-given' | 'help-received' | 'introduction-made';
    direction: 'in' | 'out' | 'both';
    at: string;
    summary: string | null;
    channel: string | null;
  }>;
}

export interface InvitationNote {
  text: string;
  length: number;
  limit: number;
  ok: boolean;
  warnings: string[];
  drafted: boolean;
  refused: boolean;
}

export interface Setting {
  key: string;
  value: string | null;
  describe: string;
}

/** A person as the Duplicates page names them. */
export interface PersonBrief {
  id: number;
  name: string;
  company: string | null;
}

/** A merge that can be undone (`tend dupes --merges`). */
export interface MergeDone {
  merge: number;
  kept: PersonBrief;
  merged: PersonBrief;
  source: string;
  at: string;
}

/** `GET /api/duplicates`: what `tend dupes` proposes, and the merges to undo. */
export interface Duplicates {
  proposals: Array<{ a: PersonBrief; b: PersonBrief; reasons: string[] }>;
  merges: MergeDone[];
}
