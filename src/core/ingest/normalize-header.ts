/** Simplified → traditional for the characters that occur in sales, marketing and survey headers. */
const S2T_PAIRS =
  '数數单單价價额額订訂号號码碼编編产產称稱类類别別户戶员員业業务務区區销銷动動优優计計总總会會点點击擊访訪费費广廣论論间間时時门門币幣级級龄齡层層线線货貨实實应應经經项項细細阶階潜潛机機览覽现現这這个個际際头頭条條构構据據发發票票顾顧客客满滿荐薦评評问問卷卷复復选選录錄标標题題状狀态態来來源源渠渠店店铺鋪网網页頁关關键鍵词詞转轉换換购購买買卖賣车車库庫存存仓倉储儲运運营營负負责責营營账賬帐帳结結资資询詢览覽导導报報表表创創建建记記备備预預触觸邮郵统統注註'.match(
    /../gu,
  ) ?? [];

const S2T = new Map<string, string>();
for (const pair of S2T_PAIRS) {
  const chars = Array.from(pair);
  if (chars.length === 2 && chars[0] !== chars[1]) S2T.set(chars[0]!, chars[1]!);
}

/**
 * The comparison form of a header: NFKC (full-width → ASCII), lower case, simplified → traditional,
 * without spaces, punctuation or symbols. 「訂單 編號」, 「订单编号」, 'Order_ID' → 「訂單編號」, 'orderid'.
 */
export function normalizeHeader(raw: string): string {
  const s = raw.length > 200 ? raw.slice(0, 200) : raw;
  let out = '';
  for (const ch of s.normalize('NFKC').toLowerCase()) {
    const c = ch.codePointAt(0)!;
    if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122)) out += ch;
    else if (c < 128) continue;
    else if (/[\p{L}\p{N}]/u.test(ch)) out += S2T.get(ch) ?? ch;
  }
  return out;
}
