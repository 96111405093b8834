import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/core/zoned-time.ts
var formatters = /* @__PURE__ */ new Map();
function formatter(zone) {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit"
    });
    formatters.set(zone, f);
  }
  return f;
}
function toWallTime(instant, zone) {
  const parts = {};
  for (const p of formatter(zone).formatToParts(new Date(instant))) parts[p.type] = p.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}
function offsetAt(instant, zone) {
  const w = toWallTime(instant, zone);
  const asUtc = Date.UTC(+w.date.slice(0, 4), +w.date.slice(5, 7) - 1, +w.date.slice(8, 10), +w.time.slice(0, 2), +w.time.slice(3, 5));
  return asUtc - Math.floor(instant / 6e4) * 6e4;
}
function zonedToUtc(date, time, zone) {
  const naive = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10), +time.slice(0, 2), +time.slice(3, 5));
  const candidates = /* @__PURE__ */ new Set();
  for (const probe of [naive - 36e5 * 14, naive, naive + 36e5 * 14]) {
    candidates.add(naive - offsetAt(probe - offsetAt(probe, zone), zone));
  }
  const matches = [...candidates].filter((c) => {
    const w = toWallTime(c, zone);
    return w.date === date && w.time === time;
  });
  return matches.length ? Math.min(...matches) : void 0;
}
function addDays(date, days) {
  const d = new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10) + days));
  return d.toISOString().slice(0, 10);
}
function weekday(date) {
  const d = new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)));
  return (d.getUTCDay() + 6) % 7;
}
function addMinutes(time, minutes) {
  const total = ((+time.slice(0, 2) * 60 + +time.slice(3, 5) + minutes) % 1440 + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

// src/core/format-date.ts
var WEEKDAYS = {
  nb: ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "l\xF8rdag", "s\xF8ndag"],
  en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
};
var MONTHS = {
  nb: ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
};
function weekdayName(date, lang) {
  return WEEKDAYS[lang][weekday(date)];
}
function formatDate(date, lang, opts = {}) {
  const day = +date.slice(8, 10);
  const month = MONTHS[lang][+date.slice(5, 7) - 1];
  const year = opts.year === false ? "" : ` ${date.slice(0, 4)}`;
  const core = lang === "nb" ? `${day}. ${month}${year}` : `${day} ${month}${year}`;
  return opts.weekday === false ? core : `${weekdayName(date, lang)} ${core}`;
}
function formatShortDate(date, lang) {
  return lang === "nb" ? `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}` : date;
}
function formatTime(time, lang) {
  return lang === "nb" ? time.replace(":", ".") : time;
}
function formatSessionTime(date, start, end, lang) {
  const range = `${formatTime(start, lang)}\u2013${formatTime(end, lang)}`;
  return lang === "nb" ? `${formatDate(date, "nb")} kl. ${range}` : `${formatDate(date, "en")}, ${range}`;
}

export {
  toWallTime,
  zonedToUtc,
  addDays,
  weekday,
  addMinutes,
  formatDate,
  formatShortDate,
  formatTime,
  formatSessionTime
};
