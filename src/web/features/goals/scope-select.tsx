import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dimension } from '../../../core/kpi/types.ts';
import { lookupApi } from './goals-api.ts';

/** Member names of one dimension, loaded once the picker is opened (or already holds names). */
export function ScopeSelect({
  id,
  companyId,
  dimension,
  label,
  value,
  onChange,
}: {
  /** Set by Form.Item (the label points at it). */
  id?: string;
  companyId: string;
  dimension: Dimension;
  label: string;
  value?: string[];
  onChange?: (v: string[]) => void;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const members = useQuery({
    queryKey: ['kpi', companyId, 'dimension', dimension],
    queryFn: () => lookupApi.dimension(companyId, dimension),
    enabled: opened || (value?.length ?? 0) > 0,
    staleTime: 5 * 60_000,
  });
  return (
    <Select<string[]>
      id={id}
      mode="tags"
      aria-label={label}
      placeholder={t('goals.form.scopeAll')}
      value={value ?? []}
      onChange={onChange}
      onOpenChange={(o) => {
        if (o) setOpened(true);
      }}
      loading={members.isFetching}
      maxTagCount="responsive"
      style={{ width: '100%' }}
      options={(members.data?.names ?? []).map((n) => ({ value: n, label: n }))}
    />
  );
}
