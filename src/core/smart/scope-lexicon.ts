/**
 * Words that name channels, regions and customer segments, in zh-TW (zh-CN normalised to it) and
 * English. Each is a regular expression; the reader keeps the words as written.
 */

const en = (words: string): string => `(?<![A-Za-z])(?:${words})(?![A-Za-z])`;

const CHANNEL_ZH = [
  '(?:線上|網路|數位|付費|社群|關鍵字|搜尋|影音|[A-Za-z]+\\s?)?廣告(?:投放)?',
  '(?:官方)?(?:網站|官網|網店|網路商店|線上商店|線上商城|網路商城|購物網站|網購)',
  '電商(?:平台|網站|通路)?',
  '(?:線上|網路|實體|虛擬|線下)(?=銷售|業績|營收|訂單|通路|管道|渠道|門市|商店|店|營業額|銷量|轉換率|轉化率|客單價|收入|新客|客戶|顧客|會員|流量|預購|回購)',
  '(?:線上|網路|實體|電商|零售|批發|經銷|直營|加盟|新|海外)?(?:通路|管道|渠道)',
  '蝦皮(?:購物|商城)?|momo(?:購物網|館)?|PChome(?:24h)?|Yahoo(?:奇摩)?(?:購物中心|拍賣)?|樂天(?:市場)?|博客來|露天(?:拍賣)?|亞馬遜|淘寶|天貓|京東',
  '抖音(?:直播間|小店|商城)?|快手(?:直播間|小店)?|小紅書|拼多多|視頻號|微信(?:小程序|小程式|商城)?|微博|美團|餓了麼|唯品會|得物',
  en(
    'Shopee|Lazada|HKTVmall|Uber ?Eats|foodpanda|Shopline|91APP|Pinkoi|Amazon|Facebook|FB|Instagram|IG|YouTube|TikTok|WeChat|Threads|Dcard|Google(?: Ads)?|KOL|EDM|SMS|SEO|App|APP',
  ),
  '7-?11|7-ELEVEN|7-Eleven|小七|統一超商|全家(?:便利商店)?(?!人)|萊爾富|OK超商|全聯|家樂福|好市多|Costco|大潤發|屈臣氏|康是美|寶雅|誠品|新光三越|遠百|微風|SOGO|百貨專櫃',
  '抖音|小紅書|微信|社群(?:媒體|平台|行銷|經營)?|粉絲專頁|粉專|直播(?:帶貨|銷售|拍賣)?|團購|網紅|部落客|聯盟行銷|口碑行銷',
  '電子郵件(?:行銷)?|電子報|簡訊(?:行銷)?',
  '(?:實體|直營|加盟|旗艦|快閃)?(?:門市|店面|分店|店鋪|專賣店|旗艦店|快閃店|門店|實體店|舖頭|分舖|店舖|舖(?!設|位))|(?:加盟|直營|連鎖|實體|旗艦)店',
  '百貨(?:公司)?(?:專櫃)?|專櫃|超商|便利商店|量販店|超市|賣場|市集|電視購物|型錄|電話行銷|外送(?:平台)?|外賣(?:平台)?|外帶|內用|自取',
  '(?:線上)?研討會|講座|說明會|體驗會|試吃會|快閃活動|經銷商|代理商|通路商|批發商|零售商|加盟主|經銷|批發|展覽|展會|商展|搜尋引擎(?:最佳化|優化)?|應用程式',
];

const CHANNEL_EN = en(
  [
    'online (?:store|shop|channel|sales|ads|advertising|marketplace)s?',
    'e-?commerce(?: site| platform| store| channel)?',
    'websites?|web ?shops?|webstores?|official site',
    '(?:retail |physical |brick-and-mortar |flagship |pop-up |offline )?(?:stores?|shops?|outlets?)',
    'in-store|branch(?:es)?',
    'social media(?: ads| marketing)?',
    'facebook(?: ads)?|instagram(?: ads)?|youtube|tiktok|whatsapp|wechat',
    'e-?mail(?: marketing| campaigns?)?|newsletters?|edm|sms',
    'distributors?|resellers?|dealers?|wholesalers?|wholesale|retailers?|retail channels?',
    'marketplaces?|shopee|amazon|momo|lazada|hktvmall|uber ?eats|foodpanda|deliveroo|shopify(?: store)?|woocommerce|etsy|rakuten|zalora|carousell',
    '(?:mobile )?apps?',
    'google ads|linkedin(?: ads)?|twitter|pinterest|(?:[a-z]+ )?(?:ads|advertising)',
    'online|offline',
    'webinars?|seminars?|workshops?|pop-up events?|direct sales|telesales|trade shows?|exhibitions?|kols?|influencers?|affiliates?|live ?stream(?:ing)?|seo',
  ].join('|'),
);

export const CHANNEL_RE = new RegExp(`${CHANNEL_ZH.join('|')}|${CHANNEL_EN}`, 'gi');

