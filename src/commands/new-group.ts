/**
 * `refleks new-group`: sets up a group file, asking in the order a coordinator
 * thinks (programme, name, people, dates, place), or taking every answer from
 * flags. The file is rendered with comments, parsed back with the same loader
 * as `validate`, planned, shown and only then written, so Ctrl+C or a bad
 * answer never leaves a file behind.
 *
 * Exit codes: 0 written (or declined), 1 the roster file's content is wrong,
 * 2 a flag is wrong or missing (also when there is no terminal to ask in),
 * 130 cancelled with Ctrl+C.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { printProblems, workspaceRoot, type CliContext } from '../cli/context.js';
import { formatDate, formatSessionTime } from '../core/format-date.js';
import { groupYaml, slugify, type GroupAnswers, type LocationAnswer } from '../core/group-file.js';
import type { Person, Programme, WorkspaceSettings } from '../core/model.js';
import { hasErrors, InputError, UsageError, type Problem } from '../core/problems.js';
import type { Roster } from '../core/roster.js';
import { dateConflict, planGroup } from '../core/schedule.js';
import { t, type Text } from '../core/text.js';
import { addDays, weekday } from '../core/zoned-time.js';
import { writeFileAtomic } from '../io/write-outputs.js';
import { inquirerPrompter, PromptCancelled, type Prompter } from '../io/prompter.js';
import { closest } from '../load/did-you-mean.js';
import { RECOMMENDED_PARTICIPANTS, toGroup } from '../load/group.js';
import { clockTime, FAIL, isEmail, isoDate, SLUG_PATTERN, type Ctx } from '../load/schema.js';
import { loadProgrammes, loadSettings, readYaml } from '../load/workspace.js';
import { parseYaml } from '../load/yaml-file.js';
import { SCHEMAS_DIR } from '../paths.js';

export interface NewGroupOptions {
  programme?: string;
  themes?: string;
  name?: string;
  id?: string;
  facilitator?: string;
  coFacilitator?: string;
  leader?: string;
  participant?: string[];
  roster?: string;
  skipBadRows?: boolean;
  start?: string;
  time?: string;
  duration?: string;
  interval?: string;
  location?: string;
  yes?: boolean;
}

export interface NewGroupDeps {
  /** Asks the questions; none means there is no terminal (piped, CI). */
  prompter?: Prompter;
  /** Today in the workspace's zone (YYYY-MM-DD), for the suggested first date. */
  today?: string;
}

export const CANCELLED = t('Avbrutt – ingenting er skrevet.', 'Cancelled – nothing was written.');

/** `deps` is for tests: a scripted prompter and a fixed today. */
export async function run(ctx: CliContext, opts: NewGroupOptions, deps?: NewGroupDeps): Promise<number> {
  try {
    return await createGroup(ctx, opts, deps ?? (ctx.isTTY ? { prompter: lazyInquirer(ctx) } : {}));
  } catch (err) {
    if (err instanceof PromptCancelled) {
      ctx.err(CANCELLED[ctx.lang]);
      return 130;
    }
    throw err;
  }
}

/** Loads @inquirer/prompts at the first question, in the language decided by then. */
function lazyInquirer(ctx: CliContext): Prompter {
  let real: Promise<Prompter> | undefined;
  const get = () => (real ??= inquirerPrompter(ctx.lang));
  return {
    input: async (q) => (await get()).input(q),
    select: async (q) => (await get()).select(q),
    checkbox: async (q) => (await get()).checkbox(q),
    confirm: async (q) => (await get()).confirm(q),
  };
}

interface ThemeChoice {
  programme?: Programme;
  themes?: string[];
  /** The programme whose defaults (duration, interval) apply. */
  base: Programme;
  count: number;
}

