"""rio.Plot with real plotly, matplotlib and seaborn figures, in Chromium.

The plotting libraries are only test dependencies: rio_desktop never needs
them, and a figure whose library is missing is a clear error.
"""

from __future__ import annotations

import gzip
import sys
import urllib.error
import urllib.request
from typing import Any

import pytest
from helpers import wait_for

import rio_desktop as rio

go = pytest.importorskip("plotly.graph_objects")
matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
from matplotlib.figure import Figure  # noqa: E402

_LIVE: dict[str, Any] = {}


def plotly_figure(name: str = "sales") -> Any:
    return go.Figure(go.Scatter(x=[1, 2, 3, 4], y=[4, 1, 3, 2], name=name))


def matplotlib_figure() -> Any:
    figure = Figure(figsize=(4, 3))
    figure.add_subplot().plot([1, 2, 3, 4], [4, 3, 2, 1])
    return figure


class PlotApp(rio.Component):
    figure: Any = None
    width: float = 30

    def build(self) -> rio.Component:
        _LIVE["app"] = self
        return rio.Column(
            rio.Text("Plots"),
            rio.Plot(self.figure, min_width=self.width, min_height=20, align_x=0),
            align_y=0,
        )


def _plot_box(page: Any) -> dict[str, float]:
    return page.locator(".rio-plot").bounding_box()


def _outside_requests(page: Any, server: Any) -> list[str]:
    seen: list[str] = []
    page.on(
        "request",
        lambda request: (
            None if request.url.startswith(server.url) else seen.append(request.url)
        ),
    )
    return seen


@pytest.mark.browser
def test_plotly_figure_is_interactive_and_offline(serve: Any, page: Any) -> None:
    server = serve(rio.App(build=lambda: PlotApp(figure=plotly_figure())))
    outside = _outside_requests(page, server)
    page.goto(server.url)
    plot = page.locator(".rio-plot")
    trace = plot.locator(".scatterlayer .trace")
    trace.first.wait_for()
    box = _plot_box(page)
    assert (box["width"], box["height"]) == (30 * 16, 20 * 16)
    main = plot.locator("svg.main-svg").first.bounding_box()
    assert (main["width"], main["height"]) == (box["width"], box["height"])

    # Hovering a point shows plotly's hover label with the point's value.
    points = plot.locator(".scatterlayer .point")
    assert points.count() == 4
    point = points.nth(1).bounding_box()
    page.mouse.move(point["x"] + point["width"] / 2, point["y"] + point["height"] / 2)
    label = plot.locator(".hoverlayer .hovertext")
    label.first.wait_for()
    assert label.first.text_content() == "(2, 1)"

    # A wider component re-lays the figure out at the new size.
    server.run(lambda: setattr(_LIVE["app"], "width", 40))
    wait_for(
        lambda: plot.locator("svg.main-svg").first.bounding_box()["width"] == 40 * 16
    )

    # A new figure replaces the traces in place.
    server.run(lambda: setattr(_LIVE["app"], "figure", plotly_figure("returns")))
    wait_for(
        lambda: (
            page.evaluate("document.querySelector('.rio-plot-plotly').data[0].name")
            == "returns"
        )
    )
    assert trace.count() == 1

    # plotly.js came from the app's own server, never from the network.
    assert outside == []


@pytest.mark.browser
def test_matplotlib_and_seaborn_figures_render_as_svg(serve: Any, page: Any) -> None:
    server = serve(rio.App(build=lambda: PlotApp(figure=matplotlib_figure())))
    page.goto(server.url)
    svg = page.locator(".rio-plot svg")
    svg.wait_for()
    box = _plot_box(page)
    assert svg.bounding_box() == box
    assert (box["width"], box["height"]) == (30 * 16, 20 * 16)
    # The line and the axes are drawn (matplotlib writes text as paths too).
    assert svg.locator("path").count() > 10
    # plotly.js is not loaded for a page without a plotly figure.
    assert page.evaluate("typeof window.Plotly") == "undefined"

    sns = pytest.importorskip("seaborn")
    import matplotlib.pyplot as plt

    def show_seaborn() -> None:
        plt.figure(figsize=(3, 3))
        _LIVE["app"].figure = sns.lineplot(x=[1, 2, 3], y=[3, 1, 2])

    old = svg.inner_html()
    server.run(show_seaborn)
    wait_for(lambda: svg.inner_html() != old)
    assert svg.bounding_box() == _plot_box(page)
    plt.close("all")


@pytest.mark.browser
def test_background_and_corner_radius(serve: Any, page: Any) -> None:
    class Styled(rio.Component):
        def build(self) -> rio.Component:
            return rio.Column(
                rio.Plot(matplotlib_figure(), min_width=10, min_height=8),
                rio.Plot(
                    matplotlib_figure(),
                    background=rio.Color.from_hex("ff0000"),
                    corner_radius=(1, 0, 1, 0),
                    min_width=10,
                    min_height=8,
                ),
                align_x=0,
                align_y=0,
            )

    server = serve(rio.App(build=Styled))
    page.goto(server.url)
    page.locator(".rio-plot svg").nth(1).wait_for()
    styles = page.evaluate(
        """[...document.querySelectorAll('.rio-plot')].map((el) => {
            const s = getComputedStyle(el);
            return [s.backgroundColor, s.borderTopLeftRadius, s.borderTopRightRadius];
        })"""
    )
    themed, red = styles
    assert themed[0] not in ("rgba(0, 0, 0, 0)", "transparent")
    assert themed[1] == themed[2] != "0px"  # the theme's small radius
    assert red == ["rgb(255, 0, 0)", "16px", "0px"]


class _FakePlotlyFigure:
    """A figure type from "plotly", for a machine without plotly."""


_FakePlotlyFigure.__module__ = "plotly.graph_objs._figure"


def test_missing_library_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "plotly", None)  # `import plotly` fails
    with pytest.raises(ImportError, match=r"`plotly` package.*pip install plotly"):
        rio.Plot(_FakePlotlyFigure())

    class FakeSeabornGrid:
        pass

    FakeSeabornGrid.__module__ = "seaborn.axisgrid"
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(ImportError, match="pip install matplotlib"):
        rio.Plot(FakeSeabornGrid())


def test_unsupported_figure_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="plotly, matplotlib and seaborn.*builtins"):
        rio.Plot({"data": []})


@pytest.mark.browser
def test_missing_library_shows_on_the_page(
    serve: Any, page: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In development (`rio-desktop run`) the page names what to install;
    released, the log does (tests/test_errors_shown.py)."""
    monkeypatch.setenv("RIO_DESKTOP_DEV", "1")
    monkeypatch.setitem(sys.modules, "plotly", None)
    server = serve(rio.App(build=lambda: PlotApp(figure=_FakePlotlyFigure())))
    page.goto(server.url)
    page.get_by_text("pip install plotly", exact=False).first.wait_for()


def test_plotly_js_route_needs_the_secret(serve: Any) -> None:
    server = serve(rio.App(build=lambda: rio.Text("x")), secret="s3cret")
    url = f"{server.url}rio-desktop/plotly.min.js"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(url, timeout=30)
    assert refused.value.code == 403
    request = urllib.request.Request(
        f"{url}?secret=s3cret", headers={"Accept-Encoding": "gzip"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        body = gzip.decompress(response.read())
    assert b"plotly" in body[:2000].lower()
    assert len(body) > 1_000_000
