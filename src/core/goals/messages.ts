/** Findings of the Achievable and Relevant letters (and goal-form checks), in zh-TW and English. */
import type { Finding, Lang, SmartLetter } from './types.ts';

interface Wording {
  message: string;
  fix: string;
}

export type GoalFindingCode =
  | 'NO_HISTORY'
  | 'SHORT_HISTORY'
  | 'SCOPE_NOT_FILTERABLE'
  | 'NO_BASELINE_FOR_CHANGE'
  | 'TOO_EASY'
  | 'ACHIEVABLE'
  | 'STRETCH'
  | 'UNREALISTIC'
  | 'BEYOND_PAST_GROWTH'
  | 'BEYOND_PAST_DECLINE'
  | 'CAPACITY_EXCEEDED'
  | 'MARKET_SOM_EXCEEDED'
  | 'NO_OBJECTIVE'
  | 'OBJECTIVE_LINKED'
  | 'POSITIONING_CLASH'
  | 'PERIOD_TOO_LONG'
  | 'TOO_FAR'
  | 'PERIOD_OVER'
  | 'PERIOD_NO_DATA'
  | 'PERIOD_REACHED'
  | 'PERIOD_MISSED'
  | 'STALE_DATA'
  | 'DATA_TOO_OLD'
  | 'SCOPE_UNKNOWN'
  | 'TARGETS_DISAGREE'
  | 'TARGET_AGAINST_DIRECTION'
  | 'TARGET_NEGATIVE'
  | 'TARGET_OUT_OF_RANGE'
  | 'TARGET_FALL_OF_100'
  | 'TARGET_CHANGE_OUT_OF_RANGE'
  | 'SHORT_FOR_HORIZON'
  | 'LAST_YEAR_NOT_COVERED'
  | 'BASELINE_RUN_RATE'
  | 'BASELINE_RECENT_LEVEL';

