/** Two builds of the same commit produce byte-identical HTML (no timestamps or random ids). */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { distDir } from '../support/serve-dist.ts';

function htmlHashes(): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html'))
        hashes.set(relative(distDir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(distDir);
  return hashes;
}

test('rebuilding the site yields byte-identical HTML', { timeout: 240_000 }, () => {
  const first = htmlHashes();
  assert.ok(first.size >= 10, 'dist/ holds the built pages');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: join(distDir, '..'), stdio: 'ignore' });
  const second = htmlHashes();
  assert.deepEqual([...second.keys()].sort(), [...first.keys()].sort());
  for (const [file, hash] of first)
    assert.equal(second.get(file), hash, `${file} changed between two builds`);
});
