import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Input,
  Popconfirm,
  Progress,
  Radio,
  Select,
  Space,
  Steps,
  Table,
  Tag,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ImportJob, Preset, Preview, Upload as UploadDto } from '../../../contract/imports.ts';
import { api, apiUpload, companyPath } from '../../api/client.ts';
import { formatNumber } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { Panel } from '../../lib/panel.tsx';
import { useCurrentCompany } from '../../lib/use-company.ts';
import {
  delimiterKey,
  encodingKey,
  IMPORT_KINDS,
  type ImportKind,
  type ImportOptions,
  jobPercent,
  type Mapping,
  presetMapping,
} from './imports-api.ts';

type Step = 0 | 1 | 2 | 3;

/** The translated name of a target field ("orderId" → 訂單編號). */
function useFieldLabel() {
  const { t, i18n } = useTranslation();
  return (field: string) => {
    const key = `importFields.${field}`;
    return i18n.exists(key) ? t(key) : field;
  };
}

/** Links to the error report of an import, as CSV and as Excel (cookies go along with a plain link). */
export function ErrorReportLinks({ importId, compact = false }: { importId: string; compact?: boolean }) {
  const { t } = useTranslation();
  const { companyId } = useCurrentCompany();
  const base = companyPath(companyId, `/imports/${encodeURIComponent(importId)}/errors`);
  return (
    <Space size="small" wrap>
      {compact && <Typography.Text type="secondary">{t('imports.report')}</Typography.Text>}
      <a href={`${base}?format=csv`} download data-testid="error-report-csv">
        {compact ? 'CSV' : t('imports.reportCsv')}
      </a>
      <a href={`${base}?format=xlsx`} download>
        {compact ? 'Excel' : t('imports.reportXlsx')}
      </a>
    </Space>
  );
}

