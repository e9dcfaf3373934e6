import { Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Preview } from '../../../contract/imports.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { problemsText } from './preview-problems.ts';
import { useFieldLabel } from './use-field-label.ts';

/** The file's first lines as read with the current mapping, problem cells marked with their reason. */
export function PreviewTable({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const lang = currentLanguage();
  const problemCount = preview.rows.reduce((n, r) => n + r.problems.length, 0);
  type Row = Preview['rows'][number];
  return (
    <>
      <Typography.Paragraph type="secondary">
        {problemCount === 0
          ? t('imports.previewClean', { n: preview.rows.length })
          : t('imports.previewProblems', { n: preview.rows.length, problems: problemCount })}
      </Typography.Paragraph>
      <Table<Row>
        size="small"
        rowKey="line"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={preview.rows}
        data-testid="preview-table"
        columns={[
          { title: t('imports.line'), dataIndex: 'line', width: 64, fixed: 'left' },
          ...preview.headers.map((h, i) => ({
            title: h || t('imports.columnN', { n: i + 1 }),
            key: `c${i}`,
            render: (_: unknown, row: Row) => {
              const problems = row.problems.filter((p) => p.column === h);
              const text = row.cells[i] ?? '';
              if (problems.length === 0) return text;
              return (
                <Tooltip title={problems.map((p) => p.message).join(' · ')}>
                  <span
                    className="import-problem-cell"
                    style={{ background: '#fff1f0', color: '#cf1322', padding: '0 4px' }}
                  >
                    {text || '∅'}
                  </span>
                </Tooltip>
              );
            },
          })),
          {
            title: t('imports.problems'),
            key: 'problems',
            render: (_: unknown, row: Row) =>
              row.problems.length === 0 ? (
                <Typography.Text type="success">{t('imports.ok')}</Typography.Text>
              ) : (
                <Typography.Text type="danger">
                  {problemsText(row.problems, preview.headers, fieldLabel, lang)}
                </Typography.Text>
              ),
          },
        ]}
      />
    </>
  );
}
