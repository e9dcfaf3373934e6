import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { ZodType } from 'zod';
import type { AppContext } from '../app/ports.ts';
import { isAppError } from '../core/errors/app-error.ts';
import type { MessageLocale } from '../core/errors/catalogue.ts';
import { cookieSettings, type RouteAccess, registerAuth } from './auth.ts';
import { requestLocale } from './locale.ts';
import { PACKAGE_ROOT } from './package-root.ts';
import { problemField, sendProblem } from './problem.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { catalogRoutes } from './routes/catalog.routes.ts';
import { companyRoutes } from './routes/companies.routes.ts';
import type { RouteDeps } from './routes/deps.ts';
import { exportRoutes } from './routes/exports.routes.ts';
import { goalRoutes } from './routes/goals.routes.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { importRoutes } from './routes/imports.routes.ts';
import { kpiRoutes } from './routes/kpi.routes.ts';
import { planRoutes } from './routes/plans.routes.ts';
import { profileRoutes } from './routes/profile.routes.ts';
import { teamRoutes } from './routes/team.routes.ts';
import { tokenRoutes } from './routes/tokens.routes.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { type LocalizedIssue, localizedIssues } from './validation-errors.ts';

/** The cache lifetime of the web app's hashed assets (a new build has new names). */
const ASSET_CACHE = 'public, max-age=31536000, immutable';

/** Characters past which an answer is sent as the bytes of its UTF-8 encoding (see buildApp). */
const LARGE_ANSWER = 16 * 1024;

export interface BuildOptions {
  ctx: AppContext;
  databaseKind: 'sqlite' | 'postgres';
  /** e.g. https://pacer.example.com: links in invitations, Secure cookies when https. */
  publicUrl?: string | null;
  /** Folder of the built web app (dist/web); not served when absent. */
  webDir?: string | null;
  logger?: FastifyServerOptions['logger'];
  /** Requests per minute per IP on login, sign-up and invitation acceptance (default 20). */
  authRateLimitPerMinute?: number;
  /** Largest JSON body accepted, in bytes (default 1 MiB). */
  bodyLimit?: number;
}

export interface RouteInfo {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

const VERSION: string = (() => {
  try {
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
})();

/** Builds the Fastify app without listening: tests call inject(), main.ts calls listen(). */
declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with its access level (the authorization matrix test reads it). */
    pacerRoutes: RouteInfo[];
  }
}

/**
 * The field problems of a request its route's contract refused, in `locale`: the part that failed
 * (body, querystring, params) is checked again against its schema with the locale's messages.
 */
