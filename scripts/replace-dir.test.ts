/** Swapping a staging directory in, and cleaning up after a run killed at any point of it. */
import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { removeLeftovers, replaceDir, stagingDirFor } from './replace-dir.ts';

function site(dir: string, text: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), text);
}

test('replaceDir swaps the staging directory in and leaves nothing beside it', () => {
  const parent = mkdtempSync(join(tmpdir(), 'replace-'));
  const target = join(parent, 'dist');
  site(target, 'old');
  const staging = stagingDirFor(target);
  site(staging, 'new');
  replaceDir(staging, target);
  assert.equal(readFileSync(join(target, 'index.html'), 'utf8'), 'new');
  assert.deepEqual(readdirSync(parent), ['dist']);
});

test('removeLeftovers removes staging directories of ended runs, keeps the current one and unrelated names', () => {
  const parent = mkdtempSync(join(tmpdir(), 'replace-'));
  const target = join(parent, 'dist');
  site(target, 'published');
  site(`${target}.tmp-101`, 'half-built');
  site(`${target}.tmp-102-previous`, 'stale');
  site(join(parent, 'dist-notes'), 'not ours');
  const current = stagingDirFor(target);
  site(current, 'being built');
  removeLeftovers(target, current);
  assert.deepEqual(readdirSync(parent).sort(), ['dist', 'dist-notes', `dist.tmp-${process.pid}`]);
  assert.equal(readFileSync(join(target, 'index.html'), 'utf8'), 'published');
});

test('a run killed between the two renames of its swap: the next run puts the previous site back', () => {
  const parent = mkdtempSync(join(tmpdir(), 'replace-'));
  const target = join(parent, 'dist');
  site(target, 'published');
  site(`${target}.tmp-103`, 'complete new site');
  renameSync(target, `${target}.tmp-103-previous`); // the first rename, then the kill
  assert.equal(existsSync(target), false);
  removeLeftovers(target);
  assert.equal(readFileSync(join(target, 'index.html'), 'utf8'), 'published');
  assert.deepEqual(readdirSync(parent), ['dist']);
});
