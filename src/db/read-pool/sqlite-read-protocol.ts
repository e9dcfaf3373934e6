/** Messages between the read pool (main thread) and its read-only SQLite threads. */
export interface ReadRequest {
  id: number;
  sql: string;
  params: readonly unknown[];
}

export type ReadReply =
  | { id: number; ok: true; rows: unknown[] }
  | { id: number; ok: false; error: { message: string; code: string | undefined } };
