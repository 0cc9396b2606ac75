// FilePickerArea, loaded when a page first shows one (see LAZY_FAMILIES in
// components.js). Renderer contract: components.js. The module brings its
// own stylesheet, added to the page once on load.
//
// A click opens a file dialog, a drop hands files over:
// - in the app's window (pywebview) a click asks the app for the native
//   dialog ("pick"), and a drop only names the files ("drop"): the app gets
//   their paths from the window's own process, never from this page;
// - in a browser the page keeps the chosen or dropped files, says "drop",
//   and the app answers with `uploadHeldFiles(url, id, upload)`: one POST to
//   the session's one-time upload route, the same as pick_file's.
import { pageCalls } from "./calls.js";

const CSS = `
.rio-fpa { position: relative; display: flex; cursor: pointer; overflow: hidden; border-radius: var(--rio-radius-medium); color: var(--rio-text); }
.rio-fpa > * { flex-grow: 1; }
.rio-fpa > input { display: none; }
.rio-fpa::before { content: ""; position: absolute; inset: 0; pointer-events: none; border-radius: var(--rio-radius-medium); opacity: 0; transition: opacity 0.3s;
  background: radial-gradient(circle at var(--rio-fpa-x, 50%) var(--rio-fpa-y, 50%), var(--rio-secondary), transparent 20rem); }
.rio-fpa.rio-fpa-over { cursor: copy; }
.rio-fpa.rio-fpa-over::before { opacity: 0.2; }
.rio-fpa-own { display: flex; flex-direction: column; transition: background-color 0.1s, color 0.1s; }
.rio-fpa-own::after { content: ""; position: absolute; inset: 0; pointer-events: none; border-radius: var(--rio-radius-medium); border: 0.15rem dashed currentColor; opacity: 0.5; }
.rio-fpa:not(.rio-fpa-over) > .rio-fpa-own:hover { background-color: var(--rio-background-active, rgba(0, 0, 0, 0.05)); }
.rio-fpa.rio-fpa-over > .rio-fpa-own { color: var(--rio-secondary); }
.rio-fpa-head { display: flex; align-items: center; gap: 1rem; padding: 1rem; }
.rio-fpa-icon { flex: none; width: 3.5rem; height: 3.5rem; }
.rio-fpa svg { display: block; width: 100%; height: 100%; fill: currentColor; }
.rio-fpa-texts { flex-grow: 1; display: flex; flex-direction: column; gap: 0.3rem; white-space: nowrap; min-width: 0; line-height: normal; }
.rio-fpa-types { opacity: 0.5; }
.rio-fpa-browse { flex: none; margin-left: auto; display: grid; place-items: center; min-height: 2.2rem; box-sizing: border-box; padding: 0.3rem 1rem;
  border-radius: var(--rio-radius-small); background: var(--rio-secondary); color: var(--rio-secondary-fg, #fff); font-weight: bold; transition: filter 0.1s; }
.rio-fpa-browse:hover { filter: brightness(1.1); }
.rio-fpa-files { display: flex; flex-wrap: wrap; gap: 1rem; padding: 0 1rem 1rem; }
.rio-fpa-file { position: relative; display: flex; align-items: center; gap: 0.4rem; padding: 0.3rem 0.5rem; cursor: default;
  border-radius: var(--rio-radius-small); background: var(--rio-secondary); color: var(--rio-secondary-fg, #fff); }
.rio-fpa-file.rio-fpa-pressable { cursor: pointer; transition: background-color 0.1s; }
.rio-fpa-file.rio-fpa-pressable:hover { background: var(--rio-secondary-active, var(--rio-secondary)); }
.rio-fpa-file-icon { width: 1.6rem; height: 1.6rem; }
.rio-fpa-file-name { max-width: 9rem; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.rio-fpa-remove { position: absolute; top: -0.7rem; right: -0.7rem; width: 1.3rem; height: 1.3rem; padding: 0.3rem; border-radius: 50%; cursor: pointer;
  background: var(--rio-danger); color: var(--rio-danger-fg, #fff); box-shadow: 0 0.1rem 0.3rem var(--rio-shadow, rgba(0, 0, 0, 0.3));
  opacity: 0; transform: scale(0.5); transition: opacity 0.1s, transform 0.1s, background-color 0.1s; }
.rio-fpa-remove:hover { background: var(--rio-danger-active, var(--rio-danger)); }
.rio-fpa-file:hover > .rio-fpa-remove { opacity: 1; transform: none; }
.rio-fpa-progress { position: absolute; left: 0; top: 0; bottom: 0; width: 0; pointer-events: none; background: var(--rio-secondary); opacity: 0; transition: opacity 0.3s; }
.rio-fpa-progress.rio-fpa-busy { opacity: 0.2; }
`;

