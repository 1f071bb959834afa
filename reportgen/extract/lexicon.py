"""The extractor's vocabulary: the words Chinese news prints around its figures.

Word lists only, no logic: ``patterns`` compiles them into the regexes that find facts,
``values``, ``dates``, ``names`` and ``subjects`` read matches with them. The hedge words are
the locale's (``reportgen.locale.zh``), seen here by where they stand; they are not spelled again.
"""

from __future__ import annotations

from reportgen.data.schema import CURRENCY_WORDS
from reportgen.locale import Qualifier
from reportgen.locale.zh import hedges_at
from reportgen.text.numerals import MAGNITUDES as NUMERAL_MAGNITUDES


def _words(text: str) -> tuple[str, ...]:
    """A word list written as words separated by spaces."""
    return tuple(text.split())


#: The characters of Chinese numerals, 零 to 亿.
CN = "零〇一二两三四五六七八九十百千万亿"

#: The heads of vague amounts: 数十, 几百, 上千 ("dozens", "hundreds", "about a thousand").
VAGUE_HEADS = "数几上"

#: Hedge words that stand before a number (近3000列), with their meaning.
PREFIX_HEDGES: dict[str, Qualifier] = hedges_at("before")
#: Hedge words that stand inside (4700余家) or after (160小时以上) a figure, with their meaning.
SUFFIX_HEDGES: dict[str, Qualifier] = {**hedges_at("inside"), **hedges_at("after")}

#: A magnitude word -> its factor (512.3亿 is 51230000000): the numerals' magnitudes, and 千
#: as money also prints it (3千元).
MAGNITUDES = {word: float(factor) for word, factor in {**NUMERAL_MAGNITUDES, "千": 1000}.items()}

#: Units and Chinese classifiers (量词) a count is measured in.
MEASURE_WORDS = frozenset(
    _words(
        "标准箱 个位次 位次 自然箱 标箱 TEU 英尺 海里 毫米 厘米 吉瓦 兆瓦时 吨标准煤 部 "
        "枚 人次 车次 辆次 架次 艘次 部门 回 班次 户次 台套 千瓦时 兆瓦 千瓦 立方米 "
        "平方公里 平方米 公顷 公斤 千克 公里 千米 家 列 人 项 个 场 次 批 方 条 台 辆 "
        "艘 吨 所 座 套 件 份 位 国 篇 款 支 处 届 期 轮 单 亩 米 架 班 趟 户 名 类 张 "
        "本 块 头 只 棵 株 颗 粒 包 箱 桶 瓶 袋 间 栋 幢 层 口 种 门 队 组 笔 宗 起 例 "
        "首 集 幅 道 片 斤 克 升 度"
    )
)

#: Units of time a duration is measured in, longest first where one is the tail of another.
TIME_UNITS = ("个工作日", "工作日", "个小时", "小时", "个月", "天", "周", "年", "分钟")

#: The word an article prints -> the ISO code the data keeps (and the words it also uses).
CURRENCY_CODES = {word: code for code, word in CURRENCY_WORDS.items()} | {
    "人民币": "CNY",
    "美金": "USD",
    "港币": "HKD",
}

#: Verbs that state a decrease: the change they report is negative (缩短约15天 is -15 days).
DOWN_VERBS = ("下降", "同比下降", "减少", "同比减少", "降低", "缩短", "压缩", "后移", "少了")

#: Verbs that say where a rank stands: 位居全省第二, 跻身全国前三.
RANK_VERBS = ("排名", "位居", "位列", "居于", "名列", "居", "位于", "列", "跻身", "进入", "稳居")

#: Years said relative to the article's date, with their offset from its year.
RELATIVE_YEARS = {"去年": -1, "今年": 0, "前年": -2, "明年": 1}
#: "The same year": the year of the last date before it (2022年6月……同年10月).
SAME_YEAR_WORDS = ("同年", "当年")

