/**
 * The widget's one state object and its pure reducer. The UI only renders `WidgetState` and
 * dispatches `Action`s; everything the Level 1 hand-off needs (transcript, searches, articles
 * viewed, first question, escalation reason, identity, prefill) is recorded here.
 */
import { relatedAnswers } from './related-answers.ts';
import type { SearchHit, SectionRef, SnippetPart } from './search/search-types.ts';
import { wantsHuman } from './intent.ts';
import type { Flow, FlowStep } from './flow-types.ts';
import type { FlowWalk } from './flow-walk.ts';
import type { DiagnosticId, Finding } from './diagnostics-relevance.ts';
import type { Incident } from './status-feed.ts';
import type { HandoffAction, HandoffState } from './ticket/handoff-state.ts';

export type { Delivery, HandoffState } from './ticket/handoff-state.ts';

export type View = 'home' | 'article' | 'ticket';
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface TranscriptEntry {
  role: 'user' | 'assistant';
  text: string;
  at: string;
}

export interface ArticleViewed {
  id: string;
  title?: string;
  /** true: helped; false: did not; undefined: no feedback. */
  helpful?: boolean;
}

/** A search hit as kept in the conversation (persisted, so only what rendering needs). */
export interface AnswerHit {
  id: string;
  title: string;
  score: number;
  /** The section that answers (the article opens there), when it is one under a heading. */
  section?: SectionRef;
  /** Other sections the query reaches, offered as "Also in this article" on an answer. */
  moreSections?: SectionRef[];
  /** The article's category: next-best answers of the same one count as related. */
  category?: string;
  snippet: SnippetPart[];
}

export type Message =
  | { id: number; at: string; kind: 'user'; text: string }
  | { id: number; at: string; kind: 'answer'; query: string; hits: AnswerHit[]; feedback?: 'yes' | 'no'; actions?: string[]; diagnostics?: DiagnosticId[] }
  | { id: number; at: string; kind: 'more'; hits: AnswerHit[] }
  | { id: number; at: string; kind: 'none'; query: string; suggestion?: string; actions?: string[]; diagnostics?: DiagnosticId[] }
  | { id: number; at: string; kind: 'offer'; reason: EscalationReason }
  | { id: number; at: string; kind: 'category'; title: string; hits: AnswerHit[] }
  | { id: number; at: string; kind: 'text'; key: 'solved' | 'humanAck' | 'noMore' }
  // Guided troubleshooting: the walk's intro, each step asked, each answer given (a user message,
  // recorded as "question → answer" for the ticket), Back, and how it ended.
  | { id: number; at: string; kind: 'flowIntro'; articleId: string; title: string }
  | { id: number; at: string; kind: 'flowStep'; articleId: string; step: FlowStep }
  | { id: number; at: string; kind: 'flowAnswer'; step: string; answer: string }
  | { id: number; at: string; kind: 'flowBack' }
  | { id: number; at: string; kind: 'flowEnd'; articleId: string; outcome: 'solved' | 'support'; broken?: boolean }
  // Self-diagnostics card (consent, then results from `state.diagnostics`).
  | { id: number; at: string; kind: 'diagnostics'; ids: DiagnosticId[] };

/** Why the user was offered (or asked for) a person. Free text when set through the API. */
export type EscalationReason = 'user-request' | 'not-helpful' | 'no-results' | 'contact' | (string & {});

export interface Identity {
  name?: string;
  email?: string;
  [key: string]: unknown;
}

export interface Prefill {
  name?: string;
  email?: string;
  subject?: string;
  message?: string;
  fields?: Record<string, unknown>;
}

export interface ArticleState {
  id: string;
  status: 'loading' | 'ready' | 'error' | 'missing';
  /** Articles to go Back to, most recent last. */
  stack: string[];
  /** Heading id to open the article at (a search hit's section). */
  anchor?: string;
}

