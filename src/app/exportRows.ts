import { resolveScope, type ScopeInput } from './analyticsScope.ts';
import type { AppContext } from './context.ts';
import type { AttemptExportRow, AttemptPageRow, GradeRow } from './ports/index.ts';

/** Rows read per round trip: enough to keep the database busy, few enough to keep memory flat. */
const PAGE = 5_000;

export type ExportInput = Omit<ScopeInput, 'cardId' | 'period'>;

export type ExportResult<Row> =
  | { readonly kind: 'rows'; readonly rows: AsyncIterable<Row> }
  | { readonly kind: 'bad_date'; readonly since: string };

/**
 * Every attempt of a server (or of all data, server by server) since a date, in time order, with the
 * user's current name: streamed page by page (keyset pagination), never held whole. Users who deleted
 * their data are not in it.
 */
export async function exportAttempts(
  ctx: AppContext,
  input: ExportInput,
  page = PAGE,
): Promise<ExportResult<AttemptExportRow>> {
  const resolved = await resolveScope(ctx, input);
  if (resolved.kind === 'bad_date') return resolved;
  const { scope } = resolved;
  const { analytics } = ctx.store;
  // Names are read once per user, not once per attempt: at most one entry per user, however many rows.
  const names = new Map<string, string>();
  const named = async (batch: readonly AttemptPageRow[]) => {
    const unknown = [...new Set(batch.map((row) => row.userId))].filter((id) => !names.has(id));
    if (unknown.length > 0) for (const [id, name] of await analytics.names(unknown)) names.set(id, name);
    return batch.map((row): AttemptExportRow => ({ ...row, displayName: names.get(row.userId) ?? '' }));
  };
  async function* rows() {
    const guilds = scope.guildId !== undefined ? [scope.guildId] : await analytics.guilds();
    for (const guildId of guilds) {
      let after: AttemptPageRow | null = null;
      for (;;) {
        const batch: AttemptPageRow[] = await analytics.attemptPage({ ...scope, guildId }, after, page);
        yield* await named(batch);
        if (batch.length < page) break;
        after = batch.at(-1) ?? null;
      }
    }
  }
  return { kind: 'rows', rows: rows() };
}

/** One row per user for a gradebook (parts solved, points, attempts, last activity), by user id, streamed. */
export async function exportGrades(
  ctx: AppContext,
  input: ExportInput,
  page = PAGE,
): Promise<ExportResult<GradeRow>> {
  const resolved = await resolveScope(ctx, input);
  if (resolved.kind === 'bad_date') return resolved;
  const { scope } = resolved;
  const { analytics } = ctx.store;
  async function* rows() {
    let after: string | null = null;
    for (;;) {
      const batch: GradeRow[] = await analytics.gradePage(scope, after, page);
      yield* batch;
      if (batch.length < page) break;
      after = batch.at(-1)?.userId ?? null;
    }
  }
  return { kind: 'rows', rows: rows() };
}
