import { Packer } from 'docx';
import { loadWorkspace } from './dist/load/workspace.js';
import { planGroup } from './dist/core/schedule.js';
import { planningForm, certificate, attendanceList } from './dist/core/forms/documents.js';
import { loadFormWording } from './dist/commands/forms.js';
const { workspace: ws } = loadWorkspace('examples/demo');
const g = ws.groups.find((g) => g.id === 'sone-nord');
const plan = planGroup(g, ws.settings);
const { wording } = loadFormWording(ws, g.programmeId, 'nb');
const c = { workspace: ws, group: g, sessions: plan.sessions, w: wording, lang: 'nb' };
const comp = Packer.compiler;
for (const [name, make] of [['planning', () => planningForm(c)], ['certificate', () => certificate(c, g.participants[0])], ['attendance', () => attendanceList(c)]]) {
  for (let i = 0; i < 5; i++) comp.compile(make());
  let t0 = performance.now(); for (let i = 0; i < 20; i++) make(); const tb = (performance.now() - t0) / 20;
  const doc = make();
  t0 = performance.now(); for (let i = 0; i < 20; i++) comp.compile(make()); const tc = (performance.now() - t0) / 20 - tb;
  const parts = comp.compile(doc);
  const sizes = [...parts].map(([p, d]) => `${p.split('/').pop()}:${(d.length / 1024).toFixed(0)}k`).join(' ');
  // time per part
  const x = comp.xmlifyFile(doc);
  console.log(name, 'build', tb.toFixed(1), 'compile', tc.toFixed(1), 'ms', sizes);
}
import { Document, Paragraph } from 'docx';
import { formStyles } from './dist/core/forms/docx-kit.js';
const mk = () => new Document({ styles: formStyles('nb'), sections: [{ children: [new Paragraph('x')] }] });
for (let i = 0; i < 5; i++) comp.compile(mk());
let t0 = performance.now(); for (let i = 0; i < 30; i++) comp.compile(mk()); console.log('empty doc with styles', ((performance.now() - t0) / 30).toFixed(1));
const mk2 = () => new Document({ sections: [{ children: [new Paragraph('x')] }] });
t0 = performance.now(); for (let i = 0; i < 30; i++) comp.compile(mk2()); console.log('empty doc default styles', ((performance.now() - t0) / 30).toFixed(1));
const d = mk();
t0 = performance.now(); for (let i = 0; i < 30; i++) comp.compile(d); console.log('compile same doc object', ((performance.now() - t0) / 30).toFixed(1));
