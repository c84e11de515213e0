/**
 * The drawing of `<onnx-graph-view>`: open groups' frames, edges with their shape labels, and
 * the boxes (nodes, closed groups, graph inputs and outputs) and open groups' headers, each a
 * button, all inside the one `<g class="scene">` whose transform pans and zooms.
 */
import { nothing, svg, type SVGTemplateResult, type TemplateResult } from "lit";
import type { Lang } from "./i18n/index.js";
import { to } from "./i18n/onnx.js";
import type { LayoutResult, Rect } from "./lib/graph-layout.js";
import { curvePath } from "./lib/graph-path.js";
import { HEADER_HEIGHT, headerText, type BoxFace, type BoxWords } from "./lib/onnx-boxes.js";
import { groupsHoldingHits } from "./lib/onnx-search.js";
import {
  boxKey,
  isExpandable,
  visibleKeyOf,
  type OnnxIndex,
  type VisibleBox,
  type VisibleGraph,
} from "./lib/onnx-view.js";

/** A laid-out view: what was asked for and where the layout put it. */
export interface Shown {
  visible: VisibleGraph;
  faces: Map<string, BoxFace>;
  boxes: Map<string, VisibleBox>;
  rects: Map<string, Rect>;
  /** open groups' frames by group id */
  frames: Map<string, Rect>;
  /** edge labels by `source\0target` */
  labels: Map<string, string>;
  result: LayoutResult;
  /** the boxes arrows move between: boxes and open groups' headers, by key */
  nav: Map<string, Rect>;
  /** keys in reading order, for Home / End */
  order: string[];
}

/** What the drawing shows besides the layout. */
export interface DrawingState {
  index: OnnxIndex;
  shown: Shown;
  open: ReadonlySet<string>;
  /** search matches (box keys) and the current one's position */
  hits: readonly string[];
  hit: number;
  selected: string | null;
  /** the box in the tab order */
  focusKey: string | null;
  lang: Lang;
  words: BoxWords;
}

/** The arrowheads the edges use (`<defs>` of the drawing's `<svg>`). */
export function arrowMarkers(): SVGTemplateResult {
  const marker = (id: string, cls: string) =>
    svg`<marker id=${id} viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse"
      markerWidth="8" markerHeight="8" orient="auto"><path class=${cls} d="M0,0 L10,5 L0,10 z"></path></marker>`;
  return svg`<defs>${marker("onnx-arrow", "arrow")}${marker("onnx-arrow-hot", "arrow hot")}</defs>`;
}

function renderBox(
  s: DrawingState,
  box: VisibleBox,
  hitSet: ReadonlySet<string>,
  holds: ReadonlySet<string>,
  current: string | null,
) {
  const r = s.shown.rects.get(box.key);
  const f = s.shown.faces.get(box.key);
  if (r === undefined || f === undefined) return nothing;
  const { lang, index } = s;
  const { width: w, height: h } = r;
  const cls = [
    "box",
    box.kind === "input" || box.kind === "output" ? "value" : box.kind,
    `fam-${f.family}`,
    hitSet.has(box.key) ? "hit" : "",
    holds.has(box.key) ? "holds" : "",
    current === box.key ? "current" : "",
  ].join(" ");
  const [first, second] = f.lines;
  const expandable = box.kind === "group" && isExpandable(index, box.id);
  let label: string;
  let body: TemplateResult;
  if (box.kind === "group") {
    const g = index.groups.get(box.id);
    label = to(lang, "onnx.box.group", {
      name: g?.id ?? box.id,
      type: g?.type ?? to(lang, "onnx.kind.module"),
      nodes: s.words.nodes(g?.num_nodes ?? 0),
    });
    if (holds.has(box.key)) label += `, ${to(lang, "onnx.box.matches")}`;
    body = svg`<rect class="stack" x="3" y="3" width=${w} height=${h} rx="6"></rect>
      <rect class="shape" width=${w} height=${h} rx="6"></rect>
      <text class="title" x="10" y=${h / 2 - 8}>${first}</text>
      <text class="sub" x="10" y=${h / 2 + 9}>${second ?? ""}</text>
      ${expandable ? svg`<rect class="toggle-hit" x=${w - 26} y="0" width="26" height=${h}></rect><text class="toggle" x=${w - 13} y=${h / 2}>+</text>` : nothing}`;
  } else if (box.kind === "node") {
    const n = index.nodes.get(box.id);
    label = to(lang, "onnx.box.node", {
      op: n?.op_type ?? box.id,
      name: n === undefined || n.name === "" ? to(lang, "onnx.no_name") : n.name,
    });
    body = svg`<rect class="shape" width=${w} height=${h} rx="4"></rect>
      <text class="center" x=${w / 2} y=${h / 2}>${first}</text>`;
  } else {
    // the shape shown on the box is part of its name (WCAG 2.5.3, label in name)
    label = to(lang, box.kind === "input" ? "onnx.box.input" : "onnx.box.output", {
      name: box.id,
    });
    if (second !== null) label += `, ${second}`;
    body = svg`<rect class="shape" width=${w} height=${h} rx=${h / 2}></rect>
      <text class="center" x=${w / 2} y=${h / 2 - 7}>${first}</text>
      <text class="center sub" x=${w / 2} y=${h / 2 + 8}>${second ?? ""}</text>`;
  }
  return svg`<g
    class=${cls}
    transform="translate(${r.x},${r.y})"
    role="button"
    tabindex=${s.focusKey === box.key ? "0" : "-1"}
    aria-label=${label}
    aria-pressed=${s.selected === box.key ? "true" : "false"}
    aria-expanded=${expandable ? "false" : nothing}
    data-key=${box.key}
    data-kind=${box.kind}
    data-id=${box.id}
  ><title>${f.title}</title><rect class="ring" x="-4" y="-4" width=${w + 8} height=${h + 8} rx="8"></rect>${body}</g>`;
}

