/**
 * Simplified forms of a search term typed in traditional characters.
 *
 * A traditional query may follow OpenCC's standard, Taiwan's or Hong Kong's character forms
 * (堅持著 / 衞生 / 佔比): t→cn alone leaves 著 and 衞 as they are, so each standard gets its own
 * converter (one opencc-js bundle serves all three). A term cut out of a longer phrase can also
 * carry a phrase-level s→t choice that t→s does not undo (關於單家 from 关于单家, where 單于 is a
 * phrase), so the term is also converted character by character.
 */
import { T2S_CHARS, T2S_PAIRS } from './t2s-gate.ts';

export type Convert = (s: string) => string;

/** The traditional standards a query may be written in (opencc-js locale names). */
export const STANDARDS = ['t', 'tw', 'hk'] as const;

let loading: Promise<Convert[]> | undefined;
/** The opencc-js converters to mainland simplified, loaded once and only on demand (~110 KB). */
export function loadConverters(): Promise<Convert[]> {
  loading ??= import('opencc-js/t2cn').then((m) =>
    STANDARDS.map((from) => m.Converter({ from, to: 'cn' }) as Convert),
  );
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/**
 * Whether a term holds what a conversion needs (t2s-gate.ts): a character that converts, or the
 * first two characters of a phrase that does. Else it converts to itself.
 */
export function mayBeTraditional(term: string): boolean {
  const chars = Array.from(term);
  return chars.some((c, i) => T2S_CHARS.has(c) || (i + 1 < chars.length && T2S_PAIRS.has(c + chars[i + 1])));
}

/** The distinct simplified forms of a term: per standard, then character by character. */
export function simplifiedForms(term: string, converters: readonly Convert[]): string[] {
  const forms = converters.map((convert) => convert(term));
  const charByChar = Array.from(
    term,
    (ch) => converters.map((convert) => convert(ch)).find((s) => s !== ch) ?? ch,
  ).join('');
  return [...new Set([...forms, charByChar])];
}
