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
 * Every row `read` gives, page after page, each page read after the last row of the one before. The next
 * page is already asked for while the consumer writes the current one: reading and writing overlap.
 */
async function* keyset<Row>(read: (after: Row | null) => Promise<readonly Row[]>, page: number) {
  let next: Promise<readonly Row[]> | undefined = read(null);
  while (next !== undefined) {
    const batch: readonly Row[] = await next;
    const last = batch.at(-1);
    next = batch.length === page && last !== undefined ? read(last) : undefined;
    // A consumer that stops early never awaits the page read ahead: its failure must not go unhandled.
    next?.catch(() => {});
    yield batch;
  }
}

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
      const pages = keyset<AttemptPageRow>(
        (after) => analytics.attemptPage({ ...scope, guildId }, after, page),
        page,
      );
      for await (const batch of pages) yield* await named(batch);
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
  async function* rows() {
    const pages = keyset<GradeRow>(
      (after) => ctx.store.analytics.gradePage(scope, after?.userId ?? null, page),
      page,
    );
    for await (const batch of pages) yield* batch;
  }
  return { kind: 'rows', rows: rows() };
}