const style = document.createElement("style");
style.textContent = CSS;
document.head.appendChild(style);

// Material Symbols (Google, Apache License 2.0; the licence is
// rio_desktop/icons/material-LICENSE.txt), as in Rio's look: outlined,
// the picture filled. Their view box is 0 -960 960 960.
const ICONS = {
  folder: "M140-160q-24 0-42-18.5T80-220v-520q0-23 18-41.5t42-18.5h256q12.44 0 23.72 5t19.37 13.09L481-740h339q23 0 41.5 18.5T880-680v460q0 23-18.5 41.5T820-160H140Zm0-60h680v-460H456l-60-60H140v520Zm0 0v-520 520Z",
  document: "M349-250h262q12.75 0 21.38-8.68 8.62-8.67 8.62-21.5 0-12.82-8.62-21.32-8.63-8.5-21.38-8.5H349q-12.75 0-21.37 8.68-8.63 8.67-8.63 21.5 0 12.82 8.63 21.32 8.62 8.5 21.37 8.5Zm0-170h262q12.75 0 21.38-8.68 8.62-8.67 8.62-21.5 0-12.82-8.62-21.32-8.63-8.5-21.38-8.5H349q-12.75 0-21.37 8.68-8.63 8.67-8.63 21.5 0 12.82 8.63 21.32 8.62 8.5 21.37 8.5ZM220-80q-24 0-42-18t-18-42v-680q0-24 18-42t42-18h336q12.44 0 23.72 5T599-862l183 183q8 8 13 19.28 5 11.28 5 23.72v496q0 24-18 42t-42 18H220Zm331-584v-156H220v680h520v-494H581q-12.75 0-21.37-8.63Q551-651.25 551-664ZM220-820v186-186 680-680Z",
  picture: "m76-288 180-240q5-6 11-9t13-3q7 0 13 3t11 9l162 216q5 6 11 9t13 3q19 0 27-16.5t-3-31.5L411-485q-6-8-6-18t6-18l125-167q5-6 11-9t13-3q7 0 13 3t11 9l300 400q11 15 3 31.5T860-240H100q-19 0-27-16.5t3-31.5Z",
  archive: "M640-496v-92h92v92h-92Zm0 92h-92v-92h92v92Zm0 92v-92h92v92h-92ZM456-680l-60-60H140v520h408v-92h92v92h180v-460H640v92h-92v-92h-92ZM140-160q-24 0-42-18.5T80-220v-520q0-23 18-41.5t42-18.5h256q12.44 0 23.72 5t19.37 13.09L481-740h339q23 0 41.5 18.5T880-680v460q0 23-18.5 41.5T820-160H140Zm0-60v-520 520Z",
  audio: "M286.5-163.5Q243-207 243-270t43.5-106.5Q330-420 393-420q28 0 50.5 8t39.5 22v-420q0-13 8.5-21.5T513-840h174q13 0 21.5 8.5T717-810v75q0 13-8.5 21.5T687-705H543v435q0 63-43.5 106.5T393-120q-63 0-106.5-43.5Z",
  code: "m166-482 176 176q9 9 8.5 21t-9.5 21q-9 9-21.5 9t-21.5-9L101-461q-5-5-7-10t-2-11q0-6 2-11t7-10l200-200q9-9 21.5-9t21.5 9q9 9 9 21.5t-9 21.5L166-482Zm628 0L618-658q-9-9-8.5-21t9.5-21q9-9 21.5-9t21.5 9l197 197q5 5 7 10t2 11q0 6-2 11t-7 10L659-261q-9 9-21 8.5t-21-9.5q-9-9-9-21.5t9-21.5l177-177Z",
  data: "M510-510h309q-11-122-98.5-211.5T510-819v309Zm-60 369v-678q-131 11-220.5 109T140-480q0 132 89.5 230T450-141Zm60 0q123-8 210.5-97.5T819-450H510v309Zm-30-339Zm0 400q-83 0-156-31.5T197-197q-54-54-85.5-127T80-480q0-83 31.5-156T197-763q54-54 127-85.5T480-880q83 0 156 31.5T763-763q54 54 85.5 127T880-480q0 83-31.5 156T763-197q-54 54-127 85.5T480-80Z",
  video: "m140-800 58 119q7.73 15.4 22.08 24.2Q234.44-648 251-648q32.5 0 49.25-27.46T303-732l-33-68h89l58 119q7.73 15.4 22.08 24.2Q453.44-648 470-648q32.5 0 49.25-27.46T522-732l-33-68h89l58 119q7.73 15.4 22.08 24.2Q672.44-648 689-648q32.5 0 49.25-27.46T741-732l-33-68h112q24 0 42 18t18 42v520q0 24-18 42t-42 18H140q-24 0-42-18t-18-42v-520q0-24 18-42t42-18Zm0 212v368h680v-368H140Zm0 0v368-368Z",
  close: "M480-438 270-228q-9 9-21 9t-21-9q-9-9-9-21t9-21l210-210-210-210q-9-9-9-21t9-21q9-9 21-9t21 9l210 210 210-210q9-9 21-9t21 9q9 9 9 21t-9 21L522-480l210 210q9 9 9 21t-9 21q-9 9-21 9t-21-9L480-438Z",
};
ICONS.media = ICONS.audio;

