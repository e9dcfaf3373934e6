import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { StoredUpload, UploadStore } from '../app/import/ports.ts';
import { AppError } from '../core/errors/app-error.ts';

const ID = /^[A-Za-z0-9_-]{16,64}$/;
const COMPANY = /^[A-Za-z0-9-]{1,64}$/;

/** Uploads live in `<root>/<companyId>/<uploadId>.bin` with a JSON sidecar; ids are random, never paths. */
export function createUploadStore(root: string): UploadStore {
  const base = resolve(root);
  const dirOf = (companyId: string) => {
    if (!COMPANY.test(companyId)) throw new AppError('UPLOAD_NOT_FOUND');
    return join(base, companyId);
  };

  return {
    async save(companyId, fileName, source, maxBytes) {
      const dir = dirOf(companyId);
      await mkdir(dir, { recursive: true });
      const uploadId = randomBytes(18).toString('base64url');
      const path = join(dir, `${uploadId}.bin`);
      let bytes = 0;
      try {
        await pipeline(
          source,
          async function* limit(chunks: AsyncIterable<Uint8Array>) {
            for await (const chunk of chunks) {
              bytes += chunk.byteLength;
              if (bytes > maxBytes) {
                throw new AppError('IMPORT_FILE_TOO_LARGE', undefined, {
                  limit: `${Math.round(maxBytes / 1024 / 1024)} MB`,
                });
              }
              yield chunk;
            }
          },
          createWriteStream(path, { mode: 0o600 }),
        );
      } catch (e) {
        await rm(path, { force: true });
        throw e;
      }
      const record: StoredUpload = {
        uploadId,
        companyId,
        fileName: fileName.slice(0, 255) || 'upload',
        bytes,
        path,
        createdAt: new Date().toISOString(),
      };
      await writeFile(join(dir, `${uploadId}.json`), JSON.stringify(record), { mode: 0o600 });
      return record;
    },
    async get(companyId, uploadId) {
      if (!ID.test(uploadId)) return null;
      try {
        const text = await readFile(join(dirOf(companyId), `${uploadId}.json`), 'utf8');
        const record = JSON.parse(text) as StoredUpload;
        return record.companyId === companyId ? record : null;
      } catch {
        return null;
      }
    },
    async remove(companyId, uploadId) {
      if (!ID.test(uploadId)) return;
      const dir = dirOf(companyId);
      await rm(join(dir, `${uploadId}.bin`), { force: true });
      await rm(join(dir, `${uploadId}.json`), { force: true });
    },
    async sweep(maxAgeMs) {
      let removed = 0;
      const now = Date.now();
      let companies: string[] = [];
      try {
        companies = await readdir(base);
      } catch {
        return 0;
      }
      for (const c of companies) {
        const dir = join(base, c);
        for (const f of await readdir(dir).catch(() => [] as string[])) {
          const p = join(dir, f);
          const s = await stat(p).catch(() => null);
          if (s && now - s.mtimeMs > maxAgeMs) {
            await rm(p, { force: true });
            if (f.endsWith('.bin')) removed += 1;
          }
        }
      }
      return removed;
    },
  };
}
