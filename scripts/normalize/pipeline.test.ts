/** The pipeline as data: its order satisfies every stated need, and the README's table states the same. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pipeline } from './pipeline.ts';

const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');

/** Rows of the README's pipeline table: pass, runs on, needs. */
function readmeRows(): Array<{ name: string; scope: string; needs: string[] }> {
  const section = readme.slice(readme.indexOf('## The normalization pipeline'));
  const table = section.slice(
    section.indexOf('| pass |'),
    section.indexOf('\n\n', section.indexOf('| pass |')),
  );
  return table
    .split('\n')
    .slice(2)
    .map((row) => row.split('|').map((cell) => cell.trim()))
    .map(([, name, scope, needs]) => ({
      name: name.replace(/`/g, ''),
      scope,
      needs: needs ? needs.split(',').map((n) => n.trim().replace(/`/g, '')) : [],
    }));
}

test('every pass comes after the passes it needs', () => {
  const seen = new Set<string>();
  for (const step of pipeline) {
    for (const need of step.needs)
      assert.ok(seen.has(need), `${step.name} needs ${need}, which must come earlier`);
    assert.ok(!seen.has(step.name), `${step.name} is listed once`);
    seen.add(step.name);
  }
});

test('every pass is the export of the file it is named after', async () => {
  for (const step of pipeline) {
    const file = join(import.meta.dirname, `${step.name}.ts`);
    assert.ok(existsSync(file), `scripts/normalize/${step.name}.ts exists`);
    const exports = Object.values(await import(file));
    assert.ok(exports.includes(step.run), `${step.name}.ts exports the pass the pipeline runs`);
  }
});

test("the README's pipeline table lists the same passes, in order, with where they run and what they need", () => {
  assert.deepEqual(
    readmeRows(),
    pipeline.map((s) => ({
      name: s.name,
      scope: s.scope === 'page' ? 'each page' : 'source',
      needs: s.needs,
    })),
  );
});
