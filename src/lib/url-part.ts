/**
 * Decoding a part of the page's URL (a #fragment, a path segment) that a reader may have typed or
 * cut short: `#%` or `#%E4%B8` must not throw (decodeURIComponent does, with URIError).
 */

/** The part percent-decoded; an escape that does not decode (a lone %, a cut UTF-8 sequence) stays as written. */
export function decodeUrlPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    // Decode each character's escapes (a UTF-8 lead byte and its continuation bytes) on its own,
    // so that the good ones around a bad one still decode.
    return part.replace(/%[c-f][\da-f](?:%[89ab][\da-f])*|%[\da-f]{2}/giu, (seq) => {
      try {
        return decodeURIComponent(seq);
      } catch {
        return seq;
      }
    });
  }
}

/** The element id a hash names (`#s2-1` → `s2-1`), decoded; '' when there is none. */
export function fragmentId(hash: string): string {
  return decodeUrlPart(hash.replace(/^#/u, ''));
}
