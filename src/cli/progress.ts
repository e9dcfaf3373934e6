/**
 * The one progress line of the CLI's long commands (import, demo, backup), on stderr so that stdout
 * keeps only the result. On a terminal the line is rewritten in place and cleared by `done()`, before
 * the command prints its summary or an error, so nothing of it is left beside the summary or the
 * shell's prompt. Elsewhere (a pipe, a file, a CI log) it prints nothing in between: such a log gets
 * whole lines only, the `done()` line if there is one.
 */
export interface Progress {
  /** Shows `text` as the current progress (a terminal only). */
  update(text: string): void;
  /** Clears the progress line; then writes `line` (with its newline) when given. Safe to call twice. */
  done(line?: string): void;
}

/** The stream written to: process.stderr, or a stand-in in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** Return to the line's start and erase to its end (ANSI, understood by every terminal we run in). */
const CLEAR_LINE = '\r\x1b[K';

export function progressLine(options: { quiet?: boolean; stream?: ProgressStream } = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const live = stream.isTTY === true && options.quiet !== true;
  let shown = false;
  return {
    update(text) {
      if (!live) return;
      stream.write(`${CLEAR_LINE}${text}`);
      shown = true;
    },
    done(line) {
      if (shown) stream.write(CLEAR_LINE);
      shown = false;
      if (line !== undefined && options.quiet !== true) stream.write(`${line}\n`);
    },
  };
}
