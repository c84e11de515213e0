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

export const chartsKo: ChartsCatalogue = {
  "charts.x_axis": "X축",
  "charts.x.iteration": "반복",
  "charts.x.wall": "실제 시각",
  "charts.x.relative": "상대 시간",
  "charts.x.relative_title": "시작 이후 경과 시간",
  "charts.x.no_times": "이 차트의 값에는 시각 정보가 없으므로 반복 기준으로 그립니다.",
  "charts.smoothing": "평활화",
  "charts.smoothed": "{label}(평활화)",
  "charts.download": "다운로드",
  "charts.download.csv": "저장된 값을 CSV로 다운로드",
  "charts.download.json": "저장된 값을 JSON으로 다운로드",
  "charts.download.failed": "다운로드에 실패했습니다: {message}",
};

export const chartsRu: ChartsCatalogue = {
  "charts.x_axis": "Ось X",
  "charts.x.iteration": "Итерация",
  "charts.x.wall": "Время",
  "charts.x.relative": "Относительное время",
  "charts.x.relative_title": "Время с начала",
  "charts.x.no_times":
    "У значений этого графика нет отметок времени, поэтому он строится по итерациям.",
  "charts.smoothing": "Сглаживание",
  "charts.smoothed": "{label} (сглаженное)",
  "charts.download": "Скачать",
  "charts.download.csv": "Скачать сохранённые значения в CSV",
  "charts.download.json": "Скачать сохранённые значения в JSON",
  "charts.download.failed": "Не удалось скачать: {message}",
};

/** The catalogue of each language of the menu (i18n/index.ts `LANGUAGES`). */
export const CHARTS_CATALOGUES: Readonly<Record<Lang, Partial<Record<ChartsKey, string>>>> = {
  en: chartsEn,
  zh: chartsZh,
  de: chartsDe,
  ja: chartsJa,
  ko: chartsKo,
  ru: chartsRu,
};

/** The charts message `key` in `lang` (English when missing), placeholders filled. */
export function tc(
  lang: Lang,
  key: ChartsKey,
  params?: Readonly<Record<string, string | number>>,
): string {
  return fill(CHARTS_CATALOGUES[lang][key] ?? chartsEn[key], params);
}