function icon(name) {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 -960 960 960");
  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("d", ICONS[name] ?? ICONS.document);
  svg.appendChild(path);
  return svg;
}

function el(tag, className) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

// What kind of file an extension names, and how a set of them is described.
const KINDS = {
  archive: "7z tar tar.bz2 tar.gz tar.lz4 tar.xz zip",
  audio: "aac flac mp3 oga wav",
  code: "bat c cpp cs css go h hpp html java js kt lua php py r rs sh sql ts xml",
  data: "csv h5 hdf5 ini json ods parquet pickle pkl toml tsv xlsx yaml yml",
  document: "doc docx md odt pdf pptx txt",
  picture: "bmp gif jpg jxl png svg webp",
  video: "avi mkv mov mp4 wmv",
};
const KIND_OF = {};
for (const [kind, extensions] of Object.entries(KINDS)) {
  for (const extension of extensions.split(" ")) KIND_OF[extension] = kind;
}
const KIND_NAMES = {
  archive: "archives", audio: "audio files", code: "code files", data: "data files",
  document: "documents", media: "media files", picture: "pictures", video: "videos",
};

function kindOfFile(name) {
  const parts = name.toLowerCase().split(".");
  for (let i = 1; i < parts.length; i++) {
    const kind = KIND_OF[parts.slice(i).join(".")];
    if (kind) return kind;
  }
  return "document";
}

/** [icon, text] describing the accepted types. */
function describeTypes(types) {
  if (types === null || types === undefined || types.length === 0) return ["folder", "All file types"];
  const kinds = new Set(types.map((t) => KIND_OF[t] ?? null));
  if (kinds.has("audio") && kinds.has("video")) {
    kinds.delete("audio");
    kinds.delete("video");
    kinds.add("media");
  }
  const patterns = types.map((t) => (t.includes("/") ? t : `*.${t}`)).join(" ");
  if (kinds.size === 1 && !kinds.has(null)) {
    const kind = [...kinds][0];
    const name = KIND_NAMES[kind];
    if (types.length === 1) return [kind, `${types[0].toUpperCase()} ${name}`];
    return [kind, `${name[0].toUpperCase()}${name.slice(1)} (${patterns})`];
  }
  return ["folder", patterns];
}

function inWindow() {
  return typeof window.pywebview === "object" && window.pywebview !== null;
}

// --- the files the page holds until the app asks for them -----------------

const HOLD_MS = 60000;
const held = new Map(); // "component:upload" -> { files, time, c }
let nextUpload = 1;

function hold(c, ctx, files) {
  if (!c.props.multiple) files = files.slice(0, 1);
  if (files.length === 0) return;
  const now = Date.now();
  for (const [key, entry] of held) if (now - entry.time > HOLD_MS) held.delete(key);
  const upload = nextUpload++;
  held.set(`${c.id}:${upload}`, { files, time: now, c });
  ctx.sendEvent(c.id, "drop", { upload, names: files.map((file) => file.name) });
}

pageCalls.uploadHeldFiles = (url, id, upload) => {
  const key = `${id}:${upload}`;
  const entry = held.get(key);
  held.delete(key);
  if (!entry) return "cancelled";
  const form = new FormData();
  for (const file of entry.files) form.append("file", file, file.name);
  const progress = entry.c.progress;
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.upload.onprogress = (event) => {
      if (!progress || !event.lengthComputable) return;
      progress.classList.add("rio-fpa-busy");
      progress.style.width = `${(100 * event.loaded) / Math.max(event.total, 1)}%`;
    };
    const done = () => progress?.classList.remove("rio-fpa-busy");
    request.onload = () => {
      done();
      resolve(request.status < 300 ? "uploaded" : `failed: HTTP ${request.status}`);
    };
    request.onerror = () => {
      done();
      reject(new Error("the upload did not finish"));
    };
    request.send(form);
  });
};