/** LINE, the messaging app: upper case only (not "product line"). */
export const CHANNEL_LINE_RE = /(?<![A-Za-z])LINE(?:官方帳號|官方帳戶|@| official account| OA)?(?![A-Za-z])/g;

/** 台 starting a place name, but not 平台/櫃台/舞台/後台 (platform, counter, stage, back end). */
const TAI = '(?<![平櫃舞後前吧電站月陽講])';

const REGION_ZH = [
  '(?:華東|華南|華北|華中|西南|東北|西北|東南)(?:地區|區域|市場)?|(?:北|中|南|東|西)部(?:地區)?|(?<![\\u4e00-\\u9fff])(?:北|中|南|東|西)區(?![域隔])|[北中南東]台灣|北北基|雙北|大台北|全台(?:灣)?|全省|全國|全港|全島|離島|海外|國外|國內',
  `${TAI}(?:台北|台中|台南|台東|台灣)(?:市|縣|地區|市場)?`,
  '新北(?:市)?|基隆(?:市)?|桃園(?:市)?|新竹(?:市|縣)?|苗栗(?:縣)?|彰化(?:縣)?|南投(?:縣)?|雲林(?:縣)?|嘉義(?:市|縣)?|高雄(?:市)?|屏東(?:縣)?|宜蘭(?:縣)?|花蓮(?:縣)?|澎湖|金門|馬祖',
  '香港|港島|九龍|新界|澳門|中國大陸|大陸|內地|中國|上海|北京|深圳|廣州|大灣區|日本|韓國|東南亞|新加坡|馬來西亞|越南|泰國|菲律賓|印尼|美國|北美|歐洲|亞洲|亞太|中東',
  '信義區|大安區|中山區|內湖|板橋|新莊|中壢|竹北|西門町|東區|林口|三重|永和|中和|淡水|天母|士林|北投|南港|頭份|鳳山|左營|逢甲|一中商圈',
  // Hong Kong's districts and towns.
  '銅鑼灣|旺角|尖沙咀|中環|金鐘|上環|西環|灣仔|北角|鰂魚涌|太古|筲箕灣|柴灣|香港仔|赤柱|油麻地|佐敦|深水埗|長沙灣|荔枝角|九龍城|九龍灣|紅磡|何文田|黃大仙|觀塘|將軍澳|西貢|沙田|大圍|馬鞍山|大埔|上水|粉嶺|元朗|天水圍|屯門|荃灣|葵涌|青衣|東涌|大嶼山|離島區',
];

const REGION_EN = en(
  [
    '(?:northern|southern|central|eastern|western) (?:taiwan|hong kong|region)',
    'taipei|new taipei|taichung|tainan|kaohsiung|hsinchu|taoyuan|keelung|taiwan|hong kong(?: island)?|kowloon(?: (?:east|west|city|bay))?|new territories|macau|macao',
    'mong ?kok|tsim sha tsui|causeway bay|admiralty|wan ?chai|sheung wan|north point|quarry bay|taikoo|sha ?tin|tsuen wan|kwun tong|tseung kwan o|sai kung|tuen mun|yuen long|tai po|tung chung|lantau|yau ma tei|sham shui po|hung hom|kwai chung|ma on shan|fanling|sheung shui|tin shui wai',
    'singapore|malaysia|japan|korea|china|mainland china|southeast asia|apac|asia pacific|asia|europe|north america|the us|usa|the uk|vietnam|thailand|philippines|indonesia',
    'overseas|international markets?|domestic market|the (?:north|south|east|west) region',
  ].join('|'),
);

export const REGION_RE = new RegExp(
  `(?:${REGION_ZH.join('|')})(?:地區|區域|市場|一帶|商圈|以南|以北|以東|以西)?|${REGION_EN}`,
  'gi',
);

const SEGMENT_ZH = [
  '(?<![新位名個])(?:VIP|vip|白金|金卡|付費)會員|(?<![新位名個])會員(?!數|人數|制|卡|計畫|計劃|方案|日)',
  '(?:企業|公司|法人|B2B|B2C|大型|中小型|機構|團體|批發|零售|VIP|vip|重要|大|核心|忠實|高端|高價值|高消費|海外|外國|國際)(?:客戶|客群|顧客|買家)',
  // 「餐飲業客戶」, 「製造業客群」: the customers of an industry.
  '(?:餐飲|零售|製造|科技|服務|金融|營建|建築|物流|醫療|美容|美髮|旅遊|觀光|教育|農|漁|電子|傳產|汽車|食品|飯店|旅宿|健身|印刷|貿易|運輸|保險|不動產|房仲|工)業(?:客戶|客群|顧客|買家)',
  '前\\d{1,3}大(?:客戶|經銷商|買家)|中小企業|新創(?:公司|企業)?|企業主|(?:連鎖)?(?:店家|餐廳|咖啡廳|診所|醫院|學校|補習班)',
  '(?:大)?學生|上班族|(?:都市)?白領|藍領|粉領|家庭主婦|主婦|(?:新手)?(?:媽媽|爸媽|父母)|銀[髮發]族|長輩|年長者|年輕(?:人|族群|族|世代|客群|女性|男性)|小資族|青少年|兒童|小朋友|親子|家庭(?:客群|客戶)?',
  '(?:熟齡|年輕|上班|職業|輕熟)?(?:女性|男性)(?:消費者|客群|顧客|客戶)?|(?:老|舊|既有|現有|忠實|回頭|常)客戶|回頭客|熟客|老顧客',
  '(?:外國|國際|來台|陸客|日韓)?(?:旅客|觀光客|遊客)|外籍人士|社會新鮮人|工程師|醫師|設計師|寵物(?:主人|飼主)|素食者|健身族群?|學生族群|Z世代|千禧世代|寶媽',
];

