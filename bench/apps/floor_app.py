"""The floor for B2: a bare page whose button waits for one websocket reply.

No framework: a static page, one websocket, the server answers each message
with the next number and the page writes it into the DOM. Whatever a
framework adds to the click round trip is measured above this.

Usage: python floor_app.py PORT (runs in rio-desktop's bench venv, which has
aiohttp).
"""

from __future__ import annotations

import sys

from aiohttp import web

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Floor</title></head>
<body>
<p>Bench ready</p>
<p id="count">Count: 0</p>
<button id="increment">Increment</button>
<script>
  const socket = new WebSocket(`ws://${location.host}/ws`);
  const count = document.getElementById("count");
  socket.addEventListener("message", (event) => {
    count.firstChild.data = `Count: ${event.data}`;
  });
  document.getElementById("increment").addEventListener("click", () => {
    socket.send("increment");
  });
</script>
</body></html>"""


async def index(request: web.Request) -> web.Response:
    return web.Response(text=PAGE, content_type="text/html")


async def websocket(request: web.Request) -> web.WebSocketResponse:
    socket = web.WebSocketResponse()
    await socket.prepare(request)
    count = 0
    async for _ in socket:
        count += 1
        await socket.send_str(str(count))
    return socket


app = web.Application()
app.router.add_get("/", index)
app.router.add_get("/ws", websocket)

if __name__ == "__main__":
    web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), print=None)
