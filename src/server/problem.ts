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

/**
 * A field problem to send: a use case's (`message` in English or a code, `messages` in both languages
 * when it words it for people), or one of a request the contract refused (already in the request's
 * language, with its `code` and `detail`).
 */
export type ProblemField = FieldError & { code?: string; detail?: string };

/** Sends an RFC 9457 problem+json answer for a catalogue code, in the request's language. */
export function sendProblem(
  req: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  errors?: readonly ProblemField[],
  params?: Readonly<Record<string, string | number>>,
) {
  const status = errorStatus(code);
  const locale = requestLocale(req);
  const body = {
    type: `https://pacer.local/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: problemMessage(code, locale, params),
    status,
    code,
    detail: problemMessage(code, locale, params),
    // A use case's field `message` stays in English (or a code the web app words itself); one worded
    // for people carries it in the request's language too, as `detail`.
    ...(errors && errors.length > 0
      ? {
          errors: errors.map((f) => {
            const detail = f.messages ? fieldMessage(f, locale) : f.detail;
            return {
              path: f.path,
              ...(f.code === undefined ? {} : { code: f.code }),
              message: f.message,
              ...(detail === undefined ? {} : { detail }),
            };
          }),
        }
      : {}),
  };
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .serializer(JSON.stringify)
    .send(body);
}
