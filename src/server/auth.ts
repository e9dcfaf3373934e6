import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../app/access.ts';
import { type ResolvedSession, resolveSession, SESSION_ABSOLUTE_MS } from '../app/auth/sessions.ts';
import type { AppContext } from '../app/ports.ts';
import { authenticateApiToken } from '../app/team/api-tokens.ts';
import { CSRF_HEADER } from '../contract/common.ts';
import { AppError } from '../core/errors/app-error.ts';

/** Who may call a route: anyone, any logged-in user, or a member of the company in the URL. */
export type RouteAccess = 'public' | 'user' | 'company';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
    session: ResolvedSession | null;
  }
}

export interface CookieSettings {
  name: string;
  secure: boolean;
}

export function cookieSettings(https: boolean): CookieSettings {
  // The __Host- prefix needs Secure, which needs HTTPS.
  return https ? { name: '__Host-pacer_session', secure: true } : { name: 'pacer_session', secure: false };
}

export function setSessionCookie(reply: FastifyReply, cookie: CookieSettings, token: string): void {
  reply.setCookie(cookie.name, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: cookie.secure,
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, cookie: CookieSettings): void {
  reply.clearCookie(cookie.name, { path: '/', httpOnly: true, sameSite: 'lax', secure: cookie.secure });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller (session cookie or `Authorization: Bearer pcr_...`) on every API request, and
 * enforces CSRF on state changes made with a cookie: the `x-csrf-token` header must equal the
 * session's token. Requests without a session (login, sign-up) must come from our own origin.
 */
export function registerAuth(app: FastifyInstance, ctx: AppContext, cookie: CookieSettings): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);

  app.addHook('preHandler', async (req: FastifyRequest) => {
    const access = req.routeOptions.config.access;
    if (!access) return;
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) {
      const t = await authenticateApiToken(ctx, bearer);
      if (!t) throw new AppError('INVALID_TOKEN');
      req.actor = { userId: t.user.id, tokenCompanyId: t.companyId };
    } else {
      const token = req.cookies[cookie.name];
      const resolved = token ? await resolveSession(ctx, token) : null;
      if (resolved) {
        req.session = resolved;
        req.actor = { userId: resolved.user.id, tokenCompanyId: null };
      }
      if (!SAFE_METHODS.has(req.method)) {
        if (resolved) {
          if (req.headers[CSRF_HEADER] !== resolved.session.csrfToken) throw new AppError('CSRF_FAILED');
        } else if (!sameOrigin(req)) {
          throw new AppError('CSRF_FAILED');
        }
      }
    }
    if (access !== 'public' && !req.actor) throw new AppError('UNAUTHENTICATED');
  });
}

/** An Origin header, when the browser sends one, must be this server's. */
function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export function requireSession(req: FastifyRequest): ResolvedSession {
  if (!req.session) throw new AppError('UNAUTHENTICATED');
  return req.session;
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return req.actor;
}
