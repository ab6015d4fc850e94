/** Why a render failed. Callers show `message` as text instead of an image. */
export type RenderErrorCode =
  /** MathJax could not read a formula (undefined macro, unbalanced braces, …). */
  | 'bad_tex'
  /** A formula or the whole Markdown exceeds the input cap. */
  | 'too_long'
  /** The page is taller than a PNG can be drawn (librsvg and PNG stop at 32,767 px), or drawing failed. */
  | 'too_large';

export interface RenderError {
  readonly code: RenderErrorCode;
  /** MathJax's message, e.g. `Undefined control sequence \foo`. */
  readonly message: string;
  /** The formula at fault, when there is one. */
  readonly tex?: string;
}

export type RenderResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: RenderError };

/** A rendered PNG with its pixel size. */
export interface Png {
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
}
