import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  addMinutes,
  formatDate,
  formatSessionTime,
  formatTime
} from "./chunk-FNY576GM.mjs";
import {
  slugify
} from "./chunk-W5O3JMDT.mjs";
import {
  t
} from "./chunk-DAJR5TUZ.mjs";

// src/core/packs/labels.ts
var LABELS = {
  pack: ["Veilederhefte", "Facilitator pack"],
  handout: ["Deltakerark", "Participant handout"],
  packs: ["Veilederhefter", "Facilitator packs"],
  allPacks: ["Alle veilederhefter", "All facilitator packs"],
  allPacksHint: ["Alle temaene samlet for utskrift, ett tema per side.", "Every theme in one document for printing, one theme per page."],
  theme: ["Tema", "Theme"],
  session: ["Samling", "Session"],
  sessionOf: ["av", "of"],
  group: ["Gruppe", "Group"],
  programme: ["Program", "Programme"],
  when: ["Tid", "When"],
  date: ["Dato", "Date"],
  time: ["Klokkeslett", "Time"],
  place: ["Sted", "Place"],
  address: ["Adresse", "Address"],
  onlineMeeting: ["Nettm\xF8te", "Online meeting"],
  cancelled: ["Avlyst", "Cancelled"],
  cancelledNotice: ["Denne samlingen er avlyst.", "This session is cancelled."],
  moved: ["Flyttet", "Moved"],
  note: ["Merknad", "Note"],
  people: ["Hvem kommer", "Who is coming"],
  facilitator: ["Veileder", "Facilitator"],
  coFacilitator: ["Medveileder", "Co-facilitator"],
  leader: ["Leder", "Leader"],
  participants: ["Deltakere", "Participants"],
  name: ["Navn", "Name"],
  groupRole: ["Rolle i gruppa", "Role in the group"],
  participantRole: ["Deltaker", "Participant"],
  unitRole: ["Enhet og rolle", "Unit and role"],
  participantOne: ["deltaker", "participant"],
  participantMany: ["deltakere", "participants"],
  about: ["Om temaet", "About the theme"],
  goals: ["L\xE6ringsm\xE5l", "Learning goals"],
  agenda: ["Agenda", "Agenda"],
  agendaTime: ["Tid", "Time"],
  agendaWhat: ["Innhold", "Content"],
  agendaMinutes: ["Minutter", "Minutes"],
  minutesShort: ["min", "min"],
  questions: ["Refleksjonssp\xF8rsm\xE5l", "Reflection questions"],
  betweenSessions: ["Egenarbeid til neste samling", "Work before the next session"],
  betweenSessionsHandout: ["Til neste samling", "Before the next session"],
  noBetweenSessions: ["Dette er siste samling, s\xE5 det er ikke noe egenarbeid etterp\xE5.", "This is the last session, so there is no work to do afterwards."],
  nextSession: ["Neste samling", "Next session"],
  materials: ["Materiell", "Materials"],
  materialTitle: ["Tittel", "Title"],
  materialKind: ["Type", "Kind"],
  materialFor: ["For", "For"],
  noMaterials: ["Ikke noe materiell til dette temaet.", "No materials for this theme."],
  linkMissing: ["lenke ikke lagt inn i programmet", "no link in the programme"],
  facilitatorPart: ["For veilederen", "For the facilitator"],
  role: ["Din rolle som veileder", "Your role as facilitator"],
  checklist: ["Sjekkliste f\xF8r samlingen", "Checklist before the session"],
  notes: ["Veiledernotater til temaet", "Facilitator notes for the theme"],
  contents: ["Innhold", "Contents"],
  files: ["Filer", "Files"],
  printable: ["Utskrift", "Print"],
  markdown: ["Markdown", "Markdown"],
  generatedBy: ["Laget med refleks fra programmet og gruppefilen. Endringer gj\xF8res i gruppefilen eller malene, ikke her.", "Made by refleks from the programme and the group file. Make changes in the group file or the templates, not here."],
  handoutFooter: ["Ta med arket til neste samling.", "Bring this sheet to the next session."]
};
function packLabels(lang) {
  const i = lang === "nb" ? 0 : 1;
  return Object.fromEntries(Object.entries(LABELS).map(([k, v]) => [k, v[i]]));
}
var KIND_LABELS = {
  film: ["Film", "Film"],
  article: ["Fagartikkel", "Article"],
  form: ["Skjema", "Form"],
  presentation: ["Presentasjon", "Presentation"],
  other: ["Annet", "Other"]
};
var AUDIENCE_LABELS = {
  participants: ["Deltakerne", "Participants"],
  facilitator: ["Veilederen", "Facilitator"],
  both: ["Alle", "Everyone"]
};