#: Numerals inside names, enumerations and idioms: never facts.
NOT_FACTS = (
    "一带一路",
    *_words("十一五 十二五 十三五 十四五 十五五"),  # the five-year plans, quoted or not
    *_words(
        "一体化 一体发展 一体运转 第一时间 一批 一核引领 一心一意 一单两报 四便利一领先 "
        "十链合一 一个字 一起 一切 进一步 第一资源 第一窗口 统一 一是 二是 三是 四是 "
        "五是 一名 唯一 一家大型 一期 一年一度 三三两两 一一 万众一心 一流 一线 "
        "中亚五国 中俄两国 中美两国 两国 一方面 五位一体 四位一体 三位一体"
    ),
    # four-character idioms (成语) built on numerals
    *_words(
        "千方百计 四面八方 万家灯火 千家万户 百年大计 五湖四海 一举两得 一马当先 "
        "三心二意 七上八下 九牛一毛 十全十美 万无一失 百花齐放 百尺竿头 千载难逢 "
        "一目了然 一帆风顺 独一无二 一石二鸟 一干二净 接二连三 丢三落四 四通八达 "
        "五花八门 六六大顺 八仙过海 十拿九稳 百发百中 百闻不如一见 千军万马 万紫千红 "
        "一日千里 一鼓作气 一往无前 一脉相承 一以贯之 一张蓝图 三令五申 成千上万 "
        "千千万万 一衣带水 百舸争流 千帆竞发 万象更新 一马平川"
    ),
)
#: Names that begin like a rank (第一时间 is "at once", not first place).
RANK_NAMES = ("第一时间", "第一资源", "第一窗口")

#: Words a clause opens with that are not what it measures (其中出口…, 此外…).
CLAUSE_OPENERS = _words("其中 此外 另外 同时 而且 并且 而 并 全年 当年 合计 共计 总计 均")
#: Function words a presenter's label never starts or ends with: a label cut at one of them
#: (…总值的, 占同期…, 和) is a broken phrase, not a noun.
EDGE_WORDS = _words(
    "其中 分别 今年前 今年 去年 同比 以及 和 及 与 或 的 了 占 等 为 达 并 且 是 在 从 由 "
    "至 到 共 均 也 都 已 将 把 被 向 约 近"
)
#: Endings of a place or body that figures are about: 青岛市, 黄岛区, 上合示范区, 青岛港.
ENTITY_SUFFIXES = "|".join(
    _words("示范区 自贸片区 片区 新区 开发区 保税区 综保区 园区 平台 集团 省 市 区 县 镇 港 海关")
)
#: How an article names its own subject (全市 in a city's statistics): dropped from a label.
SELF_ENTITIES = _words(
    "全市 全省 全区 全县 本市 本区 本省 该市 该区 我市 我区 我省 我县 示范区 全港"
)
#: Verbs a clause ends with before a count: the count counts the noun after it (推出22条措施).
VERB_ENDS = _words(
    "推出 出台 发布 引进 吸引 新增 签约 落地 开行 开通 建成 拥有 实施 形成 打造 培育 举办 "
    "开展 组织 设立 建设 完成 实现 达成 服务 带动 吸纳 招引 认定 获批 开辟 新开 累计开行 "
    "引育 集聚 聚集 吸引了 推动 促成 达"
)
#: Measure words of amounts rather than of things counted: a figure in them is a level.
LEVEL_UNITS = frozenset(
    _words(
        "标准箱 自然箱 标箱 TEU 吨 万吨 公里 千米 米 平方米 平方公里 公顷 亩 立方米 千瓦时 "
        "兆瓦时 兆瓦 千瓦 吉瓦 吨标准煤 英尺 海里 公斤 千克 斤 克 升 度 人次 车次 架次 艘次 "
        "班次 户次"
    )
)
#: Period words inside a clause (前4个月, 1—10月, 2022年, 今年以来, 截至5月底): when, not what.
PERIOD_WORDS = (
    r"截至(?:\d{4}年)?(?:\d{1,2}月)?(?:底|末|份)?|"
    r"(?:今年|去年|前年|\d{4}年)?(?:前\d{1,2}个月|前[一二三四五六七八九十]{1,3}个月|"
    r"\d{1,2}[—\-–～~至到]\d{1,2}月(?:份)?|[上下]半年|[一二三四]季度|第[一二三四]季度|"
    r"前三季度|全年|以来|同期|当月|\d{1,2}月(?:份|末|底)?)|"
    r"\d{4}年(?:底|末)?|今年|去年|前年|近[一二三四五六七八九十\d]{1,2}年|"
    r"[一二三四五六七八九十\d]{1,2}年来|目前|现已|截至目前|同比|比去年同期|比上年|较上年|下同"
)

