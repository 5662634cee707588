/**
 * Link checker over the built site (tests/support/link-check.ts): every internal href/src in every
 * HTML file of dist/ resolves to an existing file, and every #fragment to an element id on the
 * target page. (tests/e2e/base-path.test.ts runs the same checker on a site built for a sub-path.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { selectAll } from 'hast-util-select';
import { builtPages } from '../support/dist-html.ts';
import { checkLinks } from '../support/link-check.ts';
import { distDir } from '../support/serve-dist.ts';

test('every internal link and fragment resolves', () => {
  const { pages, checked, broken } = checkLinks(distDir);
  assert.ok(pages >= 15, `found ${pages} HTML pages`);
  assert.ok(checked > 500, `checked ${checked} links`);
  assert.deepEqual(broken, [], `${broken.length} broken links:\n${broken.slice(0, 30).join('\n')}`);
});

test('ids are unique within each page', () => {
  const dupes: string[] = [];
  for (const page of builtPages()) {
    const seen = new Set<string>();
    for (const el of selectAll('[id]', page.tree)) {
      const id = String(el.properties.id);
      if (seen.has(id)) dupes.push(`${page.url}#${id}`);
      seen.add(id);
    }
  }
  assert.deepEqual(dupes, []);
});
