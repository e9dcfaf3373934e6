import { CSRF_HEADER, type Problem, problemSchema } from '../../contract/common.ts';

/** An HTTP error carrying the server's RFC 9457 problem (its `detail` is already localized). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
}

let csrfToken: string | null = null;
let language = 'zh-TW';

/** Remembers the CSRF token of the current session (sent on every state-changing request). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The UI language, sent as Accept-Language so that server messages come back localized. */
export function setApiLanguage(lang: string): void {
  language = lang;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function toProblem(res: Response): Promise<Problem> {
  const fallback: Problem = {
    type: 'about:blank',
    title: res.statusText || 'Error',
    status: res.status,
    code: res.status >= 500 ? 'SERVER_ERROR' : 'HTTP_ERROR',
  };
  try {
    const parsed = problemSchema.safeParse(await res.json());
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

/** One request to the API with the session's cookie: its answer when ok, else ApiError (NETWORK_ERROR when none came). */
async function send(path: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, credentials: 'same-origin' });
  } catch {
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'NETWORK_ERROR' });
  }
  if (!res.ok) throw new ApiError(await toProblem(res));
  return res;
}

/** Calls the Pacer API; resolves with the JSON body (undefined for 204) or rejects with ApiError. */
export async function apiRequest<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;
  const res = await send(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, body),
  delete: (path: string) => apiRequest<void>('DELETE', path),
};

/** Path of a company-scoped resource. */
export function companyPath(companyId: string, rest = ''): string {
  return `/api/companies/${encodeURIComponent(companyId)}${rest}`;
}

/** Uploads one file as multipart field `file` (with the CSRF header); resolves with the JSON answer. */
export async function apiUpload<T>(path: string, file: Blob, fileName: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (csrfToken) headers[CSRF_HEADER] = csrfToken;
  const body = new FormData();
  body.append('file', file, fileName);
  const res = await send(path, { method: 'POST', headers, body });
  return (await res.json()) as T;
}

/**
 * The file name a Content-Disposition header gives: RFC 6266's `filename*=UTF-8''…` (a Chinese
 * name) before the plain `filename="…"`; null when it names none.
 */
export function dispositionFileName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // a malformed escape: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header);
  const name = plain?.[1] ?? plain?.[2]?.trim();
  return name ? name : null;
}

/**
 * Downloads a file the API makes (an export, an error report) in the UI's language: a plain link
 * would be answered in the browser's language (Accept-Language), which need not be the one chosen
 * in Pacer. Saved under the name the server gives it.
 */
export async function apiDownload(path: string): Promise<void> {
  const res = await send(path, { headers: { 'accept-language': language } });
  const blob = await res.blob();
  const name = dispositionFileName(res.headers.get('content-disposition')) ?? 'download';
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // the browser has taken the file once the click is handled; keep the URL a moment for slow ones
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
