import { once } from 'node:events';
import { AppError, seedDemoTenant, type SeedDemoTenantResult } from '@cohortlens/platform';
import { defineCommand } from '../cli-command.js';

interface ServeOptions {
  host?: string;
  port?: string;
}

/**
 * `cohortlens serve`: migrates the configured database, seeds the demo tenant and its owner on a
 * database without users (the random password is printed once), and runs the HTTP server until
 * SIGINT/SIGTERM. The banner goes to stderr because stdout carries the command's one result.
 */
export const serveCommand = defineCommand<ServeOptions>({
  name: 'serve',
  summary: 'Run the API server (REST /api/v1, /docs, /graphql)',
  description:
    'Applies migrations, then serves the REST API, its OpenAPI docs and GraphQL on server.host:server.port. ' +
    'On a database without users it creates the demo tenant and an owner whose random password is printed once. ' +
    'In production (NODE_ENV=production) JWT_SECRET is required.',
  examples: [
    {
      command: 'cohortlens serve',
      explanation: 'embedded database in .cohortlens/data, http://127.0.0.1:8000',
    },
    { command: 'cohortlens serve --host 0.0.0.0 --port 8080', explanation: 'listen on every interface' },
  ],
  configure: (command) => {
    command.option('--host <host>', 'listen address (default: server.host)');
    command.option('--port <port>', 'listen port (default: server.port)');
  },
  run: async ({ options, deps, io }) => {
    const port = options.port === undefined ? undefined : Number(options.port);
    if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
      throw new AppError(
        'INVALID_PORT',
        'invalid_input',
        `--port must be an integer from 0 to 65535, got "${options.port}".`,
      );
    }
    const config = {
      ...deps.config,
      server: {
        ...deps.config.server,
        ...(options.host !== undefined ? { host: options.host } : {}),
        ...(port !== undefined ? { port } : {}),
      },
    };
    const seeded: { demo: SeedDemoTenantResult | null } = { demo: null };
    // The server (Fastify, GraphQL, docs) loads only for this command.
    const { startServer } = await import('@cohortlens/server');
    const server = await startServer(config, {
      db: await deps.db({ migrate: true }),
      logStream: io.stderr,
      beforeListen: async (appDeps) => {
        seeded.demo = await seedDemoTenant(appDeps);
      },
    });
    const urls = {
      api: `${server.url}/api/v1`,
      docs: `${server.url}/docs`,
      graphql: `${server.url}/graphql`,
    };
    const demo = seeded.demo;
    const banner = [
      `CohortLens is running.`,
      `  API      ${urls.api}`,
      `  Docs     ${urls.docs}`,
      `  GraphQL  ${urls.graphql}`,
      ...(demo === null
        ? []
        : [
            '',
            `Created the demo tenant "${demo.tenant.name}" and its owner (shown once, store it now):`,
            `  email     ${demo.owner.email}`,
            `  password  ${demo.password}`,
          ]),
      '',
      'Press Ctrl+C to stop.',
    ];
    io.stderr.write(
      io.json
        ? `${JSON.stringify({ event: 'listening', urls, ...(demo === null ? {} : { owner: { email: demo.owner.email, password: demo.password } }) })}\n`
        : `${banner.join('\n')}\n`,
    );
    await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
    await server.close();
    return { data: { stopped: true, urls }, human: 'Stopped.' };
  },
});
