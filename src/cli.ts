/**
 * The command table. Each command's module is imported only when that command
 * runs, so `refleks --help` or `validate` never load docx, Handlebars or the
 * prompts. Errors become exit codes here and nowhere else: 0 ok, 1 bad input,
 * 2 wrong usage.
 */
import { Argument, Command, CommanderError, Help, Option } from 'commander';
import type { CliContext } from './commands/support/context.js';
import { printProblems } from './commands/support/print.js';
import { InputError, UsageError } from './core/problems.js';
import { isLang, t, type Lang } from './core/text.js';
import { VERSION } from './version.js';

const TITLES: Record<string, string> = {
  'Usage:': 'Bruk:',
  'Options:': 'Valg:',
  'Commands:': 'Kommandoer:',
  'Arguments:': 'Argumenter:',
  'Global Options:': 'Felles valg:',
};

/** Placeholders are written in bokmål in the command table; English help shows them in English. */
const PLACEHOLDERS_EN: Record<string, string> = {
  mappe: 'dir',
  språk: 'lang',
  navn: 'name',
  '"Navn <e-post>"': '"Name <email>"',
  liste: 'list',
  fil: 'file',
  dato: 'date',
  'TT:MM': 'HH:MM',
  minutter: 'minutes',
  uker: 'weeks',
  sted: 'place',
  antall: 'count',
  dager: 'days',
  grupper: 'groups',
  kommando: 'command',
};

function placeholdersInEnglish(text: string): string {
  return text.replace(
    /([<[])("Navn <e-post>"|[^<>[\]\s.]+)(\.\.\.)?([>\]])/g,
    (all, open: string, word: string, dots: string | undefined, close: string) => {
      const en = PLACEHOLDERS_EN[word];
      return en ? `${open}${en}${dots ?? ''}${close}` : all;
    },
  );
}

function detectLang(argv: string[], env: NodeJS.ProcessEnv): { lang: Lang; fromFlag: boolean } {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = a.startsWith('--lang=') ? a.slice(7) : a === '--lang' ? argv[i + 1] : undefined;
    if (isLang(v)) return { lang: v, fromFlag: true };
  }
  return { lang: isLang(env.REFLEKS_LANG) ? env.REFLEKS_LANG : 'nb', fromFlag: false };
}

type Loader = () => Promise<{ run: (ctx: CliContext, ...args: never[]) => Promise<number> | number }>;

export interface RunOptions {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  /** Aborted when the user presses Ctrl+C. */
  signal?: AbortSignal;
}

