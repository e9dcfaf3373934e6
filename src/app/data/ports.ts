/** The named dimensions a user can rename and merge (「拿鐵」 and 「拿鐵咖啡」 are one product). */
export const CATALOG_TABLES = ['products', 'categories', 'channels', 'reps', 'regions'] as const;
export type CatalogTable = (typeof CATALOG_TABLES)[number];

export interface CatalogEntry {
  id: string;
  name: string;
  /** Sales lines that use the entry (products: directly; categories: through their products). */
  lines: number;
}

export type RenameOutcome = 'ok' | 'not_found' | 'taken';

export interface CatalogStore {
  list(companyId: string, table: CatalogTable): Promise<CatalogEntry[]>;
  rename(companyId: string, table: CatalogTable, id: string, name: string): Promise<RenameOutcome>;
  /** Moves every use of `fromId` onto `intoId` and deletes `fromId`, in one transaction (roll-ups follow). */
  merge(companyId: string, table: CatalogTable, fromId: string, intoId: string): Promise<boolean>;
}

/** Tables a user can export whole (within a date range where they have dates). */
export const EXPORT_TABLES = ['sales', 'customers', 'products', 'marketing', 'satisfaction'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];
export type ExportCellValue = string | number | null;

/** Streams a table's rows, header first, in pages (memory stays flat however large the table). */
export interface ExportSource {
  rows(
    companyId: string,
    table: ExportTable,
    range: { from?: string | undefined; to?: string | undefined; currency: string },
    locale: 'zh-TW' | 'en',
  ): AsyncIterable<ExportCellValue[]>;
}
