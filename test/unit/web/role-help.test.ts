import { describe, expect, it } from 'vitest';
import { can, ROLES } from '../../../src/core/access/permissions.ts';
import en from '../../../src/web/i18n/en.json';
import zhTW from '../../../src/web/i18n/zh-TW.json';

/** The role descriptions shown on the team page and in invitations describe what each role can do now. */
describe('role help text', () => {
  const texts = [
    ['zh-TW', zhTW.roleHelp, { later: /之後|將來|未來/, goals: /目標/, import: /匯入資料/ }],
    ['en', en.roleHelp, { later: /\blater\b|\bsoon\b|\bwill\b/i, goals: /goals/i, import: /import data/i }],
  ] as const;

  it.each(texts)('%s promises nothing that does not exist yet', (_lang, help, words) => {
    for (const role of ROLES) expect(help[role], role).not.toMatch(words.later);
  });

  it.each(texts)('%s names goals and imports for the roles that may do them', (_lang, help, words) => {
    for (const role of ['manager', 'member'] as const) {
      expect(can(role, 'goals.write')).toBe(true);
      expect(help[role], role).toMatch(words.goals);
    }
    expect(can('manager', 'data.import')).toBe(true);
    expect(help.manager).toMatch(words.import);
    expect(can('member', 'data.import')).toBe(false);
  });

  it.each(texts)(
    '%s does not name the role again before its help (the label is shown beside it)',
    (_lang, help) => {
      for (const role of ROLES) expect(help[role], role).not.toMatch(/^[^,，;；。.]{1,16}[:：]/);
    },
  );
});