export async function main(opts: RunOptions): Promise<number> {
  const { lang, fromFlag } = detectLang(opts.argv, opts.env);
  const nb = lang === 'nb';
  const ctx: CliContext = {
    lang,
    langFromFlag: fromFlag,
    cwd: opts.cwd,
    debug: opts.argv.includes('--debug'),
    quiet: opts.argv.includes('--quiet') || opts.argv.includes('-q'),
    isTTY: opts.isTTY,
    ...(opts.signal ? { signal: opts.signal } : {}),
    out: (line) => opts.stdout(line + '\n'),
    err: (line) => opts.stderr(line + '\n'),
    ...(opts.isTTY ? { progress: (line: string) => opts.stderr(`\r\x1b[2K${line}`) } : {}),
  };
  let exitCode = 0;

  const program = new Command('refleks');
  program
    .usage(t('[valg] [kommando]', '[options] [command]')[lang])
    .description(
      t(
        'Refleksjonsgrupper og Mestringstreff fra én mappe: timeplaner, kalenderinvitasjoner, skjema og veilederhefter.',
        'Reflection groups and Mestringstreff courses from one folder: schedules, calendar invitations, forms and facilitator packs.',
      )[lang],
    )
    .version(VERSION, '-V, --version', t('vis versjonen', 'show the version')[lang])
    .helpOption('-h, --help', t('vis hjelp', 'show help')[lang])
    .helpCommand('help [kommando]', t('vis hjelp for en kommando', 'show help for a command')[lang])
    .option(
      '-w, --workspace <mappe>',
      t(
        'arbeidsområdet (standard: nærmeste mappe med refleks.yaml)',
        'the workspace (default: nearest folder with refleks.yaml)',
      )[lang],
    )
    .addOption(
      new Option(
        '--lang <språk>',
        t('språk for meldinger og dokumenter', 'language of messages and documents')[lang],
      ).choices(['nb', 'en']),
    )
    .option('--debug', t('vis tekniske detaljer ved feil', 'show technical details on errors')[lang])
    .option('-q, --quiet', t('skriv bare feil og advarsler', 'print only errors and warnings')[lang])
    .showHelpAfterError(t('(kjør «refleks --help» for hjelp)', '(run "refleks --help" for help)')[lang])
    .configureHelp({
      styleTitle: (s: string) => (nb ? (TITLES[s] ?? s) : s),
      // Commander writes «[options]» and «(default: …)» in English.
      commandUsage: (cmd: Command) => {
        const usage = new Help().commandUsage(cmd);
        return nb
          ? usage.replace('[options]', '[valg]').replace('[command]', '[kommando]')
          : placeholdersInEnglish(usage);
      },
      optionTerm: (option: Option) => (nb ? option.flags : placeholdersInEnglish(option.flags)),
      argumentTerm: (argument: Argument) => {
        const term = new Help().argumentTerm(argument);
        return nb ? term : placeholdersInEnglish(term);
      },
      optionDescription: (option: Option) => {
        const text = new Help().optionDescription(option);
        return nb ? text.replace(/\(default: /, '(standard: ').replace(/\(choices: /, '(valg: ') : text;
      },
      // The command list («init [options] [mappe]») and argument defaults are Commander's English too.
      subcommandTerm: (cmd: Command) => {
        const term = new Help().subcommandTerm(cmd);
        return nb ? term.replace('[options]', '[valg]') : placeholdersInEnglish(term);
      },
      argumentDescription: (argument: Argument) => {
        const text = new Help().argumentDescription(argument);
        return nb ? text.replace(/\(default: /, '(standard: ').replace(/\(choices: /, '(valg: ') : text;
      },
    } as Partial<Help>)
    .configureOutput({
      writeOut: (s) => opts.stdout(s),
      writeErr: (s) => opts.stderr(s),
      outputError: (s, write) => write(nb ? translateCommanderError(s) : s),
    })
    .exitOverride();

  const action =
    (load: Loader) =>
    async (...args: unknown[]) => {
      const cmd = args[args.length - 1] as Command;
      const globals = cmd.optsWithGlobals() as { workspace?: string; debug?: boolean; quiet?: boolean };
      if (globals.workspace) ctx.workspaceDir = globals.workspace;
      const mod = await load();
      exitCode = await (mod.run as (ctx: CliContext, ...a: unknown[]) => Promise<number> | number)(
        ctx,
        ...args.slice(0, -1),
      );
    };

  const examples = (lines: [string, string, string][]) =>
    `\n${t('Eksempler:', 'Examples:')[lang]}\n` +
    lines.map(([cmd, n, e]) => `  $ ${cmd}\n      ${t(n, e)[lang]}`).join('\n') +
    '\n';

  program
    .command('init')
    .addArgument(
      new Argument('[mappe]', t('mappen som skal bli arbeidsområde', 'the folder to become a workspace')[lang]).default(
        '.',
        t('denne mappen', 'this folder')[lang],
      ),
    )
    .option('--organisation <navn>', t('kommune og tjeneste', 'municipality and service')[lang])
    .option('--organiser <"Navn <e-post>">', t('den som sender invitasjonene', 'who sends the invitations')[lang])
    .option(
      '--county <fylke>',
      t(
        'fylket, for vinterferien i skolen (uke 8 eller 9); også --fylke',
        'the county, for the school winter holiday (week 8 or 9); also --fylke',
      )[lang],
    )
    .addOption(new Option('--fylke <fylke>').hideHelp())
    .description(
      t(
        'lag et nytt arbeidsområde med refleks.yaml og mappene groups/, programmes/ og templates/',
        'create a new workspace with refleks.yaml and the folders groups/, programmes/ and templates/',
      )[lang],
    )
    .addHelpText(
      'after',
      examples([
        [
          'refleks init kurs-2027',
          'lager mappen kurs-2027 med en kommentert refleks.yaml',
          'creates the folder kurs-2027 with a commented refleks.yaml',
        ],
        [
          'refleks init kurs-2027 --fylke Rogaland',
          'med vinterferien i uke 9, som i skolene i Rogaland',
          "with the winter holiday in week 9, as in Rogaland's schools",
        ],
      ]),
    )
    .action(action(() => import('./commands/init.js')));

  program
    .command('validate')
    .description(
      t(
        'sjekk alle filene i arbeidsområdet og vis alle feil på én gang',
        'check every file in the workspace and show all problems at once',
      )[lang],
    )
    .option(
      '--strict',
      t('samlinger på helligdager eller i ferier er feil', 'sessions on holidays or in blackout periods are errors')[
        lang
      ],
    )
    .option(
      '--fix',
      t(
        'la skjemareferansene ($schema) i filene peke på .refleks/schemas/ i arbeidsområdet',
        'point the schema references ($schema) in the files to .refleks/schemas/ in the workspace',
      )[lang],
    )
    .addHelpText(
      'after',
      examples([
        [
          'refleks validate',
          'sjekker refleks.yaml, programmes/ og groups/',
          'checks refleks.yaml, programmes/ and groups/',
        ],
      ]),
    )
    .action(action(() => import('./commands/validate.js')));

  program
    .command('programmes')
    .alias('programmer')
    .argument('[show]', t('«show» for å vise ett program', '"show" to show one programme')[lang])
    .argument('[id]', t('programmets id', 'the programme id')[lang])
    .description(
      t(
        'list programmene (innebygde og arbeidsområdets egne), eller vis temaene i ett',
        "list the programmes (built-in and the workspace's own), or show the themes of one",
      )[lang],
    )
    .addHelpText(
      'after',
      examples([
        ['refleks programmes', 'lister alle programmene', 'lists all programmes'],
        [
          'refleks programmes show mestring',
          'viser temaene i Mestring-utgaven',
          'shows the themes of the Mestring edition',
        ],
      ]),
    )
    .action(action(() => import('./commands/programmes.js')));

  program
    .command('groups')
    .alias('grupper')
    .description(
      t(
        'list gruppene med program, veileder, antall deltakere og første dato',
        'list the groups with programme, facilitator, participant count and first date',
      )[lang],
    )
    .action(action(() => import('./commands/groups.js')));

  const groupsArg = ['[grupper...]', t('gruppenes id (standard: alle)', 'the group ids (default: all)')[lang]] as const;
  // Options several output commands share, worded once.
  const strictOption = [
    '--strict',
    t(
      'samlinger på helligdager eller i ferier er feil i stedet for å flyttes',
      'sessions on holidays or in blackout periods are errors instead of being moved',
    )[lang],
  ] as const;
  const perPersonOption = [
    '--per-person',
    t(
      'én invitasjonsfil per person, så ingen ser de andres adresser',
      "one invitation file per person, so nobody sees the others' addresses",
    )[lang],
  ] as const;
  const templatesOption = [
    '--templates <mappe>',
    t('bruk maler fra denne mappen først', 'use templates from this folder first')[lang],
  ] as const;
  const writeOpts = (c: Command) =>
    c
      .option(
        '--dry-run',
        t('vis hva som ville blitt skrevet, uten å skrive', 'show what would be written, without writing')[lang],
      )
      .option(
        '--force',
        t('skriv også over filer som er endret for hånd', 'overwrite files even where they were edited by hand')[lang],
      );

  writeOpts(
    program
      .command('schedule')
      .alias('timeplan')
      .argument(...groupsArg)
      .description(
        t(
          'regn ut datoene for samlingene og lag kalenderinvitasjoner (.ics)',
          'compute the session dates and write calendar invitations (.ics)',
        )[lang],
      )
      .option('--json', t('skriv planen som JSON', 'print the plan as JSON')[lang])
      .option(...strictOption)
      .option(...perPersonOption),
  )
    .addHelpText(
      'after',
      examples([
        ['refleks schedule', 'alle gruppene', 'all groups'],
        [
          'refleks schedule sone-nord --dry-run',
          'vis datoene for én gruppe uten å skrive filer',
          "show one group's dates without writing files",
        ],
      ]),
    )
    .action(action(() => import('./commands/schedule.js')));

  writeOpts(
    program
      .command('forms')
      .alias('skjema')
      .argument(...groupsArg)
      .description(
        t(
          'lag Word-skjema: planlegging, oppfølging, evaluering, oppmøteliste og kursbevis',
          'write Word forms: planning, follow-up, evaluation, attendance list and certificates',
        )[lang],
      )
      .option('--pdf', t('lag også PDF/A med LibreOffice', 'also write PDF/A with LibreOffice')[lang])
      .option(...strictOption),
  )
    .addHelpText('after', examples([['refleks forms sone-nord', 'skjemaene for én gruppe', 'the forms for one group']]))
    .action(action(() => import('./commands/forms.js')));

  writeOpts(
    program
      .command('packs')
      .alias('hefter')
      .argument(...groupsArg)
      .description(
        t(
          'lag veilederhefter og deltakerark per tema (HTML og Markdown)',
          'write facilitator packs and participant handouts per theme (HTML and Markdown)',
        )[lang],
      )
      .option(...templatesOption)
      .option(...strictOption),
  ).action(action(() => import('./commands/packs.js')));

  program
    .command('templates')
    .alias('maler')
    .argument(
      '[eject]',
      t(
        '«eject» for å kopiere en innebygd mal inn i arbeidsområdet',
        '"eject" to copy a built-in template into the workspace',
      )[lang],
    )
    .argument(
      '[navn]',
      t('malens navn, for eksempel partials/agenda.html.hbs', 'the template name, e.g. partials/agenda.html.hbs')[lang],
    )
    .description(
      t(
        'list malene og hvor de kommer fra, eller kopier en inn i arbeidsområdet for å endre den',
        'list the templates and where they come from, or copy one into the workspace to edit it',
      )[lang],
    )
    .action(action(() => import('./commands/templates.js')));

  program
    .command('new-group')
    .alias('ny-gruppe')
    .description(
      t(
        'sett opp en ny gruppe: spør om alt som trengs, eller ta alt fra valgene',
        'set up a new group: asks for everything needed, or takes it all from flags',
      )[lang],
    )
    .option('--programme <id>', t('programmets id', 'the programme id')[lang])
    .option(
      '--themes <liste>',
      t('kombinerte temaer, f.eks. mestring/1,rehabilitering/2', 'combined themes, e.g. mestring/1,rehabilitering/2')[
        lang
      ],
    )
    .option('--name <navn>', t('gruppens navn', 'the group name')[lang])
    .option(
      '--id <id>',
      t('gruppens id/filnavn (standard: laget av navnet)', 'the group id/file name (default: from the name)')[lang],
    )
    .option('--facilitator <"Navn <e-post>">', t('lokal veileder', 'local facilitator')[lang])
    .option(
      '--co-facilitator <"Navn <e-post>">',
      t('medveileder, f.eks. erfaringskonsulent', 'co-facilitator, e.g. peer expert')[lang],
    )
    .option('--leader <"Navn <e-post>">', t('leder', 'leader')[lang])
    .option(
      '--participant <"Navn <e-post>">',
      t('deltaker (kan gjentas)', 'participant (repeatable)')[lang],
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option(
      '--roster <fil>',
      t(
        'les deltakerne fra en Excel-fil (.xlsx) eller en CSV-fil',
        'read participants from an Excel file (.xlsx) or a CSV file',
      )[lang],
    )
    .option('--skip-bad-rows', t('hopp over ugyldige rader i deltakerlisten', 'skip invalid rows in the roster')[lang])
    .option('--start <dato>', t('første samling (ÅÅÅÅ-MM-DD)', 'first session (YYYY-MM-DD)')[lang])
    .option('--time <TT:MM>', t('starttidspunkt', 'start time')[lang])
    .option('--duration <minutter>', t('varighet i minutter', 'duration in minutes')[lang])
    .option('--interval <uker>', t('uker mellom samlingene', 'weeks between sessions')[lang])
    .option('--location <sted>', t('rom og adresse, eller lenke', 'room and address, or link')[lang])
    .option('-y, --yes', t('ikke spør om bekreftelse', 'do not ask for confirmation')[lang])
    .addHelpText(
      'after',
      examples([
        ['refleks new-group', 'spør deg gjennom oppsettet', 'asks you through the set-up'],
        [
          'refleks new-group --programme mestring --name "Sone sør" --facilitator "Kari Nordmann <kari@kommune.no>" --roster deltakere.csv --start 2027-01-12 --time 13:00 --location "Møterom 2" --yes',
          'alt fra valg, uten spørsmål',
          'everything from flags, no questions',
        ],
      ]) +
        t(
          '\nDeltakerlisten (--roster) er en Excel-fil (.xlsx, første ark) eller en CSV (semikolon eller komma, UTF-8 eller\nWindows-1252). Første rad: Navn (eller Fornavn og Etternavn), E-post, Enhet, Stilling. Rader med feil stopper\noppsettet, med radnummeret Excel viser, med mindre du bruker --skip-bad-rows.\n' +
            '\nUten terminal (i et skript) spør refleks ikke: mangler et valg, avslutter refleks med kode 2 og lister valgene som mangler.\n' +
            'Avslutningskoder: 0 skrevet (eller avslått), 1 feil i innholdet i deltakerlisten, 2 ugyldig eller manglende\nvalg (feil e-post, dato, program, navn som er tatt, fil som ikke finnes), 130 avbrutt med Ctrl+C.\n',
          '\nThe roster (--roster) is an Excel file (.xlsx, first sheet) or a CSV (semicolons or commas, UTF-8 or\nWindows-1252). First row: Name (or First name and Last name), Email, Unit, Role. Bad rows stop the set-up,\nwith the row number Excel shows, unless you use --skip-bad-rows.\n' +
            '\nWithout a terminal (in a script) refleks does not ask: if a flag is missing, it exits with code 2 and lists them.\n' +
            "Exit codes: 0 written (or declined), 1 a problem in the roster's content, 2 an invalid or missing flag\n(bad e-mail, date, programme, a name already taken, a file that does not exist), 130 cancelled with Ctrl+C.\n",
        )[lang],
    )
    .action(action(() => import('./commands/new-group.js')));

  writeOpts(
    program
      .command('build')
      .argument(...groupsArg)
      .description(
        t(
          'lag alt for alle gruppene: kalender, skjema og hefter; hopper over uendrede grupper',
          'build everything for all groups: calendar, forms and packs; skips unchanged groups',
        )[lang],
      )
      .option('--json', t('skriv en rapport som JSON', 'print a report as JSON')[lang])
      .option('-j, --jobs <antall>', t('antall parallelle arbeidere', 'number of parallel workers')[lang])
      .option(...strictOption)
      .option(...perPersonOption)
      .option(
        '--pdf',
        t('lag også PDF/A av skjemaene med LibreOffice', 'also write PDF/A of the forms with LibreOffice')[lang],
      )
      .option(...templatesOption)
      .option(
        '--adopt',
        t(
          'når .refleks/manifest.json er tapt eller skadet: sjekk filene i utmappen og ta dem som refleks sine',
          "when .refleks/manifest.json is lost or damaged: check the files in the output folder and take them as refleks's own",
        )[lang],
      ),
  ).action(action(() => import('./commands/build.js')));

  program
    .command('sent')
    .alias('sendt')
    .argument(...groupsArg)
    .description(
      t(
        'merk invitasjonene som sendt, så «refleks status» slutter å minne deg på dem',
        'mark the invitations as sent, so "refleks status" stops reminding you',
      )[lang],
    )
    .option('--session <nummer>', t('bare denne samlingen', 'only this session')[lang])
    .option(
      '--person <e-post>',
      t('bare invitasjonene til denne adressen', 'only the invitations to this address')[lang],
    )
    .option('--all', t('alle gruppene, uten å spørre', 'every group, without asking')[lang])
    .option('-y, --yes', t('ikke spør om bekreftelse', 'do not ask for confirmation')[lang])
    .addHelpText(
      'after',
      examples([
        [
          'refleks sent sone-nord',
          'etter at du har sendt filene i ut/sone-nord/invitasjoner/',
          'after sending the files in ut/sone-nord/invitasjoner/',
        ],
        [
          'refleks sent sone-nord --session 3 --person ola@kommune.no',
          'bare samling 3 til Ola',
          'only session 3 to Ola',
        ],
      ]),
    )
    .action(action(() => import('./commands/sent.js')));

  program
    .command('attendance')
    .alias('oppmote')
    .argument('<gruppe>', t('gruppens id (filnavnet i groups/)', 'the group id (its file name in groups/)')[lang])
    .argument('[samling]', t('samlingsnummeret', 'the session number')[lang])
    .argument(
      '[navn...]',
      t(
        'hvem som kom: navn eller e-post som i gruppefilen',
        'who came: names or e-mail addresses as in the group file',
      )[lang],
    )
    .option('--all', t('alle deltakerne kom', 'every participant came')[lang])
    .option('--none', t('ingen kom', 'nobody came')[lang])
    .option(
      '--from-form <fil>',
      t(
        'les en utfylt oppmøteliste (.docx, lagret i Word eller LibreOffice)',
        'read a filled-in attendance list (.docx, saved by Word or LibreOffice)',
      )[lang],
    )
    .description(
      t(
        'registrer hvem som kom (lagres i attendance/<gruppe>.yaml); uten samling: vis det som er registrert',
        'record who came (kept in attendance/<group>.yaml); without a session: show what is recorded',
      )[lang],
    )
    .addHelpText(
      'after',
      examples([
        [
          'refleks attendance sone-nord 2 "Ali Khan" "Siri Ødegård"',
          'Ali og Siri kom på samling 2',
          'Ali and Siri came to session 2',
        ],
        ['refleks attendance sone-nord 3 --all', 'alle kom på samling 3', 'everyone came to session 3'],
        [
          'refleks attendance sone-nord --from-form oppmoteliste.docx',
          'leser kryssene i en utfylt oppmøteliste',
          'reads the ticks of a filled-in attendance list',
        ],
      ]),
    )
    .action(action(() => import('./commands/attendance.js')));

  program
    .command('report')
    .alias('rapport')
    .argument(...groupsArg)
    .option('--today <dato>', t('regn fra denne datoen (ÅÅÅÅ-MM-DD)', 'count from this date (YYYY-MM-DD)')[lang])
    .option('--force', t('skriv over filer som er endret for hånd', 'overwrite files edited by hand')[lang])
    .description(
      t(
        'les utfylte evaluerings- og oppfølgingsskjema (i utfylt/<gruppe>/) og oppmøtet, og skriv rapporten i ut/rapport/ (HTML, Word, CSV, Excel)',
        'read filled-in evaluation and follow-up forms (in utfylt/<group>/) and attendance, and write the report to ut/rapport/ (HTML, Word, CSV, Excel)',
      )[lang],
    )
    .addHelpText('after', examples([['refleks report', 'rapport for alle grupper', 'report for every group']]))
    .action(action(() => import('./commands/report.js')));

  program
    .command('rename')
    .argument(
      '<gammel>',
      t('gruppens id nå (eller før filen fikk nytt navn)', 'the group id now (or before the file was renamed)')[lang],
    )
    .argument('<ny>', t('den nye id-en', 'the new id')[lang])
    .description(
      t(
        'gi en gruppe ny id og behold det som er sendt: invitasjonene oppdateres i stedet for å komme dobbelt',
        'give a group a new id and keep what was sent: the invitations are updated instead of arriving twice',
      )[lang],
    )
    .addHelpText(
      'after',
      examples([
        [
          'refleks rename sone-sor sone-sor-var2027',
          'flytter kalenderstatus, sendt-liste og ut/sone-sor/',
          'moves calendar state, sent record and ut/sone-sor/',
        ],
      ]),
    )
    .action(action(() => import('./commands/rename.js')));

  program
    .command('cancel')
    .argument(
      '<gruppe>',
      t('id-en til en gruppe hvis fil er slettet', 'the id of a group whose file was deleted')[lang],
    )
    .description(
      t(
        'avlys alt en slettet gruppe har sendt: én avlysning per samling til alle som fikk invitasjonen',
        'cancel everything a deleted group sent: one cancellation per session to everyone who was invited',
      )[lang],
    )
    .option(
      '--force',
      t(
        'skriv avlysningene også over filer som er endret for hånd',
        'write the cancellations even over files edited by hand',
      )[lang],
    )
    .action(action(() => import('./commands/cancel.js')));

  program
    .command('send')
    .argument(...groupsArg)
    .description(
      t(
        'send invitasjonene som venter på e-post, én melding til hver person: som utkast for Outlook eller gjennom e-posttjeneren',
        'send the waiting invitations by e-mail, one message to each person: as drafts for Outlook or through the mail server',
      )[lang],
    )
    .option(
      '--drafts',
      t(
        'skriv e-postene som utkast (.eml) i ut/<gruppe>/epost/; sender ingenting',
        'write the e-mails as drafts (.eml) in ut/<group>/epost/; sends nothing',
      )[lang],
    )
    .option(
      '--smtp',
      t('send gjennom e-posttjeneren i refleks.yaml (smtp:)', 'send through the mail server in refleks.yaml (smtp:)')[
        lang
      ],
    )
    .option('-y, --yes', t('ikke spør om bekreftelse (for skript)', 'do not ask for confirmation (for scripts)')[lang])
    .option(
      '--force',
      t('skriv utkast også over filer som er endret for hånd', 'write drafts even over files edited by hand')[lang],
    )
    .addHelpText(
      'after',
      examples([
        ['refleks send', 'viser hvem som får hva, uten å sende', 'shows who gets what, without sending'],
        [
          'refleks send sone-nord --drafts',
          'utkast du åpner i Outlook og sender selv',
          'drafts you open in Outlook and send yourself',
        ],
        [
          'REFLEKS_SMTP_PASSWORD=… refleks send --smtp --yes',
          'sender alt som venter, uten spørsmål',
          'sends everything waiting, without questions',
        ],
      ]) +
        t(
          '\nHver person får én e-post per invitasjon, med bare sin egen adresse. refleks husker i .refleks/ hva tjeneren har tatt\nimot, så en ny kjøring sender bare det som mangler. Passordet tas fra REFLEKS_SMTP_PASSWORD, eller refleks spør.\n' +
            'Avslutningskoder: 0 sendt, 1 feil i filene eller en e-post som ikke kom fram, 2 uten terminal og uten --yes, 130 avbrutt.\n',
          '\nEach person gets one e-mail per invitation, with only their own address. refleks remembers in .refleks/ what the\nserver accepted, so a new run sends only what is missing. The password comes from REFLEKS_SMTP_PASSWORD, or refleks asks.\n' +
            'Exit codes: 0 sent, 1 a problem in the files or an e-mail that did not get through, 2 no terminal and no --yes, 130 interrupted.\n',
        )[lang],
    )
    .action(action(() => import('./commands/send.js')));

  program
    .command('status')
    .description(
      t(
        'hva skjer framover: samlinger de neste dagene, grupper med advarsler, ferdige grupper',
        'what happens next: sessions in the coming days, groups with warnings, finished groups',
      )[lang],
    )
    .addOption(
      new Option('--days <dager>', t('hvor mange dager framover', 'how many days ahead')[lang]).default('14', '14'),
    )
    .option('--today <dato>', t('regn fra denne datoen (ÅÅÅÅ-MM-DD)', 'count from this date (YYYY-MM-DD)')[lang])
    .option('--json', t('skriv som JSON', 'print as JSON')[lang])
    .action(action(() => import('./commands/status.js')));

  try {
    await program.parseAsync(opts.argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    return handleError(ctx, err);
  }
}

function translateCommanderError(s: string): string {
  return s
    .replace(/^error: unknown option '(.*)'/m, "feil: ukjent valg '$1'")
    .replace(/^error: unknown command '(.*)'/m, "feil: ukjent kommando '$1'")
    .replace(/^error: missing required argument '(.*)'/m, "feil: mangler argumentet '$1'")
    .replace(/^error: option '(.*)' argument missing/m, "feil: valget '$1' mangler verdi")
    .replace(/^error: too many arguments.*$/m, 'feil: for mange argumenter')
    .replace(
      /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\./m,
      "feil: valget '$1' kan ikke være '$2'; tillatt er $3.",
    )
    .replace(/\(Did you mean one of (.*)\?\)/, '(Mente du en av $1?)')
    .replace(/\(Did you mean (.*)\?\)/, '(Mente du $1?)');
}

export function handleError(ctx: CliContext, err: unknown): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help')
      return 0;
    return 2;
  }
  if (err instanceof InputError) {
    printProblems(ctx, err.problems);
    const n = err.problems.filter((p) => p.severity === 'error').length;
    ctx.err(
      t(
        `${n} ${n === 1 ? 'feil' : 'feil'} må rettes før refleks kan fortsette.`,
        `${n} ${n === 1 ? 'problem' : 'problems'} must be fixed before refleks can go on.`,
      )[ctx.lang],
    );
    if (ctx.debug && err.stack) ctx.err(err.stack);
    return 1;
  }
  if (err instanceof UsageError) {
    ctx.err(`${t('feil', 'error')[ctx.lang]}: ${err.text[ctx.lang]}`);
    if (ctx.debug && err.stack) ctx.err(err.stack);
    return 2;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY' || code === 'ENOSPC' || code === 'EROFS') {
    ctx.err(
      t(`feil: kunne ikke skrive (${code}): ${e.message}`, `error: could not write (${code}): ${e.message}`)[ctx.lang],
    );
    return 1;
  }
  ctx.err(t(`intern feil i refleks: ${e.message}`, `internal error in refleks: ${e.message}`)[ctx.lang]);
  ctx.err(
    ctx.debug && e.stack
      ? e.stack
      : t(
          'Kjør igjen med --debug for detaljer, og meld gjerne feilen.',
          'Run again with --debug for details, and please report it.',
        )[ctx.lang],
  );
  return 70;
}
