/**
 * Attendance and certificates: who came decides who gets a certificate and
 * what it lists; the attendance file is validated with file:line:column; the
 * form fields the writer tags are the ones the reader expects, in order.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attendanceYaml, certificatePlan, certificateProblems } from '../../src/core/attendance.js';
import { formatDate } from '../../src/core/format-date.js';
import { formView } from '../../src/core/forms/index.js';
import { loadFormWording } from '../../src/load/form-wording.js';
import { attendanceFields, evaluationFields, followUpFields, formFields } from '../../src/core/forms/fields.js';
import { matchFields, readDocx } from '../../src/core/forms/read-back.js';
import { formatProblem } from '../../src/core/problems.js';
import { planGroup } from '../../src/core/schedule.js';
import { loadWorkspace } from '../../src/load/workspace.js';
import { copyWorkspace } from '../helpers/cli.js';
import { byName, group, loadDemo, parts, renderForms, text } from './forms.helpers.js';

const ws = loadDemo();

/** The sessions as the forms see them (the FormView's shape). */
function viewSessions(plan: ReturnType<typeof planGroup>) {
  return formView(ws, plan, loadFormWording(ws, plan.group.programmeId, 'nb').wording!, 'nb').sessions;
}

/** Sone nord with a rule of 4 sessions: Ali came to 4 of 5, Siri to 1 of 5, nobody else is recorded as present. */
function withAttendance(g: ReturnType<typeof group>) {
  g.certificate = { minSessions: 4 };
  g.attendance = {
    sessions: new Map([
      [1, [0, 1]],
      [2, [0]],
      [3, [0]],
      [4, [0]],
      [5, []],
    ]),
    source: { origin: 'workspace', path: '/x/attendance/sone-nord.yaml', display: 'attendance/sone-nord.yaml' },
  };
}

describe('certificates for those who came', () => {
  it('4 of 5 sessions with min_sessions 4 gets a certificate listing the 4 dates; 1 of 5 gets none', async () => {
    const files = await renderForms(ws, 'sone-nord', 'nb', withAttendance);
    const certs = files.filter((f) => f.path.includes('/kursbevis/')).map((f) => f.path.split('/').pop());
    expect(certs).toEqual(['ali-khan.docx']);
    const body = text(parts(byName(files, 'kursbevis/ali-khan.docx').bytes)['word/document.xml']!);
    const plan = planGroup(group(ws, 'sone-nord'), ws.settings);
    const dates = plan.sessions.map((s) => formatDate(s.date, 'nb'));
    for (const d of dates.slice(0, 4)) expect(body).toContain(d);
    expect(body).not.toContain(dates[4]!);
    // 4 sessions of 2 hours.
    expect(body).toContain('8 timer');
  });

  it('without attendance, everyone gets the certificate listing every session, as before', async () => {
    const files = await renderForms(ws, 'sone-nord');
    expect(files.filter((f) => f.path.includes('/kursbevis/'))).toHaveLength(5);
    const body = text(parts(byName(files, 'kursbevis/siri-odegard.docx').bytes)['word/document.xml']!);
    expect(body).toContain('10 timer');
  });

  it('the plan says who falls short, and build warns about them once they cannot reach the rule', () => {
    const g = structuredClone(group(ws, 'sone-nord'));
    withAttendance(g);
    const plan = planGroup(g, ws.settings);
    const cp = certificatePlan(plan);
    expect(cp.standings.filter((s) => s.eligible).map((s) => s.participant.name)).toEqual(['Ali Khan']);
    const [p] = certificateProblems(plan, '2027-04-01');
    expect(formatProblem(p!, 'nb')).toBe(
      'attendance/sone-nord.yaml: får ikke kursbevis (minst 4 samlinger): Siri Ødegård (1 av 5), Jonas Æsøy (0 av 5), Marte Lien-Åberg (0 av 5), Olena Kovalenko (0 av 5)',
    );
  });

  it('with nothing recorded after sessions were held, build says the certificates assume full attendance', () => {
    const plan = planGroup(group(ws, 'sone-nord'), ws.settings);
    expect(certificateProblems(plan, '2027-01-01')).toEqual([]);
    expect(certificateProblems(plan, '2027-02-01')[0]!.message.nb).toContain('forutsetter at alle var med på alt');
  });
});

