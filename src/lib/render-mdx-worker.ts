/**
 * A worker thread of src/lib/mdx-pages-loader.ts: renders the page bodies it is sent
 * (src/lib/render-mdx.ts), with the base path it was started with.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { rehypePlugins, remarkPlugins } from './markdown-plugins.ts';
import { createMdxRenderer } from './render-mdx.ts';

export interface RenderRequest {
  id: number;
  body: string;
}
export type RenderReply = { id: number; html: string } | { id: number; error: string };

const { base } = workerData as { base: string };
const render = createMdxRenderer({ remarkPlugins, rehypePlugins: rehypePlugins({ base }) });

parentPort!.on('message', ({ id, body }: RenderRequest) => {
  let reply: RenderReply;
  try {
    reply = { id, html: render(body) };
  } catch (error) {
    reply = { id, error: (error as Error).message };
  }
  parentPort!.postMessage(reply);
});
