import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  formatDate
} from "./chunk-FNY576GM.mjs";
import {
  slugify
} from "./chunk-W5O3JMDT.mjs";
import {
  hasErrors
} from "./chunk-4FZNDNJ7.mjs";

// src/core/calendar/ical.ts
var CRLF = "\r\n";
var ENUM_PARAMS = /* @__PURE__ */ new Set(["ROLE", "PARTSTAT", "RSVP", "CUTYPE", "VALUE", "RELATED"]);
function escapeText(value) {
  return value.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "").replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n");
}
function paramValue(name, value) {
  if (ENUM_PARAMS.has(name)) {
    if (!/^[A-Za-z0-9-]+$/.test(value)) throw new Error(`invalid ${name} parameter value: ${value}`);
    return value;
  }
  const encoded = value.replace(/\^/g, "^^").replace(/\r\n?|\n/g, "^n").replace(/"/g, "^'").replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, "");
  return /[:;,]/.test(encoded) ? `"${encoded}"` : encoded;
}
function utf8Length(codePoint) {
  return codePoint < 128 ? 1 : codePoint < 2048 ? 2 : codePoint < 65536 ? 3 : 4;
}
function foldLine(line) {
  const out = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0));
    if (octets + size > limit) {
      out.push(current);
      current = " ";
      octets = 1;
      limit = 75;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}
