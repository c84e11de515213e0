/**
 * `<train-system>`: the original's system page, live.
 *
 * One tab per worker of the session (a worker that stopped reporting says so on its tab: see
 * lib/workers.ts); for the chosen worker (the first while `worker="*"`): memory over iterations (process RSS
 * and system memory in use, as a percentage of the machine's memory and in MiB/GiB), per-device
 * memory when there are devices, examples/s and minibatches/s (each on its own chart: they differ
 * by the batch size), the listener's own cost, and the hardware and software tables.
 *
 * @fires train-error - a request failed; detail {status, code, message}
 * @fires train-session-select - the user picked a worker tab; detail {session, worker}
 * @csspart error - the error banner
 * @csspart tabs - the worker tabs
 * @csspart table - the hardware and software tables
 */
import { html, nothing, type TemplateResult } from "lit";
import { getJson } from "./api.js";
import type { Epoch, Metrics, Series, Sessions, System } from "./api-types.js";
import { define } from "./define.js";
import { infoTable, type InfoRow } from "./info-table.js";
import { formatBytes, formatInteger } from "./lib/format.js";
import { PageElement } from "./page-element.js";
import { pageStyles } from "./theme.js";
import type { ChartSeries } from "./train-line-chart.js";
import "./train-line-chart.js";
import { MAX_POINTS } from "./train-overview.js";
import { isolate } from "./lib/format.js";
import { inByteUnit, parseFloatValue } from "./values.js";
import { StoppedWatch } from "./lib/workers.js";

/** `a - b` at a's iterations (b at the nearest iteration at or before), as {@link percentOf}. */
export function difference(a: Series, b: Series): Series {
  const values = a.iterations.map((x, i) => {
    const av = parseFloatValue(a.values[i] ?? null);
    const bv = parseFloatValue(valueAt(b, x));
    return av === null || bv === null ? null : av - bv;
  });
  return { iterations: a.iterations, values };
}

/**
 * 100 * a / b at a's iterations, b taken at the nearest iteration at or before (series are
 * downsampled one by one, so their iterations differ). Non-finite and absent values stay so.
 */
export function percentOf(a: Series, b: Series, subtractFromB = false): Series {
  const values = a.iterations.map((x, i) => {
    const av = parseFloatValue(a.values[i] ?? null);
    const bv = parseFloatValue(valueAt(b, x));
    if (av === null || bv === null) return null;
    return (100 * (subtractFromB ? bv - av : av)) / bv;
  });
  return { iterations: a.iterations, values };
}

function valueAt(s: Series, x: number): Series["values"][number] {
  let lo = 0;
  let hi = s.iterations.length - 1;
  if (hi < 0) return null;
  if ((s.iterations[0] ?? 0) > x) return s.values[0] ?? null;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((s.iterations[mid] ?? 0) <= x) lo = mid;
    else hi = mid - 1;
  }
  return s.values[lo] ?? null;
}

/** `<train-system>`: see the module documentation. */
export class TrainSystem extends PageElement {
  static override properties = {
    ...PageElement.properties,
    data: { state: true },
    workers: { state: true },
    epochs: { state: true },
  };

  declare data: System | null;
  /** The shown session's workers (a tab each). */
  declare workers: string[];
  /** Epoch ends, marked on the iteration charts. */
  declare epochs: Epoch[];

  static override styles = pageStyles;

  /** The workers of the shown session that stopped reporting. */
  private readonly stoppedWatch = new StoppedWatch(this);

  constructor() {
    super();
    this.data = null;
    this.workers = [];
    this.epochs = [];
  }

  protected override async fetchData(signal: AbortSignal): Promise<void> {
    const params = { session: this.session, worker: this.oneWorker };
    const [data, sessions, metrics] = await Promise.all([
      getJson<System>(this.apiBase, "system", { ...params, max_points: MAX_POINTS }, signal),
      getJson<Sessions>(this.apiBase, "sessions", {}, signal),
      getJson<Metrics>(this.apiBase, "metrics", { ...params, max_points: 2 }, signal),
    ]);
    if (signal.aborted) return;
    this.shownSession = data.session_id;
    this.shownWorker = data.worker_id;
    this.workers = sessions.sessions.find((s) => s.session_id === data.session_id)?.workers ?? [
      data.worker_id,
    ];
    this.epochs = data.session_id === metrics.session_id ? metrics.epochs : [];
    this.data = data;
    this.stoppedWatch.watch(this.apiBase, data.session_id, this.workers);
    this.stoppedWatch.reported(this.takeEventWorkers());
  }

