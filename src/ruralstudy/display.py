"""Tables a reader can read: numbers to their precision, one mark for missing.

pandas shows ``NaN``, ``<NA>``, ``None`` and ``1013.0`` side by side, a list
as ``['a', 'b']`` and a Series with ``Name: … dtype: int64`` under it; a
policy reader should see ``1,013``, ``—`` and ``a; b`` in a table. Notebooks
and the case study show every table through :func:`show` (``rs.show``).
"""

from __future__ import annotations

import html
import math
import re

import pandas as pd

MISSING = "—"


def format_value(x: object, digits: int = 3) -> str:
    """One cell as text: integers whole, other numbers to ``digits`` significant
    digits (never in exponent form), lists joined by "; ", missing as ``—``.

    >>> format_value(1013.0), format_value(0.081234), format_value(None), format_value(["a", "b"])
    ('1,013', '0.0812', '—', 'a; b')
    """
    if isinstance(x, list | tuple | set):
        return "; ".join(format_value(v, digits) for v in x) or MISSING
    if x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x)):
        return MISSING
    if isinstance(x, bool):
        return "yes" if x else "no"
    if isinstance(x, int):
        return f"{x:,}"
    if isinstance(x, float):
        if math.isinf(x):
            return "∞" if x > 0 else "−∞"
        if x == int(x) and abs(x) < 1e15:
            return f"{int(x):,}"
        magnitude = math.floor(math.log10(abs(x)))
        decimals = max(digits - 1 - magnitude, 0)
        text = f"{x:,.{decimals}f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    text = str(x).strip()
    return text or MISSING


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~-])")


def md_text(value: object) -> str:
    """A data value safe to put into Markdown: HTML escaped, Markdown marks
    backslashed, so a name can neither inject markup nor turn into a link.

    >>> print(md_text("<b>车田</b> *1*"))
    &lt;b&gt;车田&lt;/b&gt; \\*1\\*
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(format_value(value), quote=False))


def is_year_column(name: object) -> bool:
    """Columns whose name says year ("year", "before_year", "年份") hold years: 2019,
    never "2,019"."""
    text = str(name).lower()
    return "year" in text or "年份" in text


def as_frame(table: pd.DataFrame | pd.Series) -> pd.DataFrame:
    """A Series as a two-column table (its labels, its values); a frame's index as
    columns when it says something (named, or labels that are not row numbers).

    >>> as_frame(pd.Series({"facts": 1013}, name="rows"))
              rows
    0  facts  1013
    """
    if isinstance(table, pd.Series):
        table = table.to_frame("value" if table.name is None else table.name)
    index = table.index
    named = any(n is not None for n in index.names)
    if not named and pd.api.types.is_integer_dtype(index.dtype):
        return table.reset_index(drop=True)  # row numbers
    if not named and index.nlevels == 1:
        table = table.rename_axis("")  # labels without a name: a column without a heading
    return table.reset_index()


def tidy_table(df: pd.DataFrame | pd.Series, digits: int = 3) -> pd.DataFrame:
    """``df`` (:func:`as_frame`) with every cell as text by :func:`format_value`;
    year columns (:func:`is_year_column`) without thousands separators.

    >>> tidy_table(pd.DataFrame({"year": pd.array([2019, None], "Int64"), "v": [1.5, None]}))
       year    v
    0  2019  1.5
    1     —    —
    """
    out = as_frame(df).copy()
    for col in out.columns:
        cells = [format_value(_plain(v), digits) for v in out[col]]
        out[col] = [c.replace(",", "") for c in cells] if is_year_column(col) else cells
    return out


def _plain(v: object) -> object:
    """numpy scalars as Python numbers, so ints print without a decimal point."""
    if hasattr(v, "item") and not isinstance(v, list | tuple | str):
        try:
            return v.item()
        except (ValueError, AttributeError):
            return v
    return v


def show(df: pd.DataFrame | pd.Series, digits: int = 3):
    """A table for a notebook page: :func:`tidy_table` without the row numbers.

    A Series shows as two columns, its labels and its values; a table without
    rows as one row of ``—``. ``digits``:
    significant digits of numbers that are not whole. Returns a pandas
    ``Styler`` (what Jupyter shows as HTML).

    >>> import ruralstudy as rs
    >>> rs.show(pd.DataFrame({"year": [2019], "value": [1013.0]}))  # doctest: +SKIP
    """
    import hashlib

    table = tidy_table(df, digits)
    if table.empty and len(table.columns):  # headings over nothing read as a broken table
        table = pd.DataFrame([[MISSING] * len(table.columns)], columns=table.columns)
    # Styler ids are random by default; one from the content keeps pages byte-identical
    # from run to run (and nbval's comparison of the HTML stable).
    uuid = hashlib.sha256(table.to_json().encode()).hexdigest()[:10]
    styler = table.style.hide(axis="index").set_table_attributes('class="rs-table"')
    styler = styler.format(escape="html")  # values from the data are text, never markup
    return styler.set_uuid(uuid)
