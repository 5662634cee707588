/** The built site (dist/) for tests, served by the same static server as `npm start`. */
import { resolve } from 'node:path';
import { serveSite, type SiteServer } from '../../scripts/serve-site.ts';

export const distDir = resolve(import.meta.dirname, '..', '..', 'dist');

export type DistServer = SiteServer;

export const serveDist = (): Promise<DistServer> => serveSite({ root: distDir });