  override render(): TemplateResult {
    const d = this.data;
    if (d === null) return html`${this.renderError() ?? this.renderLoading()}`;
    const memory: ChartSeries[] = [
      {
        label: this.tr("system.memory.process"),
        ...percentOf(d.memory.process_rss_bytes, d.memory.system_total_bytes),
      },
      {
        label: this.tr("system.memory.system_used"),
        ...percentOf(d.memory.system_available_bytes, d.memory.system_total_bytes, true),
      },
    ];
    const devices: ChartSeries[] = d.devices.map((dev) => ({
      label: dev.name,
      ...percentOf(dev.current_bytes, dev.total_bytes),
    }));
    const bytes = inByteUnit([
      d.memory.process_rss_bytes,
      difference(d.memory.system_total_bytes, d.memory.system_available_bytes),
      ...d.devices.map((dev) => dev.current_bytes),
    ]);
    const byteLabels = [
      this.tr("system.memory.process"),
      this.tr("system.memory.system_used"),
      ...d.devices.map((dev) => isolate(dev.name)),
    ];
    const memoryBytes: ChartSeries[] = bytes.series.map((s, i) => ({
      label: byteLabels[i] ?? "",
      ...s,
    }));
    const unit = this.tr("axis.memory", { unit: bytes.unit });
    return html`
      ${this.renderError()}
      ${
        this.workers.length > 1
          ? html`<div role="tablist" part="tabs" aria-label=${this.tr("system.machine")}>
              ${this.workers.map(
                (w) =>
                  html`<button
                    role="tab"
                    data-worker=${w}
                    data-stopped=${this.stoppedWatch.stopped.has(w) ? "true" : "false"}
                    aria-selected=${w === d.worker_id ? "true" : "false"}
                    @click=${() => {
                      this.selectWorker(d.session_id, w);
                    }}
                  >
                    ${
                      this.stoppedWatch.stopped.has(w)
                        ? this.tr("worker.stopped_label", { worker: isolate(w) })
                        : isolate(w)
                    }
                  </button>`,
              )}
            </div>`
          : nothing
      }
      <div class="grid">
        <section class="card half">
          <h2>${this.tr("system.memory")} (%)</h2>
          <train-line-chart
            data-chart="memory"
            .reportTimes=${d.report_times}
            x-label=${this.tr("chart.iteration")}
            y-label=${this.tr("axis.percent")}
            .epochs=${this.epochs}
            label=${this.tr("system.memory")}
            lang=${this.language}
            .series=${memory}
            .yRange=${[0, 100] as [number, number]}
          ></train-line-chart>
        </section>
        <section class="card half">
          <h2>${this.tr("system.memory")} (${bytes.unit})</h2>
          <train-line-chart
            data-chart="memory-bytes"
            .reportTimes=${d.report_times}
            data-unit=${bytes.unit}
            x-label=${this.tr("chart.iteration")}
            y-label=${unit}
            .epochs=${this.epochs}
            label=${`${this.tr("system.memory")} (${bytes.unit})`}
            lang=${this.language}
            log-toggle
            .series=${memoryBytes}
          ></train-line-chart>
        </section>
        ${
          devices.length === 0
            ? nothing
            : html`<section class="card half">
                <h2>${this.tr("system.devices")} (%)</h2>
                <train-line-chart
                  data-chart="devices"
                  .reportTimes=${d.report_times}
                  x-label=${this.tr("chart.iteration")}
                  y-label=${this.tr("axis.percent")}
                  .epochs=${this.epochs}
                  label=${this.tr("system.devices")}
                  lang=${this.language}
                  .series=${devices}
                  .yRange=${[0, 100] as [number, number]}
                ></train-line-chart>
              </section>`
        }
        <section class="card half">
          <h2>${this.tr("system.examples_per_s")}</h2>
          <train-line-chart
            data-chart="throughput"
            .reportTimes=${d.report_times}
            x-label=${this.tr("chart.iteration")}
            y-label=${this.tr("axis.examples_per_s")}
            .epochs=${this.epochs}
            label=${this.tr("system.examples_per_s")}
            lang=${this.language}
            log-toggle
            .series=${[{ label: this.tr("system.examples_per_s"), ...d.performance.examples_per_second }]}
          ></train-line-chart>
        </section>
        <section class="card half">
          <h2>${this.tr("system.minibatches_per_s")}</h2>
          <train-line-chart
            data-chart="minibatches"
            .reportTimes=${d.report_times}
            x-label=${this.tr("chart.iteration")}
            y-label=${this.tr("axis.minibatches_per_s")}
            .epochs=${this.epochs}
            label=${this.tr("system.minibatches_per_s")}
            lang=${this.language}
            log-toggle
            .series=${[{ label: this.tr("system.minibatches_per_s"), ...d.performance.minibatches_per_second }]}
          ></train-line-chart>
        </section>
        <section class="card half">
          <h2>${this.tr("system.collection_ms")}</h2>
          <train-line-chart
            data-chart="collection"
            .reportTimes=${d.report_times}
            x-label=${this.tr("chart.iteration")}
            y-label=${this.tr("axis.ms")}
            .epochs=${this.epochs}
            label=${this.tr("system.collection_ms")}
            lang=${this.language}
            .series=${[{ label: this.tr("system.collection_ms"), ...d.collection_ms }]}
          ></train-line-chart>
        </section>
        <section class="card half">${this.renderHardware(d)}</section>
        <section class="card half">${this.renderSoftware(d)}</section>
      </div>
    `;
  }