#: Verbs between a subject and its figure (对外贸易额达360亿元): not part of the subject.
LEAD_VERBS = _words("共有 达到 累计 总计 共计 达 为 是 有 约 超过 共 已 用时 实现 开行 完成")
#: Words that end the noun after a measure word (4700余家企业入驻: the noun is 企业).
NOUN_ENDS = _words("入驻 参与 进入 入选 实现 完成 签约 洽谈 投资 的 和 与 及 在 将 已 为")

# --- periods (``periods``): the words that say when a figure is, or that it is a stock ----------

#: Words right before a period that make it a comparison base (比去年同期, 较2020年, 是…的): the
#: figure is compared with that period, it is not about it.
BASE_LEADS = _words(
    "比 较 较之 相比 相较 对比 与 同 高于 低于 多于 少于 快于 慢于 好于 超过 超出 相当于 "
    "恢复到 恢复至"
)
#: Words after a period that make it a comparison base (与2019年相比, 是2020年的2.4倍).
BASE_TAILS = _words("相比 相较 比较 同期相比 水平")
#: Words that say a figure is planned, expected or aimed at: the period it names may lie ahead
#: (将于5月20日至22日举办), and a sentence without a period of its own is no statistic of
#: the article's period.
FUTURE_WORDS = _words("将于 将在 计划 预计 力争 争取 拟 目标 有望 届时 定于 将")
#: Words that say the figure is as things stand now (a stock at the article's date).
PRESENT_WORDS = _words("截至目前 目前 现已 现有 当前 现在 如今")
#: Words that make a sentence without a period phrase speak of the present (现有, 已建成,
#: 拥有): as of the article's month, not the statistics period of the sentence before.
PRESENT_MARKS = _words("目前 现有 现已 已 拥有 规划 当前 现在 如今")
#: Words of a policy's terms (给予最高1000万元奖励): no statistic of the article's period.
POLICY_WORDS = _words("给予 补贴 奖励 扶持 资助")
#: Nouns of balances and stocks: a figure of one is a level at the end of its period
#: (上半年……总量达到68.7万户 is as of June), not a flow during it.
STOCK_WORDS = _words("余额 保有量 总量 总数 存量 累计 总规模")
#: Openers of a sentence that goes on with the statistics of the one before it (其中出口…,
#: 从贸易方式看…, 同比…): it takes that sentence's period, across a paragraph break too.
CONTINUATION_OPENERS = (
    r"^(?:其中|同比|环比|分别|以上|上述|"
    r"[从由][^，,。；;]{1,10}(?:看|来看|上看|分析)|分[^，,。；;]{1,8}(?:看|来看)|"
    r"按[^，,。；;]{1,8}(?:分|看|计|划分|统计))"
)
#: Openers of a sentence that turns to something else (此外, 另外, 下一步): it does not take the
#: period of the sentence before it.
SHIFT_OPENERS = _words("此外 另外 此前 下一步 接下来 未来 今后 与此同时 另据")
#: The five-year plans by their first year (“十四五”以来 is from 2021).
FIVE_YEAR_PLANS = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026}

# Text structure (``layout``): the words a page prints around its pieces, not in them.

