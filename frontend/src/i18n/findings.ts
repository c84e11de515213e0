/**
 * The diagnostics' messages (the shell's badge, `<train-findings>`, the score chart's markers),
 * English and Simplified Chinese.
 *
 * A catalogue of their own, like the projector's and the ONNX view's, so the findings' words
 * sit together; unlike theirs it is part of the core bundle (the badge is in the shell). A
 * finding's message and advice are not here: the server sends them in the asked language. The
 * rules are the core catalogues': English defines the keys, `FindingsCatalogue` makes a missing
 * key of another language a type error, test/findings.test.ts checks keys and placeholders for
 * every language of the menu, and a key missing at run time falls back to English.
 */
import { fill, type Lang } from "./index.js";

export const findingsEn = {
  "findings.title": "Diagnostics",
  "findings.counts": "{error} errors · {warning} warnings · {info} info",
  "findings.none": "No findings",
  "findings.none_layer": "No findings for this layer",
  "findings.checked": "{count} reports checked against the debugging guide.",
  "findings.loading": "Loading…",
  "findings.error": "Error: {message}",
  "findings.severity.error": "Error",
  "findings.severity.warning": "Warning",
  "findings.severity.info": "Info",
  "findings.iterations": "Iterations {first}–{last}",
  "findings.iteration": "Iteration {first}",
  "findings.noticed": "flagged at {iteration}",
  "findings.layer": "Layer",
  "findings.parameter": "Parameter",
  "findings.open_layer": "Open layer {layer} on the model page",
  "findings.advice": "Advice",
  "findings.evidence": "Evidence",
  "findings.badge.warnings": "{count} diagnostics warnings",
  "findings.badge.warning_one": "1 diagnostics warning",
  "findings.badge.errors": "{count} diagnostics errors",
  "findings.badge.error_one": "1 diagnostics error",
  "findings.badge.mixed": "{count} diagnostics warnings and errors",
  "findings.marker": "{severity}: {message} (iteration {iteration})",
  "findings.marker_worker": "{worker} — {marker}",
  "findings.workers_counts":
    "{error} errors · {warning} warnings · {info} info in {workers} workers",
  "findings.badge.all_workers": "{label} (all workers)",
} as const;

/** A findings catalogue: every key of the English one. */
export type FindingsCatalogue = { readonly [K in keyof typeof findingsEn]: string };

/** A key of the findings catalogues. */
export type FindingsKey = keyof typeof findingsEn;

export const findingsZh: FindingsCatalogue = {
  "findings.title": "诊断",
  "findings.counts": "{error} 个错误 · {warning} 个警告 · {info} 条提示",
  "findings.none": "没有发现问题",
  "findings.none_layer": "该层没有发现问题",
  "findings.checked": "已按调试指南检查 {count} 个报告。",
  "findings.loading": "加载中…",
  "findings.error": "错误：{message}",
  "findings.severity.error": "错误",
  "findings.severity.warning": "警告",
  "findings.severity.info": "提示",
  "findings.iterations": "迭代 {first}–{last}",
  "findings.iteration": "迭代 {first}",
  "findings.noticed": "在 {iteration} 处发现",
  "findings.layer": "层",
  "findings.parameter": "参数",
  "findings.open_layer": "在模型页打开层 {layer}",
  "findings.advice": "建议",
  "findings.evidence": "依据",
  "findings.badge.warnings": "{count} 条诊断警告",
  "findings.badge.warning_one": "1 条诊断警告",
  "findings.badge.errors": "{count} 条诊断错误",
  "findings.badge.error_one": "1 条诊断错误",
  "findings.badge.mixed": "{count} 条诊断警告和错误",
  "findings.marker": "{severity}：{message}（迭代 {iteration}）",
  "findings.marker_worker": "{worker} — {marker}",
  "findings.workers_counts":
    "{workers} 个工作节点：{error} 个错误 · {warning} 个警告 · {info} 条提示",
  "findings.badge.all_workers": "{label}（全部工作节点）",
};

export const findingsDe: FindingsCatalogue = {
  "findings.title": "Diagnose",
  "findings.counts": "{error} Fehler · {warning} Warnungen · {info} Hinweise",
  "findings.none": "Keine Befunde",
  "findings.none_layer": "Keine Befunde für diese Schicht",
  "findings.checked": "{count} Berichte anhand des Debugging-Leitfadens geprüft.",
  "findings.loading": "Wird geladen…",
  "findings.error": "Fehler: {message}",
  "findings.severity.error": "Fehler",
  "findings.severity.warning": "Warnung",
  "findings.severity.info": "Hinweis",
  "findings.iterations": "Iterationen {first}–{last}",
  "findings.iteration": "Iteration {first}",
  "findings.noticed": "erkannt bei {iteration}",
  "findings.layer": "Schicht",
  "findings.parameter": "Parameter",
  "findings.open_layer": "Schicht {layer} auf der Modellseite öffnen",
  "findings.advice": "Empfehlung",
  "findings.evidence": "Belege",
  "findings.badge.warnings": "{count} Diagnosewarnungen",
  "findings.badge.warning_one": "1 Diagnosewarnung",
  "findings.badge.errors": "{count} Diagnosefehler",
  "findings.badge.error_one": "1 Diagnosefehler",
  "findings.badge.mixed": "{count} Diagnosewarnungen und -fehler",
  "findings.marker": "{severity}: {message} (Iteration {iteration})",
  "findings.marker_worker": "{worker} — {marker}",
  "findings.workers_counts":
    "{error} Fehler · {warning} Warnungen · {info} Hinweise in {workers} Workern",
  "findings.badge.all_workers": "{label} (alle Worker)",
};

