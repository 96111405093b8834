// Synthetic workspaces for the benchmark: n groups with realistic rosters,
// both editions, combined groups and Mestringstreff, spread over a year.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const FIRST = [
  'Kari',
  'Ola',
  'Ingrid',
  'Per',
  'Siri',
  'Ali',
  'Fatima',
  'Jonas',
  'Marte',
  'Olena',
  'Håkon',
  'Åse',
  'Bjørg',
  'Tomasz',
  'Mohammed',
  'Camilla',
  'Eirik',
  'Anne',
  'Lars-Øyvind',
  'Nina',
  'Sofie',
  'Ibrahim',
  'Wenche',
  'Randi',
];
const LAST = [
  'Nordmann',
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Andersen',
  'Pedersen',
  'Nilsen',
  'Kristiansen',
  'Jensen',
  'Karlsen',
  'Ødegård',
  'Sæther',
  'Haugland',
  'Aasland',
  'Brekke',
  'Khan',
  'Nowak',
  'Yusuf',
  'Kovalenko',
  'Grønli',
  'Æsøy',
];
const ascii = (s) =>
  s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z0-9]+/g, '.');

function person(i, domain) {
  const first = FIRST[i % FIRST.length];
  const last = LAST[(i * 7 + 3) % LAST.length];
  return { name: `${first} ${last}`, email: `${ascii(first)}.${ascii(last)}.${i}@${domain}` };
}

export const TRASH = fileURLToPath(new URL('.work/trash', import.meta.url));

/**
 * Moves a folder into the bench's trash (deleted when the bench ends). Not
 * deleted here: on ext4 without a journal, as on the machines this runs on,
 * making files for some minutes after deleting many is several times slower
 * (the inode allocator skips recently deleted inodes), which would charge the
 * next build for the bench's own clean-up.
 */
export function moveToTrash(path) {
  if (!existsSync(path)) return;
  mkdirSync(TRASH, { recursive: true });
  renameSync(path, `${TRASH}/${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);
}

export function generateWorkspace(dir, n) {
  moveToTrash(dir);
  mkdirSync(join(dir, 'groups'), { recursive: true });
  writeFileSync(
    join(dir, 'refleks.yaml'),
    [
      'organisation: Testvik kommune, helse og omsorg',
      'organiser: { name: Kursansvarlig Testvik, email: kurs@testvik.kommune.no }',
      'blackouts:',
      '  - { name: Fellesferie, from: 2027-07-05, to: 2027-08-01 }',
      '',
    ].join('\n'),
  );
  for (let g = 0; g < n; g++) {
    const domain = `kommune${g % 40}.kommune.no`;
    const kind = g % 4;
    const programme = kind === 3 ? null : ['mestring', 'rehabilitering', 'mestringstreff'][kind];
    const size = programme === 'mestringstreff' ? 8 : 4 + (g % 3);
    const base = g * 10;
    const facilitator = person(base, domain);
    const leader = person(base + 1, domain);
    const participants = Array.from({ length: size }, (_, i) => person(base + 2 + i, domain));
    // A weekday in January–October 2027, as real groups meet on working days.
    const first = new Date(Date.UTC(2027, g % 10, 4 + (g % 20)));
    while (first.getUTCDay() === 0 || first.getUTCDay() === 6) first.setUTCDate(first.getUTCDate() + 1);
    const [, month, day] = first.toISOString().slice(0, 10).split('-');
    const lines = [
      `name: Gruppe ${g + 1} – ${['Hjemmetjenesten', 'Sykehjemmet', 'Rehabiliteringsteamet', 'Bofellesskapet'][g % 4]}`,
      programme
        ? `programme: ${programme}`
        : 'themes: [mestring/1, rehabilitering/2, mestring/3, rehabilitering/4, mestring/5]',
      `facilitator: { name: ${facilitator.name}, email: ${facilitator.email} }`,
      `leader: { name: ${leader.name}, email: ${leader.email} }`,
      'participants:',
      ...participants.map((p) => `  - { name: ${p.name}, email: ${p.email} }`),
      `location: { room: "Møterom ${1 + (g % 9)}", address: "Storgata ${g + 1}, 1234 Testvik" }`,
      `start: 2027-${month}-${day}`,
      `time: "${['09:00', '13:00', '14:30', '18:00'][g % 4]}"`,
      '',
    ];
    writeFileSync(join(dir, 'groups', `gruppe-${String(g + 1).padStart(4, '0')}.yaml`), lines.join('\n'));
  }
}
