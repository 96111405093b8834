/**
 * Step 3 of `refleks new-group`: the local facilitator (always, with e-mail),
 * the co-facilitator (asked only where the programme names one) and the
 * leader (optional, with e-mail).
 */
import type { Person } from '../../core/model.js';
import { t } from '../../core/text.js';
import { personFromFlagOrAsk } from './people.js';
import type { WizardState } from './wizard-state.js';

export interface PeopleAnswer {
  facilitator: Person;
  coFacilitator: Person | undefined;
  leader: Person | undefined;
}

export async function choosePeople(s: WizardState, coLabel: string | undefined): Promise<PeopleAnswer> {
  const { opts, askOptional } = s;
  const facilitator = (await personFromFlagOrAsk(s, {
    flag: opts.facilitator,
    flagName: '--facilitator',
    what: t('lokal veileder', 'local facilitator'),
    emailRequired: true,
    optional: false,
    ask: true,
  }))!;
  const coFacilitator = await personFromFlagOrAsk(s, {
    flag: opts.coFacilitator,
    flagName: '--co-facilitator',
    what: coLabel ? t(`medveileder (${coLabel})`, `co-facilitator (${coLabel})`) : t('medveileder', 'co-facilitator'),
    emailRequired: false,
    optional: true,
    ask: askOptional && !!coLabel,
  });
  const leader = await personFromFlagOrAsk(s, {
    flag: opts.leader,
    flagName: '--leader',
    what: t('leder', 'leader'),
    emailRequired: true,
    optional: true,
    ask: askOptional,
  });
  return { facilitator, coFacilitator, leader };
}
