/**
 * Serves a built site (dist/) as a static host does, for `npm start`, the tests and the dev tools:
 *  - a directory is served by its index.html, and its URL without the trailing slash gets a 301 to
 *    the URL with it (as Netlify, GitHub Pages, nginx and Apache do), so /docs/x reaches /docs/x/;
 *  - a missing file gets the site's own 404.html with status 404;
 *  - the site may be served under a base path (a site built with BASE_PATH), nothing outside it;
 *  - content types by extension; text (HTML, CSS, scripts, JSON, XML, SVG, the exports) is sent
 *    gzip-compressed to a client that accepts it, as static hosts do, so that what a browser
 *    downloads here is what it downloads from the published site; the search index files
 *    (search-index/*.gz) are gzip bodies that the browser script unpacks itself, so they go out as
 *    they are, with no Content-Encoding header (the search reads them either way).
 *
 *   npm start                                  (build, then serve dist/ on 127.0.0.1:4321)
 *   node scripts/serve-site.ts [--port 4321]   (serve the last build)
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
};
const BINARY = 'application/octet-stream';

export interface SiteServer {
  /** Origin without a trailing slash, e.g. http://127.0.0.1:4321 */
  url: string;
  server: Server;
  close: () => Promise<void>;
}

export interface ServeOptions {
  /** The built site. */
  root: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Further directories served under a URL prefix ("/pagefind-stock/" → a directory). */
  mounts?: Record<string, string>;
  /** The path the site is served under, as a host serves a site built with BASE_PATH ('/' by default). */
  base?: string;
}

type Target = { file: string } | { redirect: string } | undefined;

/** Where a request path leads within `base`: a file, a redirect to the directory URL, or nowhere. */
function locate(base: string, prefix: string, pathname: string, search: string): Target {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname.slice(prefix.length));
  } catch {
    return undefined; // a malformed %-escape names no file
  }
  const path = resolve(base, `.${sep}${rel}`);
  if (path !== base && !path.startsWith(base + sep)) return undefined;
  if (!existsSync(path)) return undefined;
  if (statSync(path).isDirectory()) {
    if (!pathname.endsWith('/')) return { redirect: `${pathname}/${search}` };
    const index = join(path, 'index.html');
    return existsSync(index) ? { file: index } : undefined;
  }
  return pathname.endsWith('/') ? undefined : { file: path };
}

/** Types a static host sends compressed to a browser that accepts it (Netlify, GitHub Pages, Cloudflare do). */
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml)|image\/svg\+xml)/u;
/** Smaller files go out as they are: compressing them gains nothing (nginx and CDNs have such a floor too). */
export const MIN_COMPRESSED_SIZE = 1024;
/** Compressed bodies by file, for as long as the file is unchanged. */
const gzipped = new Map<string, { mtimeMs: number; body: Buffer }>();

function gzippedBody(file: string, mtimeMs: number): Buffer {
  const cached = gzipped.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.body;
  const body = gzipSync(readFileSync(file));
  gzipped.set(file, { mtimeMs, body });
  return body;
}

function send(req: IncomingMessage, res: ServerResponse, status: number, file: string): void {
  const type = TYPES[extname(file)] ?? BINARY;
  const { size, mtimeMs } = statSync(file);
  const compress =
    size >= MIN_COMPRESSED_SIZE &&
    COMPRESSIBLE.test(type) &&
    /\bgzip\b/u.test(req.headers['accept-encoding'] ?? '');
  const body = compress ? gzippedBody(file, mtimeMs) : undefined;
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': body?.length ?? size,
    ...(COMPRESSIBLE.test(type) ? { Vary: 'Accept-Encoding' } : {}),
    ...(body ? { 'Content-Encoding': 'gzip' } : {}),
  });
  if (req.method === 'HEAD') res.end();
  else if (body) res.end(body);
  else createReadStream(file).pipe(res);
}

export async function serveSite({
  root,
  port = 0,
  host = '127.0.0.1',
  mounts = {},
  base = '/',
}: ServeOptions): Promise<SiteServer> {
  const site = resolve(root);
  if (!existsSync(join(site, 'index.html')))
    throw new Error(`${site} holds no built site (no index.html): run npm run build first`);
  // Longest prefix first, the site itself last.
  const bases = [
    ...Object.entries(mounts).map(([prefix, dir]) => [prefix, resolve(dir)] as const),
    [base, site] as const,
  ].sort((a, b) => b[0].length - a[0].length);
  const notFound = join(site, '404.html');

  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const { pathname, search } = new URL(req.url ?? '/', 'http://host.invalid');
    const mount = bases.find(([p]) => pathname.startsWith(p));
    const target =
      `${pathname}/` === base
        ? { redirect: `${base}${search}` }
        : mount && locate(mount[1], mount[0], pathname, search);
    if (target && 'redirect' in target) {
      res.writeHead(301, { Location: target.redirect }).end();
    } else if (target) {
      send(req, res, 200, target.file);
    } else if (existsSync(notFound)) {
      send(req, res, 404, notFound);
    } else {
      res.writeHead(404, { 'Content-Type': TYPES['.txt'] }).end('404 Not Found\n');
    }
  });
  // Node's default of 5 s lets the server close an idle keep-alive connection just as a client
  // (Node's fetch, which tests and bench:scale search with) sends its next request on it: a few
  // requests in ten thousand then failed with ECONNRESET. Idle connections are kept longer.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    server,
    // Connections kept alive (above) would hold close() open until they time out: end them too.
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '4321' } } });
  const root = resolve(import.meta.dirname, '..', 'dist');
  const { url } = await serveSite({ root, port: Number(values.port) });
  console.log(`serving ${root} on ${url}/ (Ctrl+C stops)`);
}
