/**
 * Forms by mail merge. A group's forms depend on its data only through text
 * that is written out as it is (names, places, dates as formatted) and through
 * structure (how many sessions and participants, which are cancelled or moved,
 * who has a role or a unit, whether there is a leader). So the forms are
 * rendered once per *shape* with every piece of text replaced by a token, and
 * each group with that shape gets them by putting its own text back in.
 * Rendering four forms with docx costs ~80 ms; merging them, a few.
 *
 * Soundness rests on two rules, both checked by tests that compare merged
 * forms with directly rendered ones byte for byte:
 * - the same text always gets the same token, so comparing two texts (a
 *   session held somewhere else than usual) gives the same answer;
 * - the cache key is the tokenized input itself, so anything that is not text
 *   (numbers, flags, ids, the programme's themes) decides the shape.
 */
import type { Group, GroupTheme, Person, Workspace } from '../model.js';
import type { PlannedSession } from '../schedule.js';
import type { Lang } from '../text.js';
import { createHash } from 'node:crypto';
import { realFormatters, type FormContext, type Formatters } from './context.js';
import type { FormWording } from './wording.js';

/**
 * Letters and digits only, so no step of docx or XML escaping changes a
 * token. `RFLKNAMEX` stands for the participant a certificate is for.
 */
const TOKEN = /RFLK(\d+|NAME)X/g;
export const NAME_TOKEN = 'RFLKNAMEX';

export class Tokens {
  readonly values: string[] = [];
  private readonly byValue = new Map<string, string>();

  tok(value: string): string {
    if (value === '') return value;
    let token = this.byValue.get(value);
    if (token === undefined) {
      token = `RFLK${this.values.length}X`;
      this.values.push(value);
      this.byValue.set(value, token);
    }
    return token;
  }

  real(token: string): string {
    const m = /^RFLK(\d+)X$/.exec(token);
    return m ? this.values[Number(m[1])]! : token;
  }

  /** The token of a value made earlier; a formatter asking for a new one is a bug in `tokenize`. */
  existing(value: string): string {
    const token = this.byValue.get(value);
    if (token === undefined) throw new Error(`merge: no token for a formatted value (${value})`);
    return token;
  }
}

/**
 * Replaces the tokens in a text with the XML-escaped values, in one pass: a
 * value that itself looks like a token (someone named «RFLK1X») is never
 * replaced again.
 */
export function untoken(text: string, tokens: Tokens, escape: (v: string) => string, name?: string): string {
  return text.replace(TOKEN, (whole, n: string) => (n === 'NAME' ? (name === undefined ? whole : escape(name)) : escape(tokens.values[Number(n)]!)));
}

const identities = new WeakMap<object, number>();
let lastIdentity = 0;
function identity(o: object): number {
  let id = identities.get(o);
  if (id === undefined) identities.set(o, (id = ++lastIdentity));
  return id;
}

export interface Tokenized {
  context: FormContext;
  tokens: Tokens;
  /** Equal keys render equal forms, up to the tokens' values (objects by identity: this process only). */
  key: string;
  /** The same, by content: a hash that holds across processes, for a store on disk. */
  stableKey: () => string;
}

const contentHashes = new WeakMap<object, string>();
/** A hash of an object's content, remembered per object (wording and themes are shared by many groups). */
function contentHash(o: object): string {
  let h = contentHashes.get(o);
  if (h === undefined) contentHashes.set(o, (h = createHash('sha256').update(JSON.stringify(o)).digest('hex')));
  return h;
}

/**
 * The group's form context with its text replaced by tokens. Only the fields
 * the forms read are carried over: a field the forms start to read without
 * being added here is `undefined` in the merged forms, and the tests that
 * compare merged and direct forms fail.
 */
export function tokenize(workspace: Workspace, group: Group, sessions: PlannedSession[], w: FormWording, lang: Lang): Tokenized {
  const tokens = new Tokens();
  const tok = (v: string) => tokens.tok(v);
  const opt = (v: string | undefined) => (v === undefined ? undefined : tok(v));
  const person = (p: Person): Person => ({ name: tok(p.name), ...(p.role ? { role: tok(p.role) } : {}), ...(p.unit ? { unit: tok(p.unit) } : {}) });
  const real = realFormatters(lang);

  const view = {
    organisation: tok(workspace.settings.organisation),
    group: {
      name: tok(group.name),
      programmeId: group.programmeId,
      programmeTitle: tok(group.programmeTitle),
      combined: group.combined,
      facilitator: person(group.facilitator),
      ...(group.coFacilitator ? { coFacilitator: person(group.coFacilitator) } : {}),
      ...(group.leader ? { leader: person(group.leader) } : {}),
      participants: group.participants.map(person),
      location: { text: tok(group.location.text) },
      durationMinutes: group.durationMinutes,
      betweenSessionHours: group.betweenSessionHours,
    },
    sessions: sessions.map((s) => {
      // Every formatted form of this session's dates, made now so that a
      // cache hit (which does not render) knows all the values.
      tok(real.sessionTime(s.date, s.start, s.end));
      tok(real.date(s.date));
      tok(real.shortDate(s.date));
      if (s.moved) tok(real.date(s.moved.from));
      return {
        number: s.number,
        theme: { programmeId: s.theme.programmeId, programmeTitle: tok(s.theme.programmeTitle), theme: s.theme.theme } as GroupTheme,
        date: tok(s.date),
        start: tok(s.start),
        end: tok(s.end),
        durationMinutes: s.durationMinutes,
        location: { text: tok(s.location.text) },
        cancelled: s.cancelled,
        ...(s.moved ? { moved: { from: tok(s.moved.from), reason: { nb: tok(s.moved.reason.nb), en: tok(s.moved.reason.en) } } } : {}),
        ...(s.note ? { note: opt(s.note) } : {}),
        leaderInvited: s.leaderInvited,
        betweenSessions: s.betweenSessions,
      };
    }),
  };
  const fmt: Formatters = {
    date: (d) => tokens.existing(real.date(tokens.real(d))),
    shortDate: (d) => tokens.existing(real.shortDate(tokens.real(d))),
    sessionTime: (d, s, e) => tokens.existing(real.sessionTime(tokens.real(d), tokens.real(s), tokens.real(e))),
  };
  const context: FormContext = {
    workspace: { ...workspace, settings: { ...workspace.settings, organisation: view.organisation } },
    group: view.group as unknown as Group,
    sessions: view.sessions as unknown as PlannedSession[],
    w,
    lang,
    fmt,
  };
  // Themes are left out of the view's text and named by identity or content below.
  const viewJson = JSON.stringify(view, (k, v) => (k === 'theme' && v && typeof v === 'object' && 'goals' in v ? undefined : v));
  const key = JSON.stringify([lang, identity(w), identity(workspace.programmes), view.sessions.map((s) => identity(s.theme.theme)), viewJson]);
  const stableKey = () =>
    createHash('sha256')
      .update(JSON.stringify([
        lang,
        contentHash(w),
        workspace.programmes.get(group.programmeId)?.coFacilitatorLabel ?? null,
        workspace.programmes.get(group.programmeId)?.forms ?? null,
        view.sessions.map((s) => contentHash(s.theme.theme)),
        viewJson,
      ]))
      .digest('hex');
  return { context, tokens, key, stableKey };
}