function utcDateTime(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?Z$/.exec(iso);
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0))) : void 0;
  if (!m || !d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3] || +m[4] > 23 || +m[5] > 59 || +(m[6] ?? 0) > 59) {
    throw new Error(`not a valid UTC instant: ${iso}`);
  }
  return `${m[1]}${m[2]}${m[3]}T${m[4]}${m[5]}${m[6] ?? "00"}Z`;
}
function contentLine(name, value, params = []) {
  if (/[\r\n]/.test(value)) throw new Error(`line break in ${name} value`);
  const p = params.map(([k, v]) => `;${k}=${paramValue(k, v)}`).join("");
  return foldLine(`${name}${p}:${value}`);
}
function eventLines(e) {
  const lines = [
    "BEGIN:VEVENT",
    contentLine("UID", escapeText(e.uid)),
    contentLine("SEQUENCE", String(e.sequence)),
    contentLine("DTSTAMP", utcDateTime(e.dtstamp)),
    contentLine("DTSTART", utcDateTime(e.start)),
    contentLine("DTEND", utcDateTime(e.end)),
    contentLine("SUMMARY", escapeText(e.summary))
  ];
  if (e.description) lines.push(contentLine("DESCRIPTION", escapeText(e.description)));
  if (e.location) lines.push(contentLine("LOCATION", escapeText(e.location)));
  if (e.url) lines.push(contentLine("URL", e.url.replace(/[\s"<>\\^`{|}]/g, encodeURIComponent)));
  if (e.categories?.length) lines.push(contentLine("CATEGORIES", e.categories.map(escapeText).join(",")));
  lines.push(contentLine("STATUS", e.status));
  if (e.organizer) lines.push(contentLine("ORGANIZER", `mailto:${e.organizer.email}`, [["CN", e.organizer.name]]));
  for (const a of e.attendees ?? []) {
    const params = [["CUTYPE", "INDIVIDUAL"], ["ROLE", a.role], ["PARTSTAT", "NEEDS-ACTION"], ["RSVP", "TRUE"], ["CN", a.name]];
    lines.push(contentLine("ATTENDEE", `mailto:${a.email}`, params));
  }
  if (e.alarm) {
    lines.push(
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      contentLine("TRIGGER", `-PT${Math.round(e.alarm.hoursBefore)}H`),
      contentLine("DESCRIPTION", escapeText(e.alarm.description)),
      "END:VALARM"
    );
  }
  lines.push("END:VEVENT");
  return lines;
}
function serializeCalendar(doc) {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", contentLine("PRODID", escapeText(doc.prodId)), "CALSCALE:GREGORIAN", `METHOD:${doc.method}`];
  if (doc.name) lines.push(contentLine("X-WR-CALNAME", escapeText(doc.name)));
  for (const e of doc.events) lines.push(...eventLines(e));
  lines.push("END:VCALENDAR");
  return lines.join(CRLF) + CRLF;
}

// src/core/calendar/session-event.ts
import { createHash } from "node:crypto";
function personSlug(name) {
  return slugify(name, { fallback: "person" });
}
function groupMembers(group) {
  const all = [
    { person: group.facilitator, kind: "facilitator" },
    { person: group.coFacilitator, kind: "coFacilitator" },
    { person: group.leader, kind: "leader" },
    ...group.participants.map((person) => ({ person, kind: "participant" }))
  ];
  const seenEmail = /* @__PURE__ */ new Set();
  const seenSlug = /* @__PURE__ */ new Set();
  const out = [];
  for (const { person, kind } of all) {
    if (!person?.email) continue;
    const key = person.email.toLowerCase();
    if (seenEmail.has(key)) continue;
    seenEmail.add(key);
    const base = personSlug(person.name);
    let slug = base;
    for (let i = 2; seenSlug.has(slug); i++) slug = `${base}-${i}`;
    seenSlug.add(slug);
    out.push({ person, kind, slug });
  }
  return out;
}
function themeLabel(group, session, lang) {
  const word = lang === "nb" ? "Tema" : "Theme";
  const from = group.combined ? ` (${session.theme.programmeId})` : "";
  return `${word} ${session.theme.theme.id}${from}: ${session.theme.theme.title}`;
}
function bullets(items) {
  return items.map((i) => `\u2013 ${i}`).join("\n");
}
function sessionEvent(ws, plan, session, lang) {
  const { group } = plan;
  const settings = ws.settings;
  const nb = lang === "nb";
  const count = group.themes.length;
  const label = themeLabel(group, session, lang);
  const summary = `${group.name} \u2013 ${nb ? "samling" : "session"} ${session.number}: ${session.theme.theme.title}`;
  const previous = group.themes[session.number - 2];
  const parts = [`${nb ? "Samling" : "Session"} ${session.number} ${nb ? "av" : "of"} ${count}. ${label}`];
  if (session.theme.theme.summary) parts.push(session.theme.theme.summary.trim());
  if (previous?.theme.betweenSessions.length) {
    parts.push(`${nb ? "Forbered til denne samlingen (egenarbeid fra forrige gang):" : "To prepare (between-session work from last time):"}
${bullets(previous.theme.betweenSessions)}`);
  }
  const place = [];
  if (session.location.text && session.location.text !== session.location.url) place.push(`${nb ? "Sted" : "Place"}: ${session.location.text}`);
  if (session.location.url) place.push(`${nb ? "M\xF8telenke" : "Meeting link"}: ${session.location.url}`);
  if (session.note) place.push(`${nb ? "Merk" : "Note"}: ${session.note}`);
  if (session.moved) {
    place.push(nb ? `Flyttet fra ${formatDate(session.moved.from, "nb")}: ${session.moved.reason.nb}` : `Moved from ${formatDate(session.moved.from, "en")}: ${session.moved.reason.en}`);
  }
  if (place.length) parts.push(place.join("\n"));
  const attendees = [];
  for (const m of groupMembers(group)) {
    if (m.kind === "leader" && !session.leaderInvited) continue;
    const role = m.kind === "facilitator" || m.kind === "coFacilitator" ? "CHAIR" : "REQ-PARTICIPANT";
    attendees.push({ name: m.person.name, email: m.person.email, role, slug: m.slug });
  }
  const programmes = [...new Set(group.themes.map((gt) => ws.programmes.get(gt.programmeId)?.shortTitle ?? gt.programmeTitle))];
  return {
    number: session.number,
    start: session.startUtc,
    end: session.endUtc,
    summary,
    description: parts.join("\n\n"),
    ...session.location.text ? { location: session.location.text } : {},
    ...session.location.url ? { url: session.location.url } : {},
    categories: [nb ? "Refleksjonsgruppe" : "Reflection group", ...programmes],
    organizer: { name: settings.organiser.name, email: settings.organiser.email },
    attendees,
    alarm: { hoursBefore: settings.reminderHours, description: `${nb ? "P\xE5minnelse" : "Reminder"}: ${summary}` }
  };
}
function eventHash(e) {
  const canonical = JSON.stringify([
    e.start,
    e.end,
    e.summary,
    e.description,
    e.location ?? "",
    e.url ?? "",
    e.categories,
    e.organizer.name,
    e.organizer.email.toLowerCase(),
    e.attendees.map((a) => [a.name, a.email.toLowerCase(), a.role]),
    e.alarm.hoursBefore,
    e.alarm.description,
    "CONFIRMED"
  ]);
  return createHash("sha256").update(canonical).digest("hex").slice(0, 32);
}

// src/core/calendar/state.ts
import { createHash as createHash2 } from "node:crypto";
function sessionUid(organisation, organiserEmail, groupId, number) {
  const h = createHash2("sha256").update(JSON.stringify([organisation, organiserEmail.toLowerCase(), groupId, number])).digest("hex").slice(0, 8);
  const safeGroup = groupId.replace(/[^A-Za-z0-9-]/g, "-");
  return `${safeGroup}-samling-${number}-${h}@refleks`;
}
function advanceState(previous, group, wanted, issuedAt, uidFor) {
  const before = previous?.sessions ?? {};
  const sessions = {};
  const outcomes = /* @__PURE__ */ new Map();
  const wantedBy = new Map(wanted.map((w) => [w.number, w]));
  const numbers = [.../* @__PURE__ */ new Set([...wanted.map((w) => w.number), ...Object.keys(before).map(Number)])].sort((a, b) => a - b);
  for (const n of numbers) {
    const prev = before[String(n)];
    const want = wantedBy.get(n);
    if (want && !want.cancelled && want.hash && want.issued) {
      if (!prev) {
        sessions[n] = { uid: uidFor(n), sequence: 0, dtstamp: issuedAt, hash: want.hash, cancelled: false, issued: want.issued };
        outcomes.set(n, "new");
      } else if (prev.cancelled || prev.hash !== want.hash) {
        sessions[n] = { uid: prev.uid, sequence: prev.sequence + 1, dtstamp: issuedAt, hash: want.hash, cancelled: false, issued: want.issued };
        outcomes.set(n, "changed");
      } else {
        sessions[n] = { ...prev, issued: want.issued };
        outcomes.set(n, "unchanged");
      }
    } else if (!prev) {
      outcomes.set(n, "not-issued");
    } else if (prev.cancelled) {
      sessions[n] = prev;
      outcomes.set(n, "already-cancelled");
    } else {
      sessions[n] = { ...prev, sequence: prev.sequence + 1, dtstamp: issuedAt, cancelled: true };
      outcomes.set(n, "cancelled");
    }
  }
  return { state: { version: 1, group, sessions }, outcomes };
}

// src/core/calendar/index.ts
function withIdentity(e, s) {
  return {
    uid: s.uid,
    sequence: s.sequence,
    dtstamp: s.dtstamp,
    start: e.start,
    end: e.end,
    summary: e.summary,
    description: e.description,
    ...e.location ? { location: e.location } : {},
    ...e.url ? { url: e.url } : {},
    categories: e.categories,
    status: "CONFIRMED"
  };
}
function cancelEvent(s) {
  const i = s.issued;
  return {
    uid: s.uid,
    sequence: s.sequence,
    dtstamp: s.dtstamp,
    start: i.start,
    end: i.end,
    summary: i.summary,
    ...i.location ? { location: i.location } : {},
    status: "CANCELLED",
    organizer: i.organizer,
    attendees: i.attendees.map(({ name, email, role }) => ({ name, email, role }))
  };
}
function calendarFiles(ws, plan, previous, issuedAt, opts) {
  if (hasErrors(plan.problems)) throw new Error(`calendarFiles: the plan for ${plan.group.id} has errors`);
  const { group } = plan;
  const { settings } = ws;
  const base = `${settings.output}/${group.id}`;
  const perPerson = opts.perPerson || group.perPersonInvitations;
  const prodId = `-//refleks//refleks ${opts.version}//NB`;
  const stamp = issuedAt.toISOString().replace(/\.\d{3}Z$/, "Z");
  const events = /* @__PURE__ */ new Map();
  const wanted = plan.sessions.map((s) => {
    if (s.cancelled) return { number: s.number, cancelled: true };
    const e = sessionEvent(ws, plan, s, opts.lang);
    events.set(s.number, e);
    const issued = { summary: e.summary, start: e.start, end: e.end, ...e.location ? { location: e.location } : {}, organizer: e.organizer, attendees: e.attendees };
    return { number: s.number, cancelled: false, hash: eventHash(e), issued };
  });
  const uidFor = (n) => sessionUid(settings.organisation, settings.organiser.email, group.id, n);
  const { state, outcomes } = advanceState(previous, group.id, wanted, stamp, uidFor);
  const files = [];
  const results = [];
  const published = [];
  for (const [n, outcome] of outcomes) {
    const s = state.sessions[String(n)];
    const paths = [];
    if (s) {
      const e = events.get(n);
      const event = s.cancelled || !e ? cancelEvent(s) : { ...withIdentity(e, s), organizer: e.organizer, attendees: e.attendees.map(({ name, email, role }) => ({ name, email, role })), alarm: e.alarm };
      const method = s.cancelled ? "CANCEL" : "REQUEST";
      if (perPerson) {
        for (const a of s.cancelled || !e ? s.issued.attendees : e.attendees) {
          const path = `${base}/invitasjoner/${a.slug}/samling-${n}.ics`;
          const one = event.attendees.filter((x) => x.email === a.email);
          files.push({ path, bytes: serializeCalendar({ prodId, method, events: [{ ...event, attendees: one }] }) });
          paths.push(path);
        }
      } else {
        const path = `${base}/invitasjoner/samling-${n}.ics`;
        files.push({ path, bytes: serializeCalendar({ prodId, method, events: [event] }) });
        paths.push(path);
      }
      if (!s.cancelled && e) published.push({ ...withIdentity(e, s), organizer: e.organizer, alarm: e.alarm });
    }
    results.push({ number: n, outcome, ...s ? { sequence: s.sequence } : {}, files: paths });
  }
  if (published.length) {
    files.push({ path: `${base}/kalender.ics`, bytes: serializeCalendar({ prodId, method: "PUBLISH", name: group.name, events: published }) });
  }
  return { files, state, outcomes: results };
}

export {
  themeLabel,
  calendarFiles
};
