"""The report as one self-contained HTML file: the dashboard's tables and its charts
(as data URIs), from a Jinja2 template kept as a file, fit to open offline or to
send by e-mail."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import jinja2
import pandas as pd

from matcher.params import Language
from reports.charts import charts
from reports.dashboard import Dashboard, headers
from reports.labels import chart_title, phrase, section_title
from reports.text import shown

TEMPLATES = Path(__file__).parent / "templates"


def render_html(board: Dashboard, now: datetime, language: Language) -> str:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        keep_trailing_newline=True,
    )
    images = charts(board, language)
    counts = {"offers": board.offers, "needs": board.needs, "matches": board.matches}
    return environment.get_template("report.html.j2").render(
        language=language,
        title=phrase("title", language),
        generated=phrase("generated", language, when=now.strftime("%d.%m.%Y %H:%M")),
        totals=phrase("totals", language, **counts),
        nothing=phrase("nothing", language),
        charts=[{"uri": uri, "title": chart_title(key, language)} for key, uri in images.items()],
        sections=[
            {
                "title": section_title(section.key, language),
                "headers": headers(section.table, language),
                "rows": _rows(section.table),
            }
            for section in board.sections
        ],
    )


def _rows(table: pd.DataFrame) -> list[list[dict[str, object]]]:
    numeric = [pd.api.types.is_numeric_dtype(table[c]) for c in table.columns]
    return [
        [{"text": shown(v), "number": n} for v, n in zip(row, numeric, strict=True)]
        for row in table.itertuples(index=False)
    ]
