// MediaPlayer, Webview and PdfViewer, loaded when a page first shows one
// (see LAZY_FAMILIES in components.js). Renderer contract: components.js.
// The module brings its own stylesheet, added to the page once on load.

import { blobUrl, fillCss } from "./fills.js";

const CSS = `
.rio-media, .rio-webview, .rio-pdf { position: relative; display: flex; overflow: hidden; }
.rio-media { outline: none; user-select: none; -webkit-user-select: none; }
.rio-media > video { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain; }
.rio-media-art { position: absolute; left: 50%; top: 50%; width: 50%; height: 50%; max-width: 20rem; max-height: 20rem; transform: translate(-50%, -50%); opacity: 0.5; display: none; pointer-events: none; }
.rio-media.rio-media-audio .rio-media-art { display: flex; }
.rio-media-art svg { width: 100%; height: 100%; }
.rio-media svg { fill: #fff; }
.rio-media-bar { position: absolute; left: 0; right: 0; bottom: 0; padding: 0 0.75rem 0.75rem; display: flex; flex-direction: column; transition: opacity 0.3s; }
.rio-media.rio-media-idle .rio-media-bar, .rio-media.rio-media-nocontrols .rio-media-bar { opacity: 0; pointer-events: none; }
.rio-media.rio-media-idle { cursor: none; }
.rio-media-glass { background: rgba(40, 40, 40, 0.5); backdrop-filter: blur(0.25rem); -webkit-backdrop-filter: blur(0.25rem); }
.rio-media-line { position: relative; height: 1.2rem; margin: 0 0.25rem; cursor: pointer; touch-action: none; }
.rio-media-line > div { position: absolute; left: 0; right: 0; top: 50%; height: 0.2rem; transform: translateY(-50%); transition: height 0.15s; }
.rio-media-line:hover > div { height: 0.4rem; }
.rio-media-line > div > div { position: absolute; left: 0; top: 0; bottom: 0; border-radius: 999px; }
.rio-media-track { right: 0; background: rgba(70, 70, 70, 0.5); }
.rio-media-buffered { background: rgba(255, 255, 255, 0.4); }
.rio-media-played { background: var(--rio-primary); }
.rio-media-knob { position: absolute; top: 50%; width: 0; height: 0; border-radius: 50%; background: var(--rio-primary); transform: translate(-50%, -50%); transition: width 0.15s, height 0.15s; }
.rio-media-line:hover .rio-media-knob { width: 0.8rem; height: 0.8rem; }
.rio-media-row { display: flex; align-items: center; gap: 0.5rem; }
.rio-media-row > .rio-media-grow { flex-grow: 1; }
.rio-media-button { width: 2.25rem; height: 2.25rem; padding: 0.4rem; box-sizing: border-box; border: none; border-radius: 50%; display: flex; align-items: center; justify-content: center; cursor: pointer; color: #fff; transition: background-color 0.15s; }
.rio-media-button svg { width: 100%; height: 100%; }
.rio-media-button:hover, .rio-media-volume:hover { background-color: rgba(255, 255, 255, 0.2); }
.rio-media-volume { display: flex; align-items: center; height: 2.25rem; border-radius: 1.125rem; transition: background-color 0.15s; }
.rio-media-volume > .rio-media-button { background: transparent; backdrop-filter: none; -webkit-backdrop-filter: none; }
.rio-media-level { position: relative; width: 0; height: 2.25rem; opacity: 0; overflow: hidden; cursor: pointer; touch-action: none; transition: width 0.2s, opacity 0.2s, margin-right 0.2s; }
.rio-media-volume:hover .rio-media-level, .rio-media-level:focus-within { width: 4.8rem; opacity: 1; margin-right: 0.5rem; }
.rio-media-level > div { position: absolute; left: 0.4rem; width: 4rem; top: 50%; height: 0.25rem; transform: translateY(-50%); }
.rio-media-level > div > div { position: absolute; left: 0; top: 0; bottom: 0; border-radius: 999px; background: #fff; }
.rio-media-level-track { right: 0; opacity: 0.25; }
.rio-media-level-knob { position: absolute; top: 50%; width: 0.8rem; height: 0.8rem; border-radius: 50%; background: #fff; transform: translate(-50%, -50%); }
.rio-media-time { height: 2.25rem; padding: 0 0.85rem; border-radius: 1.125rem; display: flex; align-items: center; color: #fff; font-size: 0.85rem; font-weight: 500; font-variant-numeric: tabular-nums; white-space: nowrap; }
.rio-webview { flex-direction: column; }
.rio-webview > iframe { flex-grow: 1; width: 100%; border: none; display: block; background: transparent; }
.rio-webview > iframe.rio-webview-fit { height: 0; }
.rio-pdf > object { flex-grow: 1; border: none; display: flex; }
.rio-pdf-fallback { margin: auto; padding: 1rem; display: flex; flex-direction: column; align-items: center; gap: 0.6rem; text-align: center; line-height: 1.4; color: var(--rio-text); }
.rio-pdf-fallback a { color: var(--rio-secondary); }
`;

