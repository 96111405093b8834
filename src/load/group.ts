/**
 * Turns a group file into the model: resolves the programme or the combined
 * theme list, and applies the programme's rules (4–6 participants is a
 * recommendation, a missing facilitator or a person listed twice is an error).
 */
import { basename } from 'node:path';
import type {
  Group,
  GroupTheme,
  Location,
  Material,
  Person,
  Programme,
  SessionOverride,
  Source,
} from '../core/model.js';
import type { Problem } from '../core/problems.js';
import { t } from '../core/text.js';
import { closest } from './did-you-mean.js';
import { FAIL, SLUG_PATTERN, type Ctx, type Issue } from './schema.js';
import { groupSchema, type LocationInput } from './schemas.js';
import type { YamlFile } from './yaml-file.js';
import { slugify } from '../core/slug.js';

export const COMBINED_ID = 'kombinert';
export const RECOMMENDED_PARTICIPANTS = { min: 4, max: 6 } as const;

export function toLocation(input: LocationInput): Location {
  if (typeof input === 'string') return { text: input };
  const parts = [input.room, input.address].filter((p): p is string => !!p);
  const text = parts.length ? parts.join(', ') : (input.url ?? '');
  return { text, ...input };
}

/** A file name a person would likely accept for a group id: «Sone Nord» → sone-nord. */
export function suggestSlug(text: string): string {
  return slugify(text, { max: 80 });
}

function idFromFile(path: string): string {
  return basename(path).replace(/\.ya?ml$/i, '');
}

function resolveThemes(
  raw: { programme?: string; themes?: string[] },
  programmes: Map<string, Programme>,
  ctx: Ctx,
): { programme?: Programme; themes: GroupTheme[]; combined: boolean } | undefined {
  const ids = [...programmes.keys()];
  let programme: Programme | undefined;
  if (raw.programme) {
    programme = programmes.get(raw.programme);
    if (!programme) {
      const guess = closest(raw.programme, ids);
      ctx.issues.push({
        path: ['programme'],
        message: t(`ukjent program «${raw.programme}»`, `unknown programme "${raw.programme}"`),
        hint: guess
          ? t(`Mente du «${guess}»?`, `Did you mean "${guess}"?`)
          : t(`Kjente program: ${ids.join(', ')}.`, `Known programmes: ${ids.join(', ')}.`),
      });
      return undefined;
    }
  }
  if (!raw.themes) {
    if (!programme) {
      ctx.issues.push({
        path: ['programme'],
        message: t('gruppen må ha enten programme eller themes', 'the group needs either programme or themes'),
        hint: t(
          `For eksempel «programme: mestring». Kjente program: ${ids.join(', ')}.`,
          `For example "programme: mestring". Known programmes: ${ids.join(', ')}.`,
        ),
      });
      return undefined;
    }
    return {
      programme,
      combined: false,
      themes: programme.themes.map((theme) => ({
        programmeId: programme!.id,
        programmeTitle: programme!.shortTitle,
        theme,
      })),
    };
  }
  const themes: GroupTheme[] = [];
  let ok = true;
  const seen = new Set<string>();
  raw.themes.forEach((ref, i) => {
    const m = /^([^/\s]+)\/([^/\s]+)$/.exec(ref);
    const p = m ? programmes.get(m[1]!) : programme;
    const themeId = m ? m[2]! : ref;
    if (!p) {
      const guess = m ? closest(m[1]!, ids) : undefined;
      ctx.issues.push({
        path: ['themes', i],
        message: m
          ? t(`ukjent program «${m[1]}» i «${ref}»`, `unknown programme "${m[1]}" in "${ref}"`)
          : t(`«${ref}» mangler program`, `"${ref}" has no programme`),
        hint: guess
          ? t(`Mente du «${guess}/${themeId}»?`, `Did you mean "${guess}/${themeId}"?`)
          : m
            ? t(`Kjente program: ${ids.join(', ')}.`, `Known programmes: ${ids.join(', ')}.`)
            : t(
                `Skriv program/tema, for eksempel «${ids.includes('mestring') ? 'mestring' : (ids[0] ?? 'mestring')}/${ref}», eller legg til «programme: …» i gruppen.`,
                `Write programme/theme, e.g. "${ids.includes('mestring') ? 'mestring' : (ids[0] ?? 'mestring')}/${ref}", or add "programme: …" to the group.`,
              ),
      });
      ok = false;
      return;
    }
    const theme = p.themes.find((th) => th.id === themeId);
    if (!theme) {
      ctx.issues.push({
        path: ['themes', i],
        message: t(`programmet «${p.id}» har ikke tema «${themeId}»`, `programme "${p.id}" has no theme "${themeId}"`),
        hint: t(
          `Temaer i ${p.id}: ${p.themes.map((th) => th.id).join(', ')}.`,
          `Themes in ${p.id}: ${p.themes.map((th) => th.id).join(', ')}.`,
        ),
      });
      ok = false;
      return;
    }
    const key = `${p.id}/${theme.id}`;
    if (seen.has(key)) {
      ctx.issues.push({
        path: ['themes', i],
        message: t(`temaet «${key}» står to ganger`, `theme "${key}" is listed twice`),
      });
      ok = false;
    }
    seen.add(key);
    themes.push({ programmeId: p.id, programmeTitle: p.shortTitle, theme });
  });
  if (!ok) return undefined;
  const first = programme ?? programmes.get(themes[0]!.programmeId);
  const combined =
    !programme || themes.some((th) => th.programmeId !== programme!.id) || themes.length !== programme.themes.length;
  return { ...(first ? { programme: first } : {}), themes, combined };
}

