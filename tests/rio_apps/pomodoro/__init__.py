"""A pomodoro timer that counts seconds with a periodic event."""

from datetime import timedelta

import rio


class Pomodoro(rio.Component):
    seconds_left: int = 25 * 60
    running: bool = False
    ticks: int = 0

    @rio.event.periodic(timedelta(milliseconds=200))
    def _tick(self) -> None:
        if not self.running:
            return
        self.ticks += 1
        # Five ticks of 200 ms make one second.
        if self.ticks % 5 == 0 and self.seconds_left > 0:
            self.seconds_left -= 1

    def _start_stop(self) -> None:
        self.running = not self.running

    def build(self) -> rio.Component:
        minutes, seconds = divmod(self.seconds_left, 60)
        return rio.Column(
            rio.Text(f"{minutes:02}:{seconds:02}", style="heading1"),
            rio.Text("Running" if self.running else "Paused", style="dim"),
            rio.Button(
                "Stop" if self.running else "Start",
                on_press=self._start_stop,
                icon="material/timer",
            ),
            spacing=1,
            align_x=0.5,
            align_y=0.3,
        )


app = rio.App(name="Pomodoro", build=Pomodoro)
