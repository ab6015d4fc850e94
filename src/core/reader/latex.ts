import { GREEK_COMMANDS } from './greek.ts';
import { badIndex, ReadFailure, syntax, unknownCommand } from './readErrors.ts';

/**
 * LaTeX → the text mathjs parses: `\frac{a}{b}` → `((a)/(b))`, `\hat{y}` → `yhat`, `\sigma` → `sigma`,
 * `\cdot` → `*`, `x_{j}` → `x_j`, braces → parentheses, `\sum_{i=1}^{n}` → the marker `Σ_i` (its body is
 * found later, in `sums.ts`), `\|x\|` → `‖x‖` (read in `bars.ts`); sizing and spacing commands vanish.
 * Names come out padded with spaces, so that `\hat{y}x` does not fuse into one name `yhatx`.
 */

type Token = { readonly cmd: string } | { readonly ch: string };

const SPACING = new Set([',', ';', ':', '!', ' ', '>', '\\', 'quad', 'qquad', 'displaystyle', 'textstyle']);
const SIZING = new Set([
  'left',
  'right',
  'middle',
  'big',
  'Big',
  'bigg',
  'Bigg',
  'bigl',
  'bigr',
  'Bigl',
  'Bigr',
]);
const FRACTIONS = new Set(['frac', 'dfrac', 'tfrac', 'cfrac']);
const ACCENTS: ReadonlyMap<string, string> = new Map([
  ['hat', 'hat'],
  ['widehat', 'hat'],
  ['bar', 'bar'],
  ['overline', 'bar'],
  ['tilde', 'tilde'],
  ['widetilde', 'tilde'],
]);
/** Fonts, arrows and text boxes: only their content matters. */
const WRAPPING = new Set([
  'mathbf', 'boldsymbol', 'bm', 'pmb', 'vec', 'overrightarrow', 'mathrm', 'mathit', 'mathsf', 'mathnormal',
  'mathtt', 'mathbb', 'mathcal', 'text', 'textbf', 'textit', 'textrm', 'mbox', 'operatorname',
]); // prettier-ignore
/** Function commands pass through as names; the whitelist decides which may be used. */
const FUNCTIONS = new Set([
  'exp',
  'log',
  'ln',
  'tanh',
  'max',
  'min',
  'sin',
  'cos',
  'tan',
  'sinh',
  'cosh',
  'lg',
]);
const SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['cdot', '*'],
  ['times', '*'],
  ['ast', '*'],
  ['bullet', '*'],
  ['cdotp', '*'],
  ['div', '/'],
  ['odot', '.*'],
  ['circ', '.*'],
  ['oslash', './'],
  ['top', "'"],
  ['intercal', "'"],
  ['langle', 'dot('],
  ['rangle', ')'],
  ['{', '('],
  ['}', ')'],
  ['lbrace', '('],
  ['rbrace', ')'],
  ['lbrack', '['],
  ['rbrack', ']'],
  ['|', '‖'],
  ['Vert', '‖'],
  ['lVert', '‖'],
  ['rVert', '‖'],
  ['vert', '|'],
  ['lvert', '|'],
  ['rvert', '|'],
  ['mid', '|'],
]);
const DOTS = new Set(['dots', 'cdots', 'ldots', 'dotsb', 'dotsc', 'dotsm', 'vdots', 'ddots']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const word = /[A-Za-z]+/y;
  for (let i = 0; i < text.length;) {
    const c = text.charAt(i);
    if (c !== '\\') {
      tokens.push({ ch: /\s/.test(c) ? ' ' : c });
      i++;
      continue;
    }
    word.lastIndex = i + 1;
    const name = word.exec(text)?.[0] ?? text.charAt(i + 1);
    tokens.push({ cmd: name });
    i += 1 + Math.max(name.length, 1);
  }
  return tokens;
}

