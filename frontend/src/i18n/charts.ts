/**
 * The line charts' tools: x-axis menu, smoothing slider, downloads; English and Simplified
 * Chinese.
 *
 * A catalogue of its own, like the ONNX view's (i18n/onnx.ts), so that en.ts / zh.ts stay the
 * shell's and the pages' words. English defines the keys, `ChartsCatalogue` makes a missing
 * Chinese key a type error, test/charts-i18n.test.ts checks keys and placeholders, and a key
 * missing at run time falls back to English.
 */
import { fill, type Lang } from "./index.js";

export const chartsEn = {
  "charts.x_axis": "X axis",
  "charts.x.iteration": "Iteration",
  "charts.x.wall": "Wall time",
  "charts.x.relative": "Relative time",
  "charts.x.relative_title": "Time since start",
  "charts.x.no_times":
    "This chart's values carry no wall-clock times, so it is drawn by iteration.",
  "charts.smoothing": "Smoothing",
  "charts.smoothed": "{label} (smoothed)",
  "charts.download": "Download",
  "charts.download.csv": "Download CSV of the stored values",
  "charts.download.json": "Download JSON of the stored values",
  "charts.download.failed": "The download failed: {message}",
} as const;

/** A charts catalogue: every key of the English one. */
export type ChartsCatalogue = { readonly [K in keyof typeof chartsEn]: string };

/** A key of the charts catalogues. */
export type ChartsKey = keyof typeof chartsEn;

export const chartsZh: ChartsCatalogue = {
  "charts.x_axis": "横轴",
  "charts.x.iteration": "迭代",
  "charts.x.wall": "挂钟时间",
  "charts.x.relative": "相对时间",
  "charts.x.relative_title": "自开始以来的时间",
  "charts.x.no_times": "此图的数值没有记录挂钟时间，因此按迭代绘制。",
  "charts.smoothing": "平滑",
  "charts.smoothed": "{label}（平滑）",
  "charts.download": "下载",
  "charts.download.csv": "下载存储值的 CSV",
  "charts.download.json": "下载存储值的 JSON",
  "charts.download.failed": "下载失败：{message}",
};

export const chartsDe: ChartsCatalogue = {
  "charts.x_axis": "X-Achse",
  "charts.x.iteration": "Iteration",
  "charts.x.wall": "Uhrzeit",
  "charts.x.relative": "Relative Zeit",
  "charts.x.relative_title": "Zeit seit dem Start",
  "charts.x.no_times":
    "Die Werte dieses Diagramms tragen keine Uhrzeiten, daher wird es nach Iteration gezeichnet.",
  "charts.smoothing": "Glättung",
  "charts.smoothed": "{label} (geglättet)",
  "charts.download": "Herunterladen",
  "charts.download.csv": "Gespeicherte Werte als CSV herunterladen",
  "charts.download.json": "Gespeicherte Werte als JSON herunterladen",
  "charts.download.failed": "Der Download ist fehlgeschlagen: {message}",
};

export const chartsJa: ChartsCatalogue = {
  "charts.x_axis": "X 軸",
  "charts.x.iteration": "イテレーション",
  "charts.x.wall": "実時間",
  "charts.x.relative": "相対時間",
  "charts.x.relative_title": "開始からの時間",
  "charts.x.no_times": "このチャートの値には実時間の記録がないため、イテレーションで描画します。",
  "charts.smoothing": "平滑化",
  "charts.smoothed": "{label}（平滑化）",
  "charts.download": "ダウンロード",
  "charts.download.csv": "保存された値を CSV でダウンロード",
  "charts.download.json": "保存された値を JSON でダウンロード",
  "charts.download.failed": "ダウンロードに失敗しました: {message}",
};

/** The catalogue of each language of the menu (i18n/index.ts `LANGUAGES`). */
export const CHARTS_CATALOGUES: Readonly<Record<Lang, Partial<Record<ChartsKey, string>>>> = {
  en: chartsEn,
  zh: chartsZh,
  de: chartsDe,
  ja: chartsJa,
};

/** The charts message `key` in `lang` (English when missing), placeholders filled. */
export function tc(
  lang: Lang,
  key: ChartsKey,
  params?: Readonly<Record<string, string | number>>,
): string {
  return fill(CHARTS_CATALOGUES[lang][key] ?? chartsEn[key], params);
}