const style = document.createElement("style");
style.textContent = CSS;
document.head.appendChild(style);

// --- MediaPlayer -------------------------------------------------------------

// Volume as people hear it (0..1, Rio's `volume`) <-> the element's linear
// gain: an exponential curve, so the slider's middle sounds half as loud.
const toGain = (volume) => Math.min(1, Math.max(0, (3 ** volume - 1) / 2));
const toVolume = (gain) => Math.log(2 * gain + 1) / Math.log(3);

// The controls' pictures, drawn on a 24 x 24 grid.
const SHAPES = {
  play: "M8 5.5v13l10.5-6.5z",
  pause: "M6.5 5h4v14h-4zM13.5 5h4v14h-4z",
  loud: "M4 9h4l5-4.5v15L8 15H4zM15.5 8.2a5 5 0 0 1 0 7.6l-1.2-1.3a3.3 3.3 0 0 0 0-5zM17.6 5.5a8.6 8.6 0 0 1 0 13l-1.2-1.3a6.8 6.8 0 0 0 0-10.4z",
  quiet: "M4 9h4l5-4.5v15L8 15H4zM15.5 8.2a5 5 0 0 1 0 7.6l-1.2-1.3a3.3 3.3 0 0 0 0-5z",
  mute: "M4 9h4l5-4.5v15L8 15H4zM15.3 9.4l1.2-1.2 2 2 2-2 1.2 1.2-2 2 2 2-1.2 1.2-2-2-2 2-1.2-1.2 2-2z",
  enlarge: "M4 4h6v2H6v4H4zM14 4h6v6h-2V6h-4zM18 14h2v6h-6v-2h4zM4 14h2v4h4v2H4z",
  shrink: "M8 4h2v6H4V8h4zM14 4h2v4h4v2h-6zM14 14h6v2h-4v4h-2zM4 14h6v6H8v-4H4z",
  note: "M10 3h9v4h-6v10.5a3.5 3.5 0 1 1-3-3.46z",
};
const SVG_NS = "http://www.w3.org/2000/svg";

function picture(shape) {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  const path = document.createElementNS(SVG_NS, "path");
  path.setAttribute("d", SHAPES[shape]);
  svg.append(path);
  return svg;
}

function part(tag, className, ...children) {
  const node = document.createElement(tag);
  node.className = className;
  node.append(...children);
  return node;
}

function button(label, onPress) {
  const node = part("button", "rio-media-button rio-media-glass");
  node.type = "button";
  node.addEventListener("click", (event) => {
    event.stopPropagation();
    onPress();
  });
  return node;
}

function setPicture(node, shape, label) {
  node.replaceChildren(picture(shape));
  node.setAttribute("aria-label", label);
  node.title = label;
}

function clock(seconds) {
  if (!Number.isFinite(seconds)) return "0:00";
  const whole = Math.floor(seconds);
  const s = String(whole % 60).padStart(2, "0");
  const m = Math.floor(whole / 60) % 60;
  const h = Math.floor(whole / 3600);
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** Drag (or click) along `area`: `apply(fraction)` with 0..1 across it. */
function dragAlong(area, apply) {
  area.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    const move = (e) => {
      const box = area.firstElementChild.getBoundingClientRect();
      apply(Math.min(1, Math.max(0, (e.clientX - box.left) / box.width)));
    };
    move(event);
    area.setPointerCapture(event.pointerId);
    area.addEventListener("pointermove", move);
    area.addEventListener("pointerup", () => area.removeEventListener("pointermove", move), { once: true });
  });
  area.addEventListener("click", (event) => event.stopPropagation());
}

