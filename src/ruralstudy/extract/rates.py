"""What a figure is counted per: the denominators of a rate (issue 12).

>>> rate_before("土地流转每亩每年", 8)
(['亩', '年'], 4)
>>> clause_rate("公司每年分红", True)
(['年'], '每年')

Three ways a text says a figure is a rate:

- written after it: "1000元/亩", "300元/晚", "15块钱每斤", "100元/人/天" (any unit),
  and after money 一 and one denominator, "三四百元一晚", "100元一斤" (after a
  count, 30户一年增收, 一年 starts the next phrase); the regular expression in
  ``ruralstudy.extract`` reads these, from ``DENOMINATOR_PATTERN``;
- a weight just after a yield word, "亩产可达2吨", "亩均产量达1600多公斤"
  (``yield_before``): per 亩;
- written just before it: "每亩900元", "每亩每年900元", "人均2.5万元" (any unit;
  ``rate_before``), the span then starts at 每; but a count after a 每-word stays a count
  ("每人1床被单": 1床, count:床; ``is_count``), as every gold list reads it;
- said earlier in the clause, for money only: "每户最高能分到36300元",
  "年收入137万元", "人均可支配收入3896元", "住一晚竟要7000元", "亩产值超万元",
  "日收入在30元到40元之间"
  (``clause_rate``; a lone 一斤 before it stays visible: "这一斤茶青卖 … 100元"), or by a lead
  clause that is only a period, or a per-head word and a period ("一年下来，收入
  70多万元", "每个人每天，连吃带住只要70元"); the span stays the
  figure's.  A money figure with no such word inherits the rate of the money
  figure before it in the same clause ("人均收入从3896元增长到15220元"), or
  in a later clause of the sentence when it is a parallel item naming a contrast
  ("平日一晚3000元，周末4700元"; ``parallel_item``) or restating its measure
  ("人均纯收入达到15000元，比上年增加1200元"; ``restated``);
- said by the header of a list the sum is an item of, a line ending in a colon
  ("以下是一晚住宿的几种可能花费：" then "- 经济型酒店：150元") or a colon in the
  sentence ("一晚的价格：标间260元"), for money with no rate of its own (``list_rate``).

- said by the holders counted before it ("7户人家各出资3万元", "6人分别出资6万元":
  ``each_holder``), by the stay of one period before it ("住1个月每人3000元":
  ``one_period_before``), by a lead clause of a day's work ("一天采摘得多，也能有一百多块钱
  的收入": ``work_lead``), or, for a cost, by the weight per 亩 of its input before it in
  the sentence ("40-50公斤/亩，费用100-150元": ``cost_per_mu``); a weight in a clause led
  by 每亩 is per 亩 ("按每亩种植50斤": ``weight_per_mu``).

A rate with one side only (an entity or a period) takes the other side from a 每- or
均-word in an earlier clause of the sentence, as the sentence governs it ("每天请20名
工人，每人平均工钱90元": CNY/person/day; ``sentence_rate``).

An entity (亩, 斤, 人, 户) comes before a period (年, 月, 天, 晚): 每人每年 and
"500元/人/年" are per person and year (CNY/person/year).  But a per-person
figure of one year (人均年收入, 年人均纯收入) is CNY/person, its year the fact's
(docs/DESIGN.md, "Units").  Units: ``ruralstudy.units.rate_unit``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ruralstudy.units import WRITTEN_DENOMINATORS

# Longest first, so 个月 wins over 月 and 平方米 over 米.
DENOMINATOR_PATTERN = "|".join(sorted(WRITTEN_DENOMINATORS, key=len, reverse=True))
_PERIODS = {"年", "学年", "月", "个月", "周", "天", "半天", "日", "晚", "夜", "小时"}
PERIOD_WORDS = frozenset(_PERIODS)

# 人均耕地2.5亩, 户均土地面积3亩: land per head (ha/person); the span stays the figure's.
_LAND_AFTER_AVG = "(?:(?:土地|耕地|田地|林地|山林|水田|旱地|宅基地)(?:面积)?|(?:住房|承包)?面积)"
# No numeral just before: 亩收 (one 亩 brings), 斤价 (one 斤's price); not 300亩收入, 500斤价格
_NO_NUMERAL_BEFORE = r"(?<![0-9〇零一二两三四五六七八九十百千万余多几])"
_CN_NUM = "〇零一二两三四五六七八九十百千万"
# 斤价22.18元, 吨价2000元: the price of one 斤 (吨) attached, in the span as 人均 (not 500斤价)
_PRICE_OF_ONE = rf"{_NO_NUMERAL_BEFORE}(?<!公)(?P<price>市?斤|公斤|吨)价"
# 每个学生, 每名教师, 每位老人: a person noun after its classifier (not 每个人: rates10's
# 每个人十股)
_PERSON_NOUN = "学生|老人|教师"
_BEFORE = re.compile(
    rf"(?:每(?:[个名位](?={_PERSON_NOUN}))?(?:{DENOMINATOR_PATTERN})(?:土?地)?){{1,2}}$|(?P<avg>[亩人户])均(?P<land>{_LAND_AFTER_AVG})?$"
    rf"|{_PRICE_OF_ONE}$"
    # 一斤12元, 一公斤30元: one weight touching its price (not 十一斤, eleven 斤)
    r"|(?<![0-9〇零一二两三四五六七八九十百千万])一(?P<one>市斤|公斤|千克|斤|吨|克)$"
)
BEFORE_LOOKBACK = 10  # 每平方米每年, 每亩土地每年: the longest pairs

# 户均种植面积9.14亩, 人均粮食产量500公斤: 户均/人均 (劳均) leading an area (面积) or a weight of
# grain or yield (粮食, 产量) with words between; not a verb alone (人均种植3亩 stays an area, as
# the older rule tests), not 两户均 (both households), nor across 的 or a clause break.
_AVG_HELD = re.compile(
    r"(?<![0-9〇零一二两三四五六七八九十几多个每])(?P<avg>[人户劳])均"
    r"(?P<what>[^0-9〇零一二两三四五六七八九十百千万，。；：、,;:!?！？\n的]{1,8})$"
)
AREA_UNITS = frozenset({"亩", "公顷", "平方米", "平米", "㎡", "m²"})
_AREA_NOUN = re.compile("面[积積]").search  # (the scan copy keeps 積 and 糧)
_WEIGHT_NOUN = re.compile("[粮糧]食|产量").search


def avg_held_before(scan: str, start: int, is_area: bool) -> list[str]:
    """['户'] / ['人'] for an area or weight led by 户均/人均 and its noun (户均种植面积9.14亩)."""
    m = _AVG_HELD.search(scan, max(0, start - BEFORE_LOOKBACK), start)
    if m is None:
        return []
    if not (_AREA_NOUN if is_area else _WEIGHT_NOUN)(m["what"]):
        return []
    return ["人" if m["avg"] == "劳" else m["avg"]]


# One 亩 of land leading what it yields or brings (一亩田700斤, 一亩地600元, 一亩地麦子收个一千斤):
# not an area held or taken on (有一亩地, 租了一亩地), a part of 十一亩, nor 一亩多地.
_ONE_MU = r"(?<![0-9〇零一二两三四五六七八九十百千万有了租包转是占])[一1]亩(?:土?地|田)(?![多半])"
# … and touching the sum after it, whatever the verb before (流转一亩地500元, 租了一亩地至少500元:
# the price of one 亩); only 有一亩地 stays an area held, and 十一亩 a part of a number
_ONE_MU_BEFORE = re.compile(r"(?<![0-9〇零一二两三四五六七八九十百千万有])[一1]亩(?:土?地|田)$")


def one_mu_before(scan: str, start: int) -> int:
    """The length of 一亩地 / 一亩田 written just before ``start`` (一亩田700斤), else 0."""
    m = _ONE_MU_BEFORE.search(scan, max(0, start - 4), start)
    return 0 if m is None else len(m.group())


# 按照一斤10元的价格, 以一公斤8元计: one 斤 (公斤, 吨) after 按/按照/以, attached to a price, is
# its denominator, in the span as 一亩地600元 is; a verb's 一斤 (采一斤20元钱) stays apart, as
# rates3 reads it.
_ONE_WEIGHT_PRICED = re.compile(r"(?:按照?|以)(?P<w>[一1](?P<d>市?斤|公斤|千克|吨))$")


def one_weight_priced(scan: str, start: int) -> tuple[list[str], int]:
    """(['斤'], 2) for 一斤 after 按/按照/以 written just before a price at ``start``."""
    m = _ONE_WEIGHT_PRICED.search(scan, max(0, start - 6), start)
    return ([], 0) if m is None else (split_denominators(m["d"]), len(m["w"]))


# Words earlier in the clause that make a sum of money a rate: written
# denominator -> words.  A 年/月 word must not follow a numeral or 今/去 …:
# 2022年收入 and 去年收入 are a year's income, not income per year.
# (上年 is last year, but 线上年交易额 an online trade's year)
_NOT_A_YEAR_BEFORE = r"(?<![0-9〇零一二两三四五六七八九十百千今去明前后当全同次每])(?<!(?<!线)上)"
_EARNS_IN = "入(?![选股党学职户住围驻园境口库])"
# 月发放工人工资40余万元, 年支付土地租金60万元: a pay or rent paid out every month (year)
# (年缴500元, 年补贴人均700元, 月补助300元: a fee paid in or a grant paid out every year, month)
_PAYS = (
    "(?:(?:发放|支付|兑现|兑付|发)[^0-9，。；：,;:]{0,4}?(?:工资|租金|分红|薪酬|报酬|劳务费|流转费)"
    "|缴(?:纳|费)?|补贴|补助)"
)
# Verbs of taking a person or household on, each one paid for: 每吸纳一名贫困劳动力补贴1000元
# (traditional 帶, 幫, 錄, 僱, 訓, 納 as written: the scan copy keeps them)
_TAKES_ON = "(?:安置|吸[纳納]|[带帶]动|[帮幫]扶|招[收用]|[录錄]用|[雇僱]用|聘用|接收|培[训訓]|转移)"
# 亩收, 亩增, 亩增收, 亩增产 leading a figure: per 亩 (the 亩 not an area's: no numeral before)
# 亩利润超2800元, 亩效益: what one 亩 earns, as 亩收
_MU_WORD = rf"{_NO_NUMERAL_BEFORE}亩(?:增|收(?![购割回归储取])|利润|效益|纯利)"
_CLAUSE_WORDS = {
    # 一亩毛收入6000到8000元: 一亩 before what one 亩 earns (not 一亩多, 一亩三分)
    # … and 一亩地 before what one 亩 brings its holder: 一亩地可得到800元, 一亩田能拿到600元
    # (with the crop between: 一亩地种辣椒能收入5000元)
    # (… and one 亩 of an orchard or a tea garden before what it costs, its year left to the
    # period's word: 一亩果园一年的管护成本大约在1500元, CNY/ha/year)
    "亩": r"每亩|亩均|亩产|一亩(?:地|田|土地|[果茶菜桑竹花药][园地田]"
    r"|(?=[\u4e00-\u9fff]{1,4}?(?:(?:一年|每年)的?)?[毛纯]?(?:收入|利润|产值|收益))"
    r"[^0-9〇零一二两三四五六七八九十百千万多半的]{1,4}?)?"
    r"(?:[种栽养][^0-9，。；：,;:]{1,4}?)?的?(?=(?:(?:一年|每年)的?)?"
    r"(?:[毛纯]?(?:收入|利润)|产值|收益|租金"  # 一亩纯利润在7万元左右, 一亩太子参纯收入5000元
    r"|(?:管护|管理|种植|生产)?(?:成本|投入|费用)"
    r"|(?:就|还)?(?:可|能|可以|能够)?(?:收入|得到|拿到|分到|收到|赚|挣|得|拿|分)))"
    # … and a clause led by one 亩 of land, whatever the verb: 一亩地顶多挣300元, 一亩地有600元
    # 租金, 平均1亩地总共也没收入下1万块钱 (not 有一亩地, 租了一亩地, 十一亩地, 一亩多地)
    rf"|{_ONE_MU}"
    # 亩收2000元, 亩增收800元: what one 亩 brings (not 300亩收入, 万亩收购: an area's)
    rf"|{_MU_WORD}"
    # … and a lone 一亩 with at most a crop's name and a short verb before the sum (the clause's
    # end): 我割一亩麦子收40元钱, 现在一亩还是四五十元钱 (not 一亩多, 一亩地 and 有一亩: above)
    rf"|(?<![0-9〇零一二两三四五六七八九十百千万有了租包转是占])一亩(?![多半地田0-9])"
    rf"(?=[^0-9{_CN_NUM}多半，。；：、,;:]{{0,3}}?(?:收|还是|就是|也就|只有|才|要)?$)"
    # 种植1亩太子参需要3000元, 种1亩烤烟要花2000多元成本: what growing one 亩 takes or brings
    r"|(?<=[种栽养植])[1一]亩(?![多半0-9])(?=[^0-9，。；：,;:]{0,6}?"
    r"(?:需要|需|要花|要|投入|花费|成本|收入|赚|挣|获得|产值|利润))"
    # 亩租800元, 亩租金1000元: the rent of one 亩 (not 300亩租金, an area's)
    rf"|{_NO_NUMERAL_BEFORE}亩租",
    # 每市斤30元: the market 斤 is the same half kilogram; 平均斤价22.18元, 吨价2000元: the
    # price of one 斤 (吨), not 500斤价格 (a weight's) nor 公斤价
    "斤": rf"每市?斤|一市?斤|{_NO_NUMERAL_BEFORE}(?<!公)市?斤价",
    "公斤": rf"每公斤|每千克|每㎏|一公斤|{_NO_NUMERAL_BEFORE}公斤价",
    "吨": rf"每吨|一吨|{_NO_NUMERAL_BEFORE}吨价",  # 每吨收购价2000元: CNY/t
    "克": r"每克|(?<![0-9〇零一二两三四五六七八九十百千万])一克",  # 银饰每克工费5元: CNY/kg
    "公顷": r"每公顷",
    "平方米": r"每平方米|每平米|每㎡"  # 每平米租金20元: the spoken 平方米
    # 1平方米的产值大约为300-400元: what one 平方米 brings, as 一亩的收入 (not 11平方米)
    r"|(?<![0-9.])[1一]平方米的?(?=[毛纯]?(?:收入|利润)|产值|收益|租金)",
    "股": r"每股|股均|一股(?![劲脑风气味热浪清暖力潮])",  # 每年一股可以得到650元 (not 一股劲)
    # before 人: 每人次消费100元 is per visit, and so is 每人每次 (烧烤区使用:每人每次约10-20元)
    "人次": r"每人次|每人每次",
    # 人年均增收3000元: per person and year, its 年均 read as the period
    # 一人一天100元; 一人 touching a sum (一人5000块钱), not 十一人 (eleven people)
    # 劳均 (per labourer) as 人均; 夫妻俩每月各领150元: the pair's 各 is per person;
    # 每安置一名搬迁群众给予10万元: a sum for each person taken on
    # 村民平均收入只有8700多元: the villagers' average income, per person as 人均
    "人": r"人均|劳均|每人|每个人|每位|每名|一个人|[俩倆](?=[^0-9，。；：,;:]{0,4}各)"
    r"|(?:村民|农民|居民)平均(?=(?:可支配|纯)?收入)"
    rf"|每{_TAKES_ON}一(?:[名位]|个人)|(?<![0-9〇零一二两三四五六七八九十百千])"
    r"一人(?=一[天日晚年月]|$)|人(?=年均)"
    rf"|每个(?:劳动力|工人|员工|村民|游客|股东|社员|成员|{_PERSON_NOUN})"
    # 每个公益性岗位人员可以获得4000元: each post's holder
    r"|每个[^0-9，。；：,;:]{1,6}?人员"
    r"|每生(?![产活态长育命物意])",  # 每生每年补助600元: per pupil (not 每生产1吨)
    # 一户一策: a slogan
    # 给每个特困户2000元: 每个 and a noun of households
    # 家庭年均收入20万元, 农户年均高粱收入3万余元: a household's yearly average income is per
    # household, its year the fact's (as 户均年收入; DESIGN.md, Units)
    "户": rf"户均|平均户|每户|每{_TAKES_ON}一(?:户|个家庭)|[每一]个家庭|每家每户"
    r"|(?:家庭|农户)年均(?=[^0-9，。；：、,;:]{0,4}?纯?收入)"
    r"|每个(?:特困|贫困|建档立卡(?:贫困)?|低保|脱贫|搬迁|农)户"
    r"|一户(?!一[策档码宅品业案卡])",
    "年": r"每学?年|年均|(?<![第0-9〇零一二两三四五六七八九十百千])一年(?!多)"
    rf"|{_NOT_A_YEAR_BEFORE}年"
    r"(?:人均|收入|纯收入|薪|工资|租金?(?![了用下到过])|分红|营收|营业额|营业收入|销售额|销售收入|利润|产值"
    r"|交易额|上交税金|税金|纳税)"  # 年上交税金44.2亿元; 年交易额达3000万余元
    # 年 leading its clause, the product before 产值 or 收益: 年中药材产值4亿多元 (as 年产值),
    # 年碳汇收益达6000万元
    r"|^年(?!亩)[^0-9，。；：、,;:!?！？\n]{1,6}?(?:产值|收益)"
    # 年亩产值达4500元: a year's, its 亩 the next word's
    rf"|{_NOT_A_YEAR_BEFORE}年(?=亩(?:产|均|收))"
    # 年旅游总收入超过10亿元, 年综合收入: a year's income of a kind, its words between (not
    # 2023年旅游收入, a dated year's)
    rf"|{_NOT_A_YEAR_BEFORE}(?<![青少老中成童])年(?:旅游|综合|经营|总|毛|发电|租金|分红|销售){{1,3}}"
    r"(?:纯?收入|营收|产值)"
    # 年增收6万元, 年收益20多万元, 年创收三百万元: what a year brings (not 2022年增收, 去年增收)
    rf"|{_NOT_A_YEAR_BEFORE}年(?:增收|收益|创收)"
    r"|(?<!年)全年(?=收入|纯收入|营收|营业额|利润|产值|(?:可|能|可以|能够|就)?(?:挣|赚|创收|增收))"
    # 全年收入6.2万元 (not 2023年全年); 年入百万, 月入过万: a year's (month's) income
    rf"|{_NOT_A_YEAR_BEFORE}年{_EARNS_IN}|{_NOT_A_YEAR_BEFORE}年{_PAYS}"
    # 每畝蠶桑地年可以收入2280至3960元: a modal between 年 and its income
    rf"|{_NOT_A_YEAR_BEFORE}年(?:可以|可|能够|能)(?:收入|增收|创收|赚|挣)"
    # 年实现产品销售150余万元, 年实现产值300万元: what a year brings in, as 年产值
    rf"|{_NOT_A_YEAR_BEFORE}年(?:可)?实现[^0-9，。；：、,;:!?！？\n]{{0,4}}?"
    r"(?:销售|产值|收入|利润|营收|营业额)",
    "月": rf"每月|每个月|月均|一个月"
    # 月增收兩千多元, 月平均收入可達3000元以上: what a month brings, as 月收入
    rf"|{_NOT_A_YEAR_BEFORE}月(?:收入|薪|工资|租金?(?![了用下到过])|增收|平均(?:收入|工资)|{_EARNS_IN}"
    rf"|{_PAYS})"
    # 月派件提成可以达到7000-10000元, 月提成: a month's commission (a short word of the work
    # between)
    rf"|{_NOT_A_YEAR_BEFORE}月[^0-9，。；：、,;:!?！？\n]{{0,3}}?提成",
    # 一个工 / 每工日: a day's work, as farm wages are counted
    "天": r"每天|每日|日均|一天|日薪|[每一]个?工作?日|[每一]个工(?![人作厂程资会具地种])|"
    r"(?<![0-9〇零一二两三四五六七八九十今昨明当次前某同节假生])日(?:平均)?(?:收入|工资|挣|赚|入(?!选|股|住))",
    "小时": r"每小时|每个小时|一小时|一个小时|时薪",
    "间": r"每间|一间房|[每一]个房间",  # 旺季一个房间得收200多块钱
    "床": r"每床|每张床|一张床|[每一]个床[位铺]|每床位",  # 每个床铺一天收费80元
    "晚": r"每晚|一晚|(?<![0-9.])1晚",  # 住1晚只要280元
    # 每公里安排以奖代补资金1万元: a road's grant per kilometre (CNY/km)
    "公里": r"每公里|每千米",
}
_CLAUSE_ALTERNATION = "|".join(f"(?P<d{i}>{w})" for i, w in enumerate(_CLAUSE_WORDS.values()))
# Every clause word starts with one of these; the named groups hide the words' first
# characters from sre's search, so without the lookahead it tries every group at every
# character (a third of clause_rate's time).
# 床's words start with 每 or 一
_CLAUSE_WORD_FIRST = "每亩一股人户年月日时全1劳俩倆斤市公吨村农居家平"
_CLAUSE_WORD = re.compile(f"(?=[{_CLAUSE_WORD_FIRST}])(?:{_CLAUSE_ALTERNATION})")
_CLAUSE_KEYS = list(_CLAUSE_WORDS)
# Every clause word holds one of these characters: a clause without them is read at C
# speed and skipped (most clauses before a sum of money).
_HAS_CLAUSE_WORD = re.compile("[每均年月天日晚产一薪亩俩倆价]").search
has_clause_word = _HAS_CLAUSE_WORD  # for extract: (scan, lo, start) with no word in reach
# A 年 word that names the year a figure covers (年收入, 年人均, 人均年纯收入), not a
# rate stated per year (每年, 年均, 一年): with a per-person or per-household word
# the figure is that year's amount per person, CNY/person, the year the fact's
# (docs/DESIGN.md, "Units"); 年人均 is itself per person.
_YEAR_COVERED = re.compile(
    r"年(?:人均|收入|纯收入|薪|工资|租金|分红|营收|营业额|营业收入|销售额|销售收入|利润|产值"
    r"|增收|收益|创收)"
)
_PER_HEAD = {"人", "户"}
CLAUSE_START = re.compile(r"[，。；：！？,;:!?\n]")
_CLAUSE_CHARS = "，。；：！？,;:!?\n"


def own_clause(scan: str, lo: int, start: int) -> str:
    """The text from the last clause break in ``scan[lo:start]`` to ``start`` (string
    searches: a split made a list for every figure)."""
    cut = max(scan.rfind(c, lo, start) for c in _CLAUSE_CHARS)
    return scan[max(lo, cut + 1) : start]


CLAUSE_LOOKBACK = 30


def split_denominators(written: str) -> list[str]:
    """'/亩/年' or '每斤' → ['亩', '年'] / ['斤']; 个月 as 月 (每个月4000元: 元/月, as the
    gold lists write every rate per month)."""
    found = re.findall(DENOMINATOR_PATTERN, written)
    return ["月" if d == "个月" else d for d in found] if "个月" in written else found


def rate_before(scan: str, start: int) -> tuple[list[str], int]:
    """Denominators written just before ``start`` (每亩每年, 人均), and their length (with
    the layout's spaces between: 按每天 1 斤来算)."""
    lead = scan[max(0, start - 2) : start]
    spaces = len(lead) - len(lead.rstrip(" \t\u3000\u00a0"))
    start -= spaces
    window = scan[max(0, start - BEFORE_LOOKBACK) : start]
    m = _BEFORE.search(window)
    if m is None:
        return [], 0
    length = len(m.group()) + spaces
    if m["avg"]:
        return [m["avg"]], 0 if m["land"] else length
    if m["price"]:
        return [m["price"]], length
    if m["one"]:
        return [m["one"]], length
    return split_denominators(m.group().replace("土地", "").replace("地", "")), length


# 每人1床被单、1个茶杯: a count heading a list of what each one gets (not a list of rates, 每-)
_LIST_OF_GOODS = re.compile(r"[^0-9，。；：,;:!?！？\n、]{0,6}、(?!每)")


def count_per(per: list[str], scan: str, end: int) -> bool:
    """Whether a count ending at ``end`` with ``per`` (每户, 每亩) attached before it is a
    rate: 每戶450株, 每畝最多225棵 (count:株/household, count:棵/ha), as 户均2.2人 is; not after a
    period (每天至少有10万人 stays a count, as rates3 reads it) nor heading a list of goods."""
    if len(per) != 1 or per[0] in _PERIODS:
        return False
    return _LIST_OF_GOODS.match(scan, end) is None


def is_count(canonical: str) -> bool:
    """Whether a canonical unit counts things or people (count:床, person, household)."""
    return canonical.startswith("count") or canonical in ("person", "household")  # 个: count


def other_side(clause: str, per: list[str]) -> list[str]:
    """A one-sided rate written on a figure completed by its clause's words: 年租金每亩800元
    (per 亩 and year), 日工资每人100元 (per person and day)."""
    found, words = clause_rate(clause, True)
    wants_entity = per[0] in _PERIODS
    side = [d for d in found if (d in _PERIODS) == (not wants_entity)]
    if not side or (not wants_entity and per[0] not in _EARNS_OVER_TIME):
        return per
    if not wants_entity and per[0] in _PER_HEAD and _YEAR_COVERED.search(words):
        return per  # 年人均 … 每人: a year's sum per person (DESIGN.md, Units)
    return ordered([*per, side[0]]) or per


def clause_rate(clause: str, is_money: bool) -> tuple[list[str], str]:
    """Denominators a clause's words give a sum of money, and the words ("" for none).

    The word nearest the figure counts, one entity and one period at most.
    """
    if not is_money or not _HAS_CLAUSE_WORD(clause):
        return [], ""
    entity = period = None
    for m in _CLAUSE_WORD.finditer(clause):
        written = _CLAUSE_KEYS[int(m.lastgroup[1:])]
        if m.group() == "年人均":
            entity, period = ("人", m.group()), None
        elif written in _PERIODS:
            period = (written, m.group())
        else:
            entity = (written, m.group())
    if entity and period and entity[0] in _PER_HEAD and _YEAR_COVERED.fullmatch(period[1]):
        entity, period = (entity[0], f"{entity[1]}+{period[1]}"), None  # 人均年收入: CNY/person
    found = [x for x in (entity, period) if x is not None]
    return [w for w, _ in found], "+".join(words for _, words in found)


# 每人每天将获得1份价值3元的营养套餐: the value of the one thing each gets takes the
# denominators of its clause's words before the count of one (CNY/person/day)
_ONE_VALUED = re.compile(
    r"(?<![0-9〇零一二两三四五六七八九十百千万])[1一](?:份|个|袋|盒|瓶|套|件|箱)价值$"
)


def one_valued(scan: str, start: int) -> tuple[list[str], str]:
    """Denominators of the clause before 1份 in 1份价值3元 (the sum at ``start``), else none."""
    m = _ONE_VALUED.search(scan, max(0, start - 5), start)
    if m is None:
        return [], ""
    return clause_rate(own_clause(scan, max(0, m.start() - CLAUSE_LOOKBACK), m.start()), True)


# A lead clause naming the household that got the most (潘家一家连续几年都分得最多，今年共分得
# 5.8万元; 分红最多的一户，…) makes the sum after it that household's: per household, as the
# top of a distribution over households (最高的一户分了5万元 is read by its own clause).
_MOST_HOLDER = re.compile(
    r"(?:一家|一户|户)[^0-9，。；：,;:]{0,8}(?:最多|最高)(?!的)|(?:最多|最高)的(?:一户|农户|人家|一家)"
)


def most_holder(lead: str) -> tuple[list[str], str]:
    """(['户'], words) when the lead clause names the household that got the most."""
    m = _MOST_HOLDER.search(lead)
    return (["户"], m.group()) if m else ([], "")


# A clause that is only a period sets the rate of the clause after it: 一年下来，收入70多万元.
_LEAD_CLAUSE = re.compile(
    r"(?:一年下来|一年来|住一晚|(?:每个?人|每户)?(?:每年|每个月|每月|每天)"
    r"|(?:一个人|每个?人)(?:吃饭|吃住|住宿|游玩)"  # 一个人吃饭，平均也就三四十块钱
    # 一个月如果天天不休息，可以有5000余元毛收入: a period on a condition
    r"|(?:一个月|一年|一天)(?:如果|要是|若是?|假如)[^0-9，。；：,;:]{1,10})"
)


def lead_clause_rate(clause: str) -> tuple[list[str], str]:
    """Denominators of a lead clause made only of a period (每年, 一年下来), else none."""
    m = _LEAD_CLAUSE.fullmatch(clause.strip())
    if m is None:
        return [], ""
    return clause_rate(m.group(), True)


# A clause saying what happens every year (每年, 每个月) before a clause naming an income
# (收入, 租金, 分红 …) makes that income a yearly (monthly) one: 社区每年光靠商铺出租，
# 集体经济收入就有23万元 (CNY/year, as 年收入 would).  Not 每天: a day's words before a
# year's sum are common (每天…，去年收入4万元); not a dated or total income.
_EVERY_PERIOD = re.compile("每(?P<p>年|个?月)")
_FLOW = re.compile("收入|租金|分红|营收|营业额|收益|利润")
_DATED = re.compile(r"[0-9]{4}年|今年|去年|前年|上年|全年|当年|累计|总|合计|共")


def yearly_lead(lead: str, clause: str) -> tuple[list[str], str]:
    """['年'] (['月']) when ``lead`` says every year (month) and ``clause`` names an income."""
    m = _EVERY_PERIOD.search(lead)
    if m is None or not _FLOW.search(clause) or _DATED.search(lead + clause):
        return [], ""
    return ["年" if m["p"] == "年" else "月"], m.group()


# 每年 (每月) heading a clause is the period of its sum past a figure of another kind between
# (每年通过3亩多土地流转还有1500多元的流转费: an area, then the rent a year); not past a sum of
# money (每年300元，再加200元), a date or a total (共, 累计 …).
_PERIOD_HEAD = re.compile("每(?P<p>年|个?月)")
_MONEY_BETWEEN = re.compile("[元块]|[0-9]{4}年")
_FLOW_OR_EARN = re.compile("收入|租金|分红|营收|营业额|收益|利润|费|工资|挣|赚|增收|可得|能得|还有")


def period_heading_clause(scan: str, start: int) -> tuple[list[str], str]:
    """(['年'], words) when 每年 heads the clause of the sum at ``start``."""
    clause = own_clause(scan, max(0, start - CLAUSE_LOOKBACK), start)
    m = _PERIOD_HEAD.match(clause)
    if m is None or _MONEY_BETWEEN.search(clause) or not _FLOW_OR_EARN.search(clause, m.end()):
        return [], ""
    if _TOTAL.search(clause):  # (_TOTAL is defined below, with the parallel items)
        return [], ""  # 每年让200户社员共增收60万元: the holders' total
    return ["年" if m["p"] == "年" else "月"], f"{m.group()} (heading its clause)"


# A sum in a parallel list of prices shares the denominator of the sum before it in the
# same sentence: 平日一晚3000元，周末4700元 (both per night).  Inside one clause
# (标间每晚300元、套房500元) the figure before passes its rate anyway; across clauses the
# later item must say what it contrasts (周末, 旺季, 最高, 现在 …), and a total
# (…人均2万元，村集体经济收入100万元) never takes the rate.
_CONTRAST = re.compile(
    "周末|旺季|淡季|节假日|假日|假期|平日|平时|春节|国庆|黄金周|暑期|暑假|寒假|高峰"
    "|最高|最低|最多|最少|甚至|更是|现在|如今|目前|以前|过去|原来|之前"
)
# 共 alone before a verb is a total too (共创收, 共分红), not in 公共, 共同, 共享 …
_TOTAL = re.compile(
    "集体|总|合计|累计|(?<!公)共(?![同享建赢产青识性])|全村|全镇|全乡|全县|全年|全部"
)
_LIST_BREAK = re.compile(r"[，；,;]")
_NOT_ONE_SENTENCE = re.compile(r"[。！？!?\n：:]")
PARALLEL_MAX_BREAKS = 2  # items apart: 平日一晚3000元，春节期间更是飙升至4700元


def parallel_item(between: str, after: str = "") -> bool:
    """Whether the words ``between`` two sums of money, in different clauses, make the
    second a parallel item of the first; or the words ``after`` the second ("X的也", "X的
    都": 每月15元的工资拿过，1800元的也挣过)."""
    if not 1 <= len(_LIST_BREAK.findall(between)) <= PARALLEL_MAX_BREAKS:
        return False
    if _NOT_ONE_SENTENCE.search(between) or _TOTAL.search(between):
        return False
    return _CONTRAST.search(between) is not None or after in ("的也", "的都")


# A later clause of the sentence restating or continuing the same measure shares the
# rate of the sum before it even without a contrast word: 人均可支配收入…达到30795元，
# 比2017年增加2594元 (both per person); 日薪约80-120元，掌握专业技术的人员薪资可达150-200元
# (薪 again: per day).  A clause naming a sum of its own (增收, 产值, 投资 …, or 收入 that
# the clause before did not name), a holder (农户, 村集体, 公司 …), or a sum far above the
# one before (a total after a per-head figure) is not one.
_SUM_NOUN = re.compile(
    r"(?P<wage>薪|工资|工钱|报酬)|(?P<rent>租金|流转费)|(?P<price>价格|价钱|房价|售价|单价)"
    r"|(?P<income>纯收入|收入)|(?P<dividend>分红)"
    r"|(?P<other>增收|产值|营收|营业额|销售额|利润|投资|资金|收益|总额|补贴|奖金|效益|消费"
    r"|成本|贷款|资产|税|奖|费)"
)
# 该村贫困户, 本村农户: the village's households together, a sum of the village (每户…，每年将为该村
# 贫困户带来收益17万多元: CNY/year, not per household)
_HOLDER = re.compile(
    "农户|农民|村民|群众|家庭|集体|公司|企业|合作社|基地|全村|村里|游客|政府|财政|[该該本]村"
)
_ONE_WEIGHT_SOLD = re.compile("[每一](?:市?斤|公斤|千克|吨)[^0-9]{0,6}?[卖售]")
RESTATED_MAX_RATIO = 5  # a restated or changed per-head sum is not many times the one before
RESTATED_REACH = 40  # characters from the sum before, when a count or share stands between


_YEAR_END = re.compile("年底|年终|年末")
# A cost deducted from the sum names no sum of its own: 一亩地能收入5000元，除去成本净赚3000元.
_DEDUCTED = re.compile(
    "(?:除去|扣除|去掉|减去|刨去|除掉)[^，。；,;0-9]{0,6}?(?:成本|费用|开支|花费|投入)后?"
)


# A clause naming one thing of its own (一桌, 每套, 一件) or a one-off sum (押金) prices that,
# not the measure of the sum before.
_ITS_OWN_ONE = re.compile(
    "押金|保证金|定金|(?<![0-9〇零一二两三四五六七八九十百千万])[一每]"
    "(?:桌|碗|份|套|件|只|瓶|盒|箱|袋|张|台|辆|头|幅|束|串)"
)


def restated(scan: str, prev_start: int, lo: int, start: int) -> bool:
    """Whether the money figure at ``start`` restates the measure of the one before it
    (ending at ``lo``, starting at ``prev_start``), in a later clause of its sentence."""
    between = scan[lo:start]
    if not 1 <= len(_LIST_BREAK.findall(between)) <= PARALLEL_MAX_BREAKS:
        return False
    if _NOT_ONE_SENTENCE.search(between) or _TOTAL.search(between) or _HOLDER.search(between):
        return False
    if _YEAR_END.search(between):
        return False  # 每亩667元的保底收益，年底还拿到了2600多元的分红: the year's own sum
    clause = _DEDUCTED.sub("", CLAUSE_START.split(between)[-1])  # 除去成本净赚: no noun of its own
    if _ITS_OWN_ONE.search(clause):
        return False  # 人均消费80元左右，一桌饭菜300元起; 每个摊位500元/天，押金1000元
    nouns = list(_SUM_NOUN.finditer(clause))  # the last: a noun's head comes last (工资性收入)
    noun = nouns[-1] if nouns else None
    if noun is None:
        return True
    head = scan[max(0, prev_start - CLAUSE_LOOKBACK) : prev_start]
    head = CLAUSE_START.split(head)[-1]  # the clause of the sum before
    if noun.lastgroup == "other":  # a sum of its own, unless the same noun again (每亩成本在
        return noun.group() in head  # 1440元，托管后，成本少了140元: the cost per 亩 changed)
    if noun.lastgroup == "price" and _ONE_WEIGHT_SOLD.search(head):
        return True  # 一斤龍蝦賣6元左右，今年的價格是9元左右: the price of that 斤 again
    return any(m.lastgroup == noun.lastgroup for m in _SUM_NOUN.finditer(head))


# A rate with one side only (an entity or a period) takes the other from an earlier clause
# of its sentence, as the sentence governs it (every denominator the sentence states):
# 每天保持40个工人务工，每人平均能有70到80元 (CNY/person/day); 每亩地租金按900斤小麦折算，
# 每年不低于1000元 (CNY/ha/year).  Only a 每- or 均-word counts (年均增长 … is no rate),
# only one after the last figure with a rate (每亩产量1000斤，年收入50万元: 每亩 is the
# yield's), and not into a clause naming a holder or a total (每亩…，农户一年可得2万元).
_SENTENCE_WORD = re.compile(
    r"每个?(?P<e>亩|公斤|千克|市?斤|股|人|位|名|户|家|间|床)|(?P<a>[人户亩股])均"
    r"|每个?(?P<p>年|月|周|天|日|晚|小时)"
    # a clause that starts with 一亩 names what the sums after it are per: 一亩玉米，年收入680元
    r"|(?:^|(?<=[，,；;：:\n]))一(?P<o>亩)(?![多半0-9一二两三四五六七八九十])"
    # … and one room of a house or shop: 一间35平方米左右的房子，一个月也就180元 (not 十一间)
    r"|(?<![0-9〇零一二两三四五六七八九十百千万])一(?P<r>间)(?=[^，。；,;：:\n]{0,14}?[房屋铺舍])"
)
# A line ends a sentence for its rate: a list's item line takes nothing from the one before
# (- 早餐：20元/人/天 then - 门票：100元/人: per person only).
_UP_TO_LAST_LINE_STOP = re.compile(r".*[。！？!?；;\n]", re.S)
# Pay for wage work is per person and period, not per 亩 of an earlier clause (每亩每年100元，
# 在茶园务工每天还有70元—100元的收入: CNY/day).
_WAGE_WORK = re.compile("务工|打工|做工|干活|工钱|工资|劳务")
_OTHER_EACH = re.compile(r"每(?!个?(?:年|月|周|天|日|晚|小时))")
# Entities a sum accrues to over time (a person's pay, a household's dividend, a 亩's
# rent, a share's dividend, a room's rent, a road's upkeep per 公里: 每年安排县道7000元/公里);
# a price per 斤 or per visit has no period.
_EARNS_OVER_TIME = frozenset("人户亩股间床") | {"公里"}
# Land and road are paid for by the year (or month), never by the day or hour of work on them.
_LAND = {"亩", "公里"}
_WORK_SPELLS = {"天", "半天", "日", "晚", "夜", "小时"}
_PER_VISIT = re.compile("消费|门票|票价|花费")
_SENTENCE_KEYS = {"市斤": "斤", "位": "人", "名": "人", "家": "户", "千克": "公斤", "日": "天"}
SENTENCE_LOOKBACK = 80
_OWN_SUM = re.compile("增收|产值|营收|营业额|销售额|利润|投资|资金|收益|补贴|奖金|效益|分红")


def _new_holder(own: str, scan: str, start: int) -> bool:
    """Whether the sum's clause names a holder of its own: not one that a 每-word right after
    it divides (除去村民每人100元的务工费, 村民每人工钱120元: 村民 are the 每人's people)."""
    for m in _HOLDER.finditer(own):
        after = own[m.end() : m.end() + 1] if m.end() < len(own) else scan[start : start + 1]
        if after != "每":
            return True
    return False


_ALL_TOLD = re.compile("(?:一|每)个?(?:年|月|天)下来")
# An income per head is a year's (人均收入, docs/DESIGN.md "Units"): a day or hour of another
# clause (每日守着几亩耕地过日子，人均收入不足3200元) is not its period.
_INCOME_AFTER = re.compile("收入")
_SHORT_PERIODS = {"天", "日", "小时", "晚", "夜", "半天"}


def sentence_rate(scan, start, per, words, lo, prev_rate):
    """``per`` (one denominator) completed by the sentence's earlier clauses after ``lo``
    (the end of the last figure with a rate), or by ``prev_rate``: a per-head rate with a
    period (每人…一小时12元，…一天下来也可能挣72元: per person and day)."""
    window_start = max(lo, start - SENTENCE_LOOKBACK)
    window = scan[window_start:start]
    cut = max(map(window.rfind, _CLAUSE_CHARS))  # where the sum's own clause starts
    if "每" in window[cut + 1 :]:  # its own clause may lead with a period
        led = own_period(window[cut + 1 :], per, words)
        if led != per:
            return led
    if cut < 0:
        if (
            window_start == lo
            and prev_rate is not None
            and _period_of_item_before(window, per, prev_rate)
        ):
            return prev_rate  # 每年安排县道7000元/公里、乡道3500元/公里: the item's period too
        return per  # no earlier clause in reach
    if prev_rate is not None and (len(prev_rate) != 2 or lo < start - SENTENCE_LOOKBACK):
        prev_rate = None  # only a per-head rate with a period, in reach, completes one
    head = window[:cut]
    if (
        prev_rate is None
        and "每" not in head
        and "均" not in head
        and "一亩" not in head
        and "一间" not in head
    ):
        return per  # no 每- or 均-word in an earlier clause (most sums): string tests only
    stop = _UP_TO_LAST_LINE_STOP.match(window)
    if stop is not None:
        window = window[stop.end() :]
    own = CLAUSE_START.split(window)[-1]
    if len(own) == len(window) or _new_holder(own, scan, start) or _TOTAL.search(own):
        return per  # no earlier clause in the sentence, or a new holder or a total
    wants_entity = per[0] in _PERIODS
    if wants_entity and _OTHER_EACH.search(own):
        return per  # 每棵树每年有3元: the clause names its own entity
    if not wants_entity and (per[0] not in _EARNS_OVER_TIME or _PER_VISIT.search(own)):
        return per  # 每斤…30元 and 人均消费200元 are prices, not per day or year
    if not wants_entity and per[0] in _LAND and _WAGE_WORK.search(own):
        return per  # 每亩每年550元，…务工工资是75元一亩: a piece rate of work, no period
    found = None
    same_sentence = stop is None and window_start == lo  # the figure before is in it
    if same_sentence and prev_rate is not None and len(prev_rate) == 2:
        if wants_entity and prev_rate[1] != per[0]:  # a new period of the same entity
            found = prev_rate[0]
        elif wants_entity and not _OWN_SUM.search(own):  # 每名老人每天150元，…每天100元
            found = prev_rate[0]  # the same period again: a parallel item, the same entity
        elif not wants_entity and prev_rate[0] == per[0]:  # 每亩每年600元，旱地每亩400元
            found = prev_rate[1]
    for m in _SENTENCE_WORD.finditer(window, 0, len(window) - len(own)):
        d = m["e"] or m["a"] or m["o"] or m["r"] if wants_entity else m["p"]
        if d:
            found = _SENTENCE_KEYS.get(d, d)
    if found is None or (wants_entity and found not in _EARNS_OVER_TIME):
        return per
    if wants_entity and _counted(found, window[len(window) - len(own) - 1 :: -1]):
        return per  # 每亩创收3600元，550亩，每年198万元: the whole of the 亩 counted between
    if per[0] in _PER_HEAD and found in _SHORT_PERIODS and _INCOME_AFTER.search(own):
        return per  # 人均收入: a year's, not the day of another clause
    if found in _LAND and _ALL_TOLD.search(own):
        return per  # 每亩每年700元，一年下来也能有4200元的收入: the year's whole, not per 亩
        # (每人做工一小时12元，…一天下来也可能挣72元 stays per person: a person's day)
    if found == "亩" and (_WAGE_WORK.search(own) or _WAGE_WORK.search(scan, start, start + 12)):
        return per  # 干一天就有100多元工钱: a day's wage, before or after the figure
    if per[0] in _LAND and found in _WORK_SPELLS:
        return per  # 每小时可作业80亩，作业费每亩8元: the day or hour is the work's, not the fee's
    if wants_entity and found in _PER_HEAD and _YEAR_COVERED.fullmatch(words):
        return [found]  # 每户…，年收入5万元: a year's sum per household (DESIGN.md, Units)
    return ordered([*per, found]) or per


# A count of the entity a 每-word names (550亩, 30户, 12人; not 一亩 nor 每亩): a sum after it
# is the whole of them.
_COUNTS_OF = {
    e: re.compile(rf"{w}[余多]?[0-9一二两三四五六七八九十百千万.]*[0-9二两三四五六七八九十百千万]")
    for e, w in (("亩", "亩"), ("人", "[人名位]"), ("户", "[户家]"))
}


def _counted(entity: str, backwards: str) -> bool:
    """Whether ``backwards`` (the sentence before the sum's own clause, reversed) holds a
    count of ``entity`` in a clause of its own after the last 每- or 均-word."""
    pattern = _COUNTS_OF.get(entity)
    if pattern is None:
        return False
    head = re.split("每|均", backwards, maxsplit=1)[0]
    return pattern.search(head) is not None


# A 、-item right after a rate of the same entity with a period shares the period: 县道7000元/
# 公里、乡道3500元/公里 (both per km and year), 每亩每年600元、旱地400元/亩.  Only a short name
# between (乡道, 旱地), no figure and no clause break.
_ITEM_BEFORE = re.compile(
    r"[)）]?、[^0-9〇零一二两三四五六七八九十百千万、每均，。；：,;:!?！？\n]{0,6}"
)


def _period_of_item_before(window: str, per: list[str], prev_rate: list[str]) -> bool:
    """Whether ``window`` (from the rate before to the sum) makes the sum, per ``per``, a
    parallel 、-item of ``prev_rate`` (an entity and a period) and so of its period."""
    if len(prev_rate) != 2 or prev_rate[0] != per[0] or per[0] in _PERIODS:
        return False
    return _ITEM_BEFORE.fullmatch(window) is not None


# 每年让229户社员户均增收3000元: a period leading the clause of a per-head sum, a count of the
# holders between (which cut the clause's words at it), is the sum's period, as 每户每年 is.
_OWN_EVERY_PERIOD = re.compile("^[^0-9]{0,6}?每(?P<p>年|个?月)")


def own_period(own: str, per: list[str], words: str) -> list[str]:
    """``per`` (人 or 户 of a 均- or 每-word) with the 每年 (每月) that leads its clause."""
    if per[0] not in _PER_HEAD or _YEAR_COVERED.search(words) or _TOTAL.search(own):
        return per
    m = _OWN_EVERY_PERIOD.search(own)
    if m is None:
        return per
    return ordered([*per, "年" if m["p"] == "年" else "月"]) or per


# 带来了1万元左右的人均可支配收入, 实现3000元的户均增收: a per-head word after the sum and 的;
# 以10万元年薪聘请, 5000元的月薪: a pay's period after it; 12万元年收益归集体, 3000元月收入: a
# yearly (monthly, daily) income's (not 50万元年底: 年 must name the sum after it)
_AVG_AFTER = re.compile(
    "(?:左右|以上|上下)?(?:的(?P<a>[人户亩])均"
    "|的?(?P<p>[年月日])(?:薪|纯?收入|收益|利润|租金|分红|营业额|销售额))"
)
_PAY_PERIODS = {"年": "年", "月": "月", "日": "天"}


def avg_after(scan: str, end: int) -> tuple[list[str], str]:
    """(['人'], words) when ``的人均`` (户均, 亩均) follows the sum ending at ``end``, and
    (['年'], words) when 年薪 (月薪, 日薪; 年收益, 月收入 …) does."""
    m = _AVG_AFTER.match(scan, end)
    if m is None:
        return [], ""
    return [m["a"] or _PAY_PERIODS[m["p"]]], m.group()


# 每人1床被单、1个茶杯、4条毛巾、500元钱: the 每-word leading a list of what each one gets
# is every item's, the sum's too.
_EACH_LIST = re.compile(
    r"每个?(?P<e>人|户|家|位|名)[^0-9，。；：,;:、每均]{0,8}[0-9一二两三四五六七八九十]"
)
LIST_HEAD_REACH = 50  # characters from the list's 每-word to the sum


def each_list_head(clause: str) -> tuple[list[str], str]:
    """(['人'], words) when ``clause`` (up to the sum, past 、) opens a list with 每人 (每户)."""
    first = clause.find("、")
    m = _EACH_LIST.search(clause, 0, first) if first > 0 else None
    if m is None or "每" in clause[m.end() :] or "均" in clause[m.end() :]:
        return [], ""
    return [_SENTENCE_KEYS.get(m["e"], m["e"])], f"{m.group()} (the list's)"


# 每户只要养两箱蜂，年增收2000元; 每户年平养殖600多只，出栏300多只，销售收入3万多元: a clause
# led by 每户 (每人) makes the income a later clause of its sentence names per that head, when
# no other 每- or 均-word, holder, total, date or person stands between.
# … or led by the holders and 每人: 其中的28位贫困户每人持有53股份，分得了5300元的分红 (per person;
# 分得, 分到: a share got is income)
_EACH_LEAD = re.compile(
    r"(?:^|(?<=[，,；;：:户民员东]))每个?(?P<e>户|家|人|位|名)(?P<p>每年|每个?月)?(?![均次])"
)
_INCOME = re.compile("收入|增收|纯利|利润|收益|分红|挣|赚|分得|分到")
_PERSON = re.compile("他|她|我|自己|本人")
EACH_LEAD_REACH = 50  # characters from the clause's 每 to the sum


def each_lead(scan: str, start: int, lo: int) -> tuple[list[str], str]:
    """(['户'], words) when a clause led by 每户 earlier in the sentence heads the sum's income."""
    window = scan[max(lo, start - EACH_LEAD_REACH) : start]
    stop = _UP_TO_LAST_LINE_STOP.match(window)
    if stop is not None:
        window = window[stop.end() :]
    m = next(reversed(list(_EACH_LEAD.finditer(window))), None)  # the last 每-lead
    if m is None:
        return [], ""
    between, own = window[m.end() :], CLAUSE_START.split(window)[-1]
    if len(own) >= len(window) - m.start() or not _INCOME.search(own):
        return [], ""  # the 每-word in the sum's own clause is clause_rate's
    if "每" in between or "均" in between or _TOTAL.search(between) or _DATED.search(between):
        return [], ""
    if _PERSON.search(between) or _new_holder(between, scan, start):
        return [], ""
    head = _SENTENCE_KEYS.get(m["e"], m["e"])
    period = [] if m["p"] is None else ["年" if m["p"] == "每年" else "月"]
    return [head, *period], f"{m.group()} (leading an earlier clause)"


# A sum in the clause after a piece of work done in a stated period is that period's pay:
# 拾花客一天摘80公斤棉花赚150元 (CNY/day), 她一天可以摘80公斤棉花，赚到150多元钱.  Only
# a period of 一/每 (not 两个月: a season has no canonical period) in the clause of the
# figure just before the sum (a count or weight of work), an earning word between, and
# no date, holder or total: 每年种植300亩，收入20万元 is per year too, 去年…收入 is not.
_WORK_PERIOD = re.compile("(?:每|一)个?(?P<p>天|日|小时|月|年)(?![前后来多])")
_EARNS = re.compile("赚|挣|收入|工钱|工资|报酬|拿到|拿了|得到|获得|能拿|可得|能得|可拿")
WORK_REACH = 12  # characters from the figure of the work to the sum, at most
_WORK_CLAUSE = 30


def work_period(scan: str, start: int, prev_end: int) -> tuple[list[str], str]:
    """[period] when the sum at ``start`` is the pay for the work of the figure ending at
    ``prev_end``, whose clause states the period (一天摘80公斤棉花赚150元), else []."""
    if not 0 < start - prev_end <= WORK_REACH:
        return [], ""
    between = scan[prev_end:start]
    if _EARNS.search(between) is None or len(_LIST_BREAK.findall(between)) > 1:
        return [], ""
    if _NOT_ONE_SENTENCE.search(between) or _TOTAL.search(between) or _HOLDER.search(between):
        return [], ""
    head = own_clause(scan, max(0, prev_end - _WORK_CLAUSE), prev_end)
    found = list(_WORK_PERIOD.finditer(head))
    if not found or _DATED.search(head + between) or _OTHER_EACH_ENTITY.search(head):
        return [], ""
    m = found[-1]
    return [_SENTENCE_KEYS.get(m["p"], m["p"])], m.group()


_OTHER_EACH_ENTITY = re.compile(r"每(?!个?(?:年|月|周|天|日|晚|小时))|[亩人户]均")


# A total in a later clause of a sum that is a period's (a year's income, a month's pay) is
# that period's too: 去年一年打工我收入了9000多元，再加上土地流转费和分红，总共有1万多元的
# 收入 (CNY/year); 每月工资3000元，加上奖金一共4000元 (CNY/month).  Not after a per-head or
# per-亩 rate (a total of many heads), nor a holder's total (村集体总收入).
_PERIOD_TOTAL = re.compile("总共|一共|合计|共计|总计|加起来|加在一起")


def period_total(between: str, prev_rate: list[str]) -> bool:
    """Whether a sum after ``between`` totals the period's sum before it (``prev_rate``)."""
    if len(prev_rate) != 1 or prev_rate[0] not in _PERIODS:
        return False
    if not 1 <= len(_LIST_BREAK.findall(between)) <= PARALLEL_MAX_BREAKS:
        return False
    if _NOT_ONE_SENTENCE.search(between) or _HOLDER.search(between):
        return False
    return _PERIOD_TOTAL.search(CLAUSE_START.split(between)[-1]) is not None


# A from-to pair shares the rate written on its second figure: 蔬菜价格从去年的一元增加到了
# 1.6元一斤 (both CNY/kg; the rates3 list's convention), 租金从300元涨到500元/亩.  Only in one
# clause, 从 before the first sum and a verb of change to (涨到, 增加到, 降至 …) between.
# 从 (由) before the first sum; or a price's word, the change to the second its (标价1400元的宾馆
# 则降至748元/晚: both per night)
_FROM_BEFORE = re.compile(
    "[从由][^0-9，。；：,;:!?！？\n]{0,8}$|(?:标价|原价|房价|售价|票价)[^0-9，。；：,;:!?！？\n]{0,2}$"
)
_CHANGED_TO = re.compile("(?:增加|增长|上涨|涨|提高|提升|升|下降|降|下跌|跌|变|翻)了?[到至成为]")
_FROM_TO_MAX = 14  # characters between the two sums
_CHANGE_ONLY = re.compile(f"(?:一路)?(?:{_CHANGED_TO.pattern})了?")


def from_to(scan: str, first_start: int, first_end: int, start: int) -> bool:
    """Whether the sum at ``start`` is the second end of a 从 … 到 pair whose first sum
    spans ``first_start``–``first_end``."""
    between = scan[first_end:start]
    if len(between) > _FROM_TO_MAX or any(c in _CLAUSE_CHARS for c in between):
        return False
    if _CHANGED_TO.search(between) is None:
        return False
    return _FROM_BEFORE.search(scan, max(0, first_start - 10), first_start) is not None


# A yield is per 亩 when its word stands just before the figure: 亩产可达2吨,
# 亩均产量达1600多公斤, 亩产值在6000斤到8000斤 (a weight; money takes 亩产 from the clause);
# also with the crop or a modal between: 每亩上品果产量约6000公斤, 一亩地产高粱600斤,
# 亩产能抵达400斤, 每亩产量大概在1.5吨.  年产 (with no date before it: 2020年产, 去年产,
# 近年产 are a year's, not per year) is per year: 年产金银花600万公斤 (kg/year); but 年产量
# (the output of a year, 年产量达2万余斤) is that year's sum, a weight, as the gold lists read it.
_NO_CLAUSE_BREAK = r"[^0-9，。；：、,;:!?！？\n]"
_YIELD_BEFORE = re.compile(
    # (no numeral before 亩: 300亩产小龙虾5万斤 is the catch of 300 亩)
    rf"(?:(?P<mu>{_NO_NUMERAL_BEFORE}亩均?(?=年?[可能已]?(?:单?产|用|起捕|捕捞))"
    r"|(?:每|(?<![0-9〇零一二两三四五六七八九十百千万.])[一1])亩"  # 1亩茶地茶叶产量六七十斤
    + r"(?:土?地|田)?"
    + _NO_CLAUSE_BREAK
    + r"{0,5}?)"  # the crop: 每亩上品果产量 (not 300亩茶园产茶: the total of 300 亩)
    + r"|(?<![0-9〇零一二两三四五六七八九十今去明前后当同上近多历往])(?=年)"
    # 日销小龙虾5000多斤: a day's sales, per day as 年产 per year (not 10日销售, 节日销售, 日销量);
    # 日产能4万斤 (a day's capacity) as 日销
    + r"|(?<![0-9〇零一二两三四五六七八九十今昨明前后当同上次本节假生工周某])(?=日[销产]))"
    # 年均产3000余吨, 年可采伐楠竹35万吨: an average, a modal or a verb of cutting as 产; 年出栏,
    # 年销售 as 年产 (年出栏仔香猪20万头: a count per year), 年销售量 as 年产量 (one year's sum)
    + r"(?:(?P<year>年)|(?P<day>日))?(?:均|平均)?(?:可|能|已)?"
    # 畝均已起捕小龍蝦118公斤: a catch of fish or shrimp as a yield
    # 亩用种2-3公斤, 亩用肥50公斤: what one 亩 takes (seed, manure) per 亩, as its yield
    # 年可孵化种蛋5000多枚, 年可加工白条鹅1万多只: a hatchery's or a plant's yearly output
    # 年生产鸟笼10万个: a workshop's yearly output, as 年产
    # 一畝采收350-400斤: a harvest per 亩 as its yield
    # 亩均单产421.13千克: the unit yield per 亩
    + r"(?P<verb>生?产|(?<=亩均)单产|(?<=亩)用|[采採砍]伐|出[栏欄]|销售?|起捕|捕捞|孵化|加工"
    + r"|采收|收获)"
    + r"(?P<of>量|值)?"
    # the crop, or the crop and 产量 again (亩产鲜竹荪产量500公斤以上)
    + rf"(?:{_NO_CLAUSE_BREAK}{{0,4}}?|(?<=亩产){_NO_CLAUSE_BREAK}{{1,4}}?产量)"
    + r"(?:能|可|可以|能够|一般|平均|大概|大约|预计|基本|就|也|还)?"
    + r"(?:可达|可以达到|能达到|达到|抵达|达|为|约|在|有|是|超过|超|突破|近)?$"
)
YIELD_LOOKBACK = 16
# every yield word holds one of these: a cheap test before _YIELD_BEFORE
has_yield_word = re.compile("[产伐栏欄销捕用孵工收]").search
WEIGHT_UNITS = frozenset({"斤", "市斤", "公斤", "千克", "克", "kg", "KG", "Kg", "㎏", "吨"})


# 年产八茬: harvests of a year are counted in the year (count:茬, as rates7 reads it)
_HARVESTS = frozenset(("茬", "季"))


def is_yearly_count(unit: str, canonical: str, near: str) -> bool:
    """Whether a count (``near``: the words before it) may be an output per year, 年出栏 X头:
    a count, not of harvests, with a word of yield before it (yield_before decides)."""
    return is_count(canonical) and unit not in _HARVESTS and has_yield_word(near) is not None


# A change of the yield per 亩 against an earlier year is per 亩 too: 畝產量比去年增加60斤,
# 平均亩产比往年增产30公斤 (kg/ha); not 300亩产量 (an area's) nor 总产量.
_YIELD_CHANGED = re.compile(
    rf"{_NO_NUMERAL_BEFORE}亩均?产量?(?:比|较){_NO_CLAUSE_BREAK}{{0,4}}?"
    r"(?:增加|提高|提升|增产|增长|减少|下降|减产|多|少)了?$"
)


def yield_before(scan: str, start: int) -> list[str]:
    """['亩'] if a per-亩 yield word stands before a weight at ``start`` (['亩', '年'] for a
    yearly one, 亩均年产量; ['年'] for 年产), else []."""
    m = _YIELD_BEFORE.search(scan, max(0, start - YIELD_LOOKBACK), start)
    if m is None:
        changed = _YIELD_CHANGED.search(scan, max(0, start - YIELD_LOOKBACK), start)
        return [] if changed is None else ["亩"]
    if m["mu"] is None:  # 年产 X, a rate of output; 年产量 names one year's sum (the lists)
        if m["day"]:
            return [] if m["of"] else ["天"]
        # 每年产 reads as 年产, but 每年 before another verb leads its clause (DESIGN.md "Units":
        # 每年砍伐毛竹约1100万根 a count, as rates16 reads it)
        led = m["verb"] != "产" and scan[m.start() - 1 : m.start()] == "每"
        return [] if m["of"] or led else ["年"]
    return ["亩", "年"] if m["year"] else ["亩"]


# The parts of a spending per visit, in the sentence after it that opens with 其中: 人均消费水平
# 为87元/人次。其中，旅游观光消费32元，…；人均农产品直销额42元 (CNY/person-time, 人均 too).
VISIT_PARTS_REACH = 80  # characters from the sentence's 其中 to the sum
SENTENCE_STOPS = "。！？!?\n"
_PER_VISIT_BEFORE = re.compile(r"(?:/人次|每人次[^0-9。！？!?\n]{0,6}[0-9.]+元)[）)]?$")


def visit_parts(scan: str, start: int) -> bool:
    """Whether the sum at ``start`` is in a sentence opening with 其中 right after a sentence
    ending on a spending per visit (元/人次)."""
    lo = max(0, start - VISIT_PARTS_REACH)
    stop = max(scan.rfind(c, lo, start) for c in SENTENCE_STOPS)
    if stop < 0 or scan[stop + 1 : stop + 3] != "其中":
        return False
    return _PER_VISIT_BEFORE.search(scan, max(0, stop - 20), stop) is not None


# The parts of a sum with a rate, listed after it from a 其中 in its sentence: 每亩补助1500元，
# 其中种苗费300元，兑现到农户的资金是1200元（第一年500元，第三年300元）: each part is per 亩 as
# the whole (每人/每户 heads too).  A part is no larger than the whole; a later part no more
# than a few times the part before; a total (全县共兑现500万元) is no part.
PARTS_REACH = 120  # characters from the 其中 to the part
_PARTS_HEAD_END = frozenset(("", "，", ",", "；", ";"))  # in its sentence (not 。其中)
_PARTS_STOP = re.compile(r"[。！？!?\n]")


def parts_after(scan: str, start: int, top: float, money: tuple) -> bool:
    """Whether the sum at ``start`` (largest value ``top``) is a part, after 其中, of the
    sum with a rate ``money`` (denominators, start, top value, end) before it."""
    _, m_start, m_top, m_end = money
    q = scan.rfind("其中", max(0, start - PARTS_REACH), start)
    if q < 0:
        return False
    if m_end <= q:  # the whole, just before the 其中
        if scan[m_end:q] not in _PARTS_HEAD_END or top > m_top:
            return False
    elif m_start < q or top > RESTATED_MAX_RATIO * m_top:
        return False  # a part before it, read by this rule or another, sets the rate
    if _PARTS_STOP.search(scan, q, start) or _TOTAL.search(own_clause(scan, q, start)):
        return False
    return True


# 单产 (the yield per unit of land) after a yield per 亩 in the same sentence restates it:
# 平均亩产达1209.1公斤，率先实现大面积单产超1200公斤 (kg/ha).  Alone it names no unit of land.
_UNIT_YIELD = re.compile(
    "单产" + _NO_CLAUSE_BREAK + "{0,4}?(?:达到|达|为|是|有|超过|超|突破|近|约|在)?$"
)
UNIT_YIELD_REACH = 40  # characters from the yield per 亩 before


def unit_yield(scan: str, start: int, yield_end: int) -> bool:
    """Whether the weight at ``start`` is a 单产 restating the yield per 亩 ending at
    ``yield_end`` (-1: none) in its sentence."""
    if yield_end < 0 or start - yield_end > UNIT_YIELD_REACH:
        return False
    if _NOT_ONE_SENTENCE.search(scan, yield_end, start) is not None:
        return False
    return _UNIT_YIELD.search(scan, max(yield_end, start - 8), start) is not None


# A weight in the clause after a yield, with no word of its own, shares its rate: 每亩上品果
# 产量约6000公斤，次品果3000公斤左右 (both kg/ha).  Only a short clause with no verb of
# its own (卖, 收, 产 …), no total and no number between.
_PARALLEL_WEIGHT_MAX = 10
_ITEM_BREAKS = "，,、；;"
_OWN_MEASURE = re.compile("[卖售收产销买运共总计全累]")


def parallel_yield(between: str, per: list[str]) -> bool:
    """Whether a weight after ``between`` (from the end of a yield weight per ``per``) is a
    parallel item of it, or the second end of a change (亩产从400公斤增加到600公斤).  A yearly
    one's item is a 、-list's (年可採伐楠竹35萬噸、雜竹100萬噸): 全国年产38万吨，但只有8万吨流向
    市场 is no year's (rates16)."""
    if len(between) <= _PARALLEL_WEIGHT_MAX and _CHANGE_ONLY.fullmatch(between):
        return True
    return (
        len(between) <= _PARALLEL_WEIGHT_MAX
        and between[0] in (_ITEM_BREAKS if per[0] == "亩" else "、")
        and not any(c in _ITEM_BREAKS or c in _CLAUSE_CHARS for c in between[1:])
        and _OWN_MEASURE.search(between) is None
        and not any(c.isdigit() for c in between)
    )


# A sum a count of holders each got or gave: 386户农户都领到了2000元, 7户人家各出资3万元,
# 另外4人分别出资5万元 (CNY/household, CNY/person).  Only in the clause of the count, with no
# number between, no total (共, 总) and no firm (3家企业都投资了500万元 is no household's).
_EACH = re.compile(
    r"(?P<noun>[^0-9，。；：,;:!?！？\n]{0,6}?)(?:各自|各|都|分别|均)[^0-9，。；：,;:!?！？\n]{0,12}$"
)
_EACH_HOLDERS = {"户": "户", "家": "户", "人": "人", "名": "人", "位": "人"}
HOLDER_ENDS = frozenset(_EACH_HOLDERS)  # the last character of a count of holders
_NOT_A_HOUSEHOLD = re.compile(
    "企业|公司|合作社|基地|工厂|厂|村(?!民)|镇|乡(?!亲)|组(?!员)|单位|部门|学校|医院|银行"
)
EACH_REACH = 20  # characters from the count to the sum, at most
_NUMERALS = frozenset("0123456789〇零一二两三四五六七八九十百千万")


def each_holder(scan: str, count_end: int, start: int) -> tuple[list[str], str]:
    """[entity] when the sum at ``start`` is what each of the count ending at ``count_end``
    got or gave (7户人家各出资3万元: ['户']), else []."""
    holder = _EACH_HOLDERS.get(scan[count_end - 1 : count_end])
    if holder is None or not 0 < start - count_end <= EACH_REACH:
        return [], ""
    one = scan[count_end - 2 : count_end - 1] in ("1", "一")
    if one and scan[count_end - 3 : count_end - 2] not in _NUMERALS:  # 1人, not 21人 or 十一户
        return [], ""  # each of several: 1人 … 平均 is no count of holders
    between = scan[count_end:start]
    m = _EACH.fullmatch(between)
    if m is None or _TOTAL.search(between) or _NOT_A_HOUSEHOLD.search(m["noun"]):
        return [], ""
    return [holder], scan[count_end - 1 : start]


# A stay or a term of one period just before a sum is what the sum is per: 住1个月每人3000元
# (CNY/person/month), 1晚只要300元 (CNY/night).  Only 1 (not 11, 第1年, 1年多) and a sum at most
# a few words after it in its clause, with no total between.
_ONE_PERIOD = re.compile(r"(?<![0-9.第])1个?(?P<p>月|天|日|晚|夜|年|周|小时)$")
ONE_PERIOD_REACH = 4
PERIOD_ENDS = frozenset("月天日晚夜年周时")  # the last character of a figure of a period


def one_period_before(scan: str, prev_end: int, start: int) -> tuple[list[str], str]:
    """[period] when a figure of one period ends at ``prev_end`` just before ``start``."""
    if not 0 <= start - prev_end <= ONE_PERIOD_REACH:
        return [], ""
    m = _ONE_PERIOD.search(scan, max(0, prev_end - 4), prev_end)
    between = scan[prev_end:start]
    if m is None or any(c in _CLAUSE_CHARS for c in between) or _TOTAL.search(between):
        return [], ""
    p = m["p"]
    return [{"日": "天", "夜": "晚"}.get(p, p)], m.group()


# The cost of an input used per 亩 is per 亩: 按每亩种植50斤计算，种子成本约为250-400元;
# 每亩需要施用复合肥100公斤，平均每公斤…约为10元，肥料成本约为1000元 (a price per 公斤 between
# names the input, not what the cost is per); in a list's line, 40-50公斤/亩，费用100-150元.
# Only after a weight per 亩 in the sentence (or line): 每亩租金600元，管理费50元 is a fee
# of its own.  Not a cost with a 每-word of its own, a holder's or a total.
_COST = re.compile("成本|费用|花费|开支|支出|扣除|(?<![免经消浪学会党团])费(?!用)")


def cost_per_mu(scan: str, start: int, own: str, weight_end: int) -> bool:
    """Whether the sum at ``start``, its clause's words ``own``, is the cost of the weight
    per 亩 ending at ``weight_end`` in its sentence."""
    return _COST.search(own) is not None and _of_weight_per_mu(scan, start, own, weight_end)


def _of_weight_per_mu(scan: str, start: int, own: str, weight_end: int) -> bool:
    """Whether the sum at ``start`` is in the sentence of the weight per 亩 ending at
    ``weight_end``, its clause ``own`` naming no other 每, total or holder."""
    if weight_end < 0 or start - weight_end > SENTENCE_LOOKBACK:
        return False  # most sums: no weight per 亩 in reach
    if "每" in own or _TOTAL.search(own) or _HOLDER.search(own):
        return False
    between = scan[weight_end:start]
    return _UP_TO_LAST_LINE_STOP.match(between) is None  # in the weight's sentence (line)


# The output value or income after a yield per 亩 in its sentence is per 亩 too: 亩产1500多斤,
# 但产值不过1700元; 每亩可产250千克，…，可收入350元，扣除费用净收入100元 (a reckoning per 亩,
# CNY/ha); not a total's or a holder's (全县总产值3亿元, 农户收入3000元), nor one too large to be
# one 亩's (产值达到5亿元: a total with no total word).  An income after the grower's own area
# (种了20多亩红尖椒,每亩产量550斤,…,收入7万多元) is the grower's, from all of it.
MU_VALUE_MAX = 100_000  # 元: more is no output value of one 亩
_MU_INCOME = re.compile("收入|收益|利润|纯利|毛利|获利")
_AREA_IN_MU = re.compile("(?<!每)[0-9二两三四五六七八九十百千万多余]亩")


def value_per_mu(scan: str, start: int, own: str, weight_end: int, top: float) -> bool:
    """Whether the sum at ``start`` (largest value ``top``), its clause's words ``own``, is
    the output value of the weight per 亩 ending at ``weight_end`` in its sentence."""
    if top > MU_VALUE_MAX:
        return False
    if "产值" not in own and (_MU_INCOME.search(own) is None or _area_before(scan, weight_end)):
        return False
    return _of_weight_per_mu(scan, start, own, weight_end)


def _area_before(scan: str, weight_end: int) -> bool:
    """Whether the sentence of the weight per 亩 ending at ``weight_end`` names an area in 亩
    before it (the grower's own: 种了18亩辣椒)."""
    lo = max(0, weight_end - SENTENCE_LOOKBACK)
    head = _UP_TO_LAST_LINE_STOP.match(scan, lo, weight_end)
    return _AREA_IN_MU.search(scan, head.end() if head else lo, weight_end) is not None


# A weight in a clause led by 每亩 is per 亩, with a verb between: 按每亩种植50斤, 每亩需要施用
# 复合肥100公斤 (kg/ha; 每亩500斤 is read as written).  Not with another 每-word after it, a
# total, or a sum the weight prices (每亩地租金按900斤小麦折算: a rent in wheat, kg).
# … or a clause opening with 一亩 and its crop (一亩茶叶平均每一年出产干茶叶15斤: per 亩 and year,
# the only 每 after it a year's).
_MU_LEAD = re.compile(
    rf"(?:每亩(?:土?地|田)?|{_ONE_MU}|{_MU_WORD}|^一亩(?=[\u4e00-\u9fff])(?![多半左以三两]))(?!.*每(?!一?年))"
)
_EVERY_YEAR = re.compile("每一?年")


def weight_per_mu(clause: str) -> list[str]:
    """What a weight after ``clause`` (its clause's words before it) is per: ['亩'], ['亩',
    '年'] with 每年 after the 亩 word, or [] (not per 亩)."""
    m = _MU_LEAD.search(clause)
    # a sum noun touching the weight is its verb, no sum of its own: 每亩…可收益220斤
    noun = _SUM_NOUN.search(clause)
    if m is None or _TOTAL.search(clause) is not None or (noun and noun.end() < len(clause)):
        return []
    return ["亩", "年"] if _EVERY_YEAR.search(clause, m.end()) else ["亩"]


# A lead clause of work in one period (一天采摘得多) before a clause of what it earns makes the
# sum that period's pay: 一天采摘得多，也能有一百多块钱的收入 (CNY/day).  The lead starts with
# 一/每 and the period, and names work; the sum's clause (or the words after it) names
# earning; no date, holder or total.
_WORK_LEAD = re.compile(r"[^0-9]{0,4}?(?:一|每)个?(?P<p>天|日|月|小时)(?![前后来多])[^0-9]{0,10}")
_WORK_VERB = re.compile("摘|采|干|做|打工|务工|上班|工作|劳动|割|挖|收")
_EARNED_AFTER = re.compile("(?:的)?(?:收入|工钱|工资|报酬)")
has_work_period = re.compile("[天日月时]").search  # a lead clause without one is no work_lead


def work_lead(lead: str, clause: str, after: str) -> tuple[list[str], str]:
    """[period] when ``lead`` is a clause of work in one period and the sum (its clause's
    words ``clause``, the text ``after`` it) is what the work earns."""
    m = _WORK_LEAD.fullmatch(lead.strip())
    if m is None or not _WORK_VERB.search(lead):
        return [], ""
    if not (_EARNS.search(clause) or _EARNED_AFTER.match(after)):
        return [], ""
    if _DATED.search(lead + clause) or _TOTAL.search(clause) or _HOLDER.search(lead + clause):
        return [], ""
    return [_SENTENCE_KEYS.get(m["p"], m["p"])], lead.strip()


def ordered(per: list[str]) -> list[str] | None:
    """Denominators as one rate reads them (entity, then period), or None if they make none:
    two entities (元/亩/人), two periods (元/年/月), or the same twice."""
    if not per or len(per) > 2 or len(set(per)) < len(per):
        return None
    out = sorted(per, key=lambda d: d in _PERIODS)
    if len(out) == 2 and (out[0] in _PERIODS) == (out[1] in _PERIODS):
        return None
    return out


# A list under a header that says what its sums are per: a line ending in a colon
# ("以下是一晚住宿的几种可能花费：" then "- 经济型酒店：150元" lines), or a colon in the
# sentence ("一晚的价格：标间200元，套房300元").  A sum in the list with no rate of its
# own takes the header's (CNY/night); a total in the item (合计, 全年 …) does not.
_ITEM_MARK = re.compile(
    r"[ \t\u3000]*(?:[-–—•·*+▪●◆■]|[0-9]{1,2}[.、)）]|[(（][0-9一二三四五六七八九十]{1,2}[)）]"
    r"|[一二三四五六七八九十]{1,2}、|[①-⑳]|\|)"  # | starts a table's row
)
LIST_MAX_LINES = 30  # lines one item walks back to its header or a resolved item, at most
_ITEM_MAX = 60  # characters in an item line above the sum
LINE_MAX = 80  # an item or header line longer than this is a paragraph, not a list
_SENTENCE_STOP = re.compile(r"[。！？!?；;]")
_UP_TO_LAST_STOP = re.compile(r".*[。！？!?；;]", re.S)


def list_rate(
    scan: str, start: int, prev_end: int, breaks: list[int], known: dict[int, tuple]
) -> tuple[list[str], str]:
    """Denominators the header of the list holding the sum at ``start`` gives it, and the
    header's words (none when the sum is in no list, or in a total's item).

    Lines are those of the text as written: ``breaks`` are the joined layout breaks
    (text.join_layout_breaks), which end a line too ("- 标间：200元\n2. 套房").  Every
    search is bounded (a line, LIST_MAX_LINES lines), so the cost stays linear."""
    line = _line_start(scan, start, breaks)  # -1 in a long paragraph: no item, maybe a colon
    lo = line if line >= 0 else start - LINE_MAX
    item = scan[lo:start]
    colon = _header_colon(item)
    if line < 0:
        is_item = False
    elif len(item) <= _ITEM_DECIDED:
        is_item = _is_item(item)
    elif (is_item := known.get(-1 - line)) is None:  # once a line: its start decides
        is_item = known[-1 - line] = _is_item(item)
    if (colon < 0 and not is_item) or _TOTAL.search(item):
        return [], ""  # most sums: no colon and no item mark before them
    if colon >= 0:  # a header in the sentence, with no figure in it (每晚300元：… is none)
        head_start = _last_sentence_start(item, colon)
        no_figure = not lo + head_start < prev_end <= lo + colon
        if no_figure and not _SENTENCE_STOP.search(item, colon):
            per, words = header_rate(item[head_start:colon])
            if per:
                return per, words
    if not is_item:
        return [], ""
    return _header_rate(scan, line, breaks, known)


def _header_colon(item: str) -> int:
    """Where the last colon of ``item`` is, past colons between digits (7:1, 9:30: a ratio
    or a time, no header's), or -1."""
    colon = max(item.rfind("："), item.rfind(":"))
    while colon > 0 and item[colon - 1].isdigit() and item[colon + 1 : colon + 2].isdigit():
        colon = max(item.rfind("：", 0, colon), item.rfind(":", 0, colon))
    return colon


# An item without a mark is a short label and a colon ("标间：200元"), not a speaker's (他说：).
_LABEL = re.compile(r"[ \t\u3000]*[^\s：:，。,]{1,12}(?<![说道示绍])[：:]")
_ITEM_DECIDED = 16  # characters of a line that decide whether it is an item (mark or label)


def _is_item(line: str) -> bool:
    return _ITEM_MARK.match(line) is not None or _LABEL.match(line) is not None


# A header may write the unit of its items as a table does: 收费标准（元/人）, 价格(元/晚).
_HEADER_UNIT = re.compile(
    rf"(?:元|块钱?)/(?P<per>(?:{DENOMINATOR_PATTERN})(?:[/·・](?:{DENOMINATOR_PATTERN}))?)"
)


def header_rate(header: str) -> tuple[list[str], str]:
    """Denominators a list's header gives its sums: a written unit (元/人), else its words."""
    m = _HEADER_UNIT.search(header)
    if m is not None:
        per = split_denominators(m["per"])
        if ordered(per) is not None:
            return ordered(per), m.group()
    return clause_rate(header, True)


def _line_start(scan: str, pos: int, breaks: list[int], ends_here: bool = False) -> int:
    """Where the line holding ``pos`` starts (after a line break or a joined one), or -1
    if that is more than LINE_MAX characters back; ``ends_here``: the line ends at ``pos``
    (a joined break at ``pos`` starts the next line, not this one)."""
    lo = max(0, pos - LINE_MAX)
    start = scan.rfind("\n", lo, pos) + 1
    i = (bisect_left if ends_here else bisect_right)(breaks, pos)
    if i and breaks[i - 1] > start:
        start = breaks[i - 1]
    return start if start or pos <= LINE_MAX else -1


# A table's rows take the rate of the heading just above the table, if it says one (四、预算参考
# (人均) above "| 交通 | 高铁+巴士 约400元 |": CNY/person); a longer line above is prose.
_TABLE_HEAD_MAX = 30


def table_rate_of(scan: str, start: int, breaks: list[int]) -> list[str]:
    """The heading's rate when the sum at ``start`` is in a table's row, else []."""
    line = _line_start(scan, start, breaks)
    if line < 0 or not scan.startswith("|", line):
        return []
    return _table_rate(scan, line, breaks)[0]


def _table_rate(scan: str, line: int, breaks: list[int]) -> tuple[list[str], str]:
    """The rate of the heading above the table whose row starts at ``line``."""
    for _ in range(LIST_MAX_LINES):
        if line == 0:
            return [], ""
        end = line - 1 if scan[line - 1] == "\n" else line
        above = _line_start(scan, end, breaks, ends_here=True)
        if above < 0:
            return [], ""
        text = scan[above:end].strip()
        if not text.startswith("|"):
            return header_rate(text) if 0 < len(text) <= _TABLE_HEAD_MAX else ([], "")
        line = above
    return [], ""


def _last_sentence_start(text: str, end: int) -> int:
    """Where the last sentence of ``text[:end]`` starts."""
    m = _UP_TO_LAST_STOP.match(text, 0, end)
    return m.end() if m is not None else 0


def _header_rate(
    scan: str, line: int, breaks: list[int], known: dict[int, tuple]
) -> tuple[list[str], str]:
    """The rate of the header line above the item lines that start at ``line``.

    ``known`` maps item lines already resolved to their header's rate (and -1 - a line's
    start to whether it is an item), so each item
    walks back only to the item before it: a list of any length costs one look each."""
    first, result = line, ([], "")
    if scan.startswith("|", line):
        known[first] = result = _table_rate(scan, line, breaks)
        return result
    for _ in range(LIST_MAX_LINES):
        if line in known:
            result = known[line]
            break
        if line == 0:
            break
        end = line - 1 if scan[line - 1] == "\n" else line  # a joined break has no character
        above = _line_start(scan, end, breaks, ends_here=True)
        if above < 0:
            break
        text = scan[above:end].strip()
        if text.endswith(("：", ":")):
            result = header_rate(text[_last_sentence_start(text, len(text) - 1) : -1])
            break
        if text and not (_is_item(text) and len(text) <= _ITEM_MAX):
            break  # a line of prose ends the list
        line = above
    known[first] = result
    return result
