import { toDayNumber } from '../calendar/index.ts';
import { MemberPool } from './member-pool.ts';
import type { DemoCatalog, DemoChannelKind, DemoProduct } from './types.ts';

/** Everything about the catalog the generator looks up often, prepared once. */
export class CatalogIndex {
  readonly products: readonly DemoProduct[];
  readonly channelNames: Readonly<Record<DemoChannelKind, string>>;
  readonly members: MemberPool;
  readonly businesses: readonly {
    readonly code: string;
    readonly region: string;
    readonly firstSeen: number;
  }[];
  readonly reps: readonly {
    readonly name: string;
    readonly role: string;
    readonly from: number;
    readonly to: number;
  }[];
  readonly regionNames: readonly string[];
  readonly historyStart: number;

  constructor(readonly catalog: DemoCatalog) {
    this.products = catalog.products;
    const nameOf = (kind: DemoChannelKind): string => {
      const channel = catalog.channels.find((c) => c.kind === kind);
      if (!channel) throw new Error(`the catalog has no ${kind} channel`);
      return channel.name;
    };
    this.channelNames = { store: nameOf('store'), online: nameOf('online'), delivery: nameOf('delivery') };
    this.members = new MemberPool(
      catalog.customers.filter((c) => c.customerType === 'member'),
      catalog.seed,
    );
    this.businesses = catalog.customers
      .filter((c) => c.customerType === 'business')
      .map((c) => ({ code: c.code, region: c.region, firstSeen: toDayNumber(c.firstSeenOn) }));
    this.reps = catalog.salesReps.map((r) => ({
      name: r.name,
      role: r.role,
      from: toDayNumber(r.activeFrom),
      to: r.activeTo === null ? Number.MAX_SAFE_INTEGER : toDayNumber(r.activeTo),
    }));
    this.regionNames = catalog.regions.map((r) => r.name);
    this.historyStart = toDayNumber(catalog.period.start);
  }
}
