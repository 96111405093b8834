/** The commented refleks.yaml that `refleks init` writes. */
import { countiesWithWeek, isoWeekMonday, type County } from './counties.js';
import { yamlString } from './yaml-text.js';
import { addDays } from './zoned-time.js';

export interface WorkspaceTemplateInput {
  organisation: string;
  organiser: { name: string; email: string };
  schemaPath?: string;
  year: number;
  /** For the winter holiday week; without one (or with a county split between weeks) both are written as comments. */
  county?: County;
}

/** The school winter holiday: week 8 or 9 depending on the county, never assumed. */
function winterHoliday(year: number, county: County | undefined): string[] {
  const entry = (week: 8 | 9) => {
    const monday = isoWeekMonday(year, week);
    return `- { name: Vinterferie, from: ${monday}, to: ${addDays(monday, 4)} }`;
  };
  if (county?.winterWeek) {
    return [
      `  # Vinterferien i skolen i ${county.name} er vanligvis uke ${county.winterWeek}; sjekk skoleruta i kommunen.`,
      `  ${entry(county.winterWeek)}`,
    ];
  }
  const list = (week: 8 | 9) =>
    countiesWithWeek(week)
      .join(', ')
      .replace(/, ([^,]*)$/, ' og $1');
  return [
    ...(county
      ? [
          `  # Vinterferien i skolen i ${county.name} er ${county.varies ?? 'ulik fra sted til sted'}.`,
          '  # Sjekk skoleruta i kommunen, og fjern # foran riktig uke:',
        ]
      : [
          '  # Vinterferien i skolen er uke 8 eller 9 etter fylke (i Trøndelag og nord ofte uke 9 eller 10):',
          `  # uke 8 i ${list(8)},`,
          `  # uke 9 i ${list(9)}. Sjekk skoleruta i kommunen, og fjern # foran riktig uke:`,
        ]),
    `  # ${entry(8)}   # uke 8`,
    `  # ${entry(9)}   # uke 9`,
  ];
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
    '# Logo øverst på kursbevisene: en PNG- eller JPEG-fil på høyst 1 MB. Fjern # for å bruke den.',
    '# logo: logo.png',
    '',
    '# Perioder uten samlinger. En samling som havner her, flyttes til samme ukedag uka etter.',
    '# Offentlige helligdager trenger du ikke skrive inn; refleks kjenner dem.',
    'blackouts:',
    `  - { name: Juleferie, from: ${y}-12-21, to: ${y + 1}-01-01 }`,
    ...winterHoliday(y + 1, input.county),
    `  - { name: Fellesferie, from: ${y + 1}-07-05, to: ${y + 1}-08-01 }`,
    '',
  ].join('\n');
}
