/**
 * Setting the source aside around rehype-raw changes nothing that Astro's MDX pipeline produces,
 * and every plugin after it reads the source again: checked on a real generated document, compiled
 * by the same processor as the build (@astrojs/markdown-remark's unified(), as astro.config.ts).
 */
import { unified } from '@astrojs/markdown-remark';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import remarkCjkFriendly from 'remark-cjk-friendly';
import type { VFile } from 'vfile';
import { sitePaths } from '../../scripts/site-paths.ts';
import { rehypeRestoreSource, remarkStashSource } from './mdx-raw-positions.ts';
import rehypeCitable from './rehype-citable.ts';

const file = join(sitePaths.generated, 'docs', 'beilun-2022-zhengfu-gongzuo-baogao.mdx');
const content = readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/u, '');

async function compile(stash: boolean) {
  const seen: string[] = [];
  const sourceSeen = () => (_: unknown, f: VFile) => void seen.push(String(f.value));
  const processor = unified({
    remarkPlugins: stash ? [remarkCjkFriendly, remarkStashSource] : [remarkCjkFriendly],
    rehypePlugins: stash ? [rehypeRestoreSource, rehypeCitable, sourceSeen] : [rehypeCitable, sourceSeen],
    smartypants: false,
  });
  const renderer = await processor.createMdxRenderer!(
    { syntaxHighlight: 'shiki', smartypants: false },
    { optimize: false, srcDir: new URL('file:///') },
  );
  const { code } = await renderer.process(content, file, {});
  return { code, seen };
}

test('the MDX compiles to the same module with the source set aside around rehype-raw', async () => {
  const [plain, stashed] = await Promise.all([compile(false), compile(true)]);
  assert.equal(stashed.code, plain.code);
  assert.deepEqual(stashed.seen, [content], 'a rehype plugin after rehype-raw reads the source');
});
