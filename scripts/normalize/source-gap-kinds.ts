/**
 * The kinds of gap a source can have (source-gaps.ts) and what the page's marker says for each:
 * one list for the manifest's schema, the tree and the MDX serializer. No imports, so the schema
 * (read by the site too) does not pull in the passes.
 */
export const SOURCE_GAP_KINDS = [
  'column-cut',
  'fragment-cut',
  'numbering-gap',
  'starts-mid-text',
  'ends-mid-text',
  'part-missing',
] as const;
export type SourceGapKind = (typeof SOURCE_GAP_KINDS)[number];

/** What the marker on the page says, by kind (the reason is in 整理说明). */
export const SOURCE_GAP_MARKERS: Record<SourceGapKind, string> = {
  'column-cut': '原文此处缺一段分栏文字',
  'fragment-cut': '原文在此中断，其后的文字不在原文中',
  'numbering-gap': '原文此处缺一部分',
  'starts-mid-text': '原文自此开始，此前的文字不在原文中',
  'ends-mid-text': '原文到此为止，其后的文字不在原文中',
  'part-missing': '原文此处缺一部分',
};

/** The marker's words: by kind, naming the numbers a numbering gap skips (缺“三、”). */
export function sourceGapMarker(gap: { kind: SourceGapKind; missing?: string[] }): string {
  if (!gap.missing?.length) return SOURCE_GAP_MARKERS[gap.kind];
  const numbers = gap.missing.map((m) => `“${m}”`).join('');
  return gap.kind === 'numbering-gap'
    ? `原文此处缺${numbers}部分`
    : `${SOURCE_GAP_MARKERS[gap.kind]}（包括${numbers}部分）`;
}