const mediaPlayer = {
  defaults: {
    media: "", media_type: null, loop: false, autoplay: false, controls: true,
    muted: false, volume: 1.0, background: "#000000", on_playback_end: null,
    on_error: null, auto_focus: false,
  },
  create(c, ctx) {
    const el = part("div", "rio-media rio-media-audio");
    el.tabIndex = 0;
    const video = document.createElement("video");
    video.playsInline = true;
    video.preload = "metadata";
    c.video = video;
    c.control = el;

    const played = part("div", "rio-media-played");
    const buffered = part("div", "rio-media-buffered");
    const knob = part("div", "rio-media-knob");
    const line = part("div", "rio-media-line", part("div", "", part("div", "rio-media-track rio-media-glass"), buffered, played, knob));
    line.setAttribute("role", "slider");
    line.setAttribute("aria-label", "Position");
    const play = button("Play", () => (video.paused ? video.play().catch(() => {}) : video.pause()));
    const mute = button("Mute", () => {
      video.muted = !video.muted;
      if (!video.muted && video.volume === 0) video.volume = toGain(0.5);
    });
    const levelNow = part("div", "");
    const levelKnob = part("div", "rio-media-level-knob");
    const level = part("div", "rio-media-level", part("div", "", part("div", "rio-media-level-track"), levelNow, levelKnob));
    level.setAttribute("role", "slider");
    level.setAttribute("aria-label", "Volume");
    const time = part("div", "rio-media-time rio-media-glass");
    const screen = button("Full screen", () => {
      if (document.fullscreenElement === el) document.exitFullscreen();
      else el.requestFullscreen?.().catch(() => {});
    });
    const row = part("div", "rio-media-row", play, part("div", "rio-media-volume rio-media-glass", mute, level), time, part("div", "rio-media-grow"), screen);
    el.append(video, part("div", "rio-media-art", picture("note")), part("div", "rio-media-bar", line, row));

    dragAlong(line, (fraction) => {
      if (Number.isFinite(video.duration)) video.currentTime = fraction * video.duration;
    });
    dragAlong(level, (fraction) => {
      video.volume = fraction < 0.01 ? 0 : toGain(fraction);
      if (fraction > 0) video.muted = false;
    });

    const showTime = () => {
      const share = video.duration > 0 ? video.currentTime / video.duration : 0;
      played.style.width = knob.style.left = `${share * 100}%`;
      const ranges = video.buffered;
      const loaded = ranges.length && video.duration > 0 ? ranges.end(ranges.length - 1) / video.duration : 0;
      buffered.style.width = `${loaded * 100}%`;
      time.textContent = `${clock(video.currentTime)} / ${clock(video.duration)}`;
      line.setAttribute("aria-valuenow", String(Math.round(share * 100)));
    };
    const showPlaying = () => {
      setPicture(play, video.paused ? "play" : "pause", video.paused ? "Play" : "Pause");
      poke();
    };
    const showVolume = () => {
      const heard = video.muted ? 0 : toVolume(video.volume);
      levelNow.style.width = levelKnob.style.left = `${heard * 100}%`;
      setPicture(mute, heard === 0 ? "mute" : heard < 0.5 ? "quiet" : "loud", video.muted ? "Unmute" : "Mute");
    };
    const showScreen = () => {
      const full = document.fullscreenElement === el;
      setPicture(screen, full ? "shrink" : "enlarge", full ? "Exit full screen" : "Full screen");
    };
    // The controls fade while playing and the pointer rests.
    let idleTimer = 0;
    const poke = () => {
      el.classList.remove("rio-media-idle");
      clearTimeout(idleTimer);
      if (!video.paused) idleTimer = setTimeout(() => el.classList.add("rio-media-idle"), 2500);
    };
    el.addEventListener("pointermove", poke);
    el.addEventListener("pointerleave", () => {
      if (!video.paused) el.classList.add("rio-media-idle");
    });
    el.addEventListener("click", () => {
      if (c.props.controls) play.click();
    });
    el.addEventListener("keydown", (event) => {
      if (event.target !== el || !c.props.controls) return;
      if (event.key === " " || event.key === "k") play.click();
      else if (event.key === "m") mute.click();
      else if (event.key === "f") screen.click();
      else if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
        video.currentTime = Math.max(0, video.currentTime + (event.key === "ArrowLeft" ? -5 : 5));
      } else return;
      event.preventDefault();
    });
    el.addEventListener("fullscreenchange", showScreen);
    // A player taken off the page (another page shown...) must fall silent:
    // a detached element would play on.
    const stopIfGone = () => {
      if (el.isConnected) return;
      video.pause();
      video.replaceChildren();
      video.load();
    };
    video.addEventListener("timeupdate", () => setTimeout(stopIfGone, 0));
    for (const name of ["timeupdate", "durationchange", "progress", "seeked", "emptied"]) video.addEventListener(name, showTime);
    for (const name of ["play", "pause", "emptied"]) video.addEventListener(name, showPlaying);
    video.addEventListener("loadedmetadata", () => {
      // Audio has no picture: show a note instead of a black box.
      el.classList.toggle("rio-media-audio", !(video.videoWidth > 0));
    });

    // The end is reported each time, also when looping: the page restarts
    // the media itself instead of the element's `loop`, which never ends.
    video.addEventListener("ended", () => {
      if (c.props.on_playback_end) ctx.sendEvent(c.id, "end", null);
      if (c.props.loop) {
        video.currentTime = 0;
        video.play().catch(() => {});
      }
    });
    video.addEventListener("error", () => {
      if (c.props.on_error) ctx.sendEvent(c.id, "error", null);
    });
    // The user's mute button and volume slider change the fields.
    video.addEventListener("volumechange", () => {
      showVolume();
      const volume = toVolume(video.volume);
      if (video.muted === c.props.muted && Math.abs(volume - Math.min(1, c.props.volume)) < 0.01) return;
      c.props.muted = video.muted;
      c.props.volume = volume;
      ctx.sendEvent(c.id, "volume", { muted: video.muted, volume });
    });
    showTime();
    showPlaying();
    showVolume();
    showScreen();
    return el;
  },
  update(c, keys) {
    const p = c.props;
    const video = c.video;
    if (keys.includes("media") || keys.includes("media_type")) {
      video.replaceChildren();
      const source = document.createElement("source");
      source.src = blobUrl(p.media);
      if (p.media_type) source.type = p.media_type;
      // A <source> reports failures on itself, not on the <video>.
      source.addEventListener("error", () => video.dispatchEvent(new Event("error")));
      video.append(source);
      video.load();
    }
    c.el.classList.toggle("rio-media-nocontrols", !p.controls);
    video.muted = Boolean(p.muted);
    video.volume = toGain(p.volume);
    if (keys.includes("autoplay") || keys.includes("media")) {
      video.autoplay = Boolean(p.autoplay);
      if (p.autoplay) video.play().catch(() => {});
    }
    if (keys.includes("background")) c.el.style.background = fillCss(p.background).background ?? "";
    if (keys.includes("auto_focus") && p.auto_focus && !c.focused) {
      c.focused = true;
      queueMicrotask(() => c.el.focus({ preventScroll: true }));
    }
  },
};