// --- the renderer -------------------------------------------------------------

function stop(event) {
  event.preventDefault();
  event.stopPropagation();
}

export const renderers = {
  FilePickerArea: {
    defaults: {
      child_text: null, child_component: null, file_types: null, multiple: false,
      files: [], on_pick_file: null, on_remove_file: null, on_press_file: null,
    },
    create(c, ctx) {
      const root = el("div", "rio-fpa");
      c.childBox = el("div", "rio-single");
      c.own = el("div", "rio-fpa-own");
      const head = el("div", "rio-fpa-head");
      c.icon = el("div", "rio-fpa-icon");
      const texts = el("div", "rio-fpa-texts");
      c.title = el("div", "rio-fpa-title");
      c.types = el("div", "rio-fpa-types");
      texts.append(c.title, c.types);
      const browse = el("div", "rio-fpa-browse");
      browse.textContent = "Browse";
      head.append(c.icon, texts, browse);
      c.filesBox = el("div", "rio-fpa-files");
      c.own.append(head, c.filesBox);
      c.progress = el("div", "rio-fpa-progress");
      c.input = el("input");
      c.input.type = "file";
      root.append(c.own, c.progress, c.input);

      root.addEventListener("click", () => {
        if (inWindow()) ctx.sendEvent(c.id, "pick", null);
        else c.input.click();
      });
      c.input.addEventListener("click", (event) => event.stopPropagation());
      c.input.addEventListener("change", () => {
        const files = Array.from(c.input.files ?? []);
        c.input.value = "";
        hold(c, ctx, files);
      });
      const over = (event) => {
        stop(event);
        if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
        const box = root.getBoundingClientRect();
        root.style.setProperty("--rio-fpa-x", `${event.clientX - box.left}px`);
        root.style.setProperty("--rio-fpa-y", `${event.clientY - box.top}px`);
        root.classList.add("rio-fpa-over");
      };
      root.addEventListener("dragenter", over);
      root.addEventListener("dragover", over);
      root.addEventListener("dragleave", (event) => {
        if (root.contains(event.relatedTarget)) return;
        root.classList.remove("rio-fpa-over");
      });
      // Not stopped: in the window, pywebview's own handler on the document
      // reads the dropped files' paths from the same event.
      root.addEventListener("drop", (event) => {
        event.preventDefault();
        root.classList.remove("rio-fpa-over");
        hold(c, ctx, Array.from(event.dataTransfer?.files ?? []));
      });
      return root;
    },
    update(c, keys, ctx) {
      const p = c.props;
      if (keys.includes("child_component") || keys.includes("child_text")) {
        const custom = p.child_component !== null;
        ctx.syncChildren(c.childBox, custom ? [p.child_component] : []);
        (custom ? c.own : c.childBox).remove();
        const shown = custom ? c.childBox : c.own;
        if (!shown.isConnected) c.el.prepend(shown);
        c.title.textContent = p.child_text ?? "Drag & Drop files here";
      }
      if (keys.includes("file_types")) {
        const [kind, text] = describeTypes(p.file_types);
        c.icon.replaceChildren(icon(kind));
        c.types.textContent = text;
        c.input.accept = (p.file_types ?? []).map((t) => (t.includes("/") ? t : `.${t}`)).join(",");
      }
      if (keys.includes("multiple")) c.input.multiple = !!p.multiple;
      if (keys.includes("files") || keys.includes("on_press_file")) showFiles(c, ctx);
    },
  },
};

function showFiles(c, ctx) {
  const pressable = !!c.props.on_press_file;
  c.filesBox.replaceChildren(
    ...c.props.files.map((file) => {
      const chip = el("div", "rio-fpa-file");
      chip.classList.toggle("rio-fpa-pressable", pressable);
      chip.dataset.fileId = file.id;
      const fileIcon = el("div", "rio-fpa-file-icon");
      fileIcon.appendChild(icon(kindOfFile(file.name)));
      const name = el("div", "rio-fpa-file-name");
      name.textContent = file.name;
      name.title = file.name;
      const remove = el("div", "rio-fpa-remove");
      remove.setAttribute("role", "button");
      remove.setAttribute("aria-label", `Remove ${file.name}`);
      remove.appendChild(icon("close"));
      chip.append(fileIcon, name, remove);
      chip.addEventListener("click", (event) => {
        event.stopPropagation();
        if (pressable) ctx.sendEvent(c.id, "press", { file: file.id });
      });
      remove.addEventListener("click", (event) => {
        event.stopPropagation();
        ctx.sendEvent(c.id, "remove", { file: file.id });
      });
      return chip;
    }),
  );
}
