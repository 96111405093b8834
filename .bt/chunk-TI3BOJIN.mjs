import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  loadFormWording
} from "./chunk-OUMMSEYM.mjs";
import {
  createRenderer
} from "./chunk-4RIZZ4NV.mjs";
import {
  calendarFiles
} from "./chunk-G3YWCE5X.mjs";
import {
  DamagedStateError,
  readCalendarState
} from "./chunk-D5ZROK2N.mjs";
import {
  planGroup
} from "./chunk-HGIWPUE4.mjs";
import {
  InputError,
  hasErrors
} from "./chunk-4FZNDNJ7.mjs";
import {
  t
} from "./chunk-DAJR5TUZ.mjs";

// src/build/build-group.ts
async function buildGroup(ws, group, previous, settings, tools) {
  const plan = planGroup(group, ws.settings, { strict: settings.strict });
  if (hasErrors(plan.problems)) return { groupId: group.id, file: group.source.display, files: [], problems: plan.problems };
  const issuedAt = new Date(settings.issuedAt);
  try {
    const { formFiles } = await import("./forms-OPECU43C.mjs");
    const { packFiles } = await import("./render-KZHUDCOK.mjs");
    const calendar = calendarFiles(ws, plan, previous, new Date(settings.calendarIssuedAt), { lang: settings.lang, version: settings.version, perPerson: settings.perPerson });
    const forms = await formFiles(ws, plan, tools.wording(group.programmeId), issuedAt, settings.lang);
    const packs = packFiles(ws, plan, tools.renderer, settings.lang);
    return {
      groupId: group.id,
      file: group.source.display,
      files: [...calendar.files, ...forms, ...packs],
      calendar: { state: calendar.state, outcomes: calendar.outcomes },
      problems: plan.problems
    };
  } catch (err) {
    if (err instanceof InputError) return { groupId: group.id, file: group.source.display, files: [], problems: [...plan.problems, ...err.problems] };
    throw err;
  }
}

// src/build/tools.ts
function buildTools(ws, lang) {
  const wordings = /* @__PURE__ */ new Map();
  return {
    renderer: createRenderer({ root: ws.root }),
    wording(programmeId) {
      let w = wordings.get(programmeId);
      if (!w) {
        const { wording, problems } = loadFormWording(ws, programmeId, lang);
        if (!wording || hasErrors(problems)) throw new InputError(problems);
        wordings.set(programmeId, w = wording);
      }
      return w;
    }
  };
}

// src/build/run-groups.ts
async function buildGroups(ws, settings, post) {
  const tools = buildTools(ws, settings.lang);
  for (const group of ws.groups) {
    let previous;
    try {
      previous = readCalendarState(ws.root, group.id);
    } catch (err) {
      if (!(err instanceof DamagedStateError)) throw err;
      post({ type: "group", result: { groupId: group.id, file: group.source.display, files: [], problems: [damaged(err.path)] } });
      continue;
    }
    try {
      post({ type: "group", result: await buildGroup(ws, group, previous, settings, tools) });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      post({ type: "group", result: { groupId: group.id, file: group.source.display, files: [], problems: err.problems } });
    }
  }
}
function damaged(path) {
  return {
    severity: "error",
    file: path,
    message: t("kalenderhistorikken er skadet", "the calendar history is damaged"),
    hint: t("Hent den fra sikkerhetskopi eller git. Sletter du den, sendes alle invitasjonene som nye.", "Restore it from a backup or git. Deleting it re-issues every invitation as new.")
  };
}

export {
  buildGroups
};
