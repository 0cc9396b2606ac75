"""A counter: the smallest complete rio-desktop app."""

import rio_desktop as rio


class Counter(rio.Component):
    count: int = 0

    def _increment(self) -> None:
        self.count += 1

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Text(f"Clicked {self.count} times", style="heading2"),
            rio.Button("Click me", on_press=self._increment),
            spacing=1,
            align_x=0.5,
            align_y=0.5,
        )


app = rio.App(build=Counter, name="Counter")

if __name__ == "__main__":
    app.run_in_window()
