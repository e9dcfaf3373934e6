import { Alert, Checkbox, Input, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Preview } from '../../../contract/imports.ts';
import { Panel } from '../../lib/panel.tsx';
import type { DateOrderChoice, ImportKind } from './imports-api.ts';

/** The choices the wizard keeps beside the mapping (see useImportWizard). */
export interface ImportChoices {
  dateOrder: DateOrderChoice;
  setDateOrder: (v: DateOrderChoice) => void;
  strict: boolean;
  setStrict: (v: boolean) => void;
  channel: string | undefined;
  setChannel: (v: string) => void;
  setCompanyCurrency: boolean;
  setSetCompanyCurrency: (v: boolean) => void;
}

type Decisions = Preview['decisions'];

/** Whether the import may start: the dates read one way and the currency is not relabelled. */
export function decisionsBlock(d: Decisions, setCurrency: boolean): boolean {
  const date =
    d.dateOrder.source === 'unknown' || d.dateOrder.source === 'conflict' || d.dateOrder.contradicted;
  const currency =
    d.currency.action === 'refuse' ||
    d.currency.action === 'unsupported' ||
    (d.currency.action === 'offer' && !setCurrency);
  return date || currency;
}

/** A status column's values found in the file, each with its line count and what it does (none: nothing shown). */
function StatusValues({
  title,
  partial,
  values,
  testId,
}: {
  title: string;
  partial: boolean;
  values: readonly { value: string; lines: number; does: string }[];
  testId?: string;
}) {
  const { t } = useTranslation();
  if (values.length === 0) return null;
  return (
    <div data-testid={testId}>
      <Typography.Text>
        {title} {partial && t('imports.decisions.statusesPartial')}
      </Typography.Text>
      <ul style={{ margin: '4px 0 0' }}>
        {values.map((s) => (
          <li key={s.value}>
            <Typography.Text code>{s.value}</Typography.Text> × {s.lines}: {s.does}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The preview's decisions (date order, currency, statuses, channel, notes) and the strict option. */
export function DecisionsPanel({
  decisions: d,
  kind,
  channelMapped,
  choices: c,
}: {
  decisions: Decisions;
  kind: ImportKind;
  channelMapped: boolean;
  choices: ImportChoices;
}) {
  const { t } = useTranslation();
  const order = (o: 'dayFirst' | 'monthFirst' | null) =>
    o === 'monthFirst' ? t('imports.decisions.orderMonthFirst') : t('imports.decisions.orderDayFirst');
  const at = { line: d.dateOrder.evidence?.line ?? 0, value: d.dateOrder.evidence?.value ?? '' };
  const chooser = (
    <Radio.Group
      aria-label={t('imports.slashDates')}
      value={c.dateOrder === 'auto' ? undefined : c.dateOrder}
      onChange={(e) => c.setDateOrder(e.target.value as DateOrderChoice)}
    >
      <Radio value="dayFirst">{t('imports.dayFirst')}</Radio>
      <Radio value="monthFirst">{t('imports.monthFirst')}</Radio>
    </Radio.Group>
  );
  const date = (() => {
    const s = d.dateOrder.source;
    if (d.dateOrder.contradicted)
      return (
        <Alert
          type="error"
          showIcon
          title={t('imports.decisions.dateContradicted', { order: order(d.dateOrder.order), ...at })}
          description={chooser}
        />
      );
    if (s === 'unknown')
      return (
        <Alert type="warning" showIcon title={t('imports.decisions.dateUnknown', at)} description={chooser} />
      );
    if (s === 'conflict')
      return (
        <Alert
          type="error"
          showIcon
          title={t('imports.decisions.dateConflict', {
            ...at,
            line2: d.dateOrder.other?.line ?? 0,
            value2: d.dateOrder.other?.value ?? '',
          })}
        />
      );
    if (s === 'file')
      return (
        <Typography.Text>
          {t('imports.decisions.dateFile', { order: order(d.dateOrder.order), ...at })}
        </Typography.Text>
      );
    if (s === 'user')
      return (
        <Typography.Text>
          {t('imports.decisions.dateUser', { order: order(d.dateOrder.order) })}
        </Typography.Text>
      );
    if (s === 'preset')
      return (
        <Typography.Text>
          {t('imports.decisions.datePreset', { order: order(d.dateOrder.order) })}
        </Typography.Text>
      );
    return <Typography.Text>{t('imports.decisions.dateNotNeeded')}</Typography.Text>;
  })();
  const cur = { file: d.currency.file ?? '', company: d.currency.company };
  const currency = (() => {
    switch (d.currency.action) {
      case 'same':
        return (
          <Typography.Text>
            {d.currency.file
              ? t('imports.decisions.currencySame', cur)
              : t('imports.decisions.currencyNone', cur)}
          </Typography.Text>
        );
      case 'offer':
      case 'setCompany':
        return (
          <Alert
            type="warning"
            showIcon
            title={t('imports.decisions.currencyOffer', cur)}
            description={
              <Checkbox
                checked={c.setCompanyCurrency}
                onChange={(e) => c.setSetCompanyCurrency(e.target.checked)}
              >
                {t('imports.decisions.currencySet', cur)}
              </Checkbox>
            }
          />
        );
      case 'refuse':
        return <Alert type="error" showIcon title={t('imports.decisions.currencyRefuse', cur)} />;
      case 'unsupported':
        return <Alert type="error" showIcon title={t('imports.decisions.currencyUnsupported', cur)} />;
    }
  })();
  const needsChannel = kind !== 'satisfaction' && !channelMapped;
  return (
    <Panel small title={t('imports.decisions.title')}>
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-decisions">
        {date}
        {kind !== 'satisfaction' && currency}
        <StatusValues
          title={t('imports.decisions.statusesTitle')}
          partial={!d.statusesComplete}
          values={d.statuses.map((s) => ({ ...s, does: t(`imports.decisions.treatment.${s.treatment}`) }))}
        />
        <StatusValues
          testId="import-return-statuses"
          title={t('imports.decisions.returnsTitle')}
          partial={!d.statusesComplete}
          values={d.returnStatuses.map((s) => ({
            ...s,
            does: t(`imports.decisions.returnTreatment.${s.treatment}`),
          }))}
        />
        {needsChannel && (
          <div>
            <Typography.Text strong>{t('imports.decisions.channelLabel')}</Typography.Text>
            {d.channel.suggested && (
              <Typography.Paragraph type="secondary" style={{ margin: '2px 0 4px' }}>
                {t('imports.decisions.channelSuggested', { platform: d.channel.suggested })}
              </Typography.Paragraph>
            )}
            <Input
              aria-label={t('imports.decisions.channelLabel')}
              value={c.channel ?? ''}
              maxLength={200}
              onChange={(e) => c.setChannel(e.target.value)}
              style={{ display: 'block', maxWidth: 360 }}
            />
          </div>
        )}
        {d.notes.map((n) => (
          <Alert
            key={n}
            type="info"
            showIcon
            title={t(`imports.decisions.notes.${n}`, { channel: d.channel.fixed ?? '' })}
          />
        ))}
        <Checkbox checked={c.strict} onChange={(e) => c.setStrict(e.target.checked)}>
          {t('imports.decisions.strict')}
        </Checkbox>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('imports.decisions.policy')}
        </Typography.Paragraph>
      </Space>
    </Panel>
  );
}