function todayIn(zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** Ids already used: file names in groups/ and any `id:` written inside them. */
function existingGroupIds(root: string): Set<string> {
  const dir = join(root, 'groups');
  const ids = new Set<string>();
  if (!existsSync(dir)) return ids;
  for (const f of readdirSync(dir)) {
    if (!/\.ya?ml$/i.test(f)) continue;
    ids.add(f.replace(/\.ya?ml$/i, ''));
    const { file } = readYaml(join(dir, f), `groups/${f}`);
    const id = (file?.data as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string') ids.add(id);
  }
  return ids;
}

function keyOf(p: Person): string[] {
  return [`name:${p.name.toLocaleLowerCase('nb')}`, ...(p.email ? [`email:${p.email.toLowerCase()}`] : [])];
}

/** «Navn <e-post>» or, where the e-mail may be left out, just «Navn». */
export function parsePersonFlag(value: string, emailRequired: boolean): Person | Text {
  const m = /^\s*(.*?)\s*<\s*([^>]*?)\s*>\s*$/.exec(value);
  const name = (m ? m[1]! : value).trim();
  const email = m ? m[2]! : undefined;
  if (!name) return t('navnet mangler', 'the name is missing');
  if (name.length > 200) return t('navnet er lengre enn 200 tegn', 'the name is longer than 200 characters');
  if (email !== undefined && !isEmail(email)) return t(`«${email}» er ikke en gyldig e-postadresse`, `"${email}" is not a valid e-mail address`);
  if (emailRequired && !email) return t('e-postadressen mangler', 'the e-mail address is missing');
  return { name, ...(email ? { email } : {}) };
}

export async function createGroup(ctx: CliContext, opts: NewGroupOptions, deps: NewGroupDeps = {}): Promise<number> {
  const L = (nb: string, en: string) => (ctx.lang === 'nb' ? nb : en);
  const say = (line = '') => ctx.out(line);
  const usage = (nb: string, en: string) => new UsageError(t(nb, en));

  // --- The workspace: settings, programmes and the ids already taken. Other
  // groups are not loaded: a broken group file must not stop a new one.
  const root = workspaceRoot(ctx);
  const { settings, problems: settingsProblems } = loadSettings(root);
  if (!settings || hasErrors(settingsProblems)) throw new InputError(settingsProblems);
  if (!ctx.langFromFlag) ctx.lang = settings.language;
  const { programmes, problems: programmeProblems } = loadProgrammes(root);
  printProblems(ctx, programmeProblems);
  if (!programmes.size) throw new InputError(programmeProblems);
  const takenIds = existingGroupIds(root);
  const prompter = deps.prompter;
  /** Optional answers with a default are asked only interactively and without --yes. */
  const askOptional = !!prompter && !opts.yes;

  // --- Without a terminal nothing can be asked: list everything missing at once.
  if (!prompter) {
    const missing: string[] = [];
    if (!opts.programme && !opts.themes) missing.push(L('--programme ID (eller --themes mestring/1,rehabilitering/2,…)', '--programme ID (or --themes mestring/1,rehabilitering/2,…)'));
    if (!opts.name) missing.push(L('--name "Gruppens navn"', '--name "Group name"'));
    if (!opts.facilitator) missing.push(L('--facilitator "Navn <e-post>"', '--facilitator "Name <e-mail>"'));
    if (!opts.participant?.length && !opts.roster) missing.push(L('--participant "Navn <e-post>" (kan gjentas) eller --roster FIL', '--participant "Name <e-mail>" (repeatable) or --roster FILE'));
    if (!opts.start) missing.push(L('--start ÅÅÅÅ-MM-DD', '--start YYYY-MM-DD'));
    if (!opts.location) missing.push(L('--location "rom og adresse, eller lenke"', '--location "room and address, or link"'));
    if (!opts.yes) missing.push(L('--yes (skriv filen uten å spørre)', '--yes (write the file without asking)'));
    if (missing.length) {
      throw usage(
        `ingen terminal å spørre i, og disse valgene mangler:\n  ${missing.join('\n  ')}\nSe «refleks new-group --help».`,
        `no terminal to ask in, and these flags are missing:\n  ${missing.join('\n  ')}\nSee "refleks new-group --help".`,
      );
    }
  }

  // --- 1. Programme, or themes combined from several.
  const programmeList = [...programmes.values()];
  const choice = await chooseThemes();
  async function chooseThemes(): Promise<ThemeChoice> {
    let programme: Programme | undefined;
    if (opts.programme) {
      programme = programmes.get(opts.programme);
      if (!programme) {
        const guess = closest(opts.programme, [...programmes.keys()]);
        throw usage(
          `ukjent program «${opts.programme}» i --programme.${guess ? ` Mente du «${guess}»?` : ''} Kjente program: ${[...programmes.keys()].join(', ')}.`,
          `unknown programme "${opts.programme}" in --programme.${guess ? ` Did you mean "${guess}"?` : ''} Known programmes: ${[...programmes.keys()].join(', ')}.`,
        );
      }
    }
    if (opts.themes !== undefined) {
      const refs = opts.themes.split(',').map((s) => s.trim()).filter(Boolean);
      if (!refs.length) throw usage('--themes er tom', '--themes is empty');
      const seen = new Set<string>();
      const resolved = refs.map((ref) => {
        const m = /^([^/\s]+)\/([^/\s]+)$/.exec(ref);
        const p = m ? programmes.get(m[1]!) : programme;
        const themeId = m ? m[2]! : ref;
        if (!p) throw usage(`ukjent tema «${ref}» i --themes: skriv program/tema, for eksempel rehabilitering/1`, `unknown theme "${ref}" in --themes: write programme/theme, e.g. rehabilitering/1`);
        if (!p.themes.some((th) => th.id === themeId)) {
          throw usage(`programmet «${p.id}» har ikke tema «${themeId}» (--themes); temaene er ${p.themes.map((th) => th.id).join(', ')}`, `programme "${p.id}" has no theme "${themeId}" (--themes); its themes are ${p.themes.map((th) => th.id).join(', ')}`);
        }
        const key = `${p.id}/${themeId}`;
        if (seen.has(key)) throw usage(`temaet «${key}» står to ganger i --themes`, `theme "${key}" is listed twice in --themes`);
        seen.add(key);
        return { key, p };
      });
      const base = programme ?? resolved[0]!.p;
      return { ...(programme ? { programme } : {}), themes: resolved.map((r) => r.key), base, count: resolved.length };
    }
    if (programme) return { programme, base: programme, count: programme.themes.length };
    const COMBINE = '\u0000combine';
    const picked = await prompter!.select<string>({
      message: L('Hvilket program skal gruppen følge?', 'Which programme will the group follow?'),
      choices: [
        ...programmeList.map((p) => ({
          name: `${p.shortTitle} – ${p.themes.length} ${L('samlinger', 'sessions')}, ${L('hver', 'every')} ${p.sessions.intervalWeeks === 1 ? L('uke', 'week') : `${p.sessions.intervalWeeks}. ${L('uke', 'week')}`}${p.source.origin === 'workspace' ? L(' (arbeidsområdets eget)', ' (this workspace)') : ''}`,
          value: p.id,
          description: p.audience.replace(/\s+/g, ' ').trim(),
        })),
        { name: L('Kombiner temaer fra begge utgavene', 'Combine themes from both editions'), value: COMBINE, description: L('Velg temaene selv, fra flere program, og rekkefølgen de tas i.', 'Pick the themes yourself, from several programmes, and their order.') },
      ],
      default: programmeList[0]!.id,
    });
    if (picked !== COMBINE) {
      const p = programmes.get(picked)!;
      return { programme: p, base: p, count: p.themes.length };
    }
    // Courses for citizens (one invitation per person) are not mixed into the
    // staff programmes; the editions of Refleksjonsprogrammet are.
    const combinable = programmeList.filter((p) => !p.perPersonInvitations);
    const all = (combinable.length ? combinable : programmeList).flatMap((p, pi) => p.themes.map((th, i) => ({ key: `${p.id}/${th.id}`, p, th, i, pi })));
    const chosen = await prompter!.checkbox<string>({
      message: L('Velg temaene (mellomrom velger, Enter er ferdig; vanligvis fem)', 'Pick the themes (space picks, Enter finishes; usually five)'),
      choices: all.map((a) => ({ name: `${a.key}  ${a.th.title}`, value: a.key, short: a.key, group: a.p.shortTitle })),
      validate: (v) => (v.length ? true : L('Velg minst ett tema.', 'Pick at least one theme.')),
    });
    // Default order: first themes first, alternating between the programmes,
    // so the group moves through the material as each edition intends.
    let order = all.filter((a) => chosen.includes(a.key)).sort((a, b) => a.i - b.i || a.pi - b.pi);
    if (order.length > 1) {
      say(L('Rekkefølge:', 'Order:'));
      order.forEach((a, n) => say(`  ${n + 1}. ${a.key}  ${a.th.title}`));
      if (await prompter!.confirm({ message: L('Vil du endre rekkefølgen?', 'Do you want to change the order?'), default: false })) {
        const left = [...order];
        const mine: typeof order = [];
        while (left.length > 1) {
          const key = await prompter!.select<string>({
            message: L(`Samling ${mine.length + 1}:`, `Session ${mine.length + 1}:`),
            choices: left.map((a) => ({ name: `${a.key}  ${a.th.title}`, value: a.key })),
            default: left[0]!.key,
          });
          mine.push(left.splice(left.findIndex((a) => a.key === key), 1)[0]!);
        }
        order = [...mine, ...left];
      }
    }
    return { themes: order.map((a) => a.key), base: order[0]!.p, count: order.length };
  }
  const recommended = choice.programme && !choice.themes ? choice.programme.recommendedParticipants : RECOMMENDED_PARTICIPANTS;
  const coLabel = choice.themes
    ? programmeList.find((p) => p.coFacilitatorLabel && choice.themes!.some((k) => k.startsWith(`${p.id}/`)))?.coFacilitatorLabel
    : choice.programme?.coFacilitatorLabel;

  // --- 2. Name, and the id (file name) made from it.
  const idTaken = (id: string) => takenIds.has(id) || existsSync(join(root, 'groups', `${id}.yaml`)) || existsSync(join(root, 'groups', `${id}.yml`));
  if (opts.id !== undefined) {
    if (!SLUG_PATTERN.test(opts.id)) throw usage(`--id «${opts.id}» kan ikke brukes: bare små bokstaver a–z, tall og bindestrek`, `--id "${opts.id}" cannot be used: only lower-case a–z, digits and hyphens`);
    if (idTaken(opts.id)) throw usage(`det finnes allerede en gruppe med id «${opts.id}» (groups/${opts.id}.yaml); velg en annen --id`, `there is already a group with id "${opts.id}" (groups/${opts.id}.yaml); choose another --id`);
  }
  const nameProblem = (name: string): string | undefined => {
    if (!name.trim()) return L('Skriv et navn.', 'Type a name.');
    if (name.trim().length > 200) return L('Navnet kan være høyst 200 tegn.', 'The name can be at most 200 characters.');
    if (opts.id === undefined && idTaken(slugify(name))) {
      const id = slugify(name);
      return L(`Det finnes allerede en gruppe med id «${id}» (groups/${id}.yaml). Velg et annet navn.`, `There is already a group with id "${id}" (groups/${id}.yaml). Choose another name.`);
    }
    return undefined;
  };
  let name: string;
  if (opts.name !== undefined) {
    const p = nameProblem(opts.name);
    if (p) throw usage(`--name: ${p}${opts.id === undefined && opts.name.trim() ? ' Eller gi en annen id med --id.' : ''}`, `--name: ${p}${opts.id === undefined && opts.name.trim() ? ' Or give another id with --id.' : ''}`);
    name = opts.name.trim();
  } else {
    name = (
      await prompter!.input({
        message: L('Gruppens navn (slik det skal stå i invitasjonene):', 'The group name (as it will appear in invitations):'),
        validate: (v) => nameProblem(v) ?? true,
        transformer: (v) => (v.trim() && opts.id === undefined ? `${v}  → groups/${slugify(v)}.yaml` : v),
      })
    ).trim();
  }
  const id = opts.id ?? slugify(name);
  const file = `groups/${id}.yaml`;
  if (prompter && opts.name === undefined) say(L(`  Filen blir ${file}.`, `  The file will be ${file}.`));

  // --- 3. Facilitator, co-facilitator and leader.
  const people: { person: Person; what: Text }[] = [];
  const duplicateOf = (p: Person): Text | undefined => {
    const keys = keyOf(p);
    return people.find((o) => keyOf(o.person).some((k) => keys.includes(k)))?.what;
  };
  const nameTakenBy = (n: string): Text | undefined => duplicateOf({ name: n.trim() });
  const emailTakenBy = (e: string): Text | undefined => people.find((o) => o.person.email?.toLowerCase() === e.trim().toLowerCase())?.what;

  async function personFromFlagOrAsk(q: {
    flag: string | undefined;
    flagName: string;
    what: Text;
    emailRequired: boolean;
    optional: boolean;
    ask: boolean;
  }): Promise<Person | undefined> {
    if (q.flag !== undefined) {
      const p = parsePersonFlag(q.flag, q.emailRequired);
      if (!('name' in p)) {
        throw usage(`${q.flagName}: ${p.nb}. Skriv «Navn <e-post>», for eksempel ${q.flagName} "Kari Nordmann <kari.nordmann@kommune.no>".`, `${q.flagName}: ${p.en}. Write "Name <e-mail>", e.g. ${q.flagName} "Kari Nordmann <kari.nordmann@example.org>".`);
      }
      const dup = duplicateOf(p);
      if (dup) throw usage(`${q.flagName}: ${p.name} står allerede som ${dup.nb}`, `${q.flagName}: ${p.name} is already listed as ${dup.en}`);
      people.push({ person: p, what: q.what });
      return p;
    }
    if (!q.ask) return undefined;
    const what = q.what[ctx.lang];
    const personName = (
      await prompter!.input({
        message: q.optional ? L(`${cap(what)} – navn (la stå tomt hvis ingen):`, `${cap(what)} – name (leave empty if none):`) : L(`${cap(what)} – navn:`, `${cap(what)} – name:`),
        validate: (v) => {
          if (!v.trim()) return q.optional ? true : L('Skriv navnet.', 'Type the name.');
          if (v.trim().length > 200) return L('Navnet kan være høyst 200 tegn.', 'The name can be at most 200 characters.');
          const dup = nameTakenBy(v);
          return dup ? L(`${v.trim()} står allerede som ${dup.nb}.`, `${v.trim()} is already listed as ${dup.en}.`) : true;
        },
      })
    ).trim();
    if (!personName) return undefined;
    const email = (
      await prompter!.input({
        message: q.emailRequired ? L(`${cap(what)} – e-post:`, `${cap(what)} – e-mail:`) : L(`${cap(what)} – e-post (valgfritt):`, `${cap(what)} – e-mail (optional):`),
        validate: (v) => {
          if (!v.trim()) return q.emailRequired ? L('Skriv e-postadressen.', 'Type the e-mail address.') : true;
          if (!isEmail(v.trim())) return L(`«${v.trim()}» er ikke en gyldig e-postadresse. Skriv den som navn@kommune.no.`, `"${v.trim()}" is not a valid e-mail address. Write it as name@example.org.`);
          const dup = emailTakenBy(v);
          return dup ? L(`Adressen står allerede på ${dup.nb}.`, `The address is already used by ${dup.en}.`) : true;
        },
      })
    ).trim();
    const p: Person = { name: personName, ...(email ? { email } : {}) };
    people.push({ person: p, what: q.what });
    return p;
  }

  const facilitator = (await personFromFlagOrAsk({ flag: opts.facilitator, flagName: '--facilitator', what: t('lokal veileder', 'local facilitator'), emailRequired: true, optional: false, ask: true }))!;
  const coFacilitator = await personFromFlagOrAsk({
    flag: opts.coFacilitator,
    flagName: '--co-facilitator',
    what: coLabel ? t(`medveileder (${coLabel})`, `co-facilitator (${coLabel})`) : t('medveileder', 'co-facilitator'),
    emailRequired: false,
    optional: true,
    ask: askOptional && !!coLabel,
  });
  const leader = await personFromFlagOrAsk({ flag: opts.leader, flagName: '--leader', what: t('leder', 'leader'), emailRequired: true, optional: true, ask: askOptional });

  // --- 4. Participants: from flags, a roster file, or one at a time.
  const participants: Person[] = [];
  const addParticipant = (p: Person, what: Text) => {
    participants.push(p);
    people.push({ person: p, what });
  };
  for (const [i, value] of (opts.participant ?? []).entries()) {
    const p = parsePersonFlag(value, false);
    if (!('name' in p)) throw usage(`--participant «${value}»: ${p.nb}. Skriv «Navn <e-post>» eller bare «Navn».`, `--participant "${value}": ${p.en}. Write "Name <e-mail>" or just "Name".`);
    const dup = duplicateOf(p);
    if (dup) throw usage(`--participant: ${p.name} står allerede som ${dup.nb}`, `--participant: ${p.name} is already listed as ${dup.en}`);
    addParticipant(p, t(`deltaker ${i + 1}`, `participant ${i + 1}`));
  }
  const countLine = () => {
    const n = participants.length;
    const ok = n >= recommended.min && n <= recommended.max;
    return L(`${n} ${n === 1 ? 'deltaker' : 'deltakere'} (anbefalt ${recommended.min}–${recommended.max})${ok ? '' : ' – utenfor anbefalingen, men det går'}`, `${n} ${n === 1 ? 'participant' : 'participants'} (${recommended.min}–${recommended.max} recommended)${ok ? '' : ' – outside the recommendation, but that is allowed'}`);
  };

  async function readRoster(path: string): Promise<{ roster?: Roster; display: string; failure?: Problem }> {
    const abs = resolve(ctx.cwd, path);
    const display = relative(ctx.cwd, abs) || basename(abs);
    const { parseRoster, RosterError } = await import('../core/roster.js');
    try {
      const roster = parseRoster(readFileSync(abs), { taken: people });
      return { roster, display };
    } catch (err) {
      if (err instanceof RosterError) return { display, failure: { severity: 'error', file: display, message: err.text, ...(err.hint ? { hint: err.hint } : {}) } };
      throw err;
    }
  }
  const rosterSummary = (r: Roster, display: string) => {
    const enc = r.encoding === 'windows-1252' ? 'Windows-1252' : r.encoding.toUpperCase();
    const sep = r.separator === ';' ? L('semikolon', 'semicolons') : r.separator === ',' ? L('komma', 'commas') : L('tabulator', 'tabs');
    return L(`Leste ${r.people.length} av ${r.rows} rader fra ${display} (${enc}, ${sep}).`, `Read ${r.people.length} of ${r.rows} rows from ${display} (${enc}, ${sep}).`);
  };
  const rowLines = (r: Roster) => r.problems.map((p) => L(`  rad ${p.row}: ${p.message.nb}`, `  row ${p.row}: ${p.message.en}`));

  if (opts.roster !== undefined) {
    const abs = resolve(ctx.cwd, opts.roster);
    if (!existsSync(abs) || !statSync(abs).isFile()) throw usage(`fant ikke deltakerlisten «${opts.roster}» (--roster)`, `roster file "${opts.roster}" not found (--roster)`);
    const { roster, display, failure } = await readRoster(opts.roster);
    if (failure) throw new InputError([failure]);
    if (roster!.problems.length) {
      const rows = roster!.problems.map((p): Problem => ({ severity: opts.skipBadRows ? 'warning' : 'error', file: display, message: t(`rad ${p.row}: ${p.message.nb}`, `row ${p.row}: ${p.message.en}`) }));
      if (opts.skipBadRows) {
        printProblems(ctx, rows);
        ctx.err(L(`Hopper over ${rows.length} ${rows.length === 1 ? 'rad' : 'rader'} med feil (--skip-bad-rows).`, `Skipping ${rows.length} bad ${rows.length === 1 ? 'row' : 'rows'} (--skip-bad-rows).`));
      } else if (prompter) {
        say(rosterSummary(roster!, display));
        say(L(`${roster!.problems.length} ${roster!.problems.length === 1 ? 'rad har' : 'rader har'} feil:`, `${roster!.problems.length} ${roster!.problems.length === 1 ? 'row has' : 'rows have'} problems:`));
        rowLines(roster!).forEach((l) => say(l));
        if (!(await prompter.confirm({ message: L('Hoppe over radene med feil og fortsette?', 'Skip the rows with problems and go on?'), default: false }))) {
          ctx.err(L('Rett radene i listen og kjør igjen. Ingenting er skrevet.', 'Fix the rows in the list and run again. Nothing was written.'));
          return 1;
        }
      } else {
        rows[rows.length - 1]!.hint = t('Rett radene (i Excel: eksporter på nytt som CSV), eller bruk --skip-bad-rows for å hoppe over dem.', 'Fix the rows (in Excel: export again as CSV), or use --skip-bad-rows to skip them.');
        throw new InputError(rows);
      }
    }
    if (!roster!.people.length) throw new InputError([{ severity: 'error', file: display, message: t('listen har ingen deltakere', 'the list has no participants') }]);
    roster!.people.forEach((p, i) => addParticipant(p, t(`${display} nr. ${i + 1}`, `${display} no. ${i + 1}`)));
    if (!ctx.quiet || prompter) say(rosterSummary(roster!, display));
  }

  if (!participants.length && prompter) {
    const how = await prompter.select<'one' | 'file'>({
      message: L('Hvordan vil du legge inn deltakerne?', 'How do you want to add the participants?'),
      choices: [
        { name: L('Én og én', 'One at a time'), value: 'one' },
        { name: L('Importer fra fil (CSV fra Excel)', 'Import from a file (CSV from Excel)'), value: 'file', description: L('Første rad: Navn; E-post; Enhet; Stilling. Semikolon eller komma.', 'First row: Name, Email, Unit, Role. Semicolons or commas.') },
      ],
      default: 'one',
    });
    if (how === 'file') {
      for (;;) {
        const path = (
          await prompter.input({
            message: L('Filen med deltakerlisten (CSV):', 'The file with the participant list (CSV):'),
            validate: (v) => {
              const abs = resolve(ctx.cwd, v.trim());
              if (!v.trim()) return L('Skriv filnavnet, for eksempel deltakere.csv.', 'Type the file name, e.g. participants.csv.');
              if (!existsSync(abs) || !statSync(abs).isFile()) return L(`Fant ikke ${v.trim()} (leter fra ${ctx.cwd}).`, `${v.trim()} not found (looking from ${ctx.cwd}).`);
              return true;
            },
          })
        ).trim();
        const loaded = await readRoster(path);
        if (loaded.failure) {
          ctx.err(`${L('feil', 'error')}: ${loaded.failure.message[ctx.lang]}${loaded.failure.hint ? ` ${loaded.failure.hint[ctx.lang]}` : ''}`);
          continue;
        }
        const r = loaded.roster!;
        say(rosterSummary(r, loaded.display));
        if (r.problems.length) {
          say(L(`${r.problems.length} ${r.problems.length === 1 ? 'rad har' : 'rader har'} feil:`, `${r.problems.length} ${r.problems.length === 1 ? 'row has' : 'rows have'} problems:`));
          rowLines(r).forEach((l) => say(l));
          const skip = r.people.length > 0 && (await prompter.confirm({ message: L(`Hoppe over ${r.problems.length === 1 ? 'raden' : 'radene'} med feil og bruke de ${r.people.length} andre?`, `Skip the ${r.problems.length === 1 ? 'row' : 'rows'} with problems and use the other ${r.people.length}?`), default: false }));
          if (!skip) {
            say(L('Rett listen (og lagre den som CSV igjen), og velg filen på nytt.', 'Fix the list (and save it as CSV again), then choose the file again.'));
            continue;
          }
        }
        if (!r.people.length) {
          say(L('Listen har ingen deltakere. Velg en annen fil.', 'The list has no participants. Choose another file.'));
          continue;
        }
        r.people.forEach((p, i) => addParticipant(p, t(`${loaded.display} nr. ${i + 1}`, `${loaded.display} no. ${i + 1}`)));
        break;
      }
      say(`  ${countLine()}`);
    }
    if (how === 'one' || (await prompter.confirm({ message: L('Legge til flere deltakere én og én?', 'Add more participants one at a time?'), default: false }))) {
      for (;;) {
        const n = participants.length + 1;
        const personName = (
          await prompter.input({
            message: L(`Deltaker ${n} – navn${participants.length ? ' (tomt = ferdig)' : ''}:`, `Participant ${n} – name${participants.length ? ' (empty = done)' : ''}:`),
            validate: (v) => {
              if (!v.trim()) return participants.length ? true : L('Gruppen trenger minst én deltaker.', 'The group needs at least one participant.');
              if (v.trim().length > 200) return L('Navnet kan være høyst 200 tegn.', 'The name can be at most 200 characters.');
              if (participants.length >= 200) return L('En gruppe kan ha høyst 200 deltakere.', 'A group can have at most 200 participants.');
              const dup = nameTakenBy(v);
              return dup ? L(`${v.trim()} står allerede som ${dup.nb}.`, `${v.trim()} is already listed as ${dup.en}.`) : true;
            },
          })
        ).trim();
        if (!personName) break;
        const email = (
          await prompter.input({
            message: L(`Deltaker ${n} – e-post (valgfritt):`, `Participant ${n} – e-mail (optional):`),
            validate: (v) => {
              if (!v.trim()) return true;
              if (!isEmail(v.trim())) return L(`«${v.trim()}» er ikke en gyldig e-postadresse. Skriv den som navn@kommune.no, eller la feltet stå tomt.`, `"${v.trim()}" is not a valid e-mail address. Write it as name@example.org, or leave it empty.`);
              const dup = emailTakenBy(v);
              return dup ? L(`Adressen står allerede på ${dup.nb}.`, `The address is already used by ${dup.en}.`) : true;
            },
          })
        ).trim();
        addParticipant({ name: personName, ...(email ? { email } : {}) }, t(`deltaker ${n}`, `participant ${n}`));
        say(`  ${countLine()}`);
      }
    }
  }
  if (participants.length > 200) throw new InputError([{ severity: 'error', message: t(`${participants.length} deltakere er for mange; en gruppe kan ha høyst 200`, `${participants.length} participants are too many; a group can have at most 200`) }]);
  if (participants.length < recommended.min || participants.length > recommended.max) {
    ctx.err(`${L('advarsel', 'warning')}: ${countLine()}`);
  }

  // --- 5. First date, time, duration and interval.
  const dateIssue = (v: string): string | undefined => {
    const c: Ctx = { issues: [] };
    if (isoDate().parse(v.trim(), [], c) !== FAIL) return undefined;
    const issue = c.issues[0]!;
    return `${issue.message[ctx.lang]}${issue.hint ? `. ${issue.hint[ctx.lang]}` : ''}`;
  };
  const dateWarning = (date: string): string | undefined => {
    const conflict = dateConflict(date, settings);
    if (conflict) return L(`${formatDate(date, 'nb')} er ${conflict.nb}; samlingen flyttes da en uke fram`, `${formatDate(date, 'en')} is ${conflict.en}; the session would move a week on`);
    if (weekday(date) >= 5) return L(`${formatDate(date, 'nb')} er en helgedag`, `${formatDate(date, 'en')} is a weekend day`);
    return undefined;
  };
  let start: string;
  if (opts.start !== undefined) {
    const issue = dateIssue(opts.start);
    if (issue) throw usage(`--start: ${issue}`, `--start: ${issue}`);
    start = opts.start.trim();
    const warn = dateWarning(start);
    if (warn) ctx.err(`${L('advarsel', 'warning')}: ${warn}`);
  } else {
    const suggestion = suggestStart(deps.today ?? todayIn(settings.timezone), settings);
    for (;;) {
      start = (
        await prompter!.input({
          message: L('Første samling (ÅÅÅÅ-MM-DD):', 'First session (YYYY-MM-DD):'),
          default: suggestion,
          validate: (v) => dateIssue(v) ?? true,
          transformer: (v) => (dateIssue(v) ? v : `${v}  (${formatDate(v.trim(), ctx.lang)})`),
        })
      ).trim();
      const warn = dateWarning(start);
      say(`  → ${formatDate(start, ctx.lang)}`);
      if (!warn) break;
      say(`  ${L('Merk', 'Note')}: ${warn}.`);
      if (await prompter!.confirm({ message: L('Bruke denne datoen likevel?', 'Use this date anyway?'), default: false })) break;
    }
  }

  // «13.00» is how Norwegians write a time; take it as 13:00.
  const dotted = (v: string) => v.trim().replace(/^(\d{1,2})\.(\d{2})$/, '$1:$2');
  const timeIssue = (v: string): string | undefined => {
    const c: Ctx = { issues: [] };
    if (clockTime().parse(dotted(v), [], c) !== FAIL) return undefined;
    const issue = c.issues[0]!;
    return `${issue.message[ctx.lang]}${issue.hint ? ` ${issue.hint[ctx.lang]}` : ''}`;
  };
  const normTime = (v: string) => {
    const c: Ctx = { issues: [] };
    return clockTime().parse(dotted(v), [], c) as string;
  };
  const intIssue = (v: string, min: number, max: number): string | undefined =>
    /^\s*\d+\s*$/.test(v) && +v >= min && +v <= max ? undefined : L(`Skriv et helt tall fra ${min} til ${max}.`, `Type a whole number from ${min} to ${max}.`);

  async function valueFromFlagOrAsk(q: { flag?: string; flagName: string; message: string; default: string; issue: (v: string) => string | undefined }): Promise<string> {
    if (q.flag !== undefined) {
      const issue = q.issue(q.flag);
      if (issue) throw usage(`${q.flagName} «${q.flag}»: ${issue}`, `${q.flagName} "${q.flag}": ${issue}`);
      return q.flag.trim();
    }
    if (!askOptional) return q.default;
    return (await prompter!.input({ message: q.message, default: q.default, validate: (v) => q.issue(v) ?? true })).trim();
  }
  const time = normTime(await valueFromFlagOrAsk({ flag: opts.time, flagName: '--time', message: L('Starttidspunkt (TT:MM):', 'Start time (HH:MM):'), default: '13:00', issue: timeIssue }));
  const duration = +(await valueFromFlagOrAsk({ flag: opts.duration, flagName: '--duration', message: L('Varighet i minutter:', 'Length in minutes:'), default: String(choice.base.sessions.durationMinutes), issue: (v) => intIssue(v, 15, 600) }));
  const intervalWeeks = +(await valueFromFlagOrAsk({ flag: opts.interval, flagName: '--interval', message: L('Uker mellom samlingene:', 'Weeks between sessions:'), default: String(choice.base.sessions.intervalWeeks), issue: (v) => intIssue(v, 1, 12) }));

  // --- 6. Location.
  let location: LocationAnswer;
  if (opts.location !== undefined) {
    const v = opts.location.trim();
    if (!v) throw usage('--location er tom', '--location is empty');
    if (v.length > 500) throw usage('--location er lengre enn 500 tegn', '--location is longer than 500 characters');
    location = /^https?:\/\/\S+$/i.test(v) ? { url: v } : v;
  } else {
    const where = await prompter!.select<'room' | 'online'>({
      message: L('Hvor møtes gruppen?', 'Where does the group meet?'),
      choices: [
        { name: L('I et møterom', 'In a meeting room'), value: 'room' },
        { name: L('Nettmøte (Teams, Zoom …)', 'Online (Teams, Zoom …)'), value: 'online' },
      ],
      default: 'room',
    });
    if (where === 'room') {
      const room = (await prompter!.input({ message: L('Rom (for eksempel «Helsehuset, møterom 2»):', 'Room (e.g. "Health centre, room 2"):'), validate: (v) => (v.trim() ? (v.trim().length <= 300 ? true : L('Høyst 300 tegn.', 'At most 300 characters.')) : L('Skriv rommet.', 'Type the room.')) })).trim();
      const address = (await prompter!.input({ message: L('Adresse (valgfritt):', 'Address (optional):'), validate: (v) => (v.trim().length <= 300 ? true : L('Høyst 300 tegn.', 'At most 300 characters.')) })).trim();
      location = { room, ...(address ? { address } : {}) };
    } else {
      const url = (await prompter!.input({ message: L('Lenke til nettmøtet:', 'Link to the online meeting:'), validate: (v) => (/^https?:\/\/\S+$/i.test(v.trim()) && v.trim().length <= 1000 ? true : L('Lim inn lenken, den begynner med https://.', 'Paste the link; it starts with https://.')) })).trim();
      location = { url };
    }
  }

  // --- 7. Render, load it back exactly as `validate` would, plan, show, confirm.
  const answers: GroupAnswers = {
    name,
    ...(choice.programme ? { programme: choice.programme.id } : {}),
    ...(choice.themes ? { themes: choice.themes } : {}),
    facilitator,
    ...(coFacilitator ? { coFacilitator } : {}),
    ...(coLabel ? { coFacilitatorLabel: coLabel } : {}),
    ...(leader ? { leader } : {}),
    participants,
    recommended,
    location,
    start,
    time,
    duration,
    intervalWeeks,
  };
  const abs = join(root, 'groups', `${id}.yaml`);
  const schemaPath = relative(join(root, 'groups'), join(SCHEMAS_DIR, 'group.schema.json')).split('\\').join('/');
  const text = groupYaml(answers, { lang: ctx.lang, schemaPath });
  const { file: parsed, problems: yamlProblems } = parseYaml(file, new TextEncoder().encode(text));
  const loaded = parsed ? toGroup(parsed, { origin: 'workspace', path: abs, display: file }, programmes) : { problems: yamlProblems };
  if (!loaded.group || hasErrors(loaded.problems)) {
    // Every answer was checked as it came in; this is the safety net.
    throw new InputError(loaded.problems.length ? loaded.problems : yamlProblems);
  }
  const plan = planGroup(loaded.group, settings);
  if (hasErrors(plan.problems)) throw new InputError(plan.problems);

  if (!ctx.quiet || prompter) {
    say();
    say(L('Oppsummering', 'Summary'));
    const row = (label: string, value: string) => say(`  ${label.padEnd(13)}${value}`);
    const who = (p: Person) => (p.email ? `${p.name} <${p.email}>` : p.name);
    row(L('Gruppe:', 'Group:'), `${name} (${file})`);
    row(L('Program:', 'Programme:'), `${loaded.group.combined ? loaded.group.programmeTitle : choice.base.shortTitle} – ${choice.count} ${L('samlinger', 'sessions')}`);
    row(L('Veileder:', 'Facilitator:'), who(facilitator));
    if (coFacilitator) row(L('Medveileder:', 'Co-facil.:'), who(coFacilitator));
    if (leader) row(L('Leder:', 'Leader:'), who(leader));
    row(L('Deltakere:', 'Participants:'), countLine());
    row(L('Sted:', 'Location:'), loaded.group.location.text);
    say(`  ${L('Samlinger:', 'Sessions:')}`);
    for (const s of plan.sessions) {
      const moved = s.moved ? L(` (flyttet fra ${formatDate(s.moved.from, 'nb', { weekday: false })}: ${s.moved.reason.nb})`, ` (moved from ${formatDate(s.moved.from, 'en', { weekday: false })}: ${s.moved.reason.en})`) : '';
      say(`    ${String(s.number).padStart(2)}. ${formatSessionTime(s.date, s.start, s.end, ctx.lang)}  ${s.theme.theme.title}${moved}${s.leaderInvited && leader ? L('  (leder inviteres)', '  (leader invited)') : ''}`);
    }
    say();
  }
  printProblems(ctx, [...loaded.problems.filter((p) => p.field !== 'participants'), ...plan.problems]);

  if (!opts.yes && !(await prompter!.confirm({ message: L(`Skrive ${file}?`, `Write ${file}?`), default: true }))) {
    say(L('Ingenting er skrevet.', 'Nothing was written.'));
    return 0;
  }
  // Never overwrite: someone may have made the file while we asked.
  if (existsSync(abs)) throw usage(`${file} finnes allerede; refleks skriver ikke over den`, `${file} already exists; refleks does not overwrite it`);
  mkdirSync(join(root, 'groups'), { recursive: true });
  writeFileAtomic(abs, text);
  say(L(`Skrev ${file}.`, `Wrote ${file}.`));
  if (!ctx.quiet) {
    say(L('Neste steg:', 'Next steps:'));
    say(`  refleks schedule ${id}   ${L('datoer og kalenderinvitasjoner', 'dates and calendar invitations')}`);
    say(`  refleks forms ${id}      ${L('planleggingsskjema, oppmøteliste og kursbevis', 'planning form, attendance list and certificates')}`);
    say(`  refleks packs ${id}      ${L('veilederhefter og deltakerark', 'facilitator packs and participant handouts')}`);
  }
  return 0;
}

function cap(s: string): string {
  return s.charAt(0).toLocaleUpperCase('nb') + s.slice(1);
}

/** Two weeks from today, on the first weekday that is neither a holiday nor in a blackout. */
export function suggestStart(today: string, settings: Pick<WorkspaceSettings, 'blackouts'>): string {
  let d = addDays(today, 14);
  for (let i = 0; i < 120 && (weekday(d) >= 5 || dateConflict(d, settings)); i++) d = addDays(d, 1);
  return d;
}
