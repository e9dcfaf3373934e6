import { deriveSeed, SeededRandom } from './seeded-random.ts';
import type { DemoSalesLine } from './types.ts';

/**
 * The demo shop's marketing figures (spend and funnel counts per day × channel × campaign) and its
 * customer-satisfaction survey, derived from the sales it generated, so that conversion rate, CAC,
 * ROAS, leads, CSAT and NPS have data that agrees with the orders: visits are the day's orders
 * divided by a channel's conversion rate, a few customers who ordered that day answer the survey.
 */

export interface DemoMarketingRow {
  readonly day: string;
  readonly channel: string;
  readonly campaign: string;
  readonly impressions: number;
  readonly visits: number;
  readonly leads: number;
  readonly opportunities: number;
  readonly spendMinor: number;
}

export interface DemoSatisfactionRow {
  readonly responseId: string;
  readonly day: string;
  readonly channel: string;
  /** Customer code, or null for an anonymous answer. */
  readonly customer: string | null;
  /** 1–5 */
  readonly csat: number;
  /** 0–10 */
  readonly nps: number;
  readonly comment: string | null;
}

interface DayChannel {
  orders: number;
  campaignOrders: number;
  customers: string[];
}

const SAMPLED_CUSTOMERS = 6;

/** Counts the orders of each day × channel while the sales lines stream past (lines of an order are consecutive). */
export class DemoActivityTally {
  private readonly cells = new Map<string, DayChannel>();

  add(line: DemoSalesLine): void {
    if (line.lineNo !== 1) return;
    const key = `${line.saleDate}\u0000${line.channel}`;
    let cell = this.cells.get(key);
    if (cell === undefined) {
      cell = { orders: 0, campaignOrders: 0, customers: [] };
      this.cells.set(key, cell);
    }
    cell.orders++;
    if (line.campaignCode !== null) cell.campaignOrders++;
    if (line.customer !== null && cell.customers.length < SAMPLED_CUSTOMERS)
      cell.customers.push(line.customer);
  }

  /** Passes every line through, counting it. */
  *track(lines: Iterable<DemoSalesLine>): Generator<DemoSalesLine> {
    for (const line of lines) {
      this.add(line);
      yield line;
    }
  }

  entries(): { day: string; channel: string; cell: Readonly<DayChannel> }[] {
    return [...this.cells]
      .map(([key, cell]) => {
        const [day = '', channel = ''] = key.split('\u0000');
        return { day, channel, cell };
      })
      .sort((a, b) => (a.day === b.day ? a.channel.localeCompare(b.channel) : a.day < b.day ? -1 : 1));
  }
}

interface CampaignModel {
  readonly campaign: string;
  /** Share of the channel's visits this campaign brings. */
  readonly visitShare: number;
  /** Cost per visit it brings, in NT$ (pay-per-click, flyers per passer-by, platform placement). */
  readonly costPerVisit: number;
  readonly impressionsPerVisit: number;
}

interface ChannelModel {
  /** Orders ÷ visits, on average. */
  readonly conversion: number;
  /** Leads (newsletter sign-ups, member sign-ups) per visit. */
  readonly leadsPerVisit: number;
  /** Opportunities (carts, reservations) per visit. */
  readonly opportunitiesPerVisit: number;
  readonly campaigns: readonly CampaignModel[];
  /** Mean CSAT of the channel's customers. */
  readonly csatMean: number;
}

