"""Bar charts as SVG written on the server, each with the same numbers as a table.

Why SVG written here rather than a charting library: see README.md. The SVG uses presentation
attributes only (no `style` attribute, no script), so the strict Content-Security-Policy needs
no exception; text is drawn with the fonts installed on the reader's machine (Noto Sans CJK JP
first), never fetched.
"""

import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

# Okabe-Ito: told apart with the common forms of colour blindness.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
FONT = '"Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", sans-serif'
WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 12, 12, 44
LABEL_LINES, LINE = 3, 13  # a category label's lines at most, and their spacing


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float]


@dataclass(frozen=True)
class Table:
    """A chart's numbers: one row per category (its header in `rows[i][0]`), one column per
    series."""

    caption: str
    corner: str  # the header above the row headers
    columns: list[str]
    rows: list[tuple[str, list[str]]]

    @property
    def markup(self) -> SafeString:
        """The table alone (the dashboard's tables without a chart)."""
        return table_markup(self, folded=False)

    @property
    def folded(self) -> SafeString:
        """The table in a closed <details> (under a chart on the dashboard)."""
        return table_markup(self, folded=True)


def table_markup(table: Table, *, folded: bool) -> SafeString:
    """The table's HTML, written here rather than by a template loop: the dashboard has about
    twenty of them, and the template's per-cell rendering was a fifth of the page's CPU
    (bench/README.md, "h15"). Every text is escaped."""
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in table.columns)
    body = "".join(
        f'<tr><th scope="row">{escape(h)}</th>{"".join(f"<td>{escape(c)}</td>" for c in cs)}</tr>'
        for h, cs in table.rows
    ) or (f'<tr><td colspan="{len(table.columns) + 1}">{escape(_("None."))}</td></tr>')
    markup = (
        f'<table class="board-table">\n  <caption>{escape(table.caption)}</caption>\n  '
        f'<thead><tr><th scope="col">{escape(table.corner)}</th>{head}</tr></thead>\n  '
        f"<tbody>{body}</tbody>\n</table>"
    )
    if folded:
        summary = escape(_("The numbers"))
        markup = f'<details class="board-numbers"><summary>{summary}</summary>\n{markup}</details>'
    return mark_safe(markup)  # noqa: S308  (every text above is escaped)


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    svg: SafeString
    table: Table
    note: str = ""
    legend: list[tuple[str, str]] = field(default_factory=list)  # colour, series name


def _ticks(top: float) -> tuple[float, list[float]]:
    """A rounded axis maximum and 4-5 evenly spaced ticks up to it."""
    if top <= 0:
        return 1.0, [0.0, 1.0]
    raw = top / 4
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    if top >= 1 and step < 1:
        step = 1.0
    count = math.ceil(top / step)
    return step * count, [step * i for i in range(count + 1)]


def _number(value: float) -> str:
    if isinstance(value, int):
        return f"{value:,d}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def bar_chart(
    *,
    id: str,
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    corner: str,
    cell: Callable[[float], str] | None = None,
    sublabels: Sequence[str] = (),
    row_headers: Sequence[str] = (),
    extra: Sequence[tuple[str, Sequence[str]]] = (),
    note: str = "",
) -> Chart:
    """Clustered vertical bars: one group per category (a month, a kind...), one bar per
    series. `sublabels` is an optional second line under each category (a year);
    `row_headers` name the table's rows where the categories are abbreviated; `extra` adds
    columns (name, cells) to the table only."""
    numbers = [[_number(v) for v in s.values] for s in series]  # once, for bars and table
    svg = _svg(id, title, categories, series, sublabels, numbers)
    cells = numbers if cell is None else [[cell(v) for v in s.values] for s in series]
    headers = list(row_headers) or list(categories)
    rows = [
        (headers[i], [*(e[1][i] for e in extra), *(c[i] for c in cells)])
        for i in range(len(categories))
    ]
    columns = [*(e[0] for e in extra), *(s.name for s in series)]
    table = Table(caption=title, corner=corner, columns=columns, rows=rows)
    legend = [(PALETTE[i % len(PALETTE)], s.name) for i, s in enumerate(series)]
    return Chart(id=id, title=title, svg=svg, table=table, note=note, legend=legend)