/** The guided flow being walked: which article, where (`walk`), and the live step message. */
export interface FlowSession {
  articleId: string;
  title: string;
  /** The article's title, for the ticket's "Read …" line when the user never opened it. */
  articleTitle?: string;
  walk: FlowWalk;
  /** The `flowStep` message awaiting an answer (older step messages show no buttons). */
  messageId?: number;
}

/** One answered flow step, for the ticket's "checks done" summary. */
export interface FlowAnswerRecord {
  flow: string;
  step: string;
  answer: string;
}

export interface DiagnosticsState {
  status: 'idle' | 'running' | 'done';
  findings: Finding[];
}

/** Known incidents from the status feed (already without the dismissed ones). */
export interface StatusState {
  incidents: Incident[];
  fetchedAt: number;
  fromCache: boolean;
}

export interface WidgetState {
  open: boolean;
  view: View;
  /** KB (manifest + index) loading; `kbError` is the problem shown with a Retry button. */
  kb: LoadStatus;
  kbError?: string;
  /** What the combobox holds, and the live results for it. */
  query: string;
  /** Counts query changes: results carry the id they were asked for, so stale ones are dropped. */
  queryId: number;
  results: AnswerHit[];
  activeIndex: number;
  messages: Message[];
  transcript: TranscriptEntry[];
  /** Settled queries, in order. */
  searches: string[];
  articlesViewed: ArticleViewed[];
  firstQuestion?: string;
  escalationReason?: EscalationReason;
  identity: Identity;
  prefill: Prefill;
  article?: ArticleState;
  notHelpfulCount: number;
  nothingFoundCount: number;
  nextId: number;
  flow?: FlowSession;
  /** Every flow answer still standing (Back removes one), across flows. */
  flowAnswers: FlowAnswerRecord[];
  diagnostics: DiagnosticsState;
  status?: StatusState;
  /** The Level 1 hand-off: changed by its own slice reducer, which arrives with the ticket chunk. */
  handoff: HandoffState;
}

/** Conversation fields kept across page navigations. */
export type PersistedState = Pick<
  WidgetState,
  'messages' | 'transcript' | 'searches' | 'articlesViewed' | 'firstQuestion' | 'escalationReason'
  | 'notHelpfulCount' | 'nothingFoundCount' | 'nextId' | 'flow' | 'flowAnswers' | 'diagnostics'
>;

export type Action =
  | { type: 'open' }
  | { type: 'close' }
  | { type: 'kb'; status: LoadStatus; error?: string }
  | { type: 'query'; query: string }
  | { type: 'results'; queryId: number; hits: AnswerHit[] }
  | { type: 'active'; index: number }
  | { type: 'settled'; query: string }
  | { type: 'ask'; query: string; hits: AnswerHit[]; suggestion?: string; at: string; actions?: string[]; diagnostics?: DiagnosticId[] }
  | { type: 'category'; title: string; hits: AnswerHit[]; at: string }
  | { type: 'answerFeedback'; messageId: number; helpful: boolean; at: string }
  | { type: 'openArticle'; id: string; title?: string; push?: boolean; anchor?: string }
  | { type: 'articleStatus'; id: string; status: ArticleState['status']; title?: string }
  | { type: 'back' }
  | { type: 'articleFeedback'; id: string; helpful: boolean }
  | { type: 'escalate'; reason: EscalationReason }
  | { type: 'view'; view: View }
  | { type: 'identify'; identity: Identity }
  | { type: 'prefill'; prefill: Prefill }
  | { type: 'restore'; saved: Partial<PersistedState> }
  | { type: 'reset' }
  | { type: 'flowStart'; articleId: string; flow: Flow; at: string; articleTitle?: string }
  | { type: 'flowAnswer'; flow: Flow; stepId: string; answerIndex: number; at: string }
  | { type: 'flowBack'; flow: Flow; at: string }
  | { type: 'diagnosticsOffer'; ids: DiagnosticId[]; userText?: string; at: string }
  | { type: 'diagnosticsRun' }
  | { type: 'diagnosticsDone'; findings: Finding[]; at: string }
  | { type: 'status'; status: StatusState | undefined }
  | { type: 'dismissIncident'; id: string }
  | HandoffAction;