const SEGMENT_EN = en(
  [
    '(?:corporate|enterprise|business|b2b|b2c|institutional|wholesale|key|small business|sme|vip|existing|returning|repeat|loyal) (?:clients|customers|accounts|buyers|members)',
    'b2b|b2c|smes?|small businesses|startups|young professionals|office workers|professionals|millennials|gen ?z|students|college students|parents|moms|mothers|families|women|men|seniors|retirees|tourists|travell?ers|pet owners|members|loyalty members|vip members|teenagers|kids|restaurants|cafes|clinics|schools',
  ].join('|'),
);

export const SEGMENT_RE = new RegExp(`${SEGMENT_ZH.join('|')}|${SEGMENT_EN}`, 'gi');

/** Age bands with what follows them: 「25-45歲的都市白領」, 「30歲以上女性」, "aged 25-34". */
export const AGE_SEGMENT_RE =
  /\d{1,2}\s*(?:-|~|至|到)\s*\d{1,2}\s*歲(?:之間)?(?:的)?[\u4e00-\u9fff]{0,8}|\d{1,2}\s*歲(?:以上|以下)(?:的)?[\u4e00-\u9fff]{0,8}|(?<![A-Za-z])(?:aged?\s+)?\d{1,2}\s*(?:-|to)\s*\d{1,2}(?:[- ]year[- ]olds?)?(?:\s+[a-z]+){0,2}\s+(?:professionals|customers|women|men|consumers|buyers|people|users|adults)/gi;

/** Starts of an explicit segment: 「主要目標客戶為…」, 「目標客群是…」, 「針對…」, "targeting …". */
export const SEGMENT_MARKER_RE =
  /(?:主要)?(?:目標)?(?:客戶|客群|族群|受眾|對象|顧客|消費者)(?:群體)?(?:為|是|鎖定(?:在|為)?|定位為|:)\s*|鎖定\s*|針對\s*|(?<![A-Za-z])(?:targeting|aimed at|among|from|for)\s+/g;

/** Starts of a means: 「透過…」, 「藉由…」, "through …", "via …". */
export const MEANS_MARKER_RE =
  /透過|通過|經由|藉由|藉著|借助|利用|憑藉|運用|採用|依靠|靠著|(?<=^|[,;。\s]|在|並)以(?![上下及便前後內外來為後此往免至])|(?<![A-Za-z])(?:through|via|by means of|using|leveraging|with the help of|by(?=\s+\w+ing\b)|with(?=\s+(?:an? |our |the )?[\w-]+\s+(?:offers?|campaigns?|promotions?|programs?|programmes?|ads|discounts?|events?|coupons?|deals?)\b))\s+/gi;

/** Verbs that start a strategy clause (「舉辦…」, 「推出…」, "launch …"). */
export const ACTION_VERB_RE =
  /^(?:每[日天週月季年]|並|同時|且|再|也|持續|定期)*\s*(?:舉辦|舉行|推出|建立|開發|優化|加強|導入|推動|參加|參與|開設|開拓|拓展|布局|合作|上架|投放|發送|經營|設立|招募|培訓|提供|打造|強化|改善|增設|規劃|執行|進行|啟動|發起|拜訪|報價(?!單?(?:轉換|轉化|成交))|新開|展店|發放|派發|贈送|發布|發佈|發表|launch|run|host|hold|open|introduce|partner with|build|create|start|offer|roll out|expand|train|hire|improve|optimi[sz]e|(?:visit|call on|meet with|post|publish|attend|organi[sz]e|conduct)(?![A-Za-z]))/i;

/** The same verbs anywhere in a clause (「針對上班族推出早鳥方案」). */
export const ACTION_VERB_ANYWHERE_RE =
  /舉辦|舉行|推出|建立|開發|導入|參加|參與|開設|上架|投放|發送|設立|招募|培訓|打造|增設|啟動|發起|拜訪|報價(?!單?(?:轉換|轉化|成交))|新開|展店|發放|派發|贈送|(?<![A-Za-z])(?:launch|run|host|hold|open|introduce|partner with|roll out|visit)(?![A-Za-z])/i;
