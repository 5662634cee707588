/**
 * A compilation's repairs, page by page: each page's 整理说明 lists what was repaired in its own
 * text. A source line belongs to the page holding the nearest line at or before it (a joined
 * line is gone from the tree, the line before it is not), unless the repair names its article
 * (a headline moved to it). Kinds counted without one line per
 * repair stay on every page, as they were counted for the whole source.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { RepairSummary } from './repair-log.ts';

export function repairsByPage(
  pages: Array<{ tree: Root; article?: string }>,
  repairs: RepairSummary[],
): RepairSummary[][] {
  if (pages.length < 2) return pages.map(() => repairs);
  const trees = pages.map((p) => p.tree);
  const owners: Array<{ line: number; page: number }> = [];
  trees.forEach((tree, page) =>
    visit(tree, (node) => {
      const line = (node.data as { line?: number } | undefined)?.line;
      if (line !== undefined) owners.push({ line, page });
    }),
  );
  owners.sort((a, b) => a.line - b.line);
  const ownerOf = (line: number): number | undefined => {
    let found: number | undefined;
    for (const o of owners) {
      if (o.line > line) break;
      found = o.page;
    }
    return found;
  };
  return trees.map((_, page) =>
    repairs.flatMap((summary) => {
      const perLine =
        summary.details.length === summary.count && summary.details.every((d) => d.line !== undefined);
      if (!perLine) return [summary];
      const details = summary.details.filter((d) =>
        d.article !== undefined ? pages[page].article === d.article : ownerOf(d.line!) === page,
      );
      return details.length ? [{ ...summary, count: details.length, details }] : [];
    }),
  );
}
