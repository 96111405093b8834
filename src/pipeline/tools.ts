/** The template renderer and form wording one build shares across its groups. */
import { loadFormWording } from '../load/form-wording.js';
import type { FormWording } from '../core/forms/index.js';
import type { Workspace } from '../core/model.js';
import { hasErrors, InputError } from '../core/problems.js';
import type { Lang } from '../core/text.js';
import { createRenderer } from '../templates/engine.js';
import { diskShapeStore } from '../io/shape-store.js';
import type { BuildTools } from './group-outputs.js';

export function buildTools(ws: Workspace, lang: Lang): BuildTools {
  const wordings = new Map<string, FormWording>();
  return {
    renderer: createRenderer({ root: ws.root }),
    shapes: diskShapeStore(),
    wording(programmeId) {
      let w = wordings.get(programmeId);
      if (!w) {
        const { wording, problems } = loadFormWording(ws, programmeId, lang);
        if (!wording || hasErrors(problems)) throw new InputError(problems);
        wordings.set(programmeId, (w = wording));
      }
      return w;
    },
  };
}
