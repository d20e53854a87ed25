/**
 * npm run bench:api [-- --seconds 15] [--connections 32] [--pg URL] [--profile]
 *
 * Starts the server in a child process on a fresh PostgreSQL database (--pg, else DATABASE_URL,
 * else postgres://postgres@127.0.0.1:5432/postgres; PGlite in memory when none answers), seeds
 * the demo tenant (2,000 customers, a segmentation run) and trains a random-forest model, makes
 * an analyst API key, then drives each endpoint for --seconds at a fixed concurrency with a
 * keep-alive node:http load generator in this process: POST /predict-spending, POST /segment
 * (10 rows), GET /health. Prints req/s, p50/p99 latency and errors per endpoint.
 * --profile writes the server's CPU profile to bench-results/cpu (open in Chrome DevTools).
 * Server and load generator share the machine: figures are for that setup; run it once or twice.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { loadConfig, openDatabase, seedDemoTenant, type Config } from '@cohortlens/platform';
import { startServer } from '../src/server.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

// ---- child: the server -------------------------------------------------------------------
async function serve(databaseUrl: string | null): Promise<void> {
  const env: Record<string, string> = {
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(32).toString('hex'),
    COHORTLENS_DATA_DIR: 'memory://',
    ...(databaseUrl === null ? {} : { DATABASE_URL: databaseUrl }),
  };
  const base = loadConfig({ env, cwd: tmpdir() });
  const config: Config = { ...base, server: { ...base.server, port: 0 } };
  const db = await openDatabase(config, { migrate: true });
  let password = '';
  const server = await startServer(config, {
    db,
    logStream: process.stderr,
    beforeListen: async (deps) => {
      const seeded = await seedDemoTenant(deps, { demoRows: 2000 });
      password = seeded!.password;
    },
  });
  process.stdout.write(
    `${JSON.stringify({ url: server.url, password, driver: databaseUrl ? 'postgres' : 'pglite' })}\n`,
  );
  process.on('SIGTERM', () => {
    void server
      .close()
      .then(() => db.close())
      .then(() => process.exit(0));
  });
}

// ---- parent: database, load generator ----------------------------------------------------
interface Result {
  name: string;
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
}

async function freshDatabase(): Promise<{ url: string | null; drop: () => Promise<void> }> {
  const admin = arg('--pg') ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `cohortlens_bench_${Date.now()}`;
  const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
  } catch (e) {
    await client.end().catch(() => undefined);
    process.stderr.write(`PostgreSQL unavailable (${(e as Error).message}); using PGlite in memory.\n`);
    return { url: null, drop: async () => undefined };
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

function request(
  agent: http.Agent,
  base: URL,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method,
        path,
        headers:
          body === undefined
            ? headers
            : { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function drive(
  name: string,
  base: URL,
  seconds: number,
  connections: number,
  send: (agent: http.Agent) => Promise<{ status: number }>,
): Promise<Result> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  // Warm-up: JIT, caches, pool connections.
  const warmEnd = performance.now() + 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < warmEnd) await send(agent).catch(() => undefined);
    }),
  );
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          const r = await send(agent);
          if (r.status >= 400) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  void base;
  return {
    name,
    requests: latencies.length,
    errors,
    rps: latencies.length / elapsed,
    p50: q(0.5),
    p99: q(0.99),
    max: latencies.at(-1) ?? NaN,
  };
}

async function main(): Promise<void> {
  if (process.argv.includes('--serve')) return serve(arg('--database') ?? null);
  const seconds = Number(arg('--seconds') ?? 15);
  const connections = Number(arg('--connections') ?? 32);
  const db = await freshDatabase();
  const child = spawn(
    process.execPath,
    [
      ...(process.argv.includes('--profile') ? ['--cpu-prof', '--cpu-prof-dir', 'bench-results/cpu'] : []),
      '--import',
      'tsx',
      import.meta.filename,
      '--serve',
      ...(db.url ? ['--database', db.url] : []),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const info = await new Promise<{ url: string; password: string; driver: string }>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line) resolve(JSON.parse(line));
      });
      child.on('exit', (code) => reject(new Error(`server exited (${code})`)));
    });
    const base = new URL(info.url);
    const agent = new http.Agent({ keepAlive: true });
    const form = new URLSearchParams({
      username: 'owner@demo.cohortlens.local',
      password: info.password,
    }).toString();
    const token = await new Promise<string>((resolve, reject) => {
      const req = http.request(
        {
          agent,
          host: base.hostname,
          port: base.port,
          method: 'POST',
          path: '/api/v1/token',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        },
        (res) => {
          let b = '';
          res.on('data', (c) => (b += c));
          res.on('end', () => resolve((JSON.parse(b) as { access_token: string }).access_token));
        },
      );
      req.on('error', reject);
      req.end(form);
    });
    const auth = { authorization: `Bearer ${token}` };
    const trained = await request(
      agent,
      base,
      'POST',
      '/api/v1/models/train',
      auth,
      JSON.stringify({ algorithm: 'random_forest' }),
    );
    if (trained.status !== 201) throw new Error(`train: ${trained.status} ${trained.body}`);
    const key = await request(
      agent,
      base,
      'POST',
      '/api/v1/api-keys',
      auth,
      JSON.stringify({ name: 'bench', role: 'analyst' }),
    );
    const headers = { 'x-api-key': (JSON.parse(key.body) as { secret: string }).secret };
    agent.destroy();

    const predictBody = JSON.stringify({
      age: 35,
      annual_income: 75000,
      work_experience: 10,
      family_size: 3,
      profession: 'Engineer',
    });
    const segmentBody = JSON.stringify(
      Array.from({ length: 10 }, (_, i) => ({
        Age: 20 + i * 5,
        'Annual Income ($)': 20000 + i * 15000,
        'Spending Score (1-100)': 10 + i * 9,
      })),
    );
    process.stderr.write(
      `bench:api — ${info.driver}, random-forest model, ${connections} connections, ${seconds} s per endpoint, server in a child process\n`,
    );
    const results = [
      await drive('POST /api/v1/predict-spending', base, seconds, connections, (a) =>
        request(a, base, 'POST', '/api/v1/predict-spending', headers, predictBody),
      ),
      await drive('POST /api/v1/segment (10 rows)', base, seconds, connections, (a) =>
        request(a, base, 'POST', '/api/v1/segment', headers, segmentBody),
      ),
      await drive('GET /api/v1/health', base, seconds, connections, (a) =>
        request(a, base, 'GET', '/api/v1/health', {}),
      ),
    ];
    const fmt = (x: number) => x.toFixed(1).padStart(8);
    process.stdout.write(
      `${'endpoint'.padEnd(34)}${'req/s'.padStart(8)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'max ms'.padStart(8)}  requests  errors\n`,
    );
    for (const r of results) {
      process.stdout.write(
        `${r.name.padEnd(34)}${fmt(r.rps)}${fmt(r.p50)}${fmt(r.p99)}${fmt(r.max)}  ${String(r.requests).padStart(8)}  ${r.errors}\n`,
      );
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await db.drop().catch((e: unknown) => process.stderr.write(`drop failed: ${(e as Error).message}\n`));
  }
}

await main();
