/**
 * A left-hand side the student wrote before their answer (`dl/dw = …`, `∇ℓ(w) = …`,
 * `\frac{\partial \ell}{\partial w_j} = …`) is ignored: the answer is what follows the last `=` that is
 * not inside brackets (`\sum_{i=1}^n` keeps its `=`). `left` is what stands before the first one.
 */
export function dropLeftHandSide(text: string): {
  readonly rest: string;
  readonly hadLeftHandSide: boolean;
  readonly left: string;
} {
  let depth = 0;
  let first = -1;
  let cut = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if ((c === '=' || c === '≈') && depth === 0 && !isComparison(text, i)) {
      cut = i;
      if (first < 0) first = i;
    }
  }
  return cut < 0
    ? { rest: text, hadLeftHandSide: false, left: '' }
    : { rest: text.slice(cut + 1).trim(), hadLeftHandSide: true, left: text.slice(0, first).trim() };
}

/** `<=`, `>=`, `!=`, `==` are comparisons, left for the whitelist to refuse. */
function isComparison(text: string, i: number): boolean {
  const before = text[i - 1];
  return before === '<' || before === '>' || before === '!' || before === '=' || text[i + 1] === '=';
}

/** A derivative: `dl/dw`, `d\ell/dw_j`, `\frac{dl}{dw}`, `∂ℓ/∂w`, `\partial`, `∇ℓ`, `\nabla_w`, `grad`. */
const DERIVATIVE = /\bd\s*\\?\w*\s*\/\s*d|\\frac\s*\{\s*d|∂|\\partial|∇|\\nabla|\bgrad(?:ient)?\b/i;

/** A name, LaTeX or Unicode, with accents, indices, primes and powers: `g`, `\hat{g}`, `L'`, `g_j`, `ℓ`. */
const NAME = String.raw`(?:\\[A-Za-z]+\s*(?:\{[^{}=]*\})?|\p{L}+)(?:\s*(?:_\s*\{?\s*\w+(?:\s*,\s*\w+)?\s*\}?|\^\s*\{?\s*[\w*]+\s*\}?|['′]))*`;

/** A name alone, or applied to names: `g`, `f(x)`, `\ell(w, b)`, `L'(w)`. */
const LABEL = new RegExp(
  String.raw`^\s*${NAME}\s*(?:\(\s*(?:${NAME}\s*(?:[,;]\s*${NAME}\s*)*)?\))?\s*$`,
  'u',
);

/**
 * Whether a left-hand side names what is asked (a derivative, a name, a function of names), so that
 * dropping it loses nothing. `x^2-2x+1 = 0` is an equation: its right side is no answer.
 */
export function namesTheAnswer(left: string): boolean {
  const bare = left.replace(/[$`]/g, ' ');
  return DERIVATIVE.test(bare) || LABEL.test(bare);
}
