/**
 * Step 1 of `refleks new-group`: the programme the group follows, or themes
 * combined from several programmes (--programme / --themes, or asked), and
 * what follows from it: the recommended group size and the co-facilitator's
 * label.
 */
import type { GroupAnswers } from '../../core/group-file.js';
import type { Programme } from '../../core/model.js';
import { closest } from '../../load/did-you-mean.js';
import { RECOMMENDED_PARTICIPANTS } from '../../load/group.js';
import type { WizardState } from './wizard-state.js';
import { t } from '../../core/text.js';

export interface ThemeChoice {
  programme?: Programme;
  themes?: string[];
  /** The programme whose defaults (duration, interval) apply. */
  base: Programme;
  count: number;
}

export interface ProgrammeAnswer {
  choice: ThemeChoice;
  recommended: GroupAnswers['recommended'];
  /** What the programme calls the co-facilitator; none means it is not asked for. */
  coLabel: string | undefined;
}

export async function chooseProgramme(s: WizardState): Promise<ProgrammeAnswer> {
  const choice = themesFromFlags(s) ?? (await askThemes(s));
  const recommended =
    choice.programme && !choice.themes ? choice.programme.recommendedParticipants : RECOMMENDED_PARTICIPANTS;
  const coLabel = choice.themes
    ? s.programmeList.find((p) => p.coFacilitatorLabel && choice.themes!.some((k) => k.startsWith(`${p.id}/`)))
        ?.coFacilitatorLabel
    : choice.programme?.coFacilitatorLabel;
  return { choice, recommended, coLabel };
}

/** The choice --programme and --themes make; none when neither is given. */
function themesFromFlags({ opts, programmes, usage }: WizardState): ThemeChoice | undefined {
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
    const refs = opts.themes
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (!refs.length) throw usage('--themes er tom', '--themes is empty');
    const seen = new Set<string>();
    const resolved = refs.map((ref) => {
      const m = /^([^/\s]+)\/([^/\s]+)$/.exec(ref);
      const p = m ? programmes.get(m[1]!) : programme;
      const themeId = m ? m[2]! : ref;
      if (!p)
        throw usage(
          `ukjent tema «${ref}» i --themes: skriv program/tema, for eksempel rehabilitering/1`,
          `unknown theme "${ref}" in --themes: write programme/theme, e.g. rehabilitering/1`,
        );
      if (!p.themes.some((th) => th.id === themeId)) {
        throw usage(
          `programmet «${p.id}» har ikke tema «${themeId}» (--themes); temaene er ${p.themes.map((th) => th.id).join(', ')}`,
          `programme "${p.id}" has no theme "${themeId}" (--themes); its themes are ${p.themes.map((th) => th.id).join(', ')}`,
        );
      }
      const key = `${p.id}/${themeId}`;
      if (seen.has(key))
        throw usage(`temaet «${key}» står to ganger i --themes`, `theme "${key}" is listed twice in --themes`);
      seen.add(key);
      return { key, p };
    });
    const base = programme ?? resolved[0]!.p;
    return { ...(programme ? { programme } : {}), themes: resolved.map((r) => r.key), base, count: resolved.length };
  }
  if (programme) return { programme, base: programme, count: programme.themes.length };
  return undefined;
}

/** Asks for a programme, or for themes from several and their order. */
async function askThemes({ prompter, programmes, programmeList, ctx, say }: WizardState): Promise<ThemeChoice> {
  const COMBINE = '\u0000combine';
  const picked = await prompter!.select<string>({
    message: t('Hvilket program skal gruppen følge?', 'Which programme will the group follow?')[ctx.lang],
    choices: [
      ...programmeList.map((p) => ({
        name: `${p.shortTitle} – ${p.themes.length} ${t('samlinger', 'sessions')[ctx.lang]}, ${t('hver', 'every')[ctx.lang]} ${p.sessions.intervalWeeks === 1 ? t('uke', 'week')[ctx.lang] : `${p.sessions.intervalWeeks}. ${t('uke', 'week')[ctx.lang]}`}${p.source.origin === 'workspace' ? t(' (arbeidsområdets eget)', ' (this workspace)')[ctx.lang] : ''}`,
        value: p.id,
        description: p.audience.replace(/\s+/g, ' ').trim(),
      })),
      {
        name: t('Kombiner temaer fra begge utgavene', 'Combine themes from both editions')[ctx.lang],
        value: COMBINE,
        description: t(
          'Velg temaene selv, fra flere program, og rekkefølgen de tas i.',
          'Pick the themes yourself, from several programmes, and their order.',
        )[ctx.lang],
      },
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
  const all = (combinable.length ? combinable : programmeList).flatMap((p, pi) =>
    p.themes.map((th, i) => ({ key: `${p.id}/${th.id}`, p, th, i, pi })),
  );
  const chosen = await prompter!.checkbox<string>({
    message: t(
      'Velg temaene (mellomrom velger, Enter er ferdig; vanligvis fem)',
      'Pick the themes (space picks, Enter finishes; usually five)',
    )[ctx.lang],
    choices: all.map((a) => ({ name: `${a.key}  ${a.th.title}`, value: a.key, short: a.key, group: a.p.shortTitle })),
    validate: (v) => (v.length ? true : t('Velg minst ett tema.', 'Pick at least one theme.')[ctx.lang]),
  });
  // Default order: first themes first, alternating between the programmes,
  // so the group moves through the material as each edition intends.
  let order = all.filter((a) => chosen.includes(a.key)).sort((a, b) => a.i - b.i || a.pi - b.pi);
  if (order.length > 1) {
    say(t('Rekkefølge:', 'Order:')[ctx.lang]);
    order.forEach((a, n) => say(`  ${n + 1}. ${a.key}  ${a.th.title}`));
    if (
      await prompter!.confirm({
        message: t('Vil du endre rekkefølgen?', 'Do you want to change the order?')[ctx.lang],
        default: false,
      })
    ) {
      const left = [...order];
      const mine: typeof order = [];
      while (left.length > 1) {
        const key = await prompter!.select<string>({
          message: t(`Samling ${mine.length + 1}:`, `WizardState ${mine.length + 1}:`)[ctx.lang],
          choices: left.map((a) => ({ name: `${a.key}  ${a.th.title}`, value: a.key })),
          default: left[0]!.key,
        });
        mine.push(
          left.splice(
            left.findIndex((a) => a.key === key),
            1,
          )[0]!,
        );
      }
      order = [...mine, ...left];
    }
  }
  return { themes: order.map((a) => a.key), base: order[0]!.p, count: order.length };
}
