import { describe, expect, it } from 'vitest';
import { argvLang, commanderErrorZh, localizeCommanderError } from '../../../src/cli/commander-errors.ts';

describe("commander's parse errors in the command's language", () => {
  it('words each of commander’s messages in zh-TW, with its suggestion', () => {
    expect(commanderErrorZh("error: unknown option '--bogus'")).toBe('錯誤:不認得的選項 --bogus');
    expect(commanderErrorZh("error: unknown command 'lst'\n(Did you mean list?)")).toBe(
      '錯誤:沒有 lst 這個指令(是否要輸入 list?)',
    );
    expect(commanderErrorZh("error: unknown option '--dat'\n(Did you mean one of --data, --date?)")).toBe(
      '錯誤:不認得的選項 --dat(是否要輸入 --data、--date?)',
    );
    expect(commanderErrorZh("error: missing required argument 'file'")).toBe('錯誤:缺少必要的參數 file');
    expect(commanderErrorZh("error: option '--data <dir>' argument missing")).toBe(
      '錯誤:選項 --data <dir> 缺少值',
    );
    expect(commanderErrorZh("error: required option '--from <date>' not specified")).toBe(
      '錯誤:缺少必要的選項 --from <date>',
    );
    expect(commanderErrorZh("error: too many arguments for 'list'. Expected 0 arguments but got 1.")).toBe(
      '錯誤:參數太多:應有 0 個,收到 1 個',
    );
    expect(commanderErrorZh('error: something new')).toBeNull();
  });

  it('prints one language when chosen, both (zh-TW first) when not, and anything unknown as it is', () => {
    const str = "error: unknown option '--bogus'\n";
    expect(localizeCommanderError(str, 'en')).toBe(str);
    expect(localizeCommanderError(str, 'zh-TW')).toBe('錯誤:不認得的選項 --bogus\n');
    expect(localizeCommanderError(str, null)).toBe(`錯誤:不認得的選項 --bogus\n${str}`);
    expect(localizeCommanderError('error: something new\n', 'zh-TW')).toBe('error: something new\n');
  });

  it('reads --lang from the arguments (commander fails before the options are recorded)', () => {
    const env = process.env.PACER_LANG;
    delete process.env.PACER_LANG;
    try {
      expect(argvLang(['node', 'pacer', 'goal', 'list', '--lang', 'en', '--bogus'])).toBe('en');
      expect(argvLang(['node', 'pacer', '--lang=zh-TW', 'goal'])).toBe('zh-TW');
      expect(argvLang(['node', 'pacer', 'goal', 'list'])).toBeNull();
      process.env.PACER_LANG = 'en';
      expect(argvLang(['node', 'pacer', 'goal', 'list'])).toBe('en');
    } finally {
      if (env === undefined) delete process.env.PACER_LANG;
      else process.env.PACER_LANG = env;
    }
  });
});
