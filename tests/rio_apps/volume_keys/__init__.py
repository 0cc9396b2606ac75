"""A volume control driven by the keyboard (arrow keys and letters)."""

import rio


class VolumeControl(rio.Component):
    volume: int = 5
    last_key: str = "none"

    def _on_key_down(self, event: rio.KeyDownEvent) -> None:
        self.last_key = event.software_key
        if event.software_key == "arrow-up":
            self.volume = min(self.volume + 1, 10)
        elif event.software_key == "arrow-down":
            self.volume = max(self.volume - 1, 0)
        elif event.software_key == "m":
            self.volume = 0

    def build(self) -> rio.Component:
        return rio.KeyEventListener(
            rio.Column(
                rio.Text("Volume", style="heading2"),
                rio.Text(f"Volume: {self.volume}"),
                rio.ProgressBar(self.volume / 10, min_width=20),
                rio.Text(f"Last key: {self.last_key}", style="dim"),
                rio.Text("Arrow keys change the volume, M mutes."),
                spacing=1,
                margin=2,
                align_x=0.5,
                align_y=0.3,
            ),
            on_key_down=self._on_key_down,
            auto_focus=True,
        )


app = rio.App(name="Volume", build=VolumeControl)
