import { describe, expect, it } from 'vitest';
import { lineList, repeatedLinesMessage } from '../../../src/core/ingest/repeated-lines.ts';

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

  it('lists the lines with an ellipsis only when more repeated', () => {
    expect(lineList([57, 58], 2, 'en')).toBe('57, 58');
    expect(lineList([57, 58], 3, 'en')).toBe('57, 58, …');
    expect(lineList([57, 1058], 3, 'zh-TW')).toBe('57、1058…');
  });
});
