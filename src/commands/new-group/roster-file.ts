/**
 * Participants from a roster file (CSV, or an Excel workbook) in `refleks new-group`:
 * given with --roster, or chosen when asked. Rows with problems stop the run
 * unless skipped (--skip-bad-rows, or yes when asked). The roster parser, and
 * with it csv-parse (or read-excel-file for .xlsx), is imported only here and
 * only when a file is read.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { shownPath } from '../../paths.js';
import { printProblems } from '../support/context.js';
import { InputError, type Problem } from '../../core/problems.js';
import type { Roster } from '../../load/roster.js';
import { t, type Text } from '../../core/text.js';
import type { ParticipantList } from './participants-step.js';
import type { WizardState } from './wizard-state.js';

async function readRoster(
  { ctx, people }: WizardState,
  path: string,
): Promise<{ roster?: Roster; display: string; failure?: Problem }> {
  const abs = resolve(ctx.cwd, path);
  const display = shownPath(ctx.cwd, abs);
  const { parseRoster, RosterError, isZip } = await import('../../load/roster.js');
  try {
    const bytes = readFileSync(abs);
    // A workbook loads the spreadsheet reader; a CSV never does.
    const roster = isZip(bytes)
      ? await (await import('../../load/roster-xlsx.js')).parseXlsxRoster(bytes, { taken: people.list })
      : parseRoster(bytes, { taken: people.list });
    return { roster, display };
  } catch (err) {
    if (err instanceof RosterError)
      return {
        display,
        failure: { severity: 'error', file: display, message: err.text, ...(err.hint ? { hint: err.hint } : {}) },
      };
    throw err;
  }
}

function rosterSummary({ ctx }: WizardState, r: Roster, display: string): string {
  if (r.encoding === 'xlsx')
    return t(
      `Leste ${r.people.length} av ${r.rows} rader fra ${display} (Excel-arbeidsbok, første ark).`,
      `Read ${r.people.length} of ${r.rows} rows from ${display} (Excel workbook, first sheet).`,
    )[ctx.lang];
  const enc = r.encoding === 'windows-1252' ? 'Windows-1252' : r.encoding.toUpperCase();
  const sep =
    r.separator === ';'
      ? t('semikolon', 'semicolons')[ctx.lang]
      : r.separator === ','
        ? t('komma', 'commas')[ctx.lang]
        : t('tabulator', 'tabs')[ctx.lang];
  return t(
    `Leste ${r.people.length} av ${r.rows} rader fra ${display} (${enc}, ${sep}).`,
    `Read ${r.people.length} of ${r.rows} rows from ${display} (${enc}, ${sep}).`,
  )[ctx.lang];
}

/** «rad 4: mangler navn»: the row as Excel numbers it. */
function rowText(p: Roster['problems'][number]): Text {
  return t(`rad ${p.row}: ${p.message.nb}`, `row ${p.row}: ${p.message.en}`);
}

/** How many rows have problems, and each of them. */
function showRowProblems({ say, ctx }: WizardState, r: Roster): void {
  say(
    t(
      `${r.problems.length} ${r.problems.length === 1 ? 'rad har' : 'rader har'} feil:`,
      `${r.problems.length} ${r.problems.length === 1 ? 'row has' : 'rows have'} problems:`,
    )[ctx.lang],
  );
  r.problems.forEach((p) => say(`  ${rowText(p)[ctx.lang]}`));
}

function addRoster(participants: ParticipantList, r: Roster, display: string): void {
  r.people.forEach((p, i) => participants.add(p, t(`${display} nr. ${i + 1}`, `${display} no. ${i + 1}`)));
}

