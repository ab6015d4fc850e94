/**
 * Flattens a formula MathJax typeset into as few SVG elements as possible: every glyph `<path>`
 * drawn in the formula's own colour goes, with its `<g transform>`s applied to its coordinates, into
 * one `<path>`, and every plain rule (`<rect>`: fraction bars, radicals' vinculums, overlines) into
 * a second one. librsvg spends tens of microseconds per element, and a tall solution has ~900 of
 * them; merged, it has a few dozen.
 *
 * Anything else — a coloured group, a stroked `<line>` or `<rect>` (`\cancel`, `\boxed`), a nested
 * `<svg>` (which clips), `<text>` — is kept as written, under one `<g>` carrying the transform it had.
 * Merged shapes are painted first: they all have the same fill, so their order among themselves
 * does not matter. Glyph outlines of one font share a winding direction, so overlapping glyphs
 * (the pieces of a stretched delimiter) stay filled under the nonzero rule; rules get a path of
 * their own so that a rule over a glyph is never cut out of it.
 */

interface Element {
  readonly name: string;
  readonly attrs: Map<string, string>;
  readonly children: Node[];
}
type Node = Element | string;

/** x' = a·x + e, y' = d·y + f: MathJax's formulas use only translations and scalings. */
interface Affine {
  readonly a: number;
  readonly d: number;
  readonly e: number;
  readonly f: number;
}

const IDENTITY: Affine = { a: 1, d: 1, e: 0, f: 0 };

/** Thrown on anything this module does not understand; the formula is then left as it was. */
class Unmergeable extends Error {}

const TOKEN = /<(\/?)([\w:-]+)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;
const ATTRIBUTE = /([\w:-]+)="([^"]*)"/g;

