/**
 * A copy of the project's build inputs in a temporary folder (node_modules linked), for tests that
 * build the site in other conditions without touching this checkout's dist/ or src/generated/.
 */
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '..', '..');

/** What a build reads. */
const BUILD_INPUTS = [
  'astro.config.ts',
  'package.json',
  'tsconfig.json',
  'content',
  'public',
  'scripts',
  'src',
];

/** Copies the build inputs into a new temporary folder and returns it. */
export function copyProject(prefix: string): string {
  const project = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of BUILD_INPUTS)
    cpSync(join(projectRoot, entry), join(project, entry), { recursive: true });
  symlinkSync(join(projectRoot, 'node_modules'), join(project, 'node_modules'), 'dir');
  return project;
}
