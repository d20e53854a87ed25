/** The server's version, from apps/server/package.json (reported by /api/v1/health and OpenAPI). */
import { readFileSync } from 'node:fs';

export const SERVER_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