const TEXT: Record<GoalFindingCode, Record<Lang, Wording>> = {
  NO_HISTORY: {
    'zh-TW': {
      message: '這個範圍沒有歷史資料,無法判斷目標是否可達成。',
      fix: '匯入這個範圍過去至少12個月的銷售資料(訂單、日期、產品、金額);有資料後系統會以歷年成長率、預測區間與團隊產能判斷。',
    },
    en: {
      message: 'There is no history for this scope, so achievability cannot be judged.',
      fix: 'Import at least 12 months of sales for this scope (orders, dates, products, amounts); Pacer then judges it from past growth, the forecast and team capacity.',
    },
  },
  SHORT_HISTORY: {
    'zh-TW': {
      message: '這個範圍只有{months}個月的資料,至少需要3個月才能預測。',
      fix: '匯入更早的銷售資料(最好12個月以上,才能比較去年同期)。',
    },
    en: {
      message: 'This scope has only {months} month(s) of data; forecasting needs at least 3.',
      fix: 'Import older sales (12 months or more allows a comparison with last year).',
    },
  },
  SCOPE_NOT_FILTERABLE: {
    'zh-TW': {
      message: '這個指標無法依目前的範圍篩選({detail}),無法判斷可達成性。',
      fix: '調整範圍,只使用這個指標支援的維度。',
    },
    en: {
      message:
        'This metric cannot be filtered by the goal scope ({detail}), so achievability cannot be judged.',
      fix: 'Change the scope to the dimensions this metric supports.',
    },
  },
  NO_BASELINE_FOR_CHANGE: {
    'zh-TW': {
      message: '目標是相對變化(百分比或增減量),但沒有基準值可以換算。',
      fix: '改用絕對目標(例如「達到每月100單」),或匯入去年同期的資料。',
    },
    en: {
      message: 'The target is a change, but there is no baseline to convert it from.',
      fix: 'Use an absolute target (e.g. "100 orders a month"), or import last year’s data for the same period.',
    },
  },
  TOO_EASY: {
    'zh-TW': {
      message: '目標達成機率約{p}%,依照目前趨勢幾乎一定會達成,激勵效果有限。',
      fix: '提高到建議區間:{p70}(70%機率)至{p50}(50%機率)。',
    },
    en: {
      message: 'The target has about a {p}% chance: the current trend reaches it anyway.',
      fix: 'Raise it into the recommended range: {p70} (70% chance) to {p50} (50% chance).',
    },
  },
  ACHIEVABLE: {
    'zh-TW': {
      message: '依歷史資料預測,達成機率約{p}%,需要比基準成長{uplift}。',
      fix: '維持目標,並按月追蹤進度;建議區間為{p90}至{p50}。',
    },
    en: {
      message:
        'From the history, the chance of reaching it is about {p}%; it needs {uplift} over the baseline.',
      fix: 'Keep it and track it monthly; the recommended range is {p90} to {p50}.',
    },
  },
  STRETCH: {
    'zh-TW': {
      message: '挑戰性目標:達成機率約{p}%,需要比基準成長{uplift}。',
      fix: '確認有足夠的資源與策略支撐,或調整到{p70}(70%機率),預留調整空間。',
    },
    en: {
      message: 'A stretch: about a {p}% chance, needing {uplift} over the baseline.',
      fix: 'Make sure resources and strategies back it, or set it at {p70} (70% chance) to keep room for adjustment.',
    },
  },
  UNREALISTIC: {
    'zh-TW': {
      message: '不切實際:達成機率只有約{p}%,需要比基準成長{uplift}。',
      fix: '把目標調整到建議區間{p90}(90%機率)至{p50}(50%機率),或拆成幾個階段性目標。',
    },
    en: {
      message: 'Unrealistic: only about a {p}% chance, needing {uplift} over the baseline.',
      fix: 'Set it within the recommended range {p90} (90% chance) to {p50} (50% chance), or split it into phases.',
    },
  },
  BEYOND_PAST_GROWTH: {
    'zh-TW': {
      message: '需要的成長({uplift})超過這個範圍過去所有的年增率(最高約{max})。',
      fix: '說明這次有什麼不同(新產品、新通路、更多預算),或降低目標。',
    },
    en: {
      message:
        'The growth it needs ({uplift}) is beyond every past year-on-year change of this scope (at most {max}).',
      fix: 'Say what is different this time (a new product, channel or budget), or lower the target.',
    },
  },
  /** BEYOND_PAST_GROWTH of a metric where lower is better (churn, CAC): the fall it needs, against the lowest past change. */
  BEYOND_PAST_DECLINE: {
    'zh-TW': {
      message: '需要的變化({uplift})比這個範圍過去所有的年變化降得更多(過去最低約{min})。',
      fix: '說明這次有什麼不同(新做法、新通路、更多預算),或放寬目標。',
    },
    en: {
      message:
        'The change it needs ({uplift}) is a steeper fall than every past year-on-year change of this scope (the lowest about {min}).',
      fix: 'Say what is different this time (a new practice, channel or budget), or relax the target.',
    },
  },
  CAPACITY_EXCEEDED: {
    'zh-TW': {
      message:
        '目標超過團隊產能:{reps}位業務 × 每人每月約{perRep} × {months}個月 × {headroom}(可衝刺的上限),約{capacity}。',
      fix: '增加業務人力、提升每位業務的產能,或降低目標。',
    },
    en: {
      message:
        'The target is beyond team capacity: {reps} rep(s) × about {perRep} a month each × {months} months × {headroom} (the most a rep can stretch to) ≈ {capacity}.',
      fix: 'Add reps, raise revenue per rep, or lower the target.',
    },
  },
  MARKET_SOM_EXCEEDED: {
    'zh-TW': {
      message: '目標約{target},超過可獲得市場(SOM,每年{som})在這段期間({days}天)的份額約{periodSom}。',
      fix: '降低目標,或先更新市場分析中的SOM估計。',
    },
    en: {
      message:
        'The target of about {target} is more than the obtainable market (SOM, {som} a year) holds for these {days} days: about {periodSom}.',
      fix: 'Lower the target, or revisit the SOM estimate in the market analysis.',
    },
  },
  STALE_DATA: {
    'zh-TW': {
      message:
        '公司的銷售資料只到{lastSale}({days}天前)。預測從最後一個完整月份({month})之後開始推算:之後沒有資料的月份都是預測值,不是零。',
      fix: '匯入{lastSale}之後的銷售資料,預測與建議目標才會反映現況。',
    },
    en: {
      message:
        'The sales data ends on {lastSale} ({days} days ago). The forecast starts after the last complete month ({month}): the months without data are forecast, not read as zero.',
      fix: 'Import the sales after {lastSale} so that the forecast and the recommended targets reflect today.',
    },
  },
  DATA_TOO_OLD: {
    'zh-TW': {
      message: '公司的銷售資料只到{lastSale}({days}天前),太舊了,無法據以判斷這段期間的目標。',
      fix: '匯入最近的銷售資料(至少最近3個月)後,再評估可達成性。',
    },
    en: {
      message:
        'The sales data ends on {lastSale} ({days} days ago): too old to judge a target for this period.',
      fix: 'Import recent sales (at least the last 3 months), then judge achievability again.',
    },
  },
  SCOPE_UNKNOWN: {
    'zh-TW': {
      message: '目標範圍中的{names}不在公司的資料中,無法依資料判斷可達成性(不會改用全公司的數字)。',
      fix: '改成資料中的名稱{suggestions},或先匯入含有這些名稱的銷售資料。',
    },
    en: {
      message:
        "The goal's scope names {names}, which the company's data does not hold: achievability cannot be judged (the whole company's figures are not used instead).",
      fix: 'Use a name from the data{suggestions}, or import sales that carry these names first.',
    },
  },
  TARGETS_DISAGREE: {
    'zh-TW': {
      message: '目標中的兩個數字互相矛盾:{first}(這段期間約{firstValue})與{second}(約{secondValue})。',
      fix: '請確認要以哪一個數字為目標:保留一個,刪除另一個。',
    },
    en: {
      message:
        'The goal’s two numbers contradict each other: {first} (about {firstValue} over the period) and {second} (about {secondValue}).',
      fix: 'Which one is meant? Keep one target and remove the other.',
    },
  },
  TARGET_AGAINST_DIRECTION: {
    'zh-TW': {
      message: '目標說要「{word}」,但{target}{side}目前的{current}({basis}):需要的變化是{change}。',
      fix: '請確認數字:要「{word}」,目標應{fixSide}{current};或改寫目標的方向。',
    },
    en: {
      message:
        'The goal says “{word}”, yet {target} is {side} the current {current} ({basis}): a change of {change}.',
      fix: 'Check the number: to “{word}”, the target should be {fixSide} {current}; or reword the goal’s direction.',
    },
  },
  TARGET_NEGATIVE: {
    'zh-TW': {
      message: '目標{target}不可能達成:{metric}不會是負數。',
      fix: '改成0以上的數字;要減少,請寫出減少的幅度(例如「減少10%」)。',
    },
    en: {
      message: 'The target of {target} cannot be reached: {metric} is never negative.',
      fix: 'Use a number of 0 or more; for a fall, say by how much (e.g. “reduce by 10%”).',
    },
  },
  TARGET_OUT_OF_RANGE: {
    'zh-TW': {
      message: '目標{target}不可能達成:{metric}只會介於{min}與{max}之間。',
      fix: '改成{min}到{max}之間的數字。',
    },
    en: {
      message: 'The target of {target} cannot be reached: {metric} lies between {min} and {max}.',
      fix: 'Use a number from {min} to {max}.',
    },
  },
  TARGET_FALL_OF_100: {
    'zh-TW': {
      message: '{metric}下降{fall}不可能達成:下降100%就是歸零,不會更少;降幅必須小於100%。',
      fix: '改成小於100%的降幅,或直接寫出要達到的數字。',
    },
    en: {
      message:
        'A fall of {fall} in {metric} cannot be reached: a fall of 100% is zero, and nothing is less; a fall must be under 100%.',
      fix: 'Use a fall under 100%, or write the figure to reach.',
    },
  },
  TARGET_CHANGE_OUT_OF_RANGE: {
    'zh-TW': {
      message: '{metric}變化{change}不可能達成:{metric}只會介於{min}與{max}之間。',
      fix: '改成較小的變化,或直接寫出要達到的數字。',
    },
    en: {
      message: 'A change of {change} in {metric} cannot be reached: {metric} lies between {min} and {max}.',
      fix: 'Use a smaller change, or write the figure to reach.',
    },
  },
  SHORT_FOR_HORIZON: {
    'zh-TW': {
      message:
        '只有{months}個月的資料,卻要預測到{ahead}個月後,把握很低:預測只是依近期水準的粗估,因此不提供建議目標區間。',
      fix: '先訂較近期的階段性目標(例如下一季),或累積更多資料後再評估這個目標。',
    },
    en: {
      message:
        'Only {months} months of data, yet the forecast reaches {ahead} months ahead: it is a rough guess from the recent level, so no recommended range is given.',
      fix: 'Set a nearer phase goal first (the next quarter, say), or judge this goal again once more data is in.',
    },
  },
  LAST_YEAR_NOT_COVERED: {
    'zh-TW': {
      message:
        '去年同期({start}至{end},共{days}天)只有{covered}天有資料,不能當作比較基準(沒有資料不等於沒有銷售)。',
      fix: '',
    },
    en: {
      message:
        'The data covers only {covered} of the {days} days of the same period last year ({start} to {end}): it is no baseline (no data is not zero sales).',
      fix: '',
    },
  },
  BASELINE_RUN_RATE: {
    'zh-TW': {
      message:
        '需要的成長以近期趨勢為基準:近{days}天有資料日子的每日平均 × 這段期間{periodDays}天,約{runRate}。',
      fix: '',
    },
    en: {
      message:
        'The growth needed is measured against the recent run rate: the average day of the last {days} days with data × the {periodDays} days of the period, about {runRate}.',
      fix: '',
    },
  },
  BASELINE_RECENT_LEVEL: {
    'zh-TW': {
      message: '需要的成長以近期水準為基準:近{days}天有資料日子的水準,約{runRate}。',
      fix: '',
    },
    en: {
      message:
        'The growth needed is measured against the recent level: that of the last {days} days with data, about {runRate}.',
      fix: '',
    },
  },
  NO_OBJECTIVE: {
    'zh-TW': {
      message: '目標尚未連結到公司的策略目標,無法確認相關性。',
      fix: '選擇這個目標要支持的策略目標{objectives}。',
    },
    en: {
      message: 'The goal is not linked to a strategic objective, so its relevance is not established.',
      fix: 'Pick the strategic objective this goal serves{objectives}.',
    },
  },
  OBJECTIVE_LINKED: {
    'zh-TW': { message: '目標支持策略目標「{title}」。', fix: '' },
    en: { message: 'The goal serves the strategic objective “{title}”.', fix: '' },
  },
  POSITIONING_CLASH: {
    'zh-TW': {
      message: '以折扣或降價為手段,與公司的定位「{positioning}」衝突。',
      fix: '改用符合定位的手段,例如會員專屬體驗、限量商品或加值服務,而非折扣。',
    },
    en: {
      message: 'A discount-driven goal clashes with the company positioning “{positioning}”.',
      fix: 'Use means that fit the positioning, e.g. member experiences, limited editions or added services, rather than discounts.',
    },
  },
  TOO_FAR: {
    'zh-TW': {
      message: '期間超過五年後,預測無法判斷目標是否可達成。',
      fix: '把期間縮短到五年內,或先訂下近期的階段性目標。',
    },
    en: {
      message: 'The period ends more than five years ahead: a forecast cannot judge it.',
      fix: 'Shorten the period to within five years, or set nearer phase goals first.',
    },
  },
  PERIOD_OVER: {
    'zh-TW': {
      message: '期間已經結束,沒有可預測的部分。',
      fix: '在KPI頁面查看這段期間的實際結果,或把期間改到今天之後。',
    },
    en: {
      message: 'The period is over: there is nothing left to forecast.',
      fix: 'See the actual result on the KPI page, or move the period to start today or later.',
    },
  },
  PERIOD_NO_DATA: {
    'zh-TW': {
      message: '期間已經結束,但這段期間沒有可計算{metric}的資料(例如沒有訂單),無法判斷是否達成。',
      fix: '確認這段期間的銷售資料是否已匯入;若確實沒有銷售,這個目標無法以{metric}衡量。',
    },
    en: {
      message:
        'The period is over, but it has nothing to compute this figure from (no orders, for instance): whether the target was reached cannot be told.',
      fix: 'Check that the sales of this period were imported; if there were none, this figure cannot measure the goal.',
    },
  },
  PERIOD_REACHED: {
    'zh-TW': {
      message: '期間已經結束:實績{actual},達成目標{target}。',
      fix: '',
    },
    en: {
      message: 'The period is over: the actual, {actual}, reached the target of {target}.',
      fix: '',
    },
  },
  PERIOD_MISSED: {
    'zh-TW': {
      message: '期間已經結束:實績{actual},未達目標{target}。',
      fix: '',
    },
    en: {
      message: 'The period is over: the actual, {actual}, fell short of the target of {target}.',
      fix: '',
    },
  },
  PERIOD_TOO_LONG: {
    'zh-TW': {
      message: '期間超過18個月,且沒有階段性目標,難以追蹤進度。',
      fix: '將目標拆解成季度或月度的階段性目標(例如每季一個目標),並逐一追蹤。',
    },
    en: {
      message: 'The period is longer than 18 months with no phase goals, which is hard to track.',
      fix: 'Break it into quarterly or monthly phase goals and track each one.',
    },
  },
};

export function goalFinding(
  letter: SmartLetter,
  code: GoalFindingCode,
  severity: Finding['severity'],
  lang: Lang,
  params: Readonly<Record<string, string>> = {},
): Finding {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (whole, k: string) => params[k] ?? whole);
  const w = TEXT[code][lang];
  return { letter, code, severity, message: fill(w.message), fix: fill(w.fix) };
}
