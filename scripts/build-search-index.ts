/** dist/ → dist/pagefind/: builds the Pagefind index of the built site (extended binary, Chinese segmentation). */
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: join(root, 'dist') });
if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
await index.writeFiles({ outputPath: join(root, 'dist', 'pagefind') });
await pagefind.close();
console.log(`search index: ${added.page_count} pages indexed`);
