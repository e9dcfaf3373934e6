/**
 * The field problems use cases find (beyond what a contract checks): each named by a code, the
 * `message` of the FieldError they throw, and worded here in both languages. The contract's
 * FIELD_MESSAGES (src/contract/common.ts) holds these too, so the server and the CLI put a use case's
 * field problem in the request's language the way they word a refused request's.
 */
export const USE_CASE_FIELD_MESSAGES = {
  not_a_member: {
    en: 'this person is not a member of the company',
    'zh-TW': '這個人不是公司的成員',
  },
  unknown_objective: {
    en: 'no strategic objective of the company has this id',
    'zh-TW': '公司的策略目標中沒有這一項',
  },
  must_equal_metric: {
    en: 'the main target must be on the goal’s metric',
    'zh-TW': '主要目標必須使用目標的指標',
  },
  too_short: { en: 'at least 8 characters', 'zh-TW': '至少需要 8 個字元' },
  too_long: { en: 'at most 128 characters', 'zh-TW': '最多 128 個字元' },
  too_common: {
    en: 'this password is too common: choose a longer, less predictable one',
    'zh-TW': '這個密碼太常見,請換一個更長、更難猜的密碼',
  },
  taken: {
    en: 'this e-mail already has an account: log in instead',
    'zh-TW': '這個電子郵件已經註冊過,請直接登入',
  },
  wrong: { en: 'the current password is not correct', 'zh-TW': '目前的密碼不正確' },
  cannot_invite_role: {
    en: 'your role cannot invite someone with this role',
    'zh-TW': '您的角色不能邀請這個角色',
  },
  already_member: { en: 'this person is already a member', 'zh-TW': '這位同事已經是公司成員' },
  name_taken: {
    en: 'another entry already has this name: merge them instead',
    'zh-TW': '已有同名的項目,請改用合併',
  },
  same_entry: { en: 'an entry cannot be merged into itself', 'zh-TW': '不能把項目合併到它自己' },
} as const;
export type UseCaseFieldMessageCode = keyof typeof USE_CASE_FIELD_MESSAGES;