def _svg(
    id: str,
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    sublabels: Sequence[str],
    numbers: list[list[str]],
) -> SafeString:
    top = max((v for s in series for v in s.values), default=0)
    axis_max, ticks = _ticks(float(top))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    group_w = plot_w / max(len(categories), 1)
    labels = [_wrap(category, group_w - 4) for category in categories]
    # A third line of labels (long English kinds of request) makes the chart taller, not the
    # plot smaller: the bars stay the same height in every chart.
    height = HEIGHT + LINE * max(0, max((len(lines) for lines in labels), default=1) - 2)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'class="board-chart" role="img" aria-labelledby="{id}-title" '
        f'font-family="{escape(FONT)}" font-size="12">',
        f'<title id="{id}-title">{escape(title)}</title>',
    ]
    for tick in ticks:
        y = TOP + plot_h - plot_h * tick / axis_max
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="#d0d0d0" stroke-width="1"/>'
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#333">'
            f"{_number(tick)}</text>"
        )
    parts += _bars(categories, series, numbers, axis_max, plot_w, plot_h)
    for i, category_lines in enumerate(labels):
        x = LEFT + group_w * (i + 0.5)
        lines = "".join(
            f'<tspan x="{x:.1f}" dy="{0 if n == 0 else LINE}">{escape(line)}</tspan>'
            for n, line in enumerate(category_lines)
        )
        parts.append(
            f'<text y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" fill="#222">{lines}</text>'
        )
        if i < len(sublabels) and sublabels[i]:
            parts.append(
                f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 32}" text-anchor="middle" '
                f'fill="#555" font-size="11">{escape(sublabels[i])}</text>'
            )
    parts.append(
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + plot_h}" y2="{TOP + plot_h}" '
        f'stroke="#333" stroke-width="1"/></svg>'
    )
    return mark_safe("".join(parts))  # noqa: S308  (every text above is escaped)


def _text_width(text: str) -> float:
    """About how wide `text` is drawn at 12px: full-width characters 12, others 7."""
    return sum(12 if unicodedata.east_asian_width(c) in "WF" else 7 for c in text)


def _fits(text: str, width: float) -> bool:
    return _text_width(text) <= width


def _wrap(text: str, width: float) -> list[str]:
    """A category label in at most LABEL_LINES lines that fit `width`: broken before an opening
    parenthesis where the rest then fits (訂正・追加・削除 / （7.1 c）), else at spaces, a word
    wider than the line (Japanese has no spaces) cut where it fills the line; the last line
    shortened with … only if the label needs more lines than that."""
    if _fits(text, width):
        return [text]
    for i, c in enumerate(text):
        if c in "（(" and i > 0 and _fits(text[:i].rstrip(), width):
            rest = _lines(text[i:], width)
            if len(rest) < LABEL_LINES:
                return [text[:i].rstrip(), *rest]
            break
    lines = _lines(text, width)
    if len(lines) <= LABEL_LINES:
        return lines
    last = lines[LABEL_LINES - 1]
    while last and not _fits(last + "…", width):
        last = last[:-1]
    return [*lines[: LABEL_LINES - 1], last.rstrip() + "…"]


def _lines(text: str, width: float) -> list[str]:
    """`text` in as many lines of `width` as it takes, filled word by word (see _wrap)."""
    lines, line = [], ""
    for word in re.findall(r"\S+\s*", text):
        if _fits((line + word).rstrip(), width):
            line += word
            continue
        if line:
            lines.append(line.rstrip())
        while not _fits(word.rstrip(), width):
            cut = max([i for i in range(1, len(word)) if _fits(word[:i], width)] or [1])
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _bars(
    categories: Sequence[str],
    series: Sequence[Series],
    numbers: list[list[str]],
    axis_max: float,
    plot_w: float,
    plot_h: float,
) -> list[str]:
    """One <rect> per value, with its series and value as a <title> (a pointer user's
    tooltip); the text the same as the table's, formatted once."""
    group_w = plot_w / max(len(categories), 1)
    bar_w = group_w * 0.8 / max(len(series), 1)
    width = f"{max(bar_w - 1, 1):.1f}"
    base, scale = TOP + plot_h, plot_h / axis_max
    parts = []
    for s_index, s in enumerate(series):
        colour, name = PALETTE[s_index % len(PALETTE)], escape(s.name)
        offset = LEFT + group_w * 0.1 + bar_w * s_index
        for i, value in enumerate(s.values):
            height = scale * float(value)
            parts.append(
                f'<rect x="{offset + group_w * i:.1f}" y="{base - height:.1f}" width="{width}" '
                f'height="{height:.1f}" fill="{colour}"><title>{name}: '
                f"{numbers[s_index][i]}</title></rect>"
            )
    return parts
