import type { AttemptExportRow, GradeRow } from '../../app/index.ts';

/** The columns of an attempts export, in order (the CLI's and Discord's alike). */
export const ATTEMPT_COLUMNS = [
  'createdAt',
  'guildId',
  'channelId',
  'userId',
  'displayName',
  'cardId',
  'part',
  'verdict',
  'mistake',
  'points',
  'signature',
  'input',
] as const satisfies readonly (keyof AttemptExportRow)[];

/** The columns of a gradebook export: one row per user. */
export const GRADE_COLUMNS = [
  'userId',
  'displayName',
  'partsSolved',
  'points',
  'attempts',
  'lastActivity',
] as const satisfies readonly (keyof GradeRow)[];