// --- Webview -----------------------------------------------------------------

// What framed content may do. A URL's page runs with its own origin (it needs
// its cookies and storage to work) unless it is this app's own origin, which
// would let it reach into the app; HTML runs with no origin at all: its
// scripts run, but cannot touch the app's page, cookies or server session.
// Neither may navigate the app away (no allow-top-navigation).
const SANDBOX = "allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox allow-modals allow-downloads";

function isUrl(content) {
  return /^https?:\/\/\S+$/i.test(content.trim());
}

// Framed HTML reaches the app only through these messages (checked to come
// from that very frame): rioSendMessage(payload) and its content's height.
const frames = new WeakMap();
function frameComponent(source) {
  for (const frame of document.querySelectorAll(".rio-webview > iframe")) {
    if (frame.contentWindow === source) return frames.get(frame);
  }
  return undefined;
}
window.addEventListener("message", (event) => {
  const c = event.source ? frameComponent(event.source) : undefined;
  const data = event.data;
  if (!c || typeof data !== "object" || data === null) return;
  if (data.rioWebview === "message" && c.props.on_message) {
    c.ctx.sendEvent(c.id, "message", { payload: data.payload ?? null });
  } else if (data.rioWebview === "size" && typeof data.height === "number") {
    c.contentHeight = data.height;
    if (c.props.resize_to_fit_content) c.frame.style.minHeight = `${Math.ceil(data.height)}px`;
  }
});

