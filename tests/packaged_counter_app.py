"""The app tests/test_build.py packages: examples/counter.py plus what a slim
build could break (a native file dialog, the clipboard).

Each button has its own colour, so that a screenshot finds it; what a button
did shows where a test reads it exactly: the count on the page, the copied
text on the clipboard, the picked file in the window's title.
"""

import rio_desktop as rio

COPIED_TEXT = "copied from the packaged app"


class Counter(rio.Component):
    count: int = 0

    def _increment(self) -> None:
        self.count += 1

    async def _copy(self) -> None:
        await self.session.set_clipboard(COPIED_TEXT)

    async def _open(self) -> None:
        file = await self.session.pick_file(file_types=["txt"])
        text = await file.read_text()
        await self.session.set_title(f"Picked {file.name}: {text}")

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Text(f"Clicked {self.count} times", style="heading2"),
            rio.Button("Click me", color="secondary", on_press=self._increment),
            rio.Row(
                rio.Button("Copy", color="success", on_press=self._copy),
                rio.Button("Open", color="danger", on_press=self._open),
                spacing=1,
            ),
            spacing=1,
            align_x=0.5,
            align_y=0.5,
        )


app = rio.App(build=Counter, name="Counter")
