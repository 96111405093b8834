/**
 * The template renderer and form wording one run shares across its groups.
 * Each is loaded only for the kinds that need it, so `refleks schedule` never
 * loads Handlebars or the form machinery.
 */
import type { FormWording } from '../core/forms/index.js';
import type { Workspace } from '../core/model.js';
import { hasErrors, InputError } from '../core/problems.js';
import type { Text } from '../core/text.js';
import type { RenderSettings, RenderTools } from './group-outputs.js';

/** `note`: what the form layout cache has to say (a refused folder; ignored entries for --debug). */
export async function loadTools(
  ws: Workspace,
  settings: RenderSettings,
  note?: (text: Text, debugOnly: boolean) => void,
): Promise<RenderTools> {
  const wants = new Set(settings.kinds);
  const tools: RenderTools = {
    wording() {
      throw new Error('form wording was not loaded: forms were not asked for');
    },
  };
  if (wants.has('packs')) {
    const { createRenderer } = await import('../templates/engine.js');
    tools.renderer = createRenderer({
      root: ws.root,
      ...(settings.templatesDir ? { optionDir: settings.templatesDir } : {}),
    });
  }
  if (wants.has('forms')) {
    const [{ loadFormWording }, { diskShapeStore }] = await Promise.all([
      import('../load/form-wording.js'),
      import('../io/shape-store.js'),
    ]);
    tools.shapes = diskShapeStore(process.env, note);
    const wordings = new Map<string, FormWording>();
    tools.wording = (programmeId, lang) => {
      let w = wordings.get(`${programmeId}\0${lang}`);
      if (!w) {
        const { wording, problems } = loadFormWording(
          ws,
          programmeId,
          lang,
          settings.templatesDir ? { optionDir: settings.templatesDir } : {},
        );
        if (!wording || hasErrors(problems)) throw new InputError(problems);
        wordings.set(`${programmeId}\0${lang}`, (w = wording));
      }
      return w;
    };
  }
  return tools;
}
