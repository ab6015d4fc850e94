import type { AttemptExportRow, GradeRow } from '../../app/index.ts';

/** The columns of `export attempts`, in order (the CLI's file and a Discord attachment alike). */
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

/** The columns of `export grades`, in order. */
export const GRADE_COLUMNS = [
  'userId',
  'displayName',
  'partsSolved',
  'points',
  'attempts',
  'lastActivity',
] as const satisfies readonly (keyof GradeRow)[];
