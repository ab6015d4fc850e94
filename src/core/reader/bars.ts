import { ReadFailure, unbalanced } from './readErrors.ts';

/**
 * Vertical bars: `|a|` → `abs(a)`, `‖a‖` (from `\|`, `\lVert`, `||`) → `norm(a)`, with `‖a‖_2` read as
 * `norm(a)`. A bar closes the innermost bar of its kind opened at the same bracket level. `||` is a
 * norm's bar, except where a `|` is open: there it closes it and opens the next (`|x-2||x+2|`).
 */
export function barsToCalls(text: string, source: string): string {
  if (!/[|‖]/.test(text)) return text;
  const chars = [...text];
  const open: string[] = [];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    let c = chars[i] ?? '';
    if (c === '|' && chars[i + 1] === '|' && open[open.length - 1] !== '|') {
      c = '‖';
      i++;
    }
    if (c === '(' || c === '[') {
      open.push(c);
      out += c;
    } else if (c === ')' || c === ']') {
      const top = open.pop();
      if (top === '|' || top === '‖')
        throw new ReadFailure(unbalanced(source, { kind: 'missing_closing', bracket: top }));
      out += c;
    } else if (c === '|' || c === '‖') {
      if (open[open.length - 1] === c) {
        open.pop();
        out += ')';
        if (c === '‖' && chars[i + 1] === '_' && chars[i + 2] === '2') i += 2;
      } else {
        open.push(c);
        out += c === '|' ? ' abs(' : ' norm(';
      }
    } else {
      out += c;
    }
  }
  const unclosed = open.find((c) => c === '|' || c === '‖');
  if (unclosed !== undefined)
    throw new ReadFailure(unbalanced(source, { kind: 'missing_closing', bracket: unclosed }));
  return out;
}
