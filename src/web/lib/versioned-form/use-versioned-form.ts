/**
 * The "versioned form" pattern (ARCHITECTURE.md, decision 6): a record is loaded with its `version`,
 * saved with the version it was loaded at, and a stale save (409 VERSION_CONFLICT) writes nothing.
 * On a conflict the form keeps what the user typed; the latest version is fetched so that the user
 * can see which fields the other person changed, then either reload it (dropping their own edits)
 * or save their own values over it (with the latest version: an overwrite made knowingly).
 */
import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isConflict } from '../form-errors.ts';
import { changedFields } from './changed-fields.ts';

export interface VersionConflict<TData> {
  /** The record as saved by the other person. */
  latest: TData;
  /** The form's fields that differ between the version we loaded and the latest one. */
  changed: string[];
}

export interface VersionedFormOptions<TData extends { version: number }, TValues, TBody> {
  form: FormInstance<TValues>;
  queryKey: QueryKey;
  load: () => Promise<TData>;
  /** false when there is nothing to load yet (a new record): it is then saved with version null. */
  enabled?: boolean;
  /** The record's identity (the form is refilled when another record or version arrives). */
  idOf?: (data: TData) => string;
  toValues: (data: TData) => TValues;
  /** Sends the body with the version it is based on (null: a new record). */
  send: (body: TBody, version: number | null) => Promise<TData>;
  /** After the form was filled from a loaded, reloaded (after a conflict) or saved record. */
  onFilled?: (data: TData, how: 'loaded' | 'reloaded' | 'saved') => void;
  onSaved?: (saved: TData) => void;
  /** A save was refused because a newer version exists (the alert is then shown). */
  onConflict?: () => void;
  /** A failure other than a version conflict (validation, network, …). */
  onError?: (error: unknown) => void;
}

export function useVersionedForm<TData extends { version: number }, TValues, TBody>(
  options: VersionedFormOptions<TData, TValues, TBody>,
) {
  const { form, queryKey, enabled = true } = options;
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey, queryFn: options.load, enabled });
  const [conflict, setConflict] = useState<(VersionConflict<TData> & { mine: TBody }) | null>(null);
  /** The record the form was last filled from: its version is what a save is based on. */
  const base = useRef<TData | null>(null);
  const filledKey = useRef<string | null>(null);
  /** While a conflict is open, a newer version arriving must not replace what the user typed. */
  const holding = useRef(false);
  // The callbacks change at every render; the effects read the latest through a ref.
  const opts = useRef(options);
  opts.current = options;

  const fill = useCallback(
    (data: TData, how: 'loaded' | 'reloaded' | 'saved') => {
      const o = opts.current;
      base.current = data;
      filledKey.current = `${o.idOf?.(data) ?? ''}:${data.version}`;
      form.resetFields();
      // antd types the argument as RecursivePartial<TValues>, which a generic TValues cannot be checked against
      form.setFieldsValue(o.toValues(data) as Parameters<FormInstance<TValues>['setFieldsValue']>[0]);
      o.onFilled?.(data, how);
    },
    [form],
  );

  useEffect(() => {
    const data = query.data;
    if (!data || holding.current) return;
    if (filledKey.current !== `${opts.current.idOf?.(data) ?? ''}:${data.version}`) fill(data, 'loaded');
  }, [query.data, fill]);

  const mutation = useMutation({
    mutationFn: ({ body, version }: { body: TBody; version: number | null }) =>
      opts.current.send(body, version),
    onSuccess: (saved) => {
      holding.current = false;
      setConflict(null);
      if (enabled) {
        queryClient.setQueryData(queryKey, saved);
        fill(saved, 'saved');
      }
      opts.current.onSaved?.(saved);
    },
    onError: async (error, { body }) => {
      if (!isConflict(error) || !base.current) {
        opts.current.onError?.(error);
        return;
      }
      holding.current = true;
      opts.current.onConflict?.();
      const fresh = await query.refetch();
      if (!fresh.data) {
        holding.current = false;
        opts.current.onError?.(fresh.error ?? error);
        return;
      }
      const toValues = opts.current.toValues;
      const changed = changedFields(
        toValues(base.current) as object,
        toValues(fresh.data) as object,
      ) as string[];
      setConflict({ latest: fresh.data, changed, mine: body });
    },
  });

  /** Saves the body based on the version the form was filled from. */
  const save = (body: TBody) => mutation.mutate({ body, version: base.current?.version ?? null });

  /** Drops the user's edits and fills the form with the latest version. */
  const reload = async () => {
    const fresh = await query.refetch();
    holding.current = false;
    setConflict(null);
    if (fresh.data) fill(fresh.data, 'reloaded');
  };

  /** Saves the user's edits over the latest version (after they have seen what it changed). */
  const overwrite = () => {
    if (conflict) mutation.mutate({ body: conflict.mine, version: conflict.latest.version });
  };

  return {
    query,
    conflict: conflict ? { latest: conflict.latest, changed: conflict.changed } : null,
    save,
    saving: mutation.isPending,
    reload,
    overwrite,
  };
}