/** By channel name of the demo catalog (demo-dimensions.ts). */
const CHANNELS: Readonly<Record<string, ChannelModel>> = {
  門市: {
    conversion: 0.58,
    leadsPerVisit: 0.012,
    opportunitiesPerVisit: 0.7,
    campaigns: [{ campaign: '店頭活動與傳單', visitShare: 1, costPerVisit: 0.5, impressionsPerVisit: 3 }],
    csatMean: 4.4,
  },
  線上商店: {
    conversion: 0.028,
    leadsPerVisit: 0.035,
    opportunitiesPerVisit: 0.085,
    campaigns: [
      { campaign: 'Google 關鍵字廣告', visitShare: 0.45, costPerVisit: 3, impressionsPerVisit: 22 },
      {
        campaign: 'Facebook 與 Instagram 廣告',
        visitShare: 0.35,
        costPerVisit: 2.5,
        impressionsPerVisit: 40,
      },
      { campaign: 'LINE 官方帳號', visitShare: 0.2, costPerVisit: 0.8, impressionsPerVisit: 6 },
    ],
    csatMean: 4.2,
  },
  外送平台: {
    conversion: 0.14,
    leadsPerVisit: 0,
    opportunitiesPerVisit: 0.22,
    campaigns: [{ campaign: '外送平台曝光方案', visitShare: 1, costPerVisit: 2, impressionsPerVisit: 9 }],
    csatMean: 3.8,
  },
};

const COMMENTS_GOOD = [
  '咖啡很香,店員親切',
  '季節限定飲品很好喝',
  '禮盒包裝精緻,送禮很體面',
  '會員日優惠很划算',
];
const COMMENTS_BAD = ['外送送到時飲料有點涼了', '假日排隊太久', '線上訂單出貨慢了一天', '價格有點偏高'];

/** Marketing rows and survey answers for every day × channel the sales touched; same seed, same rows. */
export function buildDemoMarketing(
  tally: DemoActivityTally,
  seed: number,
): { marketing: DemoMarketingRow[]; satisfaction: DemoSatisfactionRow[] } {
  const marketing: DemoMarketingRow[] = [];
  const satisfaction: DemoSatisfactionRow[] = [];
  for (const { day, channel, cell } of tally.entries()) {
    const model = CHANNELS[channel];
    if (model === undefined || cell.orders === 0) continue;
    const channelIndex = Object.keys(CHANNELS).indexOf(channel);
    const random = new SeededRandom(deriveSeed(seed, 7_001, Number(day.replaceAll('-', '')), channelIndex));
    // Festival campaigns (orders using a campaign code) raise the day's cost per visit.
    const festival = 1 + Math.min(1, (2 * cell.campaignOrders) / cell.orders);
    const conversion = model.conversion * Math.exp(0.12 * random.normal());
    const visits = Math.max(cell.orders, Math.round(cell.orders / conversion));
    let assigned = 0;
    model.campaigns.forEach((c, i) => {
      const last = i === model.campaigns.length - 1;
      const v = last ? visits - assigned : Math.round(visits * c.visitShare);
      assigned += v;
      const spend = Math.max(1, Math.round(v * c.costPerVisit * festival * Math.exp(0.15 * random.normal())));
      marketing.push({
        day,
        channel,
        campaign: c.campaign,
        impressions: Math.round(v * c.impressionsPerVisit * Math.exp(0.1 * random.normal())),
        visits: v,
        leads: random.poisson(v * model.leadsPerVisit),
        opportunities: Math.min(v, random.poisson(v * model.opportunitiesPerVisit)),
        spendMinor: spend * 100,
      });
    });
    // About one order in thirty gets a survey answer; members answer under their code.
    const answers = random.poisson(cell.orders / 30);
    for (let i = 0; i < answers; i++) {
      const csat = Math.max(1, Math.min(5, Math.round(model.csatMean + 0.8 * random.normal())));
      const nps = Math.max(0, Math.min(10, Math.round(csat * 2 - 0.5 + 1.2 * random.normal())));
      const comment = random.chance(0.15) ? random.pick(csat >= 4 ? COMMENTS_GOOD : COMMENTS_BAD) : null;
      satisfaction.push({
        responseId: `DEMO-${day}-${channel}-${i + 1}`,
        day,
        channel,
        customer: i < cell.customers.length ? (cell.customers[i] ?? null) : null,
        csat,
        nps,
        comment,
      });
    }
  }
  return { marketing, satisfaction };
}