#: Roles a byline names people in (记者 张三 通讯员 李四); the author keeps the names only.
BYLINE_ROLES = _words(
    "首席记者 特派记者 特约记者 见习记者 实习记者 摄影记者 全媒体记者 融媒体记者 融媒记者 "
    "记者 特约通讯员 通讯员 实习生 撰稿人 撰稿 编译"
)
#: Words a byline closes with that are no names (记者 张三 报道, 记者 李四 发自北京).
BYLINE_TAILS = _words("综合报道 联合报道 摄影报道 报道 采写 整理 供稿 发自")
#: Roles of the people who made the page rather than the piece (责编 王杰 美编 李晓萌).
EDITOR_ROLES = _words(
    "责任编辑 值班编辑 编辑 责编 美编 校对 审读 审核 审校 排版 组版 签发 终审 复审 初审 "
    "一审 二审 三审 监制 视觉 设计 统筹"
)
#: Lines of a web page's furniture (share, print, counters): no part of any piece.
PAGE_FURNITURE = _words(
    "分享到 打印本页 关闭窗口 【打印】 【关闭】 扫一扫 浏览次数 阅读量 点击数 字号 字体 当前位置 "
    "您的位置 您当前的位置"
)
#: Marks between the steps of a web page's breadcrumb (首页 > 新闻中心 > 工作动态).
BREADCRUMB_MARKS = (">", "＞", "›", "»", "→")
#: Column labels a page sets above a run of pieces (简讯): furniture, not a piece's kicker.
COLUMN_LABELS = _words("简讯 快讯 短讯 要闻 新闻速递 图片新闻 本地新闻 综合新闻 国内新闻 国际新闻")
#: The marks a piece ends with.
END_MARKS = _words("（完） (完) 【完】 （全文完） -完- —完— （终）")
#: Marks a photo caption opens with (■青岛·上合之珠国际博览中心。), and its opening words.
CAPTION_MARKS = "■▲"
CAPTION_WORDS = _words("图为 上图 下图 左图 右图 图片为 组图为")
#: Marks a byline opens with (□青岛日报/观海新闻记者 锡复春).
BYLINE_MARKS = "□◎"
#: Where the writer's own paper stands in a byline (本报讯, 本报记者): the page's outlet.
OWN_PAPER = _words("本报 本刊 本台 本网")
#: Words that end in 讯 without being a dateline (通讯设备, 简讯, 喜讯).
NOT_DATELINE_XUN = _words(
    "通讯 资讯 快讯 简讯 喜讯 音讯 短讯 传讯 视讯 审讯 问讯 电讯 死讯 家讯 质讯"
)
#: News outlets a dateline or byline opens with, and the name the data keeps for each
#: (中新网青岛5月18日电 is 中国新闻网's). Longest first where one begins another.
OUTLET_NAMES = {
    "中国新闻网": "中国新闻网",
    "中新网": "中国新闻网",
    "中新社": "中国新闻社",
    "新华社": "新华社",
    "新华网": "新华网",
    "人民日报": "人民日报",
    "人民网": "人民网",
    "央视新闻": "央视新闻",
    "央视网": "央视网",
    "央广网": "央广网",
    "中国日报网": "中国日报网",
    "中国日报": "中国日报",
    "光明日报": "光明日报",
    "经济日报": "经济日报",
    "大众日报": "大众日报",
    "大众网": "大众网",
    "齐鲁晚报": "齐鲁晚报",
    "闪电新闻": "闪电新闻",
    "青岛日报": "青岛日报",
    "青岛早报": "青岛早报",
    "青岛晚报": "青岛晚报",
    "半岛都市报": "半岛都市报",
    "观海新闻": "观海新闻",
    "澎湃新闻": "澎湃新闻",
    "第一财经": "第一财经",
}
#: Endings of an outlet's name (大众日报, 齐鲁壹点, 新华社): a byline's prefix that ends so is one.
OUTLET_ENDINGS = _words(
    "日报 晚报 早报 时报 都市报 商报 新闻网 新闻 网 社 电视台 电台 客户端 壹点 周刊 报"
)
#: Keys of a web copy's metadata lines (来源：青岛市商务局 发布时间：2024-09-20).
META_SOURCE_KEYS = _words("来源 稿源 出处 信息来源")
META_AUTHOR_KEYS = _words("作者 撰稿")
META_DATE_KEYS = _words("发布时间 发布日期 发表时间 更新时间 时间 日期")
#: Speakers of a question-and-answer text (记者：… / 张华：…): their lines are body, not titles.
QA_SPEAKERS = _words("记者 问 答 主持人 嘉宾 Q A")
# --- rankings: who is ranked, in what (``rankings``) ----------------------------------------

