import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../core/errors/app-error.ts';
import { type ErrorCode, errorMessage, errorStatus } from '../core/errors/catalogue.ts';
import { requestLocale } from './locale.ts';

/** Sends an RFC 9457 problem+json answer for a catalogue code, in the request's language. */
export function sendProblem(
  req: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  errors?: FieldError[],
  params?: Readonly<Record<string, string | number>>,
) {
  const status = errorStatus(code);
  const locale = requestLocale(req);
  const body = {
    type: `https://pacer.local/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: errorMessage(code, 'en', params),
    status,
    code,
    detail: errorMessage(code, locale, params),
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .serializer(JSON.stringify)
    .send(body);
}