function StepUpload({
  kind,
  setKind,
  upload,
  onUploaded,
  sheet,
  setSheet,
  dayFirst,
  setDayFirst,
  onNext,
}: {
  kind: ImportKind;
  setKind: (k: ImportKind) => void;
  upload: UploadDto | null;
  onUploaded: (u: UploadDto) => void;
  sheet: string | undefined;
  setSheet: (s: string) => void;
  dayFirst: boolean;
  setDayFirst: (v: boolean) => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { companyId } = useCurrentCompany();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={5}>{t('imports.chooseKind')}</Typography.Title>
        <Radio.Group
          value={kind}
          onChange={(e) => setKind(e.target.value as ImportKind)}
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
        >
          {IMPORT_KINDS.map((k) => (
            <Radio key={k} value={k}>
              <Typography.Text strong>{t(`imports.kinds.${k}.label`)}</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {t(`imports.kinds.${k}.help`)}
              </Typography.Paragraph>
            </Radio>
          ))}
        </Radio.Group>
      </div>
      <Upload.Dragger
        name="file"
        multiple={false}
        showUploadList={false}
        accept=".csv,.tsv,.txt,.xlsx"
        disabled={busy}
        customRequest={async ({ file }) => {
          if (!(file instanceof Blob)) return;
          setBusy(true);
          setError(null);
          try {
            const name = file instanceof File ? file.name : 'upload.csv';
            const u = await apiUpload<UploadDto>(companyPath(companyId, '/imports/uploads'), file, name);
            onUploaded(u);
          } catch (e) {
            setError(errorMessage(e, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Typography.Paragraph style={{ fontSize: 16, marginBottom: 4 }}>
          {busy ? t('imports.uploading') : t('imports.dropHere')}
        </Typography.Paragraph>
        <Typography.Text type="secondary">{t('imports.dropHelp')}</Typography.Text>
      </Upload.Dragger>
      {error && <Alert type="error" showIcon title={error} />}
      {upload && (
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 2 }}
          data-testid="upload-facts"
          items={[
            { key: 'file', label: t('imports.file'), children: upload.fileName },
            {
              key: 'size',
              label: t('imports.size'),
              children: t('imports.bytes', { n: formatNumber(upload.bytes, lang) }),
            },
            {
              key: 'format',
              label: t('imports.format'),
              children: t(`imports.formats.${upload.format}`),
            },
            ...(upload.format === 'xlsx'
              ? []
              : [
                  {
                    key: 'encoding',
                    label: t('imports.encoding'),
                    children: <span data-testid="detected-encoding">{t(encodingKey(upload.encoding))}</span>,
                  },
                  {
                    key: 'delimiter',
                    label: t('imports.delimiter'),
                    children: t(delimiterKey(upload.delimiter)),
                  },
                ]),
          ]}
        />
      )}
      {upload && upload.sheets.length > 0 && (
        <div>
          <Typography.Text strong>{t('imports.sheet')}</Typography.Text>
          <Select
            aria-label={t('imports.sheet')}
            style={{ display: 'block', maxWidth: 360, marginTop: 4 }}
            value={sheet ?? upload.sheets[0]}
            onChange={setSheet}
            options={upload.sheets.map((s) => ({ value: s, label: s }))}
          />
        </div>
      )}
      <div>
        <Typography.Text strong>{t('imports.slashDates')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ margin: '2px 0 6px' }}>
          {t('imports.slashDatesHelp')}
        </Typography.Paragraph>
        <Radio.Group value={dayFirst} onChange={(e) => setDayFirst(e.target.value as boolean)}>
          <Radio value={true}>{t('imports.dayFirst')}</Radio>
          <Radio value={false}>{t('imports.monthFirst')}</Radio>
        </Radio.Group>
      </div>
      <div>
        <Button type="primary" disabled={!upload} onClick={onNext}>
          {t('imports.next')}
        </Button>
      </div>
    </Space>
  );
}

function PresetBar({
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

function MappingTable({
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

function PreviewTable({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
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
                  {row.problems.map((p) => (p.column ? `${p.column}:${p.message}` : p.message)).join(';')}
                </Typography.Text>
              ),
          },
        ]}
      />
    </>
  );
}

function StepMapping({
  options,
  setMapping,
  savePresetAs,
  setSavePresetAs,
  onBack,
  onCommit,
  committing,
  commitError,
}: {
  options: ImportOptions;
  setMapping: (m: Mapping) => void;
  savePresetAs: string;
  setSavePresetAs: (s: string) => void;
  onBack: () => void;
  onCommit: (mapping: Mapping) => void;
  committing: boolean;
  commitError: string | null;
}) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const { companyId } = useCurrentCompany();
  const preview = useQuery({
    queryKey: ['import-preview', companyId, options],
    queryFn: () => api.post<Preview>(companyPath(companyId, '/imports/preview'), options),
    placeholderData: keepPreviousData,
  });
  const data = preview.data;
  const mapping = options.mapping ?? data?.mapping ?? {};
  const missing = data?.missingRequired ?? [];
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {preview.isError && <Alert type="error" showIcon title={errorMessage(preview.error, t)} />}
      {data && (
        <>
          <Alert
            type={data.suggested ? 'info' : 'success'}
            showIcon
            title={data.suggested ? t('imports.suggested') : t('imports.mappingChosen')}
          />
          <Panel small title={t('imports.mappingTitle')}>
            <PresetBar kind={options.kind} headers={data.headers} mapping={mapping} onApply={setMapping} />
            <MappingTable
              preview={data}
              mapping={mapping}
              onChange={(field, col) => setMapping({ ...mapping, [field]: col })}
            />
            {data.unmappedHeaders.length > 0 && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                {t('imports.unmapped', { headers: data.unmappedHeaders.join('、') })}
              </Typography.Paragraph>
            )}
          </Panel>
          <Panel small title={t('imports.previewTitle')}>
            <PreviewTable preview={data} />
          </Panel>
          {missing.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('imports.missingRequired', { fields: missing.map(fieldLabel).join('、') })}
            />
          )}
          <div>
            <Typography.Text strong>{t('imports.saveAsPresetLabel')}</Typography.Text>
            <Input
              aria-label={t('imports.saveAsPresetLabel')}
              placeholder={t('imports.saveAsPresetPlaceholder')}
              value={savePresetAs}
              maxLength={80}
              onChange={(e) => setSavePresetAs(e.target.value)}
              style={{ display: 'block', maxWidth: 360, marginTop: 4 }}
            />
          </div>
        </>
      )}
      {commitError && <Alert type="error" showIcon title={commitError} />}
      <Space wrap>
        <Button onClick={onBack}>{t('imports.back')}</Button>
        <Button
          type="primary"
          loading={committing}
          disabled={!data || missing.length > 0 || preview.isFetching}
          onClick={() => onCommit(mapping)}
        >
          {t('imports.commit')}
        </Button>
      </Space>
    </Space>
  );
}

function StepProgress({ start, onDone }: { start: ImportJob; onDone: (job: ImportJob) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { companyId } = useCurrentCompany();
  const job = useQuery({
    queryKey: ['import-job', companyId, start.jobId],
    queryFn: () =>
      api.get<ImportJob>(companyPath(companyId, `/imports/jobs/${encodeURIComponent(start.jobId)}`)),
    initialData: start,
    initialDataUpdatedAt: 0,
    refetchInterval: (q) => (q.state.data && q.state.data.state !== 'running' ? false : 500),
  });
  const finished = job.data.state !== 'running' ? job.data : null;
  useEffect(() => {
    if (finished) onDone(finished);
  }, [finished, onDone]);
  const j = job.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-progress">
      <Typography.Text>{t('imports.importing')}</Typography.Text>
      <Progress
        percent={jobPercent(j.bytesRead, j.totalBytes)}
        status={j.state === 'failed' ? 'exception' : 'active'}
      />
      <Typography.Text type="secondary">
        {t('imports.linesRead', { n: formatNumber(j.linesRead, lang) })}
      </Typography.Text>
      {job.isError && <Alert type="error" showIcon title={errorMessage(job.error, t)} />}
    </Space>
  );
}