/** Converts LaTeX to mathjs text; `source` (what the student typed) is quoted in errors. */
export function latexToMath(text: string, source: string): string {
  const tokens = tokenize(text);
  let pos = 0;

  const peek = (): Token | undefined => tokens[pos];
  const peekChar = (): string | undefined => {
    const t = tokens[pos];
    return t !== undefined && 'ch' in t ? t.ch : undefined;
  };
  const skipSpaces = (): void => {
    while (peekChar() === ' ') pos++;
  };

  /** Converts tokens up to the closing `until` (consumed), or to the end. */
  function sequence(until?: '}' | ']'): string {
    let out = '';
    for (let t = peek(); t !== undefined; t = peek()) {
      pos++;
      if ('cmd' in t) {
        out += command(t.cmd);
      } else if (t.ch === until) {
        return out;
      } else if (t.ch === '{') {
        out += '(' + sequence('}') + ')';
      } else if (t.ch === '}') {
        throw new ReadFailure(syntax(source, { kind: 'stray_closing_brace' }));
      } else if (t.ch === '_') {
        out += '_' + subscript();
      } else {
        out += t.ch === '~' || t.ch === '&' ? ' ' : t.ch;
      }
    }
    if (until !== undefined)
      throw new ReadFailure(syntax(source, { kind: 'missing_latex_close', bracket: until }));
    return out;
  }

  /** One argument of a command: a `{group}`, a command, or a single character (`\frac12`). */
  function argument(owner: string): string {
    skipSpaces();
    const t = peek();
    if (t === undefined || ('ch' in t && t.ch === '}')) {
      throw new ReadFailure(syntax(source, { kind: 'missing_argument', command: owner }));
    }
    pos++;
    if ('cmd' in t) return command(t.cmd);
    return t.ch === '{' ? sequence('}') : t.ch;
  }

  /** `x_{12}` → `12`, `W_{i,j}` → `ij`; `x_j` leaves `j` to the caller's loop. */
  function subscript(): string {
    skipSpaces();
    if (peekChar() !== '{') return '';
    pos++;
    const written = sequence('}').replace(/\s+/g, '');
    // `W_{i,j}` is `W_{ij}`: a matrix entry, row then column.
    const index = /^[A-Za-z],[A-Za-z]$/.test(written) ? written.replace(',', '') : written;
    if (!/^[A-Za-z0-9]+$/.test(index)) {
      throw new ReadFailure(badIndex({ kind: 'latex_subscript', written }, written));
    }
    return index;
  }

  /** `\sum`, its limits dropped: only the index letter matters (the sum runs over all components). */
  function sum(owner: string): string {
    let letter: string | undefined;
    for (;;) {
      skipSpaces();
      const t = peek();
      if (t !== undefined && 'cmd' in t && (t.cmd === 'limits' || t.cmd === 'nolimits')) {
        pos++;
      } else if (peekChar() === '_') {
        pos++;
        const below = argument(owner);
        const match = /^\s*([A-Za-z])\s*(?:=.*)?$/s.exec(below);
        if (match?.[1] === undefined) {
          throw new ReadFailure(syntax(source, { kind: 'sum_index_letter' }, below));
        }
        letter = match[1];
      } else if (peekChar() === '^') {
        pos++;
        argument(owner);
      } else {
        return letter === undefined ? ' Σ ' : ` Σ_${letter} `;
      }
    }
  }

  function sqrt(): string {
    skipSpaces();
    if (peekChar() === '[') {
      pos++;
      const root = sequence(']');
      return `((${argument('sqrt')})^(1/(${root})))`;
    }
    return peekChar() === '(' ? ' sqrt' : ` sqrt(${argument('sqrt')})`;
  }

  function accent(name: string, suffix: string): string {
    const base = argument(name).trim();
    const match = /^([A-Za-z][A-Za-z0-9]*)(_[A-Za-z0-9]+)?$/.exec(base);
    if (match?.[1] === undefined) {
      throw new ReadFailure(syntax(source, { kind: 'accent_over_expression', command: name }));
    }
    return ` ${match[1]}${suffix}${match[2] ?? ''} `;
  }

  function command(name: string): string {
    if (SPACING.has(name)) return ' ';
    if (SIZING.has(name)) {
      skipSpaces();
      if (peekChar() === '.') pos++; // `\left.` is an invisible delimiter
      return ' ';
    }
    if (FRACTIONS.has(name)) {
      const numerator = argument(name);
      return `((${numerator})/(${argument(name)}))`;
    }
    if (name === 'sqrt') return sqrt();
    if (name === 'sum' || name === 'Sigma') return sum(name);
    const suffix = ACCENTS.get(name);
    if (suffix !== undefined) return accent(name, suffix);
    if (WRAPPING.has(name)) return ` ${argument(name)} `;
    const greek = GREEK_COMMANDS.get(name);
    if (greek !== undefined) return ` ${greek} `;
    if (FUNCTIONS.has(name)) return ` ${name} `;
    const symbol = SYMBOLS.get(name);
    if (symbol !== undefined) return ` ${symbol} `;
    if (DOTS.has(name)) {
      throw new ReadFailure(syntax(source, { kind: 'dots', command: name }));
    }
    throw new ReadFailure(unknownCommand(name));
  }

  return tidy(sequence());
}

/** Joins what the padding split (`x _j`, `w '`) and folds whitespace, newlines included (mathjs ends a statement at a newline). */
function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/ ?_ ?/g, '_').replace(/ +'/g, "'").trim();
}
