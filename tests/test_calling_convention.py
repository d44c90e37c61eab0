"""One calling convention across rs.causal, rs.plot and rs.maps (README, "Calling convention").

The public signatures are inspected, so a new function that breaks the
convention fails here rather than surprising a reader: data first, ``ax``
and ``lang`` by keyword, and each shared name meaning one thing.
"""

from __future__ import annotations

import inspect

import pytest

import ruralstudy as rs

MODULES = (rs.causal, rs.plot, rs.maps)
KW = inspect.Parameter.KEYWORD_ONLY
POSITIONAL = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)

# Functions that decorate a figure already drawn take it first, by design.
ANNOTATORS = {"cite", "mark_simulated", "add_inset", "add_caption"}
# Helpers that write text in one language and draw nothing: provenance's, re-exported
# by rs.plot, whose second argument has always been the language
# (``caption_for(df, "zh", sources)``); format_date writes zh or en only.
TEXT_HELPERS = {"caption_for", "resolve_caption", "boundary_credit", "format_date"}
ANY = object()  # a default the glossary does not fix

# What each shared name means, as (annotation text, default).
GLOSSARY = {
    # the column that identifies the unit of observation (a village): a column name
    "unit": ("str", ANY),
    # the id of one place (places.place_id), a value, never a column name
    "place_id": ("str | None", None),
    # text naming the quantity drawn (axis label, legend title); never a column name
    "label": ("str | None", None),
    "lang": (None, "both"),
    "ax": ("Axes | None", None),
    "caption": ("str | None", None),
    "title": ("str | None", None),
    "sources": ("pd.DataFrame | None", None),
    "indicators": ("pd.DataFrame | None", None),
    "places": ("pd.DataFrame | None", None),
}


def _public_functions():
    for module in MODULES:
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isfunction(obj):
                yield pytest.param(name, obj, id=f"{module.__name__.split('.')[-1]}.{name}")


FUNCTIONS = list(_public_functions())


def _draws(fn) -> bool:
    return "ax" in inspect.signature(fn).parameters


@pytest.mark.parametrize(("name", "fn"), FUNCTIONS)
def test_figures_take_the_data_first_and_ax_lang_by_keyword(name, fn):
    params = inspect.signature(fn).parameters
    if not _draws(fn) or name in ANNOTATORS:
        return
    first = next(iter(params.values()))
    assert first.kind in POSITIONAL and first.name not in ("ax", "lang"), name
    for keyword in ("ax", "lang"):
        assert keyword in params, f"{name} draws but has no {keyword}="
        assert params[keyword].kind is KW, f"{name}: {keyword} must be keyword-only"


@pytest.mark.parametrize(("name", "fn"), FUNCTIONS)
def test_lang_is_a_keyword_with_one_default(name, fn):
    params = inspect.signature(fn).parameters
    if "lang" not in params or name in TEXT_HELPERS:
        return
    assert params["lang"].default == "both", name
    assert params["lang"].kind is KW, f"{name}: lang must be keyword-only"


@pytest.mark.parametrize(("name", "fn"), FUNCTIONS)
def test_shared_names_mean_one_thing(name, fn):
    # the first parameter is the data (or, for an annotator, the figure): its own thing
    for param in list(inspect.signature(fn).parameters.values())[1:]:
        if param.name not in GLOSSARY or name in TEXT_HELPERS:
            continue
        annotation, default = GLOSSARY[param.name]
        if annotation is not None:
            assert param.annotation == annotation, f"{name}({param.name}: {param.annotation})"
        if default is not ANY:
            assert param.default == default, f"{name}({param.name}={param.default!r})"


def test_unit_is_a_causal_panel_column_only():
    """``unit`` names the panel's unit column; a unit of measure is ``value_unit``."""
    owners = {
        f"{module.__name__}.{name}"
        for module in MODULES
        for name in module.__all__
        if inspect.isfunction(getattr(module, name))
        and "unit" in inspect.signature(getattr(module, name)).parameters
    }
    assert owners == {
        "ruralstudy.causal.att_gt",
        "ruralstudy.causal.cohorts_from_interventions",
        "ruralstudy.causal.did",
        "ruralstudy.causal.event_study",
    }


def test_estimators_take_the_data_first_as_df():
    for fn in (rs.causal.did, rs.causal.event_study, rs.causal.att_gt, rs.causal.its):
        assert next(iter(inspect.signature(fn).parameters)) == "df", fn.__name__


@pytest.mark.parametrize(
    "method",
    [rs.causal.PanelResult.plot, rs.causal.ItsResult.plot, rs.causal.PanelResult.summary],
    ids=["PanelResult.plot", "ItsResult.plot", "summary"],
)
def test_result_methods_take_ax_and_lang_by_keyword(method):
    params = inspect.signature(method).parameters
    assert params["lang"].kind is KW and params["lang"].default == "both"
    if "ax" in params:
        assert params["ax"].kind is KW and params["ax"].default is None


def test_the_check_sees_every_drawing_function():
    drawn = {p.values[0] for p in FUNCTIONS if _draws(p.values[1])}
    assert {"bars", "locator", "choropleth", "plot_event_study", "plot_estimates"} <= drawn
