import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRenderPool } from './render-pool.ts';
import { rehypePlugins, remarkPlugins } from './markdown-plugins.ts';
import { createMdxRenderer } from './render-mdx.ts';

test('the pool renders every body on its threads as the renderer does, and reports a failure with its message', async () => {
  const pool = createRenderPool({ base: '/base/', size: 2 });
  const direct = createMdxRenderer({ remarkPlugins, rehypePlugins: rehypePlugins({ base: '/base/' }) });
  try {
    const bodies = Array.from(
      { length: 7 },
      (_, i) => `<p id="p${i}">第${i}段，见<a href="/docs/x/">此</a></p>\n`,
    );
    assert.deepEqual(await Promise.all(bodies.map((body) => pool.render(body))), bodies.map(direct));
    await assert.rejects(pool.render('<Chart />\n'), /line 1: <Chart> is not an HTML tag/u);
    assert.equal(await pool.render('<p id="p9">后</p>\n'), direct('<p id="p9">后</p>\n'));
  } finally {
    await pool.close();
  }
});