function parse(svg: string): Node[] {
  const root: Element = { name: '#root', attrs: new Map(), children: [] };
  const stack: Element[] = [root];
  let consumed = 0;
  for (const match of svg.matchAll(TOKEN)) {
    if (match.index !== consumed) throw new Unmergeable('unexpected markup');
    consumed += match[0].length;
    const [, closing, name = '', attributes = '', selfClosing, text] = match;
    const parent = stack[stack.length - 1] as Element;
    if (text !== undefined) {
      parent.children.push(text);
    } else if (closing) {
      if (parent.name !== name || stack.length === 1) throw new Unmergeable('unbalanced tags');
      stack.pop();
    } else {
      const attrs = new Map<string, string>();
      for (const [, key = '', value = ''] of attributes.matchAll(ATTRIBUTE)) attrs.set(key, value);
      const element: Element = { name, attrs, children: [] };
      parent.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (consumed !== svg.length || stack.length !== 1) throw new Unmergeable('unbalanced tags');
  return root.children;
}

function serialise(node: Node): string {
  if (typeof node === 'string') return node;
  let attrs = '';
  for (const [key, value] of node.attrs) attrs += ` ${key}="${value}"`;
  return `<${node.name}${attrs}>${node.children.map(serialise).join('')}</${node.name}>`;
}

const NUMBER = '-?(?:\\d+\\.?\\d*|\\.\\d+)(?:e-?\\d+)?';
const TRANSFORM = new RegExp(`\\s*(translate|scale)\\(\\s*(${NUMBER})(?:[\\s,]+(${NUMBER}))?\\s*\\)`, 'gy');

/** `parent` followed by `transform` (a list of `translate`s and `scale`s); else `Unmergeable`. */
function compose(parent: Affine, transform: string | undefined): Affine {
  if (transform === undefined) return parent;
  let { a, d, e, f } = parent;
  TRANSFORM.lastIndex = 0;
  let end = 0;
  for (let match = TRANSFORM.exec(transform); match; match = TRANSFORM.exec(transform)) {
    end = TRANSFORM.lastIndex;
    const x = Number(match[2]);
    if (match[1] === 'translate') {
      const y = match[3] === undefined ? 0 : Number(match[3]);
      e += a * x;
      f += d * y;
    } else {
      a *= x;
      d *= match[3] === undefined ? x : Number(match[3]);
    }
  }
  if (transform.slice(end).trim() !== '') throw new Unmergeable(`transform ${transform}`);
  return { a, d, e, f };
}

const r = (n: number) => Math.round(n);

const PATH_TOKEN = new RegExp(`[MmLlHhVvCcSsQqTtZz]|${NUMBER}`, 'g');
const ARITY: Record<string, number> = { M: 2, L: 2, H: 1, V: 1, C: 6, S: 4, Q: 4, T: 2, Z: 0 };

/**
 * Path data under `m`, rounded to the unit (a thousandth of an em: a twentieth of a pixel at the
 * sizes drawn) and written in relative commands from the rounded points, so rounding never adds up
 * and the data stays short (librsvg's time goes with its length). A subpath starts with an absolute
 * move. Arcs are not handled (MathJax's fonts have none).
 */
function transformPath(d: string, m: Affine): string {
  const tokens = d.match(PATH_TOKEN) ?? [];
  if (tokens.join('').length !== d.replace(/[\s,]/g, '').length) throw new Unmergeable('path data');
  let out = '';
  let command = '';
  // The current point in the source's coordinates, and the emitted (rounded) one.
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let px = 0;
  let py = 0;
  let i = 0;
  const num = () => {
    const token = tokens[i++];
    if (token === undefined || /[A-Za-z]/.test(token)) throw new Unmergeable('path data');
    return Number(token);
  };
  /** A point relative to the emitted current point (which it does not move). */
  const rel = (sx: number, sy: number) => {
    const dx = r(m.a * sx + m.e) - px;
    const dy = r(m.d * sy + m.f) - py;
    return `${dx}${dy < 0 ? '' : ' '}${dy}`;
  };
  const moveTo = (sx: number, sy: number) => {
    px = r(m.a * sx + m.e);
    py = r(m.d * sy + m.f);
  };
  while (i < tokens.length) {
    const token = tokens[i] as string;
    if (/[A-Za-z]/.test(token)) {
      command = token;
      i++;
    } else if (command === '' || /[Zz]/.test(command)) {
      throw new Unmergeable('path data');
    }
    const upper = command.toUpperCase();
    const relative = command !== upper;
    const ox = relative ? x : 0;
    const oy = relative ? y : 0;
    switch (upper) {
      case 'Z':
        out += 'z';
        x = startX;
        y = startY;
        moveTo(x, y);
        break;
      case 'M': {
        x = ox + num();
        y = oy + num();
        startX = x;
        startY = y;
        moveTo(x, y);
        out += `M${px} ${py}`;
        // Further pairs after a move are lines.
        command = relative ? 'l' : 'L';
        break;
      }
      case 'H':
      case 'V':
        if (upper === 'H') x = ox + num();
        else y = oy + num();
        out += `l${rel(x, y)}`;
        moveTo(x, y);
        break;
      default: {
        const count = ARITY[upper];
        if (count === undefined) throw new Unmergeable(`path command ${command}`);
        const points: string[] = [];
        let ex = 0;
        let ey = 0;
        for (let k = 0; k < count; k += 2) {
          ex = ox + num();
          ey = oy + num();
          points.push(rel(ex, ey));
        }
        x = ex;
        y = ey;
        out += upper.toLowerCase() + points.join(' ').replace(/ -/g, '-');
        moveTo(x, y);
      }
    }
  }
  return out.replace(/ -/g, '-');
}

const isPlainShape = (element: Element, allowed: readonly string[]) =>
  [...element.attrs.keys()].every((key) => allowed.includes(key));

/** Merges the formula's glyphs and rules; returns `svg` unchanged when it is not as expected. */
export function mergePaths(svg: string): string {
  let nodes: Node[];
  try {
    nodes = parse(svg);
  } catch {
    return svg;
  }
  const [top] = nodes;
  // MathJax wraps a formula in one group that sets the colour and flips the y axis.
  if (nodes.length !== 1 || typeof top !== 'object' || top.name !== 'g') return svg;
  let glyphs = '';
  let rules = '';
  const kept: string[] = [];
  let count = 0;

  function walk(node: Node, m: Affine): void {
    if (typeof node === 'string') {
      if (node.trim() !== '') throw new Unmergeable('text outside an element');
      return;
    }
    count++;
    const own = compose(m, node.attrs.get('transform'));
    if (node.name === 'g' && isPlainShape(node, ['transform'])) {
      for (const child of node.children) walk(child, own);
    } else if (node.name === 'path' && isPlainShape(node, ['d', 'transform']) && node.children.length === 0) {
      glyphs += transformPath(node.attrs.get('d') ?? '', own);
    } else if (node.name === 'rect' && isPlainShape(node, ['x', 'y', 'width', 'height', 'transform'])) {
      const x = Number(node.attrs.get('x') ?? 0);
      const y = Number(node.attrs.get('y') ?? 0);
      const w = Number(node.attrs.get('width'));
      const h = Number(node.attrs.get('height'));
      if (!(w > 0 && h > 0)) throw new Unmergeable('rect size');
      rules += transformPath(`M${x} ${y}H${x + w}V${y + h}H${x}Z`, own);
    } else {
      // Kept as written, under the transform of its parent.
      const same = m.a === 1 && m.d === 1 && m.e === 0 && m.f === 0;
      const wrap = `matrix(${+m.a.toFixed(6)} 0 0 ${+m.d.toFixed(6)} ${+m.e.toFixed(2)} ${+m.f.toFixed(2)})`;
      kept.push(same ? serialise(node) : `<g transform="${wrap}">${serialise(node)}</g>`);
    }
  }

  try {
    for (const child of top.children) walk(child, IDENTITY);
  } catch {
    return svg;
  }
  if (count === 0) return svg;
  const merged =
    (glyphs ? `<path d="${glyphs}"/>` : '') + (rules ? `<path d="${rules}"/>` : '') + kept.join('');
  let attrs = '';
  for (const [key, value] of top.attrs) attrs += ` ${key}="${value}"`;
  return `<g${attrs}>${merged}</g>`;
}