export const findingsJa: FindingsCatalogue = {
  "findings.title": "診断",
  "findings.counts": "エラー {error} 件 · 警告 {warning} 件 · 情報 {info} 件",
  "findings.none": "検出事項なし",
  "findings.none_layer": "このレイヤーの検出事項なし",
  "findings.checked": "{count} 件の報告をデバッグガイドに照らして確認しました。",
  "findings.loading": "読み込み中…",
  "findings.error": "エラー: {message}",
  "findings.severity.error": "エラー",
  "findings.severity.warning": "警告",
  "findings.severity.info": "情報",
  "findings.iterations": "イテレーション {first}–{last}",
  "findings.iteration": "イテレーション {first}",
  "findings.noticed": "{iteration} で検出",
  "findings.layer": "レイヤー",
  "findings.parameter": "パラメータ",
  "findings.open_layer": "モデルページでレイヤー {layer} を開く",
  "findings.advice": "対処",
  "findings.evidence": "根拠",
  "findings.badge.warnings": "診断の警告 {count} 件",
  "findings.badge.warning_one": "診断の警告 1 件",
  "findings.badge.errors": "診断のエラー {count} 件",
  "findings.badge.error_one": "診断のエラー 1 件",
  "findings.badge.mixed": "診断の警告とエラー {count} 件",
  "findings.marker": "{severity}: {message}（イテレーション {iteration}）",
  "findings.marker_worker": "{worker} — {marker}",
  "findings.workers_counts":
    "{workers} ワーカーの合計: エラー {error} 件 · 警告 {warning} 件 · 情報 {info} 件",
  "findings.badge.all_workers": "{label}（すべてのワーカー）",
};

export const findingsKo: FindingsCatalogue = {
  "findings.title": "진단",
  "findings.counts": "오류 {error}개 · 경고 {warning}개 · 정보 {info}개",
  "findings.none": "발견된 문제 없음",
  "findings.none_layer": "이 레이어에 대해 발견된 문제 없음",
  "findings.checked": "보고 {count}개를 디버깅 가이드에 따라 검사했습니다.",
  "findings.loading": "불러오는 중…",
  "findings.error": "오류: {message}",
  "findings.severity.error": "오류",
  "findings.severity.warning": "경고",
  "findings.severity.info": "정보",
  "findings.iterations": "반복 {first}–{last}",
  "findings.iteration": "반복 {first}",
  "findings.noticed": "{iteration}에서 감지됨",
  "findings.layer": "레이어",
  "findings.parameter": "파라미터",
  "findings.open_layer": "모델 페이지에서 레이어 {layer} 열기",
  "findings.advice": "조언",
  "findings.evidence": "근거",
  "findings.badge.warnings": "진단 경고 {count}개",
  "findings.badge.warning_one": "진단 경고 1개",
  "findings.badge.errors": "진단 오류 {count}개",
  "findings.badge.error_one": "진단 오류 1개",
  "findings.badge.mixed": "진단 경고 및 오류 {count}개",
  "findings.marker": "{severity}: {message} (반복 {iteration})",
  "findings.marker_worker": "{worker} — {marker}",
  "findings.workers_counts":
    "워커 {workers}개 합계: 오류 {error}개 · 경고 {warning}개 · 정보 {info}개",
  "findings.badge.all_workers": "{label} (모든 워커)",
};

export const findingsRu: FindingsCatalogue = {
  "findings.title": "Диагностика",
  "findings.counts": "Ошибки: {error} · предупреждения: {warning} · сведения: {info}",
  "findings.none": "Проблем не найдено",
  "findings.none_layer": "Для этого слоя проблем не найдено",
  "findings.checked": "Проверено отчётов по руководству по отладке: {count}.",
  "findings.loading": "Загрузка…",
  "findings.error": "Ошибка: {message}",
  "findings.severity.error": "Ошибка",
  "findings.severity.warning": "Предупреждение",
  "findings.severity.info": "Сведения",
  "findings.iterations": "Итерации {first}–{last}",
  "findings.iteration": "Итерация {first}",
  "findings.noticed": "замечено на {iteration}",
  "findings.layer": "Слой",
  "findings.parameter": "Параметр",
  "findings.open_layer": "Открыть слой {layer} на странице модели",
  "findings.advice": "Рекомендация",
  "findings.evidence": "Данные",
  "findings.badge.warnings": "Диагностических предупреждений: {count}",
  "findings.badge.warning_one": "1 диагностическое предупреждение",
  "findings.badge.errors": "Диагностических ошибок: {count}",
  "findings.badge.error_one": "1 диагностическая ошибка",
  "findings.badge.mixed": "Диагностических предупреждений и ошибок: {count}",
  "findings.marker": "{severity}: {message} (итерация {iteration})",
  "findings.marker_worker": "{worker} — {marker}",
  "findings.workers_counts":
    "Всего у воркеров ({workers}): ошибки: {error} · предупреждения: {warning} · сведения: {info}",
  "findings.badge.all_workers": "{label} (все воркеры)",
};

/** The catalogue of each language of the menu (i18n/index.ts `LANGUAGES`). */
export const FINDINGS_CATALOGUES: Readonly<Record<Lang, Partial<FindingsCatalogue>>> = {
  en: findingsEn,
  zh: findingsZh,
  de: findingsDe,
  ja: findingsJa,
  ko: findingsKo,
  ru: findingsRu,
};

/** The findings message `key` in `lang` (English when missing), placeholders filled. */
export function tf(
  lang: Lang,
  key: FindingsKey,
  params?: Readonly<Record<string, string | number>>,
): string {
  return fill(FINDINGS_CATALOGUES[lang][key] ?? findingsEn[key], params);
}
