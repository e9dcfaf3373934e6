/**
 * The field problems use cases find (beyond what a contract checks): each named by a code, the
 * `message` of the FieldError they throw, and worded here in both languages; a `{name}` in a wording
 * is filled from the FieldError's `params` (a cell, an amount). The contract's FIELD_MESSAGES
 * (src/contract/common.ts) holds these too, so the server and the CLI put a use case's field problem
 * in the request's language the way they word a refused request's.
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
  /** A manual split's cell that is none of the split's phase goals (core/plan/split.ts). */
  unknown_cell: {
    en: '“{cell}” is not one of this split’s phase goals',
    'zh-TW': '「{cell}」不是這次拆解的階段目標之一',
  },
  /** Locked phase goals that leave the others less than nothing (core/plan/allocate.ts). */
  locks_exceed_target: {
    en: 'the locked phase goals add up to {locked}, more than the target {target} allows',
    'zh-TW': '鎖定的階段目標合計 {locked},超過目標 {target} 可分配的數額',
  },
  /** A split by a dimension the goal's metric cannot be read by (app/plan/split-goal.ts). */
  split_dimension_unreadable: {
    en: 'this goal’s metric cannot be broken down by this dimension',
    'zh-TW': '這個目標的指標無法依這個維度拆分',
  },
  /** A split by a dimension of which the data has no member (app/plan/split-goal.ts). */
  split_no_members: {
    en: 'your data has no members of this dimension to split among',
    'zh-TW': '資料中沒有這個維度的任何項目可以拆分',
  },
  /**
   * A split of a count over the whole period (customers, CLV, revenue per rep) whose phases' last
   * year the data does not hold whole (app/plan/split-goal.ts; core/plan/split.ts countLevels).
   */
  split_count_needs_history: {
    en: 'this metric is counted over the whole period, not summed over its phases: each phase’s target follows from its own last year, which your data does not hold whole for every phase; type each phase goal’s target (manual split)',
    'zh-TW':
      '這個指標是就整段期間計算,不是各階段相加:各階段的目標須由它自己的去年同期推算,但您的資料並未完整涵蓋每個階段的去年同期;請改用手動拆解,輸入各階段目標',
  },
  /** An upload with no file in it (app/import). */
  file_required: { en: 'choose a file to upload', 'zh-TW': '請選擇要上傳的檔案' },
  /** An upload that is not multipart/form-data (the imports route). */
  multipart_required: {
    en: 'send the file as a multipart/form-data upload',
    'zh-TW': '請以 multipart/form-data 格式上傳檔案',
  },
  /** A mapping's field that the kind of import does not have (app/import/mapping.ts). */
  unknown_field: { en: 'this kind of import has no such field', 'zh-TW': '這類匯入沒有這個欄位' },
  /** A mapping's column past the file's last column (core/ingest/validate-mapping.ts). */
  column_out_of_range: { en: 'the file has no such column', 'zh-TW': '檔案中沒有這一欄' },
  /** One column given to two fields (core/ingest/validate-mapping.ts). */
  column_mapped_twice: {
    en: 'this column is already given to another field',
    'zh-TW': '這一欄已經對應到另一個欄位',
  },
  /** A whole order's amount (a Subtotal, a Total) given to a line's field (app/import/run-import.ts). */
  order_level_column: {
    en: 'this column holds the whole order’s amount (such as its total): it cannot fill a line’s amount, price, discount or quantity',
    'zh-TW': '這一欄是整筆訂單的金額(例如訂單總計),不能當作品項的金額、單價、折扣或數量',
  },
} as const;
export type UseCaseFieldMessageCode = keyof typeof USE_CASE_FIELD_MESSAGES;
