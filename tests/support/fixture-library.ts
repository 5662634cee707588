/**
 * The fixture library: content/ plus the real texts kept under tests/fixtures/library/ (sources,
 * manifests, and the districts and kinds they need appended to content/'s lists), as a maintainer
 * would add them: files and YAML only.
 */
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Library } from './library.ts';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const fixtureDir = join(repoRoot, 'tests', 'fixtures', 'library');

/** Copies content/ to `contentDir` and adds the fixture texts to it. */
export function writeFixtureLibrary(contentDir: string): void {
  cpSync(join(repoRoot, 'content'), contentDir, { recursive: true });
  for (const folder of ['sources', 'documents'])
    for (const file of readdirSync(join(fixtureDir, folder))) {
      const target = join(contentDir, folder, file);
      if (existsSync(target)) throw new Error(`${target}: a fixture file would replace a file of content/`);
      cpSync(join(fixtureDir, folder, file), target);
    }
  for (const list of [
    'districts.yaml',
    join('vocabularies', 'kinds.yaml'),
    join('vocabularies', 'levels.yaml'),
  ]) {
    const extra = join(fixtureDir, list);
    if (existsSync(extra)) appendFileSync(join(contentDir, list), `\n${readFileSync(extra, 'utf8')}`);
  }
}

/** What a build of the site reads besides content/ (src/generated/ is written by the build). */
const PROJECT = ['astro.config.ts', 'package.json', 'tsconfig.json', 'src', 'scripts', 'public', 'types'];

/**
 * A copy of the project in a temporary directory whose content/ is the fixture library
 * (node_modules is linked): the library's content is there at once, its site once `build` ran.
 */
export function fixtureProject(): { library: Library; build: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'fixture-library-'));
  for (const entry of PROJECT)
    if (existsSync(join(repoRoot, entry)))
      cpSync(join(repoRoot, entry), join(dir, entry), {
        recursive: true,
        filter: (path) => !path.startsWith(join(repoRoot, 'src', 'generated')),
      });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFixtureLibrary(join(dir, 'content'));
  const run = (...args: string[]) =>
    execFileSync(process.execPath, args, {
      cwd: dir,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  return {
    library: {
      name: 'content/ + tests/fixtures/library/',
      contentDir: join(dir, 'content'),
      distDir: join(dir, 'dist'),
    },
    /** As npm run build does: the content step, Astro, the search index. */
    build: () => {
      run(join('scripts', 'build-content.ts'));
      run(join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build');
      run(join('scripts', 'build-search-index.ts'));
    },
  };
}
