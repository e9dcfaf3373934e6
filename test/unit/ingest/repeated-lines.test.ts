import { describe, expect, it } from 'vitest';
import { lineList, repeatedLinesMessage, repeatKind } from '../../../src/core/ingest/repeated-lines.ts';
import { repeatKey } from '../../../src/web/features/imports/imports-api.ts';

describe('repeated lines: the sentences of the CLI and the API', () => {
  it('says nothing for none, one line in the singular, many with the first lines and an ellipsis', () => {
    expect(repeatedLinesMessage('lines', { count: 0, lines: [] }, 'en')).toBe('');
    expect(repeatedLinesMessage('lines', { count: 1, lines: [7] }, 'en')).toBe(
      '1 line repeats an earlier line of the file exactly, order ID included (line 7); it counts as a sale of its own. If the file repeats rows by mistake, undo this import and fix the file.',
    );
    expect(repeatedLinesMessage('lines', { count: 1200, lines: [57, 58] }, 'zh-TW')).toBe(
      '有 1,200 筆明細與檔案中較早的一筆完全相同（訂單編號也相同；第 57、58… 行），已各自算作一筆銷售；若檔案誤將資料重複，請復原這次匯入並修正檔案。',
    );
    expect(repeatedLinesMessage('keys', { count: 2, lines: [4, 9] }, 'en')).toBe(
      '2 lines have the order ID and line number of an earlier line of the file (lines 4, 9); only the earlier lines were imported. If they are other sales, fix their line numbers in the file and import it again.',
    );
  });

  it('on an import that added nothing (a re-import), points to the earlier import that added the repeats', () => {
    expect(repeatedLinesMessage('lines', { count: 2, lines: [12, 13] }, 'en', true)).toBe(
      '2 lines repeat an earlier line of the file exactly, order ID included (lines 12, 13); each counts as a sale of its own. If the file repeats rows by mistake, undo the earlier import that added them (see the import history) and fix the file.',
    );
    expect(repeatedLinesMessage('lines', { count: 2, lines: [12, 13] }, 'zh-TW', true)).toMatch(
      /若檔案誤將資料重複，請在匯入紀錄中復原先前加入它們的那次匯入，並修正檔案。$/,
    );
    // Repeated keys were never added: their advice does not depend on it.
    expect(repeatedLinesMessage('keys', { count: 1, lines: [4] }, 'en', true)).toBe(
      repeatedLinesMessage('keys', { count: 1, lines: [4] }, 'en'),
    );
  });

  it('survey responses: repeats of the file imported once (a pasted export does not double), and those imported before', () => {
    expect(repeatKind('satisfaction', 'keys')).toBe('responses');
    expect(repeatKind('sales', 'keys')).toBe('keys');
    expect(repeatedLinesMessage('responses', { count: 2, lines: [7, 8] }, 'en')).toBe(
      '2 responses repeat an earlier response of the file (the same response ID or, without one, the same date, customer, channel, scores and comment; lines 7, 8); only the earlier ones were imported, so a survey export pasted twice does not count twice. If they are other people’s answers, give each response an ID: undo this import and fix the file.',
    );
    expect(repeatedLinesMessage('responses', { count: 1, lines: [7] }, 'zh-TW', true)).toBe(
      '有 1 筆回覆與檔案中較早的一筆相同（回覆編號相同，或沒有編號時日期、客戶、通路、分數與意見都相同；第 7 行），只匯入了較早的那筆，同一份問卷重複貼上不會讓回覆數加倍；若它是另一位顧客的回覆，需為每筆回覆加上回覆編號：請在匯入紀錄中復原先前加入它們的那次匯入，並修正檔案。',
    );
    expect(repeatedLinesMessage('responsesBefore', { count: 3, lines: [] }, 'zh-TW')).toBe(
      '有 3 筆回覆先前已匯入（回覆編號相同，或沒有編號時日期、客戶、通路、分數與意見都相同），未再加入，回覆數不會重複計算。',
    );
    // The web's keys of the same sentences.
    expect(repeatKey('satisfaction', 'repeatedKeys', 4)).toBe('imports.result.repeatedResponses');
    expect(repeatKey('satisfaction', 'repeatedKeys', 0)).toBe('imports.result.repeatedResponsesEarlier');
    expect(repeatKey('sales', 'repeatedKeys', 0)).toBe('imports.result.repeatedKeys');
    expect(repeatKey('sales', 'repeatedLines', 0)).toBe('imports.result.repeatedLinesEarlier');
    expect(repeatKey('sales', 'repeatedLines', 3)).toBe('imports.result.repeatedLines');
  });

  it('lists the lines with an ellipsis only when more repeated', () => {
    expect(lineList([57, 58], 2, 'en')).toBe('57, 58');
    expect(lineList([57, 58], 3, 'en')).toBe('57, 58, …');
    expect(lineList([57, 1058], 3, 'zh-TW')).toBe('57、1058…');
  });
});
