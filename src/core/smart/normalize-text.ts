/**
 * Normalises a goal statement character by character, so that every index of the normalised text
 * is the index of the same character in the original (spans found in one are cut from the other):
 * full-width forms to ASCII, simplified Chinese to traditional for the words the reader knows,
 * variant characters (臺 → 台, 周 → 週) to one spelling.
 */

const SIMPLIFIED =
  '销额个内过达单将营业长实现户获费转购会员场满广线网门为与让从万亿两们产务质标计划节庆国际华东区岛湾后还这联络电邮视频书报价层级终复数据绩点笔块吨礼饮鲜铁团买卖货运动开发时间岁领导专项顾双圣诞儿亲农历关键问询优举办讨论统览传体验软订阅车经约较减总该确预变带来潜积极认识试续签赢帮轻职学银机构医诊药妆养护肤饰装宠饼奖励诚热组档冲资荐净乐园仓库觉众齐闻赛说读写课师环闰宝凤阳阴结奋猫舰册种轮贝钱账号码图纪录状态势参规则观换针对厅馆饭汤鸡鱼虾练训设队帐输递红苏宁脑页击访润县镇乡亚欧韩马宾龄妈饲疗齿镜维险贷证楼盘备厂连锁铺柜讲样兑竞战执调扩缩创测给于并几余张颗条辆头丝载启闭评诉处响紧够赶汇丰盖纳粮蜡烛灯艺术绿鲁盐酱罗丽泽财黄进触汉压类选赠协渗纯阶审稳称简筹';
const TRADITIONAL =
  '銷額個內過達單將營業長實現戶獲費轉購會員場滿廣線網門為與讓從萬億兩們產務質標計劃節慶國際華東區島灣後還這聯絡電郵視頻書報價層級終復數據績點筆塊噸禮飲鮮鐵團買賣貨運動開發時間歲領導專項顧雙聖誕兒親農曆關鍵問詢優舉辦討論統覽傳體驗軟訂閱車經約較減總該確預變帶來潛積極認識試續簽贏幫輕職學銀機構醫診藥妝養護膚飾裝寵餅獎勵誠熱組檔衝資薦淨樂園倉庫覺眾齊聞賽說讀寫課師環閏寶鳳陽陰結奮貓艦冊種輪貝錢賬號碼圖紀錄狀態勢參規則觀換針對廳館飯湯雞魚蝦練訓設隊帳輸遞紅蘇寧腦頁擊訪潤縣鎮鄉亞歐韓馬賓齡媽飼療齒鏡維險貸證樓盤備廠連鎖鋪櫃講樣兌競戰執調擴縮創測給於並幾餘張顆條輛頭絲載啟閉評訴處響緊夠趕匯豐蓋納糧蠟燭燈藝術綠魯鹽醬羅麗澤財黃進觸漢壓類選贈協滲純階審穩稱簡籌';

const VARIANTS: Record<string, string> = { 臺: '台', 周: '週', 佔: '占', 纔: '才', 裏: '裡', 羣: '群' };

function buildCharMap(): Map<string, string> {
  const map = new Map<string, string>();
  const from = Array.from(SIMPLIFIED);
  const to = Array.from(TRADITIONAL);
  from.forEach((ch, i) => {
    const t = to[i];
    if (t !== undefined && t !== ch) map.set(ch, t);
  });
  for (const [k, v] of Object.entries(VARIANTS)) map.set(k, v);
  return map;
}

const CHAR_MAP = buildCharMap();

/** Maps one UTF-16 unit to one UTF-16 unit (full-width ASCII, ideographic space, known variants). */
function normalizeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000) return ' ';
  if (ch === '、' || ch === '，') return ',';
  if (ch === '；') return ';';
  if (ch === '：') return ':';
  if (ch === '～' || ch === '〜' || ch === '–' || ch === '—') return '-';
  if (ch === '“' || ch === '”' || ch === '„') return '"';
  if (ch === '‘' || ch === '’') return "'";
  return CHAR_MAP.get(ch) ?? ch;
}

/**
 * Hong Kong's written Cantonese, each word to the standard written word of the same length (the
 * indexes stay in place): 「今個月」 this month, 「今季」 this quarter, 「出年」 next year, 「首季」 the first
 * quarter, 「年尾」 the end of the year, 「舊年」 last year, 「剩低」 left, 「做咗」 did, 「嘅」 of, 「係」 is.
 */
const CANTONESE: ReadonlyArray<readonly [RegExp, string]> = [
  [/今個月|呢個月/g, '這個月'],
  [/今個(星期|禮拜)|呢個(星期|禮拜)/g, '這個$1$2'],
  [/呢個季度|今個季度/g, '這個季度'],
  [/今個季|呢個季/g, '這個季'],
  [/今季|呢季/g, '本季'],
  [/今個年度|呢個年度/g, '這個年度'],
  [/出年|下年(?!度)/g, '明年'],
  [/舊年/g, '去年'],
  [/剩低/g, '剩下'],
  [/做咗/g, '做了'],
  [/首季/g, 'Q1'],
  [/尾季/g, 'Q4'],
  [/年尾/g, '年底'],
  [/月尾/g, '月底'],
  [/嘅/g, '的'],
  [/(?<![關聯維體])係/g, '是'],
];

/** Returns a string of the same length as `text`, each unit normalised in place. */
export function normalizeText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += normalizeChar(text.charAt(i));
  for (const [re, to] of CANTONESE) out = out.replace(re, to);
  return out;
}

/** True when the statement is mostly written in Chinese. */
export function detectChinese(text: string): boolean {
  return /[\u4e00-\u9fff]/.test(text);
}
