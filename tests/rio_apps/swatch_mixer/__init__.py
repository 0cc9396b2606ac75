"""Mix a colour swatch from Rio's named colours."""

import rio

NAMED = {
    "Gray": rio.Color.GRAY,
    "Red": rio.Color.RED,
    "Magenta": rio.Color.MAGENTA,
    "Blue": rio.Color.BLUE,
    "Yellow": rio.Color.YELLOW,
}


class Swatch(rio.Component):
    color: rio.Color
    label: str

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Rectangle(
                fill=self.color, corner_radius=0.5, min_width=4, min_height=4
            ),
            rio.Text(self.label, style="dim"),
            spacing=0.3,
        )


class SwatchMixer(rio.Component):
    color: rio.Color = rio.Color.GRAY

    def _darker(self) -> None:
        self.color = self.color.darker(0.2)

    def _brighter(self) -> None:
        self.color = self.color.brighter(0.2)

    def _warmer(self) -> None:
        self.color = self.color.blend(rio.Color.RED, 0.25)

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Row(*[Swatch(c, name) for name, c in NAMED.items()], spacing=1),
            rio.Rectangle(fill=self.color, corner_radius=1, min_height=6),
            rio.Text(f"Mixed: #{self.color.hex}", style="heading2"),
            rio.Row(
                rio.Button("Darker", on_press=self._darker),
                rio.Button("Brighter", on_press=self._brighter),
                rio.Button("Warmer", on_press=self._warmer),
                spacing=1,
            ),
            spacing=1.5,
            margin=2,
            align_y=0,
        )


app = rio.App(name="Swatch Mixer", build=SwatchMixer)
