/**
 * The words for festivals and shopping seasons in goal statements (zh-TW, zh-CN, English). The
 * dates themselves are the calendar's (core/calendar/festivals.ts).
 */
import type { FestivalKey } from '../calendar/festivals.ts';

/** Names of holidays in zh-TW (normalised text), zh-CN and English, longest first where they overlap. */
export const HOLIDAY_TERMS: ReadonlyArray<readonly [RegExp, FestivalKey]> = [
  [/除夕|小年夜/iy, 'lunar_new_years_eve'],
  [
    /農曆(?:新)?年|春節|過年|新春|舊曆年|lunar new year|chinese new year|\bcny\b|spring festival/iy,
    'lunar_new_year',
  ],
  [/元宵(?:節)?|lantern festival/iy, 'lantern_festival'],
  [/端午(?:節)?|dragon boat(?: festival)?/iy, 'dragon_boat'],
  [/七夕(?:情人節)?|qixi/iy, 'qixi'],
  [/中秋(?:節)?|mid-?autumn(?: festival)?|moon festival/iy, 'mid_autumn'],
  [/元旦|new year'?s day/iy, 'new_year'],
  [/西洋情人節|情人節|valentine'?s(?: day)?/iy, 'valentines_day'],
  [/婦女節|women'?s day/iy, 'womens_day'],
  [/清明(?:節)?|qingming|tomb[- ]sweeping day/iy, 'qingming'],
  [/母親節|mother'?s day/iy, 'mothers_day'],
  [/父親節|father'?s day/iy, 'fathers_day'],
  [/雙\s?11|雙十一|光棍節|11\.11|double 11|singles'? day/iy, 'double_11'],
  [/雙\s?12|雙十二|12\.12|double 12/iy, 'double_12'],
  [/聖誕(?:節)?|耶誕(?:節)?|christmas|xmas/iy, 'christmas'],
  [/黑色星期五|黑五|black friday/iy, 'black_friday'],
  [/國慶(?:日)?|雙十(?:節|國慶)|national day/iy, 'national_day'],
  [/週年慶|anniversary sale/iy, 'anniversary_season'],
  // 「618 GMV」, 「618營收」: the sale named before what it is measured by.
  [
    /618(?=檔期|期間|大促|購物節|活動|當天|前|年中慶|\s*(?:GMV|營收|營業額|業績|銷售額|(?<![A-Za-z])(?:sales?|revenue|campaign|promo)(?![A-Za-z])))|年中慶/iy,
    'mid_year_sale',
  ],
  [/農曆七月|鬼月|ghost month/iy, 'ghost_month'],
  [/中元(?:節|普渡)?|ghost festival/iy, 'ghost_festival'],
  [/尾牙/iy, 'weiya'],
  [/228(?:連假)?|和平紀念日/iy, 'peace_memorial_day'],
  [/兒童節|children'?s day/iy, 'childrens_day'],
  [/勞動節|勞工節|五一|labou?r day/iy, 'labour_day'],
  [/教師節|teachers'? day/iy, 'teachers_day'],
  [/跨年(?:夜)?|new year'?s eve/iy, 'new_years_eve'],
  [/開學季|開學|back[- ]to[- ]school(?: season)?/iy, 'back_to_school'],
  [
    /暑假|暑期|summer(?: holiday| vacation| break|(?!\s+(?:promotions?|campaigns?|menus?|collections?|drinks?|specials?|launch(?:es)?|products?|items?|lines?|deals?|offers?|events?|series|bundles?|packages?|flavou?rs?)\b))/iy,
    'summer_vacation',
  ],
];
