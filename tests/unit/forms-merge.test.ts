import { describe, expect, it } from 'vitest';
import { certificate } from '../../src/core/forms/documents.js';
import { docxParts, mergeParts, packDocx, zipParts } from '../../src/core/forms/docx-kit.js';
import { loadFormWording } from '../../src/io/form-wording.js';
import { planGroup } from '../../src/core/schedule.js';
import { loadWorkspace } from '../../src/load/workspace.js';
import { DEMO } from '../helpers/cli.js';

describe('certificates by mail merge', () => {
  it('are byte-identical to rendering each certificate on its own', async () => {
    const { workspace: ws } = loadWorkspace(DEMO);
    const group = ws!.groups.find((g) => g.id === 'sone-nord')!;
    const plan = planGroup(group, ws!.settings);
    const { wording } = loadFormWording(ws!, group.programmeId, 'nb');
    const c = { workspace: ws!, group, sessions: plan.sessions, w: wording!, lang: 'nb' as const };
    const at = new Date('2027-01-01T00:00:00Z');
    const template = await docxParts(certificate(c, { name: 'TOKENxNAME' }), at, 'nb');
    for (const name of ['Siri Ødegård', 'Ali & Fatima <Khan>', `Camilla "Cami" O'Neill`, '😀 Zoë']) {
      const merged = zipParts(mergeParts(template, { TOKENxNAME: name }));
      const direct = await packDocx(certificate(c, { name }), at, 'nb');
      expect(Buffer.from(merged).equals(Buffer.from(direct)), name).toBe(true);
    }
  });
});
