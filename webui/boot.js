// Inlined into index.html, before the page's modules load: opens the
// websocket and says hello at once, so the server builds the first tree while
// the modules are still downloading. app.js takes the socket over.
(() => {
  "use strict";
  const config = JSON.parse(document.getElementById("rio-config").textContent);

  // In the desktop app's windows: this window's own token, in its first URL
  // (desktop.WINDOW_QUERY). Kept in sessionStorage, which each window has
  // its own of and which outlives a reload; sent in every hello.
  const WINDOW_TOKEN_KEY = "rio-desktop:window";
  let windowToken = new URLSearchParams(location.search).get("rio_window") || "";
  try {
    if (windowToken) sessionStorage.setItem(WINDOW_TOKEN_KEY, windowToken);
    else windowToken = sessionStorage.getItem(WINDOW_TOKEN_KEY) || "";
  } catch {
    // No storage: this load has the token, a reload will not.
  }

  // One-time credentials in the address (the window's first URL) go at once.
  if (config.url && config.url !== location.pathname + location.search) {
    history.replaceState(history.state, "", config.url + location.hash);
  }

  const SETTINGS_ERROR_KEY = "rio-desktop:error"; // see user_settings.py

  /** localStorage key of this app's UserSettings (per origin and base path). */
  function settingsKey() {
    return `rio-desktop:settings:${config.base}`;
  }

  /** The stored settings for the hello: {} if none, or {"rio-desktop:error"}. */
  function storedSettings() {
    let text;
    try {
      text = localStorage.getItem(settingsKey());
    } catch (error) {
      console.warn("rio-desktop: could not read the stored settings:", error);
      return {};
    }
    if (text === null) return {};
    try {
      const data = JSON.parse(text);
      if (data === null || typeof data !== "object" || Array.isArray(data)) {
        throw new Error("not a JSON object");
      }
      return data;
    } catch (error) {
      // Keep the unreadable value aside, as settings.json.bak in a window.
      try {
        localStorage.setItem(`${settingsKey()}.bak`, text);
        localStorage.removeItem(settingsKey());
      } catch {
        // Nothing more to do: the defaults still load.
      }
      return { [SETTINGS_ERROR_KEY]: String(error?.message ?? error) };
    }
  }

  /** CSS pixels per font-height: the unit of every size sent to the server. */
  function fontPx() {
    return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  }

  function windowSize() {
    const unit = fontPx();
    return { width: window.innerWidth / unit, height: window.innerHeight / unit };
  }

  /** A classic scroll bar's width in px; 0 where scroll bars overlay content. */
  function scrollBarWidth() {
    const probe = document.createElement("div");
    probe.style.cssText =
      "position:absolute;top:0;left:0;width:100px;height:50px;overflow:scroll;visibility:hidden";
    document.documentElement.appendChild(probe);
    const width = probe.offsetWidth - probe.clientWidth;
    probe.remove();
    return width;
  }

  /** The IANA time zone name. */
  function timeZone() {
    // Temporal answers at once; Intl's first call loads ICU's date formats
    // (a delay before the hello). Older engines (QtWebEngine) only have Intl.
    try {
      const zone = globalThis.Temporal?.Now?.timeZoneId?.();
      if (zone) return zone;
    } catch {
      // Fall back to Intl below.
    }
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  }

  function hello() {
    const { width, height } = windowSize();
    const unit = fontPx();
    return {
      type: "hello",
      timezone: timeZone(),
      languages: Array.from(navigator.languages || [navigator.language || "en-US"]),
      width,
      height,
      screen_width: screen.width / unit,
      screen_height: screen.height / unit,
      font_px: unit,
      scroll_bar_size: scrollBarWidth() / unit,
      primary_pointer_type: matchMedia("(pointer: coarse)").matches ? "touch" : "mouse",
      pixel_ratio: window.devicePixelRatio || 1,
      prefers_dark: matchMedia("(prefers-color-scheme: dark)").matches,
      url: location.href,
      user_settings: storedSettings(),
      window_token: windowToken,
    };
  }

  /** Open a socket that sends the hello as soon as it is open. */
  function openSocket() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const token = encodeURIComponent(config.token);
    const socket = new WebSocket(
      `${scheme}//${location.host}${config.base}rio-desktop/ws?token=${token}`,
    );
    // Put the hello together while the handshake is under way, not after it.
    const message = JSON.stringify(hello());
    socket.addEventListener("open", () => socket.send(message));
    return socket;
  }

  // Messages that arrive before app.js has loaded wait here for it.
  const early = [];
  const socket = openSocket();
  const keep = (event) => early.push(event);
  socket.addEventListener("message", keep);
  // A resize before app.js listens would be lost (QtWebEngine may size the
  // view after this runs; a restored window maximizes): note it for app.js.
  let resized = false;
  const noteResize = () => {
    resized = true;
  };
  window.addEventListener("resize", noteResize);

  window.rioBoot = {
    config,
    hello,
    windowSize,
    openSocket,
    settingsKey,
    storedSettings,
    /** Hand the first socket, what it already received and whether the
     * window was resized meanwhile to app.js. */
    takeOver() {
      socket.removeEventListener("message", keep);
      window.removeEventListener("resize", noteResize);
      return { socket, early: early.splice(0), resized };
    },
  };
})();
