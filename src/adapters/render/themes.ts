export type ThemeName = 'dark' | 'light';

/** Colours of one theme; `ink` is prose and math, `head` sub-headings, `muted` rules and quote bars. */
export interface Theme {
  readonly background: string;
  readonly ink: string;
  readonly head: string;
  readonly muted: string;
  readonly code: string;
}

/** Discord's own palette, so an image sits in an embed (#2b2d31 dark) like the text around it. */
export const THEMES = {
  dark: { background: '#2b2d31', ink: '#dbdee1', head: '#f2f3f5', muted: '#80848e', code: '#1e1f22' },
  light: { background: '#ffffff', ink: '#313338', head: '#060607', muted: '#c4c9ce', code: '#f2f3f5' },
} as const satisfies Record<ThemeName, Theme>;
