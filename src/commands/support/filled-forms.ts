/**
 * Reading filled-in forms for `attendance --from-form` and `report`. The
 * fields a form should have come from the shared definitions (core/forms/
 * fields.ts); their aliases from the form as refleks writes it today, so a
 * file LibreOffice saved (tags gone, aliases kept) still matches.
 */
import { formFiles, formView, type FormWording } from '../../core/forms/index.js';
import { formFields, type FormKind } from '../../core/forms/fields.js';
import { formKindOf, matchFields, readDocx, FormReadError, type Expected } from '../../core/forms/read-back.js';
import type { Workspace } from '../../core/model.js';
import type { GroupPlan } from '../../core/schedule.js';
import type { Lang } from '../../core/text.js';
import type { FilledForm } from '../../core/report/model.js';
import { diskShapeStore } from '../../io/shape-store.js';

export { FormReadError } from '../../core/forms/read-back.js';

const FILE_OF: Record<FormKind, string> = {
  attendance: 'oppmoteliste.docx',
  evaluation: 'evalueringsskjema.docx',
  'follow-up': 'oppfolgingsskjema.docx',
};

export interface GroupForms {
  expected: Record<FormKind, Expected[]>;
  titles: Record<FormKind, string>;
  planningTitle: string;
  placeholders: string[];
}

/** What each of a group's forms holds, with the aliases refleks writes for its fields. */
export async function groupForms(
  ws: Workspace,
  plan: GroupPlan,
  wording: FormWording,
  lang: Lang,
): Promise<GroupForms> {
  const files = await formFiles(ws, plan, wording, new Date(0), lang, diskShapeStore());
  const sessions = formView(ws, plan, wording, lang).sessions;
  const expected = {} as Record<FormKind, Expected[]>;
  for (const kind of ['attendance', 'evaluation', 'follow-up'] as const) {
    const written = files.find((f) => f.path.endsWith(`/${FILE_OF[kind]}`));
    const aliases = new Map(
      (written && typeof written.bytes !== 'string' ? readDocx(written.bytes).controls : []).flatMap((c) =>
        c.tag && c.alias ? [[c.tag, c.alias] as const] : [],
      ),
    );
    expected[kind] = formFields(kind, sessions, plan.group.participants.length).map((f) => ({
      ...f,
      ...(aliases.has(f.tag) ? { alias: aliases.get(f.tag)! } : {}),
    }));
  }
  return {
    expected,
    titles: {
      attendance: wording.attendance.title,
      evaluation: wording.evaluation.title,
      'follow-up': wording.follow_up.title,
    },
    planningTitle: wording.planning.title,
    placeholders: [wording.common.text_placeholder, wording.common.date_placeholder],
  };
}

/** One file read as the group's form of the kind it is; a FormReadError says why not. */
export function readFilledForm(bytes: Uint8Array, display: string, forms: GroupForms): FilledForm {
  const content = readDocx(bytes);
  const kind = formKindOf(content, forms.titles);
  if (
    !kind &&
    (content.controls.some((c) => /^(planlegging|ramme|avtale|didaktikk)-/.test(c.tag ?? '')) ||
      content.title.startsWith(forms.planningTitle))
  ) {
    throw new FormReadError({
      nb: 'er planleggingsskjemaet; rapporten leser evaluerings- og oppfølgingsskjema',
      en: 'is the planning form; the report reads evaluation and follow-up forms',
    });
  }
  if (!kind || !content.controls.length) {
    throw new FormReadError({
      nb: 'er ikke et skjema fra refleks (fant ingen av feltene refleks skriver)',
      en: 'is not a refleks form (none of the fields refleks writes were found)',
    });
  }
  const answers = matchFields(content, forms.expected[kind], forms.placeholders);
  return {
    file: display,
    kind,
    fields: forms.expected[kind],
    values: answers.values,
    ...(answers.outOfScale.length ? { outOfScale: answers.outOfScale } : {}),
  };
}