/** How many answers a reply shows at first (best + alternatives); the rest come after "No". */
export const SHOWN_ANSWERS = 3;

/** A fresh state. */
export function initialState(): WidgetState {
  return {
    open: false,
    view: 'home',
    kb: 'idle',
    query: '',
    queryId: 0,
    results: [],
    activeIndex: -1,
    messages: [],
    transcript: [],
    searches: [],
    articlesViewed: [],
    identity: {},
    prefill: {},
    notHelpfulCount: 0,
    nothingFoundCount: 0,
    nextId: 1,
    flowAnswers: [],
    diagnostics: { status: 'idle', findings: [] },
    handoff: {},
  };
}

/** Converts search hits to what the conversation keeps. */
export function toAnswerHits(hits: readonly SearchHit[]): AnswerHit[] {
  // Absent parts stay undefined: JSON (the session store) leaves them out.
  return hits.map(({ id, title, score, section, moreSections, category, snippet }) => ({ id, title, score, section, moreSections, category, snippet }));
}

/** A guided flow's messages: only its chunk adds them, with their transcript lines (core/flow-state.ts). */
export type FlowMessage = Extract<Message, { kind: 'flowIntro' | 'flowStep' | 'flowAnswer' | 'flowBack' | 'flowEnd' }>;
/** Every other message: the core reducer adds them. */
export type CoreMessage = Exclude<Message, FlowMessage>;

/** A message's line in the ticket transcript: who said it, in plain text. */
export type TranscriptLine = Pick<TranscriptEntry, 'role' | 'text'>;

/** Plain-text line for the ticket transcript describing a message of the core kinds. */
export function describeMessage(m: CoreMessage): string {
  const titles = (hits: AnswerHit[]): string => hits.map((h) => `${h.title} (${h.id})`).join('; ');
  switch (m.kind) {
    case 'user': return m.text;
    case 'answer': return `Suggested: ${titles(m.hits.slice(0, SHOWN_ANSWERS))}`;
    case 'more': return `More suggestions: ${titles(m.hits)}`;
    case 'none': return `No article found for "${m.query}"${m.suggestion ? `; did you mean "${m.suggestion}"?` : ''}`;
    case 'offer': return 'Offered to contact support';
    case 'category': return `Articles in ${m.title}: ${titles(m.hits)}`;
    case 'text':
      return m.key === 'solved' ? 'User confirmed the answer solved it'
        : m.key === 'humanAck' ? 'User asked for a person' : 'No other articles';
    case 'diagnostics': return `Offered a browser check (${m.ids.join(', ')})`;
  }
}

/** A message as added: the reducer gives it its id and time. */
export type NewMessage<M extends Message = Message> = M extends Message ? Omit<M, 'id' | 'at'> : never;

/**
 * Adds messages to the conversation with their transcript lines (`line`: how each reads in the
 * ticket; the flow chunk passes its own for its kinds, so the panel does not carry their wording).
 */
export function addMessages<M extends Message>(state: WidgetState, at: string, items: NewMessage<M>[], line: (m: M) => TranscriptLine): WidgetState {
  let nextId = state.nextId;
  const added = items.map((m) => ({ ...m, id: nextId++, at }) as M);
  return {
    ...state,
    nextId,
    messages: [...state.messages, ...added],
    transcript: [...state.transcript, ...added.map((m): TranscriptEntry => ({ ...line(m), at }))],
  };
}

/** Adds bot and user messages of the core kinds (with their transcript lines) to the conversation. */
export function add(state: WidgetState, at: string, ...items: NewMessage<CoreMessage>[]): WidgetState {
  return addMessages(state, at, items, (m: CoreMessage) => ({ role: m.kind === 'user' ? 'user' : 'assistant', text: describeMessage(m) }));
}

function recordSearch(searches: string[], query: string): string[] {
  const q = query.trim();
  if (!q || searches[searches.length - 1] === q) return searches;
  return [...searches, q];
}