  private selectWorker(session: string, worker: string): void {
    if (worker === this.worker) return;
    this.worker = worker;
    this.dispatchEvent(
      new CustomEvent("train-session-select", {
        bubbles: true,
        composed: true,
        detail: { session, worker },
      }),
    );
  }

  private renderHardware(d: System): TemplateResult {
    const hw = d.hardware;
    const rows: InfoRow[] = [
      ["cpu_count", this.tr("system.hw.cpu_count"), formatInteger(hw?.cpu_count ?? null)],
      [
        "memory_total",
        this.tr("system.hw.memory_total"),
        formatBytes(hw?.memory_total_bytes ?? null),
      ],
      ["devices", this.tr("system.hw.devices"), formatInteger(hw?.devices.length ?? null)],
      ...(hw?.devices ?? []).map((dev, i): InfoRow => [
        `device_${i}`,
        this.tr("system.hw.device", { index: i }),
        `${dev.name} (${formatBytes(dev.memory_total_bytes)})`,
      ]),
    ];
    return html`<h2>${this.tr("system.hardware")}</h2>
      ${infoTable("hardware", rows)}`;
  }

  private renderSoftware(d: System): TemplateResult {
    const sw = d.software;
    const framework =
      sw?.framework === null || sw?.framework === undefined
        ? null
        : `${sw.framework}${sw.framework_version === null ? "" : ` ${sw.framework_version}`}`;
    const rows: InfoRow[] = [
      ["hostname", this.tr("system.sw.hostname"), sw?.hostname ?? null],
      ["os", this.tr("system.sw.os"), sw?.os ?? null],
      ["os_version", this.tr("system.sw.os_version"), sw?.os_version ?? null],
      ["arch", this.tr("system.sw.arch"), sw?.arch ?? null],
      ["python", this.tr("system.sw.python"), sw?.python ?? null],
      ["framework", this.tr("system.sw.framework"), framework],
      ["backend", this.tr("system.sw.backend"), sw?.backend ?? null],
      ["device", this.tr("system.sw.device"), sw?.device ?? null],
      ["dtype", this.tr("system.sw.dtype"), sw?.dtype ?? null],
      ["fitscope", this.tr("system.sw.fitscope"), sw?.fitscope_version ?? null],
    ];
    return html`<h2>${this.tr("system.software")}</h2>
      ${infoTable("software", rows)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "train-system": TrainSystem;
  }
}

define("train-system", TrainSystem);
