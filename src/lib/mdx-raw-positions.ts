/**
 * A pair of plugins around rehype-raw, which Astro's MDX pipeline always runs (for syntax
 * highlighters) and this site does not need: a generated document body holds no raw HTML, only JSX.
 * rehype-raw re-parses every JSX element that has children as a fragment, and hast-util-from-parse5
 * gives each fragment the position of the whole file by indexing the file's lines again — time
 * proportional to elements × lines, quadratic in the length of a document (15 of the 30 s spent on
 * the MDX of a 200-document library). With the source text set aside while rehype-raw runs, each
 * fragment's lookup is constant; the text is back for every later plugin.
 */
import type { Root as Hast } from 'hast';
import type { Root as Mdast } from 'mdast';
import type { VFile } from 'vfile';

const stashed = new WeakMap<VFile, VFile['value']>();

/** Last remark plugin: sets the source text aside. */
export function remarkStashSource() {
  return (_: Mdast, file: VFile) => {
    stashed.set(file, file.value);
    file.value = '';
  };
}

/** First rehype plugin after rehype-raw: puts it back. */
export function rehypeRestoreSource() {
  return (_: Hast, file: VFile) => {
    if (stashed.has(file)) file.value = stashed.get(file)!;
    stashed.delete(file);
  };
}
