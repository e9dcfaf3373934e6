import type { ErrorCode, MessageLocale } from './catalogue.ts';

export interface FieldError {
  path: string;
  /**
   * What is wrong: a code worded in both languages by the field messages (core/errors/field-messages.ts,
   * the contract's FIELD_MESSAGES), or, with `messages`, the English sentence. The server and the CLI
   * put it in the request's language (src/server/validation-errors.ts localizeField).
   */
  message: string;
  /** The message in each language, where the check that found the problem words it for people. */
  messages?: Readonly<Record<MessageLocale, string>>;
  /** Values for the `{placeholders}` of a code's wording (a cell, an amount). */
  params?: Readonly<Record<string, string | number>>;
}

/** A field problem in both languages (`message` is the English one). */
export const fieldProblem = (path: string, en: string, zh: string): FieldError => ({
  path,
  message: en,
  messages: { en, 'zh-TW': zh },
});

/** An expected failure of a use case, named by a catalogue code; the server turns it into problem+json. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: FieldError[] | undefined;
  /** Values for the message's `{placeholders}` (a line number, a limit). */
  readonly params: Readonly<Record<string, string | number>> | undefined;

  constructor(
    code: ErrorCode,
    fieldErrors?: FieldError[],
    params?: Readonly<Record<string, string | number>>,
  ) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.params = params;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
