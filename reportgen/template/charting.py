"""Which figures one chart may compare: like with like, decided from the data.

A chart puts its figures on one axis, so they must be the same kind of thing:

- **one role**: levels (and counts) with levels, changes with changes; a share is a part of a
  whole and a rank a place, neither is drawn beside anything else (a share goes to a KPI or a
  point, ranks to the rank chart);
- **one unit** exactly (亿元 with 亿元, 家 with 家; CNY and USD never) and **one period** of
  one kind (a flow over 前5个月 is no peer of a stock 截至5月底);
- **one family**: changes of one period compare (export and import growth); levels compare when
  their labels name the same kind of thing: ending alike (出口额 / 进口额, 布局园区 / 建设园区),
  or, listed in one sentence (a 分别 list, an enumeration), ending in the same word (硕士研究生 /
  博士研究生; not 板块 / 机构).

A figure with no peer is not charted: it is a key figure or a point.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportgen.data.schema import Metric

#: Roles a chart never draws beside other figures.
ALONE = frozenset({"share", "rank"})
#: The shortest shared label ending that names one family (出口额 / 进口额 share 口额).
FAMILY_TAIL = 2
CHART_ITEMS = 6
#: Units that are no quantity of one thing (a place, a duration): never on a value axis.
NOT_QUANTITIES = frozenset({"名", "位", "大", "首位", "榜首"})


#: A label's words for the figure's role: a label of these alone (增加, 提高) names nothing a
#: tile or a bar could stand for; the figure is said in its clause instead.
ROLE_WORDS = (
    "增速",
    "增幅",
    "降幅",
    "增加",
    "减少",
    "提高",
    "下降",
    "降低",
    "增长",
    "占比",
    "比重",
    "排名",
)


def names_something(metric: Metric) -> bool:
    """Whether the figure's label names what it measures, beyond its role's word."""
    own = metric.label["zh"]
    for word in ROLE_WORDS:
        own = own.replace(word, "")
    return len(own.strip()) >= 1


def role_of(metric: Metric) -> str:
    """A metric's role as a chart reads it: level (counts too), change, share or rank."""
    if metric.role in ("change", "share", "rank"):
        return metric.role
    return "level"


def chartable(metric: Metric) -> bool:
    """Whether a figure may stand on a value axis at all."""
    return (
        role_of(metric) not in ALONE
        and metric.unit not in NOT_QUANTITIES
        and names_something(metric)
    )


def comparable(a: Metric, b: Metric) -> bool:
    """Whether two figures may share one chart (see the module docstring)."""
    if not (chartable(a) and chartable(b)):
        return False
    same = (role_of(a), a.unit, a.period, a.period_kind) == (
        role_of(b),
        b.unit,
        b.period,
        b.period_kind,
    )
    if not same:
        return False
    if role_of(a) == "change":
        return True
    listed = a.quote is not None and a.quote == b.quote
    return _shared_tail(a, b) >= (1 if listed else FAMILY_TAIL)


def _shared_tail(a: Metric, b: Metric) -> int:
    """How many characters the two labels end alike with (硕士研究生 / 博士研究生: 3)."""
    own_a, own_b = a.label["zh"], b.label["zh"]
    if own_a == own_b:
        return 0
    tail = 0
    while tail < min(len(own_a), len(own_b)) and own_a[-1 - tail] == own_b[-1 - tail]:
        tail += 1
    return tail


def chart_groups(metrics: Sequence[Metric]) -> list[list[Metric]]:
    """The figures that may make one chart each, largest first (two or more, at most
    ``CHART_ITEMS``): a figure joins the first group every member of which it compares with."""
    groups: list[list[Metric]] = []
    for metric in metrics:
        if not chartable(metric):
            continue
        home = next(
            (
                g
                for g in groups
                if len(g) < CHART_ITEMS
                and all(comparable(metric, other) for other in g)
                and all(metric.label["zh"] != other.label["zh"] for other in g)
            ),
            None,
        )
        if home is None:
            groups.append([metric])
        else:
            home.append(metric)
    return sorted((g for g in groups if len(g) >= 2), key=lambda g: -len(g))


def mixed(metrics: Sequence[Metric]) -> str | None:
    """Why a set of figures would make a mixed chart (roles, units, periods), or None."""
    kinds = {
        "roles": {role_of(m) for m in metrics},
        "units": {m.unit for m in metrics},
        "periods": {(m.period, m.period_kind) for m in metrics},
    }
    for name, found in kinds.items():
        if len(found) > 1:
            return f"mixes {name}"
    return None
