import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, signUp, startHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';

interface FieldProblem {
  path: string;
  code?: string;
  message: string;
  detail?: string;
}

const CJK = /[\u3400-\u9fff]/;

/**
 * A request the contract refuses is answered in the request's language: `title`, `detail` and every
 * field's `message` (zod's own checks in zod's locale, the contracts' own from FIELD_MESSAGES), with a
 * stable `code` per field for programs.
 */
describe.each(dialects())('validation problems in the request’s language (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  const signup = (lang: string) =>
    h.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      headers: { 'accept-language': lang },
      payload: { email: 'not-an-email', password: 'correct horse battery', name: 5 },
    });

  it('a bad sign-up: zh-TW and English, each field with its code', async () => {
    const zh = await signup('zh-TW');
    expect(zh.statusCode).toBe(400);
    const zb = zh.json() as { title: string; detail: string; errors: FieldProblem[] };
    expect(zb.title).toBe('部分欄位格式不正確。');
    expect(zb.detail).toBe('部分欄位格式不正確。');
    const byPath = (errors: FieldProblem[]) => Object.fromEntries(errors.map((e) => [e.path, e]));
    const zf = byPath(zb.errors);
    expect(Object.keys(zf).sort()).toEqual(['companyName', 'email', 'name']);
    for (const e of zb.errors) {
      expect(e.message, e.path).toMatch(CJK);
      expect(e.detail).toBe(e.message);
    }
    expect(zf.email).toMatchObject({ code: 'invalid_format' });
    expect(zf.name).toMatchObject({ code: 'invalid_type' });
    expect(zf.companyName).toMatchObject({ code: 'required', message: '此欄位為必填' });
    expect(JSON.stringify(zb)).not.toMatch(/Invalid input|Invalid email/);

    const en = await signup('en-US,en;q=0.9');
    const eb = en.json() as { title: string; errors: FieldProblem[] };
    expect(eb.title).toBe('Some fields are not valid.');
    const ef = byPath(eb.errors);
    expect(ef.email).toMatchObject({ code: 'invalid_format', message: 'Invalid email address' });
    expect(ef.name).toMatchObject({
      code: 'invalid_type',
      message: 'Invalid input: expected string, received number',
    });
    expect(ef.companyName).toMatchObject({ code: 'required', message: 'This field is required' });
    for (const e of eb.errors) expect(e.message).not.toMatch(CJK);
  });

  it('the contracts’ own checks (a day not in the calendar, an end before the start) in both languages', async () => {
    const { client, companyId } = await signUp(h.app, 'Valid');
    const base = `/api/companies/${companyId}`;
    const goal = {
      name: '下季營收',
      metric: 'revenue',
      scope: {},
      target: { metric: 'revenue', kind: 'absolute', value: 1000, per: null },
      period: { start: '2027-03-31', end: '2027-01-01' },
    };
    client.locale = 'zh-TW';
    const zhEnd = await client.post(`${base}/goals`, goal);
    expect(zhEnd.statusCode).toBe(400);
    expect(zhEnd.json().errors).toContainEqual({
      path: 'period.end',
      code: 'end_before_start',
      message: '結束日早於開始日',
      detail: '結束日早於開始日',
    });
    const zhDay = await client.post(`${base}/goals/parse`, {
      statement: '下季營收提升10%',
      today: '2026-02-30',
    });
    expect(zhDay.json().errors).toContainEqual(
      expect.objectContaining({
        path: 'today',
        code: 'not_a_calendar_day',
        message: expect.stringMatching(CJK),
      }),
    );
    client.locale = 'en';
    const enEnd = await client.post(`${base}/goals`, goal);
    expect(enEnd.json()).toMatchObject({ title: 'Some fields are not valid.' });
    expect(enEnd.json().errors).toContainEqual(
      expect.objectContaining({
        path: 'period.end',
        code: 'end_before_start',
        message: 'the end is before the start',
      }),
    );
    const enDay = await client.post(`${base}/goals/parse`, { statement: 'x', today: '2026-02-30' });
    expect(enDay.json().errors).toContainEqual(
      expect.objectContaining({
        path: 'today',
        code: 'not_a_calendar_day',
        message: 'this day is not in the calendar (such as 2024-02-30)',
      }),
    );
  });

  it('a use case’s field problems are in the request’s language too, with their code', async () => {
    const { client, companyId } = await signUp(h.app, 'Kpi');
    client.locale = 'zh-TW';
    const kpi = (c: typeof client) =>
      c.get(`/api/companies/${companyId}/kpi?metric=revenue&from=2024-03-31&to=2024-03-01&grain=month`);
    const r = await kpi(client);
    expect(r.statusCode).toBe(400);
    expect(r.json().title).toBe('部分欄位格式不正確。');
    expect(r.json().errors).toContainEqual({
      path: 'to',
      message: '結束日早於開始日',
      detail: '結束日早於開始日',
    });
    client.locale = 'en';
    expect((await kpi(client)).json().errors).toContainEqual({
      path: 'to',
      message: 'ends before from',
      detail: 'ends before from',
    });

    // A goal use case's own checks (past the contract): an owner who is not a member, an objective
    // the company does not have, the main target on another metric; each named by its code.
    const goal = {
      name: 'Q3',
      metric: 'revenue',
      target: { metric: 'orders', kind: 'absolute', value: 100, per: null },
      period: { start: '2030-07-01', end: '2030-09-30' },
      ownerUserId: 'nobody',
      objectiveId: 'nothing',
    };
    const byCode = (errors: FieldProblem[]) => Object.fromEntries(errors.map((e) => [e.code, e]));
    client.locale = 'zh-TW';
    const zh = await client.post(`/api/companies/${companyId}/goals`, goal);
    expect(zh.statusCode).toBe(400);
    const zf = byCode(zh.json().errors);
    expect(zf.not_a_member).toEqual({
      path: 'ownerUserId',
      code: 'not_a_member',
      message: '這個人不是公司的成員',
      detail: '這個人不是公司的成員',
    });
    expect(zf.unknown_objective?.path).toBe('objectiveId');
    expect(zf.must_equal_metric?.path).toBe('target.metric');
    for (const e of zh.json().errors as FieldProblem[]) expect(e.message).toMatch(CJK);
    client.locale = 'en';
    const en = await client.post(`/api/companies/${companyId}/goals`, goal);
    const ef = byCode(en.json().errors);
    expect(ef.not_a_member?.message).toBe('this person is not a member of the company');
    expect(ef.must_equal_metric?.message).toBe('the main target must be on the goal’s metric');
    for (const e of en.json().errors as FieldProblem[]) expect(e.message).not.toMatch(CJK);

    // A company's catalog: an entry merged into itself.
    client.locale = 'zh-TW';
    const same = await client.post(`/api/companies/${companyId}/catalog/products/x/merge`, { intoId: 'x' });
    expect(same.statusCode).toBe(400);
    expect(same.json().errors).toEqual([
      {
        path: 'intoId',
        code: 'same_entry',
        message: '不能把項目合併到它自己',
        detail: '不能把項目合併到它自己',
      },
    ]);
  });

  it('a plan’s field problems (a cell not in the split, locks above the target) by code, with their values', async () => {
    const { client, companyId } = await signUp(h.app, 'Plan');
    const created = await client.post(`/api/companies/${companyId}/goals`, {
      name: '2027 年營收',
      metric: 'revenue',
      target: { metric: 'revenue', kind: 'absolute', value: 1000, per: null },
      period: { start: '2027-01-01', end: '2027-12-31' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const plans = `/api/companies/${companyId}/plans/${created.json().id}`;
    const manual = (c: typeof client) =>
      c.post(`${plans}/split`, {
        into: 'quarter',
        method: 'manual',
        dryRun: true,
        cells: [{ periodId: '2027-Q9', member: null, target: 10 }],
      });
    client.locale = 'zh-TW';
    const zh = await manual(client);
    expect(zh.statusCode).toBe(422);
    expect(zh.json().errors).toEqual([
      {
        path: 'cells',
        code: 'unknown_cell',
        message: '「2027-Q9」不是這次拆解的階段目標之一',
        detail: '「2027-Q9」不是這次拆解的階段目標之一',
        params: { cell: '2027-Q9' },
      },
    ]);
    client.locale = 'en';
    expect((await manual(client)).json().errors[0]).toMatchObject({
      code: 'unknown_cell',
      message: '“2027-Q9” is not one of this split’s phase goals',
    });

    const split = await client.post(`${plans}/split`, { into: 'quarter', method: 'equal' });
    expect(split.statusCode, split.body).toBe(200);
    const [q1] = split.json().children as { id: string }[];
    const tooMuch = (c: typeof client) =>
      c.patch(`${plans}/children/${q1?.id}`, { target: 1500.5, reason: '測試' });
    client.locale = 'zh-TW';
    const zl = await tooMuch(client);
    expect(zl.statusCode).toBe(422);
    // The amounts in the goal's units (NT$), as the user typed them, not in cents.
    expect(zl.json().errors).toEqual([
      {
        path: 'locked',
        code: 'locks_exceed_target',
        message: '鎖定的階段目標合計 1,500.5,超過目標 1,000 可分配的數額',
        detail: '鎖定的階段目標合計 1,500.5,超過目標 1,000 可分配的數額',
        params: { locked: 1500.5, target: 1000 },
      },
    ]);
    client.locale = 'en';
    expect((await tooMuch(client)).json().errors[0]).toMatchObject({
      code: 'locks_exceed_target',
      message: 'the locked phase goals add up to 1,500.5, more than the target 1,000 allows',
    });
  });

  it('an import’s field problems (no file, not multipart, a mapping the file cannot take) by code', async () => {
    const { client, companyId } = await signUp(h.app, 'Import');
    const uploads = `/api/companies/${companyId}/imports/uploads`;
    for (const [locale, message] of [
      ['zh-TW', '請以 multipart/form-data 格式上傳檔案'],
      ['en', 'send the file as a multipart/form-data upload'],
    ] as const) {
      client.locale = locale;
      const r = await client.post(uploads, { file: 'x' });
      expect(r.statusCode).toBe(400);
      expect(r.json().errors).toEqual([
        { path: 'file', code: 'multipart_required', message, detail: message },
      ]);
    }
    // A multipart form without a file in it.
    const boundary = '----pacerNoFile';
    const noFile = (locale: string) =>
      h.app.inject({
        method: 'POST',
        url: uploads,
        headers: {
          'accept-language': locale,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          cookie: client.cookie ?? '',
          'x-csrf-token': client.csrf ?? '',
        },
        payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`,
      });
    const zf = await noFile('zh-TW');
    expect(zf.statusCode, zf.body).toBe(400);
    expect(zf.json().errors).toEqual([
      { path: 'file', code: 'file_required', message: '請選擇要上傳的檔案', detail: '請選擇要上傳的檔案' },
    ]);
    expect((await noFile('en')).json().errors[0]).toMatchObject({
      code: 'file_required',
      message: 'choose a file to upload',
    });

    const up = await client.upload(uploads, 'sales.csv', '日期,金額,品名\n2024-03-01,100,拿鐵\n');
    expect(up.statusCode, up.body).toBe(201);
    const preview = (c: typeof client) =>
      c.post(`/api/companies/${companyId}/imports/preview`, {
        uploadId: up.json().uploadId,
        kind: 'sales',
        mapping: { date: 0, amount: 1, product: 1, colour: 2, quantity: 7 },
      });
    client.locale = 'zh-TW';
    const zm = await preview(client);
    expect(zm.statusCode, zm.body).toBe(400);
    const byCode = Object.fromEntries((zm.json().errors as FieldProblem[]).map((e) => [e.code, e]));
    expect(byCode.unknown_field).toMatchObject({ path: 'mapping.colour', message: '這類匯入沒有這個欄位' });
    expect(byCode.column_out_of_range).toMatchObject({
      path: 'mapping.quantity',
      message: '檔案中沒有這一欄',
    });
    // Amount and product on one column: the later field is named.
    expect(byCode.column_mapped_twice?.message).toBe('這一欄已經對應到另一個欄位');
    for (const e of zm.json().errors as FieldProblem[]) expect(e.detail).toBe(e.message);
    client.locale = 'en';
    const em = (await preview(client)).json().errors as FieldProblem[];
    expect(em.map((e) => [e.code, e.message]).sort()).toEqual([
      ['column_mapped_twice', 'this column is already given to another field'],
      ['column_out_of_range', 'the file has no such column'],
      ['unknown_field', 'this kind of import has no such field'],
    ]);
  });
});
