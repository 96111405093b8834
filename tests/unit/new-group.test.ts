import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../src/load/workspace.js';
import { scratchWorkspaces, treeHashes } from '../helpers/cli.js';
import { CTRL_C, DEFAULT, runNewGroup, ScriptedPrompter, type Step } from './new-group.helpers.js';

const ROSTERS = new URL('../fixtures/rosters/', import.meta.url).pathname;
const workspace = scratchWorkspaces();

/** Loads the workspace as `validate` does and returns the group, failing on any error. */
function loadGroup(dir: string, id: string) {
  const { workspace: ws, problems } = loadWorkspace(dir);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  const group = ws!.groups.find((g) => g.id === id);
  expect(group).toBeDefined();
  return group!;
}

const facilitatorSteps: Step[] = [
  [/Lokal veileder – navn/, 'Kari Nordmann'],
  [/Lokal veileder – e-post/, 'kari.nordmann@lillevik.kommune.no'],
];
const dateSteps: Step[] = [
  [/Første samling/, '2027-03-02'],
  [/Starttidspunkt/, DEFAULT],
  [/Varighet/, DEFAULT],
  [/Uker mellom/, DEFAULT],
];
const roomSteps: Step[] = [
  [/Hvor møtes/, 'room'],
  [/Rom/, 'Helsehuset, møterom 3'],
  [/Adresse/, 'Storgata 1, 1234 Lillevik'],
];

