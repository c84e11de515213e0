/**
 * What each box of the ONNX graph view says and how big it is: the lines of text, the size the
 * layout reserves for it (from the text's length: the layout runs in a worker, which cannot
 * measure text), its colour family and its tooltip. Pure; the words that need a language come
 * from the caller.
 */
import { opFamily, layerFamily, type LayerFamily } from "./graph-family.js";
import {
  edgeLabel,
  formatShape,
  type OnnxIndex,
  type VisibleBox,
  type VisibleEdge,
} from "./onnx-view.js";

/** Box heights (px): a node, a collapsed group (two lines), a graph input or output. */
export const NODE_HEIGHT = 28;
export const GROUP_HEIGHT = 42;
export const VALUE_HEIGHT = 34;
/** The height of an open group's header, across the top of its frame. */
export const HEADER_HEIGHT = 20;
/** The height reserved for an edge's label. */
export const LABEL_HEIGHT = 12;

/** Average advance of a character (px) at the view's font sizes: 12 px, 11 px, 10 px. */
const CHAR_12 = 7;
const CHAR_11 = 6.4;
const CHAR_10 = 5.8;
/** Characters of a line before it is cut with an ellipsis. */
export const MAX_CHARS = 32;

/** `text` cut to {@link MAX_CHARS} characters, an ellipsis ending a cut one. */
export function clip(text: string, max = MAX_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** What a box shows. */
export interface BoxFace {
  /** First line (bold for groups), second line (muted) or null. */
  lines: [string, string | null];
  width: number;
  height: number;
  /** Colour family: by op type for nodes, by module type for groups; `value` for inputs and outputs. */
  family: LayerFamily | "value";
  /** Tooltip: the full names the lines may cut. */
  title: string;
}

/** The words a box needs in the page's language. */
export interface BoxWords {
  /** "3 nodes" */
  nodes: (count: number) => string;
  /** "(no name)" */
  noName: string;
}

const widthFor = (min: number, max: number, px: number): number =>
  Math.round(Math.min(max, Math.max(min, px)));

/** The face of a box. */
export function boxFace(index: OnnxIndex, box: VisibleBox, words: BoxWords): BoxFace {
  if (box.kind === "node") {
    const n = index.nodes.get(box.id);
    const op = n?.op_type ?? box.id;
    const name = n === undefined || n.name === "" ? words.noName : n.name;
    const domain = n !== undefined && n.domain !== "" ? `${n.domain}.` : "";
    return {
      lines: [clip(op), null],
      width: widthFor(48, 220, clip(op).length * CHAR_12 + 22),
      height: NODE_HEIGHT,
      family: opFamily(op),
      title: `${domain}${op}\n${name}`,
    };
  }
  if (box.kind === "group") {
    const g = index.groups.get(box.id);
    const name = g?.name === undefined || g.name === "" ? box.id : g.name;
    const count = words.nodes(g?.num_nodes ?? 0);
    const sub = g?.type === null || g?.type === undefined ? count : `${g.type} · ${count}`;
    const first = clip(name);
    const second = clip(sub, MAX_CHARS + 6);
    return {
      lines: [first, second],
      // room on the right for the +/− toggle
      width: widthFor(88, 280, Math.max(first.length * CHAR_12, second.length * CHAR_11) + 40),
      height: GROUP_HEIGHT,
      family: g?.type === null || g?.type === undefined ? "other" : layerFamily(g.type),
      title:
        g?.type === null || g?.type === undefined
          ? `${box.id}\n${count}`
          : `${box.id}\n${g.type}\n${count}`,
    };
  }
  const v = index.values.get(box.id);
  const shape = formatShape(v?.shape ?? null);
  const second = shape === null ? (v?.dtype ?? null) : clip(shape, MAX_CHARS + 6);
  const first = clip(box.id);
  return {
    lines: [first, second],
    width: widthFor(
      64,
      260,
      Math.max(first.length * CHAR_12, (second ?? "").length * CHAR_11) + 28,
    ),
    height: VALUE_HEIGHT,
    family: "value",
    title: `${box.id}${v?.dtype == null ? "" : `\n${v.dtype}`}${shape === null ? "" : ` ${shape}`}`,
  };
}

/** An edge's label (its value's shape, cut) and the room the layout keeps for it. */
export function linkLabel(
  index: OnnxIndex,
  edge: VisibleEdge,
): { text: string; width: number; height: number } | null {
  const label = edgeLabel(index, edge);
  if (label === null) return null;
  const text = clip(label, 28);
  return { text, width: Math.round(text.length * CHAR_10 + 6), height: LABEL_HEIGHT };
}

/**
 * An open group's header for a frame `width` px wide: `name · type`, or the name alone when
 * both do not fit (cut when even that does not).
 */
export function headerText(index: OnnxIndex, group: string, width = Infinity): string {
  const g = index.groups.get(group);
  const name = g?.name === undefined || g.name === "" ? group : g.name;
  const fits = Math.max(4, Math.floor((width - 28) / CHAR_11));
  const full = g?.type === null || g?.type === undefined ? name : `${name} · ${g.type}`;
  return clip(full.length <= fits ? full : name, Math.min(40, fits));
}
