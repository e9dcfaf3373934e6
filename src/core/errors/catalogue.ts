/**
 * The one error catalogue: a stable code, its HTTP status and its message in both languages.
 * The API answers with RFC 9457 problem+json built from these entries.
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { status: 400, en: 'Some fields are not valid.', 'zh-TW': '部分欄位格式不正確。' },
  UNAUTHENTICATED: { status: 401, en: 'Please log in.', 'zh-TW': '請先登入。' },
  INVALID_CREDENTIALS: {
    status: 401,
    en: 'The e-mail or password is not correct.',
    'zh-TW': '電子郵件或密碼不正確。',
  },
  INVALID_TOKEN: {
    status: 401,
    en: 'The API token is not valid or was revoked.',
    'zh-TW': 'API 權杖無效或已撤銷。',
  },
  CSRF_FAILED: {
    status: 403,
    en: 'The request was refused for safety (missing or wrong CSRF token). Reload the page and try again.',
    'zh-TW': '為了安全,這個請求被拒絕(CSRF 權杖缺少或不正確)。請重新整理頁面後再試。',
  },
  FORBIDDEN: {
    status: 403,
    en: 'Your role in this company does not allow this action.',
    'zh-TW': '您在此公司的角色無權執行這個動作。',
  },
  NOT_FOUND: { status: 404, en: 'Not found.', 'zh-TW': '找不到資料。' },
  COMPANY_NOT_FOUND: { status: 404, en: 'Company not found.', 'zh-TW': '找不到這家公司。' },
  MEMBER_NOT_FOUND: { status: 404, en: 'Member not found.', 'zh-TW': '找不到這位成員。' },
  INVITATION_NOT_FOUND: {
    status: 404,
    en: 'This invitation does not exist, has expired or was revoked.',
    'zh-TW': '此邀請不存在、已過期或已撤銷。',
  },
  TOKEN_NOT_FOUND: { status: 404, en: 'API token not found.', 'zh-TW': '找不到這個 API 權杖。' },
  EMAIL_TAKEN: {
    status: 409,
    en: 'An account with this e-mail already exists. Log in instead.',
    'zh-TW': '這個電子郵件已經註冊過,請直接登入。',
  },
  VERSION_CONFLICT: {
    status: 409,
    en: 'Someone else saved this in the meantime. Reload to see their changes, then save again.',
    'zh-TW': '在您編輯期間已有其他人儲存過。請重新載入查看變更後再儲存。',
  },
  ALREADY_MEMBER: { status: 409, en: 'This person is already a member.', 'zh-TW': '此人已經是成員。' },
  LAST_OWNER: {
    status: 409,
    en: 'A company needs at least one owner: make someone else owner first.',
    'zh-TW': '公司至少需要一位擁有者:請先將其他成員設為擁有者。',
  },
  INVITATION_EMAIL_MISMATCH: {
    status: 409,
    en: 'This invitation was sent to another e-mail address.',
    'zh-TW': '此邀請是寄給另一個電子郵件地址的。',
  },
  ACCOUNT_REQUIRED: {
    status: 400,
    en: 'Log in, or give your name and a password to create your account.',
    'zh-TW': '請先登入,或填寫姓名與密碼以建立帳號。',
  },
  WEAK_PASSWORD: {
    status: 400,
    en: 'This password is too common. Choose a longer, less predictable one.',
    'zh-TW': '這個密碼太常見了,請改用更長、更不易猜到的密碼。',
  },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    en: 'Too many failed attempts. Wait a few minutes and try again.',
    'zh-TW': '嘗試失敗次數過多,請稍候幾分鐘再試。',
  },
  RATE_LIMITED: { status: 429, en: 'Too many requests. Slow down.', 'zh-TW': '請求過於頻繁,請稍後再試。' },
  PAYLOAD_TOO_LARGE: { status: 413, en: 'The request is too large.', 'zh-TW': '請求內容過大。' },
  BODY_NOT_JSON: {
    status: 400,
    en: 'The request body is not valid JSON (or is empty while its Content-Type says JSON).',
    'zh-TW': '請求內容不是有效的 JSON(或標示為 JSON 卻是空的)。',
  },
  MEDIA_TYPE_UNSUPPORTED: {
    status: 415,
    en: 'The request body is of a type this address does not take: send JSON (Content-Type: application/json), or a file as multipart/form-data where a file is uploaded.',
    'zh-TW':
      '這個網址不接受此種請求內容:請送出 JSON(Content-Type: application/json),上傳檔案處則用 multipart/form-data。',
  },
  UPLOAD_NOT_FOUND: {
    status: 404,
    en: 'The uploaded file is no longer here (uploads are kept for 24 hours). Upload it again.',
    'zh-TW': '找不到上傳的檔案(上傳檔案保留 24 小時),請重新上傳。',
  },
  IMPORT_NOT_FOUND: { status: 404, en: 'Import not found.', 'zh-TW': '找不到這筆匯入紀錄。' },
  IMPORT_ALREADY_UNDONE: {
    status: 409,
    en: 'This import was already undone.',
    'zh-TW': '這筆匯入已經復原過了。',
  },
  IMPORT_FILE_TOO_LARGE: {
    status: 413,
    en: 'The file is larger than the limit of {limit}. Split it into smaller files.',
    'zh-TW': '檔案超過 {limit} 的上限,請分成較小的檔案。',
  },
  IMPORT_UNSUPPORTED_FORMAT: {
    status: 415,
    en: 'This is not a CSV, TSV or Excel (.xlsx) file. Save it as CSV or .xlsx and try again.',
    'zh-TW': '這不是 CSV、TSV 或 Excel(.xlsx)檔案。請另存為 CSV 或 .xlsx 後再試。',
  },
  IMPORT_EMPTY_FILE: {
    status: 422,
    en: 'The file has no lines to import.',
    'zh-TW': '檔案中沒有可匯入的資料列。',
  },
  IMPORT_MALFORMED: {
    status: 422,
    en: 'The file cannot be read past line {line}: {reason}',
    'zh-TW': '檔案在第 {line} 行之後無法讀取:{reason}',
  },
  IMPORT_LIMIT_EXCEEDED: {
    status: 422,
    en: 'The file exceeds a limit at line {line}: {reason}',
    'zh-TW': '檔案在第 {line} 行超過限制:{reason}',
  },
  IMPORT_MAPPING_INCOMPLETE: {
    status: 422,
    en: 'Choose a column for every required field: {fields}.',
    'zh-TW': '請為每個必填欄位選擇對應的欄:{fields}。',
  },
  IMPORT_KIND_MISMATCH: {
    status: 422,
    en: 'Nothing was imported: the columns of this file fit {kind}, not {asked}. Import it as {kind} (in the CLI: pacer import {code} <file>).',
    'zh-TW':
      '沒有匯入任何資料:這個檔案的欄位符合{kind},而不是{asked}。請改以{kind}匯入(CLI:pacer import {code} <檔案>)。',
  },
  IMPORT_STRICT_REJECTED: {
    status: 422,
    en: 'Nothing was imported: {count} lines have a problem (lines {lines}). The first, line {line}: {reason}',
    'zh-TW': '沒有匯入任何資料:有 {count} 行有問題(第 {lines} 行)。第一個問題在第 {line} 行:{reason}',
  },
  IMPORT_DATE_ORDER_UNKNOWN: {
    status: 422,
    en: 'The dates (such as {value} on line {line}) read both day-first and month-first, and nothing in the file tells which: choose the order (in the CLI, --day-first or --month-first). Nothing was imported.',
    'zh-TW':
      '日期(例如第 {line} 行的 {value})可讀成「日/月」也可讀成「月/日」,檔案中沒有任何線索:請選擇日期順序(CLI 請加 --day-first 或 --month-first)。沒有匯入任何資料。',
  },
  IMPORT_DATE_ORDER_CONFLICT: {
    status: 422,
    en: 'The file mixes date orders: line {line} ({value}) only reads day-first and line {line2} ({value2}) only month-first. Nothing was imported: correct the file.',
    'zh-TW':
      '檔案混用了兩種日期順序:第 {line} 行({value})只能是「日/月」,第 {line2} 行({value2})只能是「月/日」。沒有匯入任何資料:請修正檔案。',
  },
  IMPORT_DATE_ORDER_CONTRADICTS: {
    status: 422,
    en: 'The dates were to be read {chosenEn}, but line {line} ({value}) only reads the other way. Nothing was imported: choose the other order.',
    'zh-TW':
      '選定的日期順序是「{chosenZh}」,但第 {line} 行({value})只能以另一種順序解讀。沒有匯入任何資料:請改選另一種順序。',
  },
  IMPORT_CURRENCY_MISMATCH: {
    status: 422,
    en: 'The file’s amounts are in {file} and the company’s in {company}: nothing was imported (amounts are never relabelled as another currency). Import a file in {company}.',
    'zh-TW':
      '檔案的金額幣別是 {file},公司的幣別是 {company}:沒有匯入任何資料(金額不會被當成另一種幣別)。請匯入以 {company} 計價的檔案。',
  },
  IMPORT_CURRENCY_OFFER: {
    status: 422,
    en: 'The file’s amounts are in {file}, the company’s currency is {company}, and the company has no sales yet: set the company’s currency to {file} to import it (the wizard’s option, or --set-currency in the CLI).',
    'zh-TW':
      '檔案的金額幣別是 {file},公司的幣別是 {company},而公司還沒有任何銷售資料:要匯入這個檔案,請將公司幣別改為 {file}(精靈中的選項,或 CLI 加上 --set-currency)。',
  },
  IMPORT_CURRENCY_UNSUPPORTED: {
    status: 422,
    en: 'The file’s amounts are in {file}, a currency Pacer does not support: nothing was imported.',
    'zh-TW': '檔案的金額幣別是 {file},Pacer 尚未支援這種幣別:沒有匯入任何資料。',
  },
  IMPORT_SHEET_NOT_FOUND: {
    status: 422,
    en: 'The workbook has no sheet named {sheet}.',
    'zh-TW': '活頁簿中沒有名為「{sheet}」的工作表。',
  },
  IMPORT_DISK_FULL: {
    status: 507,
    en: 'The server’s disk is full: nothing of this import was saved. Free some space and import the file again.',
    'zh-TW': '伺服器的磁碟空間已滿:這次匯入沒有寫入任何資料。請釋出空間後再匯入一次。',
  },
  QUERY_TIMEOUT: {
    status: 503,
    en: 'This figure took too long to compute and was stopped so that the server stays responsive. Try a shorter period or fewer breakdowns, or try again in a moment.',
    'zh-TW': '這項數據計算太久,為了讓伺服器維持回應已被中止。請縮短期間或減少細分後再試,或稍後再試一次。',
  },
  IMPORT_DATABASE_BUSY: {
    status: 503,
    en: 'The database is busy with another write: nothing of this import was saved. Try again in a moment.',
    'zh-TW': '資料庫正在處理另一項寫入:這次匯入沒有寫入任何資料。請稍後再試一次。',
  },
  DATA_READ_ONLY: {
    status: 503,
    en: 'Pacer cannot write its data at {location} (read-only folder or file). Give the user running Pacer write access to the data folder and its files (or choose another folder with --data), then start again.',
    'zh-TW':
      'Pacer 無法寫入資料({location} 為唯讀的資料夾或檔案)。請讓執行 Pacer 的使用者擁有資料夾及其中檔案的寫入權限(或以 --data 改用其他資料夾),再重新啟動。',
  },
  GOAL_NOT_FOUND: { status: 404, en: 'Goal not found.', 'zh-TW': '找不到這個目標。' },
  DIMENSION_NOT_FOUND: { status: 404, en: 'Not found.', 'zh-TW': '找不到這個項目。' },
  DIMENSION_NAME_TAKEN: {
    status: 409,
    en: 'Another entry already has this name: merge them instead.',
    'zh-TW': '已有同名的項目,請改用合併。',
  },
  PLAN_LOCKS_EXCEED_TARGET: {
    status: 422,
    en: 'The locked cells add up to {locked}, more than the target {target} allows: unlock a cell or change the target.',
    'zh-TW': '鎖定的項目合計 {locked},超過目標 {target} 可分配的數額:請解除一項鎖定或調整目標。',
  },
  PLAN_TARGET_UNKNOWN: {
    status: 422,
    en: 'This goal’s target cannot be turned into a total to split (a change with no history to apply it to): give an absolute target first.',
    'zh-TW': '這個目標無法換算成可分配的總數(變動幅度沒有可依據的歷史資料):請先設定絕對數值的目標。',
  },
  PLAN_CANNOT_SPLIT: {
    status: 422,
    en: 'This goal cannot be split that way: {reason}',
    'zh-TW': '無法以這種方式拆解這個目標:{reasonZh}',
  },
  PLAN_NOT_SPLIT: {
    status: 409,
    en: 'This goal has no phase goals by period yet: split it first.',
    'zh-TW': '這個目標尚未依期間拆解成階段目標:請先拆解。',
  },
  PLAN_COUNT_NOT_REPLANNED: {
    status: 422,
    en: 'This goal’s metric is counted once over its whole period (customers, CLV, revenue per rep): its phase goals overlap, so a shortfall in the closed ones says nothing of what the others need. Change the phase goals’ targets instead.',
    'zh-TW':
      '這個目標的指標在整段期間內只計算一次(客戶數、客戶終身價值、每位業務營收):各階段目標彼此重疊,已結束階段的差距無法推算其餘階段需要的數值。請直接修改各階段目標。',
  },
  PLAN_DATA_BEHIND: {
    status: 409,
    en: 'The sales data ends on {lastSale}, before the closed periods end ({closedThrough}): import the sales up to then before re-planning, or the missing days would count as no sales.',
    'zh-TW':
      '銷售資料只到 {lastSale},早於已結束的期間({closedThrough}):請先匯入到那天為止的銷售資料再重新規劃,否則缺少的日子會被當成沒有銷售。',
  },
  INTERNAL: {
    status: 500,
    en: 'Something went wrong on our side. Your data is safe; please try again.',
    'zh-TW': '系統發生錯誤。您的資料安全無虞,請再試一次。',
  },
} as const satisfies Record<string, { status: number; en: string; 'zh-TW': string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
export type MessageLocale = 'zh-TW' | 'en';

/** The message of a code in a language, with `{name}` placeholders filled from `params`. */
export function errorMessage(
  code: ErrorCode,
  locale: MessageLocale,
  params?: Readonly<Record<string, string | number>>,
): string {
  const text: string = ERROR_CATALOGUE[code][locale];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export function errorStatus(code: ErrorCode): number {
  return ERROR_CATALOGUE[code].status;
}