describe('the attendance file', () => {
  it('is written one line per session with names as in the group file, and read back the same', () => {
    const dir = copyWorkspace();
    rmSync(join(dir, 'attendance'), { recursive: true });
    const g = loadDemo(dir).groups.find((x) => x.id === 'sone-nord')!;
    const text = attendanceYaml(
      planGroup(g, loadDemo(dir).settings),
      new Map([
        [2, [1, 0]],
        [1, [4]],
      ]),
    );
    expect(text.split('\n').slice(-4)).toEqual([
      'sessions:',
      '  1: [Olena Kovalenko]',
      '  2: [Ali Khan, Siri Ødegård]',
      '',
    ]);
    mkdirSync(join(dir, 'attendance'), { recursive: true });
    writeFileSync(join(dir, 'attendance', 'sone-nord.yaml'), text);
    const back = loadDemo(dir, { withAttendance: true }).groups.find((x) => x.id === 'sone-nord')!.attendance!;
    expect([...back.sessions]).toEqual([
      [1, [4]],
      [2, [0, 1]],
    ]);
  });

  it('names an unknown participant with file:line:column and a «did you mean»; an unknown session too', () => {
    const dir = copyWorkspace();
    mkdirSync(join(dir, 'attendance'), { recursive: true });
    writeFileSync(join(dir, 'attendance', 'sone-nord.yaml'), 'sessions:\n  1: [Ali Khan, Jonas Aesøy]\n  7: []\n');
    const r = loadWorkspace(dir);
    const messages = r.problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p, 'nb'));
    expect(messages).toEqual([
      'attendance/sone-nord.yaml:2:17: sessions.1[1]: «Jonas Aesøy» er ikke deltaker i groups/sone-nord.yaml. Mente du «Jonas Æsøy»?',
      'attendance/sone-nord.yaml:3:3: sessions.7: samling 7 finnes ikke: gruppen har 5 samlinger. Bruk et samlingsnummer fra 1 til 5.',
    ]);
  });
});

describe('one definition of the form fields, used by writer and reader', () => {
  it('the forms carry exactly the defined tags, in document order', async () => {
    for (const id of ['sone-nord', 'mestringstreff-var', 'sykehjem-kombinert']) {
      const files = await renderForms(ws, id);
      const plan = planGroup(group(ws, id), ws.settings);
      const sessions = viewSessions(plan);
      const tagsOf = (name: string) => readDocx(byName(files, name).bytes as Uint8Array).controls.map((c) => c.tag);
      expect(tagsOf('oppmoteliste.docx')).toEqual(
        attendanceFields(sessions, plan.group.participants.length).map((f) => f.tag),
      );
      // A programme chooses its forms (Mestringstreff: a participant evaluation, no follow-up with a leader).
      const has = (name: string) => files.some((f) => f.path.endsWith(`/${name}`));
      if (id !== 'mestringstreff-var') {
        expect(tagsOf('evalueringsskjema.docx')).toEqual(evaluationFields(sessions).map((f) => f.tag));
        expect(tagsOf('oppfolgingsskjema.docx')).toEqual(followUpFields(sessions).map((f) => f.tag));
      } else {
        expect(has('evalueringsskjema.docx') || has('oppfolgingsskjema.docx')).toBe(false);
      }
    }
  });

  it('a form that lost its tags is read by alias, then by position; a count that does not match is an error', async () => {
    const files = await renderForms(ws, 'sone-nord');
    const plan = planGroup(group(ws, 'sone-nord'), ws.settings);
    const content = readDocx(byName(files, 'evalueringsskjema.docx').bytes as Uint8Array);
    const expected = formFields('evaluation', viewSessions(plan), 5).map((f, i) => ({
      ...f,
      ...(content.controls[i]!.alias ? { alias: content.controls[i]!.alias! } : {}),
    }));
    // As LibreOffice saves it: tags gone; checkboxes lose their alias too; the third rating ticked.
    const stripped = {
      ...content,
      controls: content.controls.map((c) =>
        c.kind === 'checkbox'
          ? { kind: c.kind, text: c.text, placeholder: false, checked: false }
          : { ...c, tag: undefined },
      ),
    } as typeof content;
    const rating = expected.findIndex((f) => f.tag === 'tema-2-vurdering-3');
    stripped.controls[rating]!.checked = true;
    const r = matchFields(stripped, expected, []);
    expect(r.values.get('tema-2-vurdering-3')).toBe(true);
    expect(r.matchedBy).toEqual(new Set(['alias', 'position']));
    stripped.controls.pop();
    expect(() => matchFields(stripped, expected, [])).toThrow(/cannot tell which field is which/);
  });
});