describe('refleks new-group, interactive', () => {
  it('asks again when the name is taken or an e-mail is invalid, and writes a file that loads with its comments', async () => {
    const dir = workspace();
    const p = new ScriptedPrompter([
      [/Hvilket program/, 'mestring'],
      [/Gruppens navn/, 'Sone nord'], // groups/sone-nord.yaml exists
      [/Gruppens navn/, 'Hjemmetjenesten sone sør'],
      [/Lokal veileder – navn/, 'Kari Nordmann'],
      [/Lokal veileder – e-post/, 'kari.nordmann(at)lillevik.kommune.no'],
      [/Lokal veileder – e-post/, 'kari.nordmann@lillevik.kommune.no'],
      [/Leder – navn/, 'Per Hansen'],
      [/Leder – e-post/, 'per.hansen@lillevik.kommune.no'],
      [/Hvordan vil du legge inn/, 'one'],
      [/Deltaker 1 – navn/, 'Ali Khan'],
      [/Deltaker 1 – e-post/, 'ali.khan@lillevik.kommune.no'],
      [/Deltaker 2 – navn/, 'Kari Nordmann'], // already the facilitator
      [/Deltaker 2 – navn/, 'Siri\u2028Ødegård'], // a line separator from a pasted text
      [/Deltaker 2 – navn/, 'Siri Ødegård'],
      [/Deltaker 2 – e-post/, ''],
      [/Deltaker 3 – navn/, 'Jonas Æsøy'],
      [/Deltaker 3 – e-post/, 'jonas.aesoy@lillevik.kommune.no'],
      [/Deltaker 4 – navn/, ''],
      ...dateSteps,
      ...roomSteps,
      [/Skrive groups\/hjemmetjenesten-sone-sor\.yaml/, true],
    ]);
    const r = await runNewGroup(dir, {}, p);
    expect(r.err).not.toContain('feil:');
    expect(r.code).toBe(0);
    expect(p.remaining).toBe(0);
    expect(p.refused).toEqual([
      expect.stringContaining('groups/sone-nord.yaml'),
      expect.stringContaining('«kari.nordmann(at)lillevik.kommune.no» er ikke en gyldig e-postadresse'),
      expect.stringContaining('Kari Nordmann står allerede som lokal veileder'),
      'Teksten har linjeskift, som ikke kan stå her. Skriv den på én linje uten.',
    ]);
    // Three participants is below the recommended 4–6: a warning, not a stop.
    expect(r.err).toContain('advarsel: 3 deltakere (anbefalt 4–6)');
    expect(r.out).toContain('tirsdag 2. mars 2027 kl. 13.00–15.00');
    expect(r.out).toContain('refleks schedule hjemmetjenesten-sone-sor');

    const text = readFileSync(join(dir, 'groups/hjemmetjenesten-sone-sor.yaml'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*schemas\/group\.schema\.json$/);
    expect(text).toContain('# Lokal veileder: leder samlingene');
    expect(text).toContain('# Deltakere: 4–6 er anbefalt.');
    const g = loadGroup(dir, 'hjemmetjenesten-sone-sor');
    expect(g.name).toBe('Hjemmetjenesten sone sør');
    expect(g.programmeId).toBe('mestring');
    expect(g.facilitator).toEqual({ name: 'Kari Nordmann', email: 'kari.nordmann@lillevik.kommune.no' });
    expect(g.leader).toEqual({ name: 'Per Hansen', email: 'per.hansen@lillevik.kommune.no' });
    expect(g.participants).toEqual([
      { name: 'Ali Khan', email: 'ali.khan@lillevik.kommune.no' },
      { name: 'Siri Ødegård' },
      { name: 'Jonas Æsøy', email: 'jonas.aesoy@lillevik.kommune.no' },
    ]);
    expect(g.location).toMatchObject({ room: 'Helsehuset, møterom 3', address: 'Storgata 1, 1234 Lillevik' });
    expect([g.start, g.time, g.durationMinutes, g.intervalWeeks]).toEqual(['2027-03-02', '13:00', 120, 2]);
  });

  it('combines themes from both editions, alternating by default, and lets the order be changed', async () => {
    const dir = workspace();
    const chosen = ['mestring/1', 'mestring/3', 'rehabilitering/1', 'rehabilitering/3', 'mestring/5'];
    const p = new ScriptedPrompter([
      [/Hvilket program/, 'Kombiner'],
      [/Velg temaene/, []], // nothing picked: refused
      [/Velg temaene/, chosen],
      [/endre rekkefølgen/, false],
      [/Gruppens navn/, 'Sykehjemmet avdeling 3'],
      ...facilitatorSteps,
      [/Leder – navn/, ''],
      [/Hvordan vil du legge inn/, 'one'],
      [/Deltaker 1 – navn/, 'Bjørg Haugland'],
      [/Deltaker 1 – e-post/, ''],
      [/Deltaker 2 – navn/, ''],
      ...dateSteps,
      ...roomSteps,
      [/Skrive/, DEFAULT],
    ]);
    const r = await runNewGroup(dir, {}, p);
    expect(r.code).toBe(0);
    expect(p.refused).toEqual(['Velg minst ett tema.']);
    // Every theme of both editions was offered, and only those.
    const offered = p.offered.get([...p.offered.keys()].find((k) => k.startsWith('Velg temaene'))!)!;
    for (const n of [1, 2, 3, 4, 5])
      expect(offered).toEqual(expect.arrayContaining([`mestring/${n}`, `rehabilitering/${n}`]));
    // Mestringstreff is a course for citizens, not an edition to mix in.
    expect(offered.filter((v) => v.startsWith('mestringstreff/'))).toEqual([]);
    const g = loadGroup(dir, 'sykehjemmet-avdeling-3');
    expect(g.combined).toBe(true);
    expect(g.themes.map((th) => `${th.programmeId}/${th.theme.id}`)).toEqual([
      'mestring/1',
      'rehabilitering/1',
      'mestring/3',
      'rehabilitering/3',
      'mestring/5',
    ]);
    expect(g.leader).toBeUndefined();
    expect(readFileSync(join(dir, 'groups/sykehjemmet-avdeling-3.yaml'), 'utf8')).toContain(
      '# Temaene gruppen tar, ett per samling',
    );
  });

  it('orders combined themes one session at a time when asked to', async () => {
    const dir = workspace();
    const p = new ScriptedPrompter([
      [/Hvilket program/, 'Kombiner'],
      [/Velg temaene/, ['mestring/2', 'rehabilitering/4', 'rehabilitering/1']],
      [/endre rekkefølgen/, true],
      [/Samling 1/, 'rehabilitering/4'],
      [/Samling 2/, 'mestring/2'],
      [/Gruppens navn/, 'Tre temaer'],
      ...facilitatorSteps,
      [/Leder – navn/, ''],
      [/Hvordan vil du legge inn/, 'one'],
      [/Deltaker 1 – navn/, 'Ola Dahl'],
      [/Deltaker 1 – e-post/, ''],
      [/Deltaker 2 – navn/, ''],
      ...dateSteps,
      ...roomSteps,
      [/Skrive/, true],
    ]);
    expect((await runNewGroup(dir, {}, p)).code).toBe(0);
    expect(loadGroup(dir, 'tre-temaer').themes.map((th) => `${th.programmeId}/${th.theme.id}`)).toEqual([
      'rehabilitering/4',
      'mestring/2',
      'rehabilitering/1',
    ]);
  });

  it('asks for the erfaringskonsulent for Mestringstreff, and only there', async () => {
    const dir = workspace();
    const p = new ScriptedPrompter([
      [/Hvilket program/, 'mestringstreff'],
      [/Gruppens navn/, 'Mestringstreff høsten 2027'],
      ...facilitatorSteps,
      [/Medveileder \(erfaringskonsulent\) – navn/, 'Arne Fjeld'],
      [/Medveileder \(erfaringskonsulent\) – e-post \(valgfritt\)/, ''],
      [/Leder – navn/, ''],
      [/Hvordan vil du legge inn/, 'one'],
      [/Deltaker 1 – navn/, 'Randi Johansen'],
      [/Deltaker 1 – e-post/, 'randi@example.org'],
      [/Deltaker 2 – navn/, ''],
      [/Første samling/, '2027-09-01'],
      [/Starttidspunkt/, '18.00'], // Norwegian habit: accepted and normalised
      [/Varighet/, DEFAULT],
      [/Uker mellom/, DEFAULT],
      [/Hvor møtes/, 'online'],
      [/Lenke/, 'teams.microsoft.com/l/meetup'], // no https://: refused
      [/Lenke/, 'https://teams.microsoft.com/l/meetup-join/abc'],
      [/Skrive/, true],
    ]);
    const r = await runNewGroup(dir, {}, p);
    expect(r.err).not.toContain('feil');
    expect(r.err).toContain('1 deltaker (anbefalt 6–15)'); // Mestringstreff's own recommendation
    expect(r.code).toBe(0);
    expect(p.refused).toHaveLength(1);
    const g = loadGroup(dir, 'mestringstreff-hosten-2027');
    expect(g.coFacilitator).toEqual({ name: 'Arne Fjeld' });
    expect([g.time, g.intervalWeeks, g.themes.length]).toEqual(['18:00', 1, 6]);
    expect(g.location.url).toBe('https://teams.microsoft.com/l/meetup-join/abc');
    expect(readFileSync(join(dir, 'groups/mestringstreff-hosten-2027.yaml'), 'utf8')).toContain(
      '# Medveileder (erfaringskonsulent)',
    );
  });

  it('warns about a public holiday as the first date and asks again when the coordinator wants another', async () => {
    const dir = workspace();
    const p = new ScriptedPrompter([
      [/Hvilket program/, 'rehabilitering'],
      [/Gruppens navn/, 'Rehab vår'],
      ...facilitatorSteps,
      [/Leder – navn/, ''],
      [/Hvordan vil du legge inn/, 'one'],
      [/Deltaker 1 – navn/, 'Ola Dahl'],
      [/Deltaker 1 – e-post/, ''],
      [/Deltaker 2 – navn/, ''],
      [/Første samling/, '17.05.2027'], // Norwegian format: refused with a hint
      [/Første samling/, '2027-05-17'],
      [/Bruke denne datoen likevel/, false],
      [/Første samling/, DEFAULT], // the suggestion: two weeks after «today», a working day
      [/Starttidspunkt/, DEFAULT],
      [/Varighet/, '90'],
      [/Uker mellom/, '3'],
      ...roomSteps,
      [/Skrive/, true],
    ]);
    const r = await runNewGroup(dir, {}, p);
    expect(r.code).toBe(0);
    expect(p.refused[0]).toContain('Skriv 2027-05-17');
    expect(r.out).toContain('mandag 17. mai 2027 er grunnlovsdag');
    const g = loadGroup(dir, 'rehab-var');
    expect([g.start, g.durationMinutes, g.intervalWeeks]).toEqual(['2027-02-15', 90, 3]);
  });

  it('imports a roster: bad rows are listed, refused, and a clean Windows-1252 list is used', async () => {
    const dir = workspace();
    const p = new ScriptedPrompter([
      [/Hvilket program/, 'mestring'],
      [/Gruppens navn/, 'Sone sør'],
      ...facilitatorSteps,
      [/Leder – navn/, ''],
      [/Hvordan vil du legge inn/, 'file'],
      [/Filen med deltakerlisten/, 'finnes-ikke.csv'],
      [/Filen med deltakerlisten/, join(ROSTERS, 'feil-rader.csv')],
      [/Hoppe over radene med feil/, false],
      [/Filen med deltakerlisten/, join(ROSTERS, 'windows-1252-semikolon.csv')],
      [/Legge til flere deltakere/, false],
      ...dateSteps,
      ...roomSteps,
      [/Skrive/, true],
    ]);
    const r = await runNewGroup(dir, {}, p);
    expect(r.code).toBe(0);
    expect(p.refused[0]).toContain('Fant ikke finnes-ikke.csv');
    // The facilitator Kari Nordmann is also on row 2 of the bad list.
    expect(r.out).toMatch(/rad 2: samme person to ganger: navnet Kari Nordmann står også på lokal veileder/);
    for (const row of [3, 4, 6, 7]) expect(r.out).toContain(`rad ${row}:`);
    expect(r.out).toContain('Leste 5 av 5 rader fra');
    expect(r.out).toContain('(Windows-1252, semikolon)');
    const g = loadGroup(dir, 'sone-sor');
    expect(g.participants.map((x) => x.name)).toEqual([
      'Åse Grønli',
      'Bjørn Ærøy',
      'Søren Ødegård',
      'Marthe Lien-Åberg',
      'René Bakke',
    ]);
    expect(g.participants[0]).toEqual({
      name: 'Åse Grønli',
      email: 'ase.gronli@lillevik.kommune.no',
      unit: 'Sone sør',
      role: 'Helsefagarbeider',
    });
  });

  it('skips bad roster rows when the coordinator confirms, and can add more by hand', async () => {
    const dir = workspace();
    const p = new ScriptedPrompter([
      [/Hvilket program/, 'mestring'],
      [/Gruppens navn/, 'Sone sør'],
      [/Lokal veileder – navn/, 'Hilde Strand'],
      [/Lokal veileder – e-post/, 'hilde@lillevik.kommune.no'],
      [/Leder – navn/, ''],
      [/Hvordan vil du legge inn/, 'file'],
      [/Filen med deltakerlisten/, join(ROSTERS, 'feil-rader.csv')],
      [/Hoppe over radene med feil/, true],
      [/Legge til flere deltakere/, true],
      [/Deltaker 5 – navn/, 'Nils Berg'],
      [/Deltaker 5 – e-post/, 'ali.khan@lillevik.kommune.no'], // Ali Khan's address, from the roster
      [/Deltaker 5 – e-post/, 'nils.berg@lillevik.kommune.no'],
      [/Deltaker 6 – navn/, ''],
      ...dateSteps,
      ...roomSteps,
      [/Skrive/, true],
    ]);
    const r = await runNewGroup(dir, {}, p);
    expect(r.code).toBe(0);
    expect(p.refused).toEqual([expect.stringContaining('Adressen står allerede på')]);
    expect(loadGroup(dir, 'sone-sor').participants.map((x) => x.name)).toEqual([
      'Kari Nordmann',
      'Jonas Æsøy',
      'Siri Ødegård',
      'Ali Khan',
      'Nils Berg',
    ]);
  });

  it('Ctrl+C at any question exits 130 and writes nothing', async () => {
    const dir = workspace();
    const before = treeHashes(dir);
    const p = new ScriptedPrompter([
      [/Hvilket program/, 'mestring'],
      [/Gruppens navn/, 'Sone sør'],
      ...facilitatorSteps,
      [/Leder – navn/, ''],
      [/Hvordan vil du legge inn/, 'one'],
      [/Deltaker 1 – navn/, 'Ola Dahl'],
      [/Deltaker 1 – e-post/, ''],
      [/Deltaker 2 – navn/, ''],
      [/Første samling/, CTRL_C],
    ]);
    const r = await runNewGroup(dir, {}, p);
    expect(r.code).toBe(130);
    expect(r.err.split('\n').at(-1)).toBe('Avbrutt – ingenting er skrevet.');
    expect(treeHashes(dir)).toEqual(before);
  });

  it('Ctrl+C at the very last question (the confirmation) writes nothing either', async () => {
    const dir = workspace();
    const before = treeHashes(dir);
    const p = new ScriptedPrompter([[/Skrive/, CTRL_C]]);
    const r = await runNewGroup(
      dir,
      {
        programme: 'mestring',
        name: 'Sone sør',
        facilitator: 'Kari <kari@lillevik.kommune.no>',
        participant: ['Ola'],
        start: '2027-03-02',
        location: 'Rom 1',
        time: '13:00',
        duration: '120',
        interval: '2',
        leader: 'Per <per@lillevik.kommune.no>',
      },
      p,
    );
    expect(r.code).toBe(130);
    expect(treeHashes(dir)).toEqual(before);
  });

  it('declining the summary writes nothing and exits 0', async () => {
    const dir = workspace();
    const p = new ScriptedPrompter([[/Skrive/, false]]);
    const r = await runNewGroup(
      dir,
      {
        programme: 'mestring',
        name: 'Sone sør',
        facilitator: 'Kari <kari@lillevik.kommune.no>',
        participant: ['Ola'],
        start: '2027-03-02',
        location: 'Rom 1',
        time: '13:00',
        duration: '120',
        interval: '2',
        leader: 'Per <per@lillevik.kommune.no>',
      },
      p,
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('Ingenting er skrevet.');
    expect(existsSync(join(dir, 'groups/sone-sor.yaml'))).toBe(false);
  });

  it('speaks English and writes English comments with lang en', async () => {
    const dir = workspace();
    const p = new ScriptedPrompter([
      [/Which programme/, 'mestring'],
      [/The group name/, 'Zone south'],
      [/Local facilitator – name/, 'Kari Nordmann'],
      [/Local facilitator – e-mail/, 'kari@example.org'],
      [/Leader – name/, ''],
      [/How do you want to add/, 'one'],
      [/Participant 1 – name/, 'Ola Dahl'],
      [/Participant 1 – e-mail/, ''],
      [/Participant 2 – name/, ''],
      [/First session/, '2027-03-02'],
      [/Start time/, DEFAULT],
      [/Length/, DEFAULT],
      [/Weeks between/, DEFAULT],
      [/Where does the group meet/, 'room'],
      [/Room/, 'Room 2'],
      [/Address/, ''],
      [/Write groups\/zone-south\.yaml/, true],
    ]);
    const r = await runNewGroup(dir, {}, p, 'en');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Tuesday 2 March 2027');
    const text = readFileSync(join(dir, 'groups/zone-south.yaml'), 'utf8');
    expect(text).toContain('# Local facilitator: leads the sessions');
    expect(text).not.toContain('veileder');
    loadGroup(dir, 'zone-south');
  });
});

const ALL_FLAGS = {
  programme: 'mestring',
  name: 'Hjemmetjenesten sone sør',
  facilitator: 'Kari Nordmann <kari.nordmann@lillevik.kommune.no>',
  leader: 'Per Hansen <per.hansen@lillevik.kommune.no>',
  participant: [
    'Ali Khan <ali.khan@lillevik.kommune.no>',
    'Siri Ødegård',
    'Jonas Æsøy <jonas.aesoy@lillevik.kommune.no>',
    'Olena Kovalenko <olena@lillevik.kommune.no>',
  ],
  start: '2027-03-02',
  location: 'Helsehuset, møterom 3',
  yes: true,
};

describe('refleks new-group, from flags (no terminal)', () => {
  it('asks nothing and writes the group when every flag is there', async () => {
    const dir = workspace();
    const r = await runNewGroup(dir, ALL_FLAGS);
    expect(r.code).toBe(0);
    const g = loadGroup(dir, 'hjemmetjenesten-sone-sor');
    expect(g.participants).toHaveLength(4);
    expect(g.participants[1]).toEqual({ name: 'Siri Ødegård' });
    expect(g.location.text).toBe('Helsehuset, møterom 3');
    expect([g.time, g.durationMinutes, g.intervalWeeks]).toEqual(['13:00', 120, 2]);
  });

  it('exits 2 and lists every missing flag instead of waiting for answers', async () => {
    const dir = workspace();
    const before = treeHashes(dir);
    const r = await runNewGroup(dir, { name: 'Sone sør', start: '2027-03-02' });
    expect(r.code).toBe(2);
    for (const flag of ['--programme', '--facilitator', '--participant', '--roster', '--location', '--yes'])
      expect(r.err).toContain(flag);
    expect(r.err).not.toContain('--name');
    expect(r.err).not.toContain('--start');
    expect(treeHashes(dir)).toEqual(before);
  });

  it.each([
    [
      { facilitator: 'Kari Nordmann <kari(at)lillevik.kommune.no>' },
      '«kari(at)lillevik.kommune.no» er ikke en gyldig e-postadresse',
    ],
    [{ facilitator: 'Kari Nordmann' }, 'e-postadressen mangler'],
    [{ start: '2027-02-30' }, 'februar 2027 har 28 dager'],
    [{ start: '02.03.2027' }, 'Skriv 2027-03-02'],
    [{ time: '25:00' }, 'timer 00–23'],
    [{ duration: 'to timer' }, 'helt tall fra 15 til 600'],
    [{ programme: 'mestrng' }, 'Mente du «mestring»'],
    [{ name: 'Sone nord' }, 'groups/sone-nord.yaml'],
    [{ id: 'Sone Sør' }, 'bare små bokstaver'],
    [{ participant: ['Kari Nordmann <kari2@lillevik.kommune.no>'] }, 'står allerede som lokal veileder'],
    [{ themes: 'mestring/1,rehabilitering/9' }, 'har ikke tema «9»'],
    [{ roster: 'finnes-ikke.csv' }, 'fant ikke deltakerlisten'],
  ])('refuses a bad flag value with exit 2: %o', async (bad, message) => {
    const dir = workspace();
    const before = treeHashes(dir);
    const r = await runNewGroup(dir, { ...ALL_FLAGS, ...bad });
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(treeHashes(dir)).toEqual(before);
  });

  it('reads a Windows-1252 semicolon roster with --roster', async () => {
    const dir = workspace();
    const r = await runNewGroup(dir, {
      ...ALL_FLAGS,
      participant: undefined,
      roster: join(ROSTERS, 'windows-1252-semikolon.csv'),
    });
    expect(r.code).toBe(0);
    expect(loadGroup(dir, 'hjemmetjenesten-sone-sor').participants.map((p) => p.name)).toEqual([
      'Åse Grønli',
      'Bjørn Ærøy',
      'Søren Ødegård',
      'Marthe Lien-Åberg',
      'René Bakke',
    ]);
  });

  it('refuses a roster with bad rows (exit 1, rows listed, nothing written) unless --skip-bad-rows', async () => {
    const dir = workspace();
    const before = treeHashes(dir);
    const opts = {
      ...ALL_FLAGS,
      facilitator: 'Hilde Strand <hilde@lillevik.kommune.no>',
      participant: undefined,
      roster: join(ROSTERS, 'feil-rader.csv'),
    };
    const r = await runNewGroup(dir, opts);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/feil-rader\.csv: rad 3: mangler navn/);
    expect(r.err).toContain('rad 4: «per.hansen(at)lillevik.kommune.no» er ikke en gyldig e-postadresse');
    expect(r.err).toContain('--skip-bad-rows');
    expect(treeHashes(dir)).toEqual(before);

    const skipped = await runNewGroup(dir, { ...opts, skipBadRows: true });
    expect(skipped.code).toBe(0);
    expect(skipped.err).toContain('Hopper over 4 rader med feil');
    expect(loadGroup(dir, 'hjemmetjenesten-sone-sor').participants).toHaveLength(4);
  });

  it('refuses a roster without a header row with exit 1', async () => {
    const dir = workspace();
    const r = await runNewGroup(dir, {
      ...ALL_FLAGS,
      participant: undefined,
      roster: join(ROSTERS, 'uten-overskrift.csv'),
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain('fant ingen kolonne med navn');
  });

  it('never overwrites a file, even one that appears under another id spelling', async () => {
    const dir = workspace();
    writeFileSync(
      join(dir, 'groups/annen.yaml'),
      readFileSync(join(dir, 'groups/sone-nord.yaml'), 'utf8').replace('name:', 'id: hjemmetjenesten-sone-sor\nname:'),
    );
    const r = await runNewGroup(dir, ALL_FLAGS);
    expect(r.code).toBe(2);
    expect(r.err).toContain('hjemmetjenesten-sone-sor');
  });
});
