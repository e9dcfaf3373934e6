import type { ErrorCode } from './catalogue.ts';

export interface FieldError {
  path: string;
  message: string;
}

/** An expected failure of a use case, named by a catalogue code; the server turns it into problem+json. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: FieldError[] | undefined;

  constructor(code: ErrorCode, fieldErrors?: FieldError[]) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
