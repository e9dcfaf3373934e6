import type { FastifyReply, FastifyRequest } from 'fastify';
import { type FieldError, fieldMessage } from '../core/errors/app-error.ts';
import { type ErrorCode, errorMessage, errorStatus } from '../core/errors/catalogue.ts';
import { describeLineProblem, isIngestProblemCode } from '../core/ingest/problem-messages.ts';
import { requestLocale } from './locale.ts';

/**
 * A catalogue message with its parameters; a `reason` that is an ingest code is put in words too
 * (with the line's `value`, when given: a date that does not exist is named).
 */
export function problemMessage(
  code: ErrorCode,
  locale: 'en' | 'zh-TW',
  params?: Readonly<Record<string, string | number>>,
): string {
  const words =
    params && typeof params.reason === 'string' && isIngestProblemCode(params.reason)
      ? {
          ...params,
          reason: describeLineProblem(
            { code: params.reason, value: typeof params.value === 'string' ? params.value : null },
            locale,
          ),
        }
      : params;
  return errorMessage(code, locale, words);
}

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
    title: problemMessage(code, 'en', params),
    status,
    code,
    detail: problemMessage(code, locale, params),
    // Each field's `message` stays in English; one worded for people carries it in the request's
    // language too, as `detail`.
    ...(errors && errors.length > 0
      ? {
          errors: errors.map((f) =>
            f.messages
              ? { path: f.path, message: f.message, detail: fieldMessage(f, locale) }
              : { path: f.path, message: f.message },
          ),
        }
      : {}),
  };
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .serializer(JSON.stringify)
    .send(body);
}
