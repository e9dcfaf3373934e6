import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';

/**
 * The web app's files as a browser gets them: each hashed asset in the encoding the browser accepts
 * (the .br and .gz the build writes beside it), kept for a year, with `vary` so that a cache between
 * keeps the encodings apart; the page itself is never cached.
 */
/** The favicon in the web app's public folder (vite.config.ts: root src/web, so src/web/public). */
const FAVICON = resolve(import.meta.dirname, '../../src/web/public/favicon.svg');

describe.each(dialects())('web app files (%s)', (dialect) => {
  let h: Harness;
  let web: string;
  const script = Buffer.from(`console.log(${JSON.stringify('晨光烘焙坊 '.repeat(400))});\n`);

  beforeAll(async () => {
    web = mkdtempSync(join(tmpdir(), 'pacer-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Pacer</title><div id="root"></div>');
    writeFileSync(join(web, 'assets', 'app-1a2b3c.js'), script);
    writeFileSync(join(web, 'assets', 'app-1a2b3c.js.br'), brotliCompressSync(script));
    writeFileSync(join(web, 'assets', 'app-1a2b3c.js.gz'), gzipSync(script));
    // The build copies the web app's public folder as it is (Vite's publicDir).
    copyFileSync(FAVICON, join(web, 'favicon.svg'));
    h = await startHarness(dialect, { webDir: web });
  });
  afterAll(async () => {
    await h?.close();
    rmSync(web, { recursive: true, force: true });
  });

  const get = (url: string, encoding?: string) =>
    h.app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

  it('sends an asset brotli- or gzip-encoded as accepted, or as it is', async () => {
    const br = await get('/assets/app-1a2b3c.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^application\/javascript/);
    expect(brotliDecompressSync(br.rawPayload).equals(script)).toBe(true);
    expect(br.rawPayload.length).toBeLessThan(script.length / 10);

    const gz = await get('/assets/app-1a2b3c.js', 'gzip, deflate');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(script)).toBe(true);

    const plain = await get('/assets/app-1a2b3c.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(script)).toBe(true);

    for (const res of [br, gz, plain]) {
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers.vary).toMatch(/accept-encoding/i);
    }
  });

  it('serves the favicon as an SVG image, and the page links it', async () => {
    const res = await get('/favicon.svg');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.body).toContain('<svg');
    expect(res.body).toBe(readFileSync(FAVICON, 'utf8'));
    expect(readFileSync(resolve(import.meta.dirname, '../../src/web/index.html'), 'utf8')).toContain(
      '<link rel="icon" type="image/svg+xml" href="/favicon.svg" />',
    );
  });

  it('serves the page for the app’s own paths, never cached, and 404 for an unknown API path', async () => {
    const page = await get('/goals');
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body).toContain('<div id="root">');
    expect((await get('/api/nothing-here')).statusCode).toBe(404);
  });

  it('serves the page a rebuild wrote while the server runs, with the assets it names', async () => {
    const rebuilt = Buffer.from('console.log("rebuilt");\n');
    writeFileSync(join(web, 'assets', 'app-9f8e7d.js'), rebuilt);
    const html =
      '<!doctype html><title>Pacer</title><script src="/assets/app-9f8e7d.js"></script><div id="root"></div>';
    writeFileSync(join(web, 'index.html'), html);
    // (A later modification time than the first page's, however coarse the file system's clock.)
    utimesSync(join(web, 'index.html'), new Date(), new Date(Date.now() + 5_000));
    const page = await get('/kpi');
    expect(page.body).toContain('app-9f8e7d.js');
    expect((await get('/assets/app-9f8e7d.js')).body).toContain('rebuilt');
  });
});
