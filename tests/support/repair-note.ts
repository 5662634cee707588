/** Reads a built page's 整理说明 (src/components/RepairNote.astro) back as data. */
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';

export interface ShownKind {
  kind: string;
  label: string;
  count: number;
  entries: Array<{ id: string; line: number; count: number; href?: string; text: string }>;
}

/** The numbers in “：N 个” and “（N 个）”. */
const number = (el: Element | undefined): number | undefined => {
  const match = el && /(\d+)/.exec(toText(el));
  return match ? Number(match[1]) : undefined;
};

export function shownRepairs(page: Root): ShownKind[] {
  const note = select('#repairs', page);
  if (!note) return [];
  return selectAll('li[data-repair-kind]', note).map((kind) => ({
    kind: String(kind.properties.dataRepairKind),
    label: toText(select('strong', kind)!),
    count: number(select(':scope > .repair-count', kind))!,
    entries: selectAll('.repair-entries > li', kind).map((entry) => ({
      id: String(entry.properties.id),
      line: Number(entry.properties.dataLine),
      count: number(select(':scope > .repair-count', entry)) ?? 1,
      href: select('a.line', entry)?.properties.href as string | undefined,
      text: toText(entry),
    })),
  }));
}