#: Verbs that put an entity at its place (位列第18位, 居全省第一位, 跃升至第一位, 获得第五名):
#: the rank verbs, and those of a climb or an award.
PLACE_VERBS = (
    *RANK_VERBS,
    *_words("跃升至 跃升为 跃居 升至 上升至 提升至 晋升至 荣获 获得 获 夺得 排在 排"),
)
#: Verbs that put an entity within a bound (跻身全国十强, 进入全国前十): a bound, not a place.
BOUND_VERBS = _words("跻身 进入 入选 位列 位居 稳居 晋级 挺进 跃居 迈入 列入 跨入 入围")
#: Words that name a place without a number: first place.
FIRST_PLACE_WORDS = ("首位", "榜首", "冠军")
#: Nouns that end the name of a ranking or an assessment (…考核, …排名, …榜单).
ASSESSMENT_WORDS = _words(
    "考核 评价 评估 排名 排行榜 排行 榜单 评比 评选 测评 名单 指数 报告 调查 监测 竞赛 "
    "比赛 大赛 评审 考评 榜"
)
#: Words that open a scope of comparison (居全省第一: among the province's).
SCOPE_WORDS = _words("全国 全省 全市 全区 全球 世界 国内 省内 市内 同类 全国同类")
#: Heads that end the name of a place, a body or a product line (青岛港, 黄岛区, 霍尔果斯口岸):
#: what stands before a measure (青岛港|货物吞吐量) is who is measured.
ENTITY_HEADS = _words(
    "示范区 新区 园区 开发区 经开区 高新区 保税区 片区 港区 自贸区 功能区 区 市 省 县 镇 "
    "街道 口岸 港口 港 机场 集团 公司 企业 银行 大学 学院 医院 中心 基地 平台 站 协会 "
    "商会 管委会 政府 城市 城 国"
)
#: Heads that end what of an entity is ranked (增速在全国沿海主要港口中位列第一): a measure,
#: not an entity.
MEASURE_HEADS = _words(
    "增速 增幅 增量 总量 数量 规模 水平 实力 能力 指数 得分 幅度 速度 效率 比重 占比 总值 "
    "总额 排名 位次 量 额 率 值"
)
#: Words that stand before a subject without being it: periods, sources, connectives.
LEAD_WORDS = _words(
    "今年以来 近年来 近几年 三年来 五年来 十年来 今年 去年 前年 上半年 下半年 全年 当年 同年 "
    "目前 当前 如今 此前 其中 同时 此外 另外 而且 而 并且 一季度 二季度 三季度 四季度 前三季度 "
    "年内 期间 当天 当日 据统计 据介绍 据了解 据悉 数据显示 公报显示 会议通报 记者获悉 "
    "综合来看 总体来看 从全国看"
)
#: Words and particles at which a subject ends (崂山绿茶|在…评比中, 上合示范区|从2020年…).
SUBJECT_STOPS = _words(
    "在 从 由 以 于 被 将 已 已经 达 达到 为 是 成为 连续 再次 继续 首次 成功 稳步 均 分别 仍 "
    "也 还 并 又 实现 完成 新增 新引进 引进 接待 共有 累计 总计 共计 同比 获得 获 "
    "排名 位居 位列 名列 居于 居 跻身 进入 稳居 跃升至 跃居 升至 对"
)
#: Stops that begin other words too: 居 is no stop in 居民, 对 none in 对外贸易.
STOP_GUARDS = {"居": "民住", "对": "外话", "获": "悉", "为": "期", "在": "线建"}
#: … and after some words: 均 is no stop in 人均, 在 none in 所在 or 现在.
STOP_AFTER_GUARDS = {"均": "人平", "在": "所存现正", "达": "通发到"}
#: Words that point back instead of naming (该区, 这批货物): not a name.
PRONOUNS = ("该", "这", "此", "其", "本", "我们", "我", "他们", "它")
#: Words before a year that make it a year compared with, not the one meant (较2019年).
COMPARED_WITH = _words("较 比 比较 与 同比 相比 相较 对比 超过")

# --- events: dated actions (``events``) ------------------------------------------------------