const FRAME_SCRIPT = `<script>(() => {
  const send = (message) => parent.postMessage(message, "*");
  window.rioSendMessage = (payload) => send({ rioWebview: "message", payload });
  const report = () => send({ rioWebview: "size", height: document.documentElement.getBoundingClientRect().height });
  new ResizeObserver(report).observe(document.documentElement);
})();<\/script>`;

/** HTML for the frame: a whole document as it is (plus the bridge script),
 *  a fragment with the app's font and text colour, as if it were inline. */
const isDocument = (html) => /^\s*(<!doctype\s|<html[\s>])/i.test(html);

function frameDocument(html) {
  if (isDocument(html)) {
    const head = html.match(/<head[^>]*>/i);
    if (head) {
      const at = head.index + head[0].length;
      return html.slice(0, at) + FRAME_SCRIPT + html.slice(at);
    }
    return FRAME_SCRIPT + html;
  }
  const look = getComputedStyle(document.body);
  const scheme = getComputedStyle(document.documentElement).colorScheme || "normal";
  const css = `html { color-scheme: ${scheme}; height: auto; } body { margin: 0; background: transparent;`
    + ` font-family: ${look.fontFamily}; font-size: ${look.fontSize}; color: ${look.color}; }`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${css.replace(/</g, "")}</style>${FRAME_SCRIPT}</head><body>${html}</body></html>`;
}

const webview = {
  defaults: { content: "", enable_pointer_events: true, resize_to_fit_content: true, on_message: null },
  create(c, ctx) {
    const el = document.createElement("div");
    el.className = "rio-webview";
    c.ctx = ctx;
    return el;
  },
  update(c, keys) {
    const p = c.props;
    if (keys.includes("content")) {
      const frame = document.createElement("iframe");
      const content = String(p.content);
      if (isUrl(content)) {
        const url = new URL(content.trim());
        const own = url.origin === location.origin;
        frame.setAttribute("sandbox", own ? SANDBOX : `${SANDBOX} allow-same-origin`);
        frame.src = url.href;
        c.html = c.fragment = false;
      } else {
        frame.setAttribute("sandbox", SANDBOX);
        frame.srcdoc = frameDocument(content);
        c.html = true;
        c.fragment = !isDocument(content);
      }
      frame.referrerPolicy = "no-referrer";
      frame.allow = "fullscreen; autoplay; clipboard-write";
      c.frame = frame;
      c.contentHeight = null;
      c.el.replaceChildren(frame);
      if (c.html) frames.set(frame, c);
    }
    c.el.style.pointerEvents = p.enable_pointer_events ? "" : "none";
    if (c.frame) {
      // A fragment is as tall as its content, as if it were inline; a whole
      // document starts at a frame's usual height and grows to fit.
      c.frame.classList.toggle("rio-webview-fit", c.fragment && p.resize_to_fit_content);
      c.frame.style.minHeight = p.resize_to_fit_content && c.contentHeight !== null ? `${Math.ceil(c.contentHeight)}px` : "";
    }
  },
};

// --- PdfViewer ---------------------------------------------------------------

const pdfViewer = {
  defaults: { pdf: "", min_width: 5, min_height: 5 },
  create() {
    const el = document.createElement("div");
    el.className = "rio-pdf";
    el.style.minWidth = el.style.minHeight = "5rem";
    return el;
  },
  update(c) {
    const url = blobUrl(c.props.pdf);
    if (c.url === url) return;
    c.url = url;
    // The browser's own PDF viewer; where there is none, the <object>
    // shows its content instead: a link to the document.
    const object = document.createElement("object");
    object.type = "application/pdf";
    object.data = url;
    object.setAttribute("aria-label", "PDF document");
    const fallback = document.createElement("div");
    fallback.className = "rio-pdf-fallback";
    const line = document.createElement("div");
    line.textContent = "This browser cannot show PDF documents here.";
    const link = document.createElement("a");
    link.href = url;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    link.download = "";
    link.textContent = "Download the PDF";
    fallback.append(line, link);
    object.append(fallback);
    c.el.replaceChildren(object);
  },
};

export const renderers = { MediaPlayer: mediaPlayer, Webview: webview, PdfViewer: pdfViewer };
