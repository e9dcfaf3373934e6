import { Alert, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ImportJob } from '../../../contract/imports.ts';
import { lineList } from '../../../core/ingest/repeated-lines.ts';
import { formatNumber } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { importedKpiHref } from '../kpi/kpi-url.ts';
import { ErrorReportLinks } from './error-report-links.tsx';
import { type ImportKind, repeatKey } from './imports-api.ts';

/** Why a job failed, with its line when it has one. */
function FailedAlert({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const e = job.error;
  return (
    <Alert
      type="error"
      showIcon
      title={t('imports.failed')}
      description={
        e
          ? e.line !== null
            ? t('imports.failedAtLine', { line: e.line, message: e.message })
            : e.message
          : undefined
      }
    />
  );
}

/**
 * Lines that repeat an earlier line of the file: the same content (each imported as a sale of its
 * own: a file pasted twice doubles its orders) or the same order id and line number (only the first
 * imported); survey responses with the key of an earlier one (only the first imported). Said with the
 * count and the first lines, so that a doubled file is caught.
 */
function RepeatAlerts({ result, kind }: { result: NonNullable<ImportJob['result']>; kind: ImportKind }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <>
      {(
        [
          ['repeatedLines', result.repeatedLines, 'result-repeated-lines'],
          ['repeatedKeys', result.repeatedKeys, 'result-repeated-keys'],
        ] as const
      ).map(([key, repeats, testId]) =>
        repeats && repeats.count > 0 ? (
          <Alert
            key={key}
            type="warning"
            showIcon
            data-testid={testId}
            title={t(repeatKey(kind, key, result.added), {
              n: formatNumber(repeats.count, lang),
              lines: lineList(repeats.lines, repeats.count, lang === 'en' ? 'en' : 'zh-TW'),
            })}
          />
        ) : null,
      )}
    </>
  );
}

/** Lines added, skipped as already imported, and rejected (with the error report). */
function ResultCounts({
  job,
  result,
  kind,
}: {
  job: ImportJob;
  result: NonNullable<ImportJob['result']>;
  kind: ImportKind;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const r = result;
  return (
    <>
      <Alert
        type={
          r.rejected + (r.repeatedLines?.count ?? 0) + (r.repeatedKeys?.count ?? 0) > 0
            ? 'warning'
            : 'success'
        }
        showIcon
        title={t('imports.done')}
      />
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
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('imports.dateRange', { from: r.firstDate, to: r.lastDate })}
        </Typography.Paragraph>
      )}
      {r.orders && r.orders.excludedLines + r.orders.returnLines > 0 && (
        <Typography.Paragraph data-testid="result-orders" style={{ margin: 0 }}>
          {t('imports.result.orders', {
            excluded: formatNumber(r.orders.excludedLines, lang),
            refunded: formatNumber(r.orders.excludedOrders.refunded, lang),
            voided: formatNumber(r.orders.excludedOrders.voided, lang),
            cancelled: formatNumber(r.orders.excludedOrders.cancelled, lang),
            unpaid: formatNumber(r.orders.excludedOrders.unpaid, lang),
            returns: formatNumber(r.orders.returnLines, lang),
          })}
        </Typography.Paragraph>
      )}
      <RepeatAlerts result={r} kind={kind} />
      {kind === 'satisfaction' && r.duplicates > 0 && (
        // Survey responses imported before (by their id or their content): not counted twice.
        <Alert
          type="info"
          showIcon
          data-testid="result-responses-before"
          title={t('imports.result.responsesBefore', { n: formatNumber(r.duplicates, lang) })}
        />
      )}
      {r.orders && r.duplicates > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="result-stale-duplicates"
          title={t('imports.result.staleDuplicates', { n: formatNumber(r.duplicates, lang) })}
        />
      )}
      {r.rejected > 0 && job.importId && (
        <div>
          <Typography.Paragraph style={{ marginBottom: 4 }}>{t('imports.reportHelp')}</Typography.Paragraph>
          <ErrorReportLinks importId={job.importId} />
        </div>
      )}
    </>
  );
}

/** Step 4: what the import did; the KPIs open on the imported date range. */
export function StepResult({
  job,
  kind,
  onAgain,
}: {
  job: ImportJob;
  kind: ImportKind;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const r = job.result;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="import-result">
      {job.state === 'failed' || !r ? (
        <FailedAlert job={job} />
      ) : (
        <ResultCounts job={job} result={r} kind={kind} />
      )}
      <Space wrap>
        <Button
          type="primary"
          data-testid="import-to-kpi"
          onClick={() => void navigate(importedKpiHref(kind, r?.firstDate ?? null, r?.lastDate ?? null))}
        >
          {t('imports.toKpi')}
        </Button>
        <Button onClick={onAgain}>{t('imports.again')}</Button>
      </Space>
    </Space>
  );
}
