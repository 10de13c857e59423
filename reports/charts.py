"""The report's charts: the status funnel, what open needs miss by category, and the
weekly trend. Drawn with matplotlib in DejaVu Sans (it has Cyrillic, and comes
with matplotlib), saved as SVG with the text as paths, so a chart looks the
same in any browser or mail reader, offline, with no font installed.

Each chart comes back as a data URI for an <img>.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence

from matplotlib.figure import Figure

from matcher.model import Status
from matcher.params import Language
from reports.dashboard import Dashboard
from reports.labels import chart_title, phrase
from sync.labels import column_label, status_label

FONT = {"family": "DejaVu Sans", "size": 10}
#: Forward steps in blue, the ways out in grey.
FORWARD, OUT = "#3b6ea8", "#a6a6a6"
WEEKLY_COLORS = ("#3b6ea8", "#d9822b", "#3a9b5c")


def charts(board: Dashboard, language: Language) -> dict[str, str]:
    """Chart key -> a data:image/svg+xml URI."""
    return {
        "funnel": _funnel(board, language),
        "open_needs": _open_needs(board, language),
        "weekly": _weekly(board, language),
    }


def _figure(height: float = 3.2) -> Figure:
    figure = Figure(figsize=(7.5, height), dpi=96, layout="constrained")
    return figure


def _funnel(board: Dashboard, language: Language) -> str:
    funnel = board.funnel
    labels = [status_label(Status(code), language) for code in funnel["status"]]
    colors = [FORWARD if code in ("proposed", "contacted", "agreed", "delivered") else OUT
              for code in funnel["status"]]  # fmt: skip
    return _bars(chart_title("funnel", language), labels, list(funnel["reached"]), colors, language)


def _open_needs(board: Dashboard, language: Language) -> str:
    table = board.missing_by_category
    values = list(table["missing"])
    return _bars(
        chart_title("open_needs", language), list(table["label"]), values, FORWARD, language
    )


def _bars(
    title: str,
    labels: Sequence[str],
    values: Sequence[int],
    colors: str | Sequence[str],
    language: Language,
) -> str:
    figure = _figure(max(1.6, 0.42 * len(labels) + 1.0))
    axes = figure.subplots()
    axes.set_title(title, fontdict={**FONT, "size": 12}, loc="left")
    if not labels:
        return _empty(figure, axes, language)
    positions = list(range(len(labels)))[::-1]
    bars = axes.barh(positions, values, color=colors)
    axes.set_yticks(positions, labels, fontdict=FONT)
    axes.bar_label(bars, labels=[str(v) for v in values], padding=3, fontsize=9)
    axes.margins(x=0.12)
    axes.spines[["top", "right"]].set_visible(False)
    axes.tick_params(axis="x", labelsize=9)
    return _uri(figure)


def _weekly(board: Dashboard, language: Language) -> str:
    weekly = board.weekly
    figure = _figure()
    axes = figure.subplots()
    axes.set_title(chart_title("weekly", language), fontdict={**FONT, "size": 12}, loc="left")
    if weekly.empty:
        return _empty(figure, axes, language)
    weeks = [w.strftime("%d.%m") for w in weekly["week"]]
    for name, color in zip(("offers", "needs", "deliveries"), WEEKLY_COLORS, strict=True):
        key = {"offers": "offers_count", "needs": "needs_count"}.get(name, name)
        axes.plot(weeks, list(weekly[name]), marker="o", color=color,
                  label=column_label(key, language))  # fmt: skip
    axes.legend(prop=FONT, frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    axes.tick_params(labelsize=9)
    axes.set_ylim(bottom=0)
    return _uri(figure)


def _empty(figure: Figure, axes: object, language: Language) -> str:
    axes.set_axis_off()  # type: ignore[attr-defined]
    axes.text(0.5, 0.5, phrase("nothing", language), ha="center", fontdict=FONT)  # type: ignore[attr-defined]
    return _uri(figure)


def _uri(figure: Figure) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
