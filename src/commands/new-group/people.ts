/**
 * People in `refleks new-group`: everyone named so far (so the same person is
 * not listed twice, by name or by e-mail), how a person is read from a flag,
 * and how one is taken from a flag or asked for, name first, then e-mail.
 */
import type { Person } from '../../core/model.js';
import { t, type Text } from '../../core/text.js';
import { oneLineIssue } from '../../core/safe-text.js';
import { parsePersonFlag } from '../support/person-arg.js';

export { parsePersonFlag };
import { isEmail } from '../../load/schema.js';
import type { WizardState } from './wizard-state.js';

function keyOf(p: Person): string[] {
  return [`name:${p.name.toLocaleLowerCase('nb')}`, ...(p.email ? [`email:${p.email.toLowerCase()}`] : [])];
}

/** Everyone named in the group so far, with what they are (e.g. «deltaker 3»). */
export class KnownPeople {
  /** Also what the roster checks its rows against. */
  readonly list: { person: Person; what: Text }[] = [];

  add(person: Person, what: Text): void {
    this.list.push({ person, what });
  }

  duplicateOf(p: Person): Text | undefined {
    const keys = keyOf(p);
    return this.list.find((o) => keyOf(o.person).some((k) => keys.includes(k)))?.what;
  }

  nameTakenBy(n: string): Text | undefined {
    return this.duplicateOf({ name: n.trim() });
  }

  emailTakenBy(e: string): Text | undefined {
    return this.list.find((o) => o.person.email?.toLowerCase() === e.trim().toLowerCase())?.what;
  }
}

function cap(s: string): string {
  return s.charAt(0).toLocaleUpperCase('nb') + s.slice(1);
}

/** A person from the flag if given, else asked for when `ask`; added to the people named so far. */
export async function personFromFlagOrAsk(
  { ctx, prompter, people, usage }: WizardState,
  q: {
    flag: string | undefined;
    flagName: string;
    what: Text;
    emailRequired: boolean;
    optional: boolean;
    ask: boolean;
  },
): Promise<Person | undefined> {
  if (q.flag !== undefined) {
    const p = parsePersonFlag(q.flag, q.emailRequired);
    if (!('name' in p)) {
      throw usage(
        `${q.flagName}: ${p.nb}. Skriv «Navn <e-post>», for eksempel ${q.flagName} "Kari Nordmann <kari.nordmann@kommune.no>".`,
        `${q.flagName}: ${p.en}. Write "Name <e-mail>", e.g. ${q.flagName} "Kari Nordmann <kari.nordmann@example.org>".`,
      );
    }
    const dup = people.duplicateOf(p);
    if (dup)
      throw usage(
        `${q.flagName}: ${p.name} står allerede som ${dup.nb}`,
        `${q.flagName}: ${p.name} is already listed as ${dup.en}`,
      );
    people.add(p, q.what);
    return p;
  }
  if (!q.ask) return undefined;
  const what = q.what[ctx.lang];
  const personName = (
    await prompter!.input({
      message: q.optional
        ? t(`${cap(what)} – navn (la stå tomt hvis ingen):`, `${cap(what)} – name (leave empty if none):`)[ctx.lang]
        : t(`${cap(what)} – navn:`, `${cap(what)} – name:`)[ctx.lang],
      validate: (v) => {
        if (!v.trim()) return q.optional ? true : t('Skriv navnet.', 'Type the name.')[ctx.lang];
        const issue = oneLineIssue(v.trim());
        if (issue) return issue[ctx.lang];
        if (v.trim().length > 200)
          return t('Navnet kan være høyst 200 tegn.', 'The name can be at most 200 characters.')[ctx.lang];
        const dup = people.nameTakenBy(v);
        return dup
          ? t(`${v.trim()} står allerede som ${dup.nb}.`, `${v.trim()} is already listed as ${dup.en}.`)[ctx.lang]
          : true;
      },
    })
  ).trim();
  if (!personName) return undefined;
  const email = (
    await prompter!.input({
      message: q.emailRequired
        ? t(`${cap(what)} – e-post:`, `${cap(what)} – e-mail:`)[ctx.lang]
        : t(`${cap(what)} – e-post (valgfritt):`, `${cap(what)} – e-mail (optional):`)[ctx.lang],
      validate: (v) => {
        if (!v.trim()) return q.emailRequired ? t('Skriv e-postadressen.', 'Type the e-mail address.')[ctx.lang] : true;
        if (!isEmail(v.trim()))
          return t(
            `«${v.trim()}» er ikke en gyldig e-postadresse. Skriv den som navn@kommune.no.`,
            `"${v.trim()}" is not a valid e-mail address. Write it as name@example.org.`,
          )[ctx.lang];
        const dup = people.emailTakenBy(v);
        return dup
          ? t(`Adressen står allerede på ${dup.nb}.`, `The address is already used by ${dup.en}.`)[ctx.lang]
          : true;
      },
    })
  ).trim();
  const p: Person = { name: personName, ...(email ? { email } : {}) };
  people.add(p, q.what);
  return p;
}
