from __future__ import annotations

import gzip
import importlib
import importlib.util
import io
import threading
from pathlib import Path
from typing import Any

from ..component import KW_ONLY, FundamentalComponent
from ..fills import fill_to_wire

__all__ = ["Plot", "plotly_js"]

#: The figure libraries Plot understands -> the package to install for them.
_LIBRARIES = {
    "plotly": "plotly",
    "matplotlib": "matplotlib",
    # Seaborn draws with matplotlib: its grids hold a matplotlib figure.
    "seaborn": "matplotlib",
}


def _figure_kind(figure: Any) -> str | None:
    """The figure's library: plotly, matplotlib or seaborn (from its classes).

    Only module names are looked at, so no plotting library is imported
    for this (they take a second or more to import).
    """
    for cls in type(figure).__mro__:
        top = (getattr(cls, "__module__", None) or "").partition(".")[0]
        if top in _LIBRARIES:
            return top
    return None


def _library(kind: str) -> Any:
    """The package a figure of `kind` needs, imported; a clear error if absent."""
    package = _LIBRARIES[kind]
    try:
        return importlib.import_module(package)
    except ImportError as error:
        raise ImportError(
            f"rio.Plot: showing a {kind} figure needs the `{package}` package,"
            f" which is not installed here; install it with"
            f" `pip install {package}`",
            name=package,
        ) from error


def _check_figure(figure: Any) -> str:
    kind = _figure_kind(figure)
    if kind is None:
        cls = type(figure)
        raise TypeError(
            "rio.Plot shows plotly, matplotlib and seaborn figures, not"
            f" {cls.__module__}.{cls.__qualname__}"
        )
    _library(kind)
    return kind


def _matplotlib_figure(figure: Any) -> Any:
    """The matplotlib Figure behind an Axes, a seaborn grid or a Figure."""
    import matplotlib.figure

    seen = 0
    while not isinstance(figure, matplotlib.figure.Figure) and seen < 4:
        inner = getattr(figure, "figure", None)
        if inner is None or inner is figure:
            break
        figure, seen = inner, seen + 1
    if not isinstance(figure, matplotlib.figure.Figure):
        raise TypeError(
            "rio.Plot: this matplotlib/seaborn object has no figure to draw;"
            " pass a matplotlib Figure, an Axes or a seaborn grid"
        )
    return figure


def _figure_to_wire(figure: Any) -> dict[str, Any]:
    kind = _check_figure(figure)
    if kind == "plotly":
        plotly = _library("plotly")
        if not hasattr(figure, "to_json"):
            raise TypeError(
                "rio.Plot: pass a plotly figure (plotly.graph_objects.Figure),"
                f" not {type(figure).__qualname__}"
            )
        return {"kind": "plotly", "json": figure.to_json(), "js": plotly.__version__}
    target = _matplotlib_figure(figure)
    # Transparent, so the Plot's background shows through; cropped to what
    # is drawn. The page scales the drawing to the component's box.
    out = io.StringIO()
    target.savefig(out, format="svg", transparent=True, bbox_inches="tight")
    return {"kind": "svg", "svg": out.getvalue()}


class Plot(FundamentalComponent):
    """Shows a plotly, matplotlib or seaborn figure.

    Plotly figures are interactive on the page (hover, zoom, pan); matplotlib
    and seaborn figures are drawn as SVG, scaled to the component's size. The
    plotting libraries are not dependencies of rio_desktop: install the one
    you use. Plotly's JavaScript comes from the installed `plotly` package,
    served by the app itself, so plots work offline.

    Args:
        figure: A `plotly.graph_objects.Figure`, a `matplotlib.figure.Figure`,
            a matplotlib `Axes` (what seaborn's and pandas' plot functions
            return) or a seaborn grid (`FacetGrid`, `JointGrid`...).
        background: A colour or fill behind the plot; None uses the theme's
            background variant.
        corner_radius: In font-heights, one number or (top-left, top-right,
            bottom-right, bottom-left); None uses the theme's small radius.

    The component has no natural size: give it `min_width` / `min_height`
    or let it grow.

    Example:
        ```python
        import plotly.express as px

        rio.Plot(
            px.line(x=[1, 2, 3, 4], y=[4, 1, 3, 2]),
            min_width=20,
            min_height=12,
        )
        ```
    """

    _fundamental_type = "Plot"

    figure: Any
    _: KW_ONLY
    background: Any = None
    corner_radius: float | tuple[float, float, float, float] | None = None

    def __post_init__(self) -> None:
        _check_figure(self.figure)

    def _serialize_field(self, name: str, value: Any) -> Any:
        if name == "figure":
            return _figure_to_wire(value)
        if name == "background":
            return None if value is None else fill_to_wire(value)
        if name == "corner_radius" and isinstance(value, tuple):
            return list(value)
        return super()._serialize_field(name, value)


# --- plotly.js, served from the installed plotly package -------------------

_plotly_lock = threading.Lock()
_plotly_cache: dict[tuple[Path, int], bytes] = {}


def _plotly_js_path() -> Path | None:
    """plotly.min.js inside the installed `plotly` package (not imported)."""
    try:
        spec = importlib.util.find_spec("plotly")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "package_data" / "plotly.min.js"
        if path.is_file():
            return path
    return None


def plotly_js() -> tuple[Path, bytes] | None:
    """plotly.js for the page: its path and its gzipped bytes, or None.

    The file is large; it is compressed once per version. Slow: call it in
    a worker thread.
    """
    path = _plotly_js_path()
    if path is None:
        return None
    key = (path, path.stat().st_mtime_ns)
    with _plotly_lock:
        body = _plotly_cache.get(key)
        if body is None:
            body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            _plotly_cache.clear()
            _plotly_cache[key] = body
    return path, body
