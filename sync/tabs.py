"""The coordination spreadsheet's tabs: their titles, their look, how they are found.

Each tab has a key (`sync/layouts.py`) that names it for good, and a title in
the coordinators' language («Пары», «Предложения»…) that people may change. A
read finds a tab by the identity the pipeline gave it, else by any title it has
had, so a renamed tab is still the same tab.
"""

from __future__ import annotations

from dataclasses import replace

from matcher.params import Language
from sync.labels import (
    column_label,
    column_spellings,
    reconfirm_labels,
    status_labels,
    tab_title,
    tab_titles,
)
from sync.layouts import (
    CALL_STYLE,
    CALL_TODAY,
    COORDINATOR_COLUMNS,
    DASHBOARD,
    MATCH_COLUMNS,
    MATCH_STYLE,
    MATCHES,
    MEMORY,
    NEED_LAYOUT,
    NOTHING_PROPOSED,
    OFFER_LAYOUT,
    PROBLEM_LAYOUT,
    RECONFIRM,
    RECONFIRM_STYLE,
    TAB_COLUMNS,
    TABS,
    header,
)
from sync.plan import KeyedTab, NewTab, TabIdentity
from sync.styles import TabStyle

_STYLES = {
    OFFER_LAYOUT.key: OFFER_LAYOUT.style,
    NEED_LAYOUT.key: replace(NEED_LAYOUT.style, highlights=(NOTHING_PROPOSED,)),
    PROBLEM_LAYOUT.key: PROBLEM_LAYOUT.style,
    CALL_TODAY: CALL_STYLE,
    # A title and tables side by side: nothing to freeze.
    DASHBOARD: TabStyle(frozen_rows=0),
}


def tab_style(key: str, language: Language) -> TabStyle:
    if key == MATCHES:
        return replace(MATCH_STYLE, dropdowns={"status": tuple(status_labels(language))})
    if key == RECONFIRM:
        return replace(RECONFIRM_STYLE, dropdowns={"answer": reconfirm_labels(language)})
    return _STYLES.get(key, TabStyle())


def tab_styles(language: Language) -> dict[str, TabStyle]:
    return {key: tab_style(key, language) for key in TABS}


def identity(key: str) -> TabIdentity:
    dropdowns = tab_style(key, "ru").dropdowns
    return TabIdentity(
        key, tab_titles(key), {column: column_spellings(column) for column in dropdowns}
    )


IDENTITIES = tuple(identity(key) for key in TABS)


def matches_tab(language: Language, title: str | None = None) -> KeyedTab:
    """The Matches tab, found by its key; `title` as the read found it, if it did."""
    return KeyedTab(
        title=title or tab_title(MATCHES, language),
        key_column="match_id",
        spellings={key: column_spellings(key) for key in MATCH_COLUMNS},
        labels={key: column_label(key, language) for key in MATCH_COLUMNS},
        key=MATCHES,
    )


def new_tab(key: str, language: Language) -> NewTab:
    keys = TAB_COLUMNS[key]
    owned = tuple(k for k in keys if k not in COORDINATOR_COLUMNS) if key == MATCHES else ()
    if key == MEMORY:  # nobody's to edit: hidden, and warned about on Google
        owned = keys
    return NewTab(
        title=tab_title(key, language),
        keys=keys,
        header=tuple(header(keys, language)),
        protected=owned,
        key=key,
        hidden=key == MEMORY,
    )
