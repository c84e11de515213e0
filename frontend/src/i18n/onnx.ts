/**
 * The ONNX graph view's messages, English and Simplified Chinese.
 *
 * A catalogue of their own, like the projector's (i18n/projector.ts): the view lives in a chunk
 * loaded only where a session has an ONNX graph (docs/web-components.md, "The ONNX graph"), and
 * en.ts / zh.ts are part of the core bundle. English defines the keys, `OnnxCatalogue` makes a
 * missing Chinese key a type error, test/onnx-i18n.test.ts checks keys and placeholders, and a
 * key missing at run time falls back to English.
 */
import { fill, type Lang } from "./index.js";

export const onnxEn = {
  "onnx.graph": "ONNX graph of {count} nodes",
  "onnx.search": "Search nodes by name or op type",
  "onnx.search.placeholder": "Search name or op type",
  "onnx.search.count": "{index} of {count}",
  "onnx.search.none": "No matches",
  "onnx.zoom_in": "Zoom in",
  "onnx.zoom_out": "Zoom out",
  "onnx.fit": "Fit",
  "onnx.collapse_all": "Collapse all",
  "onnx.laying_out": "Laying out…",
  "onnx.layout_failed": "The graph could not be laid out: {message}",
  "onnx.empty": "This ONNX graph has no nodes.",
  "onnx.help":
    "Drag to pan, wheel to zoom. Arrow keys move between boxes; Enter or Space opens a group or selects a node; Escape closes the group around it.",
  "onnx.nodes": "{count} nodes",
  "onnx.nodes_one": "1 node",
  "onnx.box.node": "{op} node {name}",
  "onnx.box.group": "{name}, {type}, {nodes}",
  "onnx.box.expanded": "{name}, {type}, open group",
  "onnx.box.input": "Graph input {name}",
  "onnx.box.output": "Graph output {name}",
  "onnx.box.matches": "contains matches",
  "onnx.panel.model": "ONNX model",
  "onnx.panel.node": "Node",
  "onnx.panel.group": "Group",
  "onnx.panel.value": "Graph value",
  "onnx.op_type": "Op type",
  "onnx.name": "Name",
  "onnx.no_name": "(no name)",
  "onnx.domain": "Domain",
  "onnx.group": "Group",
  "onnx.layer": "Layer statistics",
  "onnx.layer.none": "none: no group around it is a layer of the session",
  "onnx.type": "Module type",
  "onnx.kind": "Kind",
  "onnx.kind.module": "module",
  "onnx.kind.subgraph": "subgraph",
  "onnx.num_nodes": "Nodes",
  "onnx.parameters": "Parameters",
  "onnx.attributes": "Attributes",
  "onnx.inputs": "Inputs",
  "onnx.outputs": "Outputs",
  "onnx.initializer": "initializer",
  "onnx.none": "none",
  "onnx.expand": "Open",
  "onnx.collapse": "Close",
  "onnx.source": "Source",
  "onnx.producer": "Producer",
  "onnx.ir_version": "IR version",
  "onnx.opsets": "Opsets",
  "onnx.num_parameters": "Parameter elements",
  "onnx.grouping": "Groups from",
  "onnx.grouping.name_scopes": "the exporter's module scopes",
  "onnx.grouping.node_names": "node names (/layer1/layer1.0/conv1/Conv)",
  "onnx.grouping.initializers": "initializer names",
  "onnx.grouping.none": "nothing: the file records no modules",
  "onnx.unmatched": "Parameters outside the graph",
  "onnx.hint": "Select a box to see its details. A group that is a layer shows its statistics.",
} as const;

/** An ONNX view catalogue: every key of the English one. */
export type OnnxCatalogue = { readonly [K in keyof typeof onnxEn]: string };

/** A key of the ONNX view catalogues. */
export type OnnxKey = keyof typeof onnxEn;

export const onnxZh: OnnxCatalogue = {
  "onnx.graph": "ONNX 计算图，共 {count} 个节点",
  "onnx.search": "按名称或算子类型搜索节点",
  "onnx.search.placeholder": "搜索名称或算子类型",
  "onnx.search.count": "第 {index} 个，共 {count} 个",
  "onnx.search.none": "无匹配",
  "onnx.zoom_in": "放大",
  "onnx.zoom_out": "缩小",
  "onnx.fit": "适应窗口",
  "onnx.collapse_all": "全部折叠",
  "onnx.laying_out": "布局中…",
  "onnx.layout_failed": "无法布局计算图：{message}",
  "onnx.empty": "此 ONNX 计算图没有节点。",
  "onnx.help":
    "拖动以平移，滚轮缩放。方向键在方框间移动；Enter 或空格展开分组或选中节点；Escape 折叠所在分组。",
  "onnx.nodes": "{count} 个节点",
  "onnx.nodes_one": "1 个节点",
  "onnx.box.node": "{op} 节点 {name}",
  "onnx.box.group": "{name}，{type}，{nodes}",
  "onnx.box.expanded": "{name}，{type}，已展开的分组",
  "onnx.box.input": "图输入 {name}",
  "onnx.box.output": "图输出 {name}",
  "onnx.box.matches": "包含匹配项",
  "onnx.panel.model": "ONNX 模型",
  "onnx.panel.node": "节点",
  "onnx.panel.group": "分组",
  "onnx.panel.value": "图的值",
  "onnx.op_type": "算子类型",
  "onnx.name": "名称",
  "onnx.no_name": "（无名称）",
  "onnx.domain": "域",
  "onnx.group": "分组",
  "onnx.layer": "层统计",
  "onnx.layer.none": "无：其所在分组都不是本会话的层",
  "onnx.type": "模块类型",
  "onnx.kind": "种类",
  "onnx.kind.module": "模块",
  "onnx.kind.subgraph": "子图",
  "onnx.num_nodes": "节点",
  "onnx.parameters": "参数",
  "onnx.attributes": "属性",
  "onnx.inputs": "输入",
  "onnx.outputs": "输出",
  "onnx.initializer": "初始化器",
  "onnx.none": "无",
  "onnx.expand": "展开",
  "onnx.collapse": "折叠",
  "onnx.source": "来源",
  "onnx.producer": "生成工具",
  "onnx.ir_version": "IR 版本",
  "onnx.opsets": "算子集",
  "onnx.num_parameters": "参数元素数",
  "onnx.grouping": "分组依据",
  "onnx.grouping.name_scopes": "导出器记录的模块作用域",
  "onnx.grouping.node_names": "节点名称（/layer1/layer1.0/conv1/Conv）",
  "onnx.grouping.initializers": "初始化器名称",
  "onnx.grouping.none": "无：文件未记录模块",
  "onnx.unmatched": "图之外的参数",
  "onnx.hint": "选择一个方框查看详情。属于层的分组会显示该层的统计。",
};

const CATALOGUES: Readonly<Record<Lang, Partial<Record<OnnxKey, string>>>> = {
  en: onnxEn,
  zh: onnxZh,
};

/** The ONNX view message `key` in `lang` (English when missing), placeholders filled. */
export function to(
  lang: Lang,
  key: OnnxKey,
  params?: Readonly<Record<string, string | number>>,
): string {
  return fill(CATALOGUES[lang][key] ?? onnxEn[key], params);
}
