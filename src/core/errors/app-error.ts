import type { ErrorCode } from './catalogue.ts';

export interface FieldError {
  path: string;
  message: string;
}

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