#: Verbs of an event (签约, 举行, 开通…): a date with one in its clause is when it happened.
ACTION_VERBS = _words(
    "签约 签署 签订 举行 举办 召开 开幕 闭幕 开通 启用 启动 发布 揭牌 揭幕 开工 竣工 投产 "
    "落地 落户 成立 设立 增设 首发 上线 获批 批准 开业 开园 开港 通车 通航 首航 首飞 挂牌 "
    "授牌 鸣枪 开赛 开跑 投入运营 投用 运营 亮相 印发 出台 颁布 考察 推介 会见 会谈 访问 "
    "奠基 开建 完成 入选 获评 荣获 开馆 开展 闭馆 开播 通关 首开 开班"
)
#: Verbs that say where a figure came from, not what happened (记者从…获悉, 发布数据显示).
REPORT_VERBS = _words(
    "获悉 了解到 获知 显示 透露 介绍 表示 通报 统计 发布数据 公布数据 发布消息 发布的数据 称"
)
#: Words that say an event is still to come (将于5月20日举办, 计划10月开通).
PLANNED_WORDS = _words("将于 将要 将 计划 拟 预计 即将 有望 力争 准备 定于")
#: Words before a date that make it a deadline, a start or a target, not an event (截至5月底).
DEADLINE_WORDS = _words("截至 截止到 截止 到 至 直至 直到")
#: Words after a date that make it a deadline or a start (10月前, 自3月起).
DEADLINE_TAILS = _words("前 以前 之前 起 以后 之后 为止")
#: Times of the day and words of the day itself, around a date (8月18日晚, 今天上午7时30分).
DAY_WORDS = _words("上午 下午 晚上 晚间 当晚 早上 凌晨 中午 傍晚 当天 当日 晚 早 今天 今日")
#: Words for the article's own day (今天 in a piece dated 9月18日 is 9月18日).
TODAY_WORDS = ("今天", "今日")
#: Adverbs before an event's verb that a title leaves out (正式投入运营 -> 投入运营).
TITLE_ADVERBS = _words("正式 顺利 成功 隆重 圆满 盛大 共同 同步 一同")

# Talking points (``points``): the article's own clause for a figure, trimmed to the point.

#: Separators of clauses inside a sentence (a comma between digits, 1,000, is no separator).
CLAUSE_MARKS = "，,；;：:"
#: A clause that opens with these goes on with the clause before it (增长21.5% says what grew
#: only with 对外贸易额达150亿元 before it): the point takes both.
CLAUSE_CONTINUES = _words(
    "增长 同比 环比 比上年 比去年 较上年 较去年 下降 提高 增加 减少 降低 占 分别 均 增幅 降幅 增速 "
    "其中 是 为 达 达到 约 共"
)
#: Clauses that only connect (其中，同时，据统计，): dropped from the front of a point.
CLAUSE_CONNECTIVES = _words(
    "其中 同时 此外 另外 另据 据统计 据了解 据介绍 数据显示 统计显示 "
    "记者了解到 记者获悉 与此同时 目前"
)
#: A first clause naming only a period (前5个月，今年以来，): a point that leaves it out loses
#: when its figure is about, so it is kept in front.
PERIOD_CLAUSE = (
    r"^(?:[今去前本上下]?[年季]|前|近|\d|截至|截止|今年|去年|上半年|下半年|[一二三四]季度|全年)"
    r"[^，,；;]{0,10}$"
)
#: The longest point, in characters (a placeholder counts as the figure it shows, ~6).
POINT_LIMIT = 46
#: Words a sentence states a plan with (the outlook): 将加快…, 力争到2025年…, 下一步…
PLAN_MARKS = (
    r"(?:计划|力争(?!上游)|争取|目标是|目标为|下一步|今后|接下来|预计|未来[^，,。]{0,4}年|"
    r"将(?:加快|持续|进一步|继续|全力|推动|着力|围绕|深化|加强|打造|建设|推进|积极|大力|扩大|"
    r"不断|重点|努力|聚焦|坚持|依托|以|把|在|着眼))"
)
PLANS_PER_ARTICLE = 4
