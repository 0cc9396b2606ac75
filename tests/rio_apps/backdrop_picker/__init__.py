"""Pick a backdrop for a greeting card: gradients and an image fill."""

from pathlib import Path

import rio

ASSETS = Path(__file__).parent / "assets"

BACKDROPS: list[tuple[str, rio.Fill]] = [
    (
        "Sunset",
        rio.LinearGradientFill(
            (rio.Color.from_hex("#ff7e5f"), 0.0),
            (rio.Color.from_hex("#feb47b"), 1.0),
            angle_degrees=45,
        ),
    ),
    (
        "Ocean",
        rio.LinearGradientFill(
            rio.Color.from_hex("#2e3192"),
            rio.Color.from_hex("#1bffff"),
            angle_degrees=90,
        ),
    ),
    ("Checkers", rio.ImageFill(ASSETS / "checker.png", fill_mode="tile")),
    ("Photo", rio.ImageFill(ASSETS / "checker.png", fill_mode="zoom")),
]


class BackdropPicker(rio.Component):
    index: int = 0

    def _next(self) -> None:
        self.index = (self.index + 1) % len(BACKDROPS)

    def build(self) -> rio.Component:
        name, fill = BACKDROPS[self.index]
        return rio.Column(
            rio.Rectangle(
                content=rio.Text(
                    "Happy birthday!",
                    style=rio.TextStyle(font_size=2, fill=rio.Color.WHITE),
                    margin=3,
                ),
                fill=fill,
                corner_radius=1,
                min_height=12,
            ),
            rio.Row(
                rio.Text(f"Backdrop: {name}", grow_x=True, justify="left"),
                rio.Button("Next backdrop", on_press=self._next),
                spacing=1,
            ),
            spacing=1,
            margin=2,
            align_y=0,
        )


app = rio.App(name="Backdrop Picker", build=BackdropPicker)
