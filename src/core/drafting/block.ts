import type { SignRule } from '../cards/card.ts';
import type { Scope } from './scope.ts';

/** What the draft says of one part. */
export interface DraftedPart {
  readonly label: string;
  readonly prompt: string;
  readonly wrt: string;
  readonly answer: string;
  readonly sign: SignRule;
  readonly require: readonly string[];
}

/**
 * The `check:` block as an author would write it (SPEC section 1): a single part's answer and sign
 * on the card itself, several parts (or a part's own requirements) under `parts`.
 */
export function blockOf(
  scope: Scope,
  parts: readonly DraftedPart[],
  dropped: ReadonlySet<string> = new Set(),
): Record<string, unknown> {
  const given = scope.given.filter((g) => !dropped.has(g.name));
  const wrt = parts[0]?.wrt ?? '';
  const [only] = parts;
  const head = {
    vars: scope.vars,
    ...(given.length > 0 ? { given: Object.fromEntries(given.map((g) => [g.name, g.source])) } : {}),
    loss: scope.loss,
    wrt,
  };
  if (parts.length === 1 && only !== undefined && only.require.length === 0)
    return { ...head, answer: only.answer, sign: only.sign };
  return {
    ...head,
    parts: parts.map((p) => ({
      label: p.label,
      ...(p.prompt !== '' ? { prompt: p.prompt } : {}),
      ...(p.wrt !== wrt ? { wrt: p.wrt } : {}),
      answer: p.answer,
      sign: p.sign,
      ...(p.require.length > 0 ? { require: p.require } : {}),
    })),
  };
}
