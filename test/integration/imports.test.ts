import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantOf } from '../../src/db/tenants.ts';
import { type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { importCsv } from '../support/imports.ts';

const HEADER = '訂單編號,交易日期,品名,類別,數量,單價,金額,客戶編號,通路,業務員,地區';
const line = (id: string, date: string, product: string, qty: number, price: number, customer = 'M001') =>
  `${id},${date},${product},咖啡,${qty},"NT$${price.toLocaleString('en')}",${qty * price},${customer},門市,小王,台北市`;

const FIRST = [
  HEADER,
  line('A001', '115/01/05', '拿鐵', 2, 120),
  line('A002', '115/01/05', '美式咖啡', 1, 80, 'M002'),
  line('A003', '115/02/30', '拿鐵', 1, 120),
  line('A004', '115/01/06', '禮盒', 1, 1280, 'B001'),
].join('\r\n');
const OVERLAP = [
  HEADER,
  line('A004', '115/01/06', '禮盒', 1, 1280, 'B001'),
  line('A005', '115/01/07', '拿鐵', 3, 120),
].join('\r\n');

describe.each(dialects())('imports (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect, { maxUploadBytes: 64 * 1024 });
  });
  afterAll(async () => h?.close());

  const countLines = async (companyId: string) =>
    Number(
      (
        await h.runtime.database.db
          .selectFrom('sales_lines')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('tenant_id', '=', tenantOf(companyId))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('imports a Big5 CSV with ROC dates: preview, commit, rejected line reported, re-import adds nothing', async () => {
    const { client, companyId } = await signUp(h.app);
    const big5 = iconv.encode(FIRST, 'cp950');
    const up = await client.upload(`/api/companies/${companyId}/imports/uploads`, 'pos.csv', big5);
    expect(up.json()).toMatchObject({ format: 'csv', encoding: 'cp950', delimiter: ',' });
    const preview = await client.post(`/api/companies/${companyId}/imports/preview`, {
      uploadId: up.json().uploadId,
      kind: 'sales',
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p.headers[2]).toBe('品名');
    expect(p.mapping).toMatchObject({
      orderId: 0,
      date: 1,
      product: 2,
      quantity: 4,
      unitPrice: 5,
      amount: 6,
    });
    expect(p.missingRequired).toEqual([]);
    expect(p.rows).toHaveLength(4);
    expect(p.rows[2].problems[0]).toMatchObject({ line: 4, column: '交易日期', value: '115/02/30' });

    const { job } = await importCsv(client, companyId, 'pos.csv', big5);
    expect(job.state).toBe('done');
    expect(job.result).toMatchObject({
      linesRead: 4,
      added: 3,
      duplicates: 0,
      rejected: 1,
      firstDate: '2026-01-05',
      lastDate: '2026-01-06',
    });
    expect(await countLines(companyId)).toBe(3);
    const row = await h.runtime.database.db
      .selectFrom('sales_lines')
      .selectAll()
      .where('tenant_id', '=', tenantOf(companyId))
      .where('order_id', '=', 'A001')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      sale_date: '2026-01-05',
      quantity: 2,
      unit_price_minor: 12000,
      amount_minor: 24000,
    });

    const again = await importCsv(client, companyId, 'pos.csv', big5);
    expect(again.job.result).toMatchObject({ added: 0, duplicates: 3, rejected: 1 });
    const overlap = await importCsv(client, companyId, 'pos2.csv', OVERLAP);
    expect(overlap.job.result).toMatchObject({ added: 1, duplicates: 1, rejected: 0 });
    expect(await countLines(companyId)).toBe(4);

    client.locale = 'zh-TW';
    const report = await client.get(`/api/companies/${companyId}/imports/${job.importId}/errors?format=csv`);
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('text/csv');
    expect(report.body).toContain('行號');
    expect(report.body).toMatch(/4,交易日期,.+,115\/02\/30/);
    const xlsx = await client.get(`/api/companies/${companyId}/imports/${job.importId}/errors?format=xlsx`);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const history = (await client.get(`/api/companies/${companyId}/imports`)).json();
    expect(history).toHaveLength(3);
    expect(history[2]).toMatchObject({ fileName: 'pos.csv', added: 3, status: 'committed' });
  });

  it('previews a spreadsheet: an Excel date shows the day it is read as, 商品分類 is the category', async () => {
    const { client, companyId } = await signUp(h.app);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('銷售');
    ws.addRow(['日期', '訂單編號', '商品名稱', '商品分類', '數量', '金額']);
    ws.addRow([new Date(Date.UTC(2026, 8, 8)), 'S001', '滷豆干', '滷味', 2, 90]);
    ws.getCell('A2').numFmt = 'yyyy/mm/dd';
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    const up = await client.upload(`/api/companies/${companyId}/imports/uploads`, 'shop.xlsx', body);
    expect(up.statusCode, up.body).toBe(201);
    const preview = await client.post(`/api/companies/${companyId}/imports/preview`, {
      uploadId: up.json().uploadId,
      kind: 'sales',
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p.mapping).toMatchObject({ date: 0, orderId: 1, product: 2, category: 3 });
    expect(p.unmappedHeaders).toEqual([]);
    expect(p.rows[0].problems).toEqual([]);
    expect(p.rows[0].cells[0]).toBe('46273 → 2026-09-08');
  });

  it('undoes an import as a whole', async () => {
    const { client, companyId } = await signUp(h.app);
    const first = await importCsv(client, companyId, 'a.csv', FIRST);
    const second = await importCsv(client, companyId, 'b.csv', OVERLAP);
    expect(await countLines(companyId)).toBe(4);
    const undone = await client.post(`/api/companies/${companyId}/imports/${second.job.importId}/undo`);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({ status: 'undone' });
    expect(await countLines(companyId)).toBe(3);
    const twice = await client.post(`/api/companies/${companyId}/imports/${second.job.importId}/undo`);
    expect(twice.json().code).toBe('IMPORT_ALREADY_UNDONE');
    expect(first.job.state).toBe('done');
    const log = (await client.get(`/api/companies/${companyId}/audit-log`)).json() as { action: string }[];
    expect(log.map((e) => e.action)).toContain('import.undone');
  });

  it('a file uploaded as the wrong kind: the preview names the kind its columns fit', async () => {
    const { client, companyId } = await signUp(h.app);
    const preview = async (name: string, csv: string, kind: string) => {
      const up = (await client.upload(`/api/companies/${companyId}/imports/uploads`, name, csv)).json();
      const res = await client.post(`/api/companies/${companyId}/imports/preview`, {
        uploadId: up.uploadId,
        kind,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { missingRequired: string[]; otherKind: string | null };
    };
    const ads = '日期,通路,廣告花費,曝光數,點擊數,名單數\n2026-03-01,Facebook,1200,5000,300,12\n';
    expect(await preview('ads.csv', ads, 'sales')).toMatchObject({
      missingRequired: ['amount'],
      otherKind: 'marketing',
    });
    const survey = '填寫日期,滿意度,NPS,意見\n2026-03-01,5,9,很好\n';
    expect(await preview('survey.csv', survey, 'sales')).toMatchObject({ otherKind: 'satisfaction' });
    // Complete as asked, or fitting no other kind better: no hint.
    expect((await preview('ads.csv', ads, 'marketing')).otherKind).toBeNull();
    expect((await preview('x.csv', 'when,what\n2026-03-01,x\n', 'sales')).otherKind).toBeNull();
  });

  it('uses the given mapping, refuses an incomplete or impossible one, and saves presets', async () => {
    const { client, companyId } = await signUp(h.app);
    const csv = 'when,what,how much,junk\n2026-03-01,Latte,120,x\n2026-03-02,Mocha,130,y\n';
    const up = (await client.upload(`/api/companies/${companyId}/imports/uploads`, 'x.csv', csv)).json();
    const bad = await client.post(`/api/companies/${companyId}/imports/preview`, {
      uploadId: up.uploadId,
      kind: 'sales',
      mapping: { date: 0, product: 9, __proto__: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toContain('mapping.product');
    const { job } = await importCsv(client, companyId, 'x.csv', csv, { mapping: { date: 0, product: 1 } });
    expect(job.state).toBe('failed');
    expect(job.error.code).toBe('IMPORT_MAPPING_INCOMPLETE');
    const ok = await importCsv(client, companyId, 'x.csv', csv, {
      mapping: { date: 0, product: 1, amount: 2 },
      savePresetAs: 'My POS',
    });
    expect(ok.job.result).toMatchObject({ added: 2 });
    const presets = (await client.get(`/api/companies/${companyId}/mapping-presets`)).json();
    expect(presets[0]).toMatchObject({
      name: 'My POS',
      kind: 'sales',
      mapping: { date: 0, product: 1, amount: 2 },
    });
  });

  it('refuses files that are not spreadsheets, too large, or hostile, with clear messages', async () => {
    const { client, companyId } = await signUp(h.app);
    client.locale = 'en';
    const binary = await client.upload(
      `/api/companies/${companyId}/imports/uploads`,
      'x.csv',
      Buffer.from([0, 1, 2, 3, 0, 0, 255, 0]),
    );
    expect(binary.statusCode).toBe(415);
    expect(binary.json().code).toBe('IMPORT_UNSUPPORTED_FORMAT');
    const big = await client.upload(
      `/api/companies/${companyId}/imports/uploads`,
      'big.csv',
      `a,b\n${'1,2\n'.repeat(40_000)}`,
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('IMPORT_FILE_TOO_LARGE');
    const hostile = await importCsv(
      client,
      companyId,
      'h.csv',
      '__proto__,constructor,日期,品名,金額\nx,y,2026-01-01,拿鐵,120\n',
    );
    expect(hostile.job.result).toMatchObject({ added: 1 });
    const broken = await importCsv(
      client,
      companyId,
      'q.csv',
      '日期,品名,金額\n2026-01-01,"拿鐵,120\n2026-01-02,美式,80\n',
    );
    expect(broken.job.state).toBe('failed');
    expect(broken.job.error.code).toBe('IMPORT_MALFORMED');
    expect(broken.job.error.message).toMatch(/line \d+/);
    expect(await countLines(companyId)).toBe(1);
  });

  it('records the imported file’s SHA-256 digest and size with the import', async () => {
    const { client, companyId } = await signUp(h.app);
    const { job } = await importCsv(client, companyId, 'pos.csv', OVERLAP);
    expect(job.state).toBe('done');
    const row = await h.runtime.database.db
      .selectFrom('imports')
      .select(['file_sha256', 'file_bytes'])
      .where('id', '=', job.importId)
      .executeTakeFirstOrThrow();
    expect(row.file_sha256).toBe(createHash('sha256').update(OVERLAP).digest('hex'));
    expect(Number(row.file_bytes)).toBe(Buffer.byteLength(OVERLAP));
  });

  it("keeps another company's imports out of reach", async () => {
    const a = await signUp(h.app);
    const b = await signUp(h.app);
    const { job } = await importCsv(a.client, a.companyId, 'a.csv', FIRST);
    const up = (
      await a.client.upload(`/api/companies/${a.companyId}/imports/uploads`, 'a.csv', FIRST)
    ).json();
    expect((await b.client.get(`/api/companies/${a.companyId}/imports/${job.importId}`)).statusCode).toBe(
      404,
    );
    expect((await b.client.get(`/api/companies/${b.companyId}/imports/${job.importId}`)).json().code).toBe(
      'IMPORT_NOT_FOUND',
    );
    const stolen = await b.client.post(`/api/companies/${b.companyId}/imports/preview`, {
      uploadId: up.uploadId,
      kind: 'sales',
    });
    expect(stolen.json().code).toBe('UPLOAD_NOT_FOUND');
  });
});
