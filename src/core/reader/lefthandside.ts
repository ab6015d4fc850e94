/**
 * A left-hand side the student wrote before their answer (`dl/dw = …`, `∇ℓ(w) = …`,
 * `\frac{\partial \ell}{\partial w_j} = …`) is ignored: the answer is what follows the last `=` that is
 * not inside brackets (`\sum_{i=1}^n` keeps its `=`).
 */
export function dropLeftHandSide(text: string): { readonly rest: string; readonly hadLeftHandSide: boolean } {
  let depth = 0;
  let cut = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if ((c === '=' || c === '≈') && depth === 0 && !isComparison(text, i)) cut = i;
  }
  return cut < 0
    ? { rest: text, hadLeftHandSide: false }
    : { rest: text.slice(cut + 1).trim(), hadLeftHandSide: true };
}

/** `<=`, `>=`, `!=`, `==` are comparisons, left for the whitelist to refuse. */
function isComparison(text: string, i: number): boolean {
  const before = text[i - 1];
  return before === '<' || before === '>' || before === '!' || before === '=' || text[i + 1] === '=';
}
