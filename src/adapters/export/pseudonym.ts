import { createHmac } from 'node:crypto';

/**
 * A user's stable pseudonym in anonymised exports: HMAC-SHA256 of their id under a secret key, 16 hex
 * digits. A plain hash of a Discord id could be reversed by hashing every id; this one cannot without
 * the key, and the same key gives the same pseudonym in every export.
 */
function pseudonymizer(secret: string): (userId: string) => string {
  return (userId) => createHmac('sha256', secret).update(userId).digest('hex').slice(0, 16);
}

/** Rows with each user id and name replaced by the id's pseudonym; unchanged without a secret. */
export async function* anonymized<Row extends { userId: string; displayName: string }>(
  rows: AsyncIterable<Row>,
  secret: string | undefined,
): AsyncIterable<Row> {
  if (secret === undefined) return yield* rows;
  const pseudonym = pseudonymizer(secret);
  for await (const row of rows) {
    const name = pseudonym(row.userId);
    yield { ...row, userId: name, displayName: name };
  }
}
