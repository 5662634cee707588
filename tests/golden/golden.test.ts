/**
 * Golden MDX: the generated page of every source is committed under tests/golden/docs/, so any
 * change to normalization shows up in review as a diff. After an intended change:
 *   npm run content && npm run golden:update
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const generated = join(import.meta.dirname, '..', '..', 'src', 'generated', 'docs');
const golden = join(import.meta.dirname, 'docs');

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.mdx'))
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

if (process.env.UPDATE_GOLDEN) {
  rmSync(golden, { recursive: true, force: true });
  cpSync(generated, golden, { recursive: true });
}

test('generated MDX pages match the golden files', () => {
  assert.ok(existsSync(generated), 'src/generated/docs exists (run npm run content)');
  assert.deepEqual(files(generated), files(golden), 'the same pages are generated');
  for (const file of files(golden)) {
    const actual = readFileSync(join(generated, file), 'utf8');
    const expected = readFileSync(join(golden, file), 'utf8');
    if (actual !== expected) {
      const a = actual.split('\n');
      const e = expected.split('\n');
      const line = a.findIndex((l, i) => l !== e[i]);
      assert.fail(
        `${file} differs from its golden file at line ${line + 1}:\n  golden:    ${e[line]?.slice(0, 160)}\n  generated: ${a[line]?.slice(0, 160)}\n(run npm run golden:update if the change is intended)`,
      );
    }
  }
});
