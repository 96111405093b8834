/** The commented refleks.yaml that `refleks init` writes. */
import { yamlString } from './yaml-text.js';

export interface WorkspaceTemplateInput {
  organisation: string;
  organiser: { name: string; email: string };
  schemaPath?: string;
  year: number;
}

export function workspaceYaml(input: WorkspaceTemplateInput): string {
  const y = input.year;
  return [
    ...(input.schemaPath ? [`# yaml-language-server: $schema=${input.schemaPath}`] : []),
    '# Innstillinger for dette refleks-arbeidsområdet.',
    '# Gruppene ligger i groups/, egne program i programmes/ og egne maler i templates/.',
    '# Kjør «refleks validate» etter at du har endret noe her.',
    '',
    '# Kommune og tjeneste, slik navnet skal stå i skjema, kursbevis og invitasjoner.',
    `organisation: ${yamlString(input.organisation)}`,
    '',
    '# Den som sender kalenderinvitasjonene (står som arrangør i Outlook og Google).',
    'organiser:',
    `  name: ${yamlString(input.organiser.name)}`,
    `  email: ${yamlString(input.organiser.email)}`,
    '',
    '# Tidssone for alle klokkeslett. Endre bare hvis gruppene møtes i en annen tidssone.',
    'timezone: Europe/Oslo',
    '',
    '# Språk i dokumenter og meldinger: nb (bokmål) eller en (engelsk).',
    'language: nb',
    '',
    '# Mappen der refleks legger kalenderfiler, skjema og veilederhefter.',
    'output: ut',
    '',
    '# Påminnelse i kalenderen, så mange timer før hver samling.',
    'reminder_hours: 24',
    '',
    '# Perioder uten samlinger. En samling som havner her, flyttes til samme ukedag uka etter.',
    '# Offentlige helligdager trenger du ikke skrive inn; refleks kjenner dem.',
    'blackouts:',
    `  - { name: Juleferie, from: ${y}-12-21, to: ${y + 1}-01-01 }`,
    `  - { name: Vinterferie, from: ${y + 1}-02-22, to: ${y + 1}-02-26 }`,
    `  - { name: Fellesferie, from: ${y + 1}-07-05, to: ${y + 1}-08-01 }`,
    '',
  ].join('\n');
}
