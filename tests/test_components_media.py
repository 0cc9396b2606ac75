"""MediaPlayer, Webview, PdfViewer (and the deprecated Html, Website) in
Chromium: playback start and end, seeking through byte ranges, framed HTML
talking to Python from its sandbox, a PDF served as a PDF."""

from __future__ import annotations

import io
import math
import struct
import wave
from pathlib import Path
from typing import Any

import pytest
from helpers import wait_for

import rio_desktop as rio

_LIVE: dict[str, Any] = {}


def _wav(seconds: float, rate: int = 8000) -> bytes:
    """A 440 Hz tone as a 16-bit mono WAV file."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        frames = (
            struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i / rate)))
            for i in range(int(seconds * rate))
        )
        out.writeframes(b"".join(frames))
    return buffer.getvalue()


_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


class Player(rio.Component):
    media: Any = b""
    ends: int = 0
    errors: int = 0

    def on_end(self) -> None:
        self.ends += 1

    def on_error(self) -> None:
        self.errors += 1

    def build(self) -> rio.Component:
        _LIVE["player"] = self
        return rio.Column(
            rio.MediaPlayer(
                self.media,
                on_playback_end=self.on_end,
                on_error=self.on_error,
                background=rio.Color.from_hex("#123456"),
                min_width=20,
                min_height=12,
            ),
            rio.Text(f"ends={self.ends} errors={self.errors}"),
            align_x=0.5,
            align_y=0,
        )


def _blob_url(page: Any) -> str:
    return page.locator(".rio-media video source").get_attribute("src")


def test_media_player_api_matches_rio(tmp_path: Path) -> None:
    player = rio.MediaPlayer(b"RIFF....WAVE")
    assert (player.controls, player.autoplay, player.loop) == (True, False, False)
    assert (player.muted, player.volume) == (False, 1.0)
    assert player.background == rio.Color.BLACK
    with pytest.raises(FileNotFoundError):
        rio.MediaPlayer(tmp_path / "missing.wav")
    with pytest.raises(TypeError, match="pathlib.Path"):
        rio.MediaPlayer("clip.wav")
    assert "grab_keyboard_focus" in dir(player)


def test_media_player_plays_seeks_and_ends(serve: Any, page: Any) -> None:
    class App(Player):
        # Long enough that it cannot end by itself while a busy machine runs
        # the test: the end must come from the seek.
        media: Any = _wav(30.0)

    server = serve(rio.App(build=App))
    page.goto(server.url)
    player = page.locator(".rio-media")
    video = player.locator("video")
    video.wait_for(state="attached")
    assert player.evaluate("e => getComputedStyle(e).backgroundColor") == (
        "rgb(18, 52, 86)"
    )
    player.get_by_text("0:00 / 0:30").wait_for()
    assert video.evaluate("v => v.paused") is True

    # The user presses Play: playing, the time advancing.
    player.get_by_role("button", name="Play").click()
    player.get_by_role("button", name="Pause").wait_for()
    assert video.evaluate("v => v.paused") is False
    page.wait_for_function(
        "() => document.querySelector('.rio-media video').currentTime > 0.2"
    )
    # A click near the timeline's end seeks there (the server's byte ranges
    # make the file seekable); the end then reaches Python.
    assert video.evaluate("v => v.seekable.length && v.seekable.end(0)") > 29.9
    line = player.locator(".rio-media-line")
    line.hover()
    box = line.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.97, box["y"] + box["height"] / 2)
    page.get_by_text("ends=1 errors=0").wait_for()
    assert _LIVE["player"].ends == 1
    player.get_by_role("button", name="Play").wait_for()
    assert video.evaluate("v => v.currentTime") > 29.9


def test_media_player_loops_and_autoplays(serve: Any, page: Any) -> None:
    class App(rio.Component):
        ends: int = 0
        show: bool = True

        def on_end(self) -> None:
            self.ends += 1

        def build(self) -> rio.Component:
            _LIVE["looper"] = self
            if not self.show:
                return rio.Text("gone")
            return rio.Column(
                rio.MediaPlayer(
                    _wav(0.4),
                    loop=True,
                    autoplay=True,
                    muted=True,  # browsers autoplay only muted media
                    controls=False,
                    on_playback_end=self.on_end,
                    min_height=8,
                ),
                rio.Text(f"ends={min(self.ends, 2)}"),
            )

    server = serve(rio.App(build=App))
    page.goto(server.url)
    # Each pass is reported, also when looping, and playing goes on.
    page.get_by_text("ends=2").wait_for()
    video = page.locator(".rio-media video")
    assert video.evaluate("v => v.paused") is False
    # Without controls, no bar to see or press.
    bar = page.locator(".rio-media-bar")
    assert bar.evaluate("e => getComputedStyle(e).opacity") == "0"

    # Taken off the page, it stops playing.
    element = video.element_handle()
    server.run(lambda: setattr(_LIVE["looper"], "show", False))
    page.get_by_text("gone").wait_for()
    element.wait_for_element_state("hidden")
    page.wait_for_function("v => v.paused && !v.isConnected", arg=element)


_RECORD_WEBM = """async () => {
    const canvas = document.createElement("canvas");
    canvas.width = 64;
    canvas.height = 48;
    const paint = canvas.getContext("2d");
    const stream = canvas.captureStream(25);
    const recorder = new MediaRecorder(stream, { mimeType: "video/webm" });
    const chunks = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    const done = new Promise((resolve) => (recorder.onstop = resolve));
    recorder.start();
    for (let frame = 0; frame < 20; frame++) {
        paint.fillStyle = `rgb(${frame * 12}, 200, 80)`;
        paint.fillRect(0, 0, 64, 48);
        await new Promise((resolve) => setTimeout(resolve, 40));
    }
    recorder.stop();
    await done;
    const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
    return Array.from(bytes);
}"""


def test_media_player_plays_video(serve: Any, page: Any) -> None:
    # No encoder on the machine: Chromium records a short WebM video itself.
    page.goto("about:blank")
    video_bytes = bytes(page.evaluate(_RECORD_WEBM))
    assert video_bytes[:4] == b"\x1a\x45\xdf\xa3"

    class App(Player):
        media: Any = video_bytes

    server = serve(rio.App(build=App))
    page.goto(server.url)
    player = page.locator(".rio-media")
    video = player.locator("video")
    page.wait_for_function(
        "() => document.querySelector('.rio-media video').videoWidth === 64"
    )
    # A video shows its picture, not the note shown for audio.
    assert "rio-media-audio" not in player.get_attribute("class")
    player.get_by_role("button", name="Play").click()
    page.wait_for_function(
        "() => document.querySelector('.rio-media video').currentTime > 0.2"
    )
    assert video.evaluate("v => v.paused") is False
    page.get_by_text("ends=1 errors=0").wait_for()


def test_media_player_serves_byte_ranges(serve: Any, page: Any, tmp_path: Path) -> None:
    data = _wav(0.3)
    file = tmp_path / "tone.wav"
    file.write_bytes(data)

    class App(Player):
        media: Any = data

    server = serve(rio.App(build=App))
    page.goto(server.url)
    page.locator(".rio-media video source").wait_for(state="attached")

    fetch = """async ([url, range]) => {
        const headers = range ? { Range: range } : {};
        const r = await fetch(url, { cache: "no-store", headers });
        const bytes = new Uint8Array(await r.arrayBuffer());
        return [r.status, r.headers.get('content-type'), r.headers.get('content-range'),
                r.headers.get('accept-ranges'), Array.from(bytes.slice(0, 4))];
    }"""
    url = _blob_url(page)
    for source in (data, file):
        if source is file:  # the same sound from a file: a new URL
            server.run(lambda: setattr(_LIVE["player"], "media", file))
            url = wait_for(
                lambda old=url: _blob_url(page) not in (old, None) and _blob_url(page)
            )
        status, kind, span, ranges, head = page.evaluate(fetch, [url, None])
        assert (status, ranges) == (200, "bytes")
        assert kind in ("audio/wav", "audio/x-wav")
        assert bytes(head) == b"RIFF"
        status, kind, span, _, head = page.evaluate(fetch, [url, "bytes=8-11"])
        assert (status, span, bytes(head)) == (206, f"bytes 8-11/{len(data)}", b"WAVE")
        status, *_ = page.evaluate(fetch, [url, f"bytes={len(data) + 5}-"])
        assert status == 416, source

    # Only ids the app handed out are served.
    status = page.evaluate(
        "async u => (await fetch(u)).status",
        url.rsplit("/", 1)[0] + "/not-a-blob",
    )
    assert status == 404


def test_media_player_reports_errors(serve: Any, page: Any) -> None:
    class App(Player):
        media: Any = b"this is not audio at all"

    server = serve(rio.App(build=App))
    page.goto(server.url)
    page.get_by_text("ends=0 errors=1").wait_for()


def test_media_player_volume_from_the_user_reaches_python(
    serve: Any, page: Any
) -> None:
    class App(rio.Component):
        muted: bool = False
        volume: float = 1.0

        def build(self) -> rio.Component:
            return rio.Column(
                rio.MediaPlayer(
                    _wav(0.3),
                    muted=self.bind().muted,
                    volume=self.bind().volume,
                    min_height=8,
                ),
                rio.Text(f"muted={self.muted} volume={self.volume:.2f}"),
            )

    server = serve(rio.App(build=App))
    page.goto(server.url)
    video = page.locator(".rio-media video")
    video.wait_for(state="attached")
    assert video.evaluate("v => [v.muted, v.volume]") == [False, 1]
    page.get_by_role("button", name="Mute").click()
    page.get_by_text("muted=True volume=1.00").wait_for()
    # The volume slider opens under the pointer; its middle is half volume.
    page.get_by_role("button", name="Unmute").hover()
    level = page.get_by_role("slider", name="Volume")
    page.wait_for_function(
        "() => document.querySelector('.rio-media-level').offsetWidth > 70"
    )
    track = level.locator("div").first.bounding_box()
    page.mouse.click(track["x"] + track["width"] / 2, track["y"] + 1)
    page.get_by_text("muted=False volume=0.50").wait_for()
    assert abs(video.evaluate("v => v.volume") - (3**0.5 - 1) / 2) < 0.01


class Frames(rio.Component):
    messages: list = []

    def on_message(self, value: Any) -> None:
        self.messages = [*self.messages, value]

    def build(self) -> rio.Component:
        script = """<p id="hi">Hello <b>framed</b></p><script>
            const attempt = (f) => { try { f(); return "reached"; }
                                     catch (e) { return "blocked"; } };
            rioSendMessage({
                parent: attempt(() => parent.document.title),
                cookie: attempt(() => document.cookie),
            });
        </script>"""
        return rio.Column(
            rio.Webview(script, on_message=self.on_message),
            rio.Text(f"messages={self.messages}"),
            rio.Webview("<!DOCTYPE html><html><body><h1>Whole page</h1></body></html>"),
            align_y=0,
        )


def test_webview_html_runs_sandboxed_and_messages_python(serve: Any, page: Any) -> None:
    server = serve(rio.App(build=Frames))
    page.goto(server.url)
    page.get_by_text("messages=[{'parent': 'blocked', 'cookie': 'blocked'}]").wait_for()
    frames = page.locator(".rio-webview iframe")
    assert frames.count() == 2
    sandbox = frames.first.get_attribute("sandbox").split()
    assert "allow-scripts" in sandbox
    assert "allow-same-origin" not in sandbox
    assert "allow-top-navigation" not in sandbox
    fragment = page.frame_locator(".rio-webview iframe").first
    fragment.get_by_text("framed").wait_for()
    # The fragment takes the app's text colour and grows to its height.
    colour = fragment.locator("#hi").evaluate("e => getComputedStyle(e).color")
    assert colour == page.evaluate("() => getComputedStyle(document.body).color")
    page.wait_for_function(
        "() => document.querySelector('.rio-webview iframe').style.minHeight !== ''"
    )
    # ... and is as tall as its one line, as inline HTML would be.
    height = frames.first.bounding_box()["height"]
    assert 16 <= height <= 60  # a line and the <p>'s margins
    # A whole document starts at a frame's usual height.
    assert frames.nth(1).bounding_box()["height"] >= 150
    whole = page.frame_locator(".rio-webview iframe").nth(1)
    whole.get_by_role("heading", name="Whole page").wait_for()


def test_webview_url_keeps_its_origin_but_not_the_apps(serve: Any, page: Any) -> None:
    class App(rio.Component):
        def build(self) -> rio.Component:
            return rio.Column(
                rio.Webview(rio.URL("https://example.invalid/page")),
                rio.Webview(server_url[0]),
                min_height=10,
            )

    server_url: list[str] = [""]
    server = serve(rio.App(build=App))
    server_url[0] = server.url.split("?")[0]
    page.route(
        "https://example.invalid/**",
        lambda route: route.fulfill(
            body="<h2>Elsewhere</h2>", content_type="text/html"
        ),
    )
    page.goto(server.url)
    frames = page.locator(".rio-webview iframe")
    frames.nth(1).wait_for(state="attached")
    other, own = (frames.nth(i).get_attribute("sandbox").split() for i in (0, 1))
    assert "allow-same-origin" in other
    assert "allow-same-origin" not in own
    assert frames.first.get_attribute("src") == "https://example.invalid/page"
    page.frame_locator(".rio-webview iframe").first.get_by_text("Elsewhere").wait_for()


def test_pdf_viewer_serves_the_pdf(serve: Any, page: Any, tmp_path: Path) -> None:
    file = tmp_path / "doc.pdf"
    file.write_bytes(_PDF)

    class App(rio.Component):
        def build(self) -> rio.Component:
            return rio.Row(rio.PdfViewer(_PDF), rio.PdfViewer(file), grow_y=True)

    server = serve(rio.App(build=App))
    page.goto(server.url)
    objects = page.locator(".rio-pdf object")
    objects.nth(1).wait_for(state="attached")
    for i in range(2):
        assert objects.nth(i).get_attribute("type") == "application/pdf"
        url = objects.nth(i).evaluate("o => o.data")
        status, kind, head = page.evaluate(
            """async u => {
                const r = await fetch(u, { cache: "no-store" });
                const text = (await r.text()).slice(0, 5);
                return [r.status, r.headers.get("content-type"), text];
            }""",
            url,
        )
        assert (status, kind, head) == (200, "application/pdf", "%PDF-")
    box = objects.first.bounding_box()
    assert box["width"] >= 5 * 16 and box["height"] >= 5 * 16


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_html_and_website_are_deprecated_webviews(serve: Any, page: Any) -> None:
    with pytest.warns(DeprecationWarning, match="rio.Webview"):
        rio.Html("<p>x</p>")
    with pytest.warns(DeprecationWarning, match="rio.Webview"):
        rio.Website(rio.URL("https://example.com"))

    class App(rio.Component):
        def build(self) -> rio.Component:
            return rio.Html("<p>Old <i>style</i></p>", enable_pointer_events=False)

    server = serve(rio.App(build=App))
    page.goto(server.url)
    page.frame_locator(".rio-webview iframe").get_by_text("style").wait_for()
    view = page.locator(".rio-webview")
    assert view.evaluate("e => getComputedStyle(e).pointerEvents") == "none"
