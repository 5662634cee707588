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
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import type { Library } from './library.ts';

const repoRoot = resolve(import.meta.dirname, '..', '..');
export const fixtureDir = join(repoRoot, 'tests', 'fixtures', 'library');

/**
 * Copies content/ to `contentDir` and adds the fixture texts to it, with the districts and kinds
 * they need. What content/ already holds (the same text, a document of the same slug, a district
 * or kind of the same name) is not added twice.
 */
function writeFixtureLibrary(contentDir: string): void {
  cpSync(join(repoRoot, 'content'), contentDir, { recursive: true });
  const slugs = new Set(
    readdirSync(join(contentDir, 'documents')).map(
      (f) => (parseYaml(readFileSync(join(contentDir, 'documents', f), 'utf8')) as { slug: string }).slug,
    ),
  );
  for (const file of readdirSync(join(fixtureDir, 'sources'))) {
    const target = join(contentDir, 'sources', file);
    const text = readFileSync(join(fixtureDir, 'sources', file));
    if (!existsSync(target)) writeFileSync(target, text);
    else if (!readFileSync(target).equals(text))
      throw new Error(`${target}: content/ holds another text under the name of a fixture text`);
  }
  for (const file of readdirSync(join(fixtureDir, 'documents'))) {
    const yaml = readFileSync(join(fixtureDir, 'documents', file), 'utf8');
    if (!slugs.has((parseYaml(yaml) as { slug: string }).slug))
      writeFileSync(join(contentDir, 'documents', `fixture-${file}`), yaml);
  }
  for (const [list, key] of [
    ['districts.yaml', 'slug'],
    [join('vocabularies', 'kinds.yaml'), 'name'],
    [join('vocabularies', 'levels.yaml'), 'name'],
  ] as const) {
    const extra = join(fixtureDir, list);
    if (!existsSync(extra)) continue;
    const own = parseYaml(readFileSync(join(contentDir, list), 'utf8')) as Record<string, unknown>[];
    const listed = new Set(own.map((e) => e[key]));
    // A district's order must be its own: the added ones come after content/'s.
    const lastOrder = Math.max(0, ...own.map((e) => (typeof e.order === 'number' ? e.order : 0)));
    const missing = (parseYaml(readFileSync(extra, 'utf8')) as Record<string, unknown>[])
      .filter((e) => !listed.has(e[key]))
      .map((e, i) => ('order' in e ? { ...e, order: lastOrder + 1 + i } : e));
    if (missing.length) appendFileSync(join(contentDir, list), `\n${stringify(missing)}`);
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
    /** As npm run build does: the content step, then Astro (which indexes the site for search). */
    build: () => {
      run(join('scripts', 'build-content.ts'));
      run(join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build');
    },
  };
}