function renderHeader(
  s: DrawingState,
  id: string,
  r: Rect,
  hitSet: ReadonlySet<string>,
  current: string | null,
) {
  const { index, lang } = s;
  const key = boxKey("group", id);
  const g = index.groups.get(id);
  const cls = [
    "box",
    "header",
    hitSet.has(key) ? "hit" : "",
    current === key ? "current" : "",
  ].join(" ");
  const type = g?.type ?? to(lang, "onnx.kind.module");
  return svg`<g
    class=${cls}
    transform="translate(${r.x},${r.y})"
    role="button"
    tabindex=${s.focusKey === key ? "0" : "-1"}
    aria-label=${to(lang, "onnx.box.expanded", { name: id, type })}
    aria-pressed=${s.selected === key ? "true" : "false"}
    aria-expanded="true"
    data-key=${key}
    data-kind="header"
    data-id=${id}
  ><title>${id}${g?.type == null ? "" : `\n${g.type}`}</title>
    <rect class="ring" x="-2" y="-2" width=${r.width + 4} height=${HEADER_HEIGHT + 4} rx="6"></rect>
    <rect class="hitbar" width=${r.width} height=${HEADER_HEIGHT} rx="6"></rect>
    <rect class="toggle-hit" width="22" height=${HEADER_HEIGHT}></rect>
    <text class="toggle" x="11" y=${HEADER_HEIGHT / 2}>−</text>
    <text x="22" y=${HEADER_HEIGHT / 2}>${headerText(index, id, r.width)}</text></g>`;
}

/** The scene: frames, edges, their labels, then headers and boxes (drawn last, on top). */
export function renderScene(s: DrawingState): SVGTemplateResult {
  const { index, shown, open } = s;
  const hitSet = new Set(s.hits);
  const holds = groupsHoldingHits(index, open, s.hits);
  const current = s.hits[s.hit] ?? null;
  const currentShown = current === null ? null : visibleKeyOf(index, open, current);
  const sel = s.selected === null ? null : visibleKeyOf(index, open, s.selected);
  const depth = (id: string): number => (index.chains.get(id)?.length ?? 1) - 1;
  const frames = shown.visible.clusters.map((c) => {
    const r = shown.frames.get(c.id);
    return r === undefined
      ? nothing
      : svg`<rect class=${depth(c.id) % 2 === 1 ? "frame odd" : "frame"} x=${r.x} y=${r.y} width=${r.width} height=${r.height} rx="8" data-frame=${c.id}></rect>`;
  });
  const edges = shown.result.links.map((l) => {
    const hot = sel !== null && (l.source === sel || l.target === sel);
    return svg`<path class=${hot ? "edge hot" : "edge"} d=${curvePath(l.points)} marker-end=${hot ? "url(#onnx-arrow-hot)" : "url(#onnx-arrow)"}></path>`;
  });
  const labels = shown.result.links.map((l) => {
    const text = shown.labels.get(`${l.source}\u0000${l.target}`);
    const at = l.label;
    return text === undefined || at === null
      ? nothing
      : svg`<text class="elabel" x=${at[0]} y=${at[1]}>${text}</text>`;
  });
  const headers = shown.visible.clusters.map((c) => {
    const r = shown.frames.get(c.id);
    return r === undefined ? nothing : renderHeader(s, c.id, r, hitSet, currentShown);
  });
  const boxes = shown.visible.boxes.map((b) => renderBox(s, b, hitSet, holds, currentShown));
  return svg`<g class="scene">
    <g class="frames" aria-hidden="true">${frames}</g>
    <g class="edges" aria-hidden="true">${edges}</g>
    <g class="labels" aria-hidden="true">${labels}</g>
    <g class="boxes">${headers}${boxes}</g>
  </g>`;
}
