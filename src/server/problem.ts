import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../core/errors/app-error.ts';
import { type ErrorCode, errorMessage, errorStatus, type MessageLocale } from '../core/errors/catalogue.ts';
import { describeLineProblem, importKindName, isIngestProblemCode } from '../core/ingest/problem-messages.ts';
import { requestLocale } from './locale.ts';
import { localizeField } from './validation-errors.ts';

/**
 * A catalogue message with its parameters; a `reason` that is an ingest code is put in words too
 * (with the line's `value`, when given: a date that does not exist is named), and the import kinds
 * a message names (`kind`, `asked`).
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
  const kind = (v: string | number | undefined) => (typeof v === 'string' ? importKindName(v, locale) : v);
  const named =
    words && 'kind' in words
      ? { ...words, kind: kind(words.kind) ?? '', asked: kind(words.asked) ?? '' }
      : words;
  return errorMessage(code, locale, named);
}

/**
 * A field problem as the API sends it: `message` and `detail` in the request's language, `code` for
 * programs, with the values its wording names (`params`: a cell, an amount) where it has them.
 */
export interface ProblemField {
  path: string;
  code?: string;
  message: string;
  detail?: string;
  params?: Readonly<Record<string, string | number>>;
}

/**
 * A use case's field problem as sent, worded in `locale` the way a request the contract refuses is
 * (validation-errors.ts localizeField). A code no catalogue words is sent as it is, without `detail`.
 */
export function problemField(f: FieldError, locale: MessageLocale): ProblemField {
  const worded = localizeField(f, locale);
  const unworded = !f.messages && !('code' in worded);
  if (unworded) return worded;
  return { ...worded, detail: worded.message, ...('code' in worded && f.params ? { params: f.params } : {}) };
}

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
    // Every field problem in the request's language (a use case's through problemField).
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .serializer(JSON.stringify)
    .send(body);
}
