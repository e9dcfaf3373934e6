import { Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Preview } from '../../../contract/imports.ts';
import type { Mapping } from './imports-api.ts';
import { useFieldLabel } from './use-field-label.ts';

/** One row per target field, with the file's column chosen for it. */
export function MappingTable({
  preview,
  mapping,
  onChange,
}: {
  preview: Preview;
  mapping: Mapping;
  onChange: (field: string, col: number | null) => void;
}) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const options = [
    { value: -1, label: t('imports.notInFile') },
    ...preview.headers.map((h, i) => ({ value: i, label: h || t('imports.columnN', { n: i + 1 }) })),
  ];
  return (
    <Table
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={preview.fields}
      data-testid="mapping-table"
      columns={[
        {
          title: t('imports.field'),
          dataIndex: 'field',
          render: (field: string, f) => (
            <span data-field={field}>
              {fieldLabel(field)}
              {f.required && (
                <Tag
                  color={preview.missingRequired.includes(field) ? 'red' : 'default'}
                  style={{ marginInlineStart: 8 }}
                >
                  {t('imports.required')}
                </Tag>
              )}
            </span>
          ),
        },
        {
          title: t('imports.column'),
          dataIndex: 'field',
          key: 'column',
          render: (field: string) => (
            <Select<number>
              aria-label={t('imports.columnFor', { field: fieldLabel(field) })}
              data-testid={`map-${field}`}
              style={{ width: '100%', minWidth: 160 }}
              value={mapping[field] ?? -1}
              onChange={(v) => onChange(field, v < 0 ? null : v)}
              options={options}
              showSearch={{ optionFilterProp: 'label' }}
            />
          ),
        },
      ]}
    />
  );
}
