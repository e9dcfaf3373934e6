import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportRecordDto } from '../../../contract/imports.ts';
import { lineList } from '../../../core/ingest/repeated-lines.ts';
import { formatNumber } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { repeatKey } from './imports-api.ts';

/** The facts the file lacked that some of the lines it added lack (none when it added nothing). */
const gapsWithLines = (r: ImportRecordDto) =>
  (r.account?.gaps ?? []).filter((g) => (r.account?.gapLines[g] ?? 0) > 0);

/** Whether an import's record has anything left out or lacking to explain. */
export function hasAccountDetails(r: ImportRecordDto): boolean {
  const o = r.orders;
  return (
    (o != null && o.excludedLines + o.returnLines > 0) ||
    (r.account != null &&
      (r.account.rejectedReasons.length > 0 ||
        gapsWithLines(r).length > 0 ||
        (r.account.repeatedLines?.count ?? 0) + (r.account.repeatedKeys?.count ?? 0) > 0))
  );
}

/** What an import left out (by its orders' statuses, rejected lines by reason) and the facts its file lacked. */
export function ImportAccountDetails({ record: r }: { record: ImportRecordDto }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const n = (v: number) => formatNumber(v, lang);
  const o = r.orders;
  const by = o?.excludedLinesBy;
  return (
    <div data-testid="import-account" style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      {o && o.excludedLines + o.returnLines > 0 && (
        <Typography.Text data-testid="import-account-orders">
          {by
            ? t('imports.history.account.leftOut', {
                excluded: n(o.excludedLines),
                refunded: n(by.refunded),
                voided: n(by.voided),
                cancelled: n(by.cancelled),
                unpaid: n(by.unpaid),
                returns: n(o.returnLines),
              })
            : t('imports.result.orders', {
                excluded: n(o.excludedLines),
                refunded: n(o.excludedOrders.refunded),
                voided: n(o.excludedOrders.voided),
                cancelled: n(o.excludedOrders.cancelled),
                unpaid: n(o.excludedOrders.unpaid),
                returns: n(o.returnLines),
              })}
        </Typography.Text>
      )}
      {r.account?.rejectedReasons.map((x) => (
        <Typography.Text key={x.code} data-testid="import-account-rejected">
          {t('imports.history.account.rejected', { n: n(x.lines), reason: x.message })}
        </Typography.Text>
      ))}
      {gapsWithLines(r).map((g) => (
        <Typography.Text key={g} type="warning" data-testid="import-account-gap">
          {t(`imports.history.account.gaps.${g}`, { n: n(r.account?.gapLines[g] ?? 0) })}
        </Typography.Text>
      ))}
      {(['repeatedLines', 'repeatedKeys'] as const).map((key) => {
        const repeats = r.account?.[key];
        return repeats && repeats.count > 0 ? (
          <Typography.Text key={key} type="warning" data-testid="import-account-repeats">
            {t(repeatKey(r.kind, key, r.added), {
              n: n(repeats.count),
              lines: lineList(repeats.lines, repeats.count, lang === 'en' ? 'en' : 'zh-TW'),
            })}
          </Typography.Text>
        ) : null;
      })}
    </div>
  );
}