function requestIssues(
  req: FastifyRequest,
  part: string | undefined,
  locale: MessageLocale,
): LocalizedIssue[] | null {
  const schemas = req.routeOptions.schema as Record<string, unknown> | undefined;
  const data =
    part === 'body'
      ? req.body
      : part === 'querystring'
        ? req.query
        : part === 'params'
          ? req.params
          : part === 'headers'
            ? req.headers
            : undefined;
  const schema = part ? schemas?.[part] : undefined;
  if (!(schema instanceof ZodType)) return null;
  try {
    return localizedIssues(schema, data, locale);
  } catch {
    return null;
  }
}

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const https = opts.publicUrl?.startsWith('https://') ?? false;
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    trustProxy: https,
    // No stack traces or SQL ever leave the server: the error handler below answers every failure.
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routes: RouteInfo[] = [];
  app.decorate('pacerRoutes', routes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      if (route.url.startsWith('/api/'))
        routes.push({ method, url: route.url, access: route.config?.access });
    }
  });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, { limits: { files: 1, fields: 10, fieldSize: 10_000, parts: 12 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Pacer API',
        description:
          'SMART sales goals for small businesses. Errors are RFC 9457 problem+json with a stable `code`.',
        version: VERSION,
      },
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API token (pcr_...) from Settings → API tokens or `pacer token create`.',
          },
          session: { type: 'apiKey', in: 'cookie', name: 'pacer_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const cookie = cookieSettings(https);
  registerSecurityHeaders(app, { https });
  // A large answer is encoded to UTF-8 once: left a string, fastify measures its byte length and the
  // socket encodes it again (a year of weeks by product is 460,000 characters, most of them two-byte;
  // bench/RESULTS.md).
  app.addHook('onSend', async (_req, _reply, payload) =>
    typeof payload === 'string' && payload.length > LARGE_ANSWER ? Buffer.from(payload, 'utf8') : payload,
  );
  registerAuth(app, opts.ctx, cookie);

  app.setErrorHandler((error, req, reply) => {
    if (isAppError(error)) {
      const locale = requestLocale(req);
      const fields = error.fieldErrors?.map((f) => problemField(f, locale));
      return sendProblem(req, reply, error.code, fields, error.params);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      // Every field problem in the request's language: `message` and `detail` worded for people,
      // `code` for programs.
      const issues = requestIssues(req, error.validationContext, requestLocale(req)) ?? [];
      const errors =
        issues.length > 0
          ? issues.map((i) => ({ path: i.path, code: i.code, message: i.message, detail: i.message }))
          : error.validation.map((v) => ({
              path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
              code: v.keyword,
              message: v.message ?? 'invalid',
            }));
      return sendProblem(req, reply, 'VALIDATION_FAILED', errors);
    }
    if (isResponseSerializationError(error)) {
      req.log.error({ err: error }, 'response did not match its schema');
      return sendProblem(req, reply, 'INTERNAL');
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 429) return sendProblem(req, reply, 'RATE_LIMITED');
    if (status === 413) return sendProblem(req, reply, 'PAYLOAD_TOO_LARGE');
    if (status === 404) return sendProblem(req, reply, 'NOT_FOUND');
    // Fastify's own answers to a body it cannot read, worded in the request's language.
    const code = (error as { code?: string }).code;
    if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
      return sendProblem(req, reply, 'BODY_NOT_JSON');
    if (status === 415) return sendProblem(req, reply, 'MEDIA_TYPE_UNSUPPORTED');
    if (status >= 400 && status < 500) {
      return sendProblem(req, reply, 'VALIDATION_FAILED', [{ path: '', message: (error as Error).message }]);
    }
    req.log.error({ err: error }, 'unhandled error');
    return sendProblem(req, reply, 'INTERNAL');
  });

  const { uploads, jobs } = opts.ctx.files;
  jobs.reportUnexpectedTo((e) => app.log.error({ err: e }, 'import failed unexpectedly'));
  const deps: RouteDeps = {
    ctx: opts.ctx,
    cookie,
    publicUrl: opts.publicUrl ?? null,
    version: VERSION,
    databaseKind: opts.databaseKind,
    authRateLimit: { max: opts.authRateLimitPerMinute ?? 20, timeWindow: '1 minute' },
  };
  healthRoutes(app, deps);
  authRoutes(app, deps);
  companyRoutes(app, deps);
  profileRoutes(app, deps);
  teamRoutes(app, deps);
  tokenRoutes(app, deps);
  importRoutes(app, deps);
  catalogRoutes(app, deps);
  exportRoutes(app, deps);
  kpiRoutes(app, deps);
  goalRoutes(app, deps);
  planRoutes(app, deps);

  const webDir = opts.webDir ? resolve(opts.webDir) : null;
  const hasWeb = webDir !== null && existsSync(join(webDir, 'index.html'));
  if (hasWeb) {
    // preCompressed: the build writes each asset's .br and .gz beside it (vite.config.ts); a browser
    // gets the encoding it accepts, compressed once at build time, not per request. The plugin serves
    // the files the folder holds at start through a route each (wildcard: false; favicon.svg, which the
    // build copies from src/web/public, among them), so their headers are set here: the hashed assets
    // are kept for a year, and a cache between keeps each encoding apart.
    const assets = join(webDir, 'assets');
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      cacheControl: false,
      preCompressed: true,
      setHeaders: (res, path) => {
        if (path.startsWith(assets + sep)) res.setHeader('cache-control', ASSET_CACHE);
        res.setHeader('vary', 'accept-encoding');
      },
    });
    // The page as the folder holds it now: a rebuild while the server runs writes a new page naming new
    // assets, and the page read at the start would name assets no longer there (a blank app).
    const indexPath = join(webDir, 'index.html');
    let page = { at: statSync(indexPath).mtimeMs, html: readFileSync(indexPath) };
    const indexHtml = () => {
      const at = statSync(indexPath, { throwIfNoEntry: false })?.mtimeMs;
      if (at !== undefined && at !== page.at) page = { at, html: readFileSync(indexPath) };
      return page.html;
    };
    // Assets written after the start (a rebuild while the server runs).
    app.get('/assets/*', { config: {} }, (req, reply) => {
      const file = (req.params as { '*': string })['*'];
      return reply.sendFile(join('assets', file));
    });
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) {
        return reply
          .code(200)
          .header('cache-control', 'no-cache')
          .type('text/html; charset=utf-8')
          .send(indexHtml());
      }
      return sendProblem(req, reply, 'NOT_FOUND');
    });
  } else {
    app.setNotFoundHandler((req, reply) => sendProblem(req, reply, 'NOT_FOUND'));
  }

  // Uploads not imported within a day are removed.
  const sweep = setInterval(() => void uploads.sweep(24 * 3600_000).catch(() => undefined), 3600_000);
  sweep.unref();
  app.addHook('onClose', async () => clearInterval(sweep));

  await app.ready();
  return app;
}
