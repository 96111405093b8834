/**
 * Step 4 of `refleks new-group`: the participants, from --participant flags,
 * a roster file (--roster, or chosen when asked), or one at a time; then the
 * count against the programme's recommendation.
 */
import type { GroupAnswers } from '../../core/group-file.js';
import type { Person } from '../../core/model.js';
import { InputError } from '../../core/problems.js';
import { t, type Text } from '../../core/text.js';
import { oneLineIssue } from '../../core/safe-text.js';
import { isEmail } from '../../load/schema.js';
import { parsePersonFlag } from './people.js';
import { rosterFromFlag, rosterFromQuestion } from './roster-file.js';
import type { WizardState } from './wizard-state.js';

/** The participants so far, each also added to the people named in the group. */
export class ParticipantList {
  readonly people: Person[] = [];

  constructor(
    private readonly s: WizardState,
    readonly recommended: GroupAnswers['recommended'],
  ) {}

  add(p: Person, what: Text): void {
    this.people.push(p);
    this.s.people.add(p, what);
  }

  /** «5 deltakere (anbefalt 4–6)», and whether that is outside the recommendation. */
  countLine(): string {
    const { ctx } = this.s;
    const { min, max } = this.recommended;
    const n = this.people.length;
    const ok = n >= min && n <= max;
    return t(
      `${n} ${n === 1 ? 'deltaker' : 'deltakere'} (anbefalt ${min}–${max})${ok ? '' : ' – utenfor anbefalingen, men det går'}`,
      `${n} ${n === 1 ? 'participant' : 'participants'} (${min}–${max} recommended)${ok ? '' : ' – outside the recommendation, but that is allowed'}`,
    )[ctx.lang];
  }
}

/** The participants, or the exit code when the coordinator stops at a roster's bad rows. */
export async function chooseParticipants(
  s: WizardState,
  recommended: GroupAnswers['recommended'],
): Promise<ParticipantList | number> {
  const { ctx, opts, prompter, people, say, usage } = s;
  const participants = new ParticipantList(s, recommended);
  for (const [i, value] of (opts.participant ?? []).entries()) {
    const p = parsePersonFlag(value, false);
    if (!('name' in p))
      throw usage(
        `--participant «${value}»: ${p.nb}. Skriv «Navn <e-post>» eller bare «Navn».`,
        `--participant "${value}": ${p.en}. Write "Name <e-mail>" or just "Name".`,
      );
    const dup = people.duplicateOf(p);
    if (dup)
      throw usage(
        `--participant: ${p.name} står allerede som ${dup.nb}`,
        `--participant: ${p.name} is already listed as ${dup.en}`,
      );
    participants.add(p, t(`deltaker ${i + 1}`, `participant ${i + 1}`));
  }

  if (opts.roster !== undefined) {
    const exitCode = await rosterFromFlag(s, opts.roster, participants);
    if (exitCode !== undefined) return exitCode;
  }

  if (!participants.people.length && prompter) {
    const how = await prompter.select<'one' | 'file'>({
      message: t('Hvordan vil du legge inn deltakerne?', 'How do you want to add the participants?')[ctx.lang],
      choices: [
        { name: t('Én og én', 'One at a time')[ctx.lang], value: 'one' },
        {
          name: t('Importer fra fil (Excel eller CSV)', 'Import from a file (Excel or CSV)')[ctx.lang],
          value: 'file',
          description: t('Første rad: Navn, E-post, Enhet, Stilling.', 'First row: Name, Email, Unit, Role.')[ctx.lang],
        },
      ],
      default: 'one',
    });
    if (how === 'file') {
      await rosterFromQuestion(s, participants);
      say(`  ${participants.countLine()}`);
    }
    if (
      how === 'one' ||
      (await prompter.confirm({
        message: t('Legge til flere deltakere én og én?', 'Add more participants one at a time?')[ctx.lang],
        default: false,
      }))
    ) {
      await askOneAtATime(s, participants);
    }
  }
  const n = participants.people.length;
  if (n > 200)
    throw new InputError([
      {
        severity: 'error',
        message: t(
          `${n} deltakere er for mange; en gruppe kan ha høyst 200`,
          `${n} participants are too many; a group can have at most 200`,
        ),
      },
    ]);
  if (n < recommended.min || n > recommended.max) {
    ctx.err(`${t('advarsel', 'warning')[ctx.lang]}: ${participants.countLine()}`);
  }
  return participants;
}

/** Name and (optional) e-mail, participant after participant, until the name is left empty. */
async function askOneAtATime(
  { prompter, people, ctx, say }: WizardState,
  participants: ParticipantList,
): Promise<void> {
  const list = participants.people;
  for (;;) {
    const n = list.length + 1;
    const personName = (
      await prompter!.input({
        message: t(
          `Deltaker ${n} – navn${list.length ? ' (tomt = ferdig)' : ''}:`,
          `Participant ${n} – name${list.length ? ' (empty = done)' : ''}:`,
        )[ctx.lang],
        validate: (v) => {
          if (!v.trim())
            return list.length
              ? true
              : t('Gruppen trenger minst én deltaker.', 'The group needs at least one participant.')[ctx.lang];
          const issue = oneLineIssue(v.trim());
          if (issue) return issue[ctx.lang];
          if (v.trim().length > 200)
            return t('Navnet kan være høyst 200 tegn.', 'The name can be at most 200 characters.')[ctx.lang];
          if (list.length >= 200)
            return t('En gruppe kan ha høyst 200 deltakere.', 'A group can have at most 200 participants.')[ctx.lang];
          const dup = people.nameTakenBy(v);
          return dup
            ? t(`${v.trim()} står allerede som ${dup.nb}.`, `${v.trim()} is already listed as ${dup.en}.`)[ctx.lang]
            : true;
        },
      })
    ).trim();
    if (!personName) break;
    const email = (
      await prompter!.input({
        message: t(`Deltaker ${n} – e-post (valgfritt):`, `Participant ${n} – e-mail (optional):`)[ctx.lang],
        validate: (v) => {
          if (!v.trim()) return true;
          if (!isEmail(v.trim()))
            return t(
              `«${v.trim()}» er ikke en gyldig e-postadresse. Skriv den som navn@kommune.no, eller la feltet stå tomt.`,
              `"${v.trim()}" is not a valid e-mail address. Write it as name@example.org, or leave it empty.`,
            )[ctx.lang];
          const dup = people.emailTakenBy(v);
          return dup
            ? t(`Adressen står allerede på ${dup.nb}.`, `The address is already used by ${dup.en}.`)[ctx.lang]
            : true;
        },
      })
    ).trim();
    participants.add({ name: personName, ...(email ? { email } : {}) }, t(`deltaker ${n}`, `participant ${n}`));
    say(`  ${participants.countLine()}`);
  }
}
