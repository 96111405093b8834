/** The JSON Schemas we publish in schemas/, generated from the same definitions the loader uses. */
import { attendanceSchema, groupSchema, programmeSchema, workspaceSchema } from './schemas.js';

export function jsonSchemas(): Record<string, object> {
  const wrap = (id: string, title: string, body: object) => ({
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://refleks.invalid/schemas/${id}.schema.json`,
    title,
    ...body,
  });
  return {
    'workspace.schema.json': wrap('workspace', 'refleks: arbeidsområde (refleks.yaml)', workspaceSchema.json()),
    'programme.schema.json': wrap('programme', 'refleks: program', programmeSchema.json()),
    'group.schema.json': wrap('group', 'refleks: gruppe', groupSchema.json()),
    'attendance.schema.json': wrap('attendance', 'refleks: oppmøte', attendanceSchema.json()),
  };
}
