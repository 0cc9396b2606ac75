// Plot, loaded when a page first shows one (see LAZY_FAMILIES in
// components.js). Renderer contract: components.js.
//
// `figure` arrives as { kind: "svg", svg } (matplotlib and seaborn, drawn by
// Python) or { kind: "plotly", json, js } (a plotly figure's JSON and the
// version of the installed plotly package). plotly.js itself (large) is
// fetched from the app's own server, from the installed plotly package, the
// first time a plotly figure is shown: never from the network.

import { baseUrl, fillCss } from "./fills.js";

const CSS = `
.rio-plot { position: relative; overflow: hidden; pointer-events: auto; }
.rio-plot.rio-plot-auto-bg { background: var(--rio-background-variant, var(--rio-neutral)); }
.rio-card .rio-plot.rio-plot-auto-bg { background: var(--rio-neutral-variant, var(--rio-neutral)); }
.rio-plot > .rio-plot-host { position: absolute; inset: 0; }
.rio-plot-host > svg { display: block; width: 100%; height: 100%; }
.rio-plot-error { position: absolute; inset: 0; padding: 0.5rem; overflow: auto; color: var(--rio-danger, #c62828); white-space: pre-wrap; }
`;

const style = document.createElement("style");
style.textContent = CSS;
document.head.appendChild(style);

let plotlyLoading = null;

/** window.Plotly, loading plotly.min.js from the app's server once. */
function loadPlotly(version) {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (plotlyLoading === null) {
    plotlyLoading = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = `${baseUrl()}rio-desktop/plotly.min.js?v=${encodeURIComponent(version)}`;
      script.onload = () => {
        if (window.Plotly) resolve(window.Plotly);
        else reject(new Error("plotly.min.js loaded but defined no Plotly"));
      };
      script.onerror = () => {
        plotlyLoading = null;
        script.remove();
        reject(new Error("could not load plotly.js from the app's server (is the plotly package installed?)"));
      };
      document.head.appendChild(script);
    });
  }
  return plotlyLoading;
}

function showError(c, message) {
  const box = document.createElement("div");
  box.className = "rio-plot-error";
  box.textContent = `Plot: ${message}`;
  c.host.replaceChildren(box);
}

function purgePlotly(c) {
  if (c.plotlyDiv && window.Plotly) window.Plotly.purge(c.plotlyDiv);
  c.plotlyDiv = null;
  c.pending = null;
}

/** The host's size in CSS pixels, or null while it has none (detached). */
function hostSize(c) {
  if (!c.host.isConnected) return null;
  const width = c.host.clientWidth;
  const height = c.host.clientHeight;
  return width > 0 && height > 0 ? { width, height } : null;
}

/** Draw (or redraw) the pending plotly figure, once plotly.js is here and
 *  the element has a size; otherwise follow the element's size. */
function drawPlotly(c) {
  const Plotly = window.Plotly;
  const size = hostSize(c);
  if (!Plotly || !c.plotlyDiv || size === null) return;
  if (c.pending !== null) {
    const { data, layout, config } = c.pending;
    c.pending = null;
    Plotly.react(c.plotlyDiv, data, { ...layout, ...size }, config);
    c.plotlySize = size;
  } else if (c.plotlySize?.width !== size.width || c.plotlySize?.height !== size.height) {
    c.plotlySize = size;
    Plotly.relayout(c.plotlyDiv, size);
  }
}

function showFigure(c) {
  const figure = c.props.figure;
  c.figureSerial = (c.figureSerial ?? 0) + 1;
  if (!figure) {
    purgePlotly(c);
    c.host.replaceChildren();
    return;
  }
  if (figure.kind === "svg") {
    purgePlotly(c);
    const parsed = new DOMParser().parseFromString(figure.svg, "image/svg+xml");
    const svg = parsed.documentElement;
    if (svg.nodeName !== "svg") {
      showError(c, "the figure's SVG could not be read");
      return;
    }
    // Scripts and handlers have no business in a chart.
    svg.querySelectorAll("script, foreignObject").forEach((node) => node.remove());
    c.host.replaceChildren(document.importNode(svg, true));
    return;
  }
  if (figure.kind !== "plotly") {
    showError(c, `unknown figure kind ${figure.kind}`);
    return;
  }
  let spec;
  try {
    spec = JSON.parse(figure.json);
  } catch (error) {
    showError(c, `the figure's JSON could not be read: ${error.message}`);
    return;
  }
  // Transparent, so the component's background shows through (as in Rio).
  const layout = { ...(spec.layout ?? {}), paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)" };
  c.pending = { data: spec.data ?? [], layout, config: spec.config ?? {} };
  if (!c.plotlyDiv) {
    c.plotlyDiv = document.createElement("div");
    c.plotlyDiv.className = "rio-plot-plotly";
    c.host.replaceChildren(c.plotlyDiv);
  }
  const serial = c.figureSerial;
  loadPlotly(figure.js).then(
    () => {
      if (c.figureSerial === serial) drawPlotly(c);
    },
    (error) => {
      if (c.figureSerial === serial) {
        purgePlotly(c);
        showError(c, error.message);
      }
    },
  );
}

export const renderers = {
  Plot: {
    defaults: { figure: null, background: null, corner_radius: null },
    create(c) {
      const el = document.createElement("div");
      el.className = "rio-plot";
      c.host = document.createElement("div");
      c.host.className = "rio-plot-host";
      el.appendChild(c.host);
      c.plotlyDiv = null;
      c.pending = null;
      c.plotlySize = null;
      // Plotly draws at a fixed pixel size: follow the element's. This also
      // draws a figure that arrived before the element was on the page.
      new ResizeObserver(() => drawPlotly(c)).observe(c.host);
      return el;
    },
    update(c, keys) {
      const p = c.props;
      const el = c.el;
      if (keys.includes("background")) {
        const auto = p.background === null;
        el.classList.toggle("rio-plot-auto-bg", auto);
        const fill = auto ? { background: null, backdrop: "none" } : fillCss(p.background);
        el.style.background = fill.background ?? "";
        el.style.backdropFilter = fill.backdrop === "none" ? "" : fill.backdrop;
      }
      if (keys.includes("corner_radius")) {
        const radius = p.corner_radius;
        el.style.borderRadius =
          radius === null
            ? "var(--rio-radius-small)"
            : Array.isArray(radius)
              ? radius.map((r) => `${r}rem`).join(" ")
              : `${radius}rem`;
      }
      if (keys.includes("figure")) showFigure(c);
    },
  },
};