/** --roster: the participants it lists, or 1 when the coordinator will not skip its bad rows. */
export async function rosterFromFlag(
  s: WizardState,
  path: string,
  participants: ParticipantList,
): Promise<number | undefined> {
  const { ctx, opts, prompter, say, usage } = s;
  const abs = resolve(ctx.cwd, path);
  if (!existsSync(abs) || !statSync(abs).isFile())
    throw usage(`fant ikke deltakerlisten «${path}» (--roster)`, `roster file "${path}" not found (--roster)`);
  const { roster, display, failure } = await readRoster(s, path);
  if (failure) throw new InputError([failure]);
  if (roster!.problems.length) {
    const rows = roster!.problems.map((p): Problem => ({
      severity: opts.skipBadRows ? 'warning' : 'error',
      file: display,
      message: rowText(p),
    }));
    if (opts.skipBadRows) {
      printProblems(ctx, rows);
      ctx.err(
        t(
          `Hopper over ${rows.length} ${rows.length === 1 ? 'rad' : 'rader'} med feil (--skip-bad-rows).`,
          `Skipping ${rows.length} bad ${rows.length === 1 ? 'row' : 'rows'} (--skip-bad-rows).`,
        )[ctx.lang],
      );
    } else if (prompter) {
      say(rosterSummary(s, roster!, display));
      showRowProblems(s, roster!);
      if (
        !(await prompter.confirm({
          message: t('Hoppe over radene med feil og fortsette?', 'Skip the rows with problems and go on?')[ctx.lang],
          default: false,
        }))
      ) {
        ctx.err(
          t(
            'Rett radene i listen og kjør igjen. Ingenting er skrevet.',
            'Fix the rows in the list and run again. Nothing was written.',
          )[ctx.lang],
        );
        return 1;
      }
    } else {
      rows[rows.length - 1]!.hint = t(
        'Rett radene og lagre listen på nytt, eller bruk --skip-bad-rows for å hoppe over dem.',
        'Fix the rows and save the list again, or use --skip-bad-rows to skip them.',
      );
      throw new InputError(rows);
    }
  }
  if (!roster!.people.length)
    throw new InputError([
      { severity: 'error', file: display, message: t('listen har ingen deltakere', 'the list has no participants') },
    ]);
  addRoster(participants, roster!, display);
  if (!ctx.quiet || prompter) say(rosterSummary(s, roster!, display));
  return undefined;
}

/** Asks for a roster file until one gives participants (skipping bad rows only when told to). */
export async function rosterFromQuestion(s: WizardState, participants: ParticipantList): Promise<void> {
  const { ctx, prompter, say } = s;
  for (;;) {
    const path = (
      await prompter!.input({
        message: t('Filen med deltakerlisten (CSV eller Excel):', 'The file with the participant list (CSV or Excel):')[
          ctx.lang
        ],
        validate: (v) => {
          const abs = resolve(ctx.cwd, v.trim());
          if (!v.trim())
            return t('Skriv filnavnet, for eksempel deltakere.csv.', 'Type the file name, e.g. participants.csv.')[
              ctx.lang
            ];
          if (!existsSync(abs) || !statSync(abs).isFile())
            return t(
              `Fant ikke ${v.trim()} (leter fra ${ctx.cwd}).`,
              `${v.trim()} not found (looking from ${ctx.cwd}).`,
            )[ctx.lang];
          return true;
        },
      })
    ).trim();
    const loaded = await readRoster(s, path);
    if (loaded.failure) {
      ctx.err(
        `${t('feil', 'error')[ctx.lang]}: ${loaded.failure.message[ctx.lang]}${loaded.failure.hint ? ` ${loaded.failure.hint[ctx.lang]}` : ''}`,
      );
      continue;
    }
    const r = loaded.roster!;
    say(rosterSummary(s, r, loaded.display));
    if (r.problems.length) {
      showRowProblems(s, r);
      const skip =
        r.people.length > 0 &&
        (await prompter!.confirm({
          message: t(
            `Hoppe over ${r.problems.length === 1 ? 'raden' : 'radene'} med feil og bruke de ${r.people.length} andre?`,
            `Skip the ${r.problems.length === 1 ? 'row' : 'rows'} with problems and use the other ${r.people.length}?`,
          )[ctx.lang],
          default: false,
        }));
      if (!skip) {
        say(
          t('Rett listen, lagre den, og velg filen på nytt.', 'Fix the list, save it, then choose the file again.')[
            ctx.lang
          ],
        );
        continue;
      }
    }
    if (!r.people.length) {
      say(
        t('Listen har ingen deltakere. Velg en annen fil.', 'The list has no participants. Choose another file.')[
          ctx.lang
        ],
      );
      continue;
    }
    addRoster(participants, r, loaded.display);
    break;
  }
}
