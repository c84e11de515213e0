/**
 * The details panel of `<onnx-graph-view>`: what the selected box is. A node: op type, name,
 * domain, group, the layer whose statistics it shows, attributes, inputs and outputs with
 * dtypes and shapes. A group: its module type, the layer, node count and parameters, with an
 * Open / Close button. A graph input or output: its type. Nothing selected: the model (source,
 * producer, opsets, sizes, where the groups came from).
 *
 * Tables are `data-table="onnx-node" | "onnx-attributes" | "onnx-inputs" | "onnx-outputs" |
 * "onnx-group" | "onnx-parameters" | "onnx-value" | "onnx-model"`, a row per fact (`data-key`).
 */
import { html, nothing, type TemplateResult } from "lit";
import type { OnnxViewValue } from "./api-types.js";
import type { Lang } from "./i18n/index.js";
import { to } from "./i18n/onnx.js";
import { infoTable, type InfoRow } from "./info-table.js";
import { formatInteger } from "./lib/format.js";
import {
  formatOnnxAttribute,
  formatValueType,
  isExpandable,
  layerOf,
  parseBoxKey,
  type OnnxIndex,
} from "./lib/onnx-view.js";

/** What the panel can ask the view to do. */
export interface PanelActions {
  /** open or close a group */
  toggle: (group: string) => void;
  /** select a box (the group around a node) */
  select: (key: string) => void;
}

/** The panel for `selected` (a box key), or the model's when nothing is selected. */
export function renderPanel(
  index: OnnxIndex,
  selected: string | null,
  expanded: ReadonlySet<string>,
  lang: Lang,
  actions: PanelActions,
): TemplateResult {
  if (selected === null) return modelPanel(index, lang);
  const { kind, id } = parseBoxKey(selected);
  if (kind === "node") return nodePanel(index, id, lang, actions);
  if (kind === "group") return groupPanel(index, id, expanded, lang, actions);
  return valuePanel(index, id, kind, lang);
}

const valueRows = (values: readonly OnnxViewValue[], lang: Lang): InfoRow[] =>
  values.map((v, i): InfoRow => [
    String(i),
    v.name === "" ? to(lang, "onnx.none") : v.name,
    v.name === ""
      ? "—"
      : `${formatValueType(v)}${v.initializer ? ` (${to(lang, "onnx.initializer")})` : ""}`,
  ]);

function layerRow(index: OnnxIndex, key: string, lang: Lang): InfoRow {
  return ["layer", to(lang, "onnx.layer"), layerOf(index, key) ?? to(lang, "onnx.layer.none")];
}

function nodePanel(
  index: OnnxIndex,
  id: string,
  lang: Lang,
  actions: PanelActions,
): TemplateResult {
  const n = index.nodes.get(id);
  if (n === undefined) return html``;
  const group = index.groupOfNode.get(id) ?? null;
  const attributes = Object.entries(n.attributes).map(([k, v]): InfoRow => [
    `attr.${k}`,
    k,
    formatOnnxAttribute(v),
  ]);
  return html`<h3>${to(lang, "onnx.panel.node")}: ${n.op_type}</h3>
    ${infoTable("onnx-node", [
      ["op_type", to(lang, "onnx.op_type"), n.op_type],
      ["name", to(lang, "onnx.name"), n.name === "" ? to(lang, "onnx.no_name") : n.name],
      ...(n.domain === "" ? [] : [["domain", to(lang, "onnx.domain"), n.domain] as InfoRow]),
      ["group", to(lang, "onnx.group"), group],
      layerRow(index, `n:${id}`, lang),
    ])}
    ${
      group === null
        ? nothing
        : html`<div class="actions">
            <button
              type="button"
              data-action="select-group"
              @click=${() => actions.select(`g:${group}`)}
            >
              ${to(lang, "onnx.group")}: ${index.groups.get(group)?.name ?? group}
            </button>
          </div>`
    }
    ${
      attributes.length === 0
        ? nothing
        : html`<h3>${to(lang, "onnx.attributes")}</h3>
            ${infoTable("onnx-attributes", attributes)}`
    }
    <h3>${to(lang, "onnx.inputs")}</h3>
    ${infoTable("onnx-inputs", valueRows(n.inputs, lang))}
    <h3>${to(lang, "onnx.outputs")}</h3>
    ${infoTable("onnx-outputs", valueRows(n.outputs, lang))}`;
}

