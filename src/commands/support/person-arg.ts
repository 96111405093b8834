/** People given on the command line as «Kari Nordmann <kari@kommune.no>» (init, new-group). */
import type { Person } from '../../core/model.js';
import { t, type Text } from '../../core/text.js';
import { isEmail } from '../../load/schema.js';

/** «Navn <e-post>» or, where the e-mail may be left out, just «Navn». */
export function parsePersonFlag(value: string, emailRequired: boolean): Person | Text {
  const m = /^\s*(.*?)\s*<\s*([^>]*?)\s*>\s*$/.exec(value);
  const name = (m ? m[1]! : value).trim();
  const email = m ? m[2]! : undefined;
  if (!name) return t('navnet mangler', 'the name is missing');
  if (name.length > 200) return t('navnet er lengre enn 200 tegn', 'the name is longer than 200 characters');
  if (email !== undefined && !isEmail(email))
    return t(`«${email}» er ikke en gyldig e-postadresse`, `"${email}" is not a valid e-mail address`);
  if (emailRequired && !email) return t('e-postadressen mangler', 'the e-mail address is missing');
  return { name, ...(email ? { email } : {}) };
}
