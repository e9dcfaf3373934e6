import { normalizeHeader } from './normalize-header.ts';

/** Header words only one advertising platform's export uses, after normalizeHeader. */
const PLATFORM_HEADERS: ReadonlyArray<readonly [string, readonly string[]]> = [
  [
    'Facebook',
    [
      'adsetname',
      'amountspent',
      'reportingstarts',
      'reportingends',
      'costperresult',
      'linkclicks',
      'cpmcostper1000impressions',
      'resultindicator',
      '廣告組合名稱',
      '花費金額',
      '報告開始',
      '成果',
      '每次成果成本',
    ],
  ],
  [
    'Google Ads',
    ['impr', 'avgcpc', 'interactions', 'conversions', 'costconv', 'campaigntype', '曝光', '平均單次點擊出價'],
  ],
  ['LINE', ['line廣告', 'lineads', '好友']],
  ['TikTok', ['cpcdestination', 'cpmtiktok', 'videoviews']],
];

/**
 * The advertising platform a marketing export comes from, told by its headers (Facebook's "Amount
 * spent", "Ad set name"; Google Ads' "Impr.", "Avg. CPC"): the default channel of a file that has no
 * channel column. A header counts when it starts with the word (「Amount spent (TWD)」). Null when
 * no platform has two of its words among the headers.
 */
export function platformFromHeaders(headers: readonly string[]): string | null {
  const norm = headers.map((h) => normalizeHeader(h));
  let best: string | null = null;
  let bestHits = 1;
  for (const [platform, words] of PLATFORM_HEADERS) {
    let hits = 0;
    for (const w of words) if (norm.some((h) => h === w || h.startsWith(w))) hits++;
    if (hits > bestHits) {
      best = platform;
      bestHits = hits;
    }
  }
  return best;
}
