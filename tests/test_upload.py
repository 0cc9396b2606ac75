"""Website-mode uploads: large files stream to disk; limits; one-time URLs."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import aiohttp
import pytest

import rio_desktop as rio

pytestmark = pytest.mark.browser

SERVER_SCRIPT = textwrap.dedent(
    """
    import asyncio, hashlib, sys
    import rio_desktop as rio
    from rio_desktop.server import AppServer

    class Uploader(rio.Component):
        status: str = "idle"

        async def _pick(self) -> None:
            try:
                file = await self.session.pick_file()
            except Exception as error:
                self.status = f"{type(error).__name__}: {error}"
                return

            def digest() -> str:
                sha = hashlib.sha256()
                with open(file.path, "rb") as stream:
                    while chunk := stream.read(1 << 20):
                        sha.update(chunk)
                return sha.hexdigest()

            sha = await asyncio.to_thread(digest)
            self.status = f"{file.name} {file.size_in_bytes} {sha}"

        def build(self) -> rio.Component:
            return rio.Column(
                rio.Text(f"status: {self.status}"),
                rio.Button("pick", on_press=self._pick),
            )

    async def main() -> None:
        limit = int(sys.argv[1])
        server = AppServer(rio.App(build=Uploader, max_upload_size=limit))
        print(await server.start("127.0.0.1", 0), flush=True)
        await asyncio.Event().wait()

    asyncio.run(main())
    """
)


def memory_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise LookupError(field)


@pytest.fixture
def server_process():
    processes = []

    def start(limit: int) -> tuple[subprocess.Popen, str]:
        process = subprocess.Popen(
            [sys.executable, "-c", SERVER_SCRIPT, str(limit)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).parent.parent,
        )
        processes.append(process)
        port = int(process.stdout.readline())  # type: ignore[union-attr]
        return process, f"http://127.0.0.1:{port}/"

    yield start
    for process in processes:
        process.terminate()
        process.wait(10)


def test_200_mb_upload_keeps_memory_flat_and_arrives_intact(
    server_process, page, tmp_path
):
    """A 200 MB file: the server's peak RSS grows by < 100 MB; sha256 matches."""
    size = 200 * 1024 * 1024
    big = tmp_path / "big.bin"
    sha = hashlib.sha256()
    with open(big, "wb") as out:
        block = os.urandom(1 << 20)
        for index in range(size >> 20):
            chunk = index.to_bytes(8, "little") + block[8:]
            sha.update(chunk)
            out.write(chunk)
    process, url = server_process(300 * 1024 * 1024)
    page.goto(url)
    page.get_by_text("status: idle").wait_for()
    before = memory_kb(process.pid, "VmRSS")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="pick").click()
    chooser.value.set_files(big)
    page.get_by_text(f"status: big.bin {size} {sha.hexdigest()}").wait_for(
        timeout=90_000
    )
    peak = memory_kb(process.pid, "VmHWM")
    big.unlink()
    growth_mb = (peak - before) / 1024
    assert growth_mb < 100, f"server memory grew by {growth_mb:.0f} MB"


def test_upload_over_the_limit_is_refused(server_process, page, tmp_path):
    """A file larger than App(max_upload_size=...) raises FileUploadError."""
    file = tmp_path / "five-kb.bin"
    file.write_bytes(b"x" * 5000)
    _, url = server_process(1000)
    page.goto(url)
    page.get_by_text("status: idle").wait_for()
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="pick").click()
    chooser.value.set_files(file)
    page.get_by_text(
        "status: FileUploadError: The upload is larger than the"
    ).wait_for()


def test_upload_urls_are_one_time_and_unknown_ones_404(serve, tmp_path):
    """An upload token works once; guessing one gets 404; names lose folders."""

    class Empty(rio.Component):
        def build(self) -> rio.Component:
            return rio.Text("x")

    server = serve(rio.App(build=Empty))
    transfers = server.server.transfers
    base = f"{server.url}rio-desktop/upload/"

    async def scenario() -> None:
        token, result = transfers.add_upload(tmp_path, multiple=False, size_limit=100)
        async with aiohttp.ClientSession() as http:
            # A hand-made part: clients would escape the slashes themselves.
            form = aiohttp.MultipartWriter("form-data")
            part = form.append(b"hello")
            part.headers["Content-Disposition"] = (
                'form-data; name="file"; filename="../../evil.txt"'
            )
            async with http.post(base + token, data=form) as response:
                assert response.status == 200
            (info,) = await result
            assert info.name == "evil.txt"
            assert info.path.parent == tmp_path
            assert await info.read_bytes() == b"hello"
            form = aiohttp.FormData()
            form.add_field("file", b"again", filename="a.txt")
            async with http.post(base + token, data=form) as response:
                assert response.status == 404
            async with http.post(base + "guessed", data=b"") as response:
                assert response.status == 404

    server.call(scenario())
