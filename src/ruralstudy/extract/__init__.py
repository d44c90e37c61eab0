"""Chinese text → quantities with qualifier, bounds and normalised unit.

>>> import ruralstudy as rs
>>> rs.extract_quantities("村集体经济收入达57.47万元，产值逾千万元。")[["text", "value", "lower"]]
      text       value       lower
0  57.47万元    574700.0    574700.0
1     逾千万元  10000000.0  10000000.0

Why hand-written: no library reads Chinese reporting as a researcher does.
cn2an converts numerals only and, run over whole text, rewrites 八月瓜 into
8月瓜; jionlp handles money only and gets 万余 bounds wrong.  So one regular
expression finds candidates (number, 余/多, 万/亿, unit, qualifier words) and
small rules below accept or reject each one.  Arithmetic is exact
(``fractions.Fraction``): 57.47万 is 574700, not 574699.99….

Rules (each has a test in tests/test_extract.py):

- Numbers: Arabic (1386, 1,500, 2.5, full-width ２５ read as 25; digits of other
  scripts, ٣ or ३, are not read), Chinese (十, 两百, 一千二 = 1200, 三万五 =
  35000), mixed (1.76万, 5.96亿, 20余万; digits and multipliers in turn as a
  Chinese numeral is composed: 2万5千 = 25000, 1万3800 = 13800, 2万5 = 25000),
  loose pairs as ranges (七八个 7–8, 两三天, 一两天, 三五天 3–5, 二三十万);
  one space inside a figure is layout ("361.76 亿元", "10 条", "超 200 万元", "1000 多亩";
  not "2019 多家", a year); 半 alone before an hour, a month, a week or a measure
  (大概半小时, 半个月, 半亩; not 上半年, 大半个月, nor 半年).
- Shares and ratios are percent: 百分之九十五 (95 %), 四成 (4 成 = 40 %),
  五分之一 and 1/4 (20 %, 25 %; not 5/3, 2023/01/31 or 24/7), 1.8倍 (a multiple,
  180 %).
- A number counts only with a unit after it (元, 亩, 户, %, 个, 股, 窖, 桶, 间,
  床, 栋 …, see ``UNIT_PATTERN``): a bare number (12368, 1+9+N, 右二) is not a
  quantity.  A few nouns count without a classifier after a number that is
  surely one (Arabic, 万/亿 or 余/多): 1.5万余村民, 2000余农户 (``NOUN_UNITS``); after 万/亿
  also with a word of 2-6 characters between (25万猕猴桃种植农民, 2萬多農(nóng)村危房戶), not
  after a word of money (投资500万建设居民安置房).
- Rates (extract.rates): a denominator written on the figure ("1000元/亩",
  "300元/晚", "1000元/亩·年", "每亩每年900元", "人均2.5万元"; after money also 一 and the
  denominator: "三四百元一晚", "100元一斤", "12元一个小时", or 1 and a weight: "3毛钱1斤")
  is in the span and the unit (元/亩 → CNY/ha, × 15 as a 亩 is 1/15 ha); a word earlier in the
  clause makes a sum of money a rate without widening the span
  ("每户最高能分到36300元" → CNY/household, "年收入137万元" → CNY/year,
  "住一晚竟要7000元" → CNY/night, "这一斤茶青 … 要100元" → CNY/kg; a clause of
  what happens every year before one naming an income: "社区每年靠门面出租，集体经济
  收入就有20万元" → CNY/year); a later
  item of a parallel list of sums in the sentence shares the rate of the sum
  before it when it names a contrast ("平日一晚3000元，周末4700元": both
  CNY/night; not a total, "…，村集体经济收入100万元"), or restates its measure
  with no sum, holder or total of its own and not many times above it ("人均纯收入
  达到15000元，比上年增加1200元": both CNY/person); a rate with one side only
  takes the other from a 每-word in an earlier clause of its sentence, or the
  entity of the per-head rate before it ("每天请20名工人，每人平均工钱90元" →
  CNY/person/day; "每人每小时15元，一天下来能挣120元" → CNY/person/day); a denominator after a
  bound after the figure is its rate ("600元以上/晚"); a weight
  just after a yield word is per 亩 ("亩产可达2吨" → t/ha; with the crop or a
  modal between, "每亩上品果产量约6000公斤", and for a parallel weight after it),
  年产 X per year ("年产金银花600万公斤" → kg/year); the pay for work done in a
  stated period is per that period ("一天摘80公斤棉花赚150元" → CNY/day); a total of
  a period's sums is that period's ("…，总共有1万多元的收入"); the first end of a
  从…涨到 pair takes the rate written on the second ("从一元增加到1.6元一斤"); a sum in a list
  under a header that says what it is per takes the header's rate ("以下是一晚
  住宿的几种可能花费：" then "- 经济型酒店：150元" lines; "一晚的价格：标间260元，
  套房380元": CNY/night); a sum each of a count of holders got ("7户人家各出资3万元" →
  CNY/household), the stay of one period before a sum ("住1个月每人3000元" →
  CNY/person/month), the cost of an input used per 亩 ("40-50公斤/亩，费用100-150元" →
  CNY/ha) and a weight in a clause led by 每亩 ("按每亩种植50斤" → kg/ha) are rates too;
  see units.rate_unit.  A minus sign after a label's colon makes a figure negative
  ("利润：-173元/亩").
- 余/多/来 and bounds (units.interval does the arithmetic):

  ========================  =========  ===================================
  written                   qualifier  interval
  ========================  =========  ===================================
  2000多元, 280余吨          plus       [X, X + last non-zero place):
                                       [2000, 3000), [280, 290)
  20余万 / 20万余            plus       [200000, 300000) / [200000, 210000)
  12亩多, 3个多月            plus       多 after the unit: [12, 13) 亩; but
  20%多, 百分之二十多        plus       % is said first: as 20多, [20, 30)
  十几种, 二十几名, 十几万    plus       几 after 十 is 多: [10, 20), [20, 30)
  逾/超/超过(了)/突破/过/破/高于 X over   lower = X (not 经过, 打破 …)
  大于/多于/不止/超出 X       over       lower = X (小于/少于 X: under, upper = X)
  X元起(步) (a price from X)  over       lower = X (not 起步价; 2018年起 is a date)
  至少(有)/不少于/不低于 X     over       lower = X (至少 a few words before
                                       the figure too: 至少可带动500余人)
  最少/起码 X                  over       lower = X (最少能挣五、六千元: 5000;
                                       not 最少的, the one with the least)
  顶多/至多/最多/上限(为) X    under      upper = X (顶多收3000斤, a few words
  X封顶, 不会超过/不得超过 X              before too; not 最多的 / 最多时;
                                       最高/最低 X stay values: 最高达3倍)
  X以上, 上万/上千             over       lower = X
  近/将近/接近/不足/不到 X    under      upper = X
  未满/不满/不超过/不高于/低于 X
  X以下/以内, X(都/还)不到    under      upper = X (十分之一都不到; not
  X(都/还)不足                          不到一年 after a figure)
  约/大约/约(有) X, X左右, X来 approx    no bounds (not 签约, 节约 …); but 约 before a
                                       range or pair keeps it (约为250-400元, 大約八九百米)
  800元至1200元, 3至5个月,    range      [X, Y]; a shared 万 applies to both
  200-300元, 3—5万元                     ends (3至5万元 → [30000, 50000]); but
                                       between items of a 、-list two items
                                       (300元、500元到700元、1000元: four)
  150--200元, 200–300元, 3——5万             -- —— – − ﹣ 〜 ～ mark ranges too
  60元/天至250元/天                      one range when both ends carry the rate
  3-4000元, 2-300元                      [3000, 4000]: as 三四千 (neighbours)
  五、六千元, 二、三十人                 a loose pair with 、 (not 第二、三名)
  2000余元至3000余元                     [2000, 4000): the second end's step
  3900-3000斤                            [3000, 3900]: written high to low
  从不足2万元到210.5万元                 two figures: a bound with its unit, then
                                       the figure it grew to
  ========================  =========  ===================================

- A mixed figure is one: 一亩半 (1.5 亩), 一亩两分 (1.2 亩: a 分 is a tenth of a
  亩), 两年半, 三个半月, 一个半小时, 一个多小时 ([1, 2) hours).  过 after a verb or
  before a time is no bound (赚到过6000多元, 再过三四天).
- Not quantities:
  years and dates (2014年, 二〇一四年, 10月23日, 今年7月, 1至9月: 月 and 日
  are never units; 年 after a four-digit number from 1000 to 2999 is a
  year, 年级/年代 are not durations); relative time (两年前, 两个月后, 这两年;
  but 这5年来 and 经营6个月后, what something lasted, are durations);
  ordinals (第三条); a village group's number (三合村7组); a number with a
  leading zero (09-17, 08点: a date, a time or a code); a lone 一 with a
  classifier (一个村庄, 一户一策: Chinese
  uses 一 as an article; with a unit of measure it is a quantity, 离家一公里,
  but not in sayings: 最后一公里, 一亩多收, 一米一景) and a lone 二 before a
  classifier (二次分红: counting says 两); numerals in short quoted names
  (“红十二条”, “十户联体”); epithets made only of 百/千/万/亿 without a
  qualifier (千亩玉米地, 千家万户) unless money (百万元); Chinese numerals
  that do not parse (三三两两, 十四五, 千百年); numbers glued to Latin
  letters (5A级, malingshu7); idioms in ``IDIOMS`` (四处, 三天两头);
  an address (3栋2单元, 5组3号), a vehicle's seats (7座的小面包车), 四周 (around);
  a method's name (四股六分法); 百倍 or 千倍 only after a comparison (是柠檬的百倍;
  not 信心百倍);
  place names, where a Chinese numeral and classifier stand before a
  place-name character (五家畈, 小四台子村; not before 乡村, 村民 …); vague numbers
  (几十, 几百万, 数十家: 几 or 数 before the number).  几 after 十 is 多:
  十几种 is [10, 20), 二十几名 [20, 30), 十几万 [100000, 200000).
  近 before a time unit (近3年) means "the past 3 years", not "nearly".
- Layout breaks inside words ("发展八\\n\\n月瓜") are joined before matching;
  offsets (``start``, ``end``) point into the original text, and a break
  after a short line (a headline) still ends the sentence.
- Traditional characters in reposts read as simplified (2.6萬畝, 900餘噸);
  the span is kept as written.  A pinyin gloss some reposts add after a
  character (突破3萬(wàn)元) is joined over like a layout break.
- Cost is linear in the text: a figure is tried only near where a number
  starts, and a sentence over 500 characters is quoted by the clause (or a
  500-character piece) holding the figure, shared by the figures in it
  (issue 9; benchmarks/bench_extract.py --shapes).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from fractions import Fraction
from functools import lru_cache
from itertools import chain

import numpy as np
import pandas as pd

from ruralstudy.extract import rates
from ruralstudy.extract.numerals import (
    CN_CHARS,
    CN_DIGITS,
    last_digit_place,
    looks_like_year,
    parse_fraction,
    parse_number,
    trailing_multiplier,
)
from ruralstudy.extract.review import STATUSES, review_candidates
from ruralstudy.extract.text import (
    Quotes,
    code_points,
    in_short_quote,
    join_layout_breaks,
    scan_copy_and_codes,
    sentence_end_array,
    shifted,
    single_year,
    subjects,
)
from ruralstudy.units import MULTIPLIERS, canonical_unit, interval, rate_unit

__all__ = [
    "COLUMNS",
    "FACT_COLUMNS",
    "STATUSES",
    "emitted_units",
    "extract_quantities",
    "fact_candidates",
    "review_candidates",
]

COLUMNS = [
    "start", "end", "text", "value", "lower", "upper", "unit", "qualifier",
    "norm_value", "norm_lower", "norm_upper", "norm_unit", "sentence", "subject",
]  # fmt: skip
FACT_COLUMNS = [
    "fact_id", "place_id", "indicator_id", "year", "as_of", "value", "lower", "upper",
    "qualifier", "unit", "text", "source_id", "quote", "note",
]  # fmt: skip


PREFIX_QUALIFIER = {
    "逾": "over", "超过": "over", "超": "over", "突破": "over", "过": "over", "破": "over",
    "超过了": "over", "突破了": "over", "超出了": "over",  # 年产值超过了2万元: 了 between
    "超过有": "over",  # 超过有三分之二稻田: 有 between, as 约有
    "近": "under", "将近": "under", "接近": "under", "不足": "under", "不到": "under",
    "未满": "under", "不满": "under", "不超过": "under", "不高于": "under", "低于": "under",
    "高于": "over",
    "至少": "over", "至少有": "over", "不少于": "over", "不低于": "over",
    "不下": "over", "不下于": "over",  # 不下4000斤, 不下20间: no fewer than (装不下: below)
    "约": "approx", "大约": "approx", "约为": "approx", "约合": "approx", "大概": "approx",
    "约有": "approx", "大约有": "approx", "差不多": "approx", "差不多有": "approx",
    "大概在": "approx", "大约在": "approx",  # 一个月的收益大概在3000元: 在 between
    "大概有": "approx",  # 工钱大概有120元一天: 有 between, as 大约有
    # 最低 touching one price is its lowest (最低8块一斤); 不过是, 不过就是: no more than
    "最低": "over", "不过是": "under", "不过就是": "under",
    "不过": "under",  # 但产值不过1700元: after a word only (不过，300元 is "but")
    "上": "over",  # only before 百/千/万/亿 alone: 上万人
    # comparisons as bounds, as 高于/低于: 不止 (more than), 大于, 多于, 超出 / 小于, 少于
    "不止": "over", "大于": "over", "多于": "over", "超出": "over", "不小于": "over",
    "小于": "under", "少于": "under", "不大于": "under", "不多于": "under",
    # at most / at least, and a negation with a modal before a comparison (不会超过 is at
    # most, not "over": the longer word wins over 超过)
    "顶多": "under", "至多": "under", "最多": "under", "上限": "under", "上限为": "under",
    "最少": "over", "起码": "over", "最起码": "over",
    "不会超过": "under", "不能超过": "under", "不得超过": "under", "不会高于": "under",
    "不得高于": "under", "不会多于": "under",
    "不会低于": "over", "不能低于": "over", "不得低于": "over", "不会少于": "over",
    "不能少于": "over", "不得少于": "over",
}  # fmt: skip
# A negated reaching is at most (收入没到一万元, 没有超过3000元, 一年没挣到1万元, 没攒下5000元): the
# figure was not reached.  下 only after a verb of earning or keeping (没有下降10% is no bound).
PREFIX_QUALIFIER |= {
    f"{neg}{verb}{end}": "under"
    for neg in ("没", "没有")
    for verb, ends in [("", ("到", "满", "超过", "达到"))]
    + [(v, ("到", "下")) for v in ("挣", "赚", "攒", "存", "收", "收入", "卖", "拿")]
    for end in ends
} | {"没": "under", "没有": "under"}  # 没半个月就, 没有三天: not yet that span (time only, below)
# … and the written negations of reaching (亩产从未超过3000斤, 未达到500元)
PREFIX_QUALIFIER |= {
    f"{neg}{verb}": "under"
    for neg in ("未", "从未", "从没", "从没有", "从来没有")
    for verb in ("到", "超过", "达到")
}
SUFFIX_QUALIFIER = {
    "以上": "over", "以下": "under", "以内": "under", "左右": "approx", "封顶": "under",
    "及以上": "over", "及以下": "under",  # 60岁及以上: X and above
    "之内": "under",  # 24小时之内, 三天之内: within, as 以内
    "摆布": "approx",  # 7000元摆布: a spun copy's word for 左右
    "出头": "over",  # 一千斤出头, 三十岁出头: a little over
}  # fmt: skip
# A price "from X" (每晚300元起) is at least X: after money only (从2018年起 is a date), at
# the end of a phrase, so 起 does not start a word (起步, 起来).
_FROM = r"起步?(?=[，。；、！？,.;!?）)”\s]|$|的)"  # 3000元起步: from 3000 too
# A bound written after the figure, often with 都/还/也: 十分之一都不到, 100元不到, 3年还不足.
_SUFFIX_BOUND = rf"(?:[都还也])?(?:不到|不足)(?![0-9{CN_CHARS}半几数])"  # not 不到一年 after it

UNITS = (
    "个百分点 平方公里 平方米 公顷 亩 公斤 千克 克 市斤 斤 吨 公里 千米 米 人次 口人 口 "
    "人(次) 人（次） 元钱 元 "
    "块钱 个多月 个月 个多小时 个小时 小时 年 载 天 周岁 周 岁 人 名 位 户 个 家 所 张 条 座 栋 幢 "
    "间 套 项 组 台 辆 艘 头 只 羽 株 棵 处 支 批 场 次 件 种 类 篇 份 % 成 块 股 窖 桶 床 倍 "
    "两 分 个多星期 个星期 星期 个礼拜 茬 角钱 角 毛钱 毛 分钱 粒 颗 箱 袋 平米 折 日 kg 款 层 尾 "
    "匹 瓶 罐 盒 捆 筐 席 样 根 趟 季 档 股份 个人 台套 单 枚 期 群 轮 双 月 批次 拨 盘 架 场次 "
    "道 棒 棚 排 顶 把 "
    # the signs of 平方米, 公斤, 公里 (1200㎡, 3元/㎏), Latin km and kg; 110人民币 (money)
    "㎡ m² ㎏ ㎞ km kM KM Km KG Kg 人民币"
).split()
# Nouns counted without a classifier (1.5万余村民): only after Arabic digits, 万/亿 or 余/多.
NOUN_UNITS = (
    "村民 群众 居民 农民 人口 劳动力 游客 民众 员工 农户 脱贫户 贫困户 消费者 顾客 网友 "
    # ... and those nouns with the word that says which (4.2万常住人口, 111.8万贫困群众)
    "常住人口 户籍人口 农村人口 贫困人口 流动人口 贫困群众 农村劳动力 "
    # ... and villages and communities (142村1120组, 6村2社区; 蔡三村 is a name)
    "村 社区 省 省份"  # ... and provinces (覆盖13省, 13省份试点)
    " 县"  # ... and counties (仁怀3县(市)291户)
    # ... and pupils, fishers, workers and others counted so (5万学生, 近30万渔民, 36萬農村學生)
    " 学生 渔民 牧民 移民 工人 职工 农民工 教师 儿童 妇女 老人 党员 患者"
).split()
# What a money figure in 块, 角 or 毛 is followed by: a price's denominator (一斤, 每斤, /斤),
# the end of a clause, or (块) the 角 or lone digit of a mixed sum (一块七角, 三块五).
_PRICE_PER = "斤|两|个|只|头|棵|株|箱|件|公斤|市斤|天|次|亩"
_JIAO_END = rf"钱|[一每/](?:{_PRICE_PER})"  # 角, 毛: money only with 钱 or a denominator
# ... or with a price's denominator before the figure (每斤三角到四角, 每斤4角至5角), which the
# pattern cannot see: these may end such a figure, and _read_match looks for the 每-word.
_JIAO_LOOSE = r"[至到~\-—]|[\s，。、；！？,.;!?）)”]|$|之间|左右|以[上下内]"
# A weight after a price in digits: 3毛钱1斤, 5元1斤 (after money; 1 and the weight only, not
# 1000斤 or 1.5斤).
_ONE_WEIGHT = "(?<=[元钱块角毛])1(?:市斤|公斤|千克|斤|两)"
_PAY_AFTER = "的(?:工资|工钱|收入|报酬|补贴|租金|分红|费用|利润)"
_JIAO_AFTER = r"[一二两三四五六七八九1-9](?:[角毛]|[\s，。、；！？,.;!?]|$|[一每/]|左右|上下)"
# Words that start with a unit's character but are no unit: 成员, 种植, 三类贫困村; 块 is
# money only at the end of a clause (两万来块), a classifier otherwise (一块地).
_UNIT_GUARDS = {
    "成": "成(?![员本果功绩熟长立效交都就为品型群]|不变)",  # 一成不变 (an idiom)
    "种": "种(?![植养子]|类(?!型))",  # 两种类型 (two types), not 种类 (kinds)
    "股": "股(?![份东权民金票])",
    "项": "项(?!目(?!标))",  # 四改三项目 (a project's name); 三项目标 is three goals
    "周": "周(?![年边末围期])",
    "床": "床(?![单头上])",
    "把": "把(?![握关手持门刷脉])",  # 100把扫帚 (not 有两把刷子; 百把块钱 is about 100)
    # 人气:30, a page's popularity; 四人间, 3人房, room types (not 人房屋, 人房租); 100人民币
    # (money), 91人妻 (a word)
    "人": "人(?![气间民妻]|房(?![屋租产]))",
    "口": "口(?![岸号子径罩感碑味语才头述令诀腔袋吻红算服粮气])",  # 5口井, not 八一口岸
    "类": "类(?!贫困|地区|村|县|城市)",  # 三类贫困村, 二类地区: a category, not a count
    # 块 is also money before a price's denominator or the 角 of a mixed sum (两块一斤,
    # 三块五, 一块七角) or before 左右 (每天平均在200块左右); a classifier before a noun (两块田).
    # ... and before 的 and a word of pay or money (拿到了400块的工资)
    "块": (
        rf"块(?=[\s，。、；！？,.;!?”\"）)]|$|[一每/](?:{_PRICE_PER})|{_JIAO_AFTER}|{_PAY_AFTER}|左右)"
        # ... and before 多 (余) and a price's denominator or a clause's end (2块多一斤)
        + rf"|块(?=[多余](?:[\s，。、；！？,.;!?”\"）)]|$|[一每/](?:{_PRICE_PER})|钱))"  # 两块多钱
        # ... and before 的 after 万 or 千 (4万块的毛账), not before what is counted in 块
        # (两万块的砖, 三千块的石板)
        + "|(?<=[万千])块(?=的(?![砖石地田板瓦木玻]))"
        # ... and before a word of money (5万块无息贷款, 两万块补贴, 3千块奖金)
        + "|(?<=[万千])块(?=(?:无息)?贷款|补贴|补助|奖金|奖励|工资|现金|资金|租金|分红|押金|存款)"
        # ... and in speech before a particle, 就 or the period it is paid for (一年八千块了,
        # 200块就一亩, 两百块一年的租金; not 两块就地, 三块一组)
        + "|块(?=[了呢啊吧呀]|就(?!地)|一(?:年|个?月|季))"
    ),
    # 两 as a weight after digits (5两到8两, 8两以上); after a Chinese numeral it is as
    # often "two" (三两个, 两两): 三斤二两 is read as a mixed figure of 斤
    "两": "(?<=[0-9])两(?![个年天月人户次位家种项条只头块斤批])",
    "分": "分(?=地|田|土地)",  # 2分地: a tenth of a 亩; not 分红, 分之, 十分
    # 两拨收购商, 25盘秧苗, 两架无人机: groups, trays and machines counted (not 拨款, 盘活, 架构)
    "拨": "拨(?![款付打通出开给动])",
    "盘": "盘(?![活点子旋山整查水州县])",  # not 六盘水 (a city)
    "架": "架(?![构子设空势起])",
    # 500万棒 (mushroom bags), 550棚 (sheds), 两排 (rows): counted (not 棒球, 棚户区, 排名, 排放)
    "棒": "棒(?![球槌子])",
    "顶": "顶(?![级尖端部层峰用替住着多])",  # 24顶帐篷 (tents), not 顶级, 顶多
    "棚": "棚(?![户改])",
    "排": "排(?![名行放查污水灌序队除练])",
    # 30道工序, 三道菜: steps and dishes counted (not 道路, 道理, 知道)
    # (nor a place's or a name's N道: 二道沟, 南七道)
    "道": "(?<![东南西北][一二三四五六七八九十])道(?![路理德教观歉家具口沟河岔湾梁街江桥坎])",
    # 7分钱 (a hundredth of a 元); not the 分 of a mixed sum the pattern does not read (5毛8分钱),
    # nor the idiom's lone 一 (赚不到一分钱, 一分钱一分货: not a cent)
    "分钱": "(?<![毛角][0-9〇零一二两三四五六七八九])(?<!一)分钱|(?<=[0-9十]一)分钱",
    # 500克, not 5千克 read as 5千 of 克 (the same weight, the unit not as written), nor a word
    # starting with 克 (3克拉, a carat)
    "克": "(?<!千)克(?![服隆拉难罗里莱])",
    # 5角钱一斤, 5角一斤, 五毛钱, 每斤三角到四角; not 长三角, 三角形, 一角 (a corner), 毛竹,
    # 三毛 (a name)
    "角": rf"角(?={_JIAO_END}|{_ONE_WEIGHT}|{_JIAO_LOOSE})",
    "毛": rf"毛(?={_JIAO_END}|{_ONE_WEIGHT}|{_JIAO_LOOSE})",
    "星期": "星期(?![一二三四五六日天])",  # 两个星期, 一个多星期; not 星期一 (a weekday)
    "个星期": "个星期(?![一二三四五六日天])",
    "茬": "茬(?!口)",  # 两茬 (harvests); 茬口 is a rotation slot
    # 3000尾 (fish), 20匹 (horses); not 尾款 (the last payment), 尾数, 匹配 (matching)
    "尾": "尾(?![款巴部数号声随期矿水气货盘])",
    "匹": "匹(?![配敌])",
    # goods by their container (700万瓶, 500罐, 1.2万盒, 3000捆, 三十筐); not 瓶颈, 罐头,
    # 盒饭 (a boxed meal), 盒子
    "瓶": "瓶(?![颈子])",
    "罐": "罐(?![头子车])",
    "盒": "盒(?![饭子])",
    # 14席 (seats), 三样 (kinds); not 一席话, 一席之地, 一样 (the same), 两样 (没什么两样:
    # no different), nor 样子, 样板, 样品, 样本, 样式
    "席": "(?<![一])席(?![位话地卷子])",
    "样": "(?<![一两])样(?![子板品本式])",
    "村": "村(?![民庄级委集干支组寨落镇两务规史貌容道口])",  # 142村; not 2村干部, 5村组
    # 八折, 9折, 85折: a price's tenths (a share); not 折腾, 折叠, 折合, 三折页 (a leaflet)
    "折": "折(?![腾叠合算旧返射服断页线])",
    # 日 is a length only in a trip's or camp's name (三日游, 夏令营7日全包, 5日行程); else a
    # date's day (7日上午), and after 月 always one (7月7日游客: _is_not_a_quantity)
    "日": "日(?=游(?!客)|营|全包|行程|套餐|研学)",
    "kg": "(?<=[0-9])kg(?![A-Za-z])",
    "KG": "(?<=[0-9])KG(?![A-Za-z])",  # 亩产800KG: the symbol in capitals, as KM
    "Kg": "(?<=[0-9])Kg(?![A-Za-z])",
    "m²": "(?<=[0-9])m²",  # 120m², as kg: after digits
    "款": "款(?![项式子额])",  # 60余款产品: kinds of a product; not 款项, 款式
    # 200多层 (layers): a count with 余/多 only; 三层楼, 四层 (a building's storeys) the lists
    # leave out, and 层次, 层面 are no count
    "层": "(?<=[余多])层(?![次面级楼])",  # 175kg: after digits, not in a word (5kgs, kgf)
    # 1100万根 (bamboo poles), 两趟 (trips), 两季 (seasons of a crop), 3档 (grades), 53股份
    # (shares); not 根据, 根本, 季度, 季节, 四季 (the year round), 档次, 档案, 股份制
    "根": "根(?![据本源治系部子基深底茎须])",
    "趟": "趟(?!子)",
    # 三轮排查 (rounds), 17双手套 (pairs); not 轮椅, 轮流, 轮作 …, 双方, 双赢, 双手 (a lone 一
    # an article: 一双手, 一轮)
    "轮": "轮(?![椅胎流换作船回廓番岗值休训班次车子])",  # 三轮车: a tricycle
    "双": "双(?![方赢向重倍层边手脚眼腿胞亲职语节休号])",
    # 每隔两月: 两 and 月 are two months (三月, 12月 are months of the year: dates)
    "月": "(?<=两)月(?![份底初末中])",
    # 1230群 (bee colonies), 200多群; not 群众, 群体, 群岛 … (一群 an article)
    "群": "群(?![众眾体體落岛島山星像居英雄集聊发發组組团團租])",
    # 分三期建设, 分3期付清: phases counted after 分 (split into); elsewhere 期 is an ordinal
    # (三期工程), an issue (2015年10期) or a term (3年期)
    "期": "(?:(?<=分[0-9一二两三四五六七八九十])|(?<=分[0-9十][0-9]))期",
    "季": "(?<!四)季(?![度节末初报后风])",
    "档": "档(?![次案期口位子])",
    "股份": "股份(?![额制合公有])",
    "省": "省(?![份级委政内外会长市钱力时心事城道区直])",  # 13省; not 3省级 (省份 below)
    # 10多个人, 三个人: persons (个人 is person, units.canonical_unit); not 个人所得税, 个人账户,
    # 10个人工 (man-days) …
    "个人": "个人(?![民均气间所账信意名股户贷卫承投收资财隐主化性品工])",
    "省份": "省份(?!额)",  # 13省份 as 13省; not 省份额 (a province's share)
    "县": "县(?![级委城域长政内外里乡志区道])",  # 3县; not 3县级, 5县区, 2县道
    "倍": "倍(?!体)",  # 三倍体 (triploid) is a name, not a multiple
    # 五千单, 25000多单: orders; not 单价, 单位, 单产, 单元 (3单元 of a block), 单日 …
    "单": "(?<![一])单(?![价位产元日季品独身据子程个次亩笔纯一调薄])",
    "枚": "枚(?![举])",  # 近10萬枚 (eggs); not 枚举
}
_ALL_UNITS = sorted(UNITS + NOUN_UNITS, key=len, reverse=True)  # longest first
# One-character units that start no longer unit and have no guard match alone, so one
# character class tried first means the same as their alternatives and costs one test.
_LONE = [
    u for u in _ALL_UNITS
    if len(u) == 1 and u not in _UNIT_GUARDS and not any(v[0] == u for v in _ALL_UNITS if v != u)
]  # fmt: skip
# A people or a place's people counted after 余/多 (6000余苗族同胞, 4000多重庆人, 300多老人):
# a noun ending in 人 or 同胞, tried after every unit, of persons (units.canonical_unit).
_PEOPLE_NOUN = (
    "(?<=[余多])(?:[^\\x00-\u4dff的了是在有和与及等到从向被把让个名位户家]{1,3}"
    "(?:人(?![民员工家口次们气间均数])|同胞))"
)
# A people's or households' noun counted after 万/亿 (and 余/多) with a word of 2-6 characters
# before it that says which (25万猕猴桃种植农民, 超过50万农业人口, 2萬多農(nóng)村危房戶): the noun
# with its word is the written unit, the head noun says what is counted (_canonical).  Tried
# after every unit, so 25万亩猕猴桃 and 25万元 are read first; money before it (投资500万建设
# 居民安置房) is ruled out by _is_not_a_quantity.
_COUNTED_HEADS = sorted(
    (u for u in NOUN_UNITS if canonical_unit(u)[0] in ("person", "household")),
    key=len,
    reverse=True,
)
_HEADS = "|".join(_COUNTED_HEADS)
_MODIFIED_NOUN = (
    f"(?:(?<=[万亿])|(?<=[万亿][余多]))[^\\x00-\u4dff\ua000-\U0010ffff{CN_CHARS}"
    "的了是在有和与及等到从向被把让个名位户家余多设元钱块]{2,6}?"
    f"(?:{_HEADS}|户(?![均数籍型口主外内头用名]))"
)
UNIT_PATTERN = "|".join(
    [f"[{''.join(map(re.escape, _LONE))}]"]
    + [_UNIT_GUARDS.get(u, re.escape(u)) for u in _ALL_UNITS if u not in _LONE]
    + [_PEOPLE_NOUN, _MODIFIED_NOUN]
)
_MONEY = {"元", "元钱", "块钱", "块", "角", "角钱", "毛", "毛钱", "分钱", "人民币"}

_SP = r"[ \u3000\u00a0]?"  # one space inside a figure is layout: 361.76 亿元, 10 条, 超 200 万元
# 十几种, 二十几名: 几 after 十 reads as 多; 百把, 千把 (a hundred or so) as 来: about, for a
# lone 百/千/万 (一百把椅子 counts chairs)
_PLUS = rf"[余多来]|(?<=十)几|(?<=[百千万])(?<![0-9{CN_CHARS}][百千万])把"
_PLUS_FIRST = "[余多来几把]"
# 1000 多亩, 100 多元: a space of layout between the digits and 多 (not after 一百: a Chinese
# numeral is not spaced so); _read_match keeps out 2019 多家 (a year, not a figure)
# ... and after 万 or 亿 that follow digits (5萬 多畝, a copy's gloss taken out before the space)
_SP_DIGIT = r"(?:(?<=[0-9])[ \u3000\u00a0]|(?<=[0-9][万亿])[ \u3000\u00a0]|)"
_PLUS_SP_FIRST = "[余多来几把 \u3000\u00a0]"
# 多 after a unit is "plus" (12亩多), except before a verb or word it starts (一亩多收, 多元化).
_P3 = (
    r"(?:多|余)(?!元|样|种|次|方|渠道|项|家|个|位|名|层|重|媒体|彩|功能|少|年|么|数|半|额|热|下"
    r"|[收用产赚挣得卖销增出花干做吃给拿要])"
)
# The characters a written denominator starts with (a space before a slash of layout).
_PER_FIRST = "[/每一1 \u3000\u00a0]"
# 元/亩·年, 元/（亩·年）: a period joined by a middle dot, as statistics write it.
_PERIOD = "|".join(sorted(rates.PERIOD_WORDS, key=len, reverse=True))


def _optional(pattern: str, ahead: str = "") -> str:
    """``(?:pattern)?`` written as ``(?:pattern|)``: the same match (the pattern first, then
    nothing), but sre runs ``?`` on a group as a general repeat, set up at every try, and
    an alternation without one (QUANTITY.match took a quarter less time).

    ``ahead``, if given, is a lookahead every match of ``pattern`` passes (the characters
    it can start with): where it fails, sre skips the group in one test instead of
    trying each alternative (a seventh of QUANTITY's time)."""
    return f"(?:(?={ahead}){pattern}|)" if ahead else f"(?:{pattern}|)"


# 半 alone as a number (大概半小时, 半个月, 半亩地): before an hour, a month, a week or a
# measure, not after a numeral or in 前半个月, 大半个月, 一个半小时 (a mixed figure's half).
# Not 半年: 上半年 is a date, 半年粮 and 一年种粮半年饱 sayings, and the lists read none.
_HALF = (
    f"(?<![0-9{CN_CHARS}上下前后大多对过减个年亩斤月天时])半(?=个?小时|个月|个星期|亩|斤|公斤)"
    # ... and 半年 after a bound word (不到半年, 不足半年, 超过半年): a span of time
    "|(?<=不到|不足|超过)半(?=年(?![粮饱底初末度]))"
)


def _number_pattern(opt) -> str:
    """A number: Arabic (1,500, 2.5, 20万, 2万5千) or Chinese (三万五, 二十余万)."""
    # Digits are ASCII: the scan copy has made full-width ones ASCII, and digits of other
    # scripts (٣, ३) are not read, nor is a number glued to them (\d in the lookbehind).
    # Groups of thousands apart by a comma (12,000) or a space of layout (1 200元: one to three
    # digits, then groups of three, as 1,200 is written; not 12 3000 nor 2023年 200).
    digits = (
        r"(?<![\dA-Za-z.])(?:[0-9]{1,16}(?:,[0-9]{3}){0,6}|[0-9]{1,3}(?:[ \u00a0][0-9]{3}){1,4})"
        + opt(r"\.[0-9]{1,8}") + r"(?!\d)"
    )  # fmt: skip
    # Digits and multipliers in turn (2万5千, 1万3800, 3千5百): numerals.parse_mixed.
    mixed_tail = (
        r"(?:[十百千万亿]{1,2}[0-9]{1,4}" + opt(r"\.[0-9]{1,4}") + "){1,3}"
        r"(?:[十百千万亿]{1,2}|(?![0-9.,]))"
    )
    multiplier = _SP + opt(r"[余多来](?=[十百千万亿])") + "[十百千万亿]{1,2}"
    chinese = rf"(?<![\d{CN_CHARS}几数])[{CN_CHARS}]{{1,12}}"
    return (
        digits + opt(f"{mixed_tail}|{multiplier}")
        + "|" + chinese + opt(r"(?:[余多来]|(?<=十)几)[万亿]{1,2}")
        + "|" + _HALF
    )  # fmt: skip


def quantity_pattern(opt=_optional) -> str:
    """QUANTITY's source; ``opt`` writes an optional group (the plain ``(?:…)?`` in tests).

    One number is read once and what follows it decides the form (分之 a fraction,
    a unit a quantity), so a failed form does not read the number again.
    """
    num = _number_pattern(opt)
    prefix = "|".join(sorted(PREFIX_QUALIFIER, key=len, reverse=True))
    per = rates.DENOMINATOR_PATTERN
    # a slash may have a space of layout on either side (800 元 / 亩, 120 元 / 人 / 天), and a
    # 每 after it (4.5元/每公斤)
    written_per = (
        rf"(?:(?:{_SP}/{_SP}每?|每)(?:{per})){{1,2}}" + opt(rf"[·・•?](?:{_PERIOD})")
        + rf"|/[（(](?:{per})[·・•/](?:{_PERIOD})[)）]|一个?(?:{per})|{_ONE_WEIGHT}"
    )  # fmt: skip
    post = "|".join(p for p, _ in _POST)
    post_first = _class("".join(first for _, first in _POST))
    # a range's separator comes after the number, or after a unit and its denominator on
    # it (500元到700元, 60元/天至250元/天)
    width = max(map(len, _ALL_UNITS)) + _written_per_width()
    # (possessive: no separator before the first one, so no backtracking, which sre ran
    # as a jump per character for every figure; the same test as .{0,width}[separators])
    seps = _class(_SEPARATORS)
    sep_ahead = f"[^{seps[1:-1]}\\n]{{0,{width}}}+{seps}"
    return (
        opt(f"(?P<pre>{prefix})", _class(w[0] for w in PREFIX_QUALIFIER)) + _SP
        + f"(?:(?P<pct>百分之)(?P<pn>{num})" + opt(f"点(?P<pd>[{_CN_DECIMALS}]{{1,4}})", "点")
        + f"|(?P<n1>{num})(?:分之(?P<fn>{num})|"
        + opt(_SP_DIGIT + f"(?P<p1>{_PLUS})", _PLUS_SP_FIRST)
        + opt(
            opt(f"(?P<u1>{UNIT_PATTERN})" + opt(f"(?P<per1>{written_per})", _PER_FIRST))
            + f"(?P<sep>{_SEPARATOR_PATTERN})(?P<n2>{num})",
            sep_ahead,
        )
        + opt(f"(?P<p2>{_PLUS})", _PLUS_FIRST) + _SP + f"(?P<unit>{UNIT_PATTERN})"
        + opt(f"(?P<per>{written_per})", _PER_FIRST) + ")"
        + r"|(?P<sn>(?<![\d./])[0-9]{1,3})/(?P<sd>[0-9]{1,3})(?![\d./]))"
        # 多 after the unit and a bound after it, behind one lookahead of their first
        # characters (most figures have neither: one test, not two)
        + opt(
            opt(f"(?P<p3>{_P3})", "[多余]") + opt(f"(?P<post>{post})", post_first),
            _class("多余" + "".join(first for _, first in _POST)),
        )
    )  # fmt: skip


def _class(chars) -> str:
    """A character class of ``chars``."""
    return f"[{''.join(sorted({re.escape(c) for c in chars}))}]"


# The digits of a Chinese decimal fraction (百分之六十五点五: 五; 百分之三点零五: 零五).
_CN_DECIMALS = "零〇一二三四五六七八九"

# Range separators (3至5个月, 200-300元, 3—5万元, 150--200元, 3——5天).
_SEPARATOR_WORDS = ("至", "到", "--?", "——?", "~")
# … and a hyphen with one space on each side (1000 - 3000 元, 3% - 5%), as X-Y (its
# hyphen is in _SEPARATORS, so the range lookahead passes it)
_SEPARATOR_PATTERN = "|".join(_SEPARATOR_WORDS) + "|[ \u00a0]-[ \u00a0]"
_SEPARATORS = "".join(w[0] for w in _SEPARATOR_WORDS)  # the characters a separator starts with


def _written_per_width() -> int:
    """The most characters quantity_pattern's written_per can match (/亩·年, 每人每天,
    /（亩·年）, 一个晚上, / 每公斤), for the range lookahead: it must pass every real range."""
    per = max(map(len, rates.WRITTEN_DENOMINATORS))
    period = max(map(len, rates.PERIOD_WORDS))
    return max(2 * (4 + per) + 1 + period, 4 + per + period, 2 + per)  # 4: " / 每"


_WITHIN = "内(?![容部蒙外地江设需销涵在生心资陆河科务政服网径侧])"
# What a bound written after a figure can be, each with the characters it starts with.
_POST = [(w, w[0]) for w in SUFFIX_QUALIFIER] + [
    ("上下(?![班车学楼山游])", "上"),  # 300元上下: about
    (r"\+(?![0-9])", "+"),  # ¥1000+: at least (a sum's only, _read_match)
    (_SUFFIX_BOUND, "都还也不"),
    (_FROM, "起"),
    # 20%(含)以上, 1 年 (含) 以上: the bound counts the figure in; the word after is the bound
    (rf"{_SP}[（(]{_SP}含{_SP}[)）]{_SP}以[上下内]", "（( \u3000\u00a0"),
    ("(?<=年)期以[上下内]", "期"),  # 3年期以内: a term of years, bound as 3年以内
    # 两天内, 48小时内, 5公里内: within a span of time or distance, as 以内 (not 10米内径, 3年内容)
    (f"(?<=[天时年月周里米]){_WITHIN}", "内"),
]


QUANTITY = re.compile(quantity_pattern())
# A denominator written after a bound after the figure: 600元以上/晚, 300元左右/人 (read in
# Python for the few figures with such a bound, not by QUANTITY at every match).
_SLASH_FIRST = frozenset("/ \u3000\u00a0")  # a slash, or a space of layout before one
_PER_AFTER_BOUND = re.compile(rf"(?:{_SP}/{_SP}(?:{rates.DENOMINATOR_PATTERN})){{1,2}}")
# ... and one weight after 左右 (110元左右一公斤, 12块钱左右一斤): the unit after the bound
_ONE_PER_AFTER_BOUND = re.compile("一(?:市斤|公斤|千克|斤|吨|克)")
# ... and one denominator in digits after a sum (3441元1晚), not a figure of its own (5元1000斤)
_DIGIT_ONE_PER = re.compile(rf"1个?(?P<per>{rates.DENOMINATOR_PATTERN})(?![0-9.])")
# ... and after a bracketed label of what the sum is for (800元(常耕地)/亩/年, a land class);
# the item before it, labelled the same way (500元(荒地)、), shares the rate.
# 一亩, 1亩, 1平方米 before a sum are the next sum's rate word, not a figure that ends a clause
_ONE_DENOMINATOR = frozenset(("1亩", "1平方米"))
_OPEN_BRACKETS = frozenset("(（")
_LABEL = r"[(（][^0-9()（）\n]{1,6}[)）]"
_LABEL_THEN_PER = re.compile(rf"{_LABEL}(?P<per>(?:/(?:{rates.DENOMINATOR_PATTERN})){{1,2}})")
_LABELLED_PAIR = re.compile(rf"{_LABEL}[、和及与或]")

# A denominator after a sum with its slash left out, ending the phrase (80元天(不含早餐), 60元公斤,
# 40元人次、): not 100元天津, 300元年底
_SLASHLESS_WORDS = ("公斤", "市斤", "斤", "天", "晚", "人次")
_SLASHLESS_PER = re.compile(f"(?P<per>{'|'.join(_SLASHLESS_WORDS)})")
_SLASHLESS_FIRST = frozenset(w[0] for w in _SLASHLESS_WORDS)
_PHRASE_END = frozenset(" \t\n\u3000（(，。、；！？,.;!?)）")


def _ends_phrase(scan: str, at: int, before_breaks: set[int]) -> bool:
    """Whether a phrase ends at ``at``: a stop or a bracket, the text's end, or a joined
    layout break (before_breaks holds the last character of each joined line)."""
    return at == len(scan) or scan[at] in _PHRASE_END or at - 1 in before_breaks


# ... and after the part of a mixed sum (一块七角一斤, 三块五每斤), which QUANTITY ends before.
_PER_AFTER_PART = re.compile(rf"(?:[/每]|一个?)(?:{rates.DENOMINATOR_PATTERN})|{_ONE_WEIGHT}")
# Where a figure's number can begin: the start of a run of numerals, or where
# digits and Chinese numerals meet inside one (2万5).  QUANTITY is tried only a
# few characters before each (its prefix and a space), not at every character.
_PREFIX_LENGTHS = sorted({len(w) for w in PREFIX_QUALIFIER}, reverse=True)  # longest first
_PREFIX_LAST = {w[-1] for w in PREFIX_QUALIFIER}
_SPACES = set(" \u3000\u00a0")
# What can follow the number of a figure (a unit, 余/多, 分之, a range, a space,
# 1,500 and 2.5): a run of numerals followed by none of these is no figure,
# unless it holds 千 or 百, which can start a unit (千米) or a share (百分之), or 万 or 亿,
# which can end a number before a noun with a word between (25万猕猴桃种植农民).
_FOLLOW = set("分余多来几把至到-—~/,. \u3000\u00a0") | {u[0] for u in UNITS + NOUN_UNITS}
# The runs that can hold a figure: whole runs (possessive, after no numeral), followed
# by a character of _FOLLOW, holding 千, 百, 万 or 亿, or holding a 两 after a digit (8两以上).
# The plain form of _candidate_runs, which finds them by numpy (a property test holds
# the two together).
_RUN_CHARS = f"0-9{CN_CHARS}半"  # 半 starts a figure alone (_HALF)
_CANDIDATE_RUN = re.compile(
    rf"[{_RUN_CHARS}](?<![{_RUN_CHARS}].)"
    rf"(?:[{_RUN_CHARS}]*+(?=[{''.join(map(re.escape, sorted(_FOLLOW)))}])"
    rf"|(?<=[千百万亿])[{_RUN_CHARS}]*+|(?=[{_RUN_CHARS}]*[千百万亿])[{_RUN_CHARS}]*+"
    # 8两以上: the weight 两 after a digit is itself a numeral, so the run ends in it
    rf"|(?=[{_RUN_CHARS}]*?(?<=[0-9])两)[{_RUN_CHARS}]*+)"
)
_DIGIT = re.compile(r"[0-9]")


def _scan_kinds(codes):
    """What each character of the scan copy (its code points ``codes``) is to the anchored
    scan: _run_table's bits, looked up once for the numeral runs and the idioms."""
    return _run_table().take(codes)


def _candidate_runs(kind):
    """(start, end, mixed, prefix_before) of each match of _CANDIDATE_RUN in the scan copy
    whose characters' kinds (``_scan_kinds``) are ``kind``, in order: ``mixed`` if the
    run holds both digits and Chinese numerals, or a 半, ``prefix_before`` if a space or the last
    character of a qualifier word stands before it (so a qualifier word may end there).

    Found at once by numpy from a look-up of each character: sre tested _CANDIDATE_RUN's
    class at every character (a tenth of the extractor's instructions).  Held to
    _CANDIDATE_RUN by a property test.
    """
    at = np.flatnonzero(kind & _IN_RUN)  # every numeral
    if not len(at):
        return iter(())
    first = np.r_[0, np.flatnonzero(np.diff(at) > 1) + 1]  # where each run starts in ``at``
    starts, ends = at[first], at[np.r_[first[1:] - 1, len(at) - 1]] + 1
    after = np.zeros(len(ends), dtype=kind.dtype)
    inside = ends < len(kind)
    after[inside] = kind[ends[inside]]
    numeral = kind[at]
    holds = np.bitwise_or.reduceat(numeral, first)  # the kinds of numeral in each run
    # 8两以上: a 两 right after a digit is the weight, so its run is a figure
    liang = np.zeros(len(at), dtype=bool)
    liang[1:] = (
        ((numeral[1:] & _LIANG) > 0) & ((numeral[:-1] & _DIGIT_CHAR) > 0) & (np.diff(at) == 1)
    )
    keep = (
        ((after & _FOLLOWS) > 0) | ((holds & _QIAN_BAI) > 0) | np.logical_or.reduceat(liang, first)
    )
    before = np.where(starts > 0, kind[starts - 1], 0)
    # 半 is in runs neither as a digit nor as a Chinese numeral: a run holding one has anchors
    # at it and after it (半一%: 一% is a figure)
    half = np.logical_or.reduceat((numeral & (_DIGIT_CHAR | _CN_NUMERAL)) == 0, first)
    mixed = (((holds & _DIGIT_CHAR) > 0) & ((holds & _CN_NUMERAL) > 0)) | half
    return zip(
        starts[keep].tolist(),
        ends[keep].tolist(),
        mixed[keep].tolist(),
        ((before & _PREFIX_BEFORE) > 0)[keep].tolist(),
        strict=True,
    )


# The characters the anchored scan reads, as bits of one table: digits and Chinese
# numerals, 千 and 百, what can follow a figure's number (_FOLLOW), a qualifier word's
# last character or a space; and an idiom's first character.
_IN_RUN, _DIGIT_CHAR, _CN_NUMERAL, _QIAN_BAI, _FOLLOWS, _PREFIX_BEFORE = 1, 2, 4, 8, 16, 32
_IDIOM_FIRST, _LIANG = 64, 128


@lru_cache(maxsize=1)
def _run_table():
    table = np.zeros(0x110000, dtype=np.uint8)
    for chars, flags in (
        ("0123456789", _IN_RUN | _DIGIT_CHAR),
        (CN_CHARS, _IN_RUN | _CN_NUMERAL),
        ("半", _IN_RUN),  # a run's character, neither digit nor Chinese numeral (_HALF)
        ("千百万亿", _QIAN_BAI),  # (万 and 亿 too: _FOLLOW's comment)
        ("两", _LIANG),
        (_FOLLOW, _FOLLOWS),
        (_PREFIX_LAST | _SPACES, _PREFIX_BEFORE),
        ({head[0] for head in _IDIOM_HEADS}, _IDIOM_FIRST),
    ):
        table[[ord(c) for c in chars]] |= flags
    return table


_NUMERAL_CHARS = frozenset(f"0123456789{CN_CHARS}")
_NOUN_UNIT_SET = frozenset(NOUN_UNITS)
_UNIT_SET = frozenset(_ALL_UNITS)
_COUNTED_HEAD_ENDS = tuple({h[-1] for h in _COUNTED_HEADS} | {"户"})
# Words of money before a number and a noun with a word between (投资500万建设居民安置房,
# 筹集1000万帮助困难群众): the number is a sum, not a count of the noun.
_MONEY_BEFORE = re.compile(
    "投资|投入|资金|筹集|拨付|补助|补贴|奖励|花费|耗资|捐款|捐赠|融资|贷款|元"
)

# Idioms and fixed names that contain a numeral and a classifier.  Every branch starts with
# two literal characters (a lookbehind goes after them): IDIOMS is tried only where
# they stand (_idiom_spans; a test holds each branch to it).
_IDIOM_WORDS = (
    "四处", "三天两头", "三番五次", "三年五载", "十年树木", "百年树人", "半斤八两", "三五成群",
    "一波三折", "百折不挠", "七折八扣",
    "成千上万", "成百上千", "一亩三分地", "一成不变", "一年半载", "一年比一年", "一天比一天",
    "一年胜过一年", "不止一次",  # more than once: often
    # the saying of leased land: its rent and the wage of work on it (一份土地两份收入)
    "一份(?:土地|耕地|地)两份收[入益]", "一块(?:土地|耕地|地)两份收[入益]",
    "一亩(?:土地|耕地|地)两份收[入益]",
    "四周(?<![十0-9]四周)(?!时间|后|内|以[来内后]|左右|的时间)",
)  # fmt: skip
IDIOMS = re.compile("|".join(_IDIOM_WORDS))
_IDIOM_HEADS = frozenset(word[:2] for word in _IDIOM_WORDS)


def _idiom_spans(scan: str, kind) -> list[tuple[int, int]]:
    """The spans of ``IDIOMS.finditer(scan)``, IDIOMS tried only where the first two
    characters of one of its words stand (``kind``: ``_scan_kinds`` of the scan): sre
    tested the words' first characters at every character of the text."""
    spans, end = [], 0
    for i in np.flatnonzero(kind[:-1] & _IDIOM_FIRST).tolist():
        if i >= end and scan[i : i + 2] in _IDIOM_HEADS:
            m = IDIOMS.match(scan, i)
            if m is not None:
                spans.append(m.span())
                end = m.end()
    return spans


# A Chinese numeral and classifier before one of these is a place name: 五家畈, 小四台子村.
_PLACE_SUFFIX = set("子村庄畈寨湾坪堡屯铺沟镇乡岭坡冲坝塘洼营集")
# Words that start with such a character and end no name: 六家乡村民宿, 三家村民合作社.
_NOT_PLACE_WORDS = ("乡村", "村民", "乡镇", "村级", "村集", "村庄", "村落")  # 近四成村庄
# ... and words of 营 (两家营养餐公司, 三家营销公司: not 李家营)
_NOT_PLACE_WORDS += ("营养", "营业", "营销", "营收", "营运", "营造")
# 组 right after these names a village group (三合村7组, 一社3组), not a count of groups.
_GROUP_NAMED_AFTER = set("村社队")
_PEOPLE_UNITS = {"个", "人", "个人", "名", "位", "户", "人次"}
_TIME_UNITS = {
    "年", "个月", "个多月", "天", "个小时", "个多小时", "小时", "载", "周", "个星期", "个多星期",
    "星期", "个礼拜",
}  # fmt: skip
# 一个多小时: [1, 2) hours
_MORE_UNITS = {"个多月": "个月", "个多小时": "个小时", "个多星期": "个星期"}
# A lone 一 with a unit of measure is a quantity (离家一公里); with a classifier an article.
_MEASURE_UNITS = {
    "公里", "千米", "米", "平方米", "平方公里", "公顷", "亩", "斤", "市斤", "公斤", "千克", "克",
    "kg", "KG", "Kg", "吨", "倍", "个百分点", "成", "㎡", "㎏", "㎞",
}  # fmt: skip
_MEASURE_OR_TIME = _MEASURE_UNITS | _TIME_UNITS
# Relative time is no duration: 两年前, 两个月后, 这两年.
# What names a campaign after its years (组组通三年大决战, 三年会战, 三年行动, 三年倍增); not
# 计划 or 规划, as often a verb after a duration (未来5年计划投入).
_CAMPAIGN_AFTER = ("大决战", "决战", "大会战", "会战", "攻坚战", "攻坚行动", "行动", "倍增")
# ... and a plan named after its years, a word of the plan's kind before 计划 (关岭牛三年振兴计划,
# 三年行动计划); a bare 计划 stays the verb (三年计划投入: a duration)
_CAMPAIGN_PLAN = re.compile("(?:振[兴興]|[发發]展|行[动動]|攻[坚堅])(?:[计計][划劃]|[规規][划劃])")
_RELATIVE_AFTER = re.compile(r"[前后]|以[前后]|之[前后]")
# ... but a span of time that something lasted is: 这5年来 (over these 5 years), 经营6个月后
# (after 6 months of running it): a verb of doing before the figure, 来/以来 after it.
_DURATION_VERBS = frozenset(
    "经营 运营 营业 开业 工作 务工 打工 经商 从商 当兵 服役 行医 教书 "
    "培训 学习 种植 养殖 运行 坚持 持续 历时 经过 用了 花了 "
    "干了 做了 投产 建成 成立 开园 挂果 种下 栽下 栽种 入股 流转 返乡 回乡 创业 开办 创办 实施 "
    "运转 住了 待了 来了".split()
)
# ... and after a verb of one character that says where one stays (来一个多星期后, 住两个月后)
_DURATION_VERB_CHARS = frozenset("来住待呆")
_NOT_VERB_LAI = frozenset("后来 原来 本来 将来 未来 从来 近来 以来 向来 看来".split())
# A year-like number of years followed by these is an age (有2300年历史, 已有1200年的历史),
# not a date (2023年的历史性突破: 的历史 counts only after 有 just before the figure).
_AGE_AFTER = ("历史", "之久")
# 至少 a few words before the figure (至少可带动当地500余人, 至少助力30户) is its lower bound,
# when no number and no clause break stand between; so are 最少 and 起码, and 顶多, 至多 and
# 最多 its upper one (顶多收3000斤, 最多能住6人).  Not 最多的 / 最少的 (the one with the most:
# 分红最多的农户达到4140元 is that household's sum) nor 最多时 (at its peak).
_AT_LEAST_BEFORE = 8  # characters between the word and the figure, at most
_AT_LEAST_REACH = _AT_LEAST_BEFORE + 2
_BOUNDABLE = frozenset(("exact", "plus", "range"))
_AT_LEAST_GAP = re.compile(
    rf"(?:(?P<w>至少|最少|起码|顶多|至多|最多)(?![的时])|(?P<even>最[低快短高慢长多少])[也都还])"
    rf"[^0-9{CN_CHARS}，。；：！？,;:!?\n]{{0,{_AT_LEAST_BEFORE}}}$"
)
# 最低也能卖7-8千元, 最快也得1.5小时 (even the lowest, the fastest: at least X); 最高也就3000元,
# 最长也不过两年 (at most X).  Without 也/都/还, 最高 X and 最低 X name the top or bottom of
# several values (最高的一户分了5万元) and stay values.
_EVEN_OVER = frozenset("低快短少")
_NOT_PREFIX_BEFORE = {
    "近": set("最附邻靠亲临"),
    # 赚到过6000多元, 再过三天: the verb's 过 (have done), then
    # ... and after a verb of handling or keeping (扛过50公斤一袋的水泥, 养过300头猪), of
    # going, meeting, learning or making (下过5次地, 见过两次, 开过5次会, 写过20篇)
    "过": set(
        "经通超不越穿度跨渡路错难太闯走看去来做干搞吃用有没曾已未到再又扛挑背拿卖买种养住当"
        "下见听学读写开办搬换送坐跑修建見聽學讀寫開辦換"
        # ... and of living through, trying, winning or asking (结过两次婚, 挨过三次打,
        # 获过两次奖, 回过三次家, 问过五次)
        "结挨遇碰试尝历受获得考出回进玩喝谈借租交发问找请爬摔骑打結試嘗歷獲進談問請騎發"
    ),
    "破": set("突打冲击"),
    "不过": set("比打说斗拼跑赶敌"),  # 比不过, 打不过: cannot beat
    "约": set("签节预合契制公条相邀特履违解立缔婚隐"),  # 签约, 节约 …
}
_NOT_PREFIX_BEFORE["约有"] = _NOT_PREFIX_BEFORE["约"]  # 签约有


def extract_quantities(text: str) -> pd.DataFrame:
    """Every quantity in Chinese ``text``, one row each, in text order.

    Columns: start, end (``text[start:end]`` is the whole expression, e.g.
    "逾千万元", "每亩900元", "300元/晚"), text, value, lower, upper, unit (as
    written; a rate with its denominators, "元/亩"), qualifier
    (units.QUALIFIERS), norm_value, norm_lower, norm_upper, norm_unit
    (units.canonical_unit, units.rate_unit: "CNY/ha"), sentence (verbatim
    from ``text``; cut to the clause, or a 500-character piece of it, when
    longer than 500 characters), subject (best-effort noun the figure belongs
    to; may be empty).  Never raises; time and memory grow linearly with the
    length of the text (benchmarks/bench_extract.py).

    >>> extract_quantities("销售2000多斤")[["text", "lower", "upper", "norm_upper"]]
         text   lower   upper  norm_upper
    0  2000多斤  2000.0  3000.0      1500.0
    """
    return _quantities(text if isinstance(text, str) else "")[0]


def fact_candidates(text: str, source_id: str) -> pd.DataFrame:
    """Candidate rows of the facts table, for a curator to review.

    value/lower/upper are in the canonical unit (a rate in its rate unit,
    CNY/ha for 每亩900元); place_id, indicator_id and as_of are left for the
    curator; year is filled only when the sentence names exactly one year;
    quote is the verbatim sentence.  ``note`` holds the subject and, for a
    rate read from a word earlier in the clause ("rate from 每年" for
    每年分红10万余元), the word, which only the curator can confirm.

    >>> fact_candidates("全村种植300亩。", "demo")[["value", "unit", "quote"]]
       value unit      quote
    0   20.0   ha  全村种植300亩。
    """
    q, rate_notes = _quantities(text if isinstance(text, str) else "")
    notes = [
        "; ".join(filter(None, [f"subject: {s}" if s else "", n]))
        for s, n in zip(q["subject"].tolist(), rate_notes, strict=True)
    ]
    return pd.DataFrame(
        {
            "fact_id": [f"{source_id}-q{i + 1:03d}" for i in range(len(q))],
            "place_id": "",
            "indicator_id": "",
            "year": pd.array(q["sentence"].map(single_year), dtype="Int64"),
            "as_of": "",
            "value": q["norm_value"],
            "lower": q["norm_lower"],
            "upper": q["norm_upper"],
            "qualifier": q["qualifier"],
            "unit": q["norm_unit"],
            "text": q["text"],
            "source_id": source_id,
            "quote": q["sentence"],
            "note": pd.Series(notes, index=q.index, dtype="object"),
        },
        columns=FACT_COLUMNS,
    )


def emitted_units() -> set[str]:
    """Every canonical unit (``norm_unit``) the extractor can give a quantity.

    Each written unit in ``UNITS`` and ``NOUN_UNITS`` in its canonical unit, the
    percent of shares, and each rate a written unit makes with the denominators a
    text can give it (entity, period, or both, extract.rates.ordered).  A classifier
    not in the units table is ``count:<classifier>``.
    """
    written = [u for u in UNITS + NOUN_UNITS if u not in _MORE_UNITS]  # read as 个月, 个小时
    pers = [[d] for d in rates.WRITTEN_DENOMINATORS]
    pers += [[a, b] for a in rates.WRITTEN_DENOMINATORS for b in rates.WRITTEN_DENOMINATORS]
    found = {"percent"}
    for unit in written:
        found.add(canonical_unit(unit)[0])
        for per in pers:
            ordered = rates.ordered(per)
            if ordered is None or ordered != per:
                continue
            try:
                found.add(rate_unit(unit, ordered)[0])
            except ValueError:  # no canonical rate (year/year …): _bounds skips such a figure
                continue
    return found


def _quantities(text: str) -> tuple[pd.DataFrame, list[str]]:
    """The COLUMNS of every quantity in ``text``, and each one's curator's rate note."""
    joined, breaks, shifts, heads = join_layout_breaks(text)
    scan, codes = scan_copy_and_codes(joined)
    signed = "¥" in scan or "￥" in scan  # one scan of the text each: most have no sign
    if signed:
        scan = _YUAN_SIGN.sub(_sign_as_unit, scan)
        codes = code_points(scan)
    if "\n" in scan:  # (one scan) 4.300元 after a line 3.…: item 4's 300元, not 4.3元
        listed = _LIST_NUMBER.sub(_list_number_cut, scan)
        if listed != scan:
            scan, codes = listed, code_points(listed)
    rows = _rows(scan, breaks, _scan_kinds(codes))
    cells = np.fromiter(chain.from_iterable(rows), dtype=object, count=len(rows) * _ROW_WIDTH)
    cells = cells.reshape(len(rows), _ROW_WIDTH)
    if signed:  # the written unit of ¥500 is ¥ (¥/晚 for ¥300一晚), read as 元
        for i, row in enumerate(rows):
            if joined[row[0]] in "¥￥" and row[5].startswith("元"):
                cells[i, 5] = "¥" + row[5][1:]
    s, e = cells[:, 0].astype(np.int64), cells[:, 1].astype(np.int64)
    # what each figure's offsets give, for all figures at once once they are read (numpy)
    start, end = shifted(breaks, shifts, s, "start"), shifted(breaks, shifts, e, "end")
    # the sentence ends as one sorted array (a list of them made three times the work)
    ends = np.sort(np.concatenate([sentence_end_array(joined, codes), np.array(heads, np.intp)]))
    quotes = Quotes(text, joined, ends, breaks, shifts)
    a, b = subjects(scan, s, e, codes)
    columns = {
        "start": start,
        "end": end,
        "text": [text[i:j] for i, j in zip(start.tolist(), end.tolist(), strict=True)],
        **{c: cells[:, 2 + i] for i, c in enumerate(_BOUNDS_COLUMNS)},
        "sentence": quotes.many(s, e),
        "subject": [joined[i:j] for i, j in zip(a.tolist(), b.tolist(), strict=True)],
    }
    return _frame(columns), cells[:, -1].tolist()


# ¥500, ￥1,200, ¥ 300, ¥1.5万: the sign before a figure is 元 after it, written so in the
# scan copy at the same length (¥500 -> 500元, ¥ 300 -> 300 元), so the figure's span covers
# the sign and every rule after it (左右, 一晚, /人, +) reads it as any sum in 元; not where a
# unit is written as well (¥500元 is read as 500元).
_YUAN_SIGN = re.compile(
    r"[¥￥]( ?)([0-9]{1,16}+(?:,[0-9]{3})*+(?:\.[0-9]{1,8})?+(?:[万千亿]|(?![0-9])))"
    r"(?![元块万千亿])"
)


# A list's number run into a figure at a line's start (4.300元房间), where the line above
# starts with the number before and no digit after its dot (3.如果…): its dot made a comma
# in the scan copy, so the figure is 300元 (a decimal 4.3 has no list above it).
_LIST_NUMBER = re.compile(r"\n([1-9][0-9]?)\.(?=[0-9])")


def _list_number_cut(m: re.Match) -> str:
    scan, above = m.string, m.string.rfind("\n", 0, m.start()) + 1
    head = f"{int(m[1]) - 1}."
    if int(m[1]) > 1 and scan.startswith(head, above) and not scan[above + len(head)].isdigit():
        return f"\n{m[1]}，"  # (the line above is item 3., not a decimal 3.5元)
    return m.group()


def _sign_as_unit(m: re.Match) -> str:
    return f"{m[2]}{m[1]}元"


# A row of _rows: joined start and end, _bounds' columns, the rate note.
_BOUNDS_COLUMNS = COLUMNS[3:12]
_ROW_WIDTH = 2 + len(_BOUNDS_COLUMNS) + 1


def _rows(scan: str, breaks: list[int], kinds) -> list[tuple]:
    """One tuple per quantity: its joined start and end, _bounds' columns, the rate note
    (``kinds``: ``_scan_kinds`` of the scan)."""
    idioms = _idiom_spans(scan, kinds)
    rows, prev_end, k = [], 0, 0
    prev = None  # the money figure before, with a rate: (denominators, start, top value)
    money = None  # the last sum, if it has a rate: (denominators, start, top value, end)
    before_breaks = {b - 1 for b in breaks}  # where a joined layout break follows
    lists: dict[int, tuple] = {}  # list item lines resolved: their header's rate (rates.list_rate)
    rated_end, rated_money = 0, None  # where the last figure with a rate ends; its rate if money
    weight = (-1, [])  # where the last weight ends and its yield rate (per 亩 or 年), if any
    bare = None  # the last sum, if it has no rate: (its row, start, end, what _bounds reads)
    shared = None  # a bound a list's items share (分别约为X、Y和Z): (qualifier, last item's end)
    crop = None  # the sentence's yield per 亩 and price per kg: ((start, kg/ha, per), CNY/kg)
    for m in _matches(scan, kinds):
        try:
            found = _read_match(m, scan)
        except (ValueError, ArithmeticError):  # absurd numbers (10**5000 …) are not facts
            continue
        if found is None:
            continue
        s, e, value, unit, qualifier, step, hi = found
        if _page_counter(scan, s, e, breaks):
            continue  # 1/10 alone on its line (a slide counter), 22:59:08 7次 (a page's views)
        while k < len(idioms) and idioms[k][1] <= s:  # figures come in text order: a pointer
            k += 1
        if k < len(idioms) and idioms[k][0] < e:
            continue  # inside an idiom (三天两头)
        if rows and s < rows[-1][1]:
            continue  # read already as a mixed figure's part (一块七角: not 七角 again)
        if qualifier in _BOUNDABLE:  # 至少可带动500余人: lower 500
            # the words' second characters in the few characters before the figure first
            # (a search of the whole text for six words tries a class at every character)
            w = scan[s - _AT_LEAST_REACH if s > _AT_LEAST_REACH else 0 : s]
            gap = None
            if "少" in w or "多" in w or "码" in w or "最" in w:
                gap = _AT_LEAST_GAP.search(scan, s - len(w), s)
            if gap is not None and gap["w"] and gap.end() - gap.start() == len(gap["w"]):
                gap = None  # as before 最X也: a word of at least needs a gap (else the prefix)
            elif gap is not None and gap["even"]:  # the words in the span: 最快也得1.5小时
                over = gap["even"][1] in _EVEN_OVER
                s, gap = gap.start(), {"w": "最少" if over else "最多"}
            if gap is not None and PREFIX_QUALIFIER[gap["w"]] == "over":
                qualifier, step, hi = "over", None, None  # 最少能挣五、六千元: lower 5000
            elif gap is not None and qualifier != "plus":  # 顶多收3000斤: upper 3000
                value, qualifier, step, hi = hi or value, "under", None, None
        if qualifier == "exact" and unit in _SHARE_UNITS and _about_share_before(scan, s):
            qualifier = "approx"  # 约占全镇土地总量的三分之一: about a third (the span the share)
        if qualifier == "exact" and scan[s - 1 : s] in _MINUS and _MINUS_AFTER.match(scan, s - 2):
            value, s = -value, s - 1  # 利润：-173元/亩, a loss: a minus sign, no range mark
        per_after = None
        if scan[e : e + 1] in _SLASH_FIRST and m.group("post") is not None:
            w = _PER_AFTER_BOUND.match(scan, e)
            if w is not None:
                per_after, e = w.group(), w.end()
        elif scan[e : e + 1] == "一" and unit in _MONEY and m.group("post") is not None:
            w = _ONE_PER_AFTER_BOUND.match(scan, e)  # 110元左右一公斤: the price's weight after
            if w is not None:
                per_after, e = w.group(), w.end()
        if per_after is None and scan[e : e + 1] == "1" and unit in _MONEY and not m[_PER]:
            w = _DIGIT_ONE_PER.match(scan, e)  # 3441元1晚: one night in digits, as 300元一晚
            if w is not None:
                per_after, e = w["per"], w.end()
        if per_after is None and scan[e : e + 1] in _SLASHLESS_FIRST and unit in _MONEY:
            w = _SLASHLESS_PER.match(scan, e)  # 付费80元天(不含早餐), 60元公斤: the slash left out
            if w is not None and not m[_PER] and _ends_phrase(scan, w.end(), before_breaks):
                per_after, e = w["per"], w.end()
        # 一块七角一斤: the price's denominator after the part; 2元多一斤: after 多 (余)
        if unit in _MONEY and (e > m.end() or (m["p3"] and m[_PER] is None and e == m.end())):
            w = _PER_AFTER_PART.match(scan, e)
            if w is not None:
                per_after, e = w.group(), w.end()
        if per_after is None and unit in _MONEY and scan[e : e + 1] in _OPEN_BRACKETS:
            w = _LABEL_THEN_PER.match(scan, e)  # 800元(常耕地)/亩/年: a label between
            if w is not None:
                per_after, e = w["per"], w.end()
        if per_after is None and unit in _MONEY and scan.startswith("之间/", e):
            w = _PER_AFTER_BOUND.match(scan, e + 2)  # 60-100元之间/公斤: the range's rate
            if w is not None:
                per_after, e = w.group(), w.end()
        if e in before_breaks and scan[e] == "起" and qualifier == "exact" and unit in _MONEY:
            qualifier, e = "over", e + 1  # 388元/晚起 at a line's end, joined to the next
        rated = (rated_end, rated_money)
        two = rated_money is not None and len(rated_money) == 2  # only those complete a rate
        if two and breaks and _line_between(breaks, rated_end, s):
            rated = (rated_end, None)  # 巴士:40元/人/天 then a line 相册:299元/人: per person only
        s, per, note = _rate(
            scan, m, s, unit, prev_end, (prev, money, weight), per_after, breaks, hi or value,
            rated, lists,
        )  # fmt: skip
        if per and scan[s] == "每" and qualifier in ("exact", "range"):
            s, qualifier, value, step, hi = _bound_before_each(scan, s, qualifier, value, step, hi)
        if per and rows and s < rows[-1][1]:
            rows.pop()  # 一亩田700斤: the 一亩 read before is the rate's, not an area
        if unit in rates.WEIGHT_UNITS:  # the last weight, with its yield rate if it has one
            weight = (e, per) if per and (per[0] == "亩" or per == ["年"]) else (-1, [])
        took = shared is not None and qualifier == "exact" and scan[shared[1] : s] in _LIST_JOINS
        if took:
            qualifier = shared[0]  # 分别约为30.4元、26.4元和26.1元: each item about
        try:
            bounds = _bounds(unit, per, value, qualifier, step, hi)
        except (ValueError, ArithmeticError):
            continue
        if not per and unit in _MONEY and crop and crop[1] and _is_product(scan, s, bounds, crop):
            per = crop[0][2]  # 每亩产量约900斤，每斤售价1.08元，总收入972元: the 亩's income
            bounds, note = _bounds(unit, per, value, qualifier, step, hi), "rate as yield x price"
        crop = _crop_of(crop, bounds, s)
        if took or (qualifier in _SHARED_BOUNDS and scan[s - 2 : s] in _EACH):
            shared = (qualifier, e)
        else:
            shared = None
        if unit in _MONEY:  # 从去年的一元增加到了1.6元一斤: the first end takes the second's rate
            if per and not note and bare and bare[0] == len(rows) - 1:
                if rates.from_to(scan, bare[1], bare[2], s):
                    rows[-1] = _with_rate(rows[-1], bare[3], per, "the figure after (from … to)")
                elif _LABELLED_PAIR.fullmatch(scan, bare[2], s):  # 500元(荒地)、800元(常耕地)/亩/年
                    rows[-1] = _with_rate(rows[-1], bare[3], per, "the labelled item after")
            bare = None if per else (len(rows), s, e, (unit, value, qualifier, step, hi))
        top = hi or value
        # a chain of sums, or a list's items under one header: measured by its largest
        if prev and note.startswith(("rate as", "rate from the list's")):
            top = max(top, prev[2])
        prev = (per, s, top) if unit in _MONEY and per else None
        if unit in _MONEY:  # the last sum with a rate, past counts and shares (9.2%)
            money = (per, s, top, e) if per else None
        if per and not bounds[-1].startswith("count:"):  # 按每户450株计算，每年…1350元: the
            rated_end, rated_money = e, per if unit in _MONEY else None  # 每户 the sum's too
        # 这一斤茶青卖 … 100元: a lone 一 with a denominator is the next sum's rate word
        # (每年農戶一畝地可得到800元: it does not hide 每年 either)
        # 一亩, 1亩, 1平方米 (not 10亩)
        lone = scan[s] == "一" or scan[s:e] in _ONE_DENOMINATOR
        if not (lone and unit in rates.WRITTEN_DENOMINATORS):
            prev_end = e
        if scan[s - 1 : s] == "、" and qualifier == "exact" and scan[s] in _DIGIT_SET:
            # 42.3万、43.1万、18.2万农民: the items before take the last one's unit
            floor = rows[-1][1] if rows else 0
            for a, b, v in _bare_items_before(scan, s, floor, m.group("n1")):
                rows.append((a, b, *_bounds(unit, per, v, "exact", None, None), note))
        rows.append((s, e, *bounds, note))
    return rows


_DIGIT_SET = frozenset("0123456789")
# A page's furniture, not its text: a slide counter alone on its line (1/10), the count of
# views after the time a page was posted (2025-06-28 22:59:08 7次), and a figure after a word
# of views or reads (浏览 49553 次, 阅读数:416).
_SLIDE_NUMBER = re.compile(r"[0-9]{1,3}/[0-9]{1,3}")
_VIEWS_AFTER = ("浏览", "阅读", "点击")
_COUNTER_WORD = re.compile(r"(?:浏览|阅读|点击)(?:数|量|次数)?[:：]?[ \t]*(?:量[:：]?)?$")
_VIEWS_AFTER_TIME = re.compile(r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?[ \t]+$")
# … and a page's count of its own characters (本文共有 375 个字，阅读大概需要 1 分钟)
_OWN_LENGTH = re.compile(r"(?:本文|全文)共?有?[ \t]*$")
_ANSWERS = ("回答", "评论", "留言")
_COMMENT_COUNTS = ("参与", "评论")
_COMMENT_BOX_BEFORE = frozenset(" ,，\n\t有")  # (not 共收到200条评论建议)


def _page_counter(scan: str, s: int, e: int, breaks: list[int]) -> bool:
    """Whether the figure at scan[s:e] is a page's counter (slides, views), not a quantity;
    ``breaks`` are where the layout's line breaks were joined."""
    w = scan[s - 8 if s > 8 else 0 : s]
    if ("览" in w or "阅读" in w or "点击" in w) and _COUNTER_WORD.search(w):
        return True  # 浏览 49553 次, 阅读数:416 (网友评论:1)
    if scan[e - 1] == "个" and scan.startswith("字", e) and _OWN_LENGTH.search(w):
        return True  # 本文共有 375 个字
    if scan[e - 1] in "个条" and scan.startswith(_ANSWERS, e) and w.endswith("共"):
        return True  # 共1个回答, 共3条评论: a question page's count of its answers
    if scan[e - 1] in "人条" and _comment_count(scan, s, e, w, breaks):
        return True  # 评论 0人参与,0条评论; 已有0人参与: a comment box's counts
    slide = "/" in scan[s:e]
    if slide and (s == 0 or scan[s - 1] == "\n" or _break_at(breaks, s)):
        if scan[e : e + 1] in _SPACES and _SLIDE_NUMBER.fullmatch(scan, s, e):
            return True  # 1/5 穿蓝衣服的是李大叔: a picture's number before its caption
    if not slide and scan[e - 1] != "次":
        return False  # most figures
    if not slide and scan.startswith(_VIEWS_AFTER, e):
        return True  # 0次浏览
    if not (e == len(scan) or scan[e] == "\n" or _break_at(breaks, e)):
        return False  # inside a line
    if slide:
        at_start = s == 0 or scan[s - 1] == "\n" or _break_at(breaks, s)
        return at_start and _SLIDE_NUMBER.fullmatch(scan, s, e) is not None
    return _VIEWS_AFTER_TIME.search(scan, max(0, s - 12), s) is not None


def _comment_count(scan: str, s: int, e: int, w: str, breaks: list[int]) -> bool:
    """Whether the figure at scan[s:e] (``w`` the words before it) counts a comment box's
    people or comments, at the box's start (not 共收到200条评论建议)."""
    if not scan.startswith(_COMMENT_COUNTS, e) or "评论" not in w + scan[e : e + 2]:
        return False
    return s == 0 or scan[s - 1] in _COMMENT_BOX_BEFORE or _break_at(breaks, s)


def _break_at(breaks: list[int], at: int) -> bool:
    i = bisect_left(breaks, at)
    return i < len(breaks) and breaks[i] == at


# 约占 (about makes up) a few words before a share: the share is about (约占总收入的30%, 大约占全村
# 耕地的四成); not 节约占地 (约 of another word), nor past a numeral or a clause break.
_SHARE_UNITS = frozenset(("%", "成"))
_ABOUT_SHARE = re.compile(f"(?:大约|大概|约|約)[占佔][^0-9{CN_CHARS}，。；：！？,;:!?\n]{{0,12}}$")


def _about_share_before(scan: str, s: int) -> bool:
    w = scan[max(0, s - 16) : s]
    if "占" not in w and "佔" not in w:
        return False
    m = _ABOUT_SHARE.search(scan, max(0, s - 16), s)
    return m is not None and scan[m.start() - 1 : m.start()] not in _NOT_PREFIX_BEFORE["约"]


# 分别 (each) before a bound word and a list: the bound is every item's (分别约为X、Y和Z,
# 分别超过30%、20%); 分别为 and 分别达 carry none.  The items are joined by these alone.
_EACH = ("分别", "分別")
_SHARED_BOUNDS = frozenset(("approx", "over", "under"))
_LIST_JOINS = frozenset(("、", "和", "与", "與", "及", "以及"))
_BARE_ITEM = re.compile(r"(?<![0-9.])[0-9]{1,8}(?:\.[0-9]{1,4})?[万亿]")


def _bare_items_before(scan: str, start: int, floor: int, n1: str) -> list:
    """(start, end, value) of the items of a 、-list just before ``start`` written as
    digits and the same multiplier as the figure's own number ``n1`` (42.3万、43.1万、
    18.2万农民), in text order; none if ``n1`` ends in no 万 or 亿 (3、5年 is a pair, and a
    list of bare numbers may count anything)."""
    if n1[-1] not in "万亿" or not n1[0].isdigit():
        return []
    items, end = [], start - 1  # end: the 、 after the item
    while end > floor and scan[end - 1] == n1[-1]:
        lo = end - 1
        while lo > floor and scan[lo - 1] in "0123456789.":
            lo -= 1
        m = _BARE_ITEM.fullmatch(scan, lo, end)
        if m is None:
            break
        items.append((lo, end, parse_number(m.group())[0]))
        if scan[lo - 1 : lo] != "、":
            break
        end = lo - 1
    return items[::-1]


# A minus sign makes a figure negative after a label's colon, a bracket or 为 (利润：-173元/亩,
# 利润为-50元); elsewhere a dash marks a range (200-300元) or a list item (- 底肥).
_MINUS = frozenset("-−﹣")
_MINUS_AFTER = re.compile("[:：(（为]")


# 差不多每亩460斤, 将近每亩500元: a word of about or under before the 每-word of a rate
# bounds its figure (the word in the span); a range keeps its range (大概每亩300-400斤).
# 租金约为每平方米1000元: 约为 as 约
_BOUND_BEFORE_EACH = re.compile("(?:差不多|将近|接近|大概|大约|约为|不到|不足|约|近)$")


def _bound_before_each(scan: str, s: int, qualifier, value, step, hi):
    """(start, qualifier, value, step, upper end) with the bound word before ``s``, if any."""
    w = _BOUND_BEFORE_EACH.search(scan, max(0, s - 3), s)
    if w is None or scan[w.start() - 1 : w.start()] in _NOT_PREFIX_BEFORE.get(w.group(), ()):
        return s, qualifier, value, step, hi  # 节约每亩200元: 约 is in another word
    if qualifier == "range":
        return w.start(), qualifier, value, step, hi
    return w.start(), PREFIX_QUALIFIER[w.group()], value, None, None


def _line_between(breaks: list[int], lo: int, hi: int) -> bool:
    """Whether a joined layout break (a line's end in the text) lies in ``[lo, hi)``."""
    i = bisect_left(breaks, lo)
    return i < len(breaks) and breaks[i] < hi


# A sum equal to the yield per 亩 times the price per kg written before it in its sentence is
# what one 亩 brings (每亩产量约900斤，每斤售价1.08元，总收入972元): per 亩, as the yield; the
# product decides, so a total or another sum in the same sentence keeps its own reading.
_PRODUCT_TOLERANCE = 0.01  # relative: the text rounds the product at most to its last digit
_MU_PER_HA = 1 / rates.WRITTEN_DENOMINATORS["亩"][1]  # 15: a 亩 is 1/15 ha


def _crop_of(crop, bounds: tuple, s: int):
    """The yield and price ``crop`` after a figure with ``bounds`` at ``s``."""
    written, nv, norm_unit = bounds[3], bounds[5], bounds[-1]  # (_bounds' columns)
    if norm_unit in ("kg/ha", "kg/ha/year") and nv:
        return (s, nv, written.split("/")[1:]), None  # 斤/亩/年: per 亩 and year, as written
    if norm_unit == "CNY/kg" and crop is not None:
        return crop[0], nv
    return crop


def _is_product(scan: str, s: int, bounds: tuple, crop) -> bool:
    """Whether the sum at ``s`` (plain CNY, ``bounds``) is ``crop``'s yield times its price,
    in one sentence."""
    (start, kg_per_ha, _), price = crop
    if any(c in rates.SENTENCE_STOPS for c in scan[start:s]):
        return False
    per_ha = bounds[5] * _MU_PER_HA  # the sum as the income of one 亩, per ha
    return abs(per_ha - kg_per_ha * price) <= _PRODUCT_TOLERANCE * per_ha


def _with_rate(row: tuple, read: tuple, per: list[str], whose: str) -> tuple:
    """``row`` of a sum (``_rows``' tuple) with the rate ``per``: its bounds made again."""
    unit, value, qualifier, step, hi = read
    try:
        bounds = _bounds(unit, per, value, qualifier, step, hi)
    except (ValueError, ArithmeticError):
        return row
    return (*row[:2], *bounds, f"rate as {whose}")


def _matches(scan: str, kinds=None):
    """QUANTITY's matches, as ``finditer`` finds them, tried only where a number starts
    (from the qualifier word before it, if there is one); ``kinds``: ``_scan_kinds`` of
    the scan, if at hand."""
    tried = 0
    kinds = _scan_kinds(code_points(scan)) if kinds is None else kinds
    for start, end, mixed, prefix_before in _candidate_runs(kinds):
        if end <= tried:
            continue
        # most runs are all digits or all Chinese numerals: one anchor, no function call
        for q in _anchors(scan, start, end) if mixed else (start,):
            if q < tried:
                continue
            # where no qualifier word or space ends before q, _prefix_start gives q
            p = _prefix_start(scan, q, tried) if prefix_before or q > start else q
            m = QUANTITY.match(scan, p)
            if m is None and p < q:
                m = QUANTITY.match(scan, q)
            if m is not None:
                if m[_U1] and (_range_in_a_list(scan, m) or _bound_then_figure(scan, m)):
                    # 300元、500元到700元、1000元; 从不足2万元到210.5万元: its first item
                    m = QUANTITY.match(scan, m.start(), m.start("sep"))
                yield m
                tried = m.end()
            else:
                tried = q + 1


def _range_in_a_list(scan: str, m: re.Match) -> bool:
    """A range with a unit on both ends (500元到700元) between items of a 、-list is two
    items: 租金从300元、500元到700元、1000元 lists four rents; so is one whose ends are
    rates of different denominators (60元/天至250元/月; 60元/天至250元/天 is one range)."""
    if m["per1"] is not None and m["per1"] != m["per"]:
        return True
    before, after = scan[m.start() - 1 : m.start()], scan[m.end() : m.end() + 2]
    return before == "、" or (after[:1] == "、" and after[1:] in _NUMERAL_CHARS)


def _bound_then_figure(scan: str, m: re.Match) -> bool:
    """从不足2万元到210.5万元: a bound with its own unit, then the figure it grew to, is two
    figures, not a range (约3万元到5万元 is one, about 30000 to 50000)."""
    pre = m["pre"]
    return (
        pre is not None
        and PREFIX_QUALIFIER[pre] in ("under", "over")
        and scan[m.start() - 1 : m.start()] not in _NOT_PREFIX_BEFORE.get(pre, ())
    )


def _prefix_start(scan: str, q: int, tried: int) -> int:
    """Where the qualifier word ending at ``q`` (or one space before it) starts, else the
    space before ``q``, else ``q``: where ``QUANTITY.finditer`` would start the match.

    Dictionary look-ups of the few words that can end there: trying the regular
    expression at each character before a number cost more than reading the figure.
    """
    end = q - 1 if q > tried and scan[q - 1] in _SPACES else q
    if end <= tried or scan[end - 1] not in _PREFIX_LAST:
        return end  # most numbers: no qualifier word ends before them
    for k in _PREFIX_LENGTHS:
        if end - k >= tried and scan[end - k : end] in PREFIX_QUALIFIER:
            return end - k
    return end


def _anchors(scan: str, start: int, end: int) -> list[int]:
    """Where a number can begin in a run of numerals: its start, where digits meet
    Chinese numerals (2万5), and at and after a 半 (半一%)."""
    text = scan[start:end]
    if "半" not in text and (text.isdigit() or not _DIGIT.search(text)):
        return [start]
    kinds = [2 if c == "半" else c.isdigit() for c in text]
    return [start] + [
        start + i for i in range(1, len(kinds)) if kinds[i] != kinds[i - 1] or kinds[i] == 2
    ]


# --- reading one match ---------------------------------------------------


_READ_GROUPS = ("pre", "post", "unit", "n1", "p3", "fn", "n2", "p1", "p2")
# ... by number: a name is looked up in the pattern's group index on every call
_READ_GROUP_NUMBERS = tuple(QUANTITY.groupindex[name] for name in _READ_GROUPS)
_PER, _U1 = QUANTITY.groupindex["per"], QUANTITY.groupindex["u1"]  # read for every figure
_INNER_MARKER = re.compile("[余多来几]").search


def _read_match(m: re.Match, scan: str):
    """(start, end, value, unit, qualifier, step, upper end) or None if not a quantity."""
    g = m  # groups by name (m["n1"]): one look-up each, no dict of all 22 groups
    start, end = m.span()
    pre, post, unit, n1, p3, fn, n2, p1, p2 = m.group(*_READ_GROUP_NUMBERS)  # one call
    if m[_PER] is not None and (_per_is_a_count(m, unit) or _per_starts_the_next(m, scan)):
        # 30户一年增收: 一年 starts the next phrase; so does 1个月每人3000元's 每人
        end, post, p3 = m.start(_PER), None, None
    if post == "+" and (unit not in _MONEY or scan[end : end + 1] in _SUMMAND_FIRST):
        end, post = end - 1, None  # 3+2: a sum's + only is "at least" (¥1000+), not a sum's
        # term (50人×50元/天+(初制技工)3人×100元/天)
    if post in ("起", "起步") and unit not in _MONEY:
        end, post = end - len(post), None  # 从2018年起: a date, not a price from X
    if unit in _JIAO_UNITS and not _is_jiao_money(m, scan):
        return None  # 长三角, 三角形: no money without a price's denominator or 钱
    if p1 and scan[m.start("p1") - 1] in _SPACES and len(n1) > 2 and n1[-1] != "0":
        return None  # 2019 多家: a year before 多 (1000 多亩 and 100 多元 are round)
    if pre == "不过" and (not _is_word_before(scan, start) or _at_most_before(scan, start)):
        # 不过300元的补贴: "but", at a clause's start; 最多也不过两年: 最多 reads the bound
        start, pre = _skip_spaces(scan, start + 2), None
    if pre and scan[start - 1 : start] in _NOT_PREFIX_BEFORE.get(pre, ()):
        if not (pre == "过" and n1 and scan[start - 1] == "到" and n1[0] in "百千万亿"):
            start, pre = start + len(pre), None  # 最近, 经过, 突破 are not qualifiers here
            # (but 拿到过万元 is over ten thousand: 过 before 万 alone is "over")
    if pre is None and scan[start] in _SPACES:
        start = _skip_spaces(scan, start)
    if n1 is None or fn:  # 百分之三十, 1/4, 五分之一
        return _read_share(g, start, end, pre, post)
    if pre == "上" and not all(c in MULTIPLIERS for c in n1):
        start, pre = _skip_spaces(scan, start + 1), None  # 上 is over only in 上万, 上千 …
    if pre in ("没", "没有") and (unit not in _TIME_UNITS or n1 == "一"):
        start, pre = _skip_spaces(scan, start + len(pre)), None  # 没3亩地, 没一天: no bound
    if pre == "过" and unit in _TIME_UNITS and not all(c in MULTIPLIERS for c in n1):
        start, pre = _skip_spaces(scan, start + 1), None  # 再过三四天: after, not over (过百年)
    before, ends = scan[start - 1] if start else "", None
    if before == "、" and pre is None and n2 is None and unit != "组":  # 五、六千元: 5000-6000
        paired = _pair_before(scan, start, n1)
        if paired is not None:
            start, n1, ends = paired
            before = scan[start - 1] if start else ""
    if before == "第" or (before in _SPACES and _char_before(scan, start) == "第"):
        return None  # ordinal: 第三条, 第 3 条
    if n2 is not None:
        if unit == "年" and _is_short_year(n1, scan, start, end, True):
            return None  # 19年至20年: consecutive years, 2019 to 2020
        if _is_date_part(n1, scan, start):
            return None  # 2020-07-22: a date's month and day, not a range of 7 to 22
        return _read_range(g, start, end, pre)
    marker = p1 or p2
    if not marker and not n1.isdigit():  # 20余万, 十来个 (a numeral holds one at most)
        inner = _INNER_MARKER(n1)
        marker = inner and inner.group()
    # 多 after a unit of measure or time qualifies a lone 一 (一年多); after 人 it is
    # a slogan (一人多岗).
    after = p3 and unit in _MEASURE_OR_TIME
    # 一亩半, 两年半, 一个半小时, 一亩两分: a mixed figure (a 分 is a tenth of a 亩)
    part = None
    if scan[end : end + 1] in _PART_FIRST and not (p3 or post or m[_PER] or marker):
        part = _part_after(scan, end, unit)
    # 内 qualifies no year and no article: 2020年内 (within 2020), 一年内 stay as before
    qualified = pre or (post and post != "内") or marker or after or part or unit in _MORE_UNITS
    if _is_not_a_quantity(n1, unit, scan, start, end, qualified):
        return None
    num = parse_number(n1) if ends is None else (ends[0], 1, ends[1])  # 十三、四岁: 13-14
    if num is None:
        return None
    value, step = num[0], num[1]
    if part is not None and len(num) == 2 and value.denominator == 1:
        added, end, unit = part
        value = value + added
        if post is None and scan.startswith(_ABOUT, end):
            post, end = scan[end : end + 2], end + 2  # 两块六左右, 一亩半左右: about
    if pre == "不下" and scan[start - 1 : start] in _HOLDS:
        pre = "不足"  # 装不下1000斤, 住不下20人: cannot hold that many, below it
    if pre == "近" and unit in _TIME_UNITS and not _nearly_after_verb(scan, start, end):
        if not scan.startswith(_SPAN_AFTER_PAST, end):
            return None  # 近两年，当地发展起了…: a time frame, as 这两年 (relative time)
        start, pre = _skip_spaces(scan, start + 1), None  # 近3年来: "the past 3 years"
        # (after 了 or a verb's object a verb's span: 废弃了近20年, 在外打工近20年 are
        # nearly 20 years, under)
    if unit in _MORE_UNITS or p3:  # 多 after the unit: 12亩多, 3个多月, 一个多小时
        # but % is said before its number (百分之二十多): 20%多 is 20多%, [20, 30)
        step = num[1] if unit == "%" else last_digit_place(n1)
        unit, marker = _MORE_UNITS.get(unit) or unit.replace("多", ""), "多"
        if unit == "块" and scan[end : end + 1] == "钱":
            unit, end = "块钱", end + 1  # 两块多钱 (一斤): 两块钱 and 多, 2 to 3 元
    if marker == "几":
        marker = "多"  # 十几万: as 十多万
    if marker in ("来", "把"):
        post, marker = post or "左右", None  # 十来个, 百把块钱: about ten, about a hundred
    if unit == "折" and value.denominator == 1 and 10 < value < 100 and value % 10:
        value = Fraction(value) / 10  # 85折 is 8.5折, 85 % of the price (a tenth each digit)
    qualifier = _qualifier(pre, post, marker)
    if len(num) > 2 and qualifier in ("exact", "approx"):  # 七八个; 大概有两三万块钱 keeps it
        return start, end, value, unit, "range", None, num[2]
    if len(num) > 2 and qualifier == "under":  # 顶多两三百块钱: at most the pair's high end, 300
        return start, end, num[2], unit, qualifier, None, None
    return start, end, value, unit, qualifier, step if qualifier == "plus" else None, None


_PAIR_FIRST = frozenset("一二两三四五六七八九")


def _pair_before(scan: str, start: int, n1: str):
    """(start, number, ends) of a loose pair written with 、 that ends in the figure's
    numeral: 五、六千元 (五六千, parsed as a pair; ends None), 十三、四岁 (十三, ends 13 and
    14: the tens shared; 一百二、三十人 120 and 130); None when 、 ends a longer list
    (三、四、五个) or follows a number."""
    if start > 2 and scan[start - 2] in _PAIR_DIGITS and n1[0] in _PAIR_DIGITS:
        return _digit_pair_before(scan, start, n1)
    if start < 2 or scan[start - 2] not in _PAIR_FIRST or n1[0] not in _PAIR_FIRST:
        return None
    k = start - 2  # where the numeral before 、 starts: 五, or 十三 with the tens
    while k > 0 and start - 2 - k < 3 and scan[k - 1] in CN_CHARS:
        k -= 1
    if k > 0 and scan[k - 1] == "第":
        return k, n1, None  # 第二、三名: ordinals, which the caller then drops
    if k > 0 and (scan[k - 1] in _NUMERAL_CHARS or scan[k - 1] == "、"):
        return None
    head = scan[k : start - 2]
    if not head:
        joined = scan[start - 2] + n1
        num = parse_number(joined)
        return (start - 2, joined, None) if num is not None and len(num) > 2 else None
    if head[-1] not in "十百千" or any(c in CN_DIGITS for c in n1[1:]):
        return None
    a, b = CN_DIGITS[scan[start - 2]], CN_DIGITS[n1[0]]  # 一百二、三十: 120 and 130
    lo, hi = parse_number(head + scan[start - 2] + n1[1:]), parse_number(head + n1)
    if b != a + 1 or lo is None or hi is None or len(lo) > 2 or len(hi) > 2:
        return None
    return k, head + scan[start - 2], (lo[0], hi[0])


_PAIR_DIGITS = frozenset("123456789")


def _digit_pair_before(scan: str, start: int, n1: str):
    """3、5年, 2、3万元: a loose pair in digits, one digit each (the second one or two
    above the first, or 3 and 5) after a word (如果3、5年); not a longer list (1、2、3年),
    figures said one by one (分别为3、5个),
    an ordinal (第3、4名) or a list's number at a line's start (1、2年以上经验)."""
    a, b = int(scan[start - 2]), int(n1[0])
    if not (len(n1) == 1 or (len(n1) == 2 and n1[1] in MULTIPLIERS)):
        return None
    if not (a < b <= a + 2 or (a, b) == (3, 5)):
        return None
    c = scan[start - 3]
    if not "\u4e00" <= c <= "\u9fff" or c in _NUMERAL_CHARS or c == "第":
        return None
    if "分别" in scan[max(0, start - 7) : start - 2]:
        return None  # 分别为3、5个: figures listed one by one, not a loose pair
    scale = MULTIPLIERS[n1[1]] if len(n1) == 2 else 1
    return start - 2, n1, (a * scale, b * scale)


_PART_FIRST = frozenset("半一二两三四五六七八九123456789")
# 半 after a unit of measure or time adds a half (一亩半, 两年半, 一倍半), not before a word
# it starts (半价, 半径, 半山, 半夜 …); 个 with 半 and 月 or 小时 is months or hours (三个半月).
_NOT_HALF_BEFORE = frozenset("价径岛山边导载夜拉壁数成球场截身路点")
_HALF_UNITS = _MEASURE_OR_TIME - set(_MORE_UNITS)
_TENTH_DIGITS = {c: i + 1 for i, c in enumerate("一二三四五六七八九")} | {"两": 2}
_TENTH_DIGITS |= {str(i): i for i in range(1, 10)}


def _part_after(scan: str, end: int, unit: str):
    """(the part added, the new end, the unit) of a mixed figure: 一亩半 (+1/2), 三个半月
    (+1/2, 个月), 一亩两分 (+2/10 亩: 分 after 亩 is a tenth, not 分红 or 分之一); else None."""
    c = scan[end]
    if c == "半":
        if unit == "个":  # 三个半月, 一个半小时
            for longer in ("月", "小时"):
                if scan.startswith(longer, end + 1):
                    return Fraction(1, 2), end + 1 + len(longer), "个" + longer
            return None
        if unit in _HALF_UNITS and scan[end + 1 : end + 2] not in _NOT_HALF_BEFORE:
            return Fraction(1, 2), end + 1, unit
        return None
    tenth = _TENTH_OF.get(unit)
    if tenth is not None and c in _TENTH_DIGITS:  # 三斤二两, 一块七角, 三块五
        after = scan[end + 1 : end + 2]
        if after in tenth:
            return Fraction(_TENTH_DIGITS[c], 10), end + 2 + scan.startswith("钱", end + 2), unit
        if unit == "块" and (not after or after in _SUM_ENDS or scan.startswith(_ABOUT, end + 1)):
            return Fraction(_TENTH_DIGITS[c], 10), end + 1, unit
    if (
        unit == "亩"
        and c in _TENTH_DIGITS
        and scan[end + 1 : end + 2] == "分"
        and scan[end + 2 : end + 3] not in _NOT_TENTH_AFTER
    ):
        return Fraction(_TENTH_DIGITS[c], 10), end + 2, unit
    return None


_NOT_TENTH_AFTER = frozenset("之钱红配享成别析布散工钟数")
# The unit a tenth of which follows a mixed figure's digit: 三斤二两, 一块七角 (毛 is spoken).
_TENTH_OF = {"斤": ("两",), "块": ("角", "毛"), "元": ("角", "毛")}  # 2元5角 too
# What may follow 三块五 (3.5 元): a clause's end or a price's denominator.
_SUM_ENDS = frozenset(" \u3000，。、；！？,.;!?一每/")
_ABOUT = ("左右", "上下")  # 两块六左右: about 2.6 元


_JIAO_UNITS = frozenset(("角", "毛"))
_JIAO_MONEY_AFTER = re.compile(f"{_JIAO_END}|{_ONE_WEIGHT}")
_PRICE_BEFORE = re.compile(rf"(?:每(?:{_PRICE_PER})|一(?:市斤|公斤|斤|两))$")  # 一斤三毛 too


def _is_jiao_money(m: re.Match, scan: str) -> bool:
    """A figure in 角 or 毛 is money with 钱 or a price's denominator after it (5角钱, 八毛一斤,
    3毛钱1斤) or a 每-denominator or 一 and a weight just before it (每斤三角到四角, 一斤三毛);
    长三角 is a region."""
    if m[_PER] is not None or _JIAO_MONEY_AFTER.match(scan, m.end("unit")):
        return True
    start = m.start()
    if _PRICE_BEFORE.search(scan, start - 3 if start > 3 else 0, start) is not None:
        return True
    # 每斤要高出五毛: a 每-weight a few words before, in the same clause
    return _WEIGHT_PRICE_BEFORE.search(scan, start - 9 if start > 9 else 0, start) is not None


_WEIGHT_PRICE_BEFORE = re.compile(r"每(?:市斤|公斤|斤|两)[^0-9，。；：！？,.;:!?\s]{0,6}$")


def _per_starts_the_next(m: re.Match, scan: str) -> bool:
    """住1个月每人3000元, 住1个月每人只需2500元: a 每-word followed by a number (past a modal
    word) is the next figure's rate."""
    per = m["per"]
    if per is None or per[0] != "每":
        return False
    w = _MODAL_BEFORE_NUMBER.match(scan, m.end())
    return scan[w.end() : w.end() + 1] in _NUMERAL_CHARS


_MODAL_BEFORE_NUMBER = re.compile(
    "(?:只需要|只需|只要|仅需|仅要|需要|平均|大约|约|需|要|仅|才|就|可|能|有|)"
)


def _per_is_a_count(m: re.Match, unit) -> bool:
    """一 + denominator after a figure is its rate for money only (300元一晚, 3块钱一斤); and
    a count of people is no rate of people (9亿农民每人增加收入: 每人 starts the next phrase)."""
    per = m[_PER]
    if per is None:
        return False
    if per[0] == "一" and unit not in _MONEY:
        return True
    return per in _PER_HEAD_WORDS and canonical_unit(unit)[0] in ("person", "household")


_SUMMAND_FIRST = frozenset("0123456789(（")
_PER_HEAD_WORDS = frozenset(("每人", "每户", "/人", "/户"))


def _read_share(g, start, end, pre, post):
    """百分之三十, 五分之一, 1/4: a percent (value in %, unit "%")."""
    if g["pct"]:
        num = parse_number(g["pn"])
        if num is not None and len(num) > 2:  # 百分之七八十: [70, 80], as 七八个
            qualifier = _qualifier(pre, post, None)
            if qualifier == "exact":
                return start, end, num[0], "%", "range", None, num[2]
            return start, end, num[0], "%", qualifier, None, None
        value = None if num is None else num[0]
        if g["pd"]:  # 百分之六十五点五 (65.5), 百分之零点八: the decimals read digit by digit
            if g["pn"] in ("零", "〇"):
                value = 0
            if value is None or g["p3"]:
                return None
            decimals = "".join(str(CN_DIGITS[c]) for c in g["pd"])
            value += Fraction(int(decimals), 10 ** len(decimals))
        if value is not None and g["p3"] and not (pre or post):  # 百分之二十多: [20, 30)
            return start, end, value, "%", "plus", num[1], None
    elif g["fn"]:
        value = parse_fraction(g["n1"], g["fn"])
    else:
        value = parse_fraction(g["sd"], g["sn"])
    if value is None:
        return None
    return start, end, value, "%", _qualifier(pre, post, None), None, None


_PLUS_INSIDE = re.compile("[余多几]").search


def _read_range(g, start, end, pre):
    n1, n2, u1, unit = g["n1"], g["n2"], g["u1"], g["unit"]
    if (u1 and u1 != unit) or g["p3"]:
        return None
    if unit == "年" and (looks_like_year(n1) or looks_like_year(n2)):
        return None  # 2014-2019年
    a, b = parse_number(n1), parse_number(n2)
    if a is None or b is None:
        return None
    lo, hi = a[0], b[0]
    # 2000余元至3000余元, 十多万到二十多万元: the second end runs to its 余's step
    if g["p2"] in ("余", "多", "几") or (not n2.isdigit() and _PLUS_INSIDE(n2)):
        hi = hi + b[1]
    shared = trailing_multiplier(n2)
    if shared > 1 and trailing_multiplier(n1) == 1 and lo * shared <= hi:
        lo = lo * shared  # 3至5万元: 万 applies to both ends
    elif len(n1) == 1:
        lo = lo * _place_shared(lo, hi)  # 3-4000元: 3000 to 4000, as 三四千
    if lo > hi and g["p2"] is None and trailing_multiplier(n1) == shared:
        lo, hi = hi, lo  # 3900-3000斤: written high to low, the same range
    if lo >= hi:
        return None
    if pre and PREFIX_QUALIFIER[pre] != "approx":  # 约为250-400元: 约 in the span, a range
        start += len(pre)
    return start, end, lo, unit, "range", None, hi


def _place_shared(lo, hi) -> int:
    """The place value a one-digit first end takes from the second (3-4000: 1000), as in a
    loose pair (三四千): the second a neighbouring digit and zeros, from hundreds up."""
    if hi.denominator != 1 or hi < 100:
        return 1
    hi = int(hi)
    place = 10 ** (len(str(hi)) - 1)
    first, rest = divmod(hi, place)
    if rest or not (lo < first <= lo + 2 or (lo, first) == (3, 5)):
        return 1
    return place


# What follows a village group's name: its people (罗令五组的村民, 金陵寨四组村民) or a count
# of its households or people (花王九组89户农民); a count of groups has neither (分成五组).
_GROUP_NAME_AFTER = re.compile(
    rf"的?(?:村民|农户|群众|居民|党员|组员)|[0-9{CN_CHARS}]{{1,6}}(?:户|名|位|人(?!次))"
)
_NOT_NAME_BEFORE = frozenset("分成为编有共计了和及每各这那第")


def _is_word_before(scan: str, start: int) -> bool:
    """A CJK character before ``start``: the figure's clause has begun (产值不过 X)."""
    return "\u4e00" <= scan[start - 1 : start] <= "\u9fff"


def _at_most_before(scan: str, start: int) -> bool:
    """A word of at most or at least a few characters before ``start`` (最多也不过, 最长也不过)."""
    return _AT_LEAST_GAP.search(scan, max(0, start - _AT_LEAST_REACH), start) is not None


def _is_name_before(scan: str, start: int) -> bool:
    """A name's last character before ``start``: a CJK character neither numeral nor verb."""
    c = scan[start - 1 : start]
    return "\u4e00" <= c <= "\u9fff" and c not in _NOT_NAME_BEFORE and c not in _NUMERAL_CHARS


# The nouns of a pair of people counted with 二人 (兄弟二人: the two brothers)
_PAIRS = frozenset(
    "兄弟 姐妹 兄妹 姐弟 夫妻 夫妇 夫婦 母子 母女 父子 父女 师徒 祖孙 婆媳 叔侄 姑嫂 妯娌 爷孙"
    " 他们 她们 我们 你们".split()
)


# Before 近 and a span of time, these make it "the past N" (在近3年里, 这近两年, 坝子里近十多年,
# 她近4天采收: a place or a person before it); any other character of a word is a verb or its
# object, whose span is nearly N (打工近20年).
_PAST_BEFORE_NEAR = frozenset("在于从最这那的是后前里内中上下她他我你它们")
# ... and only 来 or 以来 after the span makes it one (近30年来, 这5年来: over the past N years);
# 近两年 alone frames a time, as 这两年 does, and names no span (the issue's relative time)
_SPAN_AFTER_PAST = ("来", "以来")
# Verbs of holding before 不下: what cannot be held (装不下1000斤) is more than is held
_HOLDS = frozenset("装放住坐容盛睡停躺吃")


def _nearly_after_verb(scan: str, start: int, end: int) -> bool:
    """Whether 近 at ``start`` (a span of time to ``end``) follows a verb: nearly, under."""
    before = scan[start - 1 : start]
    if before == "了":
        return True
    if scan.startswith(("来", "以来", "的"), end) or not "\u4e00" <= before <= "\u9fff":
        return False  # 近30年来, 了解近3年的数据: the past N years
    return before not in _PAST_BEFORE_NEAR


# A year and a dash, slash or dot before a figure: the month and day of a date (2020-07-22,
# with the next line's first word read as a unit: 07-22\n\n张)
_DATE_MARKS = frozenset("-/.")
_YEAR_BEFORE = re.compile(r"(?<![0-9])[12][0-9]{3}[-/.]$")


def _is_date_part(n1: str, scan: str, start: int) -> bool:
    """A leading zero (09-17, 08:30: a date, a time or a code), or a year and a dash before
    the figure (2020-12-01)."""
    if len(n1) > 1 and n1[0] == "0" and n1[1].isdigit():
        return True
    before = scan[start - 1 : start]
    return before in _DATE_MARKS and _YEAR_BEFORE.search(scan, max(0, start - 5), start) is not None


def _is_not_a_quantity(n1, unit, scan, start, end, qualified) -> bool:
    if _is_date_part(n1, scan, start):
        return True  # 09-17, 08:30, 2020-12-01
    if (
        unit == "组"
        and (
            (
                scan[start - 1 : start] in _GROUP_NAMED_AFTER
                and not scan[start - 2 : start - 1].isdigit()
            )
            or (scan[start - 2 : start] == "社区" and n1[0] in CN_CHARS)  # 翠簧社区三组
            or (scan[start - 1 : start] == "、" and scan[start - 2 : start - 1] in "组" + CN_CHARS)
        )
    ):
        return True  # 三合村7组: the village's group number 7, a name; so 七组、八组, 四、五组
        # (142村1120组: after a count of villages, a count of groups)
    if unit == "组" and _GROUP_NAME_AFTER.match(scan, end) and _is_name_before(scan, start):
        return True  # 花王九组89户农民, 罗令五组的村民: a village group named by its number
    if unit == "村" and n1 == "1" and scan[end : end + 1] == "1":
        return True  # 1村1品, 1村1策: the slogan 一村一品 in digits
    if n1 == "一" and len(unit) == 1 and scan[end : end + 1] == unit:
        return True  # 一斤斤粮食, 一座座大棚: many of them, no count
    if unit == "日" and scan[start - 1 : start] in ("月", "初"):
        return True  # 7月3日游园, 初五日营业: a date
    if unit == "分" and n1 in ("十", "百", "万"):
        return True  # 十分地 (very), 百分, 万分: adverbs, not land
    if unit == "头" and n1 == "两" and scan[end : end + 1] in _BOTH_ENDS_VERB:
        return True  # 两头跑, 两头忙, 两头顾: both ends (of a commute, a life), not two head
    if unit == "口" and n1 == "两" and scan[start - 1 : start] in ("老", "小"):
        return True  # 老两口, 小两口: a couple, a noun
    if unit in _ADDRESS_UNITS and _ADDRESS_AFTER.match(scan, end):
        return True  # 3栋2单元, 5组3号: an address, not a count
    if (
        unit in _SEAT_UNITS
        and scan[end : end + 1] in _VEHICLE_FIRST
        and _VEHICLE_AFTER.match(scan, end)
    ):
        return True  # 7座的小面包车, 六人坐的小巴: a vehicle's seats, its type
    if len(n1) == 2 and scan[start - 1 : start] == ":" and scan[start - 3 : start - 1].isdigit():
        return True  # 07:19 人民网: a clock time, not 19 people (房型1：201元 is a price)
    if n1 == "二" and unit == "人" and scan[start - 2 : start] in _PAIRS:
        return False  # 兄弟二人, 夫妻二人: the two of a pair, counted
    if n1 in ("一", "二") and not qualified and not _lone_yi_measures(n1, unit, scan, start, end):
        if n1 == "一" and unit in _ONE_YUAN and scan[end : end + 1] not in _NOT_ONE_YUAN:
            return False  # 从一元涨到1.6元: money is counted (not 一元化, 一元复始, 一元二次)
        return True  # 一 is an article (一个村庄), 二 before a classifier an ordinal (二次)
    if unit == "年" and (
        (looks_like_year(n1) and not qualified and not _is_an_age(scan, start, end))
        or scan[end : end + 1] in ("级", "代")
    ):
        return True  # 2014年, 三年级, 80年代
    if unit == "年" and n1[:2] in ("19", "20") and _is_dated_year(n1, scan, end):
        return True  # 不低于2023年标准, 超过2020年同期: a year's level, after a bound word
    if unit == "年" and _is_short_year(n1, scan, start, end, qualified):
        return True  # 19年数据, 20年底, 19年至20年, 从19年开始: 2019 and 2020 abbreviated
    if unit == "年" and scan.startswith(_CAMPAIGN_AFTER, end):
        return True  # 公路三年大决战, 三年行动: a campaign's name, not a duration
    if unit == "年" and not n1[0].isdigit() and _CAMPAIGN_PLAN.match(scan, end):
        return True  # 关岭牛三年振兴计划: a plan's name (in Chinese numerals only)
    if unit == "次" and scan.startswith(_TRAINS, end):
        return True  # 73次列车: a train's number (tested here, not in the unit's pattern: 次
        # stays in the one-character class, which QUANTITY tries at every figure)
    if unit in _TIME_UNITS and _is_relative_time(scan, start, end):
        return True  # relative time: 这两年, 两年前, 两个月后 (not 这5年来, 经营6个月后)
    if unit in _NOUN_UNIT_SET and not (n1[0].isdigit() or qualified or n1[-1] in "万亿"):
        if not (unit in _VILLAGE_NOUNS and _villages_counted(scan, start, end)):
            return True  # 三村民: only a number that is surely one counts a bare noun
    if _counted_head(unit) and _money_before(scan, start):
        return True  # 投资500万建设居民安置房: a sum, with a word before the noun
    if n1[0] in "百千万亿" and all(c in MULTIPLIERS for c in n1) and not qualified:
        if unit not in _MONEY and not (unit == "倍" and scan[start - 1 : start] in _TIMES_BEFORE):
            return True  # epithets: 千亩玉米地, 万人空巷, 信心百倍 (not 是柠檬的百倍)
    if n1[0] in CN_CHARS:
        if unit == "元" and n1 == "三" and _is_cross_breed(scan, start, end):
            return True  # 外三元, 三元杂交猪: a pig cross of three breeds, a name
        said = unit in _MONEY and not all(c in MULTIPLIERS for c in n1)  # not “万元户”
        if not said and in_short_quote(scan, start, end):
            return True  # names: “红十二条”, “十户联体” (a sum is said: “住一晚要两千元”)
        if scan[end : end + 1] in CN_DIGITS and _METHOD_NAME.match(scan, end):
            return True  # 四股六分法, 三股两分法: a method's name, no count
        slogans = _SLOGANS.get(scan[start:end])
        if slogans is not None and scan.startswith(slogans, start):
            return True  # 五位一体, 四个全面, 两个维护: a political slogan, no count
        if (
            unit not in _PEOPLE_UNITS
            and scan[end : end + 1] in _PLACE_SUFFIX
            and scan[end : end + 2] not in _NOT_PLACE_WORDS
        ):
            return True  # place names: 五家畈, 四台子
        if (
            not qualified
            and unit not in _PEOPLE_UNITS
            and unit not in _MEASURE_OR_TIME
            and _TOWN_AFTER_WORD.match(scan, end)
        ):
            return True  # 三棵树镇, 五棵松寨: a place named by a counted thing
        if _is_a_listed_name(scan, start, end):
            return True  # 协丰、三棵树、才子等30多家企业: a firm's name in a list of names
    return False


# A town or village named by a numeral, a classifier and one character (三棵树镇, 五棵松寨).
# Not a measure's (两公里的寨沙侗寨: a distance), nor 村 or 乡 after a verb (近万支驻村工作队,
# 两支下乡队伍): those two are left out.
_TOWN_AFTER_WORD = re.compile("(?![的之了和与及])[\u4e00-\u9fff][镇寨屯堡]")
# A list of names of firms or brands: an item of it is a name, whatever numeral it holds
# (三棵树, 三只松鼠, 六个核桃).  The word for what the list names stands just after its 等 or
# just before it.
_NAMES_LIST_WORD = re.compile("企业|公司|品牌|集团|厂家|商家|龙头|老字号|商标")
_LIST_ITEM_END = re.compile("[\u4e00-\u9fff]{1,3}?(?=[、等])")


def _is_a_listed_name(scan: str, start: int, end: int) -> bool:
    """Whether the figure at ``start:end`` begins an item of a 、-list of firms' or brands'
    names with no other numeral in the list (种了三棵树、两棵桃 counts trees)."""
    item = _LIST_ITEM_END.match(scan, end)
    if item is None or "、" not in (scan[start - 1 : start], scan[item.end()]):
        return False
    lo = _clause_start(scan, start, 20)
    hi = scan.find("等", item.end(), item.end() + 30)
    if hi < 0:
        return False
    rest = scan[lo:start] + scan[item.end() : hi]
    if any(c in _NUMERAL_CHARS for c in rest) or "，" in rest or "," in rest:
        return False
    return _NAMES_LIST_WORD.search(scan, hi, hi + 12) is not None or bool(
        _NAMES_LIST_WORD.search(scan, lo, start)
    )


# A two-digit year (19年 for 2019) is read by what surrounds it, as a duration (干了19年, 租期20年,
# 20年来) is written the same: before a word that dates (数据, 年底, 3月, 对比), in a range of
# consecutive years (19年至20年), or between 从/自 and 开始/起.
_SHORT_YEAR = re.compile(r"[12][0-9]")
_SHORT_YEAR_AFTER = re.compile(
    r"(?:[数數][据據字]|同期|年[底初末]|[底初末]|[上下]半年|全年|度|第[一二三四1-4]季度"
    r"|(?:1[0-2]|[1-9])月|[对對]比|相比|同比)"
)
_SHORT_YEAR_RANGE = re.compile(r"([12][0-9])年[至到\-—~和与與]([12][0-9])年")


def _money_before(scan: str, start: int) -> bool:
    """Whether a word of money stands in the clause just before ``start`` (8 characters)."""
    return _MONEY_BEFORE.search(scan, _clause_start(scan, start, 8), start) is not None


def _clause_start(scan: str, start: int, reach: int) -> int:
    """Where the clause holding ``start`` begins, looking back ``reach`` characters at most."""
    lo = max(0, start - reach)
    for stop in "，。；：！？,;:!?\n":
        lo = max(lo, scan.rfind(stop, lo, start) + 1)
    return lo


_YEAR_LEVEL_AFTER = re.compile("标准|水平|的(?:标准|水平)")


def _is_dated_year(n1: str, scan: str, end: int) -> bool:
    """A year in four digits before a word that dates (同期, 底, 标准, 水平), even qualified."""
    return len(n1) == 4 and bool(
        _SHORT_YEAR_AFTER.match(scan, end) or _YEAR_LEVEL_AFTER.match(scan, end)
    )


def _is_short_year(n1: str, scan: str, start: int, end: int, qualified) -> bool:
    """19年数据, 20年底, 19年至20年 (consecutive), 从19年开始: a year written in two digits."""
    if not _SHORT_YEAR.fullmatch(n1) or scan[start - 1 : start].isdigit():
        return False
    pair = _SHORT_YEAR_RANGE.match(scan, start)
    if pair and int(pair[2]) == int(pair[1]) + 1:
        return True  # 19年至20年 read as one range, or 19年和20年 as two figures
    if qualified:
        return False  # 近20年, 20多年: a duration
    if _SHORT_YEAR_AFTER.match(scan, end):
        return True
    if _dated_just_before(scan, start, end):
        return True  # 将19年数据和20年数据对比，可以发现20年平库的租金: the year named again
    back = _SHORT_YEAR_RANGE.search(scan, max(0, start - 4), end)
    if back and back.start(2) == start and int(back[2]) == int(back[1]) + 1:
        return True  # the second of 19年和20年
    return scan[start - 1 : start] in "从自" and scan.startswith(("开始", "起"), end)


# A two-digit year read by the text's dating: one was dated within these characters before, and it
# stands before a noun (20年平库), not after a word of duration (干了20年, 租期20年) nor before
# one (20年来, 20年以上, 20年的时间).
_DATED_REACH = 120
_SHORT_YEAR_WORD = re.compile("(?<![0-9])[12][0-9]年")
_NOT_DATED_BEFORE = frozenset("了期达满过近约共长干做有用为是")
_NOT_DATED_AFTER = frozenset("来以内里后前间之多半的时左上期中，。；、,;")


def _dated_just_before(scan: str, start: int, end: int) -> bool:
    """Whether the two-digit year at ``start:end`` stands before a noun shortly after a
    two-digit year the text dated (19年数据…，20年平库)."""
    if scan[start - 1 : start] in _NOT_DATED_BEFORE or not "\u4e00" <= scan[end : end + 1]:
        return False
    if scan[end] in _NOT_DATED_AFTER or scan[end] > "\u9fff":
        return False
    lo = max(0, start - _DATED_REACH)
    if "年" not in scan[lo:start]:
        return False
    return any(
        _SHORT_YEAR_AFTER.match(scan, y.end()) for y in _SHORT_YEAR_WORD.finditer(scan, lo, start)
    )


# What 两头 "both ends" does: 两头跑 (commutes), 两头忙, 两头顾, 两头兼顾, 两头奔波, 两头受气,
# 两头落空, 两头照顾, 两头为难; two head of cattle are followed by what they are (两头牛, 两头黄牛).
_BOTH_ENDS_VERB = frozenset("跑忙顾兼奔受落照为难堵")


def _is_cross_breed(scan: str, start: int, end: int) -> bool:
    """三元 names a pig cross after 外, 内 or 土 (外三元) or before 杂交 or 猪 (三元猪)."""
    return scan[start - 1 : start] in ("外", "内", "土") or scan.startswith(
        ("杂交", "猪", "母猪"), end
    )


# 百倍, 千倍 after these compare (是柠檬的百倍, 增长了百倍, 提高百倍); elsewhere they are an
# epithet (信心百倍, 身价百倍)
_TIMES_BEFORE = frozenset("的是为了达到翻长高出")
# A Chinese numeral and classifier, another numeral and a word ending in 法 name a method
_METHOD_NAME = re.compile(
    f"[{''.join(CN_DIGITS)}十]{{1,2}}[\u4e00-\u9fff]{{0,3}}?法(?![律规院官庭人])"
)
_ADDRESS_UNITS = {"栋", "幢", "座", "组", "号"}
_ADDRESS_AFTER = re.compile(f"[0-9{CN_CHARS}]{{1,4}}(?:单元|号|室|层|楼)")
# Political slogans counted with a classifier, by their figure (looked up for a figure
# written in Chinese numerals only, not searched for in the whole text).
_SLOGANS = {
    "五位": ("五位一体",),
    "四个": ("四个全面", "四个意识", "四个自信", "四个一批"),
    "三个": ("三个代表重要思想", "三个一批"),
    "两个": ("两个维护", "两个确立", "两个务必", "两个一百年"),
    "两条": ("两条底线",),  # 守好发展和生态两条底线
    "五个": ("五个一批", "五个一工程"),
    "六个": ("六个一批", "六个精准"),
    "八项": ("八项规定",),
}
_ONE_YUAN = {"元", "元钱", "块钱", "角钱", "毛钱"}  # 一毛钱 is money (一角 is a corner)
_NOT_ONE_YUAN = frozenset("化论复次制素件宵旦")
_VEHICLE = "的?[小大中]?(?:面包|商务|客|轿|汽|货|越野|巴士|大巴)?车(?![间站道库位])|的?[小大中]巴"
_SEAT_UNITS = frozenset(("座", "人"))
_VEHICLE_FIRST = frozenset("座坐的小大中面商客轿汽货越巴车")  # what _VEHICLE_AFTER starts with
_VEHICLE_AFTER = re.compile(f"(?<=座)(?:{_VEHICLE})|(?<=人)[座坐](?:{_VEHICLE})")


def _is_an_age(scan: str, start: int, end: int) -> bool:
    """有2300年历史, 已有1200年的历史: a year-like number of years that is an age."""
    if scan.startswith(_AGE_AFTER, end):
        return True
    return scan.startswith("的历史", end) and "有" in scan[max(0, start - 3) : start]


_TRAINS = ("列车", "特快", "动车", "航班")  # 73次列车: a train's number, no count
# Villages counted in Chinese numerals where no name can hold them: after a stop or a word of
# which (，两村合并以来, 这两村), and not a name's start (蔡三村, 三村村委会, a text's first word)
_VILLAGE_NOUNS = frozenset(("村",))
_WHICH_BEFORE = frozenset("这该各全共等和与及、")
_NAME_GOES_ON = frozenset("村委镇乡组寨")


def _villages_counted(scan: str, start: int, end: int) -> bool:
    before = scan[start - 1 : start]
    cjk = "\u4e00" <= before <= "\u9fff"
    after = scan[end : end + 1]
    return before != "" and (not cjk or before in _WHICH_BEFORE) and after not in _NAME_GOES_ON


def _is_relative_time(scan: str, start: int, end: int) -> bool:
    """这两年, 两年前, 两个月后 name a time; 这5年来 and 经营6个月后 a duration."""
    if scan[start - 1 : start] in ("这", "那"):
        return scan[end : end + 1] != "来" and scan[end : end + 2] != "以来"
    return (
        _RELATIVE_AFTER.match(scan, end) is not None
        and (
            scan[start - 1 : start]
            != "了"  # 忙碌了3个多月后: any verb's 了 (用了, 干了 …) says a duration
            and scan[start - 2 : start] not in _DURATION_VERBS
            and (
                scan[start - 1 : start] not in _DURATION_VERB_CHARS
                or scan[start - 2 : start] in _NOT_VERB_LAI
            )
        )
    )


def _lone_yi_measures(n1, unit, scan, start, end) -> bool:
    """离家一公里 is a distance; 最后一公里, 一亩多收, 一米一景 are sayings."""
    return (
        n1 == "一"
        and unit in _MEASURE_UNITS
        and scan[start - 2 : start] != "最后"
        and scan[end : end + 1] not in ("多", "一")
    )


def _qualifier(pre, post, marker) -> str:
    if pre:
        if marker and PREFIX_QUALIFIER[pre] == "approx":
            return "plus"  # 约300多万元, 约百余家: 多 (余) bounds it, 约 only hedges (DESIGN.md)
        return PREFIX_QUALIFIER[pre]
    if post:
        if post.endswith(("不到", "不足")):
            return "under"
        if post in ("起", "起步", "+"):
            return "over"
        if post == "内":
            return "under"
        return "approx" if post == "上下" else SUFFIX_QUALIFIER[post[-2:]]  # (含)以上: 以上
    if marker:
        return "plus"
    return "exact"


def _char_before(scan: str, i: int) -> str:
    """The character before ``i``, past at most a few spaces of layout."""
    j = i - 1
    while j >= 0 and i - j <= 3 and scan[j] in (" ", "\u3000", "\u00a0"):
        j -= 1
    return scan[j] if j >= 0 else ""


def _skip_spaces(scan: str, i: int) -> int:
    while scan[i : i + 1] in (" ", "\u3000", "\u00a0"):
        i += 1
    return i


# --- rates -----------------------------------------------------------------


def _rate(scan, m, start, unit, prev_end, prevs, per_after, breaks, top, rated, lists):
    """(start, denominators, curator's note) of the figure (extract.rates)."""
    prev, money = prevs[:2]  # the figure before if a sum with a rate; the last sum with one
    if unit is None or unit == "%":
        return start, [], ""
    written = m[_PER] or per_after
    if not written and scan[m.end() : m.end() + 1] == "/" and _HAN(scan, m.end() + 1):
        return start, [], ""  # 30-50元/餐, 5元/碗: a price per a unit of no canonical rate
    if (
        not written
        and unit in _MONEY
        and ("=" in scan[start - 3 : start] or "＝" in scan[start - 3 : start])
    ):
        if _WORKED_TOTAL.search(scan, max(0, start - 3), start):
            return start, [], ""  # 400元/晚 × 3晚 = 1200元: a sum worked out is no rate
    own = written and not (_per_is_a_count(m, unit) or _per_starts_the_next(m, scan))
    per = rates.split_denominators(written) if own else []
    before, width = [], 0
    # a rate before it?  (a slice and `in`: max() and str.find with bounds each parse
    # their arguments, which cost more than the slice, for every figure)
    lo = start - rates.BEFORE_LOOKBACK
    near = scan[lo if lo > 0 else 0 : start]
    if "每" in near or "均" in near or "价" in near or ("一" in near and unit in _MONEY):
        before, width = rates.rate_before(scan, start)
        if before and scan[start - width] == "每" and rates.is_count(canonical_unit(unit)[0]):
            if not rates.count_per(before, scan, m.end()):  # 每戶450株: count:株/household
                before, width = [], 0  # 每人1床被单、1个茶杯: a list of what each one gets
    money_or_weight = unit in _MONEY or unit in rates.WEIGHT_UNITS
    if not before and "亩" not in per and "亩" in near and money_or_weight:
        width = rates.one_mu_before(scan, start)  # 一亩田700斤, 一亩地600元, 一亩地两百块一年
        before = ["亩"] if width else []
    if not before and not per and unit in _MONEY and ("按" in near or "以" in near):
        before, width = rates.one_weight_priced(scan, start)  # 按照一斤10元的价格: CNY/kg
    if before or per:
        per = _written_rate(per, before)
        if per and set(before) <= set(per):
            start -= width  # the span covers 每亩 when the rate uses it
        if per == ["人"] and unit in _MONEY and _visit_parts(scan, start):
            return start, ["人次"], "rate as the spending per visit before (其中)"
        if len(per) == 1 and unit in _MONEY:
            lo = max(prev_end, start - rates.CLAUSE_LOOKBACK)
            if rates.has_clause_word(scan, lo, start):  # 年租金每亩800元: its clause's period
                per = rates.other_side(rates.own_clause(scan, lo, start), per)
        if len(per) == 1 and unit in _MONEY:
            per = _completed(scan, start, per, "", prev_end, rated)
        if len(per) == 1 and unit in _MONEY and per[0] in rates.PERIOD_WORDS:
            head = rates.table_rate_of(scan, start, breaks)  # | 住宿 | 200元/晚 | under 人均
            if head and head[0] not in rates.PERIOD_WORDS:
                per = rates.ordered([*head, *per]) or per
        return start, per, ""
    mu_end = prevs[2][0] if prevs[2][1][:1] == ["亩"] else -1  # the last yield per 亩's end
    if unit not in _MONEY:
        area = unit in rates.AREA_UNITS
        held = area or unit in rates.WEIGHT_UNITS
        if held and "均" in near and (per := rates.avg_held_before(scan, start, area)):
            return start, per, "rate from 户均/人均 (the noun between)"  # 户均种植面积9.14亩
        if unit in rates.WEIGHT_UNITS:
            if rates.has_yield_word(scan, max(0, start - rates.YIELD_LOOKBACK), start):
                per = rates.yield_before(scan, start)  # 亩产可达2吨: t/ha
                if per:
                    return start, per, ""
            yield_end, yield_per = prevs[2]  # 每亩产量约6000公斤，次品果3000公斤左右
            if 0 <= yield_end < start and rates.parallel_yield(scan[yield_end:start], yield_per):
                return start, yield_per, "rate as the yield before"
            unit_yield = "单产" in scan[max(0, start - 8) : start]  # 亩产达…，单产超1200公斤
            if unit_yield and rates.unit_yield(scan, start, mu_end):
                return start, yield_per, "rate as the yield before (单产)"
            if "亩" in scan[max(prev_end, start - rates.CLAUSE_LOOKBACK) : start]:
                clause = rates.own_clause(scan, max(prev_end, start - rates.CLAUSE_LOOKBACK), start)
                per = rates.weight_per_mu(clause)  # 按每亩种植50斤: kg/ha
                if per:
                    return start, per, "rate from 每亩 (its clause)"
        elif "年" in near and rates.is_yearly_count(unit, _canonical(unit)[0], near):
            per = rates.yield_before(scan, start)  # 年出栏仔香猪20万头: count:头/year
            if per:
                return start, per, ""
        return start, [], ""
    lo = start - rates.CLAUSE_LOOKBACK
    lo = lo if lo > prev_end else prev_end  # (max() parses its arguments: a sum's cost)
    pieces = rates.CLAUSE_START.split(scan[lo:start])
    per, words = rates.clause_rate(pieces[-1], True)
    if not per and scan.endswith("价值", 0, start):  # 每人每天…1份价值3元: the value of one
        per, words = rates.one_valued(scan, start)
    if not per and scan[m.end() : m.end() + 1] in "左以上的年月日":  # 1万元左右的人均收入
        per, words = rates.avg_after(scan, m.end())
    if not per and "、" in pieces[-1]:  # 每人1床被单、…、500元钱
        clause = rates.own_clause(scan, max(0, start - rates.LIST_HEAD_REACH), start)
        per, words = rates.each_list_head(clause)
    whole_lead = len(pieces) > 2 or lo == 0 or rates.CLAUSE_START.match(scan, lo - 1)
    if not per and len(pieces) > 1 and whole_lead:  # the lead clause is seen whole
        per, words = rates.lead_clause_rate(pieces[-2])
    if not per and len(pieces) > 1 and whole_lead:  # 社区每年光靠…出租，集体经济收入就有23万元
        per, words = rates.yearly_lead(pieces[-2], pieces[-1])
    if not per and len(pieces) > 1 and whole_lead:  # 潘家一家都分得最多，今年共分得5.8万元
        per, words = rates.most_holder(pieces[-2])
    if not per and len(pieces) > 1 and whole_lead and rates.has_work_period(pieces[-2]):
        per, words = rates.work_lead(pieces[-2], pieces[-1], scan[m.end() : m.end() + 4])
    if not per and prev_end and start - prev_end <= rates.EACH_REACH:
        last = scan[prev_end - 1]  # what the figure before counts: a period, or holders
        if last in rates.PERIOD_ENDS:  # 住1个月每人3000元
            per, words = rates.one_period_before(scan, prev_end, start)
        elif last in rates.HOLDER_ENDS:  # 7户人家各出资3万元, 386户农户都领到了2000元
            per, words = rates.each_holder(scan, prev_end, start)
    if not per and mu_end >= 0 and rates.cost_per_mu(scan, start, pieces[-1], mu_end):
        per, words = ["亩"], "每亩 (the sentence's)"  # 按每亩种植50斤计算，种子成本约为250元
    if not per and mu_end >= 0 and rates.value_per_mu(scan, start, pieces[-1], mu_end, top):
        per, words = ["亩"], "亩产 (the sentence's)"  # 亩产1500多斤,但产值不过1700元
    if not per and "每" in scan[max(rated[0], start - rates.EACH_LEAD_REACH) : start]:
        per, words = rates.each_lead(scan, start, rated[0])  # 每户只要养两箱蜂，年增收2000元
    back = start - rates.CLAUSE_LOOKBACK  # a figure between: 每年 before it, in the clause?
    if not per and prev_end == lo and "每" in scan[back if back > 0 else 0 : lo]:
        per, words = rates.period_heading_clause(scan, start)  # 每年通过3亩多土地流转还有1500多元
    if per == ["人"] and _visit_parts(scan, start):  # 其中…；人均农产品直销额42元: per visit
        return start, ["人次"], "rate as the spending per visit before (其中)"
    if per:
        if len(per) == 1:
            per = _completed(scan, start, per, words, prev_end, rated)
        return start, per, f"rate from {words}"
    if prev and lo == prev_end:
        prev_rate, prev_start, prev_top = prev
        between = scan[lo:start]
        if len(pieces) == 1 and not _NEXT_BRACKET.search(between):
            return start, prev_rate, "rate as the figure before"
        if rates.parallel_item(between, scan[m.end() : m.end() + 2]):  # 平日一晚3000元，周末4700元
            return start, prev_rate, "rate as the parallel sum before"
        # 人均收入16729元，比上年增加1141元: the same measure restated, not a new sum
        near = top <= rates.RESTATED_MAX_RATIO * prev_top  # not a total after a per-head sum
        if near and rates.restated(scan, prev_start, lo, start):
            return start, prev_rate, "rate as the sum before, restated"
        if near and rates.period_total(between, prev_rate):  # …，总共有1万多元的收入
            return start, prev_rate, "rate as the period's sum before, totalled"
    elif (
        money
        and start - money[3] <= rates.RESTATED_REACH
        and top <= (rates.RESTATED_MAX_RATIO * money[2])
    ):  # 人均可支配收入1.68万元，同比增长9.2%，其中工资性收入8600元: past a share
        if rates.restated(scan, money[1], money[3], start):
            return start, money[0], "rate as the sum before, restated"
    if not prev and prev_end:  # 一天摘80公斤棉花赚150元: the pay for the work before
        per, words = rates.work_period(scan, start, prev_end)
        if per:
            return start, per, f"rate from {words} (the work before)"
    per, words = rates.list_rate(scan, start, prev_end, breaks, lists)  # a list's item?
    if per:
        return start, per, f"rate from the list's header ({words})"
    if _visit_parts(scan, start):  # 87元/人次。其中，旅游观光消费32元
        return start, ["人次"], "rate as the spending per visit before (其中)"
    if money and "其中" in scan[max(0, start - rates.PARTS_REACH) : start]:
        if rates.parts_after(scan, start, top, money):  # 每亩补助1500元，其中种苗费300元
            return start, money[0], "rate as the whole before (其中)"
    return start, [], ""


_WORKED_TOTAL = re.compile(r"[=＝][ \u3000]*$")
_HAN = re.compile("[\u4e00-\u9fff]").match
# 租赁(100元/半天)、探险(押金200元): a sum in the next bracket is another item's, not the same rate
_NEXT_BRACKET = re.compile(r"[)）][^(（]*[(（]")


def _visit_parts(scan: str, start: int) -> bool:
    """rates.visit_parts behind a test for 其中 in reach (most sums have none)."""
    if "其中" not in scan[max(0, start - rates.VISIT_PARTS_REACH) : start]:
        return False
    return rates.visit_parts(scan, start)


def _completed(scan, start, per, words, prev_end, rated):
    """A one-sided rate of a sum completed by the stay of one period just before it (住1个月
    每人3000元: CNY/person/month), else by its sentence (rates.sentence_rate)."""
    if per[0] not in rates.PERIOD_WORDS and prev_end and scan[prev_end - 1] in rates.PERIOD_ENDS:
        period = rates.one_period_before(scan, prev_end, start)[0]
        if period:
            return rates.ordered([*per, *period]) or per
    return rates.sentence_rate(scan, start, per, words, *rated)


def _written_rate(after: list[str], before: list[str]) -> list[str]:
    """Denominators written on a figure: 每亩900元/年 is per 亩 and year, one written
    twice counts once; when the sides disagree (每人300元/亩) the unit after the figure wins."""
    both = list(dict.fromkeys(after + before))
    return next((d for d in (both, after, before) if rates.ordered(d) is not None), [])


# --- bounds and units -------------------------------------------------------


def _bounds(unit, per, value, qualifier, step, hi):
    """(value, lower, upper, unit, qualifier, norm_value, norm_lower, norm_upper, norm_unit).

    Bounds come from units.interval; the exact Fractions are scaled to the
    canonical unit before any float is made, so 50亩 is 10/3 ha, not 3.33….
    Whole numbers are kept as ints: Fraction arithmetic was most of the time.
    """
    if per:
        ordered = rates.ordered(per)
        if ordered is None:
            raise ValueError(f"no rate: {unit}/{'/'.join(per)}")
        norm_unit, factor = _rate_unit(unit, tuple(ordered))
        unit = "/".join([unit, *ordered])
    else:
        norm_unit, factor = _canonical(unit)
    if value.denominator == 1:
        value = value.numerator
    if step is not None and step.denominator == 1:
        step = step.numerator
    if hi is not None and hi.denominator == 1:
        hi = hi.numerator
    v, nv = float(value), _exact_float(value, factor)
    if qualifier == "exact":  # most figures: units.interval's [X, X] without the call
        return v, v, v, unit, qualifier, nv, nv, nv, norm_unit
    raw = _interval(value, qualifier, step, hi, 1)
    norm = raw if factor == 1 else _interval(value, qualifier, step, hi, factor)
    return (v, *raw, unit, qualifier, nv, *norm, norm_unit)


def _exact_float(value, factor) -> float:
    """float(value * factor) for ints and Fractions, as the one int division float() of a
    Fraction is, without the product Fraction made and normalised first."""
    if type(value) is int and type(factor) is int:  # most figures: no attribute read
        return float(value * factor)  # an int's float is correctly rounded, as n / 1 is
    return value.numerator * factor.numerator / (value.denominator * factor.denominator)


@lru_cache(maxsize=512)
def _canonical(unit: str):
    return _whole_factor(*canonical_unit(_counted_head(unit) or unit))


def _counted_head(unit: str) -> str | None:
    """The noun a _MODIFIED_NOUN unit counts (猕猴桃种植农民: 农民, 农村危房户: 户), else None."""
    if unit in _UNIT_SET or not unit.endswith(_COUNTED_HEAD_ENDS):
        return None
    return next((h for h in (*_COUNTED_HEADS, "户") if unit.endswith(h)), None)


@lru_cache(maxsize=512)  # keyed by units only (a few hundred at most), not by numbers
def _rate_unit(unit: str, per: tuple[str, ...]):
    return _whole_factor(*rate_unit(unit, list(per)))


def _whole_factor(unit: str, factor: Fraction):
    """A whole factor as an int (most units', 1): ints are cheaper in _bounds than Fractions."""
    return unit, factor.numerator if factor.denominator == 1 else factor


def _interval(value, qualifier, step, hi, factor):
    if factor == 1:
        return interval(value, qualifier, step=step, upper=hi)
    return interval(  # floats of the exact products: interval makes floats of them anyway
        _exact_float(value, factor),
        qualifier,
        step=None if step is None else _exact_float(step, factor),
        upper=None if hi is None else _exact_float(hi, factor),
    )


_DTYPES = dict.fromkeys(COLUMNS, "str") | dict.fromkeys(("start", "end"), "int64")
_DTYPES |= dict.fromkeys(
    ("value", "lower", "upper", "norm_value", "norm_lower", "norm_upper"), "float64"
)


def _frame(columns: dict) -> pd.DataFrame:
    """The frame of COLUMNS from ``_quantities``' columns (arrays or lists), in their dtypes:
    a column at a time, as from_records and astype took three times as long."""
    return pd.DataFrame(
        {
            c: pd.array(columns[c], dtype="str")
            if kind == "str"
            else np.asarray(columns[c]).astype(kind)
            for c, kind in _DTYPES.items()
        }
    )
