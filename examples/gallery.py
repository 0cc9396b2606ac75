"""Every built-in component on one scrollable page.

    rio-desktop run examples/gallery.py

Each section is a `Section(title, content)`; add new components by adding a
section to `Gallery.build()`.
"""

from __future__ import annotations

import datetime
import io
import math
import struct
import sys
import wave
from pathlib import Path

import rio_desktop as rio

# The input components have their own example; the gallery shows it too.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from inputs import Inputs  # noqa: E402

MARKDOWN = """## Markdown

Text with **bold**, *italic*, `code` and a [link](https://example.com).

- Lists
- with items

> Quotes, too.
"""

CODE = '''def fibonacci(n: int) -> int:
    """The n-th Fibonacci number."""
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b  # step
    return a
'''

# A 2x2 checker PNG, small enough to keep inline in the example.
CHECKER_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a73"
    "0000001349444154789c63f8ffffbf8686060310035900307406eb94080b160000"
    "000049454e44ae426082"
)

# A one-page PDF, empty but valid.
BLANK_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def tone_wav(seconds: float = 2.0, rate: int = 8000) -> bytes:
    """A quiet 440 Hz tone as a WAV file, for the MediaPlayer."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(
            b"".join(
                struct.pack("<h", int(4000 * math.sin(2 * math.pi * 440 * i / rate)))
                for i in range(int(seconds * rate))
            )
        )
    return buffer.getvalue()


def plot_or_hint() -> rio.Component:
    """A plotly chart, or how to get one: plotting libraries are optional."""
    try:
        import plotly.graph_objects as go
    except ImportError:
        return rio.Text("rio.Plot shows plotly charts: pip install plotly")
    figure = go.Figure(go.Scatter(x=[1, 2, 3, 4], y=[4, 1, 3, 2], name="Sales"))
    return rio.Plot(figure, min_width=20, min_height=12)


class Section(rio.Component):
    """A titled card holding one group of components."""

    title: str
    content: rio.Component

    def build(self) -> rio.Component:
        return rio.Card(
            rio.Column(
                rio.Text(self.title, style="heading3"),
                self.content,
                spacing=1,
                margin=1.2,
            ),
            color="neutral",
        )


class Gallery(rio.Component):
    progress: float = 0.4
    revealer_open: bool = False
    popup_open: bool = False
    switcher_page: int = 0
    card_presses: int = 0
    overlay_open: bool = False

    def _toggle_overlay(self) -> None:
        self.overlay_open = not self.overlay_open

    def _press_card(self) -> None:
        self.card_presses += 1

    def _toggle_popup(self) -> None:
        self.popup_open = not self.popup_open

    def _next_page(self) -> None:
        self.switcher_page = (self.switcher_page + 1) % 3

    def _table(self) -> rio.Table:
        table = rio.Table(
            {
                "Component": ["Grid", "Table", "Markdown"],
                "Kind": ["layout", "content", "content"],
                "Fields": [3, 2, 4],
            },
            align_x=0,
        )
        table[:, "Fields"].style(font_weight="bold", justify="right")
        return table

    def _sections(self) -> list[rio.Component]:
        swatches = [
            rio.Rectangle(
                content=rio.Text(name, margin=0.6, justify="center"),
                fill=name,
                corner_radius=0.5,
                min_width=7,
            )
            for name in ("primary", "secondary", "success", "warning", "danger", "hud")
        ]
        return [
            Section(
                "Text and colours",
                rio.Column(
                    rio.Text("Heading 1", style="heading1"),
                    rio.Text("Heading 2", style="heading2"),
                    rio.Text("Body text, and dim text below.", style="text"),
                    rio.Text("Dim text", style="dim"),
                    rio.FlowContainer(*swatches, column_spacing=0.6, row_spacing=0.6),
                    spacing=0.6,
                ),
            ),
            Section(
                "Row, Column, Spacer, Separator",
                rio.Column(
                    rio.Row(
                        rio.Text("Left"),
                        rio.Spacer(),
                        rio.Text("Right"),
                    ),
                    rio.Separator(),
                    rio.Row(
                        rio.Rectangle(fill="primary", min_height=2),
                        rio.Rectangle(fill="secondary", min_height=2),
                        rio.Rectangle(fill="success", min_height=2),
                        proportions=[1, 2, 3],
                        spacing=0.5,
                    ),
                    spacing=0.8,
                ),
            ),
            Section(
                "Grid, Stack and LabeledColumn",
                rio.Row(
                    rio.Grid(
                        [rio.Text("A1"), rio.Text("B1")],
                        [rio.Text("A2"), rio.Text("B2")],
                        row_spacing=0.5,
                        column_spacing=0.5,
                        grow_x=True,
                    ).add(rio.Text("spans two columns"), row=2, column=0, width=2),
                    rio.Stack(
                        rio.Rectangle(fill="secondary", corner_radius=1),
                        rio.Text("Stacked", align_x=0.5, align_y=0.5),
                        min_width=10,
                        min_height=5,
                    ),
                    rio.LabeledColumn(
                        {
                            "Width": rio.Text("1280 px", justify="left"),
                            "Height": rio.Text("800 px", justify="left"),
                        }
                    ),
                    spacing=1,
                ),
            ),
            Section(
                "Rectangle and Card",
                rio.Row(
                    rio.Rectangle(
                        content=rio.Text("Hover me", margin=1),
                        fill=rio.Color.from_hex("#e3f2fd"),
                        hover_fill=rio.Color.from_hex("#bbdefb"),
                        stroke_color=rio.Color.from_hex("#1f6feb"),
                        stroke_width=0.1,
                        corner_radius=0.8,
                        shadow_radius=0.6,
                        transition_time=0.2,
                        cursor="pointer",
                        align_y=0.5,
                    ),
                    rio.Card(
                        rio.Text(f"Pressed {self.card_presses} times", margin=1),
                        color="primary",
                        elevate_on_hover=True,
                        on_press=self._press_card,
                        align_y=0.5,
                    ),
                    spacing=1,
                    align_x=0,
                ),
            ),
            Section(
                "Revealer, Switcher, Popup, Tooltip",
                rio.Column(
                    rio.Revealer(
                        "Click to reveal",
                        rio.Text("Surprise!", margin_y=0.5),
                        is_open=self.revealer_open,
                    ),
                    rio.Row(
                        rio.Button("Next page", on_press=self._next_page),
                        rio.Switcher(
                            rio.Text(
                                f"Switcher page {self.switcher_page}",
                                key=str(self.switcher_page),
                            ),
                            align_y=0.5,
                        ),
                        spacing=1,
                        align_x=0,
                    ),
                    rio.Row(
                        rio.Popup(
                            anchor=rio.Button(
                                "Toggle popup",
                                style="minor",
                                on_press=self._toggle_popup,
                            ),
                            content=rio.Text("A popup", margin=0.8),
                            is_open=self.popup_open,
                            position="right",
                        ),
                        rio.Tooltip(
                            rio.Icon("material/info", fill="primary"),
                            "A tooltip",
                            position="right",
                            align_y=0.5,
                        ),
                        spacing=1,
                        align_x=0,
                    ),
                    rio.ThemeContextSwitcher(
                        rio.Rectangle(
                            content=rio.Text(
                                "ThemeContextSwitcher on primary", margin=0.6
                            ),
                            fill="primary",
                            corner_radius=0.5,
                        ),
                        color="primary",
                        align_x=0,
                    ),
                    spacing=1,
                ),
            ),
            Section(
                "Markdown and CodeBlock",
                rio.Column(
                    rio.Markdown(MARKDOWN),
                    rio.CodeBlock(CODE, language="python"),
                    spacing=1,
                ),
            ),
            Section(
                "Icons, Image and Link",
                rio.Column(
                    rio.FlowContainer(
                        *[
                            rio.Icon(
                                f"material/{name}", fill=fill, min_width=2, min_height=2
                            )
                            for name, fill in [
                                ("castle", "primary"),
                                ("home", "keep"),
                                ("favorite", "danger"),
                                ("check_circle", "success"),
                                ("warning", "warning"),
                                ("settings", "keep"),
                                ("search", "keep"),
                                ("rocket_launch", "secondary"),
                                ("light_mode", "warning"),
                                ("dark_mode", "keep"),
                            ]
                        ],
                        column_spacing=0.8,
                    ),
                    rio.Row(
                        rio.Image(
                            CHECKER_PNG, min_width=4, min_height=4, corner_radius=0.4
                        ),
                        rio.Link(
                            "A link to example.com",
                            "https://example.com",
                            open_in_new_tab=True,
                            align_y=0.5,
                        ),
                        spacing=1,
                        align_x=0,
                    ),
                    spacing=1,
                ),
            ),
            Section(
                "ProgressBar and ProgressCircle",
                rio.Row(
                    rio.ProgressBar(self.progress, grow_x=True, align_y=0.5),
                    rio.ProgressBar(None, grow_x=True, align_y=0.5),
                    rio.ProgressCircle(0.7),
                    rio.ProgressCircle(None, color="secondary"),
                    spacing=1,
                ),
            ),
            Section("Table", self._table()),
            Section(
                "ListView",
                rio.ListView(
                    rio.SimpleListItem(
                        "Inbox",
                        secondary_text="3 unread",
                        left_child=rio.Icon("material/inbox"),
                        key="inbox",
                    ),
                    rio.SimpleListItem(
                        "Starred",
                        left_child=rio.Icon("material/star", fill="warning"),
                        key="starred",
                    ),
                    rio.SimpleListItem(
                        "Sent",
                        left_child=rio.Icon("material/send"),
                        right_child=rio.Text("12", style="dim"),
                        key="sent",
                    ),
                    rio.SeparatorListItem(),
                    rio.HeadingListItem("Folders"),
                    rio.CustomListItem(rio.Text("Archive", margin=0.6), key="archive"),
                    selection_mode="single",
                ),
            ),
            Section(
                "Banner",
                rio.Column(
                    rio.Banner("Saved.", style="success"),
                    rio.Banner("The disk is almost full.", style="warning"),
                    spacing=0.5,
                ),
            ),
            Section(
                "Calendar and ColorPicker",
                rio.Row(
                    rio.Calendar(datetime.date(2026, 12, 4)),
                    rio.ColorPicker(rio.Color.from_hex("3a86ff"), min_width=14),
                    spacing=1,
                    align_x=0,
                ),
            ),
            Section(
                "Slideshow and ScrollTarget",
                rio.Column(
                    rio.Slideshow(
                        rio.Text("First slide", margin=1),
                        rio.Text("Second slide", margin=1),
                        linger_time=3,
                        min_height=4,
                    ),
                    rio.ScrollTarget("gallery-end", rio.Text("A link target")),
                    spacing=1,
                ),
            ),
            Section(
                "Container and Overlay",
                rio.Column(
                    rio.Container(rio.Text("Inside a Container"), margin=0.5),
                    rio.Button(
                        "Show the overlay", style="minor", on_press=self._toggle_overlay
                    ),
                    rio.Overlay(
                        rio.Card(
                            rio.Column(
                                rio.Text("An overlay above everything"),
                                rio.Button("Close", on_press=self._toggle_overlay),
                                spacing=1,
                                margin=2,
                            ),
                            align_x=0.5,
                            align_y=0.3,
                        )
                    )
                    if self.overlay_open
                    else rio.Spacer(grow_y=False),
                    spacing=1,
                    align_x=0,
                ),
            ),
            Section(
                "TreeView",
                rio.TreeView(
                    rio.SimpleTreeItem(
                        "Documents",
                        key="docs",
                        left_child=rio.Icon("material/folder"),
                        is_expanded=True,
                        children=[
                            rio.SimpleTreeItem("notes.txt", key="notes"),
                            rio.SimpleTreeItem(
                                "Photos",
                                key="photos",
                                children=[rio.SimpleTreeItem("beach.jpg", key="beach")],
                            ),
                        ],
                    ),
                    rio.CustomTreeItem(rio.Text("A custom tree item"), key="custom"),
                    selection_mode="multiple",
                ),
            ),
            Section("Plot", plot_or_hint()),
            Section(
                "MediaPlayer, Webview and PdfViewer",
                rio.Column(
                    rio.MediaPlayer(tone_wav(), min_height=8),
                    rio.Webview("<p>Framed <b>HTML</b>, sandboxed</p>"),
                    rio.PdfViewer(BLANK_PDF, min_height=14),
                    spacing=1,
                ),
            ),
            Section(
                "FilePickerArea",
                rio.FilePickerArea(file_types=["csv", "txt"], multiple=True),
            ),
            Section(
                "Drawer",
                rio.Drawer(
                    anchor=rio.Text("Drag from the left edge", margin=1),
                    content=rio.Text("The drawer", margin=2),
                    min_height=5,
                ),
            ),
        ]

    def build(self) -> rio.Component:
        return rio.ScrollContainer(
            rio.Column(
                rio.Text("rio-desktop gallery", style="heading1"),
                *self._sections(),
                Section("Inputs and event listeners", Inputs()),
                spacing=1.2,
                margin=2,
                min_width=30,
                align_y=0,
            ),
            scroll_x="never",
        )


app = rio.App(build=Gallery, name="Gallery")

if __name__ == "__main__":
    app.run_in_window()
