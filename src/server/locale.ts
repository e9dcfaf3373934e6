import type { FastifyRequest } from 'fastify';
import type { MessageLocale } from '../core/errors/catalogue.ts';

/** The language of messages for this request: English when Accept-Language prefers it, else zh-TW. */
export function requestLocale(req: FastifyRequest): MessageLocale {
  const header = req.headers['accept-language'];
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-TW';
}
