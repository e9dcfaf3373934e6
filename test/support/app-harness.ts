import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { openRuntime, type Runtime } from '../../src/db/runtime.ts';
import { buildApp } from '../../src/server/build-app.ts';
import { createTestDatabase, type DialectName, type TestDatabase } from './databases.ts';

export interface Harness {
  dialect: DialectName;
  app: FastifyInstance;
  runtime: Runtime;
  db: TestDatabase;
  close(): Promise<void>;
}

/** The real app over a fresh database of the dialect, called through inject(). */
export async function startHarness(
  dialect: DialectName,
  opts: { authRateLimitPerMinute?: number; maxUploadBytes?: number; webDir?: string } = {},
): Promise<Harness> {
  const db = await createTestDatabase(dialect);
  const runtime = await openRuntime(
    db.config,
    opts.maxUploadBytes ? { maxUploadBytes: opts.maxUploadBytes } : {},
  );
  const app = await buildApp({
    ctx: runtime.ctx,
    databaseKind: runtime.database.kind,
    webDir: opts.webDir ?? null,
    // Every test request comes from 127.0.0.1: the per-IP limiter has its own test.
    authRateLimitPerMinute: opts.authRateLimitPerMinute ?? 100_000,
  });
  return {
    dialect,
    app,
    runtime,
    db,
    close: async () => {
      await app.close();
      await runtime.close();
      await db.drop();
    },
  };
}

/** A browser-like client: keeps the session cookie and sends the CSRF token on state changes. */
export class Client {
  cookie: string | null = null;
  csrf: string | null = null;
  bearer: string | null = null;
  constructor(
    private readonly app: FastifyInstance,
    public locale: 'zh-TW' | 'en' = 'en',
  ) {}

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { 'accept-language': this.locale };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    const res = await this.app.inject({
      method,
      url,
      headers,
      ...(body !== undefined ? { payload: body as Record<string, unknown> } : {}),
    });
    const set = res.cookies.find((c) => c.name === 'pacer_session');
    if (set) this.cookie = set.value ? `pacer_session=${set.value}` : null;
    if (res.statusCode < 300 && res.headers['content-type']?.toString().includes('json')) {
      // GET /api/auth/session answers null when nobody is logged in.
      const json = res.json() as { csrfToken?: unknown } | null;
      if (typeof json?.csrfToken === 'string') this.csrf = json.csrfToken;
    }
    return res;
  }

  /** POSTs one file as multipart/form-data (field "file"), like the browser's upload. */
  async upload(url: string, fileName: string, content: Buffer | string): Promise<LightMyRequestResponse> {
    const boundary = `----pacer${Math.random().toString(36).slice(2)}`;
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.isBuffer(content) ? content : Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const headers: Record<string, string> = {
      'accept-language': this.locale,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf) headers['x-csrf-token'] = this.csrf;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    return this.app.inject({ method: 'POST', url, headers, payload });
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  put = (url: string, body: unknown) => this.request('PUT', url, body);
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
  delete = (url: string) => this.request('DELETE', url);
}

let counter = 0;
/** Signs up a new user with their own company; returns the client (logged in) and ids. */
export async function signUp(app: FastifyInstance, name = 'Owner') {
  counter += 1;
  const client = new Client(app);
  const email = `${name.toLowerCase().replace(/\W/g, '')}${counter}-${Date.now()}@example.com`;
  const res = await client.post('/api/auth/signup', {
    email,
    password: 'correct horse battery',
    name,
    companyName: `${name} Co ${counter}`,
  });
  if (res.statusCode !== 201) throw new Error(`signup failed: ${res.statusCode} ${res.body}`);
  const session = res.json() as { user: { id: string }; currentCompanyId: string };
  return { client, email, userId: session.user.id, companyId: session.currentCompanyId };
}