// src/core/packs/view.ts
function slugify2(title, max = 48) {
  return slugify(title, { max, wholeWords: true, fallback: "tema" });
}
function packFileNames(session) {
  const base = `${session.number}-${slugify2(session.theme.theme.title)}`;
  return { pack: `tema-${base}.html`, packMd: `tema-${base}.md`, handout: `deltakerark-${base}.html`, handoutMd: `deltakerark-${base}.md`, index: "index.html", all: "alle.html" };
}
function person(p) {
  return { name: p.name, detail: [p.unit, p.role].filter(Boolean).join(", ") };
}
function place(l) {
  return { text: l.text, room: l.room ?? null, address: l.address ?? null, url: l.url ?? null };
}
function agenda(session, lang) {
  let at = session.start;
  return session.theme.theme.agenda.map((block) => {
    const start = at;
    at = addMinutes(at, block.minutes);
    return { start: formatTime(start, lang), end: formatTime(at, lang), minutes: block.minutes, title: block.title, note: block.note ?? null };
  });
}
function checklist(session, leaderName, lang) {
  const kinds = new Set(session.theme.theme.materials.map((m) => m.kind));
  const L = (nb, en) => t(nb, en)[lang];
  const items = [L(`Rommet er booket: ${session.location.text}.`, `The room is booked: ${session.location.text}.`)];
  if (kinds.has("film")) items.push(L("Filmen er testet p\xE5 skjermen i rommet, med lyd.", "The film is tested on the screen in the room, with sound."));
  items.push(L("Deltakerarket og annet materiell er skrevet ut, ett til hver.", "The handout and other material are printed, one for each person."));
  if (kinds.has("form")) items.push(L("Skjemaet til denne samlingen ligger klart.", "The form for this session is ready."));
  if (session.leaderInvited && leaderName) items.push(L(`Leder, ${leaderName}, er minnet p\xE5 \xE5 v\xE6re med denne gangen.`, `The leader, ${leaderName}, is reminded to come this time.`));
  if (session.number > 1) items.push(L("Du har lest egenarbeidet fra forrige gang og vet hva gruppa har pr\xF8vd ut.", "You have read the work from last time and know what the group has tried out."));
  items.push(L("Du har sett veiledningsvideoen og lest veiledernotatene under.", "You have watched the facilitator video and read the notes below."));
  return items;
}
function role(lang) {
  const L = (nb, en) => t(nb, en)[lang];
  return [
    L("Du leder gruppa og passer p\xE5 at samlingene og arbeidet mellom dem blir gjennomf\xF8rt og kommer trygt i m\xE5l.", "You lead the group and see to it that the sessions and the work between them are carried through safely to the end."),
    L("Legg til rette for at alle deltar s\xE5 mye som mulig, ogs\xE5 de som sier minst.", "Make room for everyone to take part as much as they can, also those who say least."),
    L("Du skal ikke b\xE6re alt ansvaret alene, og gruppa skal ikke legge det p\xE5 deg: alle i gruppa tar sin del av ansvaret.", "You do not carry all the responsibility, and the group should not hand it to you: everyone in the group takes their share."),
    L("Du trenger ikke v\xE6re eksperten. Materialet til hvert tema finnes ferdig, og gruppa l\xE6rer av hverandre.", "You do not need to be the expert. The material for each theme is ready, and the group learns from each other.")
  ];
}
function material(m, lang) {
  const i = lang === "nb" ? 0 : 1;
  return { title: m.title, kind: m.kind, kindLabel: KIND_LABELS[m.kind][i], audienceLabel: AUDIENCE_LABELS[m.audience][i], forParticipants: m.audience !== "facilitator", url: m.url ?? null };
}
function sessionView(s, count, lang) {
  return {
    number: s.number,
    count,
    date: s.date,
    start: s.start,
    end: s.end,
    dateText: formatDate(s.date, lang),
    timeText: `${formatTime(s.start, lang)}\u2013${formatTime(s.end, lang)}`,
    whenText: formatSessionTime(s.date, s.start, s.end, lang),
    place: place(s.location),
    cancelled: s.cancelled,
    moved: s.moved ? t(`Flyttet fra ${formatDate(s.moved.from, "nb")} (${s.moved.reason.nb}).`, `Moved from ${formatDate(s.moved.from, "en")} (${s.moved.reason.en}).`)[lang] : null,
    note: s.note ?? null,
    last: s.number === count
  };
}
function packView(ws, plan, session, lang) {
  const { group } = plan;
  const labels = packLabels(lang);
  const theme = session.theme.theme;
  const count = group.themes.length;
  const next = plan.sessions.find((s) => s.number > session.number && !s.cancelled);
  const items = agenda(session, lang);
  const agendaMinutes = theme.agenda.reduce((sum, b) => sum + b.minutes, 0);
  const leader = session.leaderInvited && group.leader ? person(group.leader) : null;
  const programme = ws.programmes.get(session.theme.programmeId);
  const materials = theme.materials.map((m) => material(m, lang));
  return {
    lang,
    headingOffset: 0,
    title: `${labels.pack}, ${labels.theme.toLowerCase()} ${session.number} \u2013 ${group.name}`,
    organisation: ws.settings.organisation,
    labels,
    group: { id: group.id, name: group.name, programmeTitle: group.programmeTitle },
    session: sessionView(session, count, lang),
    nextSession: next ? { whenText: formatSessionTime(next.date, next.start, next.end, lang), place: next.location.text } : null,
    theme: { title: theme.title, summary: theme.summary, goals: theme.goals, questions: theme.questions, programmeTitle: session.theme.programmeTitle },
    people: {
      facilitator: person(group.facilitator),
      coFacilitator: group.coFacilitator ? person(group.coFacilitator) : null,
      coFacilitatorLabel: programme?.coFacilitatorLabel ?? labels.coFacilitator,
      leader,
      participants: group.participants.map(person),
      participantCount: group.participants.length
    },
    agenda: items,
    agendaMinutes,
    agendaWarning: agendaMinutes && agendaMinutes !== session.durationMinutes ? t(`Agendaen er p\xE5 ${agendaMinutes} minutter, men samlingen varer ${session.durationMinutes} minutter. Juster underveis.`, `The agenda takes ${agendaMinutes} minutes, but the session lasts ${session.durationMinutes} minutes. Adjust as you go.`)[lang] : null,
    betweenSessions: session.betweenSessions,
    materials,
    participantMaterials: materials.filter((m) => m.forParticipants),
    role: role(lang),
    checklist: checklist(session, leader?.name ?? null, lang),
    facilitatorNotes: theme.facilitatorNotes,
    files: packFileNames(session)
  };
}
function indexView(ws, plan, lang) {
  const labels = packLabels(lang);
  const g = plan.group;
  return {
    lang,
    headingOffset: 0,
    title: `${labels.packs} \u2013 ${g.name}`,
    organisation: ws.settings.organisation,
    labels,
    group: { id: g.id, name: g.name, programmeTitle: g.programmeTitle, facilitator: g.facilitator.name },
    sessions: plan.sessions.map((s) => ({ session: sessionView(s, g.themes.length, lang), title: s.theme.theme.title, programmeTitle: s.theme.programmeTitle, files: packFileNames(s) })),
    files: { all: "alle.html" }
  };
}