/** Same person twice (by e-mail, or by name where there is no e-mail) is an error. */
function checkDuplicates(people: { person: Person; path: (string | number)[] }[], ctx: Ctx): void {
  const seen = new Map<string, string>();
  for (const { person, path } of people) {
    const keys = [`name:${person.name.toLocaleLowerCase('nb')}`];
    if (person.email) keys.push(`email:${person.email.toLowerCase()}`);
    for (const key of keys) {
      const first = seen.get(key);
      if (first) {
        const what = key.startsWith('email:')
          ? t(`e-postadressen ${person.email}`, `the e-mail address ${person.email}`)
          : t(`navnet ${person.name}`, `the name ${person.name}`);
        ctx.issues.push({
          path: [...path, key.startsWith('email:') ? 'email' : 'name'],
          message: t(
            `samme person står to ganger: ${what.nb} finnes også i ${first}`,
            `the same person is listed twice: ${what.en} is also in ${first}`,
          ),
          hint: t(
            'Slett den ene, eller rett opp navnet eller adressen.',
            'Remove one, or correct the name or address.',
          ),
        });
        break;
      }
      seen.set(key, pathText(path));
    }
  }
}

function pathText(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

export function toGroup(
  file: YamlFile,
  source: Source,
  programmes: Map<string, Programme>,
): { group?: Group; problems: Problem[] } {
  const ctx: Ctx = { issues: [] };
  const warnings: Issue[] = [];
  if (file.data === null || file.data === undefined) {
    return {
      problems: file.problems([
        {
          path: [],
          message: t('gruppefilen er tom', 'the group file is empty'),
          hint: t(
            'Fyll den ut (se en av de andre gruppefilene), eller lag gruppen med «refleks new-group».',
            'Fill it in (see one of the other group files), or create the group with "refleks new-group".',
          ),
        },
      ]),
    };
  }
  const raw = groupSchema.parse(file.data, [], ctx);
  if (raw === FAIL) return { problems: file.problems(ctx.issues) };

  const id = raw.id ?? idFromFile(source.path);
  if (!SLUG_PATTERN.test(id)) {
    ctx.issues.push({
      path: [],
      message: t(
        `filnavnet «${basename(source.path)}» kan ikke brukes som gruppe-id`,
        `the file name "${basename(source.path)}" cannot be used as a group id`,
      ),
      hint: t(
        `Gi filen et navn med bare små bokstaver a–z, tall og bindestrek, for eksempel ${suggestSlug(id) || 'sone-nord'}.yaml, eller sett feltet id.`,
        `Rename the file using only lower-case a–z, digits and hyphens, e.g. ${suggestSlug(id) || 'zone-north'}.yaml, or set the id field.`,
      ),
    });
  }
  const resolved = resolveThemes(raw, programmes, ctx);

  const people: { person: Person; path: (string | number)[] }[] = [{ person: raw.facilitator, path: ['facilitator'] }];
  if (raw.co_facilitator) people.push({ person: raw.co_facilitator, path: ['co_facilitator'] });
  if (raw.leader) people.push({ person: raw.leader, path: ['leader'] });
  raw.participants.forEach((p, i) => people.push({ person: p, path: ['participants', i] }));
  checkDuplicates(people, ctx);

  const n = raw.participants.length;
  const recommended =
    resolved?.programme && !resolved.combined ? resolved.programme.recommendedParticipants : RECOMMENDED_PARTICIPANTS;
  if (n === 0) {
    ctx.issues.push({
      path: ['participants'],
      message: t('deltakerlisten er tom', 'the participant list is empty'),
      hint: t(
        'Legg til deltakerne, for eksempel «- { name: Ola Nordmann, email: ola@kommune.no }».',
        'Add the participants, e.g. "- { name: Ola Nordmann, email: ola@example.org }".',
      ),
    });
  } else if (n < recommended.min || n > recommended.max) {
    warnings.push({
      path: ['participants'],
      message: t(
        `gruppen har ${n} deltakere; anbefalt er ${recommended.min}–${recommended.max}`,
        `the group has ${n} participants; ${recommended.min}–${recommended.max} is recommended`,
      ),
    });
  }

  const count = resolved ? resolved.themes.length : 0;
  const overrides = new Map<number, SessionOverride>();
  for (const [number, o] of raw.sessions ?? new Map()) {
    if (resolved && number > count) {
      ctx.issues.push(noSuchSession('sessions', number, count));
      continue;
    }
    if (o.cancelled && (o.date || o.time || o.location)) {
      warnings.push({
        path: ['sessions', String(number)],
        message: t(
          'samlingen er avlyst; ny dato, tid og sted blir ikke brukt',
          'the session is cancelled; its new date, time and place are ignored',
        ),
      });
    }
    if (o.cancelled && o.postponed) {
      ctx.issues.push({
        path: ['sessions', String(number)],
        onKey: true,
        message: t(`samling ${number} er både avlyst og utsatt`, `session ${number} is both cancelled and postponed`),
        hint: t(
          'Velg én: cancelled: true dropper temaet; postponed: true flytter temaet og resten av samlingene ett intervall senere.',
          'Choose one: cancelled: true drops the theme; postponed: true moves the theme and the remaining sessions one interval later.',
        ),
      });
    } else if (o.postponed && o.date) {
      warnings.push({
        path: ['sessions', String(number), 'date'],
        message: t(
          'samlingen er utsatt og har en egen dato; datoen blir brukt',
          'the session is postponed and has its own date; the date is used',
        ),
      });
    }
    overrides.set(number, {
      ...(o.date ? { date: o.date } : {}),
      ...(o.time ? { time: o.time } : {}),
      ...(o.duration ? { durationMinutes: o.duration } : {}),
      ...(o.location ? { location: toLocation(o.location) } : {}),
      ...(o.cancelled ? { cancelled: true } : {}),
      ...(o.postponed ? { postponed: true } : {}),
      ...(o.note ? { note: o.note } : {}),
    });
  }
  const materials = new Map<number, Material[]>();
  for (const [number, list] of raw.materials ?? []) {
    if (resolved && number > count) {
      ctx.issues.push(noSuchSession('materials', number, count));
      continue;
    }
    materials.set(
      number,
      list.map((m): Material => ({
        title: m.title,
        url: m.url,
        kind: m.kind ?? 'other',
        audience: m.audience ?? 'both',
      })),
    );
  }

  const problems = [...file.problems(ctx.issues), ...file.problems(warnings, 'warning')];
  if (ctx.issues.length || !resolved?.programme) return { problems };
  const programme = resolved.programme;
  const leaderSessions = resolved.combined
    ? [...new Set([1, Math.ceil(count / 2), count])].filter((s) => s <= count)
    : programme.sessions.leaderSessions;
  return {
    group: {
      id,
      name: raw.name,
      programmeId: resolved.combined ? COMBINED_ID : programme.id,
      programmeTitle: resolved.combined ? combinedTitle(resolved.themes) : programme.title,
      combined: resolved.combined,
      themes: resolved.themes,
      facilitator: raw.facilitator,
      ...(raw.co_facilitator ? { coFacilitator: raw.co_facilitator } : {}),
      ...(raw.leader ? { leader: raw.leader } : {}),
      participants: raw.participants,
      location: toLocation(raw.location),
      start: raw.start,
      time: raw.time,
      durationMinutes: raw.duration ?? programme.sessions.durationMinutes,
      intervalWeeks: raw.interval_weeks ?? programme.sessions.intervalWeeks,
      betweenSessionHours: programme.sessions.betweenSessionHours,
      leaderSessions,
      perPersonInvitations: programme.perPersonInvitations,
      ...(raw.language ? { language: raw.language } : {}),
      overrides,
      materials,
      ...(raw.certificate
        ? { certificate: { minSessions: raw.certificate.min_sessions } }
        : !resolved.combined && programme.certificate
          ? { certificate: programme.certificate }
          : {}),
      source,
      positions: fieldPositions(file, overrides),
    },
    problems,
  };
}

function combinedTitle(themes: GroupTheme[]): string {
  const editions = [...new Set(themes.map((th) => th.programmeTitle))];
  return `Refleksjonsprogram – kombinert (${editions.join(' og ')})`;
}

function fieldPositions(file: YamlFile, overrides: Map<number, SessionOverride>): Group['positions'] {
  const positions: Group['positions'] = {};
  for (const key of ['start', 'time', 'location', 'participants']) positions[key] = file.locate([key]);
  for (const number of overrides.keys()) {
    positions[`sessions.${number}`] = file.locate(['sessions', String(number)], true);
    for (const key of ['date', 'time'])
      positions[`sessions.${number}.${key}`] = file.locate(['sessions', String(number), key]);
  }
  return positions;
}

/** `sessions: { 9: … }` or `materials: { 9: … }` in a group of five sessions. */
function noSuchSession(field: 'sessions' | 'materials', number: number, count: number): Issue {
  return {
    path: [field, String(number)],
    onKey: true,
    message: t(
      `samling ${number} finnes ikke: gruppen har ${count} samlinger`,
      `session ${number} does not exist: the group has ${count} sessions`,
    ),
    hint: t(`Bruk et samlingsnummer fra 1 til ${count}.`, `Use a session number from 1 to ${count}.`),
  };
}
