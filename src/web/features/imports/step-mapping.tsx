import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Input, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Preview } from '../../../contract/imports.ts';
import { api, companyPath } from '../../api/client.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { Panel } from '../../lib/panel.tsx';
import { useCurrentCompany } from '../../lib/use-company.ts';
import { DecisionsPanel, decisionsBlock, type ImportChoices } from './decisions-panel.tsx';
import type { ImportKind, ImportOptions, Mapping } from './imports-api.ts';
import { MappingTable } from './mapping-table.tsx';
import { PresetBar } from './preset-bar.tsx';
import { PreviewTable } from './preview-table.tsx';
import { useFieldLabel } from './use-field-label.ts';

/** Step 2: the suggested mapping, the preview read with it, and the commit button. */
export function StepMapping({
  options,
  setMapping,
  choices,
  savePresetAs,
  setSavePresetAs,
  onBack,
  onCommit,
  onKind,
  committing,
  commitError,
}: {
  options: ImportOptions;
  setMapping: (m: Mapping) => void;
  choices: ImportChoices;
  savePresetAs: string;
  setSavePresetAs: (s: string) => void;
  onBack: () => void;
  onCommit: (mapping: Mapping) => void;
  /** Reads the file as another kind (the preview's otherKind: a marketing file uploaded as sales). */
  onKind: (kind: ImportKind) => void;
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
  // A file without a channel column takes the platform its headers reveal unless the user types one.
  const suggestedChannel = data?.decisions.channel.suggested ?? null;
  const { channel, setChannel } = choices;
  useEffect(() => {
    if (channel === undefined && suggestedChannel) setChannel(suggestedChannel);
  }, [channel, setChannel, suggestedChannel]);
  const blocked = data ? decisionsBlock(data.decisions, choices.setCompanyCurrency) : true;
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
            {data.titleLines > 0 && (
              <Typography.Paragraph
                type="secondary"
                style={{ marginTop: 8, marginBottom: 0 }}
                data-testid="title-block"
              >
                {t('imports.titleBlock', {
                  lines: data.headerLine === 2 ? '1' : `1–${data.headerLine - 1}`,
                  header: data.headerLine,
                })}
              </Typography.Paragraph>
            )}
          </Panel>
          <DecisionsPanel
            decisions={data.decisions}
            kind={options.kind}
            channelMapped={mapping.channel != null}
            choices={choices}
          />
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
          {missing.length > 0 && data.otherKind && (
            <Alert
              type="info"
              showIcon
              data-testid="other-kind"
              title={t('imports.otherKind', { kind: t(`imports.kinds.${data.otherKind}.label`) })}
              action={
                <Button size="small" onClick={() => data.otherKind && onKind(data.otherKind)}>
                  {t('imports.readAs', { kind: t(`imports.kinds.${data.otherKind}.label`) })}
                </Button>
              }
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
          disabled={!data || missing.length > 0 || blocked || preview.isFetching}
          onClick={() => onCommit(mapping)}
        >
          {t('imports.commit')}
        </Button>
      </Space>
    </Space>
  );
}
