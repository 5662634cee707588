/**
 * Rebuilding, on a copy of the project in a temporary folder (its own dist/ a copy of the built one):
 *  - a build interrupted during the Astro step, or while it indexes search, leaves the previous
 *    dist/ exactly as it was, serving the whole site (pages, search index, section texts);
 *  - the next build removes what the killed ones left behind, publishes only the source files that
 *    a document names (warning about the others), and yields byte-identical pages at another path.
 */
import { ENTRY_FILE, INDEX_DIR, textFile } from '../../src/lib/search/index-format.ts';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, globSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { loadContent } from '../../scripts/manifest/load-content.ts';
import { sourceFiles } from '../../scripts/manifest/schema.ts';
import { serveSite } from '../../scripts/serve-site.ts';
import { copyProject } from '../support/project-copy.ts';
import { distDir } from '../support/serve-dist.ts';

/** Written into the copy's dist/ before any rebuild: it is there as long as the previous site is. */
const MARKER = 'previous-build.marker';
/** A source file that no document names. */
const STRAY = '草稿 副本.txt';

let project: string;
let dist: string;

before(() => {
  project = copyProject('rebuild-');
  dist = join(project, 'dist');
  cpSync(distDir, dist, { recursive: true });
  writeFileSync(join(dist, MARKER), 'the site published before these builds\n');
  writeFileSync(join(project, 'content', 'sources', STRAY), '一份未登记的草稿。\n');
});
after(() => rmSync(project, { recursive: true, force: true }));

/** Hash of every file of a site, by path. */
function fileHashes(dir: string, pattern = '**/*'): Map<string, string> {
  return new Map(
    globSync(pattern, { cwd: dir, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
      .map((file) => [
        file.slice(dir.length + 1),
        createHash('sha256').update(readFileSync(file)).digest('hex'),
      ]),
  );
}

interface Stop {
  /** Output that marks the moment. */
  at: RegExp;
  /** What to do then with the build's process group: SIGKILL ends the build, SIGSTOP freezes it. */
  signal: 'SIGKILL' | 'SIGSTOP';
  /** While frozen: check, then the build goes on (SIGCONT). */
  check?: () => Promise<void>;
}

/** Runs `npm run build` in the copy, signalling its whole process group at each stop in turn. */
function build(stops: Stop[] = []): Promise<{ output: string; reached: number; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build'], {
      cwd: project,
      detached: true,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let reached = 0;
    let busy = false;
    /** Acts on the next stop once the output has reached it (also output that came in while frozen). */
    const advance = () => {
      const stop = stops[reached];
      if (busy || !stop?.at.test(output)) return;
      reached++;
      process.kill(-child.pid!, stop.signal);
      if (!stop.check) return;
      busy = true;
      stop.check().then(
        () => {
          busy = false;
          process.kill(-child.pid!, 'SIGCONT');
          advance();
        },
        (error) => {
          process.kill(-child.pid!, 'SIGKILL');
          reject(error);
        },
      );
    };
    const read = (chunk: Buffer) => {
      output += chunk;
      advance();
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('error', reject);
    child.on('close', (code) => resolve({ output, reached, code }));
  });
}

const leftovers = () =>
  [...readdirSync(project), ...readdirSync(join(project, 'src')).map((name) => `src/${name}`)].filter(
    (name) => name.includes('.tmp-'),
  );

async function assertPreviousSiteServes(before: Map<string, string>): Promise<void> {
  assert.deepEqual(fileHashes(dist), before, 'dist/ is exactly the previous site');
  const site = await serveSite({ root: dist });
  try {
    for (const path of ['/', '/docs/cixi-shisiwu-guihua/', '/search/', `/${INDEX_DIR}/${ENTRY_FILE}`]) {
      const res = await fetch(site.url + path);
      assert.equal(res.status, 200, path);
    }
    const shard = await fetch(`${site.url}/${INDEX_DIR}/${textFile(0)}`);
    assert.equal(shard.status, 200, 'a section-text shard is served');
  } finally {
    await site.close();
  }
}

// A killed process leaves the files exactly as they are at the moment it dies, and so does a frozen
// one: the build is frozen (SIGSTOP) while Astro writes pages, dist/ checked, then let go, and
// killed (SIGKILL) once it indexes search. One build serves both moments.
test(
  'a build interrupted during the Astro step or during search indexing leaves the previous dist/ serving the whole site',
  { timeout: 120_000 },
  async () => {
    const previous = fileHashes(dist);
    const { output, reached } = await build([
      { at: /├─ \/docs\//, signal: 'SIGSTOP', check: () => assertPreviousSiteServes(previous) },
      { at: /\[search-index\] indexing/, signal: 'SIGKILL' },
    ]);
    assert.equal(reached, 2, `the build ended before both moments:\n${output.slice(-2000)}`);
    assert.doesNotMatch(output, /\[publish\] published/, 'the build was killed before it published');
    assert.ok(
      leftovers().some((name) => name.startsWith('dist.tmp-')),
      'the killed build left its staging directory',
    );
    await assertPreviousSiteServes(previous);
  },
);

test(
  'the next build cleans up, publishes only the sources that documents name, and rebuilds byte-identical pages',
  { timeout: 120_000 },
  async () => {
    // What a build killed between the two renames of a content swap would leave.
    cpSync(join(project, 'src', 'generated'), join(project, 'src', 'generated.tmp-1'), { recursive: true });
    const { output, code } = await build();
    assert.equal(code, 0, output.slice(-3000));
    assert.deepEqual(leftovers(), [], 'no staging directory is left');
    assert.match(
      output,
      new RegExp(`content/sources/${STRAY} is named by no document .*not published.*Add a manifest entry`),
    );
    const referenced = [
      ...new Set(loadContent(join(project, 'content')).documents.flatMap((d) => sourceFiles(d.entry))),
    ].sort();
    assert.deepEqual(readdirSync(join(dist, 'sources')).sort(), referenced);
    assert.deepEqual(fileHashes(dist, '**/*.html'), fileHashes(distDir, '**/*.html'));
    assert.deepEqual(
      fileHashes(dist),
      fileHashes(distDir),
      'the whole site, search index included, is identical',
    );
  },
);
