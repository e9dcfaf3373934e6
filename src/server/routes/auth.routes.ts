import type { FastifyInstance } from 'fastify';
import { changePassword, logIn, signUp, updateMe } from '../../app/auth/accounts.ts';
import { describeSession, endSession, switchCompany } from '../../app/auth/sessions.ts';
import {
  changePasswordBodySchema,
  loginBodySchema,
  optionalSessionSchema,
  sessionSchema,
  signupBodySchema,
  switchCompanyBodySchema,
  updateMeBodySchema,
} from '../../contract/auth.ts';
import { clearSessionCookie, requireSession, setSessionCookie } from '../auth.ts';
import { type RouteDeps, zodApp } from './deps.ts';

const tags = ['auth'];

export function authRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const r = zodApp(app);
  const { ctx, cookie } = deps;
  // Login and sign-up are also limited per IP by the rate limiter (on top of the per-account lock-out).
  const authRateLimit = deps.authRateLimit;

  // Asked by the web app at every start, logged in or not: nobody logged in is an answer (null), not
  // an error, so a first visit's console stays clean. A cookie of an ended session is cleared.
  r.get(
    '/api/auth/session',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The session of the cookie sent, or null when nobody is logged in',
        response: { 200: optionalSessionSchema },
      },
    },
    async (req, reply) => {
      if (req.session) return describeSession(ctx, req.session);
      if (req.cookies[cookie.name]) clearSessionCookie(reply, cookie);
      return null;
    },
  );

  r.post(
    '/api/auth/signup',
    {
      config: { access: 'public', rateLimit: authRateLimit },
      schema: { tags, body: signupBodySchema, response: { 201: sessionSchema } },
    },
    async (req, reply) => {
      const started = await signUp(ctx, req.body);
      setSessionCookie(reply, cookie, started.token);
      return reply.code(201).send(started.view);
    },
  );

  r.post(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit: authRateLimit },
      schema: { tags, body: loginBodySchema, response: { 200: sessionSchema } },
    },
    async (req, reply) => {
      const previous = req.cookies[cookie.name];
      const started = await logIn(ctx, { ...req.body, ip: req.ip });
      if (previous) await endSession(ctx, previous);
      setSessionCookie(reply, cookie, started.token);
      return started.view;
    },
  );

  r.post('/api/auth/logout', { config: { access: 'user' }, schema: { tags } }, async (req, reply) => {
    const token = req.cookies[cookie.name];
    if (token) await endSession(ctx, token);
    clearSessionCookie(reply, cookie);
    return reply.code(204).send();
  });

  r.post(
    '/api/auth/password',
    {
      config: { access: 'user', rateLimit: authRateLimit },
      schema: { tags, body: changePasswordBodySchema },
    },
    async (req, reply) => {
      await changePassword(ctx, requireSession(req), req.body);
      return reply.code(204).send();
    },
  );

  r.patch(
    '/api/auth/me',
    {
      config: { access: 'user' },
      schema: { tags, body: updateMeBodySchema, response: { 200: sessionSchema } },
    },
    async (req) => updateMe(ctx, requireSession(req), req.body),
  );

  r.post(
    '/api/auth/switch-company',
    {
      config: { access: 'user' },
      schema: { tags, body: switchCompanyBodySchema, response: { 200: sessionSchema } },
    },
    async (req) => switchCompany(ctx, requireSession(req), req.body.companyId),
  );
}
