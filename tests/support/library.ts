/**
 * A library under test: a content directory and the site built from it. The content tests check
 * properties that hold for every document of any correct library, so they run on the seed library
 * (content/ and dist/) and on the fixture library (content/ plus tests/fixtures/library/, built
 * in a temporary directory by tests/fixtures/library.test.ts).
 */
import { join, resolve } from 'node:path';

export interface Library {
  /** How test names call it. */
  name: string;
  contentDir: string;
  distDir: string;
}

const root = resolve(import.meta.dirname, '..', '..');

export const seedLibrary: Library = {
  name: 'content/',
  contentDir: join(root, 'content'),
  distDir: join(root, 'dist'),
};
