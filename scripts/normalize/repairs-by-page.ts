/**
 * The repair log, page by page, tied to the passages it concerns: each page's 整理说明 lists what
 * was repaired in its own text, each entry links to the passage holding its source line, and that
 * passage carries a mark linking back (`data.repairs`).
 *
 * A source line belongs to the passage holding the nearest line at or before it (a joined line is
 * gone from the tree, the line before it is not); in a compilation that passage's page lists the
 * repair, unless the repair names its article (a headline moved to it). Repairs that concern a
 * page as a whole (a removed table of contents, a moved headline) link to the page's title.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { repairKindInfo, type RepairKind, type RepairSummary } from './repair-log.ts';

interface PageRepairEntry {
  /** The entry's own anchor in 整理说明 (fix-1, fix-2 … per page). */
  id: string;
  line: number;
  /** The source file the line is in, for a document in several files. */
  file?: string;
  text: string;
  /** Repairs this entry stands for, when more than one. */
  count?: number;
  /** Id of the passage the entry concerns; 'top' for the page as a whole. */
  target?: string;
}

export interface PageRepair {
  kind: RepairKind;
  label: string;
  unit: string;
  count: number;
  reason?: string;
  entries: PageRepairEntry[];
}

interface Passage {
  line: number;
  /** Undefined for a block with no anchor (a source-gap marker). */
  id?: string;
  node: object;
  data: { repairs?: string[] };
}

function passagesOf(tree: Root): Passage[] {
  const passages: Passage[] = [];
  visit(tree, (node) => {
    const data = node.data as { line?: number; id?: string; repairs?: string[] } | undefined;
    if (data?.line !== undefined) passages.push({ line: data.line, id: data.id, node, data });
  });
  return passages.sort((a, b) => a.line - b.line);
}

export function repairsByPage(
  pages: Array<{ tree: Root; article?: string }>,
  repairs: RepairSummary[],
): PageRepair[][] {
  const passages = pages.map((p) => passagesOf(p.tree));
  /** The page and passage holding `line`: the passage with the nearest line at or before it. */
  const holder = (line: number): { page: number; passage?: Passage } => {
    let found: { page: number; passage?: Passage } = { page: 0 };
    let best = -Infinity;
    passages.forEach((list, page) => {
      for (const passage of list) {
        if (passage.line > line) break;
        // On a shared line (a run-in heading and its paragraph) the later block holds what follows;
        // a block with an anchor wins over one without.
        if (passage.line > best || (passage.line === best && (passage.id || !found.passage?.id))) {
          best = passage.line;
          found = { page, passage };
        }
      }
    });
    return found;
  };
  const pageOfBlock = (block: object): { page: number; passage: Passage } | undefined => {
    for (const [page, list] of passages.entries()) {
      const passage = list.find((p) => p.node === block);
      if (passage) return { page, passage };
    }
    return undefined;
  };
  // Lines a page-level repair took off the page (a printed table of contents): a repair made in
  // them has no passage to link to but the page itself.
  const removed = repairs
    .filter((s) => repairKindInfo(s.kind).page)
    .flatMap((s) => s.details.flatMap((d) => (d.through ? [[d.line, d.through] as const] : [])));
  const inRemoved = (line: number) => removed.some(([from, to]) => line >= from && line <= to);
  const out: PageRepair[][] = pages.map(() => []);
  const next = pages.map(() => 0);
  for (const summary of repairs) {
    const page = repairKindInfo(summary.kind).page;
    const byPage = new Map<number, PageRepairEntry[]>();
    for (const detail of summary.details) {
      const own = detail.block && pageOfBlock(detail.block);
      const held = own ?? holder(detail.line);
      const onPage =
        detail.article !== undefined ? pages.findIndex((p) => p.article === detail.article) : held.page;
      const id = `fix-${++next[onPage]}`;
      const whole = page || detail.article !== undefined || (!own && inRemoved(detail.line));
      const passage = whole || !held.passage?.id ? undefined : held.passage;
      if (passage) (passage.data.repairs ??= []).push(id);
      const entry: PageRepairEntry = {
        id,
        line: detail.line,
        text: detail.text,
        ...(detail.count !== undefined && detail.count > 1 && { count: detail.count }),
        ...((passage || whole) && { target: passage?.id ?? 'top' }),
      };
      byPage.set(onPage, [...(byPage.get(onPage) ?? []), entry]);
    }
    for (const [page, entries] of byPage) {
      const { kind, label, unit, reason } = summary;
      out[page].push({
        kind,
        label,
        unit,
        count: entries.reduce((sum, e) => sum + (e.count ?? 1), 0),
        ...(reason && { reason }),
        entries,
      });
    }
  }
  return out;
}
