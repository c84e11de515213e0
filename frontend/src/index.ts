/**
 * fitscope's web components. Importing this module defines every element (guarded: loading it
 * twice is harmless): `<train-app>`, `<train-overview>`, `<train-model>`, `<train-system>`,
 * `<embedding-projector>` (whose insides load from `fitscope-projector.js` when one is shown),
 * `<train-findings>` (the diagnostics' findings) and the building blocks `<train-line-chart>`,
 * `<train-histogram>`, `<train-hist-panel>`, `<train-hist-ridges>`, `<train-iteration-slider>`,
 * `<train-layer-graph>`. The public names are listed in
 * docs/web-components.md (the findings' in docs/findings-ui.md).
 */

export type * from "./types/records.js";
export type * from "./api-types.js";
export { formatFloatValue, parseFloatValue } from "./values.js";
export { VERSION } from "./define.js";
export { LANGUAGES, t, resolveLang } from "./i18n/index.js";
export { TrainApp } from "./train-app.js";
export { TrainOverview } from "./train-overview.js";
export { TrainModel } from "./train-model.js";
export { TrainSystem } from "./train-system.js";
export { TrainFindings } from "./train-findings.js";
export { TrainLineChart } from "./train-line-chart.js";
export { TrainHistogram } from "./train-histogram.js";
export { TrainHistPanel } from "./train-hist-panel.js";
export { TrainHistRidges } from "./train-hist-ridges.js";
export { TrainIterationSlider } from "./train-iteration-slider.js";
export { TrainLayerGraph } from "./train-layer-graph.js";
export { EmbeddingProjector } from "./embedding-projector.js";