// src/core/packs/render.ts
function packDir(ws, groupId) {
  return `${ws.settings.output}/${groupId}/veileder`;
}
var MD_SPECIAL = /[\\`*_[\]<>|]/g;
function escapeMarkdown(value, key = "") {
  if (typeof value === "string") return key === "url" || key === "files" ? value : value.replace(MD_SPECIAL, "\\$&");
  if (Array.isArray(value)) return value.map((v) => escapeMarkdown(v, key));
  if (value && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = key === "files" ? v : escapeMarkdown(v, k);
    return out;
  }
  return value;
}
function page(templates, body, view, programmeId, format) {
  return templates.render(`packs/layout.${format}.hbs`, { ...view, body }, { programmeId });
}
function handoutTitle(view) {
  return `${view.labels.handout}, ${view.labels.theme.toLowerCase()} ${view.session.number} \u2013 ${view.group.name}`;
}
function packFiles(ws, plan, templates, lang, opts = {}) {
  const dir = packDir(ws, plan.group.id);
  const files = [];
  const sections = [];
  for (const session of plan.sessions) {
    const view = packView(ws, plan, session, lang);
    const pid2 = session.theme.programmeId;
    const packBody = templates.render("packs/pack.html.hbs", view, { programmeId: pid2 });
    files.push({ path: `${dir}/${view.files.pack}`, bytes: page(templates, packBody, view, pid2, "html") });
    const handoutBody = templates.render("packs/handout.html.hbs", view, { programmeId: pid2 });
    files.push({ path: `${dir}/${view.files.handout}`, bytes: page(templates, handoutBody, { ...view, title: handoutTitle(view) }, pid2, "html") });
    sections.push({ body: templates.render("packs/pack.html.hbs", { ...view, headingOffset: 1 }, { programmeId: pid2 }), cancelled: view.session.cancelled });
    if (!opts.htmlOnly) {
      const md = escapeMarkdown(view);
      files.push({ path: `${dir}/${view.files.packMd}`, bytes: page(templates, templates.render("packs/pack.md.hbs", md, { programmeId: pid2 }), md, pid2, "md") });
      const handoutMd = { ...md, title: handoutTitle(md) };
      files.push({ path: `${dir}/${view.files.handoutMd}`, bytes: page(templates, templates.render("packs/handout.md.hbs", md, { programmeId: pid2 }), handoutMd, pid2, "md") });
    }
  }
  const index = indexView(ws, plan, lang);
  const pid = plan.group.programmeId;
  files.push({ path: `${dir}/index.html`, bytes: page(templates, templates.render("packs/index.html.hbs", index, { programmeId: pid }), index, pid, "html") });
  const all = { ...index, headingOffset: 1, title: `${index.labels.allPacks} \u2013 ${plan.group.name}`, sections };
  files.push({ path: `${dir}/alle.html`, bytes: page(templates, templates.render("packs/all.html.hbs", all, { programmeId: pid }), all, pid, "html") });
  return files;
}

export {
  packDir,
  escapeMarkdown,
  packFiles
};
