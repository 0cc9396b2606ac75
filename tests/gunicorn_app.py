"""A counter served by gunicorn's aiohttp workers, for tests/test_deploy.py
and bench/workers.py: ``gunicorn gunicorn_app:web_app --worker-class
aiohttp.GunicornWebWorker``. Each page shows the process serving it."""

from __future__ import annotations

import os

import rio_desktop as rio


class Counter(rio.Component):
    clicks: int = 0

    def _click(self) -> None:
        self.clicks += 1

    async def _download(self) -> None:
        await self.session.save_file(f"{self.clicks} clicks", "clicks.txt")

    def build(self) -> rio.Component:
        return rio.Column(
            rio.Text(f"Clicked {self.clicks} times"),
            rio.Button("Click me", on_press=self._click),
            rio.Button("Download", on_press=self._download),
            rio.Text(f"worker {os.getpid()}"),
        )


app = rio.App(name="Workers", build=Counter)
web_app = app.as_aiohttp_app()
