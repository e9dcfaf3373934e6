import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Preset } from '../../../contract/imports.ts';
import { api, companyPath } from '../../api/client.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { useCurrentCompany } from '../../lib/use-company.ts';
import { type ImportKind, type Mapping, presetMapping } from './imports-api.ts';

/** Saved mappings of this kind: apply one, remove it, or save the current mapping under a name. */
export function PresetBar({
  kind,
  headers,
  mapping,
  onApply,
}: {
  kind: ImportKind;
  headers: string[];
  mapping: Mapping;
  onApply: (m: Mapping) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { companyId } = useCurrentCompany();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const presets = useQuery({
    queryKey: ['mapping-presets', companyId],
    queryFn: () => api.get<Preset[]>(companyPath(companyId, '/mapping-presets')),
  });
  const save = useMutation({
    mutationFn: () =>
      api.post<Preset>(companyPath(companyId, '/mapping-presets'), {
        kind,
        name: name.trim(),
        mapping,
        headers,
      }),
    onSuccess: () => {
      void message.success(t('imports.presetSaved'));
      setName('');
      void queryClient.invalidateQueries({ queryKey: ['mapping-presets', companyId] });
    },
    onError: (e) => void message.error(errorMessage(e, t)),
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      api.delete(companyPath(companyId, `/mapping-presets/${encodeURIComponent(id)}`)),
    onSuccess: () => {
      setChosen(null);
      void queryClient.invalidateQueries({ queryKey: ['mapping-presets', companyId] });
    },
    onError: (e) => void message.error(errorMessage(e, t)),
  });
  const ofKind = (presets.data ?? []).filter((p) => p.kind === kind);
  const chosenPreset = ofKind.find((p) => p.id === chosen);
  return (
    <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'center', marginBottom: 12 }}>
      <Select<string>
        aria-label={t('imports.presets')}
        placeholder={ofKind.length ? t('imports.usePreset') : t('imports.noPresets')}
        disabled={ofKind.length === 0}
        style={{ minWidth: 220 }}
        value={chosen && ofKind.some((p) => p.id === chosen) ? chosen : null}
        onChange={(id) => {
          const p = ofKind.find((x) => x.id === id);
          if (p) {
            setChosen(p.id);
            onApply(presetMapping(p, headers));
            void message.success(t('imports.presetApplied', { name: p.name }));
          }
        }}
        options={ofKind.map((p) => ({ value: p.id, label: p.name }))}
      />
      {chosenPreset && (
        <Popconfirm
          title={t('imports.deletePreset', { name: chosenPreset.name })}
          okText={t('common.remove')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => remove.mutateAsync(chosenPreset.id)}
        >
          <Button danger type="link">
            {t('imports.removePreset')}
          </Button>
        </Popconfirm>
      )}
      <Space.Compact>
        <Input
          aria-label={t('imports.savePresetAs')}
          placeholder={t('imports.savePresetAs')}
          value={name}
          maxLength={80}
          onChange={(e) => setName(e.target.value)}
          style={{ width: 220 }}
        />
        <Button disabled={!name.trim()} loading={save.isPending} onClick={() => save.mutate()}>
          {t('common.save')}
        </Button>
      </Space.Compact>
    </div>
  );
}