function StepResult({ job, onAgain }: { job: ImportJob; onAgain: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const navigate = useNavigate();
  const r = job.result;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="import-result">
      {job.state === 'failed' || !r ? (
        <Alert
          type="error"
          showIcon
          title={t('imports.failed')}
          description={
            job.error
              ? job.error.line !== null
                ? t('imports.failedAtLine', { line: job.error.line, message: job.error.message })
                : job.error.message
              : undefined
          }
        />
      ) : (
        <>
          <Alert type={r.rejected > 0 ? 'warning' : 'success'} showIcon title={t('imports.done')} />
          <div style={{ display: 'flex', gap: 32, flexWrap: 'wrap' }}>
            {(
              [
                ['added', r.added, '#0f766e'],
                ['duplicates', r.duplicates, undefined],
                ['rejected', r.rejected, r.rejected > 0 ? '#cf1322' : undefined],
              ] as const
            ).map(([key, n, color]) => (
              <div key={key} data-testid={`result-${key}`}>
                <Typography.Text type="secondary">{t(`imports.result.${key}`)}</Typography.Text>
                <div style={{ fontSize: 28, fontWeight: 600, color }}>{formatNumber(n, lang)}</div>
              </div>
            ))}
          </div>
          {r.firstDate && r.lastDate && (
            <Typography.Text type="secondary">
              {t('imports.dateRange', { from: r.firstDate, to: r.lastDate })}
            </Typography.Text>
          )}
          {r.rejected > 0 && job.importId && (
            <div>
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                {t('imports.reportHelp')}
              </Typography.Paragraph>
              <ErrorReportLinks importId={job.importId} />
            </div>
          )}
        </>
      )}
      <Space wrap>
        <Button type="primary" onClick={() => void navigate('/kpi')}>
          {t('imports.toKpi')}
        </Button>
        <Button onClick={onAgain}>{t('imports.again')}</Button>
      </Space>
    </Space>
  );
}

/** Upload → mapping and preview → progress → result. */
export function ImportWizard() {
  const { t } = useTranslation();
  const { companyId } = useCurrentCompany();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>(0);
  const [kind, setKindState] = useState<ImportKind>('sales');
  const [upload, setUpload] = useState<UploadDto | null>(null);
  const [sheet, setSheet] = useState<string | undefined>();
  const [dayFirst, setDayFirst] = useState(true);
  const [mapping, setMapping] = useState<Mapping | undefined>();
  const [savePresetAs, setSavePresetAs] = useState('');
  const [job, setJob] = useState<ImportJob | null>(null);
  const [finished, setFinished] = useState<ImportJob | null>(null);

  const options: ImportOptions | null = useMemo(
    () =>
      upload
        ? {
            uploadId: upload.uploadId,
            kind,
            dayFirst,
            ...(upload.sheets.length > 0 ? { sheet: sheet ?? upload.sheets[0] } : {}),
            ...(mapping ? { mapping } : {}),
          }
        : null,
    [upload, kind, dayFirst, sheet, mapping],
  );

  const commit = useMutation({
    mutationFn: (m: Mapping) =>
      api.post<ImportJob>(companyPath(companyId, '/imports'), {
        ...options,
        mapping: m,
        ...(savePresetAs.trim() ? { savePresetAs: savePresetAs.trim() } : {}),
      }),
    onSuccess: (started) => {
      setJob(started);
      setStep(2);
    },
  });

  const reset = () => {
    setStep(0);
    setUpload(null);
    setSheet(undefined);
    setMapping(undefined);
    setSavePresetAs('');
    setJob(null);
    setFinished(null);
    commit.reset();
  };

  const onDone = useCallback(
    (done: ImportJob) => {
      setFinished(done);
      setStep(3);
      void queryClient.invalidateQueries({ queryKey: ['imports', companyId] });
      void queryClient.invalidateQueries({ queryKey: ['kpi', companyId] });
      void queryClient.invalidateQueries({ queryKey: ['catalog', companyId] });
    },
    [queryClient, companyId],
  );

  return (
    <Panel>
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 24 }}
        items={[
          { title: t('imports.steps.upload') },
          { title: t('imports.steps.mapping') },
          { title: t('imports.steps.progress') },
          { title: t('imports.steps.result') },
        ]}
      />
      {step === 0 && (
        <StepUpload
          kind={kind}
          setKind={(k) => {
            setKindState(k);
            setMapping(undefined);
          }}
          upload={upload}
          onUploaded={(u) => {
            setUpload(u);
            setSheet(u.sheets[0]);
            setMapping(undefined);
          }}
          sheet={sheet}
          setSheet={(s) => {
            setSheet(s);
            setMapping(undefined);
          }}
          dayFirst={dayFirst}
          setDayFirst={setDayFirst}
          onNext={() => setStep(1)}
        />
      )}
      {step === 1 && options && (
        <StepMapping
          options={options}
          setMapping={setMapping}
          savePresetAs={savePresetAs}
          setSavePresetAs={setSavePresetAs}
          onBack={() => setStep(0)}
          onCommit={(m) => commit.mutate(m)}
          committing={commit.isPending}
          commitError={commit.isError ? errorMessage(commit.error, t) : null}
        />
      )}
      {step === 2 && job && <StepProgress start={job} onDone={onDone} />}
      {step === 3 && finished && <StepResult job={finished} onAgain={reset} />}
    </Panel>
  );
}