function groupPanel(
  index: OnnxIndex,
  id: string,
  expanded: ReadonlySet<string>,
  lang: Lang,
  actions: PanelActions,
): TemplateResult {
  const g = index.groups.get(id);
  if (g === undefined) return html``;
  const open = expanded.has(id);
  const params = g.parameters.map((p): InfoRow => {
    const v = index.values.get(p);
    return [p, p, v === undefined ? "—" : formatValueType(v)];
  });
  return html`<h3>${to(lang, "onnx.panel.group")}: ${g.name}</h3>
    ${infoTable("onnx-group", [
      ["name", to(lang, "onnx.name"), g.id],
      ["type", to(lang, "onnx.type"), g.type],
      [
        "kind",
        to(lang, "onnx.kind"),
        to(lang, g.kind === "subgraph" ? "onnx.kind.subgraph" : "onnx.kind.module"),
      ],
      layerRow(index, `g:${id}`, lang),
      ["num_nodes", to(lang, "onnx.num_nodes"), formatInteger(g.num_nodes)],
      ["parameters", to(lang, "onnx.parameters"), formatInteger(g.parameters.length)],
    ])}
    ${
      isExpandable(index, id)
        ? html`<div class="actions">
            <button
              type="button"
              data-action="toggle"
              aria-expanded=${open ? "true" : "false"}
              @click=${() => actions.toggle(id)}
            >
              ${to(lang, open ? "onnx.collapse" : "onnx.expand")}
            </button>
          </div>`
        : nothing
    }
    ${
      params.length === 0
        ? nothing
        : html`<h3>${to(lang, "onnx.parameters")}</h3>
            ${infoTable("onnx-parameters", params)}`
    }`;
}

function valuePanel(
  index: OnnxIndex,
  name: string,
  kind: "input" | "output",
  lang: Lang,
): TemplateResult {
  const v = index.values.get(name);
  return html`<h3>
      ${to(lang, kind === "input" ? "onnx.box.input" : "onnx.box.output", { name })}
    </h3>
    ${infoTable("onnx-value", [
      ["name", to(lang, "onnx.name"), name],
      ["type", to(lang, "onnx.type"), v === undefined ? null : formatValueType(v)],
    ])}`;
}

function modelPanel(index: OnnxIndex, lang: Lang): TemplateResult {
  const v = index.view;
  const opsets = Object.entries(v.opsets)
    .map(([domain, version]) => `${domain === "" ? "ai.onnx" : domain} ${version}`)
    .join(", ");
  return html`<h3>${to(lang, "onnx.panel.model")}</h3>
    ${infoTable("onnx-model", [
      ["source", to(lang, "onnx.source"), v.source],
      ["producer", to(lang, "onnx.producer"), v.producer],
      ["ir_version", to(lang, "onnx.ir_version"), String(v.ir_version)],
      ["opsets", to(lang, "onnx.opsets"), opsets === "" ? null : opsets],
      ["num_nodes", to(lang, "onnx.num_nodes"), formatInteger(v.num_nodes)],
      ["num_parameters", to(lang, "onnx.num_parameters"), formatInteger(v.num_parameters)],
      ["grouping", to(lang, "onnx.grouping"), to(lang, `onnx.grouping.${v.grouping}`)],
      ...(v.unmatched_parameters.length === 0
        ? []
        : [
            ["unmatched", to(lang, "onnx.unmatched"), v.unmatched_parameters.join(", ")] as InfoRow,
          ]),
    ])}
    <p class="muted">${to(lang, "onnx.hint")}</p>`;
}