/** Records what is known about an article the user saw (title, whether it helped). */
export function viewed(list: ArticleViewed[], id: string, patch: Partial<ArticleViewed>): ArticleViewed[] {
  const i = list.findIndex((a) => a.id === id);
  if (i < 0) return [...list, { id, ...patch }];
  const copy = [...list];
  copy[i] = { ...copy[i]!, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  return copy;
}

/** The pure reducer: every state change goes through here. */
export function reducer(state: WidgetState, action: Action): WidgetState {
  switch (action.type) {
    case 'open':
      return state.open ? state : { ...state, open: true };
    case 'close':
      return state.open ? { ...state, open: false, activeIndex: -1 } : state;
    case 'kb':
      return { ...state, kb: action.status, kbError: action.status === 'error' ? action.error : undefined };
    case 'query': {
      const s = { ...state, query: action.query, queryId: state.queryId + 1, activeIndex: -1 };
      return action.query.trim() ? s : { ...s, results: [] };
    }
    case 'results':
      // Drop stale results: only the ones asked for what the box holds now are shown.
      if (action.queryId !== state.queryId) return state;
      return { ...state, results: action.hits, activeIndex: -1 };
    case 'active': {
      const n = state.results.length;
      if (n === 0) return { ...state, activeIndex: -1 };
      return { ...state, activeIndex: Math.max(-1, Math.min(action.index, n - 1)) };
    }
    case 'settled':
      return { ...state, searches: recordSearch(state.searches, action.query) };
    case 'ask': {
      const text = action.query.trim();
      if (!text) return state;
      let s: WidgetState = {
        ...state,
        query: '',
        queryId: state.queryId + 1,
        results: [],
        activeIndex: -1,
        view: 'home',
        firstQuestion: state.firstQuestion ?? text,
        searches: recordSearch(state.searches, text),
      };
      s = add(s, action.at, { kind: 'user', text });
      if (wantsHuman(text)) {
        return add({ ...s, escalationReason: 'user-request' }, action.at,
          { kind: 'text', key: 'humanAck' }, { kind: 'offer', reason: 'user-request' });
      }
      const extras = {
        ...(action.actions?.length ? { actions: action.actions } : {}),
        ...(action.diagnostics?.length ? { diagnostics: action.diagnostics } : {}),
      };
      if (action.hits.length > 0) {
        s = add(s, action.at, { kind: 'answer', query: text, hits: action.hits, ...extras });
        return extras.diagnostics ? add(s, action.at, { kind: 'diagnostics', ids: extras.diagnostics }) : s;
      }
      const nothing = s.nothingFoundCount + 1;
      s = add({ ...s, nothingFoundCount: nothing }, action.at, { kind: 'none', query: text, suggestion: action.suggestion, ...extras });
      if (extras.diagnostics) s = add(s, action.at, { kind: 'diagnostics', ids: extras.diagnostics });
      return nothing >= 2 ? add({ ...s, escalationReason: 'no-results' }, action.at, { kind: 'offer', reason: 'no-results' }) : s;
    }
    case 'category':
      return add({ ...state, view: 'home' }, action.at, { kind: 'user', text: action.title }, { kind: 'category', title: action.title, hits: action.hits });
    case 'answerFeedback': {
      const i = state.messages.findIndex((m) => m.id === action.messageId);
      const msg = state.messages[i];
      if (!msg || msg.kind !== 'answer' || msg.feedback) return state;
      const messages = [...state.messages];
      messages[i] = { ...msg, feedback: action.helpful ? 'yes' : 'no' };
      let s: WidgetState = { ...state, messages };
      s = add(s, action.at, { kind: 'user', text: action.helpful ? 'Yes' : 'No' });
      const best = msg.hits[0];
      if (best) s = { ...s, articlesViewed: viewed(s.articlesViewed, best.id, { title: best.title, helpful: action.helpful }) };
      if (action.helpful) return add(s, action.at, { kind: 'text', key: 'solved' });
      const count = s.notHelpfulCount + 1;
      const rest = best ? relatedAnswers(best, msg.hits.slice(SHOWN_ANSWERS)) : [];
      s = add({ ...s, notHelpfulCount: count }, action.at, rest.length ? { kind: 'more', hits: rest } : { kind: 'text', key: 'noMore' });
      return count >= 2 ? add({ ...s, escalationReason: 'not-helpful' }, action.at, { kind: 'offer', reason: 'not-helpful' }) : s;
    }
    case 'openArticle': {
      const prev = state.view === 'article' && state.article && action.push ? [...state.article.stack, state.article.id] : [];
      return {
        ...state,
        open: true,
        view: 'article',
        article: action.anchor ? { id: action.id, status: 'loading', stack: prev, anchor: action.anchor } : { id: action.id, status: 'loading', stack: prev },
        articlesViewed: viewed(state.articlesViewed, action.id, { title: action.title }),
      };
    }
    case 'articleStatus':
      if (!state.article || state.article.id !== action.id) return state;
      return {
        ...state,
        article: { ...state.article, status: action.status },
        articlesViewed: action.title ? viewed(state.articlesViewed, action.id, { title: action.title }) : state.articlesViewed,
      };
    case 'back': {
      const stack = state.article?.stack ?? [];
      const prev = stack[stack.length - 1];
      if (state.view === 'article' && prev) {
        return { ...state, article: { id: prev, status: 'loading', stack: stack.slice(0, -1) } };
      }
      return { ...state, view: 'home', article: undefined };
    }
    case 'articleFeedback':
      return { ...state, articlesViewed: viewed(state.articlesViewed, action.id, { helpful: action.helpful }) };
    case 'escalate':
      return { ...state, open: true, view: 'ticket', escalationReason: action.reason };
    case 'view':
      return { ...state, view: action.view, article: action.view === 'article' ? state.article : undefined };
    case 'identify':
      return { ...state, identity: { ...state.identity, ...action.identity } };
    case 'prefill':
      return { ...state, prefill: { ...state.prefill, ...action.prefill } };
    case 'restore':
      return { ...state, ...action.saved };
    case 'reset':
      return { ...initialState(), open: state.open, kb: state.kb, kbError: state.kbError, identity: state.identity, prefill: state.prefill, status: state.status, handoff: state.handoff };
    case 'diagnosticsOffer': {
      const s = action.userText ? add(state, action.at, { kind: 'user', text: action.userText }) : state;
      return add({ ...s, view: 'home', diagnostics: state.diagnostics.status === 'running' ? state.diagnostics : { status: 'idle', findings: [] } },
        action.at, { kind: 'diagnostics', ids: action.ids });
    }
    case 'diagnosticsRun':
      return { ...state, diagnostics: { status: 'running', findings: [] } };
    case 'diagnosticsDone': {
      // Findings go into the transcript too, so the agent reads them in the conversation.
      const text = `Browser check: ${action.findings.map((f) => `${f.id} ${f.status} (${f.detail})`).join('; ')}`;
      return {
        ...state,
        diagnostics: { status: 'done', findings: action.findings },
        transcript: [...state.transcript, { role: 'assistant', text, at: action.at }],
      };
    }
    default:
      // The hand-off's actions: its slice reducer (core/ticket/handoff-state.ts); a guided flow's
      // moves: theirs (core/flow-state.ts); the status banner's: core/status-state.ts. Each
      // arrives with the chunk that first needs it.
      return state;
  }
}

/** The part of the state persisted across navigations. */
export function persistable(s: WidgetState): PersistedState {
  return {
    messages: s.messages,
    transcript: s.transcript,
    searches: s.searches,
    articlesViewed: s.articlesViewed,
    firstQuestion: s.firstQuestion,
    escalationReason: s.escalationReason,
    notHelpfulCount: s.notHelpfulCount,
    nothingFoundCount: s.nothingFoundCount,
    nextId: s.nextId,
    flow: s.flow,
    flowAnswers: s.flowAnswers,
    // A check interrupted by a reload is not running any more.
    diagnostics: s.diagnostics.status === 'running' ? { status: 'idle', findings: [] } : s.diagnostics,
  };
}
