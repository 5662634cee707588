/**
 * How long a query may be. The forms are GET forms, so the query travels in the URL: a 10 000
 * character query made a URL of about 90 KB, which servers refuse (HTTP 431) before any page can
 * explain. 200 characters (a long sentence, a URL of under 2 KB) find any passage of the library.
 */

/** Longest query, in UTF-16 units: the unit of the `maxlength` attribute. */
export const MAX_QUERY_LENGTH = 200;

/** The query cut to MAX_QUERY_LENGTH units (never inside a surrogate pair), and whether it was cut. */
export function capQuery(q: string): { query: string; cut: boolean } {
  if (q.length <= MAX_QUERY_LENGTH) return { query: q, cut: false };
  const lastUnit = q.charCodeAt(MAX_QUERY_LENGTH - 1);
  const end = lastUnit >= 0xd800 && lastUnit <= 0xdbff ? MAX_QUERY_LENGTH - 1 : MAX_QUERY_LENGTH;
  return { query: q.slice(0, end), cut: true };
}

/** What a reader is told when a query was cut. */
export const queryCutMessage = (from: number) =>
  `查询过长（${from} 字），只按前 ${MAX_QUERY_LENGTH} 字搜索。`;
export const pasteCutMessage = `粘贴的文字超过 ${MAX_QUERY_LENGTH} 字，只保留了前面的部分。`;
