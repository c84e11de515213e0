function e(e){if(e===null||typeof e==`number`)return e;switch(e){case`NaN`:return NaN;case`Infinity`:return 1/0;case`-Infinity`:return-1/0;default:{let t=JSON.stringify(e);throw TypeError(`Expected a number, "NaN", "Infinity", "-Infinity" or null, got ${t}.`)}}}function t(t){return t.map(e)}function n(e){if(e===null)return`—`;if(Number.isNaN(e))return`NaN`;if(e===1/0)return`+Inf`;if(e===-1/0)return`-Inf`;if(e===0)return`0`;let t=Number(e.toPrecision(4)),n=Math.abs(t);return n>=.001&&n<1e5?String(t):e.toExponential(3).replace(/\.?0+e/,`e`)}var r=2**20,i=2**30;function a(t){let n=0;for(let r of t)for(let t of r.values){let r=e(t);r!==null&&Number.isFinite(r)&&(n=Math.max(n,Math.abs(r)))}let a=n>=i?`GiB`:`MiB`,o=a===`GiB`?i:r;return{unit:a,series:t.map(t=>({iterations:t.iterations,values:t.values.map(t=>{let n=e(t);return n===null?null:n/o})}))}}function o(e){return typeof e==`string`?e:e===void 0?`—`:JSON.stringify(e)}function s(e){return e===null?`None`:Array.isArray(e)?`[${e.map(e=>s(e)).join(`, `)}]`:String(e)}var c=`0.1.0`,l=Symbol.for(`fitscope.ui.version`);function u(e,t){let n=customElements.get(e);if(n!==void 0){let t=n[l];t!==`0.1.0`&&console.warn(`fitscope: <${e}> is already defined (version ${t??`unknown`}); this copy (${c}) is not used.`)}else Object.defineProperty(t,l,{value:c}),customElements.define(e,t)}var d={"app.title":`fitscope`,"app.nav.overview":`Overview`,"app.nav.model":`Model`,"app.nav.system":`System`,"app.nav.projector":`Projector`,"app.session":`Session`,"app.worker":`Worker`,"app.worker.all":`All workers`,"worker.stopped":`stopped`,"worker.stopped_label":`{worker} (stopped)`,"app.language":`Language`,"app.theme":`Theme`,"app.theme.auto":`Auto`,"app.theme.light":`Light`,"app.theme.dark":`Dark`,"app.loading":`Loading…`,"app.no_session":`No training session yet. It appears here as soon as a listener writes one.`,"app.live.connecting":`Connecting…`,"app.live.open":`Live`,"app.live.retrying":`Reconnecting…`,"app.live.closed":`Not live`,"app.live.stalled":`No report for {duration}`,"app.live.stalled_unknown":`No report lately`,"app.live.ended":`Ended`,"app.live.error":`Cannot read this session`,"app.session.error":`cannot be read`,"app.error":`Error: {message}`,"chart.iteration":`Iteration`,"chart.table":`Table`,"chart.log_scale":`Log scale`,"chart.epoch":`Epoch {epoch}`,"chart.nan":`NaN`,"chart.posinf":`+Inf`,"chart.neginf":`-Inf`,"chart.nonfinite_at":`{value} at iteration {iteration}`,"chart.readout":`Iteration {iteration}: {values}`,"chart.no_data":`No data yet.`,"chart.series":`Series`,"histogram.count":`Count`,"histogram.bin":`Bin`,"histogram.range":`{from} to {to}`,"histogram.nonfinite":`Non-finite elements: {count}`,"chart.log_hidden":`{count} values ≤ 0 are not shown on the log scale.`,"histogram.all_nonfinite":`All {count} elements are non-finite ({detail}).`,"histogram.all_nonfinite_plain":`All {count} elements are non-finite.`,"histogram.value":`Value`,"histogram.bin_readout":`{range}: {count} elements`,"axis.score":`Score`,"axis.value":`Value`,"axis.log10_ratio":`log10 ratio`,"axis.log10_stdev":`log10 stdev`,"axis.learning_rate":`Learning rate`,"axis.mean_magnitude":`Mean magnitude`,"axis.activation":`Activation`,"axis.dead_units":`Units`,"axis.percent":`% of total`,"axis.memory":`Memory ({unit})`,"axis.examples_per_s":`Examples/sec`,"axis.minibatches_per_s":`Minibatches/sec`,"axis.ms":`Milliseconds`,"overview.score":`Model Score vs. Iteration`,"overview.score.raw":`Score`,"overview.score.smoothed":`Smoothed (EMA 10)`,"overview.score.fit":`Least-squares fit`,"overview.score.fit_hint":`Drag across the chart to fit a line to a range.`,"overview.score.fit_result":`Fit over {x0}–{x1}: slope {slope} per iteration`,"overview.metrics":`Validation and user metrics`,"overview.info":`Model and Training Information`,"overview.info.model_type":`Model Type`,"overview.info.layers":`Layers`,"overview.info.params":`Total Parameters`,"overview.info.start":`Start Time`,"overview.info.runtime":`Total Runtime`,"overview.info.last_update":`Last Update`,"overview.info.iterations":`Total Parameter Updates`,"overview.info.epoch":`Epoch`,"overview.info.updates_per_s":`Updates/sec`,"overview.info.examples_per_s":`Examples/sec`,"overview.info.examples":`Total Examples`,"overview.info.first_nonfinite":`First Non-finite Value`,"overview.nonfinite.none":`None (every value finite)`,"overview.nonfinite.score":`{value} in the score at iteration {iteration}`,"overview.nonfinite.summary":`{value} in {kind} of {name} at iteration {iteration}`,"overview.nonfinite.kind.parameters":`parameters`,"overview.nonfinite.kind.gradients":`gradients`,"overview.nonfinite.kind.updates":`updates`,"overview.nonfinite.kind.activations":`activations`,"overview.hyperparameters":`Hyperparameters`,"overview.tags":`Tags`,"overview.ratios":`Update:Parameter Ratios (Mean Magnitudes): log10`,"overview.stdev":`Standard Deviations: log10`,"overview.stdev.activations":`Activations`,"overview.stdev.gradients":`Gradients`,"overview.stdev.updates":`Updates`,"overview.workers":`Workers`,"overview.workers.view":`Workers shown as`,"overview.workers.view.each":`Each worker`,"overview.workers.view.mean":`Mean, min–max`,"overview.workers.hint":`Pick one worker for its metrics, standard deviations and details.`,"overview.workers.mean":`Mean`,"overview.workers.min":`Min`,"overview.workers.max":`Max`,"overview.workers.parameter":`Weight`,"overview.workers.iteration":`Iteration`,"overview.workers.status":`Status`,"model.graph":`Layers`,"model.graph.onnx":`Model graph (ONNX)`,"model.input":`Input`,"model.getting_started":`Getting Started`,"model.getting_started.text":`Select a layer in the graph to see its parameters, updates, activations and histograms.`,"model.info":`Layer Information`,"model.info.name":`Layer Name`,"model.info.type":`Layer Type`,"model.info.input_shape":`Input Size`,"model.info.output_shape":`Layer Size`,"model.info.params":`# Parameters`,"model.info.param_names":`Parameters`,"model.info.activation":`Activation Function`,"model.info.inputs":`Inputs`,"model.mean_mag":`Mean Magnitudes`,"model.mean_mag.ratio":`Ratio`,"model.mean_mag.params":`Param`,"model.mean_mag.updates":`Updates`,"model.activations":`Layer Activations`,"model.activations.mean":`Mean`,"model.activations.plus":`Mean + 2·stdev`,"model.activations.minus":`Mean − 2·stdev`,"model.activations.none":`This layer's activations were not recorded.`,"model.learning_rates":`Parameter Learning Rates`,"model.hist.params":`Layer Parameters Histogram`,"model.hist.gradients":`Layer Gradients Histogram`,"model.hist.updates":`Layer Updates Histogram`,"model.hist.activations":`Layer Activations Histogram`,"model.hist.latest":`Latest report: iteration {iteration}`,"model.hist.at":`iteration {iteration}`,"model.histograms.slider":`Histograms at iteration`,"model.histograms.iteration":`Iteration {iteration}`,"model.histograms.iteration_latest":`Iteration {iteration} (latest)`,"model.histograms.latest":`Back to latest`,"model.histograms.live":`Following the latest report.`,"model.histograms.pinned":`Showing the histograms stored at or before iteration {iteration}.`,"model.histograms.view":`View`,"model.histograms.view.histogram":`Histogram`,"model.histograms.view.offset":`Offset`,"model.histograms.view.distribution":`Distribution`,"model.histograms.none":`No histograms stored.`,"model.histograms.none_at":`No histogram stored at or before iteration {iteration}.`,"model.histograms.offset":`{title}: {count} histograms, iterations {first} to {last}`,"model.histograms.percentile":`{percent} %`,"model.histograms.median":`Median`,"model.histograms.distribution":`{title}: percentiles over iterations`,"model.no_params":`This layer has no parameters.`,"model.dead_units":`Dead Units`,"model.dead_units.text":`Fraction of the layer's units that were 0 for every example of the batch (never active), at each report.`,"model.latest":`Latest Statistics`,"model.latest.kind":`Kind`,"model.latest.tensor":`Tensor`,"model.latest.count":`Elements`,"model.latest.stdev":`Stdev`,"model.latest.zeros":`Zeros`,"model.latest.dead_units":`Dead units`,"model.latest.gradients":`Gradients`,"model.latest.activations":`Activations`,"model.latest.not_counted":`Not counted (recorded before fitscope counted it)`,"model.latest.zeros_title":`{zeros} of {count} elements are exactly 0`,"model.latest.dead_cell":`{dead} of {units} ({percent})`,"model.latest.dead_title":`{dead} of {units} units were 0 for every example of the batch (never active)`,"system.machine":`Select Machine`,"system.memory":`Memory Utilization`,"system.memory.process":`Process memory (RSS)`,"system.memory.system_used":`System memory in use`,"system.devices":`Device Memory`,"system.throughput":`Throughput`,"system.examples_per_s":`Examples/sec`,"system.minibatches_per_s":`Minibatches/sec`,"system.collection_ms":`Listener cost per report (ms)`,"system.hardware":`Hardware Information`,"system.software":`Software Information`,"system.hw.cpu_count":`CPU cores`,"system.hw.memory_total":`Total memory`,"system.hw.devices":`Compute devices`,"system.hw.device":`Device {index}`,"system.sw.hostname":`Hostname`,"system.sw.os":`OS`,"system.sw.os_version":`OS version`,"system.sw.arch":`OS architecture`,"system.sw.python":`Python`,"system.sw.framework":`Framework`,"system.sw.backend":`Backend`,"system.sw.device":`Device`,"system.sw.dtype":`Data type`,"system.sw.fitscope":`fitscope`},f={"app.title":`fitscope`,"app.nav.overview":`Übersicht`,"app.nav.model":`Modell`,"app.nav.system":`System`,"app.nav.projector":`Projektor`,"app.session":`Sitzung`,"app.worker":`Worker`,"app.worker.all":`Alle Worker`,"worker.stopped":`angehalten`,"worker.stopped_label":`{worker} (angehalten)`,"app.language":`Sprache`,"app.theme":`Design`,"app.theme.auto":`Automatisch`,"app.theme.light":`Hell`,"app.theme.dark":`Dunkel`,"app.loading":`Wird geladen…`,"app.no_session":`Noch keine Trainingssitzung. Sie erscheint hier, sobald ein Listener eine schreibt.`,"app.live.connecting":`Verbinde…`,"app.live.open":`Live`,"app.live.retrying":`Verbinde erneut…`,"app.live.closed":`Nicht live`,"app.live.stalled":`Seit {duration} kein Bericht`,"app.live.stalled_unknown":`In letzter Zeit kein Bericht`,"app.live.ended":`Beendet`,"app.live.error":`Diese Sitzung kann nicht gelesen werden`,"app.session.error":`nicht lesbar`,"app.error":`Fehler: {message}`,"chart.iteration":`Iteration`,"chart.table":`Tabelle`,"chart.log_scale":`Logarithmische Skala`,"chart.epoch":`Epoche {epoch}`,"chart.nan":`NaN`,"chart.posinf":`+Inf`,"chart.neginf":`-Inf`,"chart.nonfinite_at":`{value} bei Iteration {iteration}`,"chart.readout":`Iteration {iteration}: {values}`,"chart.no_data":`Noch keine Daten.`,"chart.series":`Reihe`,"histogram.count":`Anzahl`,"histogram.bin":`Klasse`,"histogram.range":`{from} bis {to}`,"histogram.nonfinite":`Nicht endliche Elemente: {count}`,"chart.log_hidden":`{count} Werte ≤ 0 werden auf der logarithmischen Skala nicht angezeigt.`,"histogram.all_nonfinite":`Alle {count} Elemente sind nicht endlich ({detail}).`,"histogram.all_nonfinite_plain":`Alle {count} Elemente sind nicht endlich.`,"histogram.value":`Wert`,"histogram.bin_readout":`{range}: {count} Elemente`,"axis.score":`Score`,"axis.value":`Wert`,"axis.log10_ratio":`log10-Verhältnis`,"axis.log10_stdev":`log10-Standardabweichung`,"axis.learning_rate":`Lernrate`,"axis.mean_magnitude":`Mittlerer Betrag`,"axis.activation":`Aktivierung`,"axis.dead_units":`Einheiten`,"axis.percent":`% der Gesamtmenge`,"axis.memory":`Speicher ({unit})`,"axis.examples_per_s":`Beispiele/s`,"axis.minibatches_per_s":`Minibatches/s`,"axis.ms":`Millisekunden`,"overview.score":`Modell-Score nach Iteration`,"overview.score.raw":`Score`,"overview.score.smoothed":`Geglättet (EMA 10)`,"overview.score.fit":`Kleinste-Quadrate-Anpassung`,"overview.score.fit_hint":`Ziehen Sie über das Diagramm, um eine Gerade an einen Bereich anzupassen.`,"overview.score.fit_result":`Anpassung über {x0}–{x1}: Steigung {slope} pro Iteration`,"overview.metrics":`Validierungs- und Benutzermetriken`,"overview.info":`Modell- und Trainingsinformationen`,"overview.info.model_type":`Modelltyp`,"overview.info.layers":`Schichten`,"overview.info.params":`Parameter insgesamt`,"overview.info.start":`Startzeit`,"overview.info.runtime":`Gesamtlaufzeit`,"overview.info.last_update":`Letzte Aktualisierung`,"overview.info.iterations":`Parameter-Updates insgesamt`,"overview.info.epoch":`Epoche`,"overview.info.updates_per_s":`Updates/s`,"overview.info.examples_per_s":`Beispiele/s`,"overview.info.examples":`Beispiele insgesamt`,"overview.info.first_nonfinite":`Erster nicht endlicher Wert`,"overview.nonfinite.none":`Keiner (alle Werte endlich)`,"overview.nonfinite.score":`{value} im Score bei Iteration {iteration}`,"overview.nonfinite.summary":`{value} in {kind} von {name} bei Iteration {iteration}`,"overview.nonfinite.kind.parameters":`Parametern`,"overview.nonfinite.kind.gradients":`Gradienten`,"overview.nonfinite.kind.updates":`Updates`,"overview.nonfinite.kind.activations":`Aktivierungen`,"overview.hyperparameters":`Hyperparameter`,"overview.tags":`Tags`,"overview.ratios":`Update:Parameter-Verhältnisse (mittlere Beträge): log10`,"overview.stdev":`Standardabweichungen: log10`,"overview.stdev.activations":`Aktivierungen`,"overview.stdev.gradients":`Gradienten`,"overview.stdev.updates":`Updates`,"overview.workers":`Worker`,"overview.workers.view":`Worker anzeigen als`,"overview.workers.view.each":`Jeder Worker`,"overview.workers.view.mean":`Mittelwert, Min–Max`,"overview.workers.hint":`Wählen Sie einen Worker für seine Metriken, Standardabweichungen und Details.`,"overview.workers.mean":`Mittelwert`,"overview.workers.min":`Min`,"overview.workers.max":`Max`,"overview.workers.parameter":`Gewicht`,"overview.workers.iteration":`Iteration`,"overview.workers.status":`Status`,"model.graph":`Schichten`,"model.graph.onnx":`Modellgraph (ONNX)`,"model.input":`Eingabe`,"model.getting_started":`Erste Schritte`,"model.getting_started.text":`Wählen Sie eine Schicht im Graphen, um ihre Parameter, Updates, Aktivierungen und Histogramme zu sehen.`,"model.info":`Schichtinformationen`,"model.info.name":`Schichtname`,"model.info.type":`Schichttyp`,"model.info.input_shape":`Eingabegröße`,"model.info.output_shape":`Schichtgröße`,"model.info.params":`Anzahl Parameter`,"model.info.param_names":`Parameter`,"model.info.activation":`Aktivierungsfunktion`,"model.info.inputs":`Eingaben`,"model.mean_mag":`Mittlere Beträge`,"model.mean_mag.ratio":`Verhältnis`,"model.mean_mag.params":`Parameter`,"model.mean_mag.updates":`Updates`,"model.activations":`Schichtaktivierungen`,"model.activations.mean":`Mittelwert`,"model.activations.plus":`Mittelwert + 2·Std.-Abw.`,"model.activations.minus":`Mittelwert − 2·Std.-Abw.`,"model.activations.none":`Die Aktivierungen dieser Schicht wurden nicht aufgezeichnet.`,"model.learning_rates":`Lernraten der Parameter`,"model.hist.params":`Histogramm der Schichtparameter`,"model.hist.gradients":`Histogramm der Schichtgradienten`,"model.hist.updates":`Histogramm der Schicht-Updates`,"model.hist.activations":`Histogramm der Schichtaktivierungen`,"model.hist.latest":`Letzter Bericht: Iteration {iteration}`,"model.hist.at":`Iteration {iteration}`,"model.histograms.slider":`Histogramme bei Iteration`,"model.histograms.iteration":`Iteration {iteration}`,"model.histograms.iteration_latest":`Iteration {iteration} (neueste)`,"model.histograms.latest":`Zur neuesten`,"model.histograms.live":`Folgt dem neuesten Bericht.`,"model.histograms.pinned":`Histogramme, gespeichert bei oder vor Iteration {iteration}.`,"model.histograms.view":`Ansicht`,"model.histograms.view.histogram":`Histogramm`,"model.histograms.view.offset":`Versetzt`,"model.histograms.view.distribution":`Verteilung`,"model.histograms.none":`Keine Histogramme gespeichert.`,"model.histograms.none_at":`Kein Histogramm bei oder vor Iteration {iteration} gespeichert.`,"model.histograms.offset":`{title}: {count} Histogramme, Iterationen {first} bis {last}`,"model.histograms.percentile":`{percent} %`,"model.histograms.median":`Median`,"model.histograms.distribution":`{title}: Perzentile über die Iterationen`,"model.no_params":`Diese Schicht hat keine Parameter.`,"model.dead_units":`Tote Einheiten`,"model.dead_units.text":`Anteil der Einheiten der Schicht, die für jedes Beispiel des Batches 0 waren (nie aktiv), je Bericht.`,"model.latest":`Neueste Statistiken`,"model.latest.kind":`Art`,"model.latest.tensor":`Tensor`,"model.latest.count":`Elemente`,"model.latest.stdev":`Std.-Abw.`,"model.latest.zeros":`Nullen`,"model.latest.dead_units":`Tote Einheiten`,"model.latest.gradients":`Gradienten`,"model.latest.activations":`Aktivierungen`,"model.latest.not_counted":`Nicht gezählt (aufgezeichnet, bevor fitscope dies zählte)`,"model.latest.zeros_title":`{zeros} von {count} Elementen sind genau 0`,"model.latest.dead_cell":`{dead} von {units} ({percent})`,"model.latest.dead_title":`{dead} von {units} Einheiten waren für jedes Beispiel des Batches 0 (nie aktiv)`,"system.machine":`Maschine wählen`,"system.memory":`Speicherauslastung`,"system.memory.process":`Prozessspeicher (RSS)`,"system.memory.system_used":`Belegter Systemspeicher`,"system.devices":`Gerätespeicher`,"system.throughput":`Durchsatz`,"system.examples_per_s":`Beispiele/s`,"system.minibatches_per_s":`Minibatches/s`,"system.collection_ms":`Listener-Aufwand pro Bericht (ms)`,"system.hardware":`Hardware-Informationen`,"system.software":`Software-Informationen`,"system.hw.cpu_count":`CPU-Kerne`,"system.hw.memory_total":`Gesamtspeicher`,"system.hw.devices":`Rechengeräte`,"system.hw.device":`Gerät {index}`,"system.sw.hostname":`Hostname`,"system.sw.os":`Betriebssystem`,"system.sw.os_version":`Betriebssystemversion`,"system.sw.arch":`Betriebssystemarchitektur`,"system.sw.python":`Python`,"system.sw.framework":`Framework`,"system.sw.backend":`Backend`,"system.sw.device":`Gerät`,"system.sw.dtype":`Datentyp`,"system.sw.fitscope":`fitscope`},p={"app.title":`fitscope`,"app.nav.overview":`概要`,"app.nav.model":`モデル`,"app.nav.system":`システム`,"app.nav.projector":`プロジェクター`,"app.session":`セッション`,"app.worker":`ワーカー`,"app.worker.all":`すべてのワーカー`,"worker.stopped":`停止`,"worker.stopped_label":`{worker}（停止）`,"app.language":`言語`,"app.theme":`テーマ`,"app.theme.auto":`自動`,"app.theme.light":`ライト`,"app.theme.dark":`ダーク`,"app.loading":`読み込み中…`,"app.no_session":`まだ学習セッションがありません。リスナーがセッションを書き込むとすぐにここに表示されます。`,"app.live.connecting":`接続中…`,"app.live.open":`ライブ`,"app.live.retrying":`再接続中…`,"app.live.closed":`未接続`,"app.live.stalled":`{duration} 報告なし`,"app.live.stalled_unknown":`最近の報告なし`,"app.live.ended":`終了`,"app.live.error":`このセッションを読み込めません`,"app.session.error":`読み込めません`,"app.error":`エラー: {message}`,"chart.iteration":`イテレーション`,"chart.table":`表`,"chart.log_scale":`対数スケール`,"chart.epoch":`エポック {epoch}`,"chart.nan":`NaN`,"chart.posinf":`+Inf`,"chart.neginf":`-Inf`,"chart.nonfinite_at":`イテレーション {iteration} で {value}`,"chart.readout":`イテレーション {iteration}: {values}`,"chart.no_data":`まだデータがありません。`,"chart.series":`系列`,"histogram.count":`件数`,"histogram.bin":`ビン`,"histogram.range":`{from} ～ {to}`,"histogram.nonfinite":`非有限の要素: {count}`,"chart.log_hidden":`0 以下の値 {count} 件は対数スケールに表示されません。`,"histogram.all_nonfinite":`{count} 個の要素がすべて非有限です（{detail}）。`,"histogram.all_nonfinite_plain":`{count} 個の要素がすべて非有限です。`,"histogram.value":`値`,"histogram.bin_readout":`{range}: {count} 個の要素`,"axis.score":`スコア`,"axis.value":`値`,"axis.log10_ratio":`log10 比`,"axis.log10_stdev":`log10 標準偏差`,"axis.learning_rate":`学習率`,"axis.mean_magnitude":`平均絶対値`,"axis.activation":`活性化`,"axis.dead_units":`ユニット`,"axis.percent":`全体に占める %`,"axis.memory":`メモリ（{unit}）`,"axis.examples_per_s":`サンプル/秒`,"axis.minibatches_per_s":`ミニバッチ/秒`,"axis.ms":`ミリ秒`,"overview.score":`モデルスコアとイテレーション`,"overview.score.raw":`スコア`,"overview.score.smoothed":`平滑化（EMA 10）`,"overview.score.fit":`最小二乗フィット`,"overview.score.fit_hint":`チャート上をドラッグすると、その範囲に直線をフィットします。`,"overview.score.fit_result":`{x0}–{x1} のフィット: 傾き {slope}／イテレーション`,"overview.metrics":`検証指標とユーザー指標`,"overview.info":`モデルと学習の情報`,"overview.info.model_type":`モデルの種類`,"overview.info.layers":`レイヤー数`,"overview.info.params":`総パラメータ数`,"overview.info.start":`開始時刻`,"overview.info.runtime":`総実行時間`,"overview.info.last_update":`最終更新`,"overview.info.iterations":`パラメータ更新の総数`,"overview.info.epoch":`エポック`,"overview.info.updates_per_s":`更新/秒`,"overview.info.examples_per_s":`サンプル/秒`,"overview.info.examples":`総サンプル数`,"overview.info.first_nonfinite":`最初の非有限値`,"overview.nonfinite.none":`なし（すべての値が有限）`,"overview.nonfinite.score":`イテレーション {iteration} のスコアに {value}`,"overview.nonfinite.summary":`イテレーション {iteration} の {name} の{kind}に {value}`,"overview.nonfinite.kind.parameters":`パラメータ`,"overview.nonfinite.kind.gradients":`勾配`,"overview.nonfinite.kind.updates":`更新`,"overview.nonfinite.kind.activations":`活性化`,"overview.hyperparameters":`ハイパーパラメータ`,"overview.tags":`タグ`,"overview.ratios":`update:parameter 比（平均絶対値）: log10`,"overview.stdev":`標準偏差: log10`,"overview.stdev.activations":`活性化`,"overview.stdev.gradients":`勾配`,"overview.stdev.updates":`更新`,"overview.workers":`ワーカー`,"overview.workers.view":`ワーカーの表示`,"overview.workers.view.each":`ワーカーごと`,"overview.workers.view.mean":`平均、最小–最大`,"overview.workers.hint":`ワーカーを 1 つ選ぶと、その指標、標準偏差、詳細を表示します。`,"overview.workers.mean":`平均`,"overview.workers.min":`最小`,"overview.workers.max":`最大`,"overview.workers.parameter":`重み`,"overview.workers.iteration":`イテレーション`,"overview.workers.status":`状態`,"model.graph":`レイヤー`,"model.graph.onnx":`モデルグラフ（ONNX）`,"model.input":`入力`,"model.getting_started":`はじめに`,"model.getting_started.text":`グラフでレイヤーを選ぶと、そのパラメータ、更新、活性化、ヒストグラムを表示します。`,"model.info":`レイヤー情報`,"model.info.name":`レイヤー名`,"model.info.type":`レイヤーの種類`,"model.info.input_shape":`入力サイズ`,"model.info.output_shape":`レイヤーサイズ`,"model.info.params":`パラメータ数`,"model.info.param_names":`パラメータ`,"model.info.activation":`活性化関数`,"model.info.inputs":`入力`,"model.mean_mag":`平均絶対値`,"model.mean_mag.ratio":`比`,"model.mean_mag.params":`パラメータ`,"model.mean_mag.updates":`更新`,"model.activations":`レイヤーの活性化`,"model.activations.mean":`平均`,"model.activations.plus":`平均 + 2·標準偏差`,"model.activations.minus":`平均 − 2·標準偏差`,"model.activations.none":`このレイヤーの活性化は記録されていません。`,"model.learning_rates":`パラメータの学習率`,"model.hist.params":`レイヤーのパラメータのヒストグラム`,"model.hist.gradients":`レイヤーの勾配のヒストグラム`,"model.hist.updates":`レイヤーの更新のヒストグラム`,"model.hist.activations":`レイヤーの活性化のヒストグラム`,"model.hist.latest":`最新の報告: イテレーション {iteration}`,"model.hist.at":`イテレーション {iteration}`,"model.histograms.slider":`ヒストグラムのイテレーション`,"model.histograms.iteration":`イテレーション {iteration}`,"model.histograms.iteration_latest":`イテレーション {iteration}（最新）`,"model.histograms.latest":`最新に戻る`,"model.histograms.live":`最新のレポートに追従しています。`,"model.histograms.pinned":`イテレーション {iteration} 以前に保存されたヒストグラムを表示しています。`,"model.histograms.view":`表示`,"model.histograms.view.histogram":`ヒストグラム`,"model.histograms.view.offset":`オフセット`,"model.histograms.view.distribution":`分布`,"model.histograms.none":`保存されたヒストグラムはありません。`,"model.histograms.none_at":`イテレーション {iteration} 以前に保存されたヒストグラムはありません。`,"model.histograms.offset":`{title}：ヒストグラム {count} 個、イテレーション {first}～{last}`,"model.histograms.percentile":`{percent}%`,"model.histograms.median":`中央値`,"model.histograms.distribution":`{title}：イテレーションごとのパーセンタイル`,"model.no_params":`このレイヤーにはパラメータがありません。`,"model.dead_units":`死んだユニット`,"model.dead_units.text":`各報告で、バッチのすべての例で 0 だった（一度も活性化しなかった）レイヤーのユニットの割合。`,"model.latest":`最新の統計`,"model.latest.kind":`種類`,"model.latest.tensor":`テンソル`,"model.latest.count":`要素数`,"model.latest.stdev":`標準偏差`,"model.latest.zeros":`ゼロ`,"model.latest.dead_units":`死んだユニット`,"model.latest.gradients":`勾配`,"model.latest.activations":`活性化`,"model.latest.not_counted":`未集計（fitscope が数える前に記録されたもの）`,"model.latest.zeros_title":`{count} 個の要素のうち {zeros} 個がちょうど 0`,"model.latest.dead_cell":`{units} 個中 {dead} 個（{percent}）`,"model.latest.dead_title":`{units} 個のユニットのうち {dead} 個がバッチのすべての例で 0（一度も活性化せず）`,"system.machine":`マシンを選択`,"system.memory":`メモリ使用量`,"system.memory.process":`プロセスメモリ（RSS）`,"system.memory.system_used":`使用中のシステムメモリ`,"system.devices":`デバイスメモリ`,"system.throughput":`スループット`,"system.examples_per_s":`サンプル/秒`,"system.minibatches_per_s":`ミニバッチ/秒`,"system.collection_ms":`報告あたりのリスナーのコスト（ミリ秒）`,"system.hardware":`ハードウェア情報`,"system.software":`ソフトウェア情報`,"system.hw.cpu_count":`CPU コア数`,"system.hw.memory_total":`総メモリ`,"system.hw.devices":`計算デバイス`,"system.hw.device":`デバイス {index}`,"system.sw.hostname":`ホスト名`,"system.sw.os":`OS`,"system.sw.os_version":`OS バージョン`,"system.sw.arch":`OS アーキテクチャ`,"system.sw.python":`Python`,"system.sw.framework":`フレームワーク`,"system.sw.backend":`バックエンド`,"system.sw.device":`デバイス`,"system.sw.dtype":`データ型`,"system.sw.fitscope":`fitscope`},m={"app.title":`fitscope`,"app.nav.overview":`개요`,"app.nav.model":`모델`,"app.nav.system":`시스템`,"app.nav.projector":`프로젝터`,"app.session":`세션`,"app.worker":`워커`,"app.worker.all":`모든 워커`,"worker.stopped":`중지됨`,"worker.stopped_label":`{worker} (중지됨)`,"app.language":`언어`,"app.theme":`테마`,"app.theme.auto":`자동`,"app.theme.light":`라이트`,"app.theme.dark":`다크`,"app.loading":`불러오는 중…`,"app.no_session":`아직 학습 세션이 없습니다. 리스너가 세션을 기록하면 여기에 표시됩니다.`,"app.live.connecting":`연결 중…`,"app.live.open":`실시간`,"app.live.retrying":`다시 연결 중…`,"app.live.closed":`실시간 아님`,"app.live.stalled":`{duration} 동안 보고 없음`,"app.live.stalled_unknown":`최근 보고 없음`,"app.live.ended":`종료됨`,"app.live.error":`이 세션을 읽을 수 없습니다`,"app.session.error":`읽을 수 없음`,"app.error":`오류: {message}`,"chart.iteration":`반복`,"chart.table":`표`,"chart.log_scale":`로그 스케일`,"chart.epoch":`에포크 {epoch}`,"chart.nan":`NaN`,"chart.posinf":`+Inf`,"chart.neginf":`-Inf`,"chart.nonfinite_at":`반복 {iteration}에서 {value}`,"chart.readout":`반복 {iteration}: {values}`,"chart.no_data":`아직 데이터가 없습니다.`,"chart.series":`계열`,"histogram.count":`개수`,"histogram.bin":`구간`,"histogram.range":`{from}부터 {to}까지`,"histogram.nonfinite":`유한하지 않은 원소: {count}`,"chart.log_hidden":`0 이하인 값 {count}개는 로그 스케일에 표시되지 않습니다.`,"histogram.all_nonfinite":`원소 {count}개가 모두 유한하지 않습니다({detail}).`,"histogram.all_nonfinite_plain":`원소 {count}개가 모두 유한하지 않습니다.`,"histogram.value":`값`,"histogram.bin_readout":`{range}: 원소 {count}개`,"axis.score":`점수`,"axis.value":`값`,"axis.log10_ratio":`log10 비율`,"axis.log10_stdev":`log10 표준편차`,"axis.learning_rate":`학습률`,"axis.mean_magnitude":`평균 크기`,"axis.activation":`활성화`,"axis.dead_units":`유닛`,"axis.percent":`전체 대비 %`,"axis.memory":`메모리({unit})`,"axis.examples_per_s":`예제/초`,"axis.minibatches_per_s":`미니배치/초`,"axis.ms":`밀리초`,"overview.score":`반복별 모델 점수`,"overview.score.raw":`점수`,"overview.score.smoothed":`평활화(EMA 10)`,"overview.score.fit":`최소제곱 적합`,"overview.score.fit_hint":`차트를 드래그하여 구간에 직선을 적합하세요.`,"overview.score.fit_result":`{x0}–{x1} 구간 적합: 반복당 기울기 {slope}`,"overview.metrics":`검증 및 사용자 지표`,"overview.info":`모델 및 학습 정보`,"overview.info.model_type":`모델 유형`,"overview.info.layers":`레이어`,"overview.info.params":`전체 파라미터 수`,"overview.info.start":`시작 시각`,"overview.info.runtime":`총 실행 시간`,"overview.info.last_update":`마지막 업데이트`,"overview.info.iterations":`전체 파라미터 업데이트 수`,"overview.info.epoch":`에포크`,"overview.info.updates_per_s":`업데이트/초`,"overview.info.examples_per_s":`예제/초`,"overview.info.examples":`전체 예제 수`,"overview.info.first_nonfinite":`첫 번째 유한하지 않은 값`,"overview.nonfinite.none":`없음(모든 값이 유한함)`,"overview.nonfinite.score":`반복 {iteration}에서 점수에 {value}`,"overview.nonfinite.summary":`반복 {iteration}에서 {name}의 {kind}에 {value}`,"overview.nonfinite.kind.parameters":`파라미터`,"overview.nonfinite.kind.gradients":`그래디언트`,"overview.nonfinite.kind.updates":`업데이트`,"overview.nonfinite.kind.activations":`활성화`,"overview.hyperparameters":`하이퍼파라미터`,"overview.tags":`태그`,"overview.ratios":`업데이트:파라미터 비율(평균 크기): log10`,"overview.stdev":`표준편차: log10`,"overview.stdev.activations":`활성화`,"overview.stdev.gradients":`그래디언트`,"overview.stdev.updates":`업데이트`,"overview.workers":`워커`,"overview.workers.view":`워커 표시 방식`,"overview.workers.view.each":`워커별`,"overview.workers.view.mean":`평균, 최소–최대`,"overview.workers.hint":`워커를 선택하면 해당 워커의 지표, 표준편차, 세부 정보를 볼 수 있습니다.`,"overview.workers.mean":`평균`,"overview.workers.min":`최소`,"overview.workers.max":`최대`,"overview.workers.parameter":`가중치`,"overview.workers.iteration":`반복`,"overview.workers.status":`상태`,"model.graph":`레이어`,"model.graph.onnx":`모델 그래프(ONNX)`,"model.input":`입력`,"model.getting_started":`시작하기`,"model.getting_started.text":`그래프에서 레이어를 선택하면 파라미터, 업데이트, 활성화, 히스토그램을 볼 수 있습니다.`,"model.info":`레이어 정보`,"model.info.name":`레이어 이름`,"model.info.type":`레이어 유형`,"model.info.input_shape":`입력 크기`,"model.info.output_shape":`레이어 크기`,"model.info.params":`파라미터 수`,"model.info.param_names":`파라미터`,"model.info.activation":`활성화 함수`,"model.info.inputs":`입력`,"model.mean_mag":`평균 크기`,"model.mean_mag.ratio":`비율`,"model.mean_mag.params":`파라미터`,"model.mean_mag.updates":`업데이트`,"model.activations":`레이어 활성화`,"model.activations.mean":`평균`,"model.activations.plus":`평균 + 2·표준편차`,"model.activations.minus":`평균 − 2·표준편차`,"model.activations.none":`이 레이어의 활성화는 기록되지 않았습니다.`,"model.learning_rates":`파라미터 학습률`,"model.hist.params":`레이어 파라미터 히스토그램`,"model.hist.gradients":`레이어 그래디언트 히스토그램`,"model.hist.updates":`레이어 업데이트 히스토그램`,"model.hist.activations":`레이어 활성화 히스토그램`,"model.hist.latest":`최근 보고: 반복 {iteration}`,"model.hist.at":`반복 {iteration}`,"model.histograms.slider":`히스토그램 반복`,"model.histograms.iteration":`반복 {iteration}`,"model.histograms.iteration_latest":`반복 {iteration} (최신)`,"model.histograms.latest":`최신으로`,"model.histograms.live":`최신 보고서를 따라갑니다.`,"model.histograms.pinned":`반복 {iteration} 이전에 저장된 히스토그램을 표시합니다.`,"model.histograms.view":`보기`,"model.histograms.view.histogram":`히스토그램`,"model.histograms.view.offset":`오프셋`,"model.histograms.view.distribution":`분포`,"model.histograms.none":`저장된 히스토그램이 없습니다.`,"model.histograms.none_at":`반복 {iteration} 이전에 저장된 히스토그램이 없습니다.`,"model.histograms.offset":`{title}: 히스토그램 {count}개, 반복 {first}~{last}`,"model.histograms.percentile":`{percent}%`,"model.histograms.median":`중앙값`,"model.histograms.distribution":`{title}: 반복별 백분위수`,"model.no_params":`이 레이어에는 파라미터가 없습니다.`,"model.dead_units":`죽은 유닛`,"model.dead_units.text":`보고마다, 배치의 모든 예에서 0이었던(한 번도 활성화되지 않은) 레이어 유닛의 비율.`,"model.latest":`최근 통계`,"model.latest.kind":`종류`,"model.latest.tensor":`텐서`,"model.latest.count":`요소 수`,"model.latest.stdev":`표준편차`,"model.latest.zeros":`0 값`,"model.latest.dead_units":`죽은 유닛`,"model.latest.gradients":`그래디언트`,"model.latest.activations":`활성화`,"model.latest.not_counted":`집계되지 않음(fitscope가 세기 전에 기록됨)`,"model.latest.zeros_title":`요소 {count}개 중 {zeros}개가 정확히 0`,"model.latest.dead_cell":`{units}개 중 {dead}개 ({percent})`,"model.latest.dead_title":`유닛 {units}개 중 {dead}개가 배치의 모든 예에서 0(한 번도 활성화되지 않음)`,"system.machine":`머신 선택`,"system.memory":`메모리 사용량`,"system.memory.process":`프로세스 메모리(RSS)`,"system.memory.system_used":`사용 중인 시스템 메모리`,"system.devices":`장치 메모리`,"system.throughput":`처리량`,"system.examples_per_s":`예제/초`,"system.minibatches_per_s":`미니배치/초`,"system.collection_ms":`보고당 리스너 오버헤드(ms)`,"system.hardware":`하드웨어 정보`,"system.software":`소프트웨어 정보`,"system.hw.cpu_count":`CPU 코어`,"system.hw.memory_total":`전체 메모리`,"system.hw.devices":`연산 장치`,"system.hw.device":`장치 {index}`,"system.sw.hostname":`호스트 이름`,"system.sw.os":`운영체제`,"system.sw.os_version":`운영체제 버전`,"system.sw.arch":`운영체제 아키텍처`,"system.sw.python":`Python`,"system.sw.framework":`프레임워크`,"system.sw.backend":`백엔드`,"system.sw.device":`장치`,"system.sw.dtype":`데이터 유형`,"system.sw.fitscope":`fitscope`},h={"app.title":`fitscope`,"app.nav.overview":`Обзор`,"app.nav.model":`Модель`,"app.nav.system":`Система`,"app.nav.projector":`Проектор`,"app.session":`Сеанс`,"app.worker":`Воркер`,"app.worker.all":`Все воркеры`,"worker.stopped":`остановлен`,"worker.stopped_label":`{worker} (остановлен)`,"app.language":`Язык`,"app.theme":`Тема`,"app.theme.auto":`Авто`,"app.theme.light":`Светлая`,"app.theme.dark":`Тёмная`,"app.loading":`Загрузка…`,"app.no_session":`Сеансов обучения пока нет. Сеанс появится здесь, когда слушатель его запишет.`,"app.live.connecting":`Подключение…`,"app.live.open":`В реальном времени`,"app.live.retrying":`Переподключение…`,"app.live.closed":`Не в реальном времени`,"app.live.stalled":`Нет отчётов уже {duration}`,"app.live.stalled_unknown":`В последнее время нет отчётов`,"app.live.ended":`Завершён`,"app.live.error":`Не удаётся прочитать этот сеанс`,"app.session.error":`не читается`,"app.error":`Ошибка: {message}`,"chart.iteration":`Итерация`,"chart.table":`Таблица`,"chart.log_scale":`Логарифмическая шкала`,"chart.epoch":`Эпоха {epoch}`,"chart.nan":`NaN`,"chart.posinf":`+Inf`,"chart.neginf":`-Inf`,"chart.nonfinite_at":`{value} на итерации {iteration}`,"chart.readout":`Итерация {iteration}: {values}`,"chart.no_data":`Данных пока нет.`,"chart.series":`Ряд`,"histogram.count":`Количество`,"histogram.bin":`Интервал`,"histogram.range":`от {from} до {to}`,"histogram.nonfinite":`Неконечные элементы: {count}`,"chart.log_hidden":`Значения ≤ 0 ({count}) не показаны на логарифмической шкале.`,"histogram.all_nonfinite":`Все элементы ({count}) неконечны ({detail}).`,"histogram.all_nonfinite_plain":`Все элементы ({count}) неконечны.`,"histogram.value":`Значение`,"histogram.bin_readout":`{range}: элементов — {count}`,"axis.score":`Оценка`,"axis.value":`Значение`,"axis.log10_ratio":`log10 отношения`,"axis.log10_stdev":`log10 стандартного отклонения`,"axis.learning_rate":`Скорость обучения`,"axis.mean_magnitude":`Средняя величина`,"axis.activation":`Активация`,"axis.dead_units":`Нейроны`,"axis.percent":`% от общего`,"axis.memory":`Память ({unit})`,"axis.examples_per_s":`Примеров/с`,"axis.minibatches_per_s":`Мини-батчей/с`,"axis.ms":`Миллисекунды`,"overview.score":`Оценка модели по итерациям`,"overview.score.raw":`Оценка`,"overview.score.smoothed":`Сглаженная (EMA 10)`,"overview.score.fit":`Аппроксимация методом наименьших квадратов`,"overview.score.fit_hint":`Проведите по графику, чтобы аппроксимировать участок прямой.`,"overview.score.fit_result":`Аппроксимация на {x0}–{x1}: наклон {slope} за итерацию`,"overview.metrics":`Валидационные и пользовательские метрики`,"overview.info":`Сведения о модели и обучении`,"overview.info.model_type":`Тип модели`,"overview.info.layers":`Слои`,"overview.info.params":`Всего параметров`,"overview.info.start":`Время начала`,"overview.info.runtime":`Общее время работы`,"overview.info.last_update":`Последнее обновление`,"overview.info.iterations":`Всего обновлений параметров`,"overview.info.epoch":`Эпоха`,"overview.info.updates_per_s":`Обновлений/с`,"overview.info.examples_per_s":`Примеров/с`,"overview.info.examples":`Всего примеров`,"overview.info.first_nonfinite":`Первое неконечное значение`,"overview.nonfinite.none":`Нет (все значения конечны)`,"overview.nonfinite.score":`{value} в оценке на итерации {iteration}`,"overview.nonfinite.summary":`{value} в {kind} слоя {name} на итерации {iteration}`,"overview.nonfinite.kind.parameters":`параметрах`,"overview.nonfinite.kind.gradients":`градиентах`,"overview.nonfinite.kind.updates":`обновлениях`,"overview.nonfinite.kind.activations":`активациях`,"overview.hyperparameters":`Гиперпараметры`,"overview.tags":`Теги`,"overview.ratios":`Отношения обновление:параметр (средние величины): log10`,"overview.stdev":`Стандартные отклонения: log10`,"overview.stdev.activations":`Активации`,"overview.stdev.gradients":`Градиенты`,"overview.stdev.updates":`Обновления`,"overview.workers":`Воркеры`,"overview.workers.view":`Показывать воркеры`,"overview.workers.view.each":`Каждый воркер`,"overview.workers.view.mean":`Среднее, мин.–макс.`,"overview.workers.hint":`Выберите воркер, чтобы увидеть его метрики, стандартные отклонения и подробности.`,"overview.workers.mean":`Среднее`,"overview.workers.min":`Мин.`,"overview.workers.max":`Макс.`,"overview.workers.parameter":`Вес`,"overview.workers.iteration":`Итерация`,"overview.workers.status":`Состояние`,"model.graph":`Слои`,"model.graph.onnx":`Граф модели (ONNX)`,"model.input":`Вход`,"model.getting_started":`Начало работы`,"model.getting_started.text":`Выберите слой в графе, чтобы увидеть его параметры, обновления, активации и гистограммы.`,"model.info":`Сведения о слое`,"model.info.name":`Имя слоя`,"model.info.type":`Тип слоя`,"model.info.input_shape":`Размер входа`,"model.info.output_shape":`Размер слоя`,"model.info.params":`Число параметров`,"model.info.param_names":`Параметры`,"model.info.activation":`Функция активации`,"model.info.inputs":`Входы`,"model.mean_mag":`Средние величины`,"model.mean_mag.ratio":`Отношение`,"model.mean_mag.params":`Параметры`,"model.mean_mag.updates":`Обновления`,"model.activations":`Активации слоя`,"model.activations.mean":`Среднее`,"model.activations.plus":`Среднее + 2·ст. откл.`,"model.activations.minus":`Среднее − 2·ст. откл.`,"model.activations.none":`Активации этого слоя не записывались.`,"model.learning_rates":`Скорости обучения параметров`,"model.hist.params":`Гистограмма параметров слоя`,"model.hist.gradients":`Гистограмма градиентов слоя`,"model.hist.updates":`Гистограмма обновлений слоя`,"model.hist.activations":`Гистограмма активаций слоя`,"model.hist.latest":`Последний отчёт: итерация {iteration}`,"model.hist.at":`Итерация {iteration}`,"model.histograms.slider":`Гистограммы на итерации`,"model.histograms.iteration":`Итерация {iteration}`,"model.histograms.iteration_latest":`Итерация {iteration} (последняя)`,"model.histograms.latest":`К последней`,"model.histograms.live":`Следует за последним отчётом.`,"model.histograms.pinned":`Гистограммы, сохранённые на итерации {iteration} или раньше.`,"model.histograms.view":`Вид`,"model.histograms.view.histogram":`Гистограмма`,"model.histograms.view.offset":`Смещение`,"model.histograms.view.distribution":`Распределение`,"model.histograms.none":`Гистограммы не сохранены.`,"model.histograms.none_at":`На итерации {iteration} и раньше гистограмм не сохранено.`,"model.histograms.offset":`{title}: гистограмм: {count}, итерации с {first} по {last}`,"model.histograms.percentile":`{percent} %`,"model.histograms.median":`Медиана`,"model.histograms.distribution":`{title}: процентили по итерациям`,"model.no_params":`У этого слоя нет параметров.`,"model.dead_units":`Мёртвые нейроны`,"model.dead_units.text":`Доля нейронов слоя, равных 0 для каждого примера батча (ни разу не активных), в каждом отчёте.`,"model.latest":`Последняя статистика`,"model.latest.kind":`Вид`,"model.latest.tensor":`Тензор`,"model.latest.count":`Элементов`,"model.latest.stdev":`Ст. откл.`,"model.latest.zeros":`Нули`,"model.latest.dead_units":`Мёртвые нейроны`,"model.latest.gradients":`Градиенты`,"model.latest.activations":`Активации`,"model.latest.not_counted":`Не подсчитано (записано до того, как fitscope стал это считать)`,"model.latest.zeros_title":`{zeros} из {count} элементов равны ровно 0`,"model.latest.dead_cell":`{dead} из {units} ({percent})`,"model.latest.dead_title":`{dead} из {units} нейронов были равны 0 для каждого примера батча (ни разу не активны)`,"system.machine":`Выберите машину`,"system.memory":`Использование памяти`,"system.memory.process":`Память процесса (RSS)`,"system.memory.system_used":`Занятая память системы`,"system.devices":`Память устройств`,"system.throughput":`Пропускная способность`,"system.examples_per_s":`Примеров/с`,"system.minibatches_per_s":`Мини-батчей/с`,"system.collection_ms":`Накладные расходы слушателя на отчёт (мс)`,"system.hardware":`Сведения об оборудовании`,"system.software":`Сведения о программном обеспечении`,"system.hw.cpu_count":`Ядра ЦП`,"system.hw.memory_total":`Всего памяти`,"system.hw.devices":`Вычислительные устройства`,"system.hw.device":`Устройство {index}`,"system.sw.hostname":`Имя хоста`,"system.sw.os":`Операционная система`,"system.sw.os_version":`Версия ОС`,"system.sw.arch":`Архитектура ОС`,"system.sw.python":`Python`,"system.sw.framework":`Фреймворк`,"system.sw.backend":`Бэкенд`,"system.sw.device":`Устройство`,"system.sw.dtype":`Тип данных`,"system.sw.fitscope":`fitscope`},g={"app.title":`fitscope`,"app.nav.overview":`概览`,"app.nav.model":`模型`,"app.nav.system":`系统`,"app.nav.projector":`投影`,"app.session":`会话`,"app.worker":`工作节点`,"app.worker.all":`全部工作节点`,"worker.stopped":`已停止`,"worker.stopped_label":`{worker}（已停止）`,"app.language":`语言`,"app.theme":`主题`,"app.theme.auto":`自动`,"app.theme.light":`浅色`,"app.theme.dark":`深色`,"app.loading":`加载中…`,"app.no_session":`还没有训练会话。监听器写入会话后会立即显示在这里。`,"app.live.connecting":`连接中…`,"app.live.open":`实时`,"app.live.retrying":`正在重新连接…`,"app.live.closed":`未连接`,"app.live.stalled":`已 {duration} 无报告`,"app.live.stalled_unknown":`近期无报告`,"app.live.ended":`已结束`,"app.live.error":`无法读取此会话`,"app.session.error":`无法读取`,"app.error":`错误：{message}`,"chart.iteration":`迭代`,"chart.table":`表格`,"chart.log_scale":`对数坐标`,"chart.epoch":`第 {epoch} 轮`,"chart.nan":`NaN`,"chart.posinf":`+Inf`,"chart.neginf":`-Inf`,"chart.nonfinite_at":`迭代 {iteration} 处为 {value}`,"chart.readout":`迭代 {iteration}：{values}`,"chart.no_data":`暂无数据。`,"chart.series":`序列`,"histogram.count":`计数`,"histogram.bin":`区间`,"histogram.range":`{from} 至 {to}`,"histogram.nonfinite":`非有限元素：{count}`,"chart.log_hidden":`对数刻度下未显示 {count} 个 ≤ 0 的值。`,"histogram.all_nonfinite":`全部 {count} 个元素均为非有限值（{detail}）。`,"histogram.all_nonfinite_plain":`全部 {count} 个元素均为非有限值。`,"histogram.value":`值`,"histogram.bin_readout":`{range}：{count} 个元素`,"axis.score":`得分`,"axis.value":`数值`,"axis.log10_ratio":`log10 比率`,"axis.log10_stdev":`log10 标准差`,"axis.learning_rate":`学习率`,"axis.mean_magnitude":`平均幅值`,"axis.activation":`激活值`,"axis.dead_units":`单元`,"axis.percent":`占总量百分比`,"axis.memory":`内存（{unit}）`,"axis.examples_per_s":`每秒样本数`,"axis.minibatches_per_s":`每秒小批量数`,"axis.ms":`毫秒`,"overview.score":`模型得分与迭代`,"overview.score.raw":`得分`,"overview.score.smoothed":`平滑（EMA 10）`,"overview.score.fit":`最小二乘拟合`,"overview.score.fit_hint":`在图表上拖动以对一段范围拟合直线。`,"overview.score.fit_result":`{x0}–{x1} 的拟合：每次迭代斜率 {slope}`,"overview.metrics":`验证与用户指标`,"overview.info":`模型与训练信息`,"overview.info.model_type":`模型类型`,"overview.info.layers":`层数`,"overview.info.params":`参数总数`,"overview.info.start":`开始时间`,"overview.info.runtime":`总运行时间`,"overview.info.last_update":`最后更新`,"overview.info.iterations":`参数更新总数`,"overview.info.epoch":`轮次`,"overview.info.updates_per_s":`每秒更新数`,"overview.info.examples_per_s":`每秒样本数`,"overview.info.examples":`样本总数`,"overview.info.first_nonfinite":`首个非有限值`,"overview.nonfinite.none":`无（所有值均有限）`,"overview.nonfinite.score":`迭代 {iteration} 处得分为 {value}`,"overview.nonfinite.summary":`迭代 {iteration} 处 {name} 的{kind}出现 {value}`,"overview.nonfinite.kind.parameters":`参数`,"overview.nonfinite.kind.gradients":`梯度`,"overview.nonfinite.kind.updates":`更新`,"overview.nonfinite.kind.activations":`激活`,"overview.hyperparameters":`超参数`,"overview.tags":`标签`,"overview.ratios":`更新:参数比率（平均幅值）：log10`,"overview.stdev":`标准差：log10`,"overview.stdev.activations":`激活`,"overview.stdev.gradients":`梯度`,"overview.stdev.updates":`更新`,"overview.workers":`工作节点`,"overview.workers.view":`工作节点的显示方式`,"overview.workers.view.each":`每个工作节点`,"overview.workers.view.mean":`均值与最小–最大范围`,"overview.workers.hint":`选择单个工作节点可查看其指标、标准差和详细信息。`,"overview.workers.mean":`均值`,"overview.workers.min":`最小值`,"overview.workers.max":`最大值`,"overview.workers.parameter":`权重`,"overview.workers.iteration":`迭代`,"overview.workers.status":`状态`,"model.graph":`层`,"model.graph.onnx":`模型计算图（ONNX）`,"model.input":`输入`,"model.getting_started":`入门`,"model.getting_started.text":`在图中选择一层，查看其参数、更新、激活和直方图。`,"model.info":`层信息`,"model.info.name":`层名称`,"model.info.type":`层类型`,"model.info.input_shape":`输入大小`,"model.info.output_shape":`层大小`,"model.info.params":`参数数量`,"model.info.param_names":`参数`,"model.info.activation":`激活函数`,"model.info.inputs":`输入`,"model.mean_mag":`平均幅值`,"model.mean_mag.ratio":`比率`,"model.mean_mag.params":`参数`,"model.mean_mag.updates":`更新`,"model.activations":`层激活`,"model.activations.mean":`均值`,"model.activations.plus":`均值 + 2·标准差`,"model.activations.minus":`均值 − 2·标准差`,"model.activations.none":`未记录该层的激活。`,"model.learning_rates":`参数学习率`,"model.hist.params":`层参数直方图`,"model.hist.gradients":`层梯度直方图`,"model.hist.updates":`层更新直方图`,"model.hist.activations":`层激活直方图`,"model.hist.latest":`最新报告：迭代 {iteration}`,"model.hist.at":`迭代 {iteration}`,"model.histograms.slider":`直方图所在迭代`,"model.histograms.iteration":`迭代 {iteration}`,"model.histograms.iteration_latest":`迭代 {iteration}（最新）`,"model.histograms.latest":`回到最新`,"model.histograms.live":`跟随最新的报告。`,"model.histograms.pinned":`显示迭代 {iteration} 及之前存储的直方图。`,"model.histograms.view":`视图`,"model.histograms.view.histogram":`直方图`,"model.histograms.view.offset":`偏移`,"model.histograms.view.distribution":`分布`,"model.histograms.none":`没有存储的直方图。`,"model.histograms.none_at":`迭代 {iteration} 及之前没有存储的直方图。`,"model.histograms.offset":`{title}：{count} 个直方图，迭代 {first} 到 {last}`,"model.histograms.percentile":`{percent}%`,"model.histograms.median":`中位数`,"model.histograms.distribution":`{title}：各迭代的百分位数`,"model.no_params":`该层没有参数。`,"model.dead_units":`死亡单元`,"model.dead_units.text":`每次报告时，该层对批次中每个样本都为 0（从未激活）的单元所占比例。`,"model.latest":`最新统计`,"model.latest.kind":`类别`,"model.latest.tensor":`张量`,"model.latest.count":`元素数`,"model.latest.stdev":`标准差`,"model.latest.zeros":`零值`,"model.latest.dead_units":`死亡单元`,"model.latest.gradients":`梯度`,"model.latest.activations":`激活`,"model.latest.not_counted":`未统计（记录早于 fitscope 统计此项）`,"model.latest.zeros_title":`{count} 个元素中有 {zeros} 个恰为 0`,"model.latest.dead_cell":`{units} 个中 {dead} 个（{percent}）`,"model.latest.dead_title":`{units} 个单元中有 {dead} 个对批次中每个样本都为 0（从未激活）`,"system.machine":`选择机器`,"system.memory":`内存使用`,"system.memory.process":`进程内存（RSS）`,"system.memory.system_used":`系统已用内存`,"system.devices":`设备内存`,"system.throughput":`吞吐量`,"system.examples_per_s":`每秒样本数`,"system.minibatches_per_s":`每秒小批量数`,"system.collection_ms":`每次报告的监听器开销（毫秒）`,"system.hardware":`硬件信息`,"system.software":`软件信息`,"system.hw.cpu_count":`CPU 核心数`,"system.hw.memory_total":`总内存`,"system.hw.devices":`计算设备`,"system.hw.device":`设备 {index}`,"system.sw.hostname":`主机名`,"system.sw.os":`操作系统`,"system.sw.os_version":`操作系统版本`,"system.sw.arch":`操作系统架构`,"system.sw.python":`Python`,"system.sw.framework":`框架`,"system.sw.backend":`后端`,"system.sw.device":`设备`,"system.sw.dtype":`数据类型`,"system.sw.fitscope":`fitscope`},_={en:`English`,zh:`中文`,de:`Deutsch`,ja:`日本語`,ko:`한국어`,ru:`Русский`},v={en:d,zh:g,de:f,ja:p,ko:m,ru:h};function y(e){let t=(e??``).trim().toLowerCase();if(t in _)return t;let n=t.split(/[-_]/)[0]??``;return n in _?n:`en`}function b(e){return e===`zh`?`zh-CN`:e}function x(e){return e===`zh`?`zh`:`en`}function S(){let e=typeof navigator>`u`?[]:navigator.languages;for(let t of e){let e=y(t);if(e!==`en`||t.toLowerCase().startsWith(`en`))return e}return`en`}function C(e,t,n){return w(v[e][t]??d[t],n)}function w(e,t){return t===void 0?e:e.replace(/\{(\w+)\}/g,(e,n)=>n in t?String(t[n]):e)}var T=globalThis,E=T.ShadowRoot&&(T.ShadyCSS===void 0||T.ShadyCSS.nativeShadow)&&`adoptedStyleSheets`in Document.prototype&&`replace`in CSSStyleSheet.prototype,D=Symbol(),O=new WeakMap,k=class{constructor(e,t,n){if(this._$cssResult$=!0,n!==D)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(E&&e===void 0){let n=t!==void 0&&t.length===1;n&&(e=O.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),n&&O.set(t,e))}return e}toString(){return this.cssText}},ee=e=>new k(typeof e==`string`?e:e+``,void 0,D),A=(e,...t)=>new k(e.length===1?e[0]:t.reduce((t,n,r)=>t+(e=>{if(!0===e._$cssResult$)return e.cssText;if(typeof e==`number`)return e;throw Error(`Value passed to 'css' function must be a 'css' function result: `+e+`. Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.`)})(n)+e[r+1],e[0]),e,D),te=(e,t)=>{if(E)e.adoptedStyleSheets=t.map(e=>e instanceof CSSStyleSheet?e:e.styleSheet);else for(let n of t){let t=document.createElement(`style`),r=T.litNonce;r!==void 0&&t.setAttribute(`nonce`,r),t.textContent=n.cssText,e.appendChild(t)}},ne=E?e=>e:e=>e instanceof CSSStyleSheet?(e=>{let t=``;for(let n of e.cssRules)t+=n.cssText;return ee(t)})(e):e,{is:re,defineProperty:ie,getOwnPropertyDescriptor:ae,getOwnPropertyNames:oe,getOwnPropertySymbols:j,getPrototypeOf:M}=Object,N=globalThis,se=N.trustedTypes,P=se?se.emptyScript:``,F=N.reactiveElementPolyfillSupport,ce=(e,t)=>e,le={toAttribute(e,t){switch(t){case Boolean:e=e?P:null;break;case Object:case Array:e=e==null?e:JSON.stringify(e)}return e},fromAttribute(e,t){let n=e;switch(t){case Boolean:n=e!==null;break;case Number:n=e===null?null:Number(e);break;case Object:case Array:try{n=JSON.parse(e)}catch{n=null}}return n}},ue=(e,t)=>!re(e,t),de={attribute:!0,type:String,converter:le,reflect:!1,useDefault:!1,hasChanged:ue};Symbol.metadata??=Symbol(`metadata`),N.litPropertyMetadata??=new WeakMap;var fe=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=de){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let n=Symbol(),r=this.getPropertyDescriptor(e,n,t);r!==void 0&&ie(this.prototype,e,r)}}static getPropertyDescriptor(e,t,n){let{get:r,set:i}=ae(this.prototype,e)??{get(){return this[t]},set(e){this[t]=e}};return{get:r,set(t){let a=r?.call(this);i?.call(this,t),this.requestUpdate(e,a,n)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??de}static _$Ei(){if(this.hasOwnProperty(ce(`elementProperties`)))return;let e=M(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(ce(`finalized`)))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(ce(`properties`))){let e=this.properties,t=[...oe(e),...j(e)];for(let n of t)this.createProperty(n,e[n])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[e,n]of t)this.elementProperties.set(e,n)}this._$Eh=new Map;for(let[e,t]of this.elementProperties){let n=this._$Eu(e,t);n!==void 0&&this._$Eh.set(n,e)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let n=new Set(e.flat(1/0).reverse());for(let e of n)t.unshift(ne(e))}else e!==void 0&&t.push(ne(e));return t}static _$Eu(e,t){let n=t.attribute;return!1===n?void 0:typeof n==`string`?n:typeof e==`string`?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let n of t.keys())this.hasOwnProperty(n)&&(e.set(n,this[n]),delete this[n]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return te(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,n){this._$AK(e,n)}_$ET(e,t){let n=this.constructor.elementProperties.get(e),r=this.constructor._$Eu(e,n);if(r!==void 0&&!0===n.reflect){let i=(n.converter?.toAttribute===void 0?le:n.converter).toAttribute(t,n.type);this._$Em=e,i==null?this.removeAttribute(r):this.setAttribute(r,i),this._$Em=null}}_$AK(e,t){let n=this.constructor,r=n._$Eh.get(e);if(r!==void 0&&this._$Em!==r){let e=n.getPropertyOptions(r),i=typeof e.converter==`function`?{fromAttribute:e.converter}:e.converter?.fromAttribute===void 0?le:e.converter;this._$Em=r;let a=i.fromAttribute(t,e.type);this[r]=a??this._$Ej?.get(r)??a,this._$Em=null}}requestUpdate(e,t,n,r=!1,i){if(e!==void 0){let a=this.constructor;if(!1===r&&(i=this[e]),n??=a.getPropertyOptions(e),!((n.hasChanged??ue)(i,t)||n.useDefault&&n.reflect&&i===this._$Ej?.get(e)&&!this.hasAttribute(a._$Eu(e,n))))return;this.C(e,t,n)}!1===this.isUpdatePending&&(this._$ES=this._$EP())}C(e,t,{useDefault:n,reflect:r,wrapped:i},a){n&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,a??t??this[e]),!0!==i||a!==void 0)||(this._$AL.has(e)||(this.hasUpdated||n||(t=void 0),this._$AL.set(e,t)),!0===r&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(e){Promise.reject(e)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[e,t]of this._$Ep)this[e]=t;this._$Ep=void 0}let e=this.constructor.elementProperties;if(e.size>0)for(let[t,n]of e){let{wrapped:e}=n,r=this[t];!0!==e||this._$AL.has(t)||r===void 0||this.C(t,void 0,n,r)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(e=>e.hostUpdate?.()),this.update(t)):this._$EM()}catch(t){throw e=!1,this._$EM(),t}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(e=>e.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(e=>this._$ET(e,this[e])),this._$EM()}updated(e){}firstUpdated(e){}};fe.elementStyles=[],fe.shadowRootOptions={mode:`open`},fe[ce(`elementProperties`)]=new Map,fe[ce(`finalized`)]=new Map,F?.({ReactiveElement:fe}),(N.reactiveElementVersions??=[]).push(`2.1.2`);var pe=globalThis,me=e=>e,he=pe.trustedTypes,ge=he?he.createPolicy(`lit-html`,{createHTML:e=>e}):void 0,_e=`$lit$`,ve=`lit$${Math.random().toFixed(9).slice(2)}$`,ye=`?`+ve,be=`<${ye}>`,xe=document,Se=()=>xe.createComment(``),Ce=e=>e===null||typeof e!=`object`&&typeof e!=`function`,I=Array.isArray,L=e=>I(e)||typeof e?.[Symbol.iterator]==`function`,we=`[ 	
\f\r]`,Te=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,Ee=/-->/g,De=/>/g,Oe=RegExp(`>|${we}(?:([^\\s"'>=/]+)(${we}*=${we}*(?:[^ \t\n\f\r"'\`<>=]|("|')|))|$)`,`g`),ke=/'/g,Ae=/"/g,je=/^(?:script|style|textarea|title)$/i,Me=e=>(t,...n)=>({_$litType$:e,strings:t,values:n}),R=Me(1),Ne=Me(2),Pe=Symbol.for(`lit-noChange`),z=Symbol.for(`lit-nothing`),Fe=new WeakMap,Ie=xe.createTreeWalker(xe,129);function Le(e,t){if(!I(e)||!e.hasOwnProperty(`raw`))throw Error(`invalid template strings array`);return ge===void 0?t:ge.createHTML(t)}var Re=(e,t)=>{let n=e.length-1,r=[],i,a=t===2?`<svg>`:t===3?`<math>`:``,o=Te;for(let t=0;t<n;t++){let n=e[t],s,c,l=-1,u=0;for(;u<n.length&&(o.lastIndex=u,c=o.exec(n),c!==null);)u=o.lastIndex,o===Te?c[1]===`!--`?o=Ee:c[1]===void 0?c[2]===void 0?c[3]!==void 0&&(o=Oe):(je.test(c[2])&&(i=RegExp(`</`+c[2],`g`)),o=Oe):o=De:o===Oe?c[0]===`>`?(o=i??Te,l=-1):c[1]===void 0?l=-2:(l=o.lastIndex-c[2].length,s=c[1],o=c[3]===void 0?Oe:c[3]===`"`?Ae:ke):o===Ae||o===ke?o=Oe:o===Ee||o===De?o=Te:(o=Oe,i=void 0);let d=o===Oe&&e[t+1].startsWith(`/>`)?` `:``;a+=o===Te?n+be:l>=0?(r.push(s),n.slice(0,l)+_e+n.slice(l)+ve+d):n+ve+(l===-2?t:d)}return[Le(e,a+(e[n]||`<?>`)+(t===2?`</svg>`:t===3?`</math>`:``)),r]},ze=class e{constructor({strings:t,_$litType$:n},r){let i;this.parts=[];let a=0,o=0,s=t.length-1,c=this.parts,[l,u]=Re(t,n);if(this.el=e.createElement(l,r),Ie.currentNode=this.el.content,n===2||n===3){let e=this.el.content.firstChild;e.replaceWith(...e.childNodes)}for(;(i=Ie.nextNode())!==null&&c.length<s;){if(i.nodeType===1){if(i.hasAttributes())for(let e of i.getAttributeNames())if(e.endsWith(_e)){let t=u[o++],n=i.getAttribute(e).split(ve),r=/([.?@])?(.*)/.exec(t);c.push({type:1,index:a,name:r[2],strings:n,ctor:r[1]===`.`?We:r[1]===`?`?Ge:r[1]===`@`?Ke:Ue}),i.removeAttribute(e)}else e.startsWith(ve)&&(c.push({type:6,index:a}),i.removeAttribute(e));if(je.test(i.tagName)){let e=i.textContent.split(ve),t=e.length-1;if(t>0){i.textContent=he?he.emptyScript:``;for(let n=0;n<t;n++)i.append(e[n],Se()),Ie.nextNode(),c.push({type:2,index:++a});i.append(e[t],Se())}}}else if(i.nodeType===8){if(i.data===ye)c.push({type:2,index:a});else{let e=-1;for(;(e=i.data.indexOf(ve,e+1))!==-1;)c.push({type:7,index:a}),e+=ve.length-1}}a++}}static createElement(e,t){let n=xe.createElement(`template`);return n.innerHTML=e,n}};function Be(e,t,n=e,r){if(t===Pe)return t;let i=r===void 0?n._$Cl:n._$Co?.[r],a=Ce(t)?void 0:t._$litDirective$;return i?.constructor!==a&&(i?._$AO?.(!1),a===void 0?i=void 0:(i=new a(e),i._$AT(e,n,r)),r===void 0?n._$Cl=i:(n._$Co??=[])[r]=i),i!==void 0&&(t=Be(e,i._$AS(e,t.values),i,r)),t}var Ve=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:n}=this._$AD,r=(e?.creationScope??xe).importNode(t,!0);Ie.currentNode=r;let i=Ie.nextNode(),a=0,o=0,s=n[0];for(;s!==void 0;){if(a===s.index){let t;s.type===2?t=new He(i,i.nextSibling,this,e):s.type===1?t=new s.ctor(i,s.name,s.strings,this,e):s.type===6&&(t=new qe(i,this,e)),this._$AV.push(t),s=n[++o]}a!==s?.index&&(i=Ie.nextNode(),a++)}return Ie.currentNode=xe,r}p(e){let t=0;for(let n of this._$AV)n!==void 0&&(n.strings===void 0?n._$AI(e[t]):(n._$AI(e,n,t),t+=n.strings.length-2)),t++}},He=class e{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,n,r){this.type=2,this._$AH=z,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=n,this.options=r,this._$Cv=r?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=Be(this,e,t),Ce(e)?e===z||e==null||e===``?(this._$AH!==z&&this._$AR(),this._$AH=z):e!==this._$AH&&e!==Pe&&this._(e):e._$litType$===void 0?e.nodeType===void 0?L(e)?this.k(e):this._(e):this.T(e):this.$(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==z&&Ce(this._$AH)?this._$AA.nextSibling.data=e:this.T(xe.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:n}=e,r=typeof n==`number`?this._$AC(e):(n.el===void 0&&(n.el=ze.createElement(Le(n.h,n.h[0]),this.options)),n);if(this._$AH?._$AD===r)this._$AH.p(t);else{let e=new Ve(r,this),n=e.u(this.options);e.p(t),this.T(n),this._$AH=e}}_$AC(e){let t=Fe.get(e.strings);return t===void 0&&Fe.set(e.strings,t=new ze(e)),t}k(t){I(this._$AH)||(this._$AH=[],this._$AR());let n=this._$AH,r,i=0;for(let a of t)i===n.length?n.push(r=new e(this.O(Se()),this.O(Se()),this,this.options)):r=n[i],r._$AI(a),i++;i<n.length&&(this._$AR(r&&r._$AB.nextSibling,i),n.length=i)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let t=me(e).nextSibling;me(e).remove(),e=t}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},Ue=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,n,r,i){this.type=1,this._$AH=z,this._$AN=void 0,this.element=e,this.name=t,this._$AM=r,this.options=i,n.length>2||n[0]!==``||n[1]!==``?(this._$AH=Array(n.length-1).fill(new String),this.strings=n):this._$AH=z}_$AI(e,t=this,n,r){let i=this.strings,a=!1;if(i===void 0)e=Be(this,e,t,0),a=!Ce(e)||e!==this._$AH&&e!==Pe,a&&(this._$AH=e);else{let r=e,o,s;for(e=i[0],o=0;o<i.length-1;o++)s=Be(this,r[n+o],t,o),s===Pe&&(s=this._$AH[o]),a||=!Ce(s)||s!==this._$AH[o],s===z?e=z:e!==z&&(e+=(s??``)+i[o+1]),this._$AH[o]=s}a&&!r&&this.j(e)}j(e){e===z?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??``)}},We=class extends Ue{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===z?void 0:e}},Ge=class extends Ue{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==z)}},Ke=class extends Ue{constructor(e,t,n,r,i){super(e,t,n,r,i),this.type=5}_$AI(e,t=this){if((e=Be(this,e,t,0)??z)===Pe)return;let n=this._$AH,r=e===z&&n!==z||e.capture!==n.capture||e.once!==n.once||e.passive!==n.passive,i=e!==z&&(n===z||r);r&&this.element.removeEventListener(this.name,this,n),i&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH==`function`?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},qe=class{constructor(e,t,n){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=n}get _$AU(){return this._$AM._$AU}_$AI(e){Be(this,e)}},Je=pe.litHtmlPolyfillSupport;Je?.(ze,He),(pe.litHtmlVersions??=[]).push(`3.3.3`);var Ye=(e,t,n)=>{let r=n?.renderBefore??t,i=r._$litPart$;if(i===void 0){let e=n?.renderBefore??null;r._$litPart$=i=new He(t.insertBefore(Se(),e),e,void 0,n??{})}return i._$AI(e),i},Xe=globalThis,Ze=class extends fe{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=Ye(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return Pe}};Ze._$litElement$=!0,Ze.finalized=!0,Xe.litElementHydrateSupport?.({LitElement:Ze});var Qe=Xe.litElementPolyfillSupport;Qe?.({LitElement:Ze}),(Xe.litElementVersions??=[]).push(`4.2.2`);var $e=class extends Error{constructor(e,t,n){super(n),this.name=`ApiError`,this.status=e,this.code=t}};function et(e,t,n={}){let r=e.replace(/\/+$/,``),i=new URLSearchParams;for(let[e,t]of Object.entries(n))t!=null&&t!==``&&i.set(e,String(t));let a=i.toString();return`${r}/api/v1/${t}${a===``?``:`?${a}`}`}function tt(e){if(typeof e!=`object`||!e||!(`error`in e))return!1;let t=e.error;return typeof t==`object`&&!!t&&`message`in t&&`code`in t}async function nt(e,t){let n;try{n=await fetch(e,t)}catch(t){throw t instanceof DOMException&&t.name===`AbortError`?t:new $e(0,`network_error`,`Could not reach the fitscope server at ${e} (is it running, and does it allow this page's origin with --cors-origin?).`)}let r=await n.json().catch(()=>null);if(!n.ok)throw tt(r)?new $e(r.error.status,r.error.code,r.error.message):new $e(n.status,`http_error`,`${e} answered ${n.status}.`);return r}async function rt(e,t,n,r){return nt(et(e,t,n),{signal:r,headers:{Accept:`application/json`}})}function it(e){return e instanceof DOMException&&e.name===`AbortError`}var at=5e3,ot=5e3,st=6e4,ct=class{constructor(e){this.url=e,this.subscribers=new Set,this.state=`connecting`,this.source=null,this.poll=null,this.reopen=null,this.reopenMs=ot,this.open()}open(){let e=new EventSource(this.url);this.source=e,e.addEventListener(`open`,()=>{let e=this.poll!==null;this.stopPolling(),this.reopenMs=ot,this.setState(`open`),e&&this.broadcast({kind:`reset`})}),e.addEventListener(`error`,()=>{e.readyState===EventSource.CLOSED?(this.setState(`closed`),this.startPolling(),this.reopen??=setTimeout(()=>{this.reopen=null,this.reopenMs=Math.min(this.reopenMs*2,st),this.open()},this.reopenMs)):this.setState(`retrying`)}),e.addEventListener(`message`,e=>{let t;try{t=JSON.parse(e.data)}catch{return}this.broadcast(t)}),e.addEventListener(`reset`,()=>{this.broadcast({kind:`reset`})})}broadcast(e){for(let t of[...this.subscribers])t.onEvent(e)}startPolling(){this.poll??=setInterval(()=>{this.broadcast({kind:`reset`})},at)}stopPolling(){this.poll!==null&&clearInterval(this.poll),this.poll=null}setState(e){if(e!==this.state){this.state=e;for(let t of[...this.subscribers])t.onState?.(e)}}close(){this.source?.close(),this.stopPolling(),this.reopen!==null&&clearTimeout(this.reopen),this.reopen=null}},B=new Map;function lt(e,t){let n=et(e,`events`),r=B.get(n);r===void 0&&(r=new ct(n),B.set(n,r)),r.subscribers.add(t),t.onState?.(r.state);let i=r;return()=>{i.subscribers.delete(t),i.subscribers.size===0&&B.get(n)===i&&(i.close(),B.delete(n))}}var ut={"findings.title":`Diagnostics`,"findings.counts":`{error} errors · {warning} warnings · {info} info`,"findings.none":`No findings`,"findings.none_layer":`No findings for this layer`,"findings.checked":`{count} reports checked against the debugging guide.`,"findings.loading":`Loading…`,"findings.error":`Error: {message}`,"findings.severity.error":`Error`,"findings.severity.warning":`Warning`,"findings.severity.info":`Info`,"findings.iterations":`Iterations {first}–{last}`,"findings.iteration":`Iteration {first}`,"findings.noticed":`flagged at {iteration}`,"findings.layer":`Layer`,"findings.parameter":`Parameter`,"findings.open_layer":`Open layer {layer} on the model page`,"findings.advice":`Advice`,"findings.evidence":`Evidence`,"findings.badge.warnings":`{count} diagnostics warnings`,"findings.badge.warning_one":`1 diagnostics warning`,"findings.badge.errors":`{count} diagnostics errors`,"findings.badge.error_one":`1 diagnostics error`,"findings.badge.mixed":`{count} diagnostics warnings and errors`,"findings.marker":`{severity}: {message} (iteration {iteration})`,"findings.marker_worker":`{worker} — {marker}`,"findings.workers_counts":`{error} errors · {warning} warnings · {info} info in {workers} workers`,"findings.badge.all_workers":`{label} (all workers)`},dt={en:ut,zh:{"findings.title":`诊断`,"findings.counts":`{error} 个错误 · {warning} 个警告 · {info} 条提示`,"findings.none":`没有发现问题`,"findings.none_layer":`该层没有发现问题`,"findings.checked":`已按调试指南检查 {count} 个报告。`,"findings.loading":`加载中…`,"findings.error":`错误：{message}`,"findings.severity.error":`错误`,"findings.severity.warning":`警告`,"findings.severity.info":`提示`,"findings.iterations":`迭代 {first}–{last}`,"findings.iteration":`迭代 {first}`,"findings.noticed":`在 {iteration} 处发现`,"findings.layer":`层`,"findings.parameter":`参数`,"findings.open_layer":`在模型页打开层 {layer}`,"findings.advice":`建议`,"findings.evidence":`依据`,"findings.badge.warnings":`{count} 条诊断警告`,"findings.badge.warning_one":`1 条诊断警告`,"findings.badge.errors":`{count} 条诊断错误`,"findings.badge.error_one":`1 条诊断错误`,"findings.badge.mixed":`{count} 条诊断警告和错误`,"findings.marker":`{severity}：{message}（迭代 {iteration}）`,"findings.marker_worker":`{worker} — {marker}`,"findings.workers_counts":`{workers} 个工作节点：{error} 个错误 · {warning} 个警告 · {info} 条提示`,"findings.badge.all_workers":`{label}（全部工作节点）`},de:{"findings.title":`Diagnose`,"findings.counts":`{error} Fehler · {warning} Warnungen · {info} Hinweise`,"findings.none":`Keine Befunde`,"findings.none_layer":`Keine Befunde für diese Schicht`,"findings.checked":`{count} Berichte anhand des Debugging-Leitfadens geprüft.`,"findings.loading":`Wird geladen…`,"findings.error":`Fehler: {message}`,"findings.severity.error":`Fehler`,"findings.severity.warning":`Warnung`,"findings.severity.info":`Hinweis`,"findings.iterations":`Iterationen {first}–{last}`,"findings.iteration":`Iteration {first}`,"findings.noticed":`erkannt bei {iteration}`,"findings.layer":`Schicht`,"findings.parameter":`Parameter`,"findings.open_layer":`Schicht {layer} auf der Modellseite öffnen`,"findings.advice":`Empfehlung`,"findings.evidence":`Belege`,"findings.badge.warnings":`{count} Diagnosewarnungen`,"findings.badge.warning_one":`1 Diagnosewarnung`,"findings.badge.errors":`{count} Diagnosefehler`,"findings.badge.error_one":`1 Diagnosefehler`,"findings.badge.mixed":`{count} Diagnosewarnungen und -fehler`,"findings.marker":`{severity}: {message} (Iteration {iteration})`,"findings.marker_worker":`{worker} — {marker}`,"findings.workers_counts":`{error} Fehler · {warning} Warnungen · {info} Hinweise in {workers} Workern`,"findings.badge.all_workers":`{label} (alle Worker)`},ja:{"findings.title":`診断`,"findings.counts":`エラー {error} 件 · 警告 {warning} 件 · 情報 {info} 件`,"findings.none":`検出事項なし`,"findings.none_layer":`このレイヤーの検出事項なし`,"findings.checked":`{count} 件の報告をデバッグガイドに照らして確認しました。`,"findings.loading":`読み込み中…`,"findings.error":`エラー: {message}`,"findings.severity.error":`エラー`,"findings.severity.warning":`警告`,"findings.severity.info":`情報`,"findings.iterations":`イテレーション {first}–{last}`,"findings.iteration":`イテレーション {first}`,"findings.noticed":`{iteration} で検出`,"findings.layer":`レイヤー`,"findings.parameter":`パラメータ`,"findings.open_layer":`モデルページでレイヤー {layer} を開く`,"findings.advice":`対処`,"findings.evidence":`根拠`,"findings.badge.warnings":`診断の警告 {count} 件`,"findings.badge.warning_one":`診断の警告 1 件`,"findings.badge.errors":`診断のエラー {count} 件`,"findings.badge.error_one":`診断のエラー 1 件`,"findings.badge.mixed":`診断の警告とエラー {count} 件`,"findings.marker":`{severity}: {message}（イテレーション {iteration}）`,"findings.marker_worker":`{worker} — {marker}`,"findings.workers_counts":`{workers} ワーカーの合計: エラー {error} 件 · 警告 {warning} 件 · 情報 {info} 件`,"findings.badge.all_workers":`{label}（すべてのワーカー）`},ko:{"findings.title":`진단`,"findings.counts":`오류 {error}개 · 경고 {warning}개 · 정보 {info}개`,"findings.none":`발견된 문제 없음`,"findings.none_layer":`이 레이어에 대해 발견된 문제 없음`,"findings.checked":`보고 {count}개를 디버깅 가이드에 따라 검사했습니다.`,"findings.loading":`불러오는 중…`,"findings.error":`오류: {message}`,"findings.severity.error":`오류`,"findings.severity.warning":`경고`,"findings.severity.info":`정보`,"findings.iterations":`반복 {first}–{last}`,"findings.iteration":`반복 {first}`,"findings.noticed":`{iteration}에서 감지됨`,"findings.layer":`레이어`,"findings.parameter":`파라미터`,"findings.open_layer":`모델 페이지에서 레이어 {layer} 열기`,"findings.advice":`조언`,"findings.evidence":`근거`,"findings.badge.warnings":`진단 경고 {count}개`,"findings.badge.warning_one":`진단 경고 1개`,"findings.badge.errors":`진단 오류 {count}개`,"findings.badge.error_one":`진단 오류 1개`,"findings.badge.mixed":`진단 경고 및 오류 {count}개`,"findings.marker":`{severity}: {message} (반복 {iteration})`,"findings.marker_worker":`{worker} — {marker}`,"findings.workers_counts":`워커 {workers}개 합계: 오류 {error}개 · 경고 {warning}개 · 정보 {info}개`,"findings.badge.all_workers":`{label} (모든 워커)`},ru:{"findings.title":`Диагностика`,"findings.counts":`Ошибки: {error} · предупреждения: {warning} · сведения: {info}`,"findings.none":`Проблем не найдено`,"findings.none_layer":`Для этого слоя проблем не найдено`,"findings.checked":`Проверено отчётов по руководству по отладке: {count}.`,"findings.loading":`Загрузка…`,"findings.error":`Ошибка: {message}`,"findings.severity.error":`Ошибка`,"findings.severity.warning":`Предупреждение`,"findings.severity.info":`Сведения`,"findings.iterations":`Итерации {first}–{last}`,"findings.iteration":`Итерация {first}`,"findings.noticed":`замечено на {iteration}`,"findings.layer":`Слой`,"findings.parameter":`Параметр`,"findings.open_layer":`Открыть слой {layer} на странице модели`,"findings.advice":`Рекомендация`,"findings.evidence":`Данные`,"findings.badge.warnings":`Диагностических предупреждений: {count}`,"findings.badge.warning_one":`1 диагностическое предупреждение`,"findings.badge.errors":`Диагностических ошибок: {count}`,"findings.badge.error_one":`1 диагностическая ошибка`,"findings.badge.mixed":`Диагностических предупреждений и ошибок: {count}`,"findings.marker":`{severity}: {message} (итерация {iteration})`,"findings.marker_worker":`{worker} — {marker}`,"findings.workers_counts":`Всего у воркеров ({workers}): ошибки: {error} · предупреждения: {warning} · сведения: {info}`,"findings.badge.all_workers":`{label} (все воркеры)`}};function V(e,t,n){return w(dt[e][t]??ut[t],n)}var ft=`—`;function pt(e){return e===null?ft:e===1/0?`+Inf`:e===-1/0?`-Inf`:`NaN`}var mt=[`B`,`KiB`,`MiB`,`GiB`,`TiB`,`PiB`],ht=3;function gt(e){let t=e.toPrecision(ht);return t.includes(`e`)?String(Math.round(e)):t}function H(e){return`⁨${e}⁩`}function _t(e){if(e===null||!Number.isFinite(e))return pt(e);let t=e<0?`-`:``,n=Math.abs(e),r=0;for(;n>=1024&&r<mt.length-1;)n/=1024,r+=1;let i=r===0&&Number.isInteger(n)?String(n):gt(n);return`${Number(i)===0?``:t}${i} ${mt[r]??`PiB`}`}var vt=.001,yt=1e5;function bt(e,t=4){if(!Number.isInteger(t)||t<1||t>100)throw RangeError(`digits must be an integer from 1 to 100, got ${String(t)}.`);if(t===4)return n(e);if(e===null||!Number.isFinite(e))return pt(e);if(e===0)return`0`;let r=Number(e.toPrecision(t)),i=Math.abs(r),a=Math.max(yt,10**t);return i>=vt&&i<a?String(r):e.toExponential(t-1).replace(/\.?0+e/,`e`)}var xt=1e21;function U(e){if(e===null||!Number.isFinite(e))return pt(e);let t=Math.round(Math.abs(e));if(t>=xt)return bt(e);let n=String(t).replace(/\B(?=(\d{3})+$)/g,`,`);return e<0&&t!==0?`-${n}`:n}function St(e){if(e===null||!Number.isFinite(e))return pt(e);if(Math.abs(e)>=xt)return bt(e);let t=e.toFixed(2);return t===`-0.00`?`0.00`:t}function Ct(e){if(e===null||!Number.isFinite(e))return pt(e);let t=e*100,n=Math.abs(t);if(n>=xt)return`${bt(t)} %`;let r=t.toFixed(n>=10?1:2).replace(/\.(\d*?)0+$/,(e,t)=>t===``?``:`.${t}`),i=Number(r);return i===0&&t!==0?t>0?`<0.01 %`:`>-0.01 %`:i===100&&t<100?`>99.9 %`:`${i===0?`0`:r} %`}function wt(e){return String(e).padStart(2,`0`)}function Tt(e){if(e===null)return ft;if(!Number.isFinite(e)||e<0)return bt(e);let t=e/1e3;if(t<10){let e=t.toFixed(2);if(Number(e)<10)return`${e} s`}if(t<60){let e=t.toFixed(1);if(Number(e)<60)return`${e} s`}let n=Math.round(t);if(n<3600)return`${Math.floor(n/60)} min ${n%60} s`;let r=Math.round(t/60);if(r<1440)return`${Math.floor(r/60)} h ${wt(r%60)} min`;let i=Math.round(t/3600);return`${Math.floor(i/24)} d ${i%24} h`}var Et=new Map;function Dt(e){let t=e??``,n=Et.get(t);return n===void 0&&(n=new Intl.DateTimeFormat(`en-CA`,{year:`numeric`,month:`2-digit`,day:`2-digit`,hour:`2-digit`,minute:`2-digit`,second:`2-digit`,hourCycle:`h23`,...e===void 0?{}:{timeZone:e}}),Et.set(t,n)),n}function Ot(e,t){if(e===null)return ft;let n=new Date(e);if(Number.isNaN(n.getTime()))return bt(e);let r={year:``,month:``,day:``,hour:``,minute:``,second:``};for(let{type:e,value:i}of Dt(t).formatToParts(n))switch(e){case`year`:case`month`:case`day`:case`hour`:case`minute`:case`second`:r[e]=i}let i=r.year.padStart(4,`0`),a=r.hour===`24`?`00`:r.hour;return`${i}-${r.month}-${r.day} ${a}:${r.minute}:${r.second}`}var kt=[`error`,`warning`,`info`];function At(e){let t=kt.indexOf(e);return t<0?kt.length:t}function jt(e){return[...e].sort((e,t)=>At(e.severity)-At(t.severity)||e.first_iteration-t.first_iteration||(e.rule<t.rule?-1:+(e.rule>t.rule)))}function Mt(e,t){return e.layer===t||(e.parameter?.startsWith(`${t}.`)??!1)}function Nt(e,t){return t===null?[...e]:e.filter(e=>Mt(e,t))}function Pt(e){let t={error:0,warning:0,info:0};for(let n of e)t[n.severity]+=1;return t}function Ft(e){return e.severity===`warning`||e.severity===`error`}function It(e){let t={error:0,warning:0,info:0};for(let n of e)t.error+=n.error,t.warning+=n.warning,t.info+=n.info;return t}function Lt(e){return e.warning+e.error}function Rt(e){return kt.find(t=>e[t]>0)??null}function zt(e,t){let n=Lt(t);return t.error===0?n===1?V(e,`findings.badge.warning_one`):V(e,`findings.badge.warnings`,{count:n}):t.warning===0?n===1?V(e,`findings.badge.error_one`):V(e,`findings.badge.errors`,{count:n}):V(e,`findings.badge.mixed`,{count:n})}function Bt(e,t){return t.first_iteration===t.last_iteration?V(e,`findings.iteration`,{first:t.first_iteration}):V(e,`findings.iterations`,{first:t.first_iteration,last:t.last_iteration})}function Vt(e){return e==null?`—`:typeof e==`string`?e:typeof e==`number`||typeof e==`boolean`?String(e):JSON.stringify(e)}function Ht(e){return Object.entries(e).map(([e,t])=>[e,Vt(t)])}function Ut(e,t){return V(e,`findings.marker`,{severity:V(e,`findings.severity.${t.severity}`),message:t.message,iteration:t.first_iteration})}function Wt(e,t){return jt(t.filter(Ft)).map(t=>({x:t.first_iteration,severity:t.severity,title:Ut(e,t)})).sort((e,t)=>e.x-t.x)}function Gt(e,t){return t.flatMap(({worker:t,color:n,findings:r})=>Wt(e,r).map(r=>({...r,title:V(e,`findings.marker_worker`,{worker:H(t),marker:r.title}),worker:t,color:n}))).sort((e,t)=>e.x-t.x)}function Kt(e,t,n,r){let i=new URLSearchParams({session:t,worker:n,layer:r});return`${e.replace(/\/+$/,``)}/train/model?${i.toString()}`}var qt=1e3,Jt=class{constructor(e){this.key=e,this.listeners=new Set,this.state={answer:null,error:null},this.controller=null,this.timer=null,this.lastStart=-1/0,this.dirty=!1,this.unsubscribe=lt(e.apiBase,{onEvent:e=>{this.relevant(e)&&this.schedule()}}),this.load()}relevant(e){if(e.kind===`reset`)return!0;if(e.kind!==`update`&&e.kind!==`static_info`)return!1;let t=this.state.answer;return t===null?!0:e.session_id===t.session_id?e.worker_id===t.worker_id:this.key.session===null&&e.kind===`static_info`}schedule(){if(this.controller!==null){this.dirty=!0;return}if(this.timer!==null)return;let e=Math.max(0,this.lastStart+qt-performance.now());this.timer=setTimeout(()=>{this.timer=null,this.load()},e)}async load(){let e=new AbortController;this.controller=e,this.lastStart=performance.now();let{apiBase:t,session:n,worker:r}=this.key,i=x(y(this.key.lang));try{let a=await rt(t,`findings`,{session:n,worker:r,lang:i},e.signal);this.state={answer:a,error:null}}catch(t){if(it(t)||e.signal.aborted)return;let n=t instanceof $e?t:new $e(0,`client_error`,t instanceof Error?t.message:String(t));this.state={answer:this.state.answer,error:n}}finally{this.controller===e&&(this.controller=null)}for(let e of[...this.listeners])e(this.state);this.dirty&&(this.dirty=!1,this.schedule())}close(){this.unsubscribe(),this.controller?.abort(),this.controller=null,this.timer!==null&&clearTimeout(this.timer),this.timer=null}},Yt=new Map;function Xt(e,t){let n=et(e.apiBase,`findings`,{session:e.session,worker:e.worker,lang:x(y(e.lang))}),r=Yt.get(n);r===void 0?(r=new Jt(e),Yt.set(n,r)):(r.state.answer!==null||r.state.error!==null)&&t(r.state),r.listeners.add(t);let i=r;return()=>{i.listeners.delete(t),i.listeners.size===0&&Yt.get(n)===i&&(i.close(),Yt.delete(n))}}var Zt=class{constructor(e){this.host=e,this.state={answer:null,error:null},this.key=null,this.id=``,this.stop=null,this.marks={of:null,lang:null,marks:[]},e.addController(this)}watch(e){let t=e===null?``:JSON.stringify(e);t!==this.id&&(this.id=t,this.key=e,this.state={answer:null,error:null},this.start())}marksFor(e,t,n){let r=this.state.answer,i=r!==null&&r.session_id===e&&r.worker_id===t?r:null;return(i!==this.marks.of||n!==this.marks.lang)&&(this.marks={of:i,lang:n,marks:Wt(n,i?.findings??[])}),this.marks.marks}start(){this.stop?.(),this.stop=null,this.key!==null&&(this.stop=Xt(this.key,e=>{this.state=e,this.host.requestUpdate()}))}hostConnected(){this.stop===null&&this.start()}hostDisconnected(){this.stop?.(),this.stop=null}},Qt=class{constructor(e){this.host=e,this.watched=new Map,this.id=``,this.connected=!1,this.marks={of:[],lang:null,colors:``,marks:[]},e.addController(this)}watch(e,t){let n=e===null?``:JSON.stringify([e,t]);if(n===this.id)return;this.id=n;let r=new Map,i=e===null?[]:t.map(t=>({...e,worker:t}));for(let e of i){let t=e.worker??``,n=this.watched.get(t);r.set(t,n!==void 0&&JSON.stringify(n.key)===JSON.stringify(e)?n:{key:e,state:{answer:null,error:null},stop:null})}let a=this.watched;if(this.watched=r,this.connected)for(let e of r.values())this.start(e);for(let[e,t]of a)r.get(e)!==t&&this.stopOne(t)}answers(e){return[...this.watched].map(([t,n])=>{let r=n.state.answer;return r!==null&&r.session_id===e&&r.worker_id===t?r:null})}counts(e){let t=this.answers(e).filter(e=>e!==null);return t.length===0?null:It(t.map(e=>e.counts))}marksFor(e,t,n){let r=this.answers(e),i=JSON.stringify([...n]),a=this.marks;if(!(a.lang===t&&a.colors===i&&a.of.length===r.length&&a.of.every((e,t)=>e===r[t]))){let e=r.flatMap(e=>e===null?[]:[{worker:e.worker_id,color:n.get(e.worker_id)??0,findings:e.findings}]);this.marks={of:r,lang:t,colors:i,marks:Gt(t,e)}}return this.marks.marks}start(e){e.stop===null&&(e.stop=Xt(e.key,t=>{e.state=t,this.host.requestUpdate()}))}stopOne(e){e.stop?.(),e.stop=null}hostConnected(){this.connected=!0;for(let e of this.watched.values())this.start(e)}hostDisconnected(){this.connected=!1;for(let e of this.watched.values())this.stopOne(e)}};function $t(e,t){let n=e.name??e.session_id;return t.filter(e=>(e.name??e.session_id)===n).length>1?`${H(n)} (${Ot(e.start_ms)})`:H(n)}function en(e){return/(^|\.)\d+$/.test(e)}function tn(e,t){return t!=null&&t!==``&&en(e)?`${e} (${t})`:e}function nn(e,t,n){if(t==null||!en(t))return e;let r=n.get(t);return r===void 0?e:`${e} (${r})`}function rn(e){let t=Math.max(0,Math.round(e/1e3));if(t<60)return`${t} s`;let n=Math.floor(t/60);if(n<120)return`${n} min`;let r=Math.floor(n/60);return r<48?`${r} h`:`${Math.floor(r/24)} d`}var W=6e4,G=1e4;function an(e){return{start_ms:e.start_ms,last_update_ms:e.last_update_ms,num_reports:e.num_reports}}function on(e){let t=e=>e.last_update_ms??e.start_ms,n=null;for(let r of e.values()){let e=t(r);e!==null&&(n===null||e>n)&&(n=e)}let r=new Set;if(n===null)return r;for(let[i,a]of e){let e=t(a);if(e===null)continue;let o=W;if(a.start_ms!==null&&a.last_update_ms!==null&&a.num_reports>0){let e=(a.last_update_ms-a.start_ms)/a.num_reports;o=Math.max(o,10*e)}n-e>o&&r.add(i)}return r}async function sn(e,t,n,r){let i=await Promise.all(n.map(n=>rt(e,`overview`,{session:t,worker:n,max_points:2},r).catch(e=>{if(r.aborted)throw e;return null}))),a=new Map;return i.forEach((e,r)=>{let i=n[r];e!==null&&i!==void 0&&e.session_id===t&&a.set(i,an(e.info))}),a}function cn(e){return e==null?null:typeof e==`number`?e:e===`NaN`?NaN:e===`Infinity`?1/0:-1/0}function K(e){let t=e.map(e=>{let t=new Map;return e.iterations.forEach((n,r)=>t.set(n,e.values[r]??null)),t}),n=[...new Set(e.flatMap(e=>e.iterations))].sort((e,t)=>e-t),r=[],i=[],a=[],o=[];for(let e of n){let n=t.map(t=>cn(t.get(e))).filter(e=>e!==null);o.push(n.length),n.length===0?(r.push(null),i.push(null),a.push(null)):(r.push(n.reduce((e,t)=>e+t,0)/n.length),i.push(Math.min(...n)),a.push(Math.max(...n)))}return{mean:{iterations:n,values:r},min:{iterations:[...n],values:i},max:{iterations:[...n],values:a},counts:o}}var ln=class{constructor(e){this.host=e,this.stopped=new Set,this.key=``,this.target=null,this.timer=null,this.controller=null,e.addController(this)}watch(e,t,n){let r=JSON.stringify([e,t,n]);r!==this.key&&(this.key=r,this.target=t===null||n.length<2?null:{apiBase:e,session:t,workers:n},this.target===null&&this.set(new Set),this.load())}reported(e){this.stopped.size!==0&&(e===null||[...e].some(e=>this.stopped.has(e)))&&this.load()}hostConnected(){this.timer??=setInterval(()=>void this.load(),G)}hostDisconnected(){this.timer!==null&&clearInterval(this.timer),this.timer=null,this.controller?.abort(),this.controller=null}async load(){let e=this.target;if(this.controller?.abort(),e===null)return;let t=new AbortController;this.controller=t;try{let n=await sn(e.apiBase,e.session,e.workers,t.signal);if(t.signal.aborted||e!==this.target)return;this.set(on(n))}catch{}}set(e){e.size===this.stopped.size&&[...e].every(e=>this.stopped.has(e))||(this.stopped=e,this.host.requestUpdate())}},un=[`iteration`,`wall`,`relative`],dn=`x-axis`;function fn(e){return e===`wall`||e===`relative`?e:`iteration`}function pn(e,t){let n=new Map;for(let t of e){let e=t.timestamps_ms;e!==void 0&&t.iterations.forEach((t,r)=>{let i=e[r];typeof i==`number`&&Number.isFinite(i)&&!n.has(t)&&n.set(t,i)})}if(t==null)return n;let r=[],i=[];if(t.iterations.forEach((e,n)=>{let a=t.values[n];typeof a==`number`&&Number.isFinite(a)&&(r.push(e),i.push(a))}),r.length===0)return n;for(let t of e)for(let e of t.iterations){if(n.has(e))continue;let t=e<=r[0]?i[0]:e>=r[r.length-1]?i[i.length-1]:hn(r,i,e);t!==null&&n.set(e,t)}return n}function mn(e,t,n,r){if(n===`iteration`)return e.slice();let i=[];for(let n of e){let e=t.get(n);if(e===void 0||i.length>0&&e<i[i.length-1])return null;i.push(e)}if(n===`wall`)return i;let a=r??i[0]??0;return i.map(e=>(e-a)/1e3)}function hn(e,t,n){let r=0,i=e.length-1;if(i<0||n<e[0]||n>e[i])return null;for(;i-r>1;){let t=r+i>>1;e[t]<=n?r=t:i=t}let a=e[r],o=e[i],s=t[r],c=t[i];return a===n||o===a?s:o===n?c:s+(c-s)*(n-a)/(o-a)}function gn(e){let t=e<0?`-`:``,n=Math.abs(e);if(n<60)return`${t}${Number(n.toPrecision(3))} s`;let r=e=>String(Math.floor(e)).padStart(2,`0`);return n<3600?`${t}${Math.floor(n/60)}m ${r(n%60)}s`:n<86400?`${t}${Math.floor(n/3600)}h ${r(n%3600/60)}m`:`${t}${Math.floor(n/86400)}d ${r(n%86400/3600)}h`}var _n=[.001,.01,.1,.5,1,2,5,10,15,30,60,120,300,600,900,1800,3600,7200,10800,21600,43200,86400,172800,604800,2592e3,31536e3];function vn(){if(typeof document>`u`)return!1;let e=document.querySelector(`train-app`);if(e===null)return!1;let t=(e.getAttribute(`api-base`)??``).replace(/\/+$/,``);return(t===``||t.startsWith(`/`))&&location.pathname.startsWith(`${t}/train/`)}var yn=new class extends EventTarget{constructor(){super(),this.current=typeof location>`u`?`iteration`:fn(new URLSearchParams(location.search).get(dn))}get mode(){return this.current}set mode(e){if(e!==this.current){if(this.current=e,vn()){let t=new URL(location.href);e===`iteration`?t.searchParams.delete(dn):t.searchParams.set(dn,e),history.replaceState(history.state,``,t)}this.dispatchEvent(new Event(`change`))}}},bn=250,xn=class extends Ze{static{this.properties={apiBase:{attribute:`api-base`},session:{},worker:{},lang:{},theme:{reflect:!0},error:{state:!0},loaded:{state:!0}}}constructor(){super(),this.shownSession=null,this.shownWorker=null,this.unsubscribe=null,this.controller=null,this.lastStart=0,this.pending=null,this.inFlight=!1,this.dirty=!1,this.pendingKinds=new Set,this.pendingWorkers=new Set,this.apiBase=``,this.session=null,this.worker=null,this.lang=``,this.theme=null,this.error=null,this.loaded=!1}get language(){return this.lang===``?S():y(this.lang)}tr(e,t){return C(this.language,e,t)}get oneWorker(){return this.worker===`*`?null:this.worker}isRelevant(e){return e.kind===`reset`||this.shownSession===null?!0:e.session_id===this.shownSession?this.shownWorker===null||e.worker_id===this.shownWorker:this.session===null&&e.kind===`static_info`}connectedCallback(){super.connectedCallback(),this.subscribe()}subscribe(){this.unsubscribe?.(),this.unsubscribe=lt(this.apiBase,{onEvent:e=>{this.onLive(e)},onState:e=>{this.onLiveState?.(e)}})}disconnectedCallback(){super.disconnectedCallback(),this.unsubscribe?.(),this.unsubscribe=null,this.controller?.abort(),this.pending!==null&&clearTimeout(this.pending),this.pending=null}willUpdate(e){e.has(`apiBase`)&&this.isConnected&&e.get(`apiBase`)!==void 0&&this.subscribe(),(e.has(`apiBase`)||e.has(`session`)||e.has(`worker`))&&this.reload()}onLive(e){this.isRelevant(e)&&(this.pendingKinds.add(e.kind),e.kind===`reset`?this.pendingWorkers=null:this.pendingWorkers?.add(e.worker_id),this.refresh())}takeEventKinds(){let e=this.pendingKinds;return this.pendingKinds=new Set,e}takeEventWorkers(){let e=this.pendingWorkers;return this.pendingWorkers=new Set,e}reload(){this.pendingKinds=new Set,this.pendingWorkers=new Set,this.controller?.abort(),this.inFlight=!1,this.dirty=!1,this.pending!==null&&clearTimeout(this.pending),this.pending=null,this.run()}refresh(){if(this.inFlight){this.dirty=!0;return}if(this.pending!==null)return;let e=Math.max(0,this.lastStart+bn-performance.now());this.pending=setTimeout(()=>{this.pending=null,this.run()},e)}async run(){let e=new AbortController;this.controller=e,this.inFlight=!0,this.lastStart=performance.now();try{if(await this.fetchData(e.signal),e.signal.aborted)return;this.error=null,this.loaded=!0}catch(t){if(it(t)||e.signal.aborted)return;let n=t instanceof $e?t:new $e(0,`client_error`,t instanceof Error?t.message:String(t));n!==this.error&&(this.error=n,this.dispatchEvent(new CustomEvent(`train-error`,{bubbles:!0,composed:!0,detail:{status:n.status,code:n.code,message:n.message}})))}finally{this.controller===e&&(this.inFlight=!1,this.dirty&&(this.dirty=!1,this.refresh()))}}renderError(){return this.error===null?null:R`<p part="error" class="error" role="alert">
      ${this.tr(`app.error`,{message:this.error.message})}
    </p>`}renderLoading(){return R`<p class="muted" aria-busy="true">${this.tr(`app.loading`)}</p>`}},Sn={light:[`#0072b2`,`#c65400`,`#00845f`,`#b5448c`,`#3d3d3d`,`#8a6200`,`#6a3d9a`,`#007c86`,`#a33c3c`,`#5b6e00`,`#4d5fa3`,`#8b4a1c`],dark:[`#56b4e9`,`#e69f00`,`#3ccf9e`,`#e08ec0`,`#f0e442`,`#ff8a5c`,`#b7a2ea`,`#a6d854`,`#ffffff`,`#4fd2d6`,`#ff9da7`,`#c9b27c`]},Cn=Sn.light.length,wn=[[6,3],[2,3],[8,3,2,3]];function Tn(e){let t=Math.floor(e/Cn);if(t!==0)return[...wn[(t-1)%wn.length]??[]]}function En(e){return e%Cn+1}var Dn=ee(Sn.light.map((e,t)=>`--_series-${t+1}: inherit;`).join(`
`));function On(e){return ee(e.map((e,t)=>`--_series-${t+1}: var(--train-series-${t+1}, ${e});`).join(`
`))}var kn=A`
  --_bg: var(--train-bg, #ffffff);
  --_fg: var(--train-fg, #1b1b1f);
  --_muted: var(--train-muted, #5b5d66);
  --_border: var(--train-border, #d0d2d9);
  --_accent: var(--train-accent, #0a5fa8);
  --_grid: var(--train-grid, #e4e5ea);
  --_nonfinite: var(--train-nonfinite, #b00020);
  --_band: var(--train-band, rgba(0, 158, 115, 0.14));
  ${On(Sn.light)}
  color-scheme: light;
`,An=A`
  --_bg: var(--train-bg, #1e1e1e);
  --_fg: var(--train-fg, #e8e8ea);
  --_muted: var(--train-muted, #a9abb3);
  --_border: var(--train-border, #44464d);
  --_accent: var(--train-accent, #7cc4ff);
  --_grid: var(--train-grid, #34363c);
  --_nonfinite: var(--train-nonfinite, #ff6b81);
  --_band: var(--train-band, rgba(0, 158, 115, 0.22));
  ${On(Sn.dark)}
  color-scheme: dark;
`,jn=`system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif`,Mn=A`
  :host {
    ${kn}
    --_font: var(--train-font-family, ${ee(jn)});
    --_radius: var(--train-radius, 6px);
    display: block;
    font-family: var(--_font);
    color: var(--_fg);
    background: var(--_bg);
  }
  :host([theme="dark"]) {
    ${An}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme="light"])) {
      ${An}
    }
  }
  :host([hidden]) {
    display: none;
  }
  h2 {
    font-size: 1rem;
    font-weight: 600;
    margin: 0 0 0.5rem;
  }
  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
    min-width: 0;
  }
  table.info {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.875rem;
  }
  table.info th,
  table.info td {
    text-align: left;
    padding: 0.25rem 0.5rem;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  table.info th {
    color: var(--_muted);
    font-weight: 500;
    width: 45%;
  }
  [role="tablist"] {
    display: flex;
    gap: 0.25rem;
    margin-bottom: 0.5rem;
    flex-wrap: wrap;
  }
  button {
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.2rem 0.6rem;
    cursor: pointer;
  }
  button[aria-selected="true"],
  button[aria-pressed="true"] {
    border-color: var(--_accent);
    color: var(--_accent);
    font-weight: 600;
  }
  button:focus-visible,
  [tabindex]:focus-visible,
  select:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .muted {
    color: var(--_muted);
  }
  .error {
    color: var(--_nonfinite);
  }
`;function Nn(e,t){return getComputedStyle(e).getPropertyValue(t).trim()}function Pn(e,t){return Nn(e,`--_series-${En(t)}`)}var Fn=[Mn,A`
    .grid {
      display: grid;
      grid-template-columns: repeat(12, minmax(0, 1fr));
      gap: 0.75rem;
    }
    .wide {
      grid-column: span 8;
    }
    .narrow {
      grid-column: span 4;
    }
    .half {
      grid-column: span 6;
    }
    .full {
      grid-column: span 12;
    }
    @media (max-width: 900px) {
      .wide,
      .narrow,
      .half {
        grid-column: span 12;
      }
    }
  `],In=[Mn,A`
    :host([data-inherit-theme]:not([theme])) {
      --_bg: inherit;
      --_fg: inherit;
      --_muted: inherit;
      --_border: inherit;
      --_accent: inherit;
      --_grid: inherit;
      --_nonfinite: inherit;
      --_band: inherit;
      ${Dn}
      --_font: inherit;
      --_radius: inherit;
      color-scheme: inherit;
    }
    /* The table views of the charts and histograms, and their "no data" line. */
    .tablewrap {
      max-height: 24rem;
      overflow: auto;
    }
    table.data {
      border-collapse: collapse;
      font-size: 0.8125rem;
      font-variant-numeric: tabular-nums;
      width: 100%;
    }
    table.data th,
    table.data td {
      padding: 0.15rem 0.5rem;
      border-bottom: 1px solid var(--_border);
      text-align: right;
    }
    table.data thead th {
      position: sticky;
      top: 0;
      background: var(--_bg);
      color: var(--_muted);
      font-weight: 500;
    }
    .empty {
      margin: 0;
      padding: 1rem 0;
    }
  `];function Ln(e){let t=e.getRootNode(),n=e.parentElement??(t instanceof ShadowRoot?t.host:null);return n!==null&&getComputedStyle(n).getPropertyValue(`--_fg`).trim()!==``}var Rn=`fitscope-projector.js`,zn=null;function Bn(){let e=new URL(Rn,import.meta.url).href;return zn??=import(e).then(()=>void 0,e=>{throw zn=null,e}),zn}var Vn=[`api-base`,`embedding`,`menu`,`lang`,`theme`],Hn=typeof HTMLElement==`function`?HTMLElement:Object,Un=class extends Hn{static{this.observedAttributes=Vn}constructor(){super(),this.view=document.createElement(`embedding-projector-view`),this.attachShadow({mode:`open`}).append(this.view)}attributeChangedCallback(e,t,n){n===null?this.view.removeAttribute(e):this.view.setAttribute(e,n)}connectedCallback(){let e=y(this.lang||navigator.language);this.view.textContent=C(e,`app.loading`),this.view.removeAttribute(`role`),Bn().catch(t=>{this.view.textContent=C(e,`app.error`,{message:String(t)}),this.view.setAttribute(`role`,`alert`),this.dispatchEvent(new CustomEvent(`train-error`,{bubbles:!0,composed:!0,detail:{status:0,code:`chunk_error`,message:String(t)}}))})}};u(`embedding-projector`,Un);function Wn(e,t){return R`<table class="info" part="table" data-table=${e}>
    <tbody>
      ${t.map(([e,t,n])=>R`<tr data-key=${e}>
            <th scope="row"><bdi>${t}</bdi></th>
            <td><bdi>${n??`—`}</bdi></td>
          </tr>`)}
    </tbody>
  </table>`}function Gn(e,t){return e==null||t==null?null:t>0?e/t:null}function Kn(e){return Gn(e.zero_count,e.count)}function qn(e){return Gn(e.dead_unit_count,e.unit_count)}function Jn(e,t){let n=Kn(t);return n===null||t.zero_count==null?{text:`—`,title:C(e,`model.latest.not_counted`)}:{text:Ct(n),title:C(e,`model.latest.zeros_title`,{zeros:U(t.zero_count),count:U(t.count)})}}function Yn(e,t){let n=qn(t);if(n===null||t.dead_unit_count==null||t.unit_count==null)return{text:`—`,title:C(e,`model.latest.not_counted`)};let r={dead:U(t.dead_unit_count),units:U(t.unit_count),percent:Ct(n)};return{text:C(e,`model.latest.dead_cell`,r),title:C(e,`model.latest.dead_title`,r)}}function Xn(e,t,n){let r=e=>n[e]??z;return R`<td
    data-col=${e}
    title=${t.title}
    data-count=${r(`count`)}
    data-zero-count=${r(`zero`)}
    data-unit-count=${r(`units`)}
    data-dead-unit-count=${r(`dead`)}
  >
    ${t.text}
  </td>`}function Zn(t,r,i){let a=r.summary,o=a.zero_count==null?{}:{count:a.count,zero:a.zero_count},s=a.unit_count==null||a.dead_unit_count==null?{}:{units:a.unit_count,dead:a.dead_unit_count};return R`<tr data-key=${r.key}>
    <th scope="row">${r.kind}</th>
    <td data-col="tensor"><bdi>${r.tensor}</bdi></td>
    <td data-col="count">${U(a.count)}</td>
    <td data-col="mean">${n(e(a.mean))}</td>
    <td data-col="stdev">${n(e(a.stdev))}</td>
    ${Xn(`zeros`,Jn(t,a),o)}
    ${i?r.activations?Xn(`dead_units`,Yn(t,a),s):R`<td data-col="dead_units"></td>`:z}
  </tr>`}function Qn(e,t){let n=t.some(e=>e.activations),r=t=>R`<th scope="col">${C(e,t)}</th>`;return R`<div class="stats-wrap">
    <table class="info stats" part="table" data-table="latest">
      <thead>
        <tr>
          ${r(`model.latest.kind`)} ${r(`model.latest.tensor`)} ${r(`model.latest.count`)}
          ${r(`model.activations.mean`)} ${r(`model.latest.stdev`)} ${r(`model.latest.zeros`)}
          ${n?r(`model.latest.dead_units`):z}
        </tr>
      </thead>
      <tbody>
        ${t.map(t=>Zn(e,t,n))}
      </tbody>
    </table>
  </div>`}function $n(e,t){let n=e.nonfinite,r=[t===null?void 0:n.parameters[t],t===null?void 0:n.gradients[t],t===null?void 0:n.updates[t],n.activations??void 0],i=new Set;for(let e of r)for(let t of e?.iterations??[])i.add(t);let a=e.latest?.iteration;return a!==void 0&&i.size>0&&i.add(a),[...i].sort((e,t)=>e-t)}function er(e,t){let n=null;for(let r of e)(n===null||Math.abs(r-t)<Math.abs(n-t))&&(n=r);return n??t}function tr(e){switch(e){case`ArrowLeft`:case`ArrowDown`:return{kind:`step`,direction:-1};case`ArrowRight`:case`ArrowUp`:return{kind:`step`,direction:1};case`Home`:return{kind:`jump`,to:`first`};case`End`:return{kind:`jump`,to:`last`};case`PageDown`:return{kind:`page`,direction:-1};case`PageUp`:return{kind:`page`,direction:1};default:return null}}function nr(e,t,n){if(e.length===0)return t;let r=e.indexOf(er(e,t)),i=Math.max(1,Math.round(e.length/10));return e[Math.min(e.length-1,Math.max(0,r+n*i))]??t}function rr(e,t){let n=e.filter(e=>e!==null);return n.length===0?null:t<0?Math.max(...n):Math.min(...n)}function ir(e){return JSON.stringify([e.apiBase,e.session,e.worker,e.tensors.map(e=>[e.kind,e.name])])}function ar(e){return e instanceof $e?e:new $e(0,`client_error`,e instanceof Error?e.message:String(e))}var or=class{constructor(e){this.error=null,this.shown=null,this.wanted=``,this.wantedQuery=``,this.timer=null,this.pending=null,this.controller=null,this.steps=Promise.resolve(),this.stepGeneration=0,this.stepController=new AbortController,this.host=e,e.addController(this)}hostDisconnected(){this.cancel(),this.cancelSteps(),this.wanted=``}cancel(){this.timer!==null&&clearTimeout(this.timer),this.timer=null,this.pending=null,this.controller?.abort(),this.controller=null}cancelSteps(){this.stepGeneration++,this.stepController.abort(),this.stepController=new AbortController}get loading(){return this.timer!==null||this.controller!==null}histograms(e){return e===null||this.shown===null||this.shown.query!==ir(e)?null:this.shown}request(e,t,n=`soon`){let r=e===null?``:ir(e);r!==this.wantedQuery&&this.cancelSteps(),this.wantedQuery=r;let i=e===null||t===null?``:`${r}@${t}`;if(i===this.wanted){n===`now`&&this.timer!==null&&this.pending?.();return}if(this.wanted=i,this.cancel(),e===null||t===null){this.host.requestUpdate();return}let a=()=>{this.timer!==null&&clearTimeout(this.timer),this.timer=null,this.pending=null,this.load(e,r,t)};n===`debounce`?(this.pending=a,this.timer=setTimeout(a,150)):a(),this.host.requestUpdate()}async load(e,t,n){let r=new AbortController;this.controller=r;try{let i=await Promise.all(e.tensors.map(t=>rt(e.apiBase,`histogram`,{session:e.session,worker:e.worker,kind:t.kind,name:t.name,iteration:n},r.signal)));if(r.signal.aborted)return;let a=new Map;e.tensors.forEach((e,t)=>a.set(e.kind,i[t]?.histogram??null)),this.shown={query:t,iteration:n,byKind:a},this.error=null}catch(e){if(it(e)||r.signal.aborted)return;this.error=ar(e),this.wanted=``}finally{this.controller===r&&(this.controller=null,this.host.requestUpdate())}}step(e,t,n,r){let i=this.stepGeneration,a=this.stepController.signal,o=async()=>{if(i!==this.stepGeneration)return;let o=t();if(n<0&&o<=0)return;let s=n<0?{iteration:o-1}:{iteration:o,after:`true`},c=await Promise.all(e.tensors.map(t=>rt(e.apiBase,`histogram`,{session:e.session,worker:e.worker,kind:t.kind,name:t.name,...s},a)));if(i!==this.stepGeneration)return;let l=rr(c.map(e=>e.histogram?.iteration??null),n);l!==null&&r(l)};this.steps=this.steps.then(o).catch(e=>{it(e)||i!==this.stepGeneration||(this.error=ar(e),this.host.requestUpdate())})}},sr=class extends Ze{static{this.properties={label:{type:String},lang:{type:String},theme:{type:String,reflect:!0}}}constructor(){super(),this.label=``}get language(){return y(this.lang)}connectedCallback(){super.connectedCallback(),this.toggleAttribute(`data-inherit-theme`,Ln(this))}},cr=class extends sr{static{this.properties={...sr.properties,stops:{attribute:!1},min:{type:Number},max:{type:Number},value:{type:Number},live:{type:Boolean}}}static{this.styles=[...In,A`
      :host {
        display: block;
        font-size: 0.8125rem;
      }
      .row {
        display: flex;
        gap: 0.5rem;
        justify-content: space-between;
        align-items: baseline;
        margin-bottom: 0.25rem;
      }
      .label {
        font-weight: 600;
      }
      .value {
        font-variant-numeric: tabular-nums;
      }
      .track {
        position: relative;
        height: 1.5rem;
        cursor: pointer;
        touch-action: none;
        user-select: none;
      }
      .rail,
      .fill {
        position: absolute;
        top: calc(50% - 2px);
        height: 4px;
        border-radius: 2px;
        left: 0;
      }
      .rail {
        right: 0;
        background: var(--_border);
      }
      .fill {
        background: var(--_accent);
      }
      .thumb {
        position: absolute;
        top: 50%;
        width: 1rem;
        height: 1rem;
        margin: -0.5rem 0 0 -0.5rem;
        border-radius: 50%;
        background: var(--_accent);
        border: 2px solid var(--_bg);
        box-sizing: border-box;
      }
      .thumb:focus-visible {
        outline: 2px solid var(--_accent);
        outline-offset: 2px;
      }
      .ends {
        display: flex;
        justify-content: space-between;
        color: var(--_muted);
        font-variant-numeric: tabular-nums;
      }
    `]}constructor(){super(),this.dragging=!1,this.stops=[],this.min=void 0,this.max=void 0,this.value=0,this.live=!1}get lo(){return this.min??this.stops[0]??0}get hi(){return this.max??this.stops[this.stops.length-1]??this.lo}percent(e){let t=this.hi-this.lo;return t>0?Math.min(100,Math.max(0,100*(e-this.lo)/t)):100}valueText(){let e=U(this.value);return C(this.language,this.live?`model.histograms.iteration_latest`:`model.histograms.iteration`,{iteration:e})}emitInput(e,t){this.value=e,this.dispatchEvent(new CustomEvent(`train-iteration-input`,{bubbles:!0,composed:!0,detail:{iteration:e,final:t}}))}stopAt(e,t){let n=e.getBoundingClientRect(),r=n.width>0?(t-n.left)/n.width:1,i=this.lo+Math.min(1,Math.max(0,r))*(this.hi-this.lo);return er(this.stops,Math.round(i))}onPointerDown(e){if(e.button!==0)return;let t=e.currentTarget;t.setPointerCapture(e.pointerId),this.dragging=!0,this.renderRoot.querySelector(`[role="slider"]`)?.focus(),e.preventDefault(),this.emitInput(this.stopAt(t,e.clientX),!1)}onPointerMove(e){if(!this.dragging)return;let t=this.stopAt(e.currentTarget,e.clientX);t!==this.value&&this.emitInput(t,!1)}onPointerUp(e){this.dragging&&(this.dragging=!1,this.emitInput(this.stopAt(e.currentTarget,e.clientX),!0))}onKeyDown(e){let t=tr(e.key);t!==null&&(e.preventDefault(),t.kind===`step`?this.dispatchEvent(new CustomEvent(`train-iteration-step`,{bubbles:!0,composed:!0,detail:{direction:t.direction}})):t.kind===`jump`?this.emitInput(t.to===`first`?this.lo:this.hi,!0):this.emitInput(nr(this.stops,this.value,t.direction),!0))}updated(){this.dataset.value=String(this.value),this.dataset.live=String(this.live)}render(){let e=this.percent(this.value),t=this.valueText();return R`
      <div class="row">
        <span class="label" id="label">${this.label}</span>
        <span class="value" aria-hidden="true">${t}</span>
      </div>
      <div
        part="track"
        class="track"
        @pointerdown=${e=>this.onPointerDown(e)}
        @pointermove=${e=>this.onPointerMove(e)}
        @pointerup=${e=>this.onPointerUp(e)}
        @pointercancel=${e=>this.onPointerUp(e)}
      >
        <div class="rail"></div>
        <div class="fill" style="width: ${e}%"></div>
        <div
          part="thumb"
          class="thumb"
          role="slider"
          tabindex="0"
          aria-labelledby="label"
          aria-orientation="horizontal"
          aria-valuemin=${this.lo}
          aria-valuemax=${this.hi}
          aria-valuenow=${this.value}
          aria-valuetext=${t}
          style="left: ${e}%"
          @keydown=${e=>this.onKeyDown(e)}
        ></div>
      </div>
      <div class="ends" aria-hidden="true">
        <span>${U(this.lo)}</span><span>${U(this.hi)}</span>
      </div>
    `}};u(`train-iteration-slider`,cr);var lr=A`
  .timeline {
    display: grid;
    gap: 0.35rem;
    margin: 0.25rem 0 0.75rem;
  }
  .timeline-status {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    font-size: 0.8125rem;
  }
`;function ur(e,t,n){let r=t.stops.at(-1);if(r===void 0||t.stops.length<2)return z;let i=t.pinned===null;return R`<div class="timeline" data-timeline data-live=${String(i)}>
    <train-iteration-slider
      label=${C(e,`model.histograms.slider`)}
      lang=${e}
      .stops=${t.stops}
      .value=${t.pinned??r}
      ?live=${i}
      @train-iteration-input=${n.input}
      @train-iteration-step=${n.step}
    ></train-iteration-slider>
    <div class="timeline-status">
      <button type="button" data-action="latest" ?disabled=${i} @click=${n.latest}>
        ${C(e,`model.histograms.latest`)}
      </button>
      <span class="muted" aria-live="polite"
        >${t.pinned===null?C(e,`model.histograms.live`):C(e,`model.histograms.pinned`,{iteration:U(t.pinned)})}</span
      >
      ${t.error===null?z:R`<span class="error" role="alert"
              >${C(e,`app.error`,{message:t.error.message})}</span
            >`}
    </div>
  </div>`}var dr=!0,fr=`uplot`,pr=`u-hz`,mr=`u-vt`,hr=`u-title`,gr=`u-wrap`,_r=`u-under`,vr=`u-over`,yr=`u-axis`,br=`u-off`,xr=`u-select`,Sr=`u-cursor-x`,Cr=`u-cursor-y`,wr=`u-cursor-pt`,Tr=`u-legend`,Er=`u-live`,Dr=`u-inline`,Or=`u-series`,kr=`u-marker`,Ar=`u-label`,jr=`u-value`,Mr=`width`,Nr=`height`,Pr=`top`,Fr=`bottom`,Ir=`left`,Lr=`right`,Rr=`#000`,zr=`#0000`,Br=`mousemove`,Vr=`mousedown`,Hr=`mouseup`,Ur=`mouseenter`,Wr=`mouseleave`,Gr=`dblclick`,Kr=`resize`,qr=`scroll`,Jr=`change`,Yr=`dppxchange`,Xr=`--`,Zr=typeof window<`u`,Qr=Zr?document:null,$r=Zr?window:null,ei=Zr?navigator:null,q,ti;function ni(){let e=devicePixelRatio;q!=e&&(q=e,ti&&gi(Jr,ti,ni),ti=matchMedia(`(min-resolution: ${q-.001}dppx) and (max-resolution: ${q+.001}dppx)`),hi(Jr,ti,ni),$r.dispatchEvent(new CustomEvent(Yr)))}function ri(e,t){if(t!=null){let n=e.classList;!n.contains(t)&&n.add(t)}}function ii(e,t){let n=e.classList;n.contains(t)&&n.remove(t)}function J(e,t,n){e.style[t]=n+`px`}function ai(e,t,n,r){let i=Qr.createElement(e);return t!=null&&ri(i,t),n?.insertBefore(i,r),i}function oi(e,t){return ai(`div`,e,t)}var si=new WeakMap;function ci(e,t,n,r,i){let a=`translate(`+t+`px,`+n+`px)`;a!=si.get(e)&&(e.style.transform=a,si.set(e,a),t<0||n<0||t>r||n>i?ri(e,br):ii(e,br))}var li=new WeakMap;function ui(e,t,n){let r=t+n;r!=li.get(e)&&(li.set(e,r),e.style.background=t,e.style.borderColor=n)}var di=new WeakMap;function fi(e,t,n,r){let i=t+``+n;i!=di.get(e)&&(di.set(e,i),e.style.height=n+`px`,e.style.width=t+`px`,e.style.marginLeft=r?-t/2+`px`:0,e.style.marginTop=r?-n/2+`px`:0)}var pi={passive:!0},mi={...pi,capture:!0};function hi(e,t,n,r){t.addEventListener(e,n,r?mi:pi)}function gi(e,t,n,r){t.removeEventListener(e,n,pi)}Zr&&ni();function _i(e,t,n,r){let i;n||=0,r||=t.length-1;let a=r<=2147483647;for(;r-n>1;)i=a?n+r>>1:Ri((n+r)/2),t[i]<e?n=i:r=i;return e-t[n]<=t[r]-e?n:r}function vi(e){return(t,n,r)=>{let i=-1,a=-1;for(let a=n;a<=r;a++)if(e(t[a])){i=a;break}for(let i=r;i>=n;i--)if(e(t[i])){a=i;break}return[i,a]}}var yi=e=>e!=null,bi=e=>e!=null&&e>0,xi=vi(yi),Si=vi(bi);function Ci(e,t,n,r=0,i=!1){let a=i?Si:xi,o=i?bi:yi;[t,n]=a(e,t,n);let s=e[t],c=e[t];if(t>-1){if(r==1)s=e[t],c=e[n];else if(r==-1)s=e[n],c=e[t];else for(let r=t;r<=n;r++){let t=e[r];o(t)&&(t<s?s=t:t>c&&(c=t))}}return[s??Yi,c??-Yi]}function wi(e,t,n,r){let i=Wi(e),a=Wi(t);e==t&&(i==-1?(e*=n,t/=n):(e/=n,t*=n));let o=n==10?Gi:Ki,s=i==1?Ri:Bi,c=a==1?Bi:Ri,l=s(o(Li(e))),u=c(o(Li(t))),d=Ui(n,l),f=Ui(n,u);return n==10&&(l<0&&(d=Z(d,-l)),u<0&&(f=Z(f,-u))),r||n==2?(e=d*i,t=f*a):(e=la(e,d),t=ca(t,f)),[e,t]}function Ti(e,t,n,r){let i=wi(e,t,n,r);return e==0&&(i[0]=0),t==0&&(i[1]=0),i}var Ei=.1,Di={mode:3,pad:Ei},Oi={pad:0,soft:null,mode:0},ki={min:Oi,max:Oi};function Ai(e,t,n,r){return ba(n)?Mi(e,t,n):(Oi.pad=n,Oi.soft=r?0:null,Oi.mode=r?3:0,Mi(e,t,ki))}function Y(e,t){return e??t}function ji(e,t,n){for(t=Y(t,0),n=Y(n,e.length-1);t<=n;){if(e[t]!=null)return!0;t++}return!1}function Mi(e,t,n){let r=n.min,i=n.max,a=Y(r.pad,0),o=Y(i.pad,0),s=Y(r.hard,-Yi),c=Y(i.hard,Yi),l=Y(r.soft,Yi),u=Y(i.soft,-Yi),d=Y(r.mode,0),f=Y(i.mode,0),p=t-e,m=Gi(p),h=Hi(Li(e),Li(t)),g=Li(Gi(h)-m);(p<1e-24||g>10)&&(p=0,(e==0||t==0)&&(p=1e-24,d==2&&l!=Yi&&(a=0),f==2&&u!=-Yi&&(o=0)));let _=p||h||1e3,v=Ui(10,Ri(Gi(_))),y=Z(la(e-_*(p==0?e==0?.1:1:a),v/10),24),b=e>=l&&(d==1||d==3&&y<=l||d==2&&y>=l)?l:Yi,x=Hi(s,y<b&&e>=b?b:Vi(b,y)),S=Z(ca(t+_*(p==0?t==0?.1:1:o),v/10),24),C=t<=u&&(f==1||f==3&&S>=u||f==2&&S<=u)?u:-Yi,w=Vi(c,S>C&&t<=C?C:Hi(C,S));return x==w&&x==0&&(w=100),[x,w]}var Ni=new Intl.NumberFormat(Zr?ei.language:`en-US`),Pi=e=>Ni.format(e),Fi=Math,Ii=Fi.PI,Li=Fi.abs,Ri=Fi.floor,zi=Fi.round,Bi=Fi.ceil,Vi=Fi.min,Hi=Fi.max,Ui=Fi.pow,Wi=Fi.sign,Gi=Fi.log10,Ki=Fi.log2,qi=(e,t=1)=>Fi.sinh(e)*t,Ji=(e,t=1)=>Fi.asinh(e/t),Yi=1/0;function Xi(e){return(Gi((e^e>>31)-(e>>31))|0)+1}function Zi(e,t,n){return Vi(Hi(e,t),n)}function Qi(e){return typeof e==`function`}function X(e){return Qi(e)?e:()=>e}var $i=()=>{},ea=e=>e,ta=(e,t)=>t,na=e=>null,ra=e=>!0,ia=(e,t)=>e==t,aa=/\.\d*?(?=9{6,}|0{6,})/gm,oa=e=>{if(_a(e)||ua.has(e))return e;let t=`${e}`,n=t.match(aa);if(n==null)return e;let r=n[0].length-1;if(t.indexOf(`e-`)!=-1){let[e,n]=t.split(`e`);return+`${oa(e)}e${n}`}return Z(e,r)};function sa(e,t){return oa(Z(oa(e/t))*t)}function ca(e,t){return oa(Bi(oa(e/t))*t)}function la(e,t){return oa(Ri(oa(e/t))*t)}function Z(e,t=0){if(_a(e))return e;let n=10**t;return zi(e*n*(1+2**-52))/n}var ua=new Map;function da(e){return((``+e).split(`.`)[1]||``).length}function fa(e,t,n,r){let i=[],a=r.map(da);for(let o=t;o<n;o++){let t=Li(o),n=Z(Ui(e,o),t);for(let s=0;s<r.length;s++){let c=e==10?+`${r[s]}e${o}`:r[s]*n,l=(o>=0?0:t)+(o>=a[s]?0:a[s]),u=e==10?c:Z(c,l);i.push(u),ua.set(u,l)}}return i}var pa={},ma=[],ha=[null,null],ga=Array.isArray,_a=Number.isInteger,va=e=>e===void 0;function ya(e){return typeof e==`string`}function ba(e){let t=!1;if(e!=null){let n=e.constructor;t=n==null||n==Object}return t}function xa(e){return typeof e==`object`&&!!e}var Sa=Object.getPrototypeOf(Uint8Array),Ca=`__proto__`;function wa(e,t=ba){let n;if(ga(e)){let r=e.find(e=>e!=null);if(ga(r)||t(r)){n=Array(e.length);for(let r=0;r<e.length;r++)n[r]=wa(e[r],t)}else n=e.slice()}else if(e instanceof Sa)n=e.slice();else if(t(e)){n={};for(let r in e)r!=Ca&&(n[r]=wa(e[r],t))}else n=e;return n}function Ta(e){let t=arguments;for(let n=1;n<t.length;n++){let r=t[n];for(let t in r)t!=Ca&&(ba(e[t])?Ta(e[t],wa(r[t])):e[t]=wa(r[t]))}return e}var Ea=0,Da=1,Oa=2;function ka(e,t,n){for(let r=0,i,a=-1;r<t.length;r++){let o=t[r];if(o>a){for(i=o-1;i>=0&&e[i]==null;)e[i--]=null;for(i=o+1;i<n&&e[i]==null;)e[a=i++]=null}}}function Aa(e,t){if(Na(e)){let t=e[0].slice();for(let n=1;n<e.length;n++)t.push(...e[n].slice(1));return Pa(t[0])||(t=Ma(t)),t}let n=new Set;for(let t=0;t<e.length;t++){let r=e[t][0],i=r.length;for(let e=0;e<i;e++)n.add(r[e])}let r=[Array.from(n).sort((e,t)=>e-t)],i=r[0].length,a=new Map;for(let e=0;e<i;e++)a.set(r[0][e],e);for(let n=0;n<e.length;n++){let o=e[n],s=o[0];for(let e=1;e<o.length;e++){let c=o[e],l=Array(i).fill(void 0),u=t?t[n][e]:Da,d=[];for(let e=0;e<c.length;e++){let t=c[e],n=a.get(s[e]);t===null?u!=Ea&&(l[n]=t,u==Oa&&d.push(n)):l[n]=t}ka(l,d,i),r.push(l)}}return r}var ja=typeof queueMicrotask>`u`?e=>Promise.resolve().then(e):queueMicrotask;function Ma(e){let t=e[0],n=t.length,r=Array(n);for(let e=0;e<r.length;e++)r[e]=e;r.sort((e,n)=>t[e]-t[n]);let i=[];for(let t=0;t<e.length;t++){let a=e[t],o=Array(n);for(let e=0;e<n;e++)o[e]=a[r[e]];i.push(o)}return i}function Na(e){let t=e[0][0],n=t.length;for(let r=1;r<e.length;r++){let i=e[r][0];if(i.length!=n)return!1;if(i!=t){for(let e=0;e<n;e++)if(i[e]!=t[e])return!1}}return!0}function Pa(e,t=100){let n=e.length;if(n<=1)return!0;let r=0,i=n-1;for(;r<=i&&e[r]==null;)r++;for(;i>=r&&e[i]==null;)i--;if(i<=r)return!0;let a=Hi(1,Ri((i-r+1)/t));for(let t=e[r],n=r+a;n<=i;n+=a){let r=e[n];if(r!=null){if(r<=t)return!1;t=r}}return!0}var Fa=[`January`,`February`,`March`,`April`,`May`,`June`,`July`,`August`,`September`,`October`,`November`,`December`],Ia=[`Sunday`,`Monday`,`Tuesday`,`Wednesday`,`Thursday`,`Friday`,`Saturday`];function La(e){return e.slice(0,3)}var Ra=Ia.map(La),za={MMMM:Fa,MMM:Fa.map(La),WWWW:Ia,WWW:Ra};function Ba(e){return(e<10?`0`:``)+e}function Va(e){return(e<10?`00`:e<100?`0`:``)+e}var Ha={YYYY:e=>e.getFullYear(),YY:e=>(e.getFullYear()+``).slice(2),MMMM:(e,t)=>t.MMMM[e.getMonth()],MMM:(e,t)=>t.MMM[e.getMonth()],MM:e=>Ba(e.getMonth()+1),M:e=>e.getMonth()+1,DD:e=>Ba(e.getDate()),D:e=>e.getDate(),WWWW:(e,t)=>t.WWWW[e.getDay()],WWW:(e,t)=>t.WWW[e.getDay()],HH:e=>Ba(e.getHours()),H:e=>e.getHours(),h:e=>{let t=e.getHours();return t==0?12:t>12?t-12:t},AA:e=>e.getHours()>=12?`PM`:`AM`,aa:e=>e.getHours()>=12?`pm`:`am`,a:e=>e.getHours()>=12?`p`:`a`,mm:e=>Ba(e.getMinutes()),m:e=>e.getMinutes(),ss:e=>Ba(e.getSeconds()),s:e=>e.getSeconds(),fff:e=>Va(e.getMilliseconds())};function Ua(e,t){t||=za;let n=[],r=/\{([a-z]+)\}|[^{]+/gi,i;for(;i=r.exec(e);)n.push(i[0][0]==`{`?Ha[i[1]]:i[0]);return e=>{let r=``;for(let i=0;i<n.length;i++)r+=typeof n[i]==`string`?n[i]:n[i](e,t);return r}}var Wa=new Intl.DateTimeFormat().resolvedOptions().timeZone;function Ga(e,t){let n;return t==`UTC`||t==`Etc/UTC`?n=new Date(+e+e.getTimezoneOffset()*6e4):t==Wa?n=e:(n=new Date(e.toLocaleString(`en-US`,{timeZone:t})),n.setMilliseconds(e.getMilliseconds())),n}var Ka=e=>e%1==0,qa=[1,2,2.5,5],Ja=fa(10,-32,0,qa),Ya=fa(10,0,32,qa),Xa=Ya.filter(Ka),Za=Ja.concat(Ya),Qa=`
`,$a=`{YYYY}`,eo=Qa+$a,to=`{M}/{D}`,no=Qa+to,ro=no+`/{YY}`,io=`{aa}`,ao=`{h}:{mm}`+io,oo=Qa+ao,so=`:{ss}`,Q=null;function co(e){let t=e*1e3,n=t*60,r=n*60,i=r*24,a=i*30,o=i*365,s=(e==1?fa(10,0,3,qa).filter(Ka):fa(10,-3,0,qa)).concat([t,t*5,t*10,t*15,t*30,n,n*5,n*10,n*15,n*30,r,r*2,r*3,r*4,r*6,r*8,r*12,i,i*2,i*3,i*4,i*5,i*6,i*7,i*8,i*9,i*10,i*15,a,a*2,a*3,a*4,a*6,o,o*2,o*5,o*10,o*25,o*50,o*100]),c=[[o,$a,Q,Q,Q,Q,Q,Q,1],[i*28,`{MMM}`,eo,Q,Q,Q,Q,Q,1],[i,to,eo,Q,Q,Q,Q,Q,1],[r,`{h}`+io,ro,Q,no,Q,Q,Q,1],[n,ao,ro,Q,no,Q,Q,Q,1],[t,so,ro+` `+ao,Q,no+` `+ao,Q,oo,Q,1],[e,so+`.{fff}`,ro+` `+ao,Q,no+` `+ao,Q,oo,Q,1]];function l(t){return(s,c,l,u,d,f)=>{let p=[],m=d>=o,h=d>=a&&d<o,g=t(l),_=Z(g*e,3),v=yo(g.getFullYear(),m?0:g.getMonth(),h||m?1:g.getDate()),y=Z(v*e,3);if(h||m){let n=h?d/a:0,r=m?d/o:0,i=_==y?_:Z(yo(v.getFullYear()+r,v.getMonth()+n,1)*e,3),s=new Date(zi(i/e)),c=s.getFullYear(),l=s.getMonth();for(let a=0;i<=u;a++){let o=yo(c+r*a,l+n*a,1),s=o-t(Z(o*e,3));i=Z((+o+s)*e,3),i<=u&&p.push(i)}}else{let a=d>=i?i:d,o=y+(Ri(l)-Ri(_))+ca(_-y,a);p.push(o);let m=t(o),h=m.getHours()+m.getMinutes()/n+m.getSeconds()/r,g=d/r,v=f/s.axes[c]._space;for(;o=Z(o+d,e==1?0:3),!(o>u);)if(g>1){let e=Ri(Z(h+g,6))%24,n=t(o).getHours()-e;n>1&&(n=-1),o-=n*r,h=(h+g)%24;let i=p[p.length-1];Z((o-i)/d,3)*v>=.7&&p.push(o)}else p.push(o)}return p}}return[s,c,l]}var[lo,uo,fo]=co(1),[po,mo,ho]=co(.001);fa(2,-53,53,[1]);function go(e,t){return e.map(e=>e.map((n,r)=>r==0||r==8||n==null?n:t(r==1||e[8]==0?n:e[1]+n)))}function _o(e,t){return(n,r,i,a,o)=>{let s=t.find(e=>o>=e[0])||t[t.length-1],c,l,u,d,f,p;return r.map(t=>{let n=e(t),r=n.getFullYear(),i=n.getMonth(),a=n.getDate(),o=n.getHours(),m=n.getMinutes(),h=n.getSeconds(),g=r!=c&&s[2]||i!=l&&s[3]||a!=u&&s[4]||o!=d&&s[5]||m!=f&&s[6]||h!=p&&s[7]||s[1];return c=r,l=i,u=a,d=o,f=m,p=h,g(n)})}}function vo(e,t){let n=Ua(t);return(t,r,i,a,o)=>r.map(t=>n(e(t)))}function yo(e,t,n){return new Date(e,t,n)}function bo(e,t){return t(e)}var xo=`{YYYY}-{MM}-{DD} {h}:{mm}{aa}`;function So(e,t){return(n,r,i,a)=>a==null?Xr:t(e(r))}function Co(e,t){let n=e.series[t];return n.width?n.stroke(e,t):n.points.width?n.points.stroke(e,t):null}function wo(e,t){return e.series[t].fill(e,t)}var To={show:!0,live:!0,isolate:!1,mount:$i,markers:{show:!0,width:2,stroke:Co,fill:wo,dash:`solid`},idx:null,idxs:null,values:[]};function Eo(e,t){let n=e.cursor.points,r=oi(),i=n.size(e,t);J(r,Mr,i),J(r,Nr,i);let a=i/-2;J(r,`marginLeft`,a),J(r,`marginTop`,a);let o=n.width(e,t,i);return o&&J(r,`borderWidth`,o),r}function Do(e,t){let n=e.series[t].points;return n._fill||n._stroke}function Oo(e,t){let n=e.series[t].points;return n._stroke||n._fill}function ko(e,t){return e.series[t].points.size}var Ao=[0,0];function jo(e,t,n){return Ao[0]=t,Ao[1]=n,Ao}function Mo(e,t,n,r=!0){return e=>{e.button!=0||r&&e.target!=t||n(e)}}function No(e,t,n,r=!0){return e=>{r&&e.target!=t||n(e)}}var Po={show:!0,x:!0,y:!0,lock:!1,move:jo,points:{one:!1,show:Eo,size:ko,width:0,stroke:Oo,fill:Do},bind:{mousedown:Mo,mouseup:Mo,click:Mo,dblclick:Mo,mousemove:No,mouseleave:No,mouseenter:No},drag:{setScale:!0,x:!0,y:!1,dist:0,uni:null,click:(e,t)=>{t.stopPropagation(),t.stopImmediatePropagation()},_x:!1,_y:!1},focus:{dist:(e,t,n,r,i)=>r-i,prox:-1,bias:0},hover:{skip:[void 0],prox:null,bias:0},left:-10,top:-10,idx:null,dataIdx:null,idxs:null,event:null},Fo={show:!0,stroke:`rgba(0,0,0,0.07)`,width:2},Io=Ta({},Fo,{filter:ta}),Lo=Ta({},Io,{size:10}),Ro=Ta({},Fo,{show:!1}),zo=`12px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Segoe UI Symbol", "Noto Color Emoji"`,Bo=`bold `+zo,Vo=1.5,Ho={show:!0,scale:`x`,stroke:Rr,space:50,gap:5,alignTo:1,size:50,labelGap:0,labelSize:30,labelFont:Bo,side:2,grid:Io,ticks:Lo,border:Ro,font:zo,lineGap:Vo,rotate:0},Uo=`Value`,Wo=`Time`,Go={show:!0,scale:`x`,auto:!1,sorted:1,min:Yi,max:-1/0,idxs:[]};function Ko(e,t,n,r,i){return t.map(e=>e==null?``:Pi(e))}function qo(e,t,n,r,i,a,o){let s=[],c=ua.get(i)||0;n=o?n:Z(ca(n,i),c);for(let e=n;e<=r;e=Z(e+i,c))s.push(Object.is(e,-0)?0:e);return s}function Jo(e,t,n,r,i,a,o){let s=[],c=e.scales[e.axes[t].scale].log;i=Ui(c,Ri((c==10?Gi:Ki)(n))),c==10&&(i=Za[_i(i,Za)]);let l=n,u=i*c;c==10&&(u=Za[_i(u,Za)]);do s.push(l),l+=i,c==10&&!ua.has(l)&&(l=Z(l,ua.get(i))),l>=u&&(i=l,u=i*c,c==10&&(u=Za[_i(u,Za)]));while(l<=r);return s}function Yo(e,t,n,r,i,a,o){let s=e.scales[e.axes[t].scale].asinh,c=r>s?Jo(e,t,Hi(s,n),r,i):[s],l=r>=0&&n<=0?[0]:[];return(n<-s?Jo(e,t,Hi(s,-r),-n,i):[s]).reverse().map(e=>-e).concat(l,c)}var Xo=/./,Zo=/[12357]/,Qo=/[125]/,$o=/1/,es=(e,t,n,r)=>e.map((e,i)=>t==4&&e==0||i%r==0&&n.test(e.toExponential()[+(e<0)])?e:null);function ts(e,t,n,r,i){let a=e.axes[n],o=a.scale,s=e.scales[o],c=e.valToPos,l=a._space,u=c(10,o),d=c(9,o)-u>=l?Xo:c(7,o)-u>=l?Zo:c(5,o)-u>=l?Qo:$o;if(d==$o){let e=Li(c(1,o)-u);if(e<l)return es(t.slice().reverse(),s.distr,d,Bi(l/e)).reverse()}return es(t,s.distr,d,1)}function ns(e,t,n,r,i){let a=e.axes[n],o=a.scale,s=a._space,c=e.valToPos,l=Li(c(1,o)-c(2,o));return l<s?es(t.slice().reverse(),3,Xo,Bi(s/l)).reverse():t}function rs(e,t,n,r){return r==null?Xr:t==null?``:Pi(t)}var is={show:!0,scale:`y`,stroke:Rr,space:30,gap:5,alignTo:1,size:50,labelGap:0,labelSize:30,labelFont:Bo,side:3,grid:Io,ticks:Lo,border:Ro,font:zo,lineGap:Vo,rotate:0};function as(e,t){return Z((3+(e||1)*2)*t,3)}function os(e,t){let{scale:n,idxs:r}=e.series[0],i=e._data[0],a=e.valToPos(i[r[0]],n,!0),o=Li(e.valToPos(i[r[1]],n,!0)-a)/(e.series[t].points.space*q);return r[1]-r[0]<=o}var ss={scale:null,auto:!0,sorted:0,min:Yi,max:-1/0},cs=(e,t,n,r,i)=>i,ls={show:!0,auto:!0,sorted:0,gaps:cs,alpha:1,facets:[Ta({},ss,{scale:`x`}),Ta({},ss,{scale:`y`})]},us={scale:`y`,auto:!0,sorted:0,show:!0,spanGaps:!1,gaps:cs,alpha:1,points:{show:os,filter:null},values:null,min:Yi,max:-1/0,idxs:[],path:null,clip:null};function ds(e,t,n,r,i){return n/10}var fs={time:dr,auto:!0,distr:1,log:10,asinh:1,min:null,max:null,dir:1,ori:0},ps=Ta({},fs,{time:!1,ori:1}),ms={};function hs(e,t){let n=ms[e];return n||(n={key:e,plots:[],sub(e){n.plots.push(e)},unsub(e){n.plots=n.plots.filter(t=>t!=e)},pub(e,t,r,i,a,o,s){for(let c=0;c<n.plots.length;c++)n.plots[c]!=t&&n.plots[c].pub(e,t,r,i,a,o,s)}},e!=null&&(ms[e]=n)),n}var gs=1,_s=2;function vs(e,t,n){let r=e.mode,i=e.series[t],a=r==2?e._data[t]:e._data,o=e.scales,s=e.bbox,c=a[0],l=r==2?a[1]:a[t],u=r==2?o[i.facets[0].scale]:o[e.series[0].scale],d=r==2?o[i.facets[1].scale]:o[i.scale],f=s.left,p=s.top,m=s.width,h=s.height,g=e.valToPosH,_=e.valToPosV;return u.ori==0?n(i,c,l,u,d,g,_,f,p,m,h,Ds,ks,js,Ns,Fs):n(i,c,l,u,d,_,g,p,f,h,m,Os,As,Ms,Ps,Is)}function ys(e,t){let n=0,r=0,i=Y(e.bands,ma);for(let e=0;e<i.length;e++){let a=i[e];a.series[0]==t?n=a.dir:a.series[1]==t&&(a.dir==1?r|=1:r|=2)}return[n,r==1?-1:r==2?1:r==3?2:0]}function bs(e,t,n,r,i){let a=e.mode,o=e.series[t],s=a==2?o.facets[1].scale:o.scale,c=e.scales[s];return i==-1?c.min:i==1?c.max:c.distr==3?c.dir==1?c.min:c.max:0}function xs(e,t,n,r,i,a){return vs(e,t,(e,t,o,s,c,l,u,d,f,p,m)=>{let h=e.pxRound,g=s.dir*(s.ori==0?1:-1),_=s.ori==0?ks:As,v,y;g==1?(v=n,y=r):(v=r,y=n);let b=h(l(t[v],s,p,d)),x=h(u(o[v],c,m,f)),S=h(l(t[y],s,p,d)),C=h(u(a==1?c.max:c.min,c,m,f)),w=new Path2D(i);return _(w,S,C),_(w,b,C),_(w,b,x),w})}function Ss(e,t,n,r,i,a){let o=null;if(e.length>0){o=new Path2D;let s=t==0?js:Ms,c=n;for(let t=0;t<e.length;t++){let n=e[t];if(n[1]>n[0]){let e=n[0]-c;e>0&&s(o,c,r,e,r+a),c=n[1]}}let l=n+i-c;l>0&&s(o,c,r-5,l,r+a+10)}return o}function Cs(e,t,n){let r=e[e.length-1];r&&r[0]==t?r[1]=n:e.push([t,n])}function ws(e,t,n,r,i,a,o){let s=[],c=e.length;for(let l=i==1?n:r;l>=n&&l<=r;l+=i)if(t[l]===null){let u=l,d=l;if(i==1)for(;++l<=r&&t[l]===null;)d=l;else for(;--l>=n&&t[l]===null;)d=l;let f=a(e[u]),p=d==u?f:a(e[d]),m=u-i;f=o<=0&&m>=0&&m<c?a(e[m]):f;let h=d+i;p=o>=0&&h>=0&&h<c?a(e[h]):p,p>=f&&s.push([f,p])}return s}function Ts(e){return e==0?ea:e==1?zi:t=>sa(t,e)}function Es(e){let t=e==0?Ds:Os,n=e==0?(e,t,n,r,i,a)=>{e.arcTo(t,n,r,i,a)}:(e,t,n,r,i,a)=>{e.arcTo(n,t,i,r,a)},r=e==0?(e,t,n,r,i)=>{e.rect(t,n,r,i)}:(e,t,n,r,i)=>{e.rect(n,t,i,r)};return(e,i,a,o,s,c=0,l=0)=>{c==0&&l==0?r(e,i,a,o,s):(c=Vi(c,o/2,s/2),l=Vi(l,o/2,s/2),t(e,i+c,a),n(e,i+o,a,i+o,a+s,c),n(e,i+o,a+s,i,a+s,l),n(e,i,a+s,i,a,l),n(e,i,a,i+o,a,c),e.closePath())}}var Ds=(e,t,n)=>{e.moveTo(t,n)},Os=(e,t,n)=>{e.moveTo(n,t)},ks=(e,t,n)=>{e.lineTo(t,n)},As=(e,t,n)=>{e.lineTo(n,t)},js=Es(0),Ms=Es(1),Ns=(e,t,n,r,i,a)=>{e.arc(t,n,r,i,a)},Ps=(e,t,n,r,i,a)=>{e.arc(n,t,r,i,a)},Fs=(e,t,n,r,i,a,o)=>{e.bezierCurveTo(t,n,r,i,a,o)},Is=(e,t,n,r,i,a,o)=>{e.bezierCurveTo(n,t,i,r,o,a)};function Ls(e){return(e,t,n,r,i)=>vs(e,t,(t,a,o,s,c,l,u,d,f,p,m)=>{let{pxRound:h,points:g}=t,_,v;s.ori==0?(_=Ds,v=Ns):(_=Os,v=Ps);let y=Z(g.width*q,3),b=(g.size-g.width)/2*q,x=Z(b*2,3),S=new Path2D,C=new Path2D,{left:w,top:T,width:E,height:D}=e.bbox;js(C,w-x,T-x,E+x*2,D+x*2);let O=e=>{if(o[e]!=null){let t=h(l(a[e],s,p,d)),n=h(u(o[e],c,m,f));_(S,t+b,n),v(S,t,n,b,0,Ii*2)}};if(i)i.forEach(O);else for(let e=n;e<=r;e++)O(e);return{stroke:y>0?S:null,fill:S,clip:C,flags:3}})}function Rs(e){return(t,n,r,i,a,o)=>{r!=i&&(a!=r&&o!=r&&e(t,n,r),a!=i&&o!=i&&e(t,n,i),e(t,n,o))}}var zs=Rs(ks),Bs=Rs(As);function Vs(e){let t=Y(e?.alignGaps,0);return(e,n,r,i)=>vs(e,n,(a,o,s,c,l,u,d,f,p,m,h)=>{[r,i]=xi(s,r,i);let g=a.pxRound,_=e=>g(u(e,c,m,f)),v=e=>g(d(e,l,h,p)),y,b;c.ori==0?(y=ks,b=zs):(y=As,b=Bs);let x=c.dir*(c.ori==0?1:-1),S={stroke:new Path2D,fill:null,clip:null,band:null,gaps:null,flags:gs},C=S.stroke,w=!1;if(i-r>=m*4){let t=t=>e.posToVal(t,c.key,!0),n=null,a=null,l,u,d,f=_(o[x==1?r:i]),p=_(o[r]),m=_(o[i]),h=t(x==1?p+1:m-1);for(let e=x==1?r:i;e>=r&&e<=i;e+=x){let r=o[e],i=(x==1?r<h:r>h)?f:_(r),c=s[e];i==f?c==null?c===null&&(w=!0):(u=c,n==null?(y(C,i,v(u)),l=n=a=u):u<n?n=u:u>a&&(a=u)):(n!=null&&b(C,f,v(n),v(a),v(l),v(u)),c==null?(n=a=null,c===null&&(w=!0)):(u=c,y(C,i,v(u)),n=a=l=u),f=i,h=t(f+x))}n!=null&&n!=a&&d!=f&&b(C,f,v(n),v(a),v(l),v(u))}else for(let e=x==1?r:i;e>=r&&e<=i;e+=x){let t=s[e];t===null?w=!0:t!=null&&y(C,_(o[e]),v(t))}let[T,E]=ys(e,n);if(a.fill!=null||T!=0){let t=S.fill=new Path2D(C),s=v(a.fillTo(e,n,a.min,a.max,T)),c=_(o[r]),l=_(o[i]);x==-1&&([l,c]=[c,l]),y(t,l,s),y(t,c,s)}if(!a.spanGaps){let l=[];w&&l.push(...ws(o,s,r,i,x,_,t)),S.gaps=l=a.gaps(e,n,r,i,l),S.clip=Ss(l,c.ori,f,p,m,h)}return E!=0&&(S.band=E==2?[xs(e,n,r,i,C,-1),xs(e,n,r,i,C,1)]:xs(e,n,r,i,C,E)),S})}function Hs(e){let t=Y(e.align,1),n=Y(e.ascDesc,!1),r=Y(e.alignGaps,0),i=Y(e.extend,!1);return(e,a,o,s)=>vs(e,a,(c,l,u,d,f,p,m,h,g,_,v)=>{[o,s]=xi(u,o,s);let y=c.pxRound,{left:b,width:x}=e.bbox,S=e=>y(p(e,d,_,h)),C=e=>y(m(e,f,v,g)),w=d.ori==0?ks:As,T={stroke:new Path2D,fill:null,clip:null,band:null,gaps:null,flags:gs},E=T.stroke,D=d.dir*(d.ori==0?1:-1),O=C(u[D==1?o:s]),k=S(l[D==1?o:s]),ee=k,A=k;i&&t==-1&&(A=b,w(E,A,O)),w(E,k,O);for(let e=D==1?o:s;e>=o&&e<=s;e+=D){let n=u[e];if(n==null)continue;let r=S(l[e]),i=C(n);t==1?w(E,r,O):w(E,ee,i),w(E,r,i),O=i,ee=r}let te=ee;i&&t==1&&(te=b+x,w(E,te,O));let[ne,re]=ys(e,a);if(c.fill!=null||ne!=0){let t=T.fill=new Path2D(E),n=C(c.fillTo(e,a,c.min,c.max,ne));w(t,te,n),w(t,A,n)}if(!c.spanGaps){let i=[];i.push(...ws(l,u,o,s,D,S,r));let f=c.width*q/2,p=n||t==1?f:-f,m=n||t==-1?-f:f;i.forEach(e=>{e[0]+=p,e[1]+=m}),T.gaps=i=c.gaps(e,a,o,s,i),T.clip=Ss(i,d.ori,h,g,_,v)}return re!=0&&(T.band=re==2?[xs(e,a,o,s,E,-1),xs(e,a,o,s,E,1)]:xs(e,a,o,s,E,re)),T})}function Us(e,t,n,r,i,a,o=Yi){if(e.length>1){let s=null;for(let c=0,l=1/0;c<e.length;c++)if(t[c]!==void 0){if(s!=null){let t=Li(e[c]-e[s]);t<l&&(l=t,o=Li(n(e[c],r,i,a)-n(e[s],r,i,a)))}s=c}}return o}function Ws(e){e||=pa;let t=Y(e.size,[.6,Yi,1]),n=e.align||0,r=e.gap||0,i=e.radius;i=i==null?[0,0]:typeof i==`number`?[i,0]:i;let a=X(i),o=1-t[0],s=Y(t[1],Yi),c=Y(t[2],1),l=Y(e.disp,pa),u=Y(e.each,e=>{}),{fill:d,stroke:f}=l;return(e,t,i,p)=>vs(e,t,(m,h,g,_,v,y,b,x,S,C,w)=>{let T=m.pxRound,E=n,D=r*q,O=s*q,k=c*q,ee,A;_.ori==0?[ee,A]=a(e,t):[A,ee]=a(e,t);let te=_.dir*(_.ori==0?1:-1),ne=_.ori==0?js:Ms,re=_.ori==0?u:(e,t,n,r,i,a,o)=>{u(e,t,n,i,r,o,a)},ie=Y(e.bands,ma).find(e=>e.series[0]==t),ae=ie==null?0:ie.dir,oe=m.fillTo(e,t,m.min,m.max,ae),j=T(b(oe,v,w,S)),M,N,se,P=C,F=T(m.width*q),ce=!1,le=null,ue=null,de=null,fe=null;d!=null&&(F==0||f!=null)&&(ce=!0,le=d.values(e,t,i,p),ue=new Map,new Set(le).forEach(e=>{e!=null&&ue.set(e,new Path2D)}),F>0&&(de=f.values(e,t,i,p),fe=new Map,new Set(de).forEach(e=>{e!=null&&fe.set(e,new Path2D)})));let{x0:pe,size:me}=l;if(pe!=null&&me!=null){E=1,h=pe.values(e,t,i,p),pe.unit==2&&(h=h.map(t=>e.posToVal(x+t*C,_.key,!0)));let n=me.values(e,t,i,p);N=me.unit==2?n[0]*C:y(n[0],_,C,x)-y(0,_,C,x),P=Us(h,g,y,_,C,x,P),se=P-N+D}else P=Us(h,g,y,_,C,x,P),se=P*o+D,N=P-se;se<1&&(se=0),F>=N/2&&(F=0),se<5&&(T=ea);let he=se>0,ge=P-se-(he?F:0);N=T(Zi(ge,k,O)),M=(E==0?N/2:E==te?0:N)-E*te*((E==0?D/2:0)+(he?F/2:0));let _e={stroke:null,fill:null,clip:null,band:null,gaps:null,flags:0},ve=ce?null:new Path2D,ye=null;if(ie!=null)ye=e.data[ie.series[1]];else{let{y0:n,y1:r}=l;n!=null&&r!=null&&(g=r.values(e,t,i,p),ye=n.values(e,t,i,p))}let be=ee*N,xe=A*N;for(let n=te==1?i:p;n>=i&&n<=p;n+=te){let r=g[n];if(r==null)continue;if(ye!=null){let e=ye[n]??0;if(r-e==0)continue;j=b(e,v,w,S)}let i=y(_.distr!=2||l!=null?h[n]:n,_,C,x),a=b(Y(r,oe),v,w,S),o=T(i-M),s=T(Hi(a,j)),c=T(Vi(a,j)),u=s-c;if(r!=null){let i=r<0?xe:be,a=r<0?be:xe;ce?(F>0&&de[n]!=null&&ne(fe.get(de[n]),o,c+Ri(F/2),N,Hi(0,u-F),i,a),le[n]!=null&&ne(ue.get(le[n]),o,c+Ri(F/2),N,Hi(0,u-F),i,a)):ne(ve,o,c+Ri(F/2),N,Hi(0,u-F),i,a),re(e,t,n,o-F/2,c,N+F,u)}}return F>0?_e.stroke=ce?fe:ve:ce||(_e._fill=m.width==0?m._fill:m._stroke??m._fill,_e.width=0),_e.fill=ce?ue:ve,_e})}function Gs(e,t){let n=Y(t?.alignGaps,0);return(t,r,i,a)=>vs(t,r,(o,s,c,l,u,d,f,p,m,h,g)=>{[i,a]=xi(c,i,a);let _=o.pxRound,v=e=>_(d(e,l,h,p)),y=e=>_(f(e,u,g,m)),b,x,S;l.ori==0?(b=Ds,S=ks,x=Fs):(b=Os,S=As,x=Is);let C=l.dir*(l.ori==0?1:-1),w=v(s[C==1?i:a]),T=w,E=[],D=[];for(let e=C==1?i:a;e>=i&&e<=a;e+=C)if(c[e]!=null){let t=s[e],n=v(t);E.push(T=n),D.push(y(c[e]))}let O={stroke:e(E,D,b,S,x,_),fill:null,clip:null,band:null,gaps:null,flags:gs},k=O.stroke,[ee,A]=ys(t,r);if(o.fill!=null||ee!=0){let e=O.fill=new Path2D(k),n=y(o.fillTo(t,r,o.min,o.max,ee));S(e,T,n),S(e,w,n)}if(!o.spanGaps){let e=[];e.push(...ws(s,c,i,a,C,v,n)),O.gaps=e=o.gaps(t,r,i,a,e),O.clip=Ss(e,l.ori,p,m,h,g)}return A!=0&&(O.band=A==2?[xs(t,r,i,a,k,-1),xs(t,r,i,a,k,1)]:xs(t,r,i,a,k,A)),O})}function Ks(e){return Gs(qs,e)}function qs(e,t,n,r,i,a){let o=e.length;if(o<2)return null;let s=new Path2D;if(n(s,e[0],t[0]),o==2)r(s,e[1],t[1]);else{let n=Array(o),r=Array(o-1),a=Array(o-1),c=Array(o-1);for(let n=0;n<o-1;n++)a[n]=t[n+1]-t[n],c[n]=e[n+1]-e[n],r[n]=a[n]/c[n];n[0]=r[0];for(let e=1;e<o-1;e++)r[e]===0||r[e-1]===0||r[e-1]>0!=r[e]>0?n[e]=0:(n[e]=3*(c[e-1]+c[e])/((2*c[e]+c[e-1])/r[e-1]+(c[e]+2*c[e-1])/r[e]),isFinite(n[e])||(n[e]=0));n[o-1]=r[o-2];for(let r=0;r<o-1;r++)i(s,e[r]+c[r]/3,t[r]+n[r]*c[r]/3,e[r+1]-c[r]/3,t[r+1]-n[r+1]*c[r]/3,e[r+1],t[r+1])}return s}var Js=new Set;function Ys(){for(let e of Js)e.syncRect(!0)}Zr&&(hi(Kr,$r,Ys),hi(qr,$r,Ys,!0),hi(Yr,$r,()=>{dc.pxRatio=q}));var Xs=Vs(),Zs=Ls();function Qs(e,t,n,r){return(r?[e[0],e[1]].concat(e.slice(2)):[e[0]].concat(e.slice(1))).map((e,r)=>ec(e,r,t,n))}function $s(e,t){return e.map((e,n)=>n==0?{}:Ta({},t,e))}function ec(e,t,n,r){return Ta({},t==0?n:r,e)}function tc(e,t,n){return t==null?ha:[t,n]}var nc=tc;function rc(e,t,n){return t==null?ha:Ai(t,n,Ei,!0)}function ic(e,t,n,r){return t==null?ha:wi(t,n,e.scales[r].log,!1)}var ac=ic;function oc(e,t,n,r){return t==null?ha:Ti(t,n,e.scales[r].log,!1)}var sc=oc;function cc(e,t,n,r,i){let a=Hi(Xi(e),Xi(t)),o=t-e,s=_i(i/r*o,n);do{let e=n[s],t=r*e/o;if(t>=i&&a+(e<5?ua.get(e):0)<=17)return[e,t]}while(++s<n.length);return[0,0]}function lc(e){let t,n;return e=e.replace(/(\d+)px/,(e,r)=>(t=zi((n=+r)*q))+`px`),[e,t,n]}function uc(e){e.show&&[e.font,e.labelFont].forEach(e=>{let t=Z(e[2]*q,1);e[0]=e[0].replace(/[0-9.]+px/,t+`px`),e[1]=t})}function dc(e,t,n){let r={mode:Y(e.mode,1)},i=r.mode;function a(e,t,n,r){let i=t.valToPct(e);return r+n*(t.dir==-1?1-i:i)}function o(e,t,n,r){let i=t.valToPct(e);return r+n*(t.dir==-1?i:1-i)}function s(e,t,n,r){return t.ori==0?a(e,t,n,r):o(e,t,n,r)}r.valToPosH=a,r.valToPosV=o;let c=!1;r.status=0;let l=r.root=oi(fr);if(e.id!=null&&(l.id=e.id),ri(l,e.class),e.title){let t=oi(hr,l);t.textContent=e.title}let u=ai(`canvas`),d=r.ctx=u.getContext(`2d`),f=oi(gr,l);hi(`click`,f,e=>{e.target===m&&(W!=en||G!=tn)&&on.click(r,e)},!0);let p=r.under=oi(_r,f);f.appendChild(u);let m=r.over=oi(vr,f);e=wa(e);let h=+Y(e.pxAlign,1),g=Ts(h);(e.plugins||[]).forEach(t=>{t.opts&&(e=t.opts(r,e)||e)});let _=e.ms||.001,v=r.series=i==1?Qs(e.series||[],Go,us,!1):$s(e.series||[null],ls),y=r.axes=Qs(e.axes||[],Ho,is,!0),b=r.scales={},x=r.bands=e.bands||[];x.forEach(e=>{e.fill=X(e.fill||null),e.dir=Y(e.dir,-1)});let S=i==2?v[1].facets[0].scale:v[0].scale,C={axes:Rt,series:Dt},w=(e.drawOrder||[`axes`,`series`]).map(e=>C[e]);function T(e){let t=e.distr==3?t=>Gi(t>0?t:e.clamp(r,t,e.min,e.max,e.key)):e.distr==4?t=>Ji(t,e.asinh):e.distr==100?t=>e.fwd(t):e=>e;return n=>{let r=t(n),{_min:i,_max:a}=e,o=a-i;return(r-i)/o}}function E(t){let n=b[t];if(n==null){let r=(e.scales||pa)[t]||pa;if(r.from!=null){E(r.from);let e=Ta({},b[r.from],r,{key:t});e.valToPct=T(e),b[t]=e}else{n=b[t]=Ta({},t==S?fs:ps,r),n.key=t;let e=n.time,a=n.range,o=ga(a);if((t!=S||i==2&&!e)&&(o&&(a[0]==null||a[1]==null)&&(a={min:a[0]==null?Di:{mode:1,hard:a[0],soft:a[0]},max:a[1]==null?Di:{mode:1,hard:a[1],soft:a[1]}},o=!1),!o&&ba(a))){let e=a;a=(t,n,r)=>n==null?ha:Ai(n,r,e)}n.range=X(a||(e?nc:t==S?n.distr==3?ac:n.distr==4?sc:tc:n.distr==3?ic:n.distr==4?oc:rc)),n.auto=X(!o&&n.auto),n.clamp=X(n.clamp||ds),n._min=n._max=null,n.valToPct=T(n)}}}E(`x`),E(`y`),i==1&&v.forEach(e=>{E(e.scale)}),y.forEach(e=>{E(e.scale)});for(let t in e.scales)E(t);let D=b[S],O=D.distr,k,ee;D.ori==0?(ri(l,pr),k=a,ee=o):(ri(l,mr),k=o,ee=a);let A={};for(let e in b){let t=b[e];(t.min!=null||t.max!=null)&&(A[e]={min:t.min,max:t.max},t.min=t.max=null)}let te=e.tzDate||(e=>new Date(zi(e/_))),ne=e.fmtDate||Ua,re=_==1?fo(te):ho(te),ie=_o(te,go(_==1?uo:mo,ne)),ae=So(te,bo(xo,ne)),oe=[],j=r.legend=Ta({},To,e.legend),M=r.cursor=Ta({},Po,{drag:{y:i==2}},e.cursor),N=j.show,se=M.show,P=j.markers;j.idxs=oe,P.width=X(P.width),P.dash=X(P.dash),P.stroke=X(P.stroke),P.fill=X(P.fill);let F,ce,le,ue=[],de=[],fe,pe=!1,me={};if(j.live){let e=v[1]?v[1].values:null;pe=e!=null,fe=pe?e(r,1,0):{_:0};for(let e in fe)me[e]=Xr}if(N){if(F=ai(`table`,Tr,l),le=ai(`tbody`,null,F),j.mount(r,F),pe){ce=ai(`thead`,null,F,le);let e=ai(`tr`,null,ce);for(var he in ai(`th`,null,e),fe)ai(`th`,Ar,e).textContent=he}else ri(F,Dr),j.live&&ri(F,Er)}let ge={show:!0},_e={show:!1};function ve(e,t){if(t==0&&(pe||!j.live||i==2))return ha;let n=[],a=ai(`tr`,Or,le,le.childNodes[t]);ri(a,e.class),e.show||ri(a,br);let o=ai(`th`,null,a);if(P.show){let e=oi(kr,o);if(t>0){let n=P.width(r,t);n&&(e.style.border=n+`px `+P.dash(r,t)+` `+P.stroke(r,t)),e.style.background=P.fill(r,t)}}let s=oi(Ar,o);for(var c in e.label instanceof HTMLElement?s.appendChild(e.label):s.textContent=e.label,t>0&&(P.show||(s.style.color=e.width>0?P.stroke(r,t):P.fill(r,t)),be(`click`,o,t=>{if(M._lock)return;We(t);let n=v.indexOf(e);if((t.ctrlKey||t.metaKey)!=j.isolate){let e=v.some((e,t)=>t>0&&t!=n&&e.show);v.forEach((t,r)=>{r>0&&pn(r,e?r==n?ge:_e:ge,!0,Qn.setSeries)})}else pn(n,{show:!e.show},!0,Qn.setSeries)},!1),qe&&be(Ur,o,t=>{M._lock||(We(t),pn(v.indexOf(e),xn,!0,Qn.setSeries))},!1)),fe){let e=ai(`td`,jr,a);e.textContent=`--`,n.push(e)}return[a,n]}let ye=new Map;function be(e,t,n,i=!0){let a=ye.get(t)||{},o=M.bind[e](r,t,n,i);o&&(hi(e,t,a[e]=o),ye.set(t,a))}function xe(e,t,n){let r=ye.get(t)||{};for(let n in r)(e==null||n==e)&&(gi(n,t,r[n]),delete r[n]);e??ye.delete(t)}let Se=0,Ce=0,I=0,L=0,we=0,Te=0,Ee=we,De=Te,Oe=I,ke=L,Ae=0,je=0,Me=0,R=0;r.bbox={};let Ne=!1,Pe=!1,z=!1,Fe=!1,Ie=!1,Le=!1;function Re(e,t,n){(n||e!=r.width||t!=r.height)&&ze(e,t),zt(!1),z=!0,Pe=!0,Wt()}function ze(e,t){r.width=Se=I=e,r.height=Ce=L=t,we=Te=0,He(),Ue();let n=r.bbox;Ae=n.left=sa(we*q,.5),je=n.top=sa(Te*q,.5),Me=n.width=sa(I*q,.5),R=n.height=sa(L*q,.5)}function Be(){let e=!1,t=0;for(;!e;){t++;let n=It(t),i=Lt(t);e=t==3||n&&i,e||(ze(r.width,r.height),Pe=!0)}}function Ve({width:e,height:t}){Re(e,t)}r.setSize=Ve;function He(){let e=!1,t=!1,n=!1,r=!1;y.forEach((i,a)=>{if(i.show&&i._show){let{side:a,_size:o}=i,s=a%2,c=o+(i.label==null?0:i.labelSize);c>0&&(s?(I-=c,a==3?(we+=c,r=!0):n=!0):(L-=c,a==0?(Te+=c,e=!0):t=!0))}}),nt[0]=e,nt[1]=n,nt[2]=t,nt[3]=r,I-=ot[1]+ot[3],we+=ot[3],L-=ot[2]+ot[0],Te+=ot[0]}function Ue(){let e=we+I,t=Te+L,n=we,r=Te;function i(i,a){switch(i){case 1:return e+=a,e-a;case 2:return t+=a,t-a;case 3:return n-=a,n+a;case 0:return r-=a,r+a}}y.forEach((e,t)=>{if(e.show&&e._show){let t=e.side;e._pos=i(t,e._size),e.label!=null&&(e._lpos=i(t,e.labelSize))}})}if(M.dataIdx==null){let e=M.hover,n=e.skip=new Set(e.skip??[]);n.add(void 0);let r=e.prox=X(e.prox),i=e.bias??=0;M.dataIdx=(e,a,o,s)=>{if(a==0)return o;let c=o,l=r(e,a,o,s)??Yi,u=l>=0&&l<Yi,d=D.ori==0?I:L,f=M.left,p=t[0],m=t[a];if(n.has(m[o])){c=null;let e=null,t=null,r;if(i==0||i==-1)for(r=o;e==null&&r-->0;)n.has(m[r])||(e=r);if(i==0||i==1)for(r=o;t==null&&r++<m.length;)n.has(m[r])||(t=r);if(e!=null||t!=null){if(u){let n=e==null?-1/0:k(p[e],D,d,0),r=t==null?1/0:k(p[t],D,d,0),i=f-n,a=r-f;i<=a?i<=l&&(c=e):a<=l&&(c=t)}else c=t==null?e:e==null?t:o-e<=t-o?e:t}}else u&&Li(f-k(p[o],D,d,0))>l&&(c=null);return c}}let We=e=>{M.event=e};M.idxs=oe,M._lock=!1;let Ge=M.points;Ge.show=X(Ge.show),Ge.size=X(Ge.size),Ge.stroke=X(Ge.stroke),Ge.width=X(Ge.width),Ge.fill=X(Ge.fill);let Ke=r.focus=Ta({},e.focus||{alpha:.3},M.focus),qe=Ke.prox>=0,Je=qe&&Ge.one,Ye=[],Xe=[],Ze=[];function Qe(e,t){let n=Ge.show(r,t);if(n instanceof HTMLElement)return ri(n,wr),ri(n,e.class),ci(n,-10,-10,I,L),m.insertBefore(n,Ye[t]),n}function $e(e,t){if(i==1||t>0){let t=i==1&&b[e.scale].time,n=e.value;e.value=t?ya(n)?So(te,bo(n,ne)):n||ae:n||rs,e.label=e.label||(t?Wo:Uo)}if(Je||t>0){e.width=e.width==null?1:e.width,e.paths=e.paths||Xs||na,e.fillTo=X(e.fillTo||bs),e.pxAlign=+Y(e.pxAlign,h),e.pxRound=Ts(e.pxAlign),e.stroke=X(e.stroke||null),e.fill=X(e.fill||null),e._stroke=e._fill=e._paths=e._focus=null;let t=as(Hi(1,e.width),1),n=e.points=Ta({},{size:t,width:Hi(1,t*.2),stroke:e.stroke,space:t*2,paths:Zs,_stroke:null,_fill:null},e.points);n.show=X(n.show),n.filter=X(n.filter),n.fill=X(n.fill),n.stroke=X(n.stroke),n.paths=X(n.paths),n.pxAlign=e.pxAlign}if(N){let n=ve(e,t);ue.splice(t,0,n[0]),de.splice(t,0,n[1]),j.values.push(null)}if(se){oe.splice(t,0,null);let n=null;Je?t==0&&(n=Qe(e,t)):t>0&&(n=Qe(e,t)),Ye.splice(t,0,n),Xe.splice(t,0,0),Ze.splice(t,0,0)}Xn(`addSeries`,t)}function et(e,t){t??=v.length,e=i==1?ec(e,t,Go,us):ec(e,t,{},ls),v.splice(t,0,e),$e(v[t],t)}r.addSeries=et;function tt(e){if(v.splice(e,1),N){j.values.splice(e,1),de.splice(e,1);let t=ue.splice(e,1)[0];xe(null,t.firstChild),t.remove()}se&&(oe.splice(e,1),Ye.splice(e,1)[0].remove(),Xe.splice(e,1),Ze.splice(e,1)),Xn(`delSeries`,e)}r.delSeries=tt;let nt=[!1,!1,!1,!1];function rt(e,t){if(e._show=e.show,e.show){let n=e.side%2,i=b[e.scale];i??=(e.scale=n?v[1].scale:S,b[e.scale]);let a=i.time;e.size=X(e.size),e.space=X(e.space),e.rotate=X(e.rotate),ga(e.incrs)&&e.incrs.forEach(e=>{!ua.has(e)&&ua.set(e,da(e))}),e.incrs=X(e.incrs||(i.distr==2?Xa:a?_==1?lo:po:Za)),e.splits=X(e.splits||(a&&i.distr==1?re:i.distr==3?Jo:i.distr==4?Yo:qo)),e.stroke=X(e.stroke),e.grid.stroke=X(e.grid.stroke),e.ticks.stroke=X(e.ticks.stroke),e.border.stroke=X(e.border.stroke);let o=e.values;e.values=ga(o)&&!ga(o[0])?X(o):a?ga(o)?_o(te,go(o,ne)):ya(o)?vo(te,o):o||ie:o||Ko,e.filter=X(e.filter||(i.distr>=3&&i.log==10?ts:i.distr==3&&i.log==2?ns:ta)),e.font=lc(e.font),e.labelFont=lc(e.labelFont),e._size=e.size(r,null,t,0),e._space=e._rotate=e._incrs=e._found=e._splits=e._values=null,e._size>0&&(nt[t]=!0,e._el=oi(yr,f))}}function it(e,t,n,r){let[i,a,o,s]=n,c=t%2,l=0;return c==0&&(s||a)&&(l=t==0&&!i||t==2&&!o?zi(Ho.size/3):0),c==1&&(i||o)&&(l=t==1&&!a||t==3&&!s?zi(is.size/2):0),l}let at=r.padding=(e.padding||[it,it,it,it]).map(e=>X(Y(e,it))),ot=r._padding=at.map((e,t)=>e(r,t,nt,0)),st,ct=null,B=null,lt=i==1?v[0].idxs:null,ut=null,dt=!1;function V(e,n){if(t=e??[],r.data=r._data=t,i==2){st=0;for(let e=1;e<v.length;e++)st+=t[e][0].length}else{t.length==0&&(r.data=r._data=t=[[]]),ut=t[0],st=ut.length;let e=t;if(O==2){e=t.slice();let n=e[0]=Array(st);for(let e=0;e<st;e++)n[e]=e}r._data=t=e}if(zt(!0),Xn(`setData`),O==2&&(z=!0),n!==!1){let e=D;e.auto(r,dt)?ft():fn(S,e.min,e.max),Fe||=M.left>=0,Le=!0,Wt()}}r.setData=V;function ft(){dt=!0;let e,n;i==1&&(st>0?(ct=lt[0]=0,B=lt[1]=st-1,e=t[0][ct],n=t[0][B],O==2?(e=ct,n=B):e==n&&(O==3?[e,n]=wi(e,e,D.log,!1):O==4?[e,n]=Ti(e,e,D.log,!1):D.time?n=e+zi(86400/_):[e,n]=Ai(e,n,Ei,!0))):(ct=lt[0]=e=null,B=lt[1]=n=null)),fn(S,e,n)}let pt,mt,ht,gt,H,_t,vt,yt,bt,xt;function U(e,t,n,r,i,a){e??=zr,n??=ma,r??=`butt`,i??=zr,a??=`round`,e!=pt&&(d.strokeStyle=pt=e),i!=mt&&(d.fillStyle=mt=i),t!=ht&&(d.lineWidth=ht=t),a!=H&&(d.lineJoin=H=a),r!=_t&&(d.lineCap=_t=r),n!=gt&&d.setLineDash(gt=n)}function St(e,t,n,r){t!=mt&&(d.fillStyle=mt=t),e!=vt&&(d.font=vt=e),n!=yt&&(d.textAlign=yt=n),r!=bt&&(d.textBaseline=bt=r)}function Ct(e,t,n,i,a=0){if(i.length>0&&e.auto(r,dt)&&(t==null||t.min==null)){let t=Y(ct,0),r=Y(B,i.length-1),o=n.min==null?Ci(i,t,r,a,e.distr==3):[n.min,n.max];e.min=Vi(e.min,n.min=o[0]),e.max=Hi(e.max,n.max=o[1])}}let wt={min:null,max:null};function Tt(){for(let e in b){let t=b[e];A[e]==null&&(t.min==null||A[S]!=null&&t.auto(r,dt))&&(A[e]=wt)}for(let e in b){let t=b[e];A[e]==null&&t.from!=null&&A[t.from]!=null&&(A[e]=wt)}A[S]!=null&&zt(!0);let e={};for(let t in A){let n=A[t];if(n!=null){let a=e[t]=wa(b[t],xa);if(n.min!=null)Ta(a,n);else if(t!=S||i==2){if(st==0&&a.from==null){let e=a.range(r,null,null,t);a.min=e[0],a.max=e[1]}else a.min=Yi,a.max=-1/0}}}if(st>0){v.forEach((n,a)=>{if(i==1){let i=n.scale,o=A[i];if(o==null)return;let s=e[i];if(a==0){let e=s.range(r,s.min,s.max,i);s.min=e[0],s.max=e[1],ct=_i(s.min,t[0]),B=_i(s.max,t[0]),B-ct>1&&(t[0][ct]<s.min&&ct++,t[0][B]>s.max&&B--),n.min=ut[ct],n.max=ut[B]}else n.show&&n.auto&&Ct(s,o,n,t[a],n.sorted);n.idxs[0]=ct,n.idxs[1]=B}else if(a>0&&n.show&&n.auto){let[r,i]=n.facets,o=r.scale,s=i.scale,[c,l]=t[a],u=e[o],d=e[s];u!=null&&Ct(u,A[o],r,c,r.sorted),d!=null&&Ct(d,A[s],i,l,i.sorted),n.min=i.min,n.max=i.max}});for(let t in e){let n=e[t],i=A[t];if(n.from==null&&(i==null||i.min==null)){let e=n.range(r,n.min==Yi?null:n.min,n.max==-1/0?null:n.max,t);n.min=e[0],n.max=e[1]}}}for(let t in e){let n=e[t];if(n.from!=null){let i=e[n.from];if(i.min==null)n.min=n.max=null;else{let e=n.range(r,i.min,i.max,t);n.min=e[0],n.max=e[1]}}}let n={},a=!1;for(let t in e){let r=e[t],i=b[t];if(i.min!=r.min||i.max!=r.max){i.min=r.min,i.max=r.max;let e=i.distr;i._min=e==3?Gi(i.min):e==4?Ji(i.min,i.asinh):e==100?i.fwd(i.min):i.min,i._max=e==3?Gi(i.max):e==4?Ji(i.max,i.asinh):e==100?i.fwd(i.max):i.max,n[t]=a=!0}}if(a){v.forEach((e,t)=>{i==2?t>0&&n.y&&(e._paths=null):n[e.scale]&&(e._paths=null)});for(let e in n)z=!0,Xn(`setScale`,e);se&&M.left>=0&&(Fe=Le=!0)}for(let e in A)A[e]=null}function Et(e){let t=Zi(ct-1,0,st-1),n=Zi(B+1,0,st-1);for(;e[t]==null&&t>0;)t--;for(;e[n]==null&&n<st-1;)n++;return[t,n]}function Dt(){if(st>0){let e=v.some(e=>e._focus)&&xt!=Ke.alpha;e&&(d.globalAlpha=xt=Ke.alpha),v.forEach((e,n)=>{if(n>0&&e.show&&(Ot(n,!1),Ot(n,!0),e._paths==null)){let a=xt;xt!=e.alpha&&(d.globalAlpha=xt=e.alpha);let o=i==2?[0,t[n][0].length-1]:Et(t[n]);e._paths=e.paths(r,n,o[0],o[1]),xt!=a&&(d.globalAlpha=xt=a)}}),v.forEach((e,t)=>{if(t>0&&e.show){let n=xt;xt!=e.alpha&&(d.globalAlpha=xt=e.alpha),e._paths!=null&&kt(t,!1);{let n=e._paths==null?null:e._paths.gaps,i=e.points.show(r,t,ct,B,n),a=e.points.filter(r,t,i,n);(i||a)&&(e.points._paths=e.points.paths(r,t,ct,B,a),kt(t,!0))}xt!=n&&(d.globalAlpha=xt=n),Xn(`drawSeries`,t)}}),e&&(d.globalAlpha=xt=1)}}function Ot(e,t){let n=t?v[e].points:v[e];n._stroke=n.stroke(r,e),n._fill=n.fill(r,e)}function kt(e,t){let n=t?v[e].points:v[e],{stroke:r,fill:i,clip:a,flags:o,_stroke:s=n._stroke,_fill:c=n._fill,_width:l=n.width}=n._paths;l=Z(l*q,3);let u=null,f=l%2/2;t&&c==null&&(c=l>0?`#fff`:s);let p=n.pxAlign==1&&f>0;if(p&&d.translate(f,f),!t){let e=Ae-l/2,t=je-l/2,n=Me+l,r=R+l;u=new Path2D,u.rect(e,t,n,r)}t?jt(s,l,n.dash,n.cap,c,r,i,o,a):At(e,s,l,n.dash,n.cap,c,r,i,o,u,a),p&&d.translate(-f,-f)}function At(e,n,i,a,o,s,c,l,u,d,f){let p=!1;u!=0&&x.forEach((m,h)=>{if(m.series[0]==e){let e=v[m.series[1]],g=t[m.series[1]],_=(e._paths||pa).band;ga(_)&&(_=m.dir==1?_[0]:_[1]);let y,b=null;e.show&&_&&ji(g,ct,B)?(b=m.fill(r,h)||s,y=e._paths.clip):_=null,jt(n,i,a,o,b,c,l,u,d,f,y,_),p=!0}}),p||jt(n,i,a,o,s,c,l,u,d,f)}function jt(e,t,n,r,i,a,o,s,c,l,u,f){U(e,t,n,r,i),(c||l||f)&&(d.save(),c&&d.clip(c),l&&d.clip(l)),f?(s&3)==3?(d.clip(f),u&&d.clip(u),Nt(i,o),Mt(e,a,t)):s&_s?(Nt(i,o),d.clip(f),Mt(e,a,t)):s&gs&&(d.save(),d.clip(f),u&&d.clip(u),Nt(i,o),d.restore(),Mt(e,a,t)):(Nt(i,o),Mt(e,a,t)),(c||l||f)&&d.restore()}function Mt(e,t,n){n>0&&(t instanceof Map?t.forEach((e,t)=>{d.strokeStyle=pt=t,d.stroke(e)}):t!=null&&e&&d.stroke(t))}function Nt(e,t){t instanceof Map?t.forEach((e,t)=>{d.fillStyle=mt=t,d.fill(e)}):t!=null&&e&&d.fill(t)}function Pt(e,t,n,i){let a=y[e],o;if(i<=0)o=[0,0];else{let s=a._space=a.space(r,e,t,n,i);o=cc(t,n,a._incrs=a.incrs(r,e,t,n,i,s),i,s)}return a._found=o}function Ft(e,t,n,r,i,a,o,s,c,l){let u=o%2/2;h==1&&d.translate(u,u),U(s,o,c,l,s),d.beginPath();let f,p,m,g,_=i+(r==0||r==3?-a:a);n==0?(p=i,g=_):(f=i,m=_);for(let r=0;r<e.length;r++)t[r]!=null&&(n==0?f=m=e[r]:p=g=e[r],d.moveTo(f,p),d.lineTo(m,g));d.stroke(),h==1&&d.translate(-u,-u)}function It(e){let t=!0;return y.forEach((n,i)=>{if(!n.show)return;let a=b[n.scale];if(a.min==null){n._show&&(t=!1,n._show=!1,zt(!1));return}n._show||(t=!1,n._show=!0,zt(!1));let o=n.side,s=o%2,{min:c,max:l}=a,[u,d]=Pt(i,c,l,s==0?I:L);if(d==0)return;let f=a.distr==2,p=n._splits=n.splits(r,i,c,l,u,d,f),m=a.distr==2?p.map(e=>ut[e]):p,h=a.distr==2?ut[p[1]]-ut[p[0]]:u,g=n._values=n.values(r,n.filter(r,m,i,d,h),i,d,h);n._rotate=o==2?n.rotate(r,g,i,d):0;let _=n._size;n._size=Bi(n.size(r,g,i,e)),_!=null&&n._size!=_&&(t=!1)}),t}function Lt(e){let t=!0;return at.forEach((n,i)=>{let a=n(r,i,nt,e);a!=ot[i]&&(t=!1),ot[i]=a}),t}function Rt(){for(let e=0;e<y.length;e++){let t=y[e];if(!t.show||!t._show)continue;let n=t.side,i=n%2,a,o,c=t.stroke(r,e),l=n==0||n==3?-1:1,[u,f]=t._found;if(t.label!=null){let s=t.labelGap*l,p=zi((t._lpos+s)*q);St(t.labelFont[0],c,`center`,n==2?Pr:Fr),d.save(),i==1?(a=o=0,d.translate(p,zi(je+R/2)),d.rotate((n==3?-Ii:Ii)/2)):(a=zi(Ae+Me/2),o=p);let m=Qi(t.label)?t.label(r,e,u,f):t.label;d.fillText(m,a,o),d.restore()}if(f==0)continue;let p=b[t.scale],m=i==0?Me:R,h=i==0?Ae:je,_=t._splits,v=p.distr==2?_.map(e=>ut[e]):_,x=p.distr==2?ut[_[1]]-ut[_[0]]:u,S=t.ticks,C=t.border,w=S.show?S.size:0,T=zi(w*q),E=zi((t.alignTo==2?t._size-w-t.gap:t.gap)*q),D=t._rotate*-Ii/180,O=g(t._pos*q),k=O+(T+E)*l;o=i==0?k:0,a=i==1?k:0;let ee=t.font[0];St(ee,c,t.align==1?Ir:t.align==2?Lr:D>0?Ir:D<0?Lr:i==0?`center`:n==3?Lr:Ir,D||i==1?`middle`:n==2?Pr:Fr);let A=t.font[1]*t.lineGap,te=_.map(e=>g(s(e,p,m,h))),ne=t._values;for(let e=0;e<ne.length;e++){let t=ne[e];if(t!=null){i==0?a=te[e]:o=te[e],t=``+t;let n=t.indexOf(`
`)==-1?[t]:t.split(/\n/gm);for(let e=0;e<n.length;e++){let t=n[e];D?(d.save(),d.translate(a,o+e*A),d.rotate(D),d.fillText(t,0,0),d.restore()):d.fillText(t,a,o+e*A)}}}S.show&&Ft(te,S.filter(r,v,e,f,x),i,n,O,T,Z(S.width*q,3),S.stroke(r,e),S.dash,S.cap);let re=t.grid;re.show&&Ft(te,re.filter(r,v,e,f,x),i,i==0?2:1,i==0?je:Ae,i==0?R:Me,Z(re.width*q,3),re.stroke(r,e),re.dash,re.cap),C.show&&Ft([O],[1],+(i==0),i==0?1:2,i==1?je:Ae,i==1?R:Me,Z(C.width*q,3),C.stroke(r,e),C.dash,C.cap)}Xn(`drawAxes`)}function zt(e){v.forEach((t,n)=>{n>0&&(t._paths=null,e&&(i==1?(t.min=null,t.max=null):t.facets.forEach(e=>{e.min=null,e.max=null})))})}let Bt=!1,Vt=!1,Ht=[];function Ut(){Vt=!1;for(let e=0;e<Ht.length;e++)Xn(...Ht[e]);Ht.length=0}function Wt(){Bt||=(ja(Kt),!0)}function Gt(e,t=!1){Bt=!0,Vt=t,e(r),Kt(),t&&Ht.length>0&&queueMicrotask(Ut)}r.batch=Gt;function Kt(){if(Ne&&=(Tt(),!1),z&&=(Be(),!1),Pe){if(J(p,Ir,we),J(p,Pr,Te),J(p,Mr,I),J(p,Nr,L),J(m,Ir,we),J(m,Pr,Te),J(m,Mr,I),J(m,Nr,L),J(f,Mr,Se),J(f,Nr,Ce),u.width=zi(Se*q),u.height=zi(Ce*q),y.forEach(({_el:e,_show:t,_size:n,_pos:r,side:i})=>{if(e!=null){if(t){let t=i===3||i===0?n:0,a=i%2==1;J(e,a?`left`:`top`,r-t),J(e,a?`width`:`height`,n),J(e,a?`top`:`left`,a?Te:we),J(e,a?`height`:`width`,a?L:I),ii(e,br)}else ri(e,br)}}),pt=mt=ht=H=_t=vt=yt=bt=gt=null,xt=1,Pn(!0),we!=Ee||Te!=De||I!=Oe||L!=ke){zt(!1);let e=I/Oe,t=L/ke;if(se&&!Fe&&M.left>=0){M.left*=e,M.top*=t,Xt&&ci(Xt,zi(M.left),0,I,L),Zt&&ci(Zt,0,zi(M.top),I,L);for(let n=0;n<Ye.length;n++){let r=Ye[n];r!=null&&(Xe[n]*=e,Ze[n]*=t,ci(r,Bi(Xe[n]),Bi(Ze[n]),I,L))}}if(K.show&&!Ie&&K.left>=0&&K.width>0){K.left*=e,K.width*=e,K.top*=t,K.height*=t;for(let e in Ln)J(ln,e,K[e])}Ee=we,De=Te,Oe=I,ke=L}Xn(`setSize`),Pe=!1}Se>0&&Ce>0&&(d.clearRect(0,0,u.width,u.height),Xn(`drawClear`),w.forEach(e=>e()),Xn(`draw`)),K.show&&Ie&&(un(K),Ie=!1),se&&Fe&&(Mn(null,!0,!1),Fe=!1),j.show&&j.live&&Le&&(An(),Le=!1),c||(c=!0,r.status=1,Xn(`ready`)),dt=!1,Bt=!1}r.redraw=(e,t)=>{z=t||!1,e===!1?Wt():fn(S,D.min,D.max)};function qt(e,n){let i=b[e];if(i.from==null){if(st==0){let t=i.range(r,n.min,n.max,e);n.min=t[0],n.max=t[1]}if(n.min>n.max){let e=n.min;n.min=n.max,n.max=e}if(st>1&&n.min!=null&&n.max!=null&&n.max-n.min<1e-16)return;e==S&&i.distr==2&&st>0&&(n.min=_i(n.min,t[0]),n.max=_i(n.max,t[0]),n.min==n.max&&n.max++),A[e]=n,Ne=!0,Wt()}}r.setScale=qt;let Jt,Yt,Xt,Zt,Qt,$t,en,tn,nn,rn,W,G,an=!1,on=M.drag,sn=on.x,cn=on.y;se&&(M.x&&(Jt=oi(Sr,m)),M.y&&(Yt=oi(Cr,m)),D.ori==0?(Xt=Jt,Zt=Yt):(Xt=Yt,Zt=Jt),W=M.left,G=M.top);let K=r.select=Ta({show:!0,over:!0,left:0,width:0,top:0,height:0},e.select),ln=K.show?oi(xr,K.over?m:p):null;function un(e,t){if(K.show){for(let t in e)K[t]=e[t],t in Ln&&J(ln,t,e[t]);t!==!1&&Xn(`setSelect`)}}r.setSelect=un;function dn(e){if(v[e].show)N&&ii(ue[e],br);else if(N&&ri(ue[e],br),se){let t=Je?Ye[0]:Ye[e];t!=null&&ci(t,-10,-10,I,L)}}function fn(e,t,n){qt(e,{min:t,max:n})}function pn(e,t,n,a){t.focus!=null&&Sn(e),t.show!=null&&v.forEach((n,r)=>{r>0&&(e==r||e==null)&&(n.show=t.show,dn(r),i==2?(fn(n.facets[0].scale,null,null),fn(n.facets[1].scale,null,null)):fn(n.scale,null,null),Wt())}),n!==!1&&Xn(`setSeries`,e,t),a&&tr(`setSeries`,r,e,t)}r.setSeries=pn;function mn(e,t){Ta(x[e],t)}function hn(e,t){e.fill=X(e.fill||null),e.dir=Y(e.dir,-1),t??=x.length,x.splice(t,0,e)}function gn(e){e==null?x.length=0:x.splice(e,1)}r.addBand=hn,r.setBand=mn,r.delBand=gn;function _n(e,t){v[e].alpha=t,se&&Ye[e]!=null&&(Ye[e].style.opacity=t),N&&ue[e]&&(ue[e].style.opacity=t)}let vn,yn,bn,xn={focus:!0};function Sn(e){if(e!=bn){let t=e==null,n=Ke.alpha!=1;v.forEach((r,a)=>{if(i==1||a>0){let i=t||a==0||a==e;r._focus=t?null:i,n&&_n(a,i?1:Ke.alpha)}}),bn=e,n&&Wt()}}N&&qe&&be(Wr,F,e=>{M._lock||(We(e),bn!=null&&pn(null,xn,!0,Qn.setSeries))});function Cn(e,t,n){let r=b[t];n&&(e=e/q-(r.ori==1?Te:we));let i=I;r.ori==1&&(i=L,e=i-e),r.dir==-1&&(e=i-e);let a=r._min,o=r._max,s=e/i,c=a+(o-a)*s,l=r.distr;return l==3?Ui(10,c):l==4?qi(c,r.asinh):l==100?r.bwd(c):c}function wn(e,n){return _i(Cn(e,S,n),t[0],ct,B)}r.valToIdx=e=>_i(e,t[0]),r.posToIdx=wn,r.posToVal=Cn,r.valToPos=(e,t,n)=>b[t].ori==0?a(e,b[t],n?Me:I,n?Ae:0):o(e,b[t],n?R:L,n?je:0),r.setCursor=(e,t,n)=>{W=e.left,G=e.top,Mn(null,t,n)};function Tn(e,t){J(ln,Ir,K.left=e),J(ln,Mr,K.width=t)}function En(e,t){J(ln,Pr,K.top=e),J(ln,Nr,K.height=t)}let Dn=D.ori==0?Tn:En,On=D.ori==1?Tn:En;function kn(){if(N&&j.live)for(let e=+(i==2);e<v.length;e++){if(e==0&&pe)continue;let t=j.values[e],n=0;for(let r in t)de[e][n++].firstChild.nodeValue=t[r]}}function An(e,t){if(e!=null&&(e.idxs?e.idxs.forEach((e,t)=>{oe[t]=e}):va(e.idx)||oe.fill(e.idx),j.idx=oe[0]),N&&j.live){for(let e=0;e<v.length;e++)(e>0||i==1&&!pe)&&jn(e,oe[e]);kn()}Le=!1,t!==!1&&Xn(`setLegend`)}r.setLegend=An;function jn(e,n){let i=v[e],a=e==0&&O==2?ut:t[e],o;pe?o=i.values(r,e,n)??me:(o=i.value(r,n==null?null:a[n],e,n),o=o==null?me:{_:o}),j.values[e]=o}function Mn(e,n,a){nn=W,rn=G,[W,G]=M.move(r,W,G),M.left=W,M.top=G,se&&(Xt&&ci(Xt,zi(W),0,I,L),Zt&&ci(Zt,0,zi(G),I,L));let o,s=ct>B;vn=Yi,yn=null;let c=D.ori==0?I:L,l=D.ori==1?I:L;if(W<0||st==0||s){o=M.idx=null;for(let e=0;e<v.length;e++){let t=Ye[e];t!=null&&ci(t,-10,-10,I,L)}qe&&pn(null,xn,!0,e==null&&Qn.setSeries),j.live&&(oe.fill(o),Le=!0)}else{let e,n,a;i==1&&(e=D.ori==0?W:G,n=Cn(e,S),o=M.idx=_i(n,t[0],ct,B),a=k(t[0][o],D,c,0));let s=-10,u=-10,d=0,f=0,p=!0,m=``,h=``;for(let e=+(i==2);e<v.length;e++){let g=v[e],_=oe[e],y=_==null?null:i==1?t[e][_]:t[e][1][_],x=M.dataIdx(r,e,o,n),S=x==null?null:i==1?t[e][x]:t[e][1][x];if(Le=Le||S!=y||x!=_,oe[e]=x,e>0&&g.show){let n=x==null?-10:x==o?a:k(i==1?t[0][x]:t[e][0][x],D,c,0),_=S==null?-10:ee(S,i==1?b[g.scale]:b[g.facets[1].scale],l,0);if(qe&&S!=null){let t=D.ori==1?W:G,n=Li(Ke.dist(r,e,x,_,t));if(n<vn){let r=Ke.bias;if(r!=0){let i=Cn(t,g.scale),a=S>=0?1:-1,o=i>=0?1:-1;o==a&&(o==1?r==1?S>=i:S<=i:r==1?S<=i:S>=i)&&(vn=n,yn=e)}else vn=n,yn=e}}if(Le||Je){let t,i;D.ori==0?(t=n,i=_):(t=_,i=n);let a,o,c,l,g,v,y=!0,b=Ge.bbox;if(b!=null){y=!1;let t=b(r,e);c=t.left,l=t.top,a=t.width,o=t.height}else c=t,l=i,a=o=Ge.size(r,e);if(v=Ge.fill(r,e),g=Ge.stroke(r,e),Je)e==yn&&vn<=Ke.prox&&(s=c,u=l,d=a,f=o,p=y,m=v,h=g);else{let t=Ye[e];t!=null&&(Xe[e]=c,Ze[e]=l,fi(t,a,o,y),ui(t,v,g),ci(t,Bi(c),Bi(l),I,L))}}}}if(Je){let e=Ke.prox;if(Le||(bn==null?vn<=e:vn>e||yn!=bn)){let e=Ye[0];e!=null&&(Xe[0]=s,Ze[0]=u,fi(e,d,f,p),ui(e,m,h),ci(e,Bi(s),Bi(u),I,L))}}}if(K.show&&an){if(e!=null){let[t,n]=Qn.scales,[r,i]=Qn.match,[a,o]=e.cursor.sync.scales,s=e.cursor.drag;if(sn=s._x,cn=s._y,sn||cn){let{left:s,top:u,width:d,height:f}=e.select,p=e.scales[a].ori,m=e.posToVal,h,g,_,v,y,x=t!=null&&r(t,a),S=n!=null&&i(n,o);x&&sn?(p==0?(h=s,g=d):(h=u,g=f),_=b[t],v=k(m(h,a),_,c,0),y=k(m(h+g,a),_,c,0),Dn(Vi(v,y),Li(y-v))):Dn(0,c),S&&cn?(p==1?(h=s,g=d):(h=u,g=f),_=b[n],v=ee(m(h,o),_,l,0),y=ee(m(h+g,o),_,l,0),On(Vi(v,y),Li(y-v))):On(0,l)}else Rn()}else{let e=Li(nn-Qt),t=Li(rn-$t);if(D.ori==1){let n=e;e=t,t=n}sn=on.x&&e>=on.dist,cn=on.y&&t>=on.dist;let n=on.uni;n==null?on.x&&on.y&&(sn||cn)&&(sn=cn=!0):sn&&cn&&(sn=e>=n,cn=t>=n,!sn&&!cn&&(t>e?cn=!0:sn=!0));let r,i;sn&&(D.ori==0?(r=en,i=W):(r=tn,i=G),Dn(Vi(r,i),Li(i-r)),cn||On(0,l)),cn&&(D.ori==1?(r=en,i=W):(r=tn,i=G),On(Vi(r,i),Li(i-r)),sn||Dn(0,c)),!sn&&!cn&&(Dn(0,0),On(0,0))}}if(on._x=sn,on._y=cn,e==null){if(a){if($n!=null){let[e,t]=Qn.scales;Qn.values[0]=e==null?null:Cn(D.ori==0?W:G,e),Qn.values[1]=t==null?null:Cn(D.ori==1?W:G,t)}tr(Br,r,W,G,I,L,o)}if(qe){let e=a&&Qn.setSeries,t=Ke.prox;bn==null?vn<=t&&pn(yn,xn,!0,e):vn>t?pn(null,xn,!0,e):yn!=bn&&pn(yn,xn,!0,e)}}Le&&(j.idx=o,An()),n!==!1&&Xn(`setCursor`)}let Nn=null;Object.defineProperty(r,"rect",{get(){return Nn??Pn(!1),Nn}});function Pn(e=!1){e?Nn=null:(Nn=m.getBoundingClientRect(),Xn(`syncRect`,Nn))}function Fn(e,t,n,r,i,a,o){M._lock||an&&e!=null&&e.movementX==0&&e.movementY==0||(In(e,t,n,r,i,a,o,!1,e!=null),e==null?Mn(t,!0,!1):Mn(null,!0,!0))}function In(e,t,n,i,a,o,c,l,u){if(Nn??Pn(!1),We(e),e!=null)n=e.clientX-Nn.left,i=e.clientY-Nn.top;else{if(n<0||i<0){W=-10,G=-10;return}let[e,r]=Qn.scales,c=t.cursor.sync,[l,u]=c.values,[d,f]=c.scales,[p,m]=Qn.match,h=t.axes[0].side%2==1,g=D.ori==0?I:L,_=D.ori==1?I:L,v=h?o:a,y=h?a:o,x=h?i:n,S=h?n:i;if(n=d==null?x/v*g:p(e,d)?s(l,b[e],g,0):-10,i=f==null?S/y*_:m(r,f)?s(u,b[r],_,0):-10,D.ori==1){let e=n;n=i,i=e}}u&&(t==null||t.cursor.event.type==Br)&&((n<=1||n>=I-1)&&(n=sa(n,I)),(i<=1||i>=L-1)&&(i=sa(i,L))),l?(Qt=n,$t=i,[en,tn]=M.move(r,n,i)):(W=n,G=i)}let Ln={width:0,height:0,left:0,top:0};function Rn(){un(Ln,!1)}let zn,Bn,Vn,Hn;function Un(e,t,n,i,a,o,s){an=!0,sn=cn=on._x=on._y=!1,In(e,t,n,i,a,o,s,!0,!1),e!=null&&(be(Hr,Qr,Wn,!1),tr(Vr,r,en,tn,I,L,null));let{left:c,top:l,width:u,height:d}=K;zn=c,Bn=l,Vn=u,Hn=d}function Wn(e,t,n,i,a,o,s){an=on._x=on._y=!1,In(e,t,n,i,a,o,s,!1,!0);let{left:c,top:l,width:u,height:d}=K,f=u>0||d>0,p=zn!=c||Bn!=l||Vn!=u||Hn!=d;if(f&&p&&un(K),on.setScale&&f&&p){let e=c,t=u,n=l,r=d;if(D.ori==1&&(e=l,t=d,n=c,r=u),sn&&fn(S,Cn(e,S),Cn(e+t,S)),cn)for(let e in b){let t=b[e];e!=S&&t.from==null&&t.min!=Yi&&fn(e,Cn(n+r,e),Cn(n,e))}Rn()}else M.lock&&(M._lock=!M._lock,Mn(t,!0,e!=null));e!=null&&(xe(Hr,Qr),tr(Hr,r,W,G,I,L,null))}function Gn(e,t,n,r,i,a,o){if(M._lock)return;We(e);let s=an;if(an){let e=!0,t=!0,n,r;D.ori==0?(n=sn,r=cn):(n=cn,r=sn),n&&r&&(e=W<=10||W>=I-10,t=G<=10||G>=L-10),n&&e&&(W=W<en?0:I),r&&t&&(G=G<tn?0:L),Mn(null,!0,!0),an=!1}W=-10,G=-10,oe.fill(null),Mn(null,!0,!0),s&&(an=s)}function Kn(e,t,n,i,a,o,s){M._lock||(We(e),ft(),Rn(),e!=null&&tr(Gr,r,W,G,I,L,null))}function qn(){y.forEach(uc),Re(r.width,r.height,!0)}hi(Yr,$r,qn);let Jn={};Jn.mousedown=Un,Jn.mousemove=Fn,Jn.mouseup=Wn,Jn.dblclick=Kn,Jn.setSeries=(e,t,n,i)=>{let a=Qn.match[2];n=a(r,t,n),n!=-1&&pn(n,i,!0,!1)},se&&(be(Vr,m,Un),be(Br,m,Fn),be(Ur,m,e=>{We(e),Pn(!1)}),be(Wr,m,Gn),be(Gr,m,Kn),Js.add(r),r.syncRect=Pn);let Yn=r.hooks=e.hooks||{};function Xn(e,t,n){Vt?Ht.push([e,t,n]):e in Yn&&Yn[e].forEach(e=>{e.call(null,r,t,n)})}(e.plugins||[]).forEach(e=>{for(let t in e.hooks)Yn[t]=(Yn[t]||[]).concat(e.hooks[t])});let Zn=(e,t,n)=>n,Qn=Ta({key:null,setSeries:!1,filters:{pub:ra,sub:ra},scales:[S,v[1]?v[1].scale:null],match:[ia,ia,Zn],values:[null,null]},M.sync);Qn.match.length==2&&Qn.match.push(Zn),M.sync=Qn;let $n=Qn.key,er=hs($n);function tr(e,t,n,r,i,a,o){Qn.filters.pub(e,t,n,r,i,a,o)&&er.pub(e,t,n,r,i,a,o)}er.sub(r);function nr(e,t,n,r,i,a,o){Qn.filters.sub(e,t,n,r,i,a,o)&&Jn[e](null,t,n,r,i,a,o)}r.pub=nr;function rr(){er.unsub(r),Js.delete(r),ye.clear(),gi(Yr,$r,qn),l.remove(),F?.remove(),Xn(`destroy`)}r.destroy=rr;function ir(){Xn(`init`,e,t),V(t||e.data,!1),A[S]?qt(S,A[S]):ft(),Ie=K.show&&(K.width>0||K.height>0),Fe=Le=!0,Re(e.width,e.height)}return v.forEach($e),y.forEach(rt),n?n instanceof HTMLElement?(n.appendChild(l),ir()):n(r,ir):ir(),r}dc.assign=Ta,dc.fmtNum=Pi,dc.rangeNum=Ai,dc.rangeLog=wi,dc.rangeAsinh=Ti,dc.orient=vs,dc.pxRatio=q,dc.join=Aa,dc.fmtDate=Ua,dc.tzDate=Ga,dc.sync=hs;{dc.addGap=Cs,dc.clipGaps=Ss;let e=dc.paths={points:Ls};e.linear=Vs,e.stepped=Hs,e.bars=Ws,e.spline=Ks}function fc(e,t,n,r,i=r-1){let a=t?Math.max(1,Math.round(r*.1)):1,o;switch(e){case`ArrowLeft`:o=n==null?i:n-a;break;case`ArrowRight`:o=n==null?i:n+a;break;case`Home`:o=0;break;case`End`:o=r-1;break;default:return null}return Math.max(0,Math.min(r-1,o))}function pc(e,t,n,r){let i=t[r];if(i===void 0)return null;let a=e.valToPos(i,`x`),o=e.over.clientHeight/2;for(let t=0;t<n.length;t++){let i=n[t]?.[r];if(typeof i==`number`&&e.series[t+1]?.show!==!1){o=e.valToPos(i,`y`);break}}return{left:a,top:o}}function mc(e,t=`number`){return t===`percent`?Ct(e??null):n(e??null)}function hc(e,t,n,r,i,a,o,s=`number`){let c=[],l=[];t.forEach((e,t)=>{let r=mc(n[t]?.[a],s);c.push(r),i.has(e)||l.push(`${H(e)} = ${r}`)});let u=r[a];if(u===void 0)return{legend:c,readout:null,at:null};let d=l.join(`, `);if(o===void 0||o===``)return{legend:c,readout:C(e,`chart.readout`,{iteration:u,values:d}),at:`${C(e,`chart.iteration`)} ${u}`};let f=`${H(o)} ${u}`;return{legend:c,readout:`${f}: ${d}`,at:f}}var gc=class{constructor(e,t=500,n=()=>performance.now()){this.timer=null,this.lastAt=-1/0,this.pending=``,this.write=e,this.intervalMs=t,this.now=n}announce(e){if(this.pending=e,this.timer!==null)return;let t=this.lastAt+this.intervalMs-this.now();t<=0?this.flush():this.timer=setTimeout(()=>this.flush(),t)}cancel(){this.timer!==null&&clearTimeout(this.timer),this.timer=null}flush(){this.timer=null,this.lastAt=this.now(),this.write(this.pending)}};function _c(e){return Object.entries(e).map(([e,t])=>({label:e,...t}))}var vc=.75,yc=600,bc=(()=>{let e=[];for(let t=0;t<16;t++)for(let n of[1,2,5])e.push(n*10**t);return e})();function xc(e,t){return{width:e>0?e:yc,height:Number.isFinite(t)&&t>40?t:260}}function Sc(e,t,n,r){let i=e.yRange;if(i!==null&&Cc(i,r))return[i[0],i[1]];let a=t!==null&&Number.isFinite(t)&&(!r||t>0)?t:1/0,o=n!==null&&Number.isFinite(n)&&(!r||n>0)?n:-1/0;a===1/0&&o>-1/0&&(a=o);let s=[...e.band??[],...e.refLines].filter(e=>Number.isFinite(e)&&(!r||e>0));for(let e of s)a=Math.min(a,e),o=Math.max(o,e);return a<=o?r?dc.rangeLog(a,o,10,!0):dc.rangeNum(a,o,.1,!0):r?[1,10]:[0,1]}function Cc(e,t){let[n,r]=e;return Number.isFinite(n)&&Number.isFinite(r)&&n<r&&(!t||n>0)}function wc(e){return Math.max(40,16+7*Math.max(0,...(e??[]).map(e=>String(e).length)))}function Tc(e,t,n,r,i,a,o=[void 0,void 0]){return JSON.stringify([e.map(e=>[e.label,e.width,e.dash,e.faint,e.color,e.bandWith]),t,n,r,i,[...a],o])}function Ec(e,t){return e.dash??Tn(e.color??t)}function Dc(e,t){return e.color??t}function Oc(e){return e.reduce((e,t,n)=>Math.max(e,Dc(t,n)+1),0)}function kc(e){let{fg:t,grid:n,font:r}=e.colors,i=e.log,a=`12px ${r}`,o=(t,n)=>n.map(t=>t==null?``:mc(t,e.valueFormat)),s=e.xLabel??C(e.lang,`chart.iteration`),c=e.yLabel??``,l=`600 12px ${r}`,u=e=>e===``?{}:{label:e,labelSize:18,labelFont:l,labelGap:0},d=e.xMode??`iteration`,f=d===`wall`?{}:d===`relative`?{incrs:[..._n],values:(e,t)=>t.map(e=>gn(e))}:{incrs:[...bc]};return{...e.size,...d===`wall`?{ms:1}:{},legend:{show:!1},padding:[16,12,0,0],scales:{x:{time:d===`wall`},y:{distr:i?3:1,log:10,range:(t,n,r)=>Sc(e.rangeInputs(),n,r,i)}},axes:[{stroke:t,font:a,grid:{stroke:n,width:1},ticks:{stroke:n,width:1},...f,...s===``?{}:{size:34},...u(s)},{stroke:t,font:a,grid:{stroke:n,width:1},ticks:{stroke:n,width:1},values:o,size:(e,t)=>wc(t),...u(c)}],series:[{label:s||C(e.lang,`chart.iteration`)},...e.series.map((n,r)=>{let i=e.colors.series[Dc(n,r)]??t,a=Ec(n,r);return{label:n.label,show:!e.hidden.has(n.label),stroke:i,width:n.width??(n.faint===!0?1:1.5),...a===void 0?{}:{dash:a},alpha:n.faint===!0?vc:1,spanGaps:!1,points:{size:5,fill:i,stroke:i,filter:(t,n,r)=>{if(r)return null;let i=e.isolated()[n-1];return i!==void 0&&i.length>0?i:null}}}})],cursor:{drag:{x:e.selectable,y:!1,setScale:!1,dist:4},points:{size:7,width:1.5}},select:{show:e.selectable,left:0,top:0,width:0,height:0},hooks:e.hooks}}function Ac(e){let t=1/0,n=-1/0;for(let r of e)for(let e of r)e!==null&&Number.isFinite(e)&&(e<t&&(t=e),e>n&&(n=e));return t<=n?[t,n]:null}var jc=-10;function Mc(e){let t=Ac(e);if(t===null)return null;let[n,r]=t,i=Math.ceil(r),a=Math.min(Math.floor(Math.max(n,jc)),Math.floor(r));return a===i?[a-1,i+1]:[a,i]}var Nc=[-4,-2];function Pc(e){let[t,n]=Nc,r=Mc(e);return r===null?[t-1,n+1]:[Math.min(r[0],t-1),Math.max(r[1],n+1)]}function Fc(e){let t=Ac(e);if(t===null)return null;let n=Math.min(0,t[0]),r=t[1];return r>n?[n,r]:n===0?[0,1]:[n,0]}function Ic(e,t=5){if(!Number.isFinite(e)||e<=0)return[0,1];let n=e/t,r=10**Math.floor(Math.log10(n)),i=[1,2,5,10].map(e=>e*r).find(e=>e>=n)??10*r,a=Math.max(1,i>=1?Math.round(i):i),o=[];for(let t=0;o.push(Number(t.toPrecision(12))),!(t>=e);t+=a);return o}function Lc(e,t,n=5){return!Number.isFinite(e)||!Number.isFinite(t)?[]:e===t||n<2?[e]:Array.from({length:n},(r,i)=>i===n-1?t:e+(t-e)*i/(n-1))}var Rc={error:[`M5 1h6l4 4v6l-4 4H5l-4-4V5z`,`M5.5 5.5l5 5m0-5l-5 5`],warning:[`M8 1l7.5 14H.5z`,`M8 6v4.5m0 1.5v1.5`],info:[`M8 .5a7.5 7.5 0 1 1 0 15a7.5 7.5 0 1 1 0-15z`,`M8 7v5m0-8v1.5`]};function zc(e){let[t,n]=Rc[e];return R`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true">
    ${Ne`<path d=${t}></path><path class="glyph" d=${n}></path>`}
  </svg>`}var Bc=A`
  [data-severity="error"] {
    --_sev: var(--_nonfinite);
  }
  [data-severity="warning"] {
    --_sev: var(--_series-2);
  }
  [data-severity="info"] {
    --_sev: var(--_accent);
  }
  /* text in a severity's colour, moved towards the text colour: 4.5:1 on either theme */
  .sev-text {
    color: color-mix(in srgb, var(--_sev) 80%, var(--_fg));
  }
  .icon {
    width: 1em;
    height: 1em;
    flex: none;
    vertical-align: -0.125em;
  }
  .icon path {
    fill: var(--_sev, currentColor);
  }
  .icon path.glyph {
    fill: none;
    stroke: var(--_bg);
    stroke-width: 2;
    stroke-linecap: round;
  }
`,Vc=class extends sr{static{this.properties={...sr.properties,apiBase:{attribute:`api-base`},session:{},worker:{},layer:{},headingLevel:{attribute:`heading-level`,type:Number}}}static{this.styles=[...In,Bc,A`
      h2:focus,
      h3:focus {
        outline: none;
      }
      h2:focus-visible,
      h3:focus-visible {
        outline: 2px solid var(--_accent);
      }
      h3 {
        font-size: 0.9375rem;
        font-weight: 600;
        margin: 0 0 0.25rem;
      }
      .list {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .list > li {
        padding: 0.5rem 0;
        border-top: 1px solid var(--_border);
      }
      .head {
        display: flex;
        gap: 0.5rem;
        align-items: baseline;
        margin: 0;
      }
      .severity {
        display: inline-flex;
        align-items: center;
        gap: 0.25rem;
        flex: none;
        font-weight: 600;
      }
      .meta,
      .hint {
        font-size: 0.8125rem;
        margin: 0.25rem 0 0;
      }
      a {
        color: var(--_accent);
      }
      details {
        font-size: 0.875rem;
        margin-top: 0.25rem;
      }
      summary {
        cursor: pointer;
        color: var(--_muted);
      }
      details p {
        margin: 0.25rem 0 0;
      }
      table.data {
        width: auto;
        margin-top: 0.25rem;
      }
      table.data th,
      table.data td {
        text-align: left;
      }
      table.data th {
        color: var(--_muted);
        font-weight: 500;
      }
      caption {
        text-align: left;
        color: var(--_muted);
        font-size: 0.75rem;
      }
    `]}constructor(){super(),this.source=new Zt(this),this.announced=null,this.shown=null,this.reported=null,this.apiBase=``,this.session=null,this.worker=null,this.layer=null,this.headingLevel=2}get language(){return this.lang?y(this.lang):S()}get findings(){return this.source.state.answer}get filter(){return this.layer===``?null:this.layer}shownOf(e){let t=this.filter,n=this.shown;if(n!==null&&n.answer===e&&n.layer===t)return n.findings;let r=jt(Nt(e.findings,t));return this.shown={answer:e,layer:t,findings:r},r}async reveal(){await this.updateComplete,this.scrollIntoView({block:`start`}),this.renderRoot.querySelector(`h2, h3`)?.focus({preventScroll:!0})}willUpdate(e){super.willUpdate(e),this.source.watch({apiBase:this.apiBase,session:this.session,worker:this.worker===`*`?null:this.worker,lang:this.language})}updated(e){super.updated(e);let{answer:t,error:n}=this.source.state,r=this.filter,i=this.announced;if(t!==null&&(i===null||i.answer!==t||i.layer!==r)){this.announced={answer:t,layer:r};let e=this.shownOf(t);this.setAttribute(`data-count`,String(e.length)),this.emit(`train-findings-change`,{session:t.session_id,worker:t.worker_id,counts:r===null?t.counts:Pt(e)})}n!==null&&n!==this.reported&&(this.reported=n,this.emit(`train-error`,{status:n.status,code:n.code,message:n.message}))}emit(e,t,n=!1){return this.dispatchEvent(new CustomEvent(e,{bubbles:!0,composed:!0,cancelable:n,detail:t}))}openLayer(e,t,n){if(e.button!==0||e.metaKey||e.ctrlKey||e.shiftKey||e.altKey)return;let r={session:t.session_id,worker:t.worker_id,layer:n};this.emit(`train-layer-open`,r,!0)||e.preventDefault()}render(){let e=this.language,{answer:t,error:n}=this.source.state,r=R`<slot name="heading">${V(e,`findings.title`)}</slot>`;return R`
      ${this.headingLevel===3?R`<h3 tabindex="-1">${r}</h3>`:R`<h2 tabindex="-1">${r}</h2>`}
      ${n===null?z:R`<p part="error" class="error" role="alert">
              ${V(e,`findings.error`,{message:n.message})}
            </p>`}
      ${t===null?n===null?R`<p class="muted" aria-busy="true">${V(e,`findings.loading`)}</p>`:z:this.renderAnswer(e,t)}
    `}renderAnswer(e,t){let n=R`<p class="muted hint">
      ${V(e,`findings.checked`,{count:t.reports_seen})}
    </p>`,r=this.shownOf(t),i=this.filter===null;return r.length===0?R`<p part="empty" class="empty">
          ${V(e,i?`findings.none`:`findings.none_layer`)}
        </p>
        ${n}`:R`<p class="muted hint">
        ${V(e,`findings.counts`,i?t.counts:Pt(r))}
      </p>
      <ol part="list" class="list">
        ${r.map(n=>this.renderFinding(e,t,n))}
      </ol>
      ${n}`}renderFinding(e,t,n){let{layer:r,parameter:i}=n,a=Ht(n.evidence);return R`<li
      part="finding"
      data-rule=${n.rule}
      data-severity=${n.severity}
      data-category=${n.category}
      data-first=${n.first_iteration}
      data-layer=${r??z}
      data-parameter=${i??z}
    >
      <p class="head">
        <span part="severity" class="severity sev-text"
          >${zc(n.severity)}${V(e,`findings.severity.${n.severity}`)}</span
        >
        <bdi class="message">${n.message}</bdi>
      </p>
      <p class="meta muted">
        <span class="iterations">${Bt(e,n)}</span>,
        ${V(e,`findings.noticed`,{iteration:n.noticed_iteration})}
        ${r===null?z:r===this.filter?R`· ${V(e,`findings.layer`)} <bdi class="layer">${r}</bdi>`:R`· ${V(e,`findings.layer`)}
                  <a
                    class="layer"
                    href=${Kt(this.apiBase,t.session_id,t.worker_id,r)}
                    aria-label=${V(e,`findings.open_layer`,{layer:H(r)})}
                    title=${V(e,`findings.open_layer`,{layer:H(r)})}
                    @click=${e=>this.openLayer(e,t,r)}
                    ><bdi>${r}</bdi></a
                  >`}
        ${i===null||i===r?z:R`· ${V(e,`findings.parameter`)} <bdi class="parameter">${i}</bdi>`}
      </p>
      <details part="advice">
        <summary>${V(e,`findings.advice`)}</summary>
        <p>${n.advice}</p>
      </details>
      ${a.length===0?z:R`<table part="evidence" class="data evidence">
              <caption>
                ${V(e,`findings.evidence`)}
              </caption>
              <tbody>
                ${a.map(([e,t])=>R`<tr data-key=${e}>
                      <th scope="row">${e}</th>
                      <td>${t}</td>
                    </tr>`)}
              </tbody>
            </table>`}
    </li>`}};u(`train-findings`,Vc);var Hc=[0,6.68,15.87,30.85,50,69.15,84.13,93.32,100];function Uc(e){return Number.isFinite(e)&&e>0?e:0}function Wc(e,t){let n=e.counts.map(Uc),r=n.reduce((e,t)=>e+t,0);if(r<=0||!Number.isFinite(e.min)||!Number.isFinite(e.max)||Number.isNaN(t))return null;if(e.min===e.max)return e.min;let i=Math.min(100,Math.max(0,t))/100*r,a=n.length,o=(e.max-e.min)/a,s=0;for(let t=0;t<a;t++){let r=n[t]??0;if(r!==0){if(s+r>=i){let n=e.min+o*t;return n+((t===a-1?e.max:e.min+o*(t+1))-n)*((i-s)/r)}s+=r}}return e.max}function Gc(e,t=Hc){return t.map(t=>Wc(e,t))}function Kc(e,t=Hc){let n=t.map(()=>[]);for(let r of e)Gc(r,t).forEach((e,t)=>n[t]?.push(e));return{iterations:e.map(e=>e.iteration),percentiles:t,values:n}}function qc(e){return e.map(e=>Number.isFinite(e)&&e>0?e:0)}function Jc(e){let t=1/0,n=-1/0;for(let r of e)Number.isFinite(r.min)&&Number.isFinite(r.max)&&(t=Math.min(t,r.min),n=Math.max(n,r.max));if(t>n)return[0,1];if(t===n){let e=t===0?.5:Math.abs(t)*.1;return[t-e,n+e]}return[t,n]}function Yc(e,t){let[n,r]=Jc(e),i=e=>(e-n)/(r-n)*t.width,a=e[0]?.iteration??0,o=e[e.length-1]?.iteration??0,s=e.map(e=>qc(e.counts)),c=Math.max(0,...s.map((t,n)=>{let r=e[n];return r!==void 0&&r.min===r.max?t.reduce((e,t)=>e+t,0):Math.max(0,...t)})),l=c>0?t.peak/c:0;return{lo:n,hi:r,ridges:e.map((e,n)=>{let r=o>a?(e.iteration-a)/(o-a):1,c=t.peak+r*(t.height-t.peak),u=s[n]??[],d=e=>c-e*l;if(!Number.isFinite(e.min)||!Number.isFinite(e.max)||u.length===0)return{iteration:e.iteration,baseline:c,points:[]};if(e.min===e.max){let n=i(e.min),r=u.reduce((e,t)=>e+t,0),a=t.width/200;return{iteration:e.iteration,baseline:c,points:[[n-a,c],[n,d(r)],[n+a,c]]}}let f=(e.max-e.min)/u.length,p=[[i(e.min),c]];return u.forEach((t,n)=>p.push([i(e.min+f*(n+.5)),d(t)])),p.push([i(e.max),c]),{iteration:e.iteration,baseline:c,points:p}})}}function Xc(e){if(e.points.length===0)return``;let t=e=>String(Math.round(e*100)/100);return`${e.points.map(([e,n],r)=>`${r===0?`M`:`L`}${t(e)} ${t(n)}`).join(` `)} Z`}function Zc(e,t){if(t===null)return null;let n=null;for(let r of e)r<=t&&(n===null||r>n)&&(n=r);return n}var Qc=1e3,$c=240,el=.35,tl=3,nl=class extends sr{static{this.properties={...sr.properties,histograms:{attribute:!1},selected:{attribute:!1},height:{type:Number}}}static{this.styles=[...In,A`
      :host {
        display: block;
      }
      .plot {
        display: grid;
        grid-template-columns: 1fr auto;
        column-gap: 0.35rem;
        font-size: 0.75rem;
        font-variant-numeric: tabular-nums;
      }
      svg {
        grid-row: 1;
        grid-column: 1;
        display: block;
        width: 100%;
        height: var(--_ridges-height, 240px);
        overflow: visible;
        border-bottom: 1px solid var(--_border);
      }
      path.ridge {
        fill: var(--_bg);
        stroke: var(--_series-1);
        stroke-width: 1.25px;
        vector-effect: non-scaling-stroke;
      }
      path.ridge[data-selected] {
        stroke: var(--_accent);
        stroke-width: 2.5px;
      }
      .iters,
      .xaxis {
        position: relative;
        color: var(--_muted);
        line-height: 1;
      }
      .iters {
        grid-row: 1;
        grid-column: 2;
        min-width: 3em;
      }
      .iters span {
        position: absolute;
        left: 0;
        transform: translateY(-50%);
        white-space: nowrap;
      }
      .iters span.sel {
        color: var(--_accent);
        font-weight: 600;
      }
      .xaxis {
        grid-row: 2;
        grid-column: 1;
        height: 1.4em;
      }
      .xaxis span {
        position: absolute;
        top: 0.35em;
        transform: translateX(-50%);
        white-space: nowrap;
      }
      .xaxis span:first-child {
        transform: none;
      }
      .xaxis span:last-child {
        transform: translateX(-100%);
      }
      .titles {
        grid-row: 3;
        grid-column: 1 / span 2;
        display: flex;
        justify-content: space-between;
        color: var(--_fg);
        font-weight: 600;
      }
    `]}constructor(){super(),this.layout={lo:0,hi:1,ridges:[]},this.histograms=[],this.selected=null,this.height=$c}get drawnHeight(){return Number.isFinite(this.height)&&this.height>60?this.height:$c}willUpdate(e){if(e.has(`histograms`)||e.has(`height`)){let e=this.drawnHeight;this.layout=Yc(this.histograms,{width:Qc,height:e,peak:e*el})}}get selectedRidge(){return Zc(this.histograms.map(e=>e.iteration),this.selected)}updated(){this.dataset.ridges=String(this.layout.ridges.filter(e=>e.points.length>0).length);let e=this.selectedRidge;e===null?delete this.dataset.selected:this.dataset.selected=String(e)}render(){let e=this.language,{lo:t,hi:r,ridges:i}=this.layout;if(i.length===0)return R`<p class="muted empty">${C(e,`chart.no_data`)}</p>`;let a=this.drawnHeight,o=this.selectedRidge,s=i[0],c=i[i.length-1],l=[s,c,i.find(e=>e.iteration===o)].filter((e,t,n)=>e!==void 0&&n.indexOf(e)===t);return R`<div
      part="plot"
      class="plot"
      role="img"
      aria-label=${C(e,`model.histograms.offset`,{title:this.label,count:U(i.length),first:U(s?.iteration??0),last:U(c?.iteration??0)})}
      style="--_ridges-height: ${a}px"
    >
      <svg viewBox="0 0 ${Qc} ${a}" preserveAspectRatio="none" aria-hidden="true">
        ${i.map(t=>{let n=.35+.65*((t.baseline-a*el)/(a*.65)||0);return Ne`<path class="ridge" d=${Xc(t)} data-iteration=${t.iteration}
            ?data-selected=${t.iteration===o} stroke-opacity=${t.iteration===o?1:n.toFixed(2)}><title>${C(e,`model.histograms.iteration`,{iteration:U(t.iteration)})}</title></path>`})}
      </svg>
      <div class="iters" aria-hidden="true">
        ${l.map(e=>R`<span
              class=${e.iteration===o?`sel`:z}
              style="top: ${100*e.baseline/a}%"
              >${U(e.iteration)}</span
            >`)}
      </div>
      <div class="xaxis" aria-hidden="true">
        ${Lc(t,r,tl).map(e=>R`<span style="left: ${100*(e-t)/(r-t)}%"
              >${n(e)}</span
            >`)}
      </div>
      <div class="titles" aria-hidden="true">
        <span>${C(e,`histogram.value`)}</span><span>${C(e,`chart.iteration`)}</span>
      </div>
    </div>`}};u(`train-hist-ridges`,nl);function rl(e){return typeof e==`number`?e:e===`Infinity`?1/0:e===`-Infinity`?-1/0:NaN}function il(e){if(e==null||!Array.isArray(e.counts)||e.counts.length===0)return[];let t=e.counts.map(e=>typeof e==`number`&&Number.isFinite(e)&&e>0?e:0),n=rl(e.min),r=rl(e.max);if(n===r)return[{from:n,to:r,count:t.reduce((e,t)=>e+t,0)}];let i=t.length,a=(r-n)/i;return t.map((e,t)=>({from:t===0?n:n+a*t,to:t===i-1?r:n+a*(t+1),count:e}))}function al(e,t,n){return n<=0?null:fc(e,!1,t,n,0)}function ol(e){return typeof e==`number`&&Number.isFinite(e)&&e>0}function sl(e,t){if(!ol(t.total))return null;let n=[];ol(t.nan)&&n.push(`${C(e,`chart.nan`)} ${U(t.nan)}`),ol(t.posinf)&&n.push(`${C(e,`chart.posinf`)} ${U(t.posinf)}`),ol(t.neginf)&&n.push(`${C(e,`chart.neginf`)} ${U(t.neginf)}`);let r=U(t.total);return n.length===0?C(e,`histogram.all_nonfinite_plain`,{count:r}):C(e,`histogram.all_nonfinite`,{count:r,detail:n.join(`, `)})}var cl=220,ll=3,ul=class extends sr{static{this.properties={...sr.properties,histogram:{attribute:!1},nonfinite:{type:Number},nanCount:{type:Number,attribute:`nan-count`},posinfCount:{type:Number,attribute:`posinf-count`},neginfCount:{type:Number,attribute:`neginf-count`},xLabel:{type:String,attribute:`x-label`},yLabel:{type:String,attribute:`y-label`},height:{type:Number},tableView:{state:!0},active:{state:!0}}}static{this.styles=[...In,A`
      .toolbar {
        display: flex;
        justify-content: flex-end;
        gap: 0.25rem;
        margin-bottom: 0.25rem;
        font-size: 0.8125rem;
      }
      .plot {
        display: grid;
        grid-template-columns: auto auto 1fr;
        grid-template-rows: auto auto auto;
        column-gap: 0.3rem;
        font-size: 0.75rem;
        font-variant-numeric: tabular-nums;
        border-radius: 2px;
      }
      .plot[hidden] {
        display: none;
      }
      .ytitle {
        grid-row: 1;
        grid-column: 1;
        writing-mode: vertical-rl;
        transform: rotate(180deg);
        text-align: center;
        color: var(--_fg);
        font-weight: 600;
      }
      .yaxis,
      .xaxis {
        position: relative;
        color: var(--_muted);
        line-height: 1;
      }
      .yaxis {
        grid-row: 1;
        grid-column: 2;
        min-width: 2.5em;
      }
      .yaxis span {
        position: absolute;
        right: 0.35em;
        transform: translateY(50%);
        white-space: nowrap;
      }
      .yaxis span::after {
        content: "";
        position: absolute;
        right: -0.35em;
        top: 50%;
        width: 0.25em;
        border-top: 1px solid var(--_border);
      }
      .xaxis {
        grid-row: 2;
        grid-column: 3;
        height: 1.4em;
      }
      .xaxis span {
        position: absolute;
        top: 0.35em;
        transform: translateX(-50%);
        white-space: nowrap;
      }
      .xaxis span:first-child {
        transform: none;
      }
      .xaxis span:last-child {
        transform: translateX(-100%);
      }
      .xaxis span::before {
        content: "";
        position: absolute;
        left: 50%;
        top: -0.35em;
        height: 0.25em;
        border-left: 1px solid var(--_border);
      }
      .xaxis span:first-child::before {
        left: 0;
      }
      .xaxis span:last-child::before {
        left: 100%;
      }
      .xtitle {
        grid-row: 3;
        grid-column: 3;
        text-align: center;
        color: var(--_fg);
        font-weight: 600;
        padding-top: 0.1rem;
      }
      svg.bars {
        grid-row: 1;
        grid-column: 3;
        display: block;
        width: 100%;
        height: var(--_hist-height, 220px);
        border-bottom: 1px solid var(--_border);
        border-left: 1px solid var(--_border);
        box-sizing: border-box;
        overflow: visible;
      }
      svg.bars line.grid {
        stroke: var(--_grid);
        stroke-width: 1px;
        vector-effect: non-scaling-stroke;
      }
      svg.bars rect.bar {
        fill: var(--_series-1);
        stroke: var(--_bg);
        stroke-width: 1px;
        vector-effect: non-scaling-stroke;
      }
      svg.bars rect.bar[data-active] {
        fill: var(--_accent);
      }
      svg.bars rect.hit {
        fill: transparent;
        stroke: none;
      }
      svg.bars rect.hit[data-active] {
        fill: color-mix(in srgb, var(--_accent) 10%, transparent);
      }
      .readout {
        min-height: 1.3em;
        margin: 0.2rem 0 0;
        font-size: 0.8125rem;
        font-variant-numeric: tabular-nums;
        color: var(--_fg);
      }
      .nonfinite {
        margin: 0.25rem 0 0;
        font-size: 0.8125rem;
        color: var(--_nonfinite);
      }
      .tablewrap {
        max-height: 20rem;
        overflow: auto;
      }
    `]}constructor(){super(),this.bins=[],this.histogram=null,this.nonfinite=0,this.nanCount=null,this.posinfCount=null,this.neginfCount=null,this.xLabel=void 0,this.yLabel=void 0,this.height=cl,this.tableView=!1,this.active=null}willUpdate(e){e.has(`histogram`)&&(this.bins=il(this.histogram),this.active!==null&&this.active>=this.bins.length&&(this.active=null))}updated(){this.dataset.bins=String(this.bins.length),this.active===null?delete this.dataset.active:this.dataset.active=String(this.active)}rangeText(e,t){return C(e,`histogram.range`,{from:n(t.from),to:n(t.to)})}binText(e,t){return C(e,`histogram.bin_readout`,{range:this.rangeText(e,t),count:U(t.count)})}onKeyDown(e){if(e.key===`Escape`){this.active=null;return}let t=al(e.key,this.active,this.bins.length);t!==null&&(e.preventDefault(),this.active=t)}renderBars(e){let t=this.bins,r=Ic(Math.max(0,...t.map(e=>e.count))),i=r[r.length-1]??1,a=t.length,o=t[0],s=t[a-1],c=o===void 0||s===void 0?[]:Lc(o.from,s.to,ll),l=s!==void 0&&o!==void 0?s.to-o.from:0,u=this.xLabel??C(e,`histogram.value`),d=this.yLabel??C(e,`histogram.count`),f=Number.isFinite(this.height)&&this.height>40?this.height:cl,p=this.active;return R`<div
      part="plot"
      class="plot"
      role="application"
      tabindex="0"
      aria-label=${this.label||C(e,`histogram.count`)}
      ?hidden=${this.tableView}
      style="--_hist-height: ${f}px"
      @keydown=${e=>this.onKeyDown(e)}
      @pointerleave=${()=>this.active=null}
      @blur=${()=>this.active=null}
    >
      ${d===``?z:R`<div class="ytitle" aria-hidden="true">${d}</div>`}
      <div class="yaxis" aria-hidden="true">
        ${r.map(e=>R`<span style="bottom: ${100*e/i}%">${U(e)}</span>`)}
      </div>
      <svg class="bars" viewBox="0 0 ${a} ${i}" preserveAspectRatio="none">
        ${r.slice(1).map(e=>Ne`<line class="grid" x1="0" x2=${a} y1=${i-e} y2=${i-e}></line>`)}
        ${t.map((t,n)=>Ne`<rect class="hit" x=${n} y="0" width="1" height=${i} ?data-active=${n===p}
              @pointerenter=${()=>this.active=n}></rect><rect class="bar" x=${n} y=${i-t.count} width="1" height=${t.count} ?data-active=${n===p}
              @pointerenter=${()=>this.active=n}><title>${this.binText(e,t)}</title></rect>`)}
      </svg>
      <div class="xaxis" aria-hidden="true">
        ${c.map((e,t)=>R`<span style="left: ${l>0&&o!==void 0?100*(e-o.from)/l:t>0?100:0}%">${n(e)}</span>`)}
      </div>
      ${u===``?z:R`<div class="xtitle" aria-hidden="true">${u}</div>`}
    </div>`}renderTable(e){return R`<div class="tablewrap">
      <table part="table" class="data" aria-label=${this.label||z}>
        <thead>
          <tr>
            <th scope="col">${C(e,`histogram.bin`)}</th>
            <th scope="col">${C(e,`histogram.count`)}</th>
          </tr>
        </thead>
        <tbody>
          ${this.bins.map(t=>R`<tr>
                <th scope="row">${this.rangeText(e,t)}</th>
                <td>${t.count}</td>
              </tr>`)}
        </tbody>
      </table>
    </div>`}render(){let e=this.language,t=Number.isFinite(this.nonfinite)&&this.nonfinite>0?this.nonfinite:0;if(this.bins.length===0){let n=sl(e,{total:t,nan:this.nanCount,posinf:this.posinfCount,neginf:this.neginfCount});return n===null?R`<p class="muted empty">${C(e,`chart.no_data`)}</p>`:R`<p part="nonfinite" class="nonfinite empty" data-all>${n}</p>`}let n=t>0?R`<p part="nonfinite" class="nonfinite">
            ${C(e,`histogram.nonfinite`,{count:U(t)})}
          </p>`:z,r=this.active===null?void 0:this.bins[this.active],i=r===void 0||this.tableView?``:this.binText(e,r);return R`
      <div part="toolbar" class="toolbar">
        <button
          type="button"
          aria-pressed=${this.tableView?`true`:`false`}
          @click=${()=>this.tableView=!this.tableView}
        >
          ${C(e,`chart.table`)}
        </button>
      </div>
      ${this.renderBars(e)}
      <p part="readout" class="readout" aria-live="polite">${i}</p>
      ${this.tableView?this.renderTable(e):z} ${n}
    `}};u(`train-histogram`,ul);function dl(e,t,n,r){if(t===null||n&&(t[0]<=0||t[1]<=0))return;let{left:i,top:a,width:o,height:s}=e.bbox,c=e.valToPos(Math.max(t[0],t[1]),`y`,!0),l=e.valToPos(Math.min(t[0],t[1]),`y`,!0);if(c=Math.max(a,Math.min(a+s,c)),l=Math.max(a,Math.min(a+s,l)),l-c<=0)return;let u=e.ctx;u.save(),u.fillStyle=r,u.fillRect(i,c,o,l-c),u.restore()}var fl=.2;function pl(e,t){let n=[],r=[],i=Math.min(e.length,t.length);for(let a=0;a<i;a++){let i=e[a],o=t[a];i!==void 0&&o!==void 0&&(typeof i==`number`&&typeof o==`number`?r.push(a):(r.length>1&&n.push(r),r=[]))}return r.length>1&&n.push(r),n}function ml(e,t,n){if(n.length===0)return 0;let r=e.ctx,{left:i,top:a,width:o,height:s}=e.bbox,c=0;r.save(),r.beginPath(),r.rect(i,a,o,s),r.clip(),r.globalAlpha=fl;for(let i of n){r.fillStyle=i.color;for(let n of pl(i.upper,i.lower)){r.beginPath(),n.forEach((n,a)=>{let o=e.valToPos(t[n]??0,`x`,!0),s=e.valToPos(i.upper[n],`y`,!0);a===0?r.moveTo(o,s):r.lineTo(o,s)});for(let a=n.length-1;a>=0;a--){let o=n[a];r.lineTo(e.valToPos(t[o]??0,`x`,!0),e.valToPos(i.lower[o],`y`,!0))}r.closePath(),r.fill(),c++}}return r.restore(),c}function hl(e,t){let n=e.ctx,r=t.pxRatio??dc.pxRatio,{left:i,top:a,width:o,height:s}=e.bbox,c=t.log;n.save(),n.beginPath(),n.rect(i,a,o,s),n.clip(),n.strokeStyle=t.color,n.lineWidth=r,n.setLineDash([4*r,4*r]);for(let r of t.refLines){if(!Number.isFinite(r)||c&&r<=0)continue;let t=Math.round(e.valToPos(r,`y`,!0))+.5;t<a||t>a+s||(n.beginPath(),n.moveTo(i,t),n.lineTo(i+o,t),n.stroke())}let l=e.scales.x?.min??-1/0,u=e.scales.x?.max??1/0;n.font=`${11*r}px ${t.font}`,n.fillStyle=t.color,n.textAlign=`left`,n.textBaseline=`bottom`;let d=[],f=-1/0,p=-1/0;for(let c of[...t.epochs].sort((e,t)=>e.iteration-t.iteration)){if(!(c.iteration>=l&&c.iteration<=u))continue;let m=Math.round(e.valToPos(c.iteration,`x`,!0))+.5;if(m-p<3*r)continue;p=m,n.beginPath(),n.moveTo(m,a),n.lineTo(m,a+s),n.stroke();let h=C(t.lang,`chart.epoch`,{epoch:c.epoch}),g=n.measureText(h).width,_=m+3*r;_>f+4*r&&_+g<=i+o+12*r&&(d.push([h,_]),f=_+g)}n.restore(),n.save(),n.font=`${11*r}px ${t.font}`,n.fillStyle=t.color,n.textAlign=`left`,n.textBaseline=`bottom`;for(let[e,t]of d)n.fillText(e,t,a-2*r);n.restore()}function gl(e,t){return C(e,t===`nan`?`chart.nan`:t===`inf`?`chart.posinf`:`chart.neginf`)}function _l(e,t,n,r){let i=C(e,`chart.nonfinite_at`,{value:gl(e,n),iteration:r});return t===``?i:`${t}: ${i}`}var vl=class{constructor(e,t,n=()=>!0){this.className=e,this.decorate=t,this.shown=n,this.layer=null,this.els=[]}build(e,t,n){this.layer===null&&(this.layer=document.createElement(`div`),this.layer.className=this.className,e.over.appendChild(this.layer));let r=[];for(let e of t){let t=document.createElement(`span`);this.decorate(t,e),t.dataset.x=String(e.x);let i=n(e);t.title=i,t.setAttribute(`role`,`img`),t.setAttribute(`aria-label`,i),r.push(t)}this.layer.replaceChildren(...r),this.els=r,this.position(e,t,n)}position(e,t,n){if(this.els.length!==t.length){this.layer!==null&&this.build(e,t,n);return}let r=e.scales.x?.min??-1/0,i=e.scales.x?.max??1/0;t.forEach((t,n)=>{let a=this.els[n];a!==void 0&&(!this.shown(e,t)||t.x<r||t.x>i?a.hidden=!0:(a.hidden=!1,a.style.left=`${e.valToPos(t.x,`x`)}px`))})}reset(){this.layer=null,this.els=[]}};function yl(){return new vl(`markers`,(e,t)=>{e.className=`marker`,e.setAttribute(`part`,`nonfinite`),e.dataset.kind=t.kind,e.dataset.series=String(t.seriesIndex)},(e,t)=>e.series[t.seriesIndex+1]?.show!==!1)}function bl(){return new vl(`finding-marks`,(e,t)=>{e.className=`finding`,e.setAttribute(`part`,`finding`),e.dataset.severity=t.severity,t.worker!==void 0&&(e.dataset.worker=t.worker),t.color!==void 0&&e.style.setProperty(`--_worker`,`var(--_series-${En(t.color)})`)})}var xl=class{constructor(e,t){this.range=null,this.downAt=null,this.host=e,this.enabled=t}get current(){return this.range}listen(e,t){e.addEventListener(`mousedown`,e=>{let t=e;this.downAt={x:t.clientX,y:t.clientY}}),e.addEventListener(`click`,e=>{let n=e,r=this.downAt;this.downAt=null,this.enabled()&&r!==null&&Math.hypot(n.clientX-r.x,n.clientY-r.y)<4&&this.clear(t)})}onSelect(e){if(!this.enabled())return;let{left:t,width:n}=e.select;if(!(n>=1))return;let r=e.posToVal(t,`x`),i=e.posToVal(t+n,`x`);this.range=[r,i],this.fire({x0:r,x1:i})}clear(e){this.range=null,e?.setSelect({left:0,top:0,width:0,height:0},!1),this.fire(null)}restore(e){if(this.range===null)return;let[t,n]=this.range,r=e.valToPos(t,`x`),i=e.valToPos(n,`x`);e.setSelect({left:r,top:0,width:Math.max(0,i-r),height:e.over.clientHeight},!1)}fire(e){this.host.dispatchEvent(new CustomEvent(`train-range-select`,{bubbles:!0,composed:!0,detail:e}))}},Sl={"charts.x_axis":`X axis`,"charts.x.iteration":`Iteration`,"charts.x.wall":`Wall time`,"charts.x.relative":`Relative time`,"charts.x.relative_title":`Time since start`,"charts.x.no_times":`This chart's values carry no wall-clock times, so it is drawn by iteration.`,"charts.smoothing":`Smoothing`,"charts.smoothed":`{label} (smoothed)`,"charts.download":`Download`,"charts.download.csv":`Download CSV of the stored values`,"charts.download.json":`Download JSON of the stored values`,"charts.download.failed":`The download failed: {message}`},Cl={en:Sl,zh:{"charts.x_axis":`横轴`,"charts.x.iteration":`迭代`,"charts.x.wall":`挂钟时间`,"charts.x.relative":`相对时间`,"charts.x.relative_title":`自开始以来的时间`,"charts.x.no_times":`此图的数值没有记录挂钟时间，因此按迭代绘制。`,"charts.smoothing":`平滑`,"charts.smoothed":`{label}（平滑）`,"charts.download":`下载`,"charts.download.csv":`下载存储值的 CSV`,"charts.download.json":`下载存储值的 JSON`,"charts.download.failed":`下载失败：{message}`},de:{"charts.x_axis":`X-Achse`,"charts.x.iteration":`Iteration`,"charts.x.wall":`Uhrzeit`,"charts.x.relative":`Relative Zeit`,"charts.x.relative_title":`Zeit seit dem Start`,"charts.x.no_times":`Die Werte dieses Diagramms tragen keine Uhrzeiten, daher wird es nach Iteration gezeichnet.`,"charts.smoothing":`Glättung`,"charts.smoothed":`{label} (geglättet)`,"charts.download":`Herunterladen`,"charts.download.csv":`Gespeicherte Werte als CSV herunterladen`,"charts.download.json":`Gespeicherte Werte als JSON herunterladen`,"charts.download.failed":`Der Download ist fehlgeschlagen: {message}`},ja:{"charts.x_axis":`X 軸`,"charts.x.iteration":`イテレーション`,"charts.x.wall":`実時間`,"charts.x.relative":`相対時間`,"charts.x.relative_title":`開始からの時間`,"charts.x.no_times":`このチャートの値には実時間の記録がないため、イテレーションで描画します。`,"charts.smoothing":`平滑化`,"charts.smoothed":`{label}（平滑化）`,"charts.download":`ダウンロード`,"charts.download.csv":`保存された値を CSV でダウンロード`,"charts.download.json":`保存された値を JSON でダウンロード`,"charts.download.failed":`ダウンロードに失敗しました: {message}`},ko:{"charts.x_axis":`X축`,"charts.x.iteration":`반복`,"charts.x.wall":`실제 시각`,"charts.x.relative":`상대 시간`,"charts.x.relative_title":`시작 이후 경과 시간`,"charts.x.no_times":`이 차트의 값에는 시각 정보가 없으므로 반복 기준으로 그립니다.`,"charts.smoothing":`평활화`,"charts.smoothed":`{label}(평활화)`,"charts.download":`다운로드`,"charts.download.csv":`저장된 값을 CSV로 다운로드`,"charts.download.json":`저장된 값을 JSON으로 다운로드`,"charts.download.failed":`다운로드에 실패했습니다: {message}`},ru:{"charts.x_axis":`Ось X`,"charts.x.iteration":`Итерация`,"charts.x.wall":`Время`,"charts.x.relative":`Относительное время`,"charts.x.relative_title":`Время с начала`,"charts.x.no_times":`У значений этого графика нет отметок времени, поэтому он строится по итерациям.`,"charts.smoothing":`Сглаживание`,"charts.smoothed":`{label} (сглаженное)`,"charts.download":`Скачать`,"charts.download.csv":`Скачать сохранённые значения в CSV`,"charts.download.json":`Скачать сохранённые значения в JSON`,"charts.download.failed":`Не удалось скачать: {message}`}};function wl(e,t,n){return w(Cl[e][t]??Sl[t],n)}var Tl={iteration:`charts.x.iteration`,wall:`charts.x.wall`,relative:`charts.x.relative`};function El(e){let{lang:t}=e,n=wl(t,`charts.x.no_times`);return R`<label class="tool" part="x-axis"
      >${wl(t,`charts.x_axis`)}
      <select
        name="x-axis"
        @change=${t=>e.onXMode(t.target.value)}
      >
        ${un.map(r=>R`<option
              value=${r}
              ?selected=${r===e.xMode}
              ?disabled=${r!==`iteration`&&!e.hasTimes}
              title=${r!==`iteration`&&!e.hasTimes?n:z}
            >
              ${wl(t,Tl[r])}
            </option>`)}
      </select></label
    >${e.smoothing===null?z:R`<label class="tool" part="smoothing"
            >${wl(t,`charts.smoothing`)}
            <input
              type="range"
              name="smoothing"
              min="0"
              max="0.99"
              step="0.01"
              .value=${String(e.smoothing)}
              aria-valuetext=${e.smoothing.toFixed(2)}
              @input=${t=>e.onSmoothing(Number(t.target.value))}
            /><output>${e.smoothing.toFixed(2)}</output></label
          >`}<span class="tool" part="download" role="group" aria-label=${wl(t,`charts.download`)}
      >${[`csv`,`json`].map(n=>R`<button
            type="button"
            data-download=${n}
            aria-label=${wl(t,n===`csv`?`charts.download.csv`:`charts.download.json`)}
            title=${wl(t,n===`csv`?`charts.download.csv`:`charts.download.json`)}
            ?disabled=${e.busy}
            @click=${()=>e.onDownload(n)}
          >
            ${n.toUpperCase()}
          </button>`)}</span
    >`}function Dl(e){return e==null?``:typeof e==`string`?e:Number.isNaN(e)?`NaN`:e===1/0?`Infinity`:e===-1/0?`-Infinity`:String(e)}function Ol(e){return e==null?null:typeof e==`string`||Number.isFinite(e)?e:Dl(e)}function kl(e){let t=new Map,n=e.map(e=>{let n=new Map,r=Math.min(e.iterations.length,e.values.length);for(let i=0;i<r;i++){let r=e.iterations[i];n.set(r,e.values[i]);let a=e.timestamps_ms?.[i];typeof a==`number`&&!t.has(r)&&t.set(r,a)}return n}),r=new Set;for(let e of n)for(let t of e.keys())r.add(t);let i=[...r].sort((e,t)=>e-t);return{iterations:i,times:i.map(e=>t.get(e)??null),columns:n.map(e=>i.map(t=>e.get(t)))}}function Al(e){return/[",\r\n]|^\s|\s$/.test(e)?`"${e.replace(/"/g,`""`)}"`:e}function jl(e){let t=kl(e),n=[[`iteration`,`wall_time_ms`,`wall_time_iso`,...e.map(e=>e.label)].map(Al).join(`,`)];return t.iterations.forEach((e,r)=>{let i=t.times[r]??null,a=[String(e),i===null?``:String(i),i===null?``:new Date(i).toISOString(),...t.columns.map(e=>Dl(e[r]))];n.push(a.map(Al).join(`,`))}),n.join(`\r
`)+`\r
`}function Ml(e,t){return JSON.stringify({...t,series:e.map(e=>({label:e.label,iterations:[...e.iterations],...e.timestamps_ms===void 0?{}:{timestamps_ms:[...e.timestamps_ms]},values:e.values.map(Ol)}))},null,1)}function Nl(e,t,n){let r=e=>e.normalize(`NFKC`).replace(/[^\p{L}\p{N}._-]+/gu,`-`).replace(/^[-.]+|-+$/g,``).slice(0,80),i=[r(e),t===null?``:r(t)].filter(e=>e!==``);return`${i.length===0?`chart`:i.join(`-`)}.${n}`}function Pl(e,t,n){let r=URL.createObjectURL(new Blob([e],{type:n})),i=document.createElement(`a`);i.href=r,i.download=t,i.rel=`noopener`,i.style.display=`none`,document.body.append(i),i.click(),i.remove(),setTimeout(()=>URL.revokeObjectURL(r),1e4)}function Fl(e){if(!Number.isFinite(e)||e<1)throw RangeError(`range must be a finite number of at least 1, got ${String(e)}.`);return 2/(e+1)}function Il(e,t=10){let n=Fl(t),r=[],i=null;for(let t of e)t===null||!Number.isFinite(t)?r.push(null):(i=i===null?t:n*t+(1-n)*i,r.push(i));return r}function Ll(e,t){let n=Number.isFinite(t)?Math.min(Math.max(t,0),.999):0,r=[],i=0,a=0;for(let t of e)t===null||!Number.isFinite(t)?r.push(null):(i=n*i+(1-n)*t,a=n*a+(1-n),r.push(i/a));return r}function Rl(e,n,r){if(!(n>0))return e;let i=new Set;e.forEach((e,t)=>{e.bandWith!==void 0&&i.add(t).add(e.bandWith)});let a=[],o=[];return e.forEach((e,s)=>{if(o[s]=a.length,e.smooth===!1||i.has(s)){a.push(e);return}let c=e.color??s;a.push({...e,color:c,faint:!0}),a.push({label:r(e.label),iterations:e.iterations,values:Ll(t(e.values),n),timestamps_ms:e.timestamps_ms,color:c,smooth:!1,...e.width===void 0?{}:{width:e.width},...e.dash===void 0?{}:{dash:e.dash}})}),a.map(e=>e.bandWith===void 0?e:{...e,bandWith:o[e.bandWith]??e.bandWith})}var zl=`.uplot,.uplot *,.uplot :before,.uplot :after{box-sizing:border-box}.uplot{width:min-content;font-family:system-ui,-apple-system,Segoe UI,Roboto,Helvetica Neue,Arial,Noto Sans,sans-serif,Apple Color Emoji,Segoe UI Emoji,Segoe UI Symbol,Noto Color Emoji;line-height:1.5}.u-title{text-align:center;font-size:18px;font-weight:700}.u-wrap{-webkit-user-select:none;user-select:none;position:relative}.u-over,.u-under{position:absolute}.u-under{overflow:hidden}.uplot canvas{width:100%;height:100%;display:block;position:relative}.u-axis{position:absolute}.u-legend{text-align:center;margin:auto;font-size:14px}.u-inline{display:block}.u-inline *{display:inline-block}.u-inline tr{margin-right:16px}.u-legend th{font-weight:600}.u-legend th>*{vertical-align:middle;display:inline-block}.u-legend .u-marker{width:1em;height:1em;margin-right:4px;background-clip:padding-box!important}.u-inline.u-live th:after{content:":";vertical-align:middle}.u-inline:not(.u-live) .u-value{display:none}.u-series>*{padding:4px}.u-series th{cursor:pointer}.u-legend .u-off>*{opacity:.3}.u-select{pointer-events:none;background:#00000012;position:absolute}.u-cursor-x,.u-cursor-y{pointer-events:none;will-change:transform;position:absolute;top:0;left:0}.u-hz .u-cursor-x,.u-vt .u-cursor-y{border-right:1px dashed #607d8b;height:100%}.u-hz .u-cursor-y,.u-vt .u-cursor-x{border-bottom:1px dashed #607d8b;width:100%}.u-cursor-pt{pointer-events:none;will-change:transform;border:0 solid;border-radius:50%;position:absolute;top:0;left:0;background-clip:padding-box!important}.u-axis.u-off,.u-select.u-off,.u-cursor-x.u-off,.u-cursor-y.u-off,.u-cursor-pt.u-off{display:none}`;function Bl(e,t){return{fg:Nn(e,`--_fg`)||`#1b1b1f`,muted:Nn(e,`--_muted`)||`#5b5d66`,grid:Nn(e,`--_grid`)||`#e4e5ea`,band:Nn(e,`--_band`)||`rgba(0,158,115,0.14)`,font:Nn(e,`--_font`)||`system-ui, sans-serif`,series:Array.from({length:t},(t,n)=>Pn(e,n)||`#0072b2`)}}var Vl=[...In,ee(zl),A`
    /* Transitions on the colours the canvas uses: their end tells the chart to redraw. */
    .theme-probe {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      visibility: hidden;
      pointer-events: none;
      color: var(--_fg);
      background-color: var(--_series-1);
      border: 1px solid var(--_series-2);
      border-right-color: var(--_series-3);
      border-bottom-color: var(--_grid);
      border-left-color: var(--_muted);
      outline: 1px solid var(--_band);
      text-decoration-color: var(--_series-4);
      column-rule: 1px solid var(--_series-5);
      caret-color: var(--_series-6);
      transition-property:
        color, background-color, border-color, outline-color, text-decoration-color,
        column-rule-color, caret-color;
      transition-duration: 1ms;
    }
    .toolbar {
      display: flex;
      justify-content: flex-end;
      gap: 0.25rem;
      margin-bottom: 0.25rem;
      font-size: 0.8125rem;
    }
    .toolbar:empty {
      display: none;
    }
    .toolbar {
      flex-wrap: wrap;
      align-items: center;
    }
    .toolbar .tool {
      display: inline-flex;
      align-items: center;
      gap: 0.3rem;
    }
    .toolbar select,
    .toolbar input[type="range"] {
      font: inherit;
      color: inherit;
      background: var(--_bg, transparent);
    }
    .toolbar input[type="range"] {
      width: 6rem;
      accent-color: var(--_accent);
    }
    .toolbar output {
      min-width: 2.2em;
      font-variant-numeric: tabular-nums;
    }
    .plot {
      position: relative;
      min-width: 0;
      /* the canvas must not hold its container wider than the page allows */
      contain: inline-size;
      border-radius: 2px;
    }
    .plot[hidden] {
      display: none;
    }
    .uplot {
      font-family: var(--_font);
      color: var(--_fg);
    }
    .u-select {
      background: color-mix(in srgb, var(--_accent) 18%, transparent);
    }
    .u-cursor-x,
    .u-cursor-y {
      border-color: var(--_muted) !important;
    }
    .marker {
      position: absolute;
      width: 0;
      height: 0;
      transform: translateX(-5px);
      border-left: 5px solid transparent;
      border-right: 5px solid transparent;
      z-index: 5;
    }
    .marker[data-kind="nan"],
    .marker[data-kind="inf"] {
      top: 0;
      border-top: 8px solid var(--_nonfinite);
    }
    .marker[data-kind="-inf"] {
      bottom: 0;
      border-bottom: 8px solid var(--_nonfinite);
    }
    .marker[hidden],
    .finding[hidden] {
      display: none;
    }
    /* a finding: a dashed line across the plot, a diamond at its foot; 10 px wide to hover */
    .finding {
      --_c: var(--_series-2);
      position: absolute;
      top: 0;
      bottom: 0;
      width: 10px;
      transform: translateX(-5px);
      z-index: 4;
      background: repeating-linear-gradient(var(--_c) 0 4px, transparent 4px 7px) center / 2px 100%
        no-repeat;
    }
    .finding[data-severity="error"] {
      --_c: var(--_nonfinite);
    }
    .finding::after {
      content: "";
      position: absolute;
      bottom: 0;
      left: 1px;
      width: 8px;
      height: 8px;
      background: var(--_c);
      transform: rotate(45deg);
    }
    /* a worker's finding (the all-workers chart): the line in the worker's colour, the diamond
       in the severity's */
    .finding[data-worker] {
      background: repeating-linear-gradient(var(--_worker, var(--_c)) 0 4px, transparent 4px 7px)
        center / 2px 100% no-repeat;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      font-size: 0.8125rem;
      margin-top: 0.25rem;
    }
    .legend button {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
      border: none;
      padding: 0.1rem 0.2rem;
    }
    .legend button[aria-pressed="false"] {
      opacity: 0.45;
      font-weight: normal;
    }
    .legend button[aria-pressed="true"] {
      color: inherit;
      font-weight: normal;
    }
    .legend .name {
      /* a name holding bidi controls (U+202E ...) cannot reorder what follows it */
      unicode-bidi: isolate;
    }
    .legend .position {
      font-variant-numeric: tabular-nums;
      color: var(--_fg);
      font-weight: 600;
      align-self: center;
      unicode-bidi: isolate;
    }
    .legend .position:empty {
      display: none;
    }
    .lognote {
      margin: 0.25rem 0 0;
      font-size: 0.8125rem;
    }
    .legend .value {
      font-variant-numeric: tabular-nums;
      color: var(--_muted);
      min-width: 4ch;
    }
    .legend svg {
      flex: none;
    }
    .readout {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `],Hl=2e3,Ul=1e5;function Wl(e){if(typeof e==`number`)return e;switch(e){case`NaN`:return NaN;case`Infinity`:return 1/0;case`-Infinity`:return-1/0;default:return null}}function Gl(e){return Number.isNaN(e)?`nan`:e===1/0?`inf`:e===-1/0?`-inf`:null}function Kl(e){let t=e.map(e=>{let t=new Map,n=Math.min(e.iterations.length,e.values.length);for(let r=0;r<n;r++){let n=e.iterations[r];typeof n==`number`&&Number.isFinite(n)&&(t.delete(n),t.set(n,Wl(e.values[r])))}return t}),n=new Set;for(let e of t)for(let t of e.keys())n.add(t);let r=Array.from(n).sort((e,t)=>e-t),i=new Map;r.forEach((e,t)=>i.set(e,t));let a=[],o=[],s=[];return t.forEach((e,t)=>{let n=Array(r.length).fill(void 0),c=Array(r.length).fill(void 0),l=[],u=[];for(let[r,a]of e){let e=i.get(r);if(e===void 0)continue;if(c[e]=a,a===null){n[e]=null,l.push(e);continue}let o=Gl(a);o===null?n[e]=a:(n[e]=null,l.push(e),u.push({seriesIndex:t,x:r,kind:o}))}ql(n,l),u.sort((e,t)=>e.x-t.x),s.push(...u),a.push(n),o.push(c)}),{x:r,ys:a,values:o,markers:s}}function ql(e,t){for(let n of t){for(let t=n-1;t>=0&&e[t]===void 0;t--)e[t]=null;for(let t=n+1;t<e.length&&e[t]===void 0;t++)e[t]=null}}function Jl(e){let t=0;for(let n of e)for(let e of n)typeof e==`number`&&t++;return t}function Yl(e){let t=[],n=null,r=[];for(let t=0;t<e.length;t++)e[t]!==void 0&&r.push(t);for(let i=0;i<r.length;i++){let a=r[i],o=e[a],s=i+1<r.length?e[r[i+1]]:null;typeof o==`number`&&typeof n!=`number`&&typeof s!=`number`&&t.push(a),n=o}return t}function Xl(e){let t=0;return{ys:e.map(e=>{let n=e.slice(),r=[];return n.forEach((e,i)=>{typeof e==`number`&&!(e>0)&&(n[i]=null,r.push(i),t++)}),ql(n,r),n}),hidden:t}}function Zl(e){for(let t of e)for(let e of t)if(typeof e==`number`&&e>0)return!0;return!1}var Ql=class extends sr{static{this.properties={...sr.properties,series:{attribute:!1},epochs:{attribute:!1},findingMarks:{attribute:!1},band:{attribute:!1},refLines:{attribute:!1},yRange:{attribute:!1},fullSeries:{attribute:!1},exportMeta:{attribute:!1},startMs:{attribute:!1},reportTimes:{attribute:!1},downloadName:{type:String,attribute:`download-name`},smoothing:{state:!0},xMode:{state:!0},busy:{state:!0},downloadError:{state:!0},logY:{type:Boolean,attribute:`log-y`,reflect:!0},logToggle:{type:Boolean,attribute:`log-toggle`},xLabel:{type:String,attribute:`x-label`},yLabel:{type:String,attribute:`y-label`},valueFormat:{type:String,attribute:`value-format`},selectable:{type:Boolean},height:{type:Number},tableView:{state:!0},hiddenLabels:{state:!0}}}static{this.styles=Vl}constructor(){super(),this.plot=null,this.plotKey=``,this.aligned={x:[],ys:[],values:[],markers:[]},this.shown=[],this.xs=[],this.drawnXMode=`iteration`,this.hasTimes=!1,this.drawnMarkers=[],this.markerIteration=new WeakMap,this.isolated=[],this.drawnYs=[],this.hiddenByLog=0,this.colors={fg:``,muted:``,grid:``,band:``,font:``,series:[]},this.markers=yl(),this.findingMarkers=bl(),this.resizeObserver=null,this.resizeFrame=0,this.media=null,this.selection=new xl(this,()=>this.selectable&&this.drawnXMode===`iteration`),this.readout=new gc(e=>{let t=this.renderRoot.querySelector(`.readout`);t!==null&&t.textContent!==e&&(t.textContent=e)}),this.drawn=!1,this.onXAxisChange=()=>{this.xMode=yn.mode},this.onSchemeChange=()=>{this.theme!==`light`&&this.theme!==`dark`&&this.scheduleRedraw()},this.redrawFrame=0,this.markerTitleOf=e=>{let t=this.shown[e.seriesIndex]?.label??``,n=this.markerIteration.get(e)??e.x;return _l(this.language,t===``?``:H(t),e.kind,n)},this.series=[],this.epochs=[],this.findingMarks=[],this.band=null,this.refLines=[],this.yRange=null,this.fullSeries=null,this.exportMeta=null,this.startMs=null,this.reportTimes=null,this.downloadName=void 0,this.smoothing=0,this.xMode=yn.mode,this.busy=!1,this.downloadError=null,this.logY=!1,this.logToggle=!1,this.selectable=!1,this.height=260,this.tableView=!1,this.hiddenLabels=new Set,this.xLabel=void 0,this.yLabel=void 0,this.valueFormat=`number`}get effectiveLogY(){return this.logY&&Zl(this.aligned.ys)}get isEmpty(){return Jl(this.aligned.ys)===0&&this.aligned.markers.length===0}connectedCallback(){super.connectedCallback(),this.xMode=yn.mode,yn.addEventListener(`change`,this.onXAxisChange),typeof matchMedia==`function`&&(this.media=matchMedia(`(prefers-color-scheme: dark)`),this.media.addEventListener(`change`,this.onSchemeChange)),this.hasUpdated&&this.requestUpdate()}disconnectedCallback(){super.disconnectedCallback(),yn.removeEventListener(`change`,this.onXAxisChange),this.media?.removeEventListener(`change`,this.onSchemeChange),this.media=null,this.resizeObserver?.disconnect(),this.resizeObserver=null,cancelAnimationFrame(this.resizeFrame),cancelAnimationFrame(this.redrawFrame),this.readout.cancel(),this.destroyPlot()}redraw(){this.destroyPlot(),this.syncPlot()}scheduleRedraw(){cancelAnimationFrame(this.redrawFrame),this.redrawFrame=requestAnimationFrame(()=>{this.plot!==null&&this.redraw()})}willUpdate(e){let t=e.has(`series`)||e.has(`smoothing`)||e.has(`lang`);if(t){let e=this.language;this.shown=Rl(this.series??[],this.smoothing,t=>wl(e,`charts.smoothed`,{label:t})),this.aligned=Kl(this.shown)}let n=e;if((t||n.has(`xMode`)||n.has(`startMs`)||n.has(`reportTimes`))&&this.syncX(),t||e.has(`logY`)){if(this.effectiveLogY){let e=Xl(this.aligned.ys);this.drawnYs=e.ys,this.hiddenByLog=e.hidden}else this.drawnYs=this.aligned.ys,this.hiddenByLog=0;this.isolated=this.drawnYs.map(Yl)}}syncX(){let{x:e,markers:t}=this.aligned,n=pn(this.shown,this.reportTimes);this.hasTimes=n.size>0;let r=this.xMode===`iteration`?null:mn(e,n,this.xMode,this.startMs);if(this.drawnXMode=r===null?`iteration`:this.xMode,this.xs=r??e,this.markerIteration=new WeakMap,r===null)this.drawnMarkers=t;else{this.drawnMarkers=[];for(let n of t){let t=hn(e,r,n.x);if(t===null)continue;let i={...n,x:t};this.markerIteration.set(i,n.x),this.drawnMarkers.push(i)}}}toX(e){return this.drawnXMode===`iteration`?e:hn(this.aligned.x,this.xs,e)}updated(e){if(this.resizeObserver===null){let e=this.plotEl;e!==null&&(this.resizeObserver=new ResizeObserver(()=>this.scheduleResize()),this.resizeObserver.observe(e))}let t=[`series`,`epochs`,`findingMarks`,`band`,`refLines`,`yRange`,`logY`,`height`,`selectable`,`theme`,`lang`,`hiddenLabels`,`xLabel`,`yLabel`,`valueFormat`,`smoothing`,`xMode`,`startMs`,`reportTimes`],n=e;(this.plot===null||t.some(e=>n.has(e)))&&(n.has(`theme`)&&n.get(`theme`)!==void 0&&this.destroyPlot(),this.syncPlot()),n.has(`tableView`)&&!this.tableView&&this.scheduleResize()}get plotEl(){return this.renderRoot.querySelector(`.plot`)}syncPlot(){let e=this.xs,t=this.drawnYs;this.dataset.points=String(Jl(t));let n=this.plotEl;if(this.isEmpty||n===null||!this.isConnected){this.destroyPlot(),this.isEmpty&&this.markReady();return}let r=[e,...t],i=Tc(this.shown,this.effectiveLogY,this.yRange,this.selectable,this.language,this.hiddenLabels,[this.xLabel,this.yLabel])+this.drawnXMode+this.valueFormat;if(this.plot!==null&&i===this.plotKey){this.plot.setData(r);let e=xc(n.clientWidth,this.height);e.height!==this.plot.height&&this.plot.setSize(e),this.buildMarkers()}else this.destroyPlot(),this.colors=Bl(this,Oc(this.shown)),this.plotKey=i,this.plot=new dc(this.options(n),r,n),this.buildMarkers()}scheduleResize(){cancelAnimationFrame(this.resizeFrame),this.resizeFrame=requestAnimationFrame(()=>{let e=this.plot,t=this.plotEl;if(e===null||t===null||t.clientWidth===0)return;let n=xc(t.clientWidth,this.height);(n.width!==e.width||n.height!==e.height)&&e.setSize(n)})}destroyPlot(){this.plot!==null&&(this.plot.destroy(),this.plot=null),this.plotKey=``,this.markers.reset(),this.findingMarkers.reset()}markReady(){this.drawn||(this.drawn=!0,this.dataset.ready=``)}get xTitle(){return this.drawnXMode===`wall`?wl(this.language,`charts.x.wall`):this.drawnXMode===`relative`?wl(this.language,`charts.x.relative_title`):this.xLabel}options(e){let t=this.xTitle;return kc({size:xc(e.clientWidth,this.height),colors:this.colors,series:this.shown,hidden:this.hiddenLabels,log:this.effectiveLogY,selectable:this.selectable&&this.drawnXMode===`iteration`,lang:this.language,xMode:this.drawnXMode,...t===void 0?{}:{xLabel:t},...this.yLabel===void 0?{}:{yLabel:this.yLabel},valueFormat:this.valueFormat,rangeInputs:()=>({yRange:this.yRange,band:this.band,refLines:this.refLines}),isolated:()=>this.isolated,hooks:{init:[e=>this.selection.listen(e.over,e)],drawClear:[e=>{dl(e,this.band,this.effectiveLogY,this.colors.band),this.dataset.bands=String(ml(e,this.xs,this.seriesBands()))}],drawAxes:[e=>hl(e,{refLines:this.refLines,epochs:this.drawnEpochs(),log:this.effectiveLogY,color:this.colors.muted,font:this.colors.font,lang:this.language})],draw:[e=>this.afterDraw(e)],setCursor:[e=>this.onCursor(e)],setSelect:[e=>this.selection.onSelect(e)]}})}drawnEpochs(){if(this.drawnXMode===`iteration`)return this.epochs;let e=[];for(let t of this.epochs){let n=this.toX(t.iteration);n!==null&&e.push({epoch:t.epoch,iteration:n})}return e}drawnFindings(){if(this.drawnXMode===`iteration`)return this.findingMarks;let e=[];for(let t of this.findingMarks){let n=this.toX(t.x);n!==null&&e.push({...t,x:n})}return e}seriesBands(){let e=[];return this.shown.forEach((t,n)=>{let r=t.bandWith,i=r===void 0?void 0:this.shown[r];if(r===void 0||i===void 0||r===n||this.hiddenLabels.has(t.label)||this.hiddenLabels.has(i.label))return;let a=this.drawnYs[n],o=this.drawnYs[r];a!==void 0&&o!==void 0&&e.push({upper:a,lower:o,color:this.colors.series[Dc(t,n)]??this.colors.fg})}),e}afterDraw(e){this.markers.position(e,this.drawnMarkers,this.markerTitleOf),this.findingMarkers.position(e,this.drawnFindings(),$l),this.selection.restore(e),this.markReady()}buildMarkers(){this.plot!==null&&(this.markers.build(this.plot,this.drawnMarkers,this.markerTitleOf),this.findingMarkers.build(this.plot,this.drawnFindings(),$l))}onCursor(e){let t=e.cursor.idx,n=this.renderRoot.querySelectorAll(`.legend .value`),r=this.renderRoot.querySelector(`.legend .position`);if(t==null){n.forEach(e=>e.textContent=``),r!==null&&(r.textContent=``);return}let{legend:i,readout:a,at:o}=hc(this.language,this.shown.map(e=>e.label),this.aligned.values,this.aligned.x,this.hiddenLabels,t,this.drawnXMode===`iteration`?this.xLabel:void 0,this.valueFormat);r!==null&&(r.textContent=o??``),i.forEach((e,t)=>{let r=n[t];r!==void 0&&(r.textContent=e)}),a!==null&&this.readout.announce(a)}onKeyDown(e){let t=this.plot,n=this.aligned.x.length;if(t===null||n===0)return;if(e.key===`Escape`){this.selectable&&this.selection.current!==null&&(this.selection.clear(this.plot),e.preventDefault());return}let r=fc(e.key,e.shiftKey,t.cursor.idx,n);if(r===null)return;e.preventDefault();let i=pc(t,this.xs,this.drawnYs,r);i!==null&&t.setCursor(i)}renderTools(){let e=this.series.some(e=>e.smooth!==!1&&e.bandWith===void 0);return El({lang:this.language,xMode:this.xMode,hasTimes:this.hasTimes,smoothing:e?this.smoothing:null,busy:this.busy,onXMode:e=>yn.mode=e,onSmoothing:e=>this.smoothing=e,onDownload:e=>void this.download(e)})}async download(e){this.busy=!0,this.downloadError=null;try{let t=this.fullSeries===null?this.series:await this.fullSeries(),n=this.downloadName??this.label,r={session:null,worker:null,...this.exportMeta,chart:n},i=Nl(n,r.session,e);e===`csv`?Pl(jl(t),i,`text/csv;charset=utf-8`):Pl(Ml(t,r),i,`application/json`)}catch(e){let t=e instanceof Error?e.message:String(e);this.downloadError=wl(this.language,`charts.download.failed`,{message:t})}finally{this.busy=!1}}toggleSeries(e){let t=new Set(this.hiddenLabels);t.has(e)?t.delete(e):t.add(e),this.hiddenLabels=t}renderTable(){let{x:e,values:t}=this.aligned,n=this.language;return R`<div class="tablewrap">
      <table part="table" class="data" aria-label=${this.label||z}>
        <thead>
          <tr>
            <th scope="col">${this.xLabel||C(n,`chart.iteration`)}</th>
            ${this.shown.map(e=>R`<th scope="col"><bdi>${e.label}</bdi></th>`)}
          </tr>
        </thead>
        <tbody>
          ${e.map((e,n)=>R`<tr>
                <th scope="row">${e}</th>
                ${t.map(e=>R`<td>${mc(e[n],this.valueFormat)}</td>`)}
              </tr>`)}
        </tbody>
      </table>
    </div>`}renderLegend(){return R`<div part="legend" class="legend">
      <span class="position" part="position"></span>
      ${this.shown.map((e,t)=>{let n=(Ec(e,t)??[]).join(` `);return R`<button
          type="button"
          aria-pressed=${this.hiddenLabels.has(e.label)?`false`:`true`}
          @click=${()=>this.toggleSeries(e.label)}
        >
          <svg width="22" height="10" aria-hidden="true">
            <line
              x1="1"
              y1="5"
              x2="21"
              y2="5"
              style="stroke: var(--_series-${En(Dc(e,t))}); stroke-width: ${e.faint?1.5:2.5};
                stroke-dasharray: ${n||`none`}; opacity: ${e.faint?vc:1}"
            ></line>
          </svg>
          <bdi class="name">${e.label}</bdi>
          <span class="value"></span>
        </button>`})}
    </div>`}render(){let e=this.language,t=this.isEmpty,n=this.logToggle&&Zl(this.aligned.ys),r=!t&&this.hiddenByLog>0?R`<p part="lognote" class="muted lognote">
            ${C(e,`chart.log_hidden`,{count:this.hiddenByLog})}
          </p>`:z;return R`
      <div part="toolbar" class="toolbar">
        ${n?R`<button
                type="button"
                aria-pressed=${this.logY?`true`:`false`}
                @click=${()=>this.logY=!this.logY}
              >
                ${C(e,`chart.log_scale`)}
              </button>`:z}${t?z:R`<button
                type="button"
                aria-pressed=${this.tableView?`true`:`false`}
                @click=${()=>this.tableView=!this.tableView}
              >
                ${C(e,`chart.table`)}
              </button>`}${t?z:this.renderTools()}
      </div>
      ${!t&&this.xMode!==this.drawnXMode?R`<p part="xnote" class="muted lognote">${wl(e,`charts.x.no_times`)}</p>`:z}${this.downloadError===null?z:R`<p part="error" class="lognote" role="alert">${this.downloadError}</p>`}
      ${t?R`<p class="muted empty">${C(e,`chart.no_data`)}</p>`:z}
      <div
        part="plot"
        class="plot"
        tabindex=${t||this.tableView?`-1`:`0`}
        role="application"
        aria-label=${this.label||C(e,`chart.series`)}
        ?hidden=${t||this.tableView}
        @keydown=${e=>this.onKeyDown(e)}
      ></div>
      ${r} ${t?z:this.renderLegend()}
      <div part="readout" class="readout" aria-live="polite"></div>
      <span class="theme-probe" aria-hidden="true" @transitionend=${()=>this.scheduleRedraw()}
        >.</span
      >
      ${this.tableView&&!t?this.renderTable():z}
    `}};function $l(e){return e.title}u(`train-line-chart`,Ql);var eu=[`histogram`,`offset`,`distribution`],tu={offset:50,distribution:200};function nu(e,t){let n=Kc(e),r=n.percentiles.length,i=[],a=e=>{let r=n.percentiles[e]??0;return{label:r===50?C(t,`model.histograms.median`):C(t,`model.histograms.percentile`,{percent:new Intl.NumberFormat(t).format(r)}),iterations:n.iterations,values:n.values[e]??[],color:0,smooth:!1}};for(let e=0;e<Math.floor(r/2);e++)i.push({...a(e),faint:!0}),i.push({...a(r-1-e),faint:!0,bandWith:i.length-1});return r%2==1&&i.push({...a(Math.floor(r/2)),width:2}),i}var ru=class extends sr{static{this.properties={...sr.properties,apiBase:{attribute:`api-base`},session:{},worker:{},kind:{},name:{},view:{reflect:!0},histogram:{attribute:!1},histogramLabel:{attribute:!1},iteration:{attribute:!1},nonfinite:{attribute:!1},nanCount:{attribute:!1},posinfCount:{attribute:!1},neginfCount:{attribute:!1},note:{attribute:!1},latestIteration:{attribute:!1},selected:{attribute:!1},epochs:{attribute:!1},list:{state:!0},error:{state:!0}}}static{this.styles=[...In,A`
      :host {
        display: block;
      }
      .views {
        display: inline-flex;
        margin-bottom: 0.35rem;
        font-size: 0.8125rem;
      }
      .views button {
        border-radius: 0;
        margin-left: -1px;
      }
      .views button:first-child {
        border-radius: var(--_radius) 0 0 var(--_radius);
        margin-left: 0;
      }
      .views button:last-child {
        border-radius: 0 var(--_radius) var(--_radius) 0;
      }
      .views button[aria-pressed="true"] {
        position: relative;
      }
      .note {
        margin: 0.25rem 0;
        font-size: 0.8125rem;
      }
    `]}constructor(){super(),this.listKey=``,this.controller=null,this.apiBase=``,this.session=null,this.worker=null,this.kind=`parameters`,this.name=``,this.view=`histogram`,this.histogram=null,this.histogramLabel=``,this.iteration=null,this.nonfinite=0,this.nanCount=null,this.posinfCount=null,this.neginfCount=null,this.note=null,this.latestIteration=null,this.selected=null,this.epochs=[],this.list=null,this.error=null}disconnectedCallback(){super.disconnectedCallback(),this.controller?.abort(),this.controller=null,this.listKey=``}wantedKey(){if(this.view===`histogram`)return``;let e=tu[this.view];return JSON.stringify([this.apiBase,this.session,this.worker,this.kind,this.name,e])}updated(e){let t=this.wantedKey();t===``?(this.controller?.abort(),this.listKey=``):(t!==this.listKey||e.has(`latestIteration`))&&this.load(t,this.listKey!==t),this.view===`histogram`?delete this.dataset.maxCount:this.dataset.maxCount=String(tu[this.view])}async load(e,t){this.controller?.abort();let n=new AbortController;this.controller=n,this.listKey=e,t&&(this.list=null);let r=this.view===`histogram`?0:tu[this.view];try{let e=await rt(this.apiBase,`histograms`,{session:this.session,worker:this.worker,kind:this.kind,name:this.name,max_count:r},n.signal);if(n.signal.aborted)return;this.list=e.histograms,this.error=null}catch(e){if(it(e)||n.signal.aborted)return;let t=e instanceof $e?e:new $e(0,`client_error`,String(e));this.error=t,this.listKey=``,this.dispatchEvent(new CustomEvent(`train-error`,{bubbles:!0,composed:!0,detail:{status:t.status,code:t.code,message:t.message}}))}}renderViews(e){return R`<div
      part="views"
      class="views"
      role="group"
      aria-label=${C(e,`model.histograms.view`)}
    >
      ${eu.map(t=>R`<button
            type="button"
            data-view=${t}
            aria-pressed=${t===this.view?`true`:`false`}
            @click=${()=>{this.view=t}}
          >
            ${C(e,`model.histograms.view.${t}`)}
          </button>`)}
    </div>`}renderHistogram(){let e=this.histogram;return R`
      ${e===null&&this.note!==null?R`<p part="note" class="note muted">${this.note}</p>`:z}
      <train-histogram
        data-hist=${this.kind}
        data-iteration=${this.iteration??z}
        data-counts=${e===null?z:JSON.stringify(e.counts)}
        label=${this.histogramLabel||this.label}
        lang=${this.language}
        .histogram=${e}
        .nonfinite=${this.nonfinite}
        .nanCount=${this.nanCount}
        .posinfCount=${this.posinfCount}
        .neginfCount=${this.neginfCount}
      ></train-histogram>
    `}renderOverTime(e){if(this.error!==null)return R`<p part="error" class="error" role="alert">
        ${C(e,`app.error`,{message:this.error.message})}
      </p>`;let t=this.list;if(t===null)return R`<p class="muted" aria-busy="true">${C(e,`app.loading`)}</p>`;if(t.length===0)return R`<p part="note" class="note muted" data-empty>
        ${C(e,`model.histograms.none`)}
      </p>`;if(this.view===`offset`)return R`<train-hist-ridges
        label=${this.label}
        lang=${e}
        .histograms=${t}
        .selected=${this.selected}
      ></train-hist-ridges>`;let n=C(e,`model.histograms.distribution`,{title:this.label});return R`<train-line-chart
      data-chart="hist-distribution"
      data-hist=${this.kind}
      label=${n}
      download-name=${n}
      lang=${e}
      height="220"
      x-label=${C(e,`chart.iteration`)}
      y-label=${C(e,`histogram.value`)}
      .series=${nu(t,e)}
      .epochs=${this.epochs}
    ></train-line-chart>`}render(){let e=this.language;return R`
      ${this.renderViews(e)}
      ${this.view===`histogram`?this.renderHistogram():this.renderOverTime(e)}
    `}};u(`train-hist-panel`,ru);var $=e=>Math.round(e*10)/10;function iu(e,t,n={}){let r=n.rowGap??36,i=n.colGap??20,a=n.margin??12,o=new Map,s=[];for(let t of e)o.has(t.id)||(o.set(t.id,s.length),s.push(t));let c=s.length,l=new Set,u=[];for(let e of t){let t=o.get(e.source),n=o.get(e.target);if(t===void 0||n===void 0||t===n)continue;let r=`${t}\u0000${n}`;l.has(r)||(l.add(r),u.push([t,n,{source:e.source,target:e.target}]))}let d=Array.from({length:c},()=>[]);for(let[e,t]of u)d[e]?.push(t);let f=new Set,p=new Uint8Array(c);for(let e=0;e<c;e++){if(p[e]!==0)continue;let t=[[e,0]];for(p[e]=1;t.length>0;){let e=t[t.length-1],[n,r]=e,i=d[n]??[];if(r<i.length){e[1]=r+1;let a=i[r];p[a]===1?f.add(`${n}\u0000${a}`):p[a]===0&&(p[a]=1,t.push([a,0]))}else p[n]=2,t.pop()}}let m=u.filter(([e,t])=>!f.has(`${e}\u0000${t}`)),h=Array.from({length:c},()=>[]),g=Array.from({length:c},()=>[]),_=Array(c).fill(0);for(let[e,t]of m)h[t]?.push(e),g[e]?.push(t),_[t]=(_[t]??0)+1;let v=Array(c).fill(0),y=[];for(let e=0;e<c;e++)_[e]===0&&y.push(e);for(let e=0;e<y.length;e++){let t=y[e];for(let e of g[t]??[])v[e]=Math.max(v[e]??0,(v[t]??0)+1),_[e]=(_[e]??0)-1,_[e]===0&&y.push(e)}let b=c===0?0:Math.max(...v)+1,x=Array.from({length:b},()=>[]);for(let e=0;e<c;e++)x[v[e]??0]?.push(e);let S=Array(c).fill(0),C=Array(c).fill(0),w=Array(c).fill(0),T=[],E=[],D=a,O=e=>s[e]?.width??0,k=e=>s[e]?.height??0;x.forEach((e,t)=>{let n=Math.max(0,...e.map(k));T[t]=D,E[t]=D+n;let a;if(t===0){let t=0;a=e.map(e=>{let n=t+O(e)/2;return t+=O(e)+i,{v:e,c:n}})}else a=e.map(e=>{let t=h[e]??[];return{v:e,c:t.length===0?0:t.reduce((e,t)=>e+(S[t]??0)+O(t)/2,0)/t.length}}),a.sort((e,t)=>e.c-t.c);let o=-1/0,s=0;for(let{v:e,c:t}of a){let n=Math.max(t-O(e)/2,o+i);S[e]=n,o=n+O(e),s+=n+O(e)/2-t}s=a.length>0?s/a.length:0,a.forEach(({v:e},t)=>{S[e]=(S[e]??0)-s,C[e]=D+(n-k(e))/2,w[e]=t}),x[t]=a.map(e=>e.v),D+=n+r});let ee=c===0?0:Math.min(...S);for(let e=0;e<c;e++)S[e]=(S[e]??0)-ee+a;let A=c===0?2*a:Math.max(...s.map((e,t)=>(S[t]??0)+e.width))+a,te=c===0?2*a:D-r+a,ne=Array(b).fill(0),re=u.map(([e,t,n])=>{let o=(S[e]??0)+O(e)/2,s=(C[e]??0)+k(e),l=(S[t]??0)+O(t)/2,u=C[t]??0,d=v[e]??0,f=v[t]??0;if(f<=d){let e=r;return{...n,path:`M${$(o)},${$(s)} C${$(o)},${$(s+e)} ${$(l)},${$(u-e)} ${$(l)},${$(u)}`}}let p=(s+u)/2,m=`M${$(o)},${$(s)} C${$(o)},${$(p)} ${$(l)},${$(p)} ${$(l)},${$(u)}`;if(f===d+1)return{...n,path:m};let h=e=>{let t=[];for(let n=d+1;n<f;n++){let r=e(n);for(let e of x[n]??[])r>=(S[e]??0)-4&&r<=(S[e]??0)+O(e)+4&&t.push(e)}return t};if(h(e=>{let t=(((T[e]??0)+(E[e]??0))/2-s)/(u-s||1);return o+(l-o)*t}).length===0)return{...n,path:m};let g=0;for(let e=d+1;e<f;e++)g=Math.max(g,ne[e]??0);let _=Math.max(o,l);for(let e=0;e<c+1;e++){let e=h(()=>_);if(e.length===0)break;_=Math.max(...e.map(e=>(S[e]??0)+O(e)))+i/2}_+=g*6;for(let e=d+1;e<f;e++)ne[e]=g+1;A=Math.max(A,_+a);let y=T[d+1]??s,b=E[f-1]??u,w=(s+y)/2,D=(b+u)/2;return{...n,path:`M${$(o)},${$(s)} C${$(o)},${$(w)} ${$(_)},${$(w)} ${$(_)},${$(y)} L${$(_)},${$(b)} C${$(_)},${$(D)} ${$(l)},${$(D)} ${$(l)},${$(u)}`}}),ie=[];for(let e of x)for(let t of e){let e=s[t];ie.push({id:e.id,width:e.width,height:e.height,x:$(S[t]??0),y:$(C[t]??0),rank:v[t]??0,order:w[t]??0})}return{nodes:ie,edges:re,width:Math.ceil(A),height:Math.ceil(te)}}var au=[[`norm`,/norm|lrn|localresponse/i],[`pool`,/pool|subsampl|upsampl/i],[`conv`,/conv/i],[`activation`,/activation|relu|sigmoid|tanh|softmax|softplus|softsign|gelu|silu|swish|mish|elu|selu|hardswish|hardtanh|logsigmoid|threshold|prelu/i],[`linear`,/linear|dense|output|embedding|bilinear|lstm|gru|rnn|attention/i]];function ou(e){for(let[t,n]of au)if(n.test(e))return t;return`other`}var su=A`
  .fam-linear {
    --c: var(--_series-1);
  }
  .fam-conv {
    --c: var(--_series-2);
  }
  .fam-norm {
    --c: var(--_series-3);
  }
  .fam-activation {
    --c: var(--_series-4);
  }
  .fam-pool {
    --c: var(--_series-5);
  }
  .fam-other {
    --c: var(--_series-6);
  }
`,cu=`fitscope-onnx.js`,lu=null;function uu(){let e=new URL(cu,import.meta.url).href;return lu??=import(e).then(()=>void 0,e=>{throw lu=null,e}),lu}var du=`\0input`,fu=e=>`\u0000input:${e}`,pu=40,mu=7,hu=30,gu=96;function _u(e){if(e.length<=hu)return e;let t=`${e.slice(0,29)}…`;return e.includes(`⁨`)?`${t}⁩`:t}var vu=class extends sr{static{this.properties={...sr.properties,layers:{attribute:!1},edges:{attribute:!1},onnx:{attribute:!1},selected:{type:String,reflect:!0},onnxState:{state:!0}}}static{this.styles=[...In,su,A`
      /* As tall as the layout, so every layer shows (the page scrolls); as wide as the card,
         scrolling sideways when the graph is wider. */
      .graph {
        overflow-x: auto;
        overflow-y: hidden;
      }
      svg {
        display: block;
        margin: 0 auto;
        font-family: var(--_font);
        font-size: 12px;
      }
      .edge {
        fill: none;
        stroke: var(--_muted);
        stroke-width: 1.25;
        opacity: 0.7;
      }
      .edge.hot {
        stroke: var(--_accent);
        stroke-width: 2;
        opacity: 1;
      }
      .arrow {
        fill: var(--_muted);
      }
      .arrow.hot {
        fill: var(--_accent);
      }
      .node {
        cursor: pointer;
        outline: none;
      }
      .node.input {
        cursor: default;
      }
      .node .box {
        fill: color-mix(in srgb, var(--c) 16%, var(--_bg));
        stroke: var(--c);
        stroke-width: 1.25;
      }
      .node.input .box {
        fill: var(--_bg);
        stroke: var(--_muted);
        stroke-dasharray: 4 3;
      }
      .node:hover .box {
        fill: color-mix(in srgb, var(--c) 28%, var(--_bg));
      }
      .node.input:hover .box {
        fill: var(--_bg);
      }
      .node[aria-pressed="true"] .box {
        stroke: var(--_accent);
        stroke-width: 3;
      }
      .node .ring {
        fill: none;
        stroke: none;
      }
      .node:focus-visible .ring {
        stroke: var(--_accent);
        stroke-width: 2;
        stroke-dasharray: 3 2;
      }
      .node text {
        fill: var(--_fg);
        text-anchor: middle;
        dominant-baseline: central;
        pointer-events: none;
      }
      .node text.name {
        fill: var(--_muted);
      }
      .fam-input {
        --c: var(--_muted);
      }
    `]}constructor(){super(),this.nodes=new Map,this.layout={nodes:[],edges:[],width:0,height:0},this.layers=[],this.edges=[],this.onnx=null,this.onnxState=`loading`}willUpdate(e){let t=e;(t.has(`layers`)||t.has(`edges`)||t.has(`lang`))&&this.buildGraph(),t.has(`onnx`)&&this.hasOnnx&&this.onnxState!==`ready`&&this.loadOnnx()}get hasOnnx(){return this.onnx!==null&&typeof this.onnx==`object`}loadOnnx(){this.onnxState=`loading`,uu().then(()=>{this.onnxState=`ready`},e=>{this.onnxState={error:String(e)},this.dispatchEvent(new CustomEvent(`train-error`,{bubbles:!0,composed:!0,detail:{status:0,code:`chunk_error`,message:String(e)}}))})}updated(e){this.dataset.nodes=String(this.layout.nodes.length),this.dataset.view=this.hasOnnx?`onnx`:`layers`,e.has(`selected`)&&this.revealSelected()}buildGraph(){let e=this.language,t=Array.isArray(this.layers)?this.layers:[],n=new Set(t.map(e=>e.name)),r=new Map,i=[],a=new Set,o=(t,o)=>{if(!n.has(o))return;let s=t;n.has(t)||(s=fu(t),r.has(s)||r.set(s,{id:s,layer:null,lines:[C(e,`model.input`),`(${H(t)})`],title:`${C(e,`model.input`)} (${H(t)})`,family:`input`})),i.push({source:s,target:o}),a.add(o)};for(let e of t)for(let t of e.inputs??[])o(t,e.name);for(let e of Array.isArray(this.edges)?this.edges:[])o(e.source,e.target);let s=t.filter(e=>!a.has(e.name)),c=new Map;if(s.length>0){c.set(du,{id:du,layer:null,lines:[C(e,`model.input`),null],title:C(e,`model.input`),family:`input`});for(let e of s)i.push({source:du,target:e.name})}for(let[e,t]of r)c.set(e,t);let l=C(e,`model.info.params`);for(let e of t){if(c.has(e.name))continue;let t=typeof e.num_params==`number`?`\n${l}: ${e.num_params.toLocaleString(`en-US`)}`:``;c.set(e.name,{id:e.name,layer:e.name,lines:[e.type,`(${H(e.name)})`],title:`${e.type} (${H(e.name)})${t}`,family:ou(e.type)})}this.nodes=c;let u=[...c.values()].map(e=>{let t=Math.max(_u(e.lines[0]).length,_u(e.lines[1]??``).length);return{id:e.id,width:Math.max(gu,t*mu+20),height:pu}});this.layout=iu(u,i)}select(e){this.selected=e,this.dispatchEvent(new CustomEvent(`train-layer-select`,{bubbles:!0,composed:!0,detail:{layer:e}}))}focusable(){return[...this.renderRoot.querySelectorAll(`g.node[tabindex]`)]}onKeyDown(e,t){if(e.key===`Enter`||e.key===` `){e.preventDefault(),t.layer!==null&&this.select(t.layer);return}let n=this.focusable(),r=n.indexOf(e.currentTarget),i;switch(e.key){case`ArrowDown`:case`ArrowRight`:i=r+1;break;case`ArrowUp`:case`ArrowLeft`:i=r-1;break;case`Home`:i=0;break;case`End`:i=n.length-1;break;default:return}e.preventDefault(),n[Math.max(0,Math.min(n.length-1,i))]?.focus()}revealSelected(){let e=this.layout.nodes.find(e=>e.id===this.selected&&this.nodes.get(e.id)?.layer!==null),t=this.renderRoot.querySelector(`.graph`),n=t?.querySelector(`svg`);if(e===void 0||t===null||n==null)return;let r=n.getBoundingClientRect().top-t.getBoundingClientRect().top+t.scrollTop+e.y,i=r+e.height;r<t.scrollTop?t.scrollTop=Math.max(0,r-8):i>t.scrollTop+t.clientHeight&&(t.scrollTop=i-t.clientHeight+8)}renderNode(e,t,n,r,i){let a=this.nodes.get(e);if(a===void 0)return z;let o=r/2,[s,c]=a.lines,l=c===null?Ne`<text x=${o} y=${i/2}>${_u(s)}</text>`:Ne`<text x=${o} y=${i/2-8}>${_u(s)}</text><text class="name" x=${o} y=${i/2+8}>${_u(c)}</text>`,u=Ne`<rect class="ring" x="-4" y="-4" width=${r+8} height=${i+8} rx="9"></rect>
      <rect class="box" width=${r} height=${i} rx="6"></rect>${l}`;if(a.layer===null)return Ne`<g class="node input fam-input" transform="translate(${t},${n})" data-input="">
        <title>${a.title}</title>${u}</g>`;let d=a.layer;return Ne`<g
      class="node fam-${a.family}"
      transform="translate(${t},${n})"
      tabindex="0"
      role="button"
      data-layer=${d}
      aria-label=${`${a.lines[0]} ${a.lines[1]??``}`}
      aria-pressed=${this.selected===d?`true`:`false`}
      @click=${e=>{e.currentTarget.focus(),this.select(d)}}
      @keydown=${e=>this.onKeyDown(e,a)}
    ><title>${a.title}</title>${u}</g>`}renderOnnx(){let e=this.language,t=this.onnxState;return typeof t==`object`?R`<p class="error" role="alert">
        ${C(e,`app.error`,{message:t.error})}
      </p>`:R`<onnx-graph-view
      lang=${this.lang||z}
      theme=${this.theme||z}
      label=${this.label||z}
      selected-layer=${this.selected??z}
      .view=${this.onnx}
      @train-layer-select=${e=>{this.selected=e.detail.layer}}
      >${t===`loading`?C(e,`app.loading`):z}</onnx-graph-view
    >`}render(){if(this.hasOnnx)return this.renderOnnx();let e=this.language,{nodes:t,edges:n,width:r,height:i}=this.layout;if(t.length===0)return R`<p class="muted empty">${C(e,`chart.no_data`)}</p>`;let a=this.selected,o=e=>a!==void 0&&(e.source===a||e.target===a);return R`<div part="graph" class="graph">
      <svg
        width=${r}
        height=${i}
        viewBox="0 0 ${r} ${i}"
        role="group"
        aria-label=${this.label||C(e,`model.graph`)}
      >
        <defs>
          <marker
            id="arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path class="arrow" d="M0,0 L10,5 L0,10 z"></path>
          </marker>
          <marker
            id="arrow-hot"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path class="arrow hot" d="M0,0 L10,5 L0,10 z"></path>
          </marker>
        </defs>
        <g aria-hidden="true">
          ${n.map(e=>Ne`<path class=${o(e)?`edge hot`:`edge`} d=${e.path} marker-end=${o(e)?`url(#arrow-hot)`:`url(#arrow)`}></path>`)}
        </g>
        ${t.map(e=>this.renderNode(e.id,e.x,e.y,e.width,e.height))}
      </svg>
    </div>`}};u(`train-layer-graph`,vu);function yu(e,t,n,r){if(e.length!==t.length)throw RangeError(`xs and ys must be as long, got ${e.length} and ${t.length}.`);if(Number.isNaN(n)||Number.isNaN(r))return null;let i=Math.min(n,r),a=Math.max(n,r),o=[],s=[];for(let n=0;n<e.length;n++){let r=e[n],c=t[n];r!==void 0&&c!=null&&(!Number.isFinite(r)||!Number.isFinite(c)||r<i||r>a||(o.push(r),s.push(c)))}let c=o.length;if(c<2)return null;let l=0,u=0;for(let e=0;e<c;e++)l+=o[e]??0,u+=s[e]??0;let d=l/c,f=u/c,p=0,m=0;for(let e=0;e<c;e++){let t=(o[e]??0)-d,n=(s[e]??0)-f;p+=t*t,m+=t*n}if(p===0)return null;let h=m/p,g=f-h*d;return!Number.isFinite(h)||!Number.isFinite(g)?null:{slope:h,intercept:g,n:c}}function bu(e,t,n){return{x:[t,n],y:[e.slope*t+e.intercept,e.slope*n+e.intercept]}}var xu={iterations:[],values:[]};function Su(e,t){return e===null||e.session_id!==t?new Map:new Map(e.layers.map(e=>[e.name,e.type]))}var Cu=A`
  .workers-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-bottom: 0.75rem;
  }
  .workers-bar .hint {
    margin: 0;
  }
  [part="workers-view"] {
    display: flex;
    gap: 0.25rem;
  }
  table.workers th,
  table.workers td {
    width: auto;
  }
  .heading {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.25rem 0.75rem;
  }
  select {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.1rem 0.3rem;
    max-width: 16rem;
  }
  label {
    font-size: 0.85rem;
    color: var(--_muted);
  }
  .swatch {
    display: inline-block;
    width: 0.7rem;
    height: 0.7rem;
    border-radius: 2px;
    margin-right: 0.35rem;
    vertical-align: -0.05rem;
  }
  [data-card="findings"] h2:focus {
    outline: none;
  }
  [data-card="findings"] h2:focus-visible {
    outline: 2px solid var(--_accent);
  }
  .worker-findings {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
    gap: 0.75rem 1.5rem;
    margin-top: 0.5rem;
  }
`,wu=class{constructor(e){this.host=e,this.workers=[],this.byWorker=new Map,this.session=null,this.workersView=`each`,this.ratioParam=null,this.findings=new Qt(e)}watchFindings(e){let t=this.session,n=e!==null&&t!==null&&(e.session??t)===t;this.findings.watch(n?{apiBase:e.apiBase,session:t,lang:e.lang}:null,this.workers)}revealFindings(e){let t=e.querySelector(`section[data-card="findings"]`);return t!==null&&(t.scrollIntoView({block:`start`}),t.querySelector(`h2`)?.focus({preventScroll:!0}),!0)}async load(e,t){let{apiBase:n,kinds:r,events:i}=e,a=this.session!==null&&this.byWorker.size>0&&(e.session===null||e.session===this.session),o=!a||r.size===0||r.has(`reset`)||r.has(`static_info`)||i===null||[...i].some(e=>!this.workers.includes(e)),s=new Map(a?this.byWorker:[]),c=this.session??``,l=this.workers,u,d;if(o){let[r,i,a]=await Promise.all([rt(n,`overview`,{session:e.session,max_points:Hl},t),rt(n,`sessions`,{},t),rt(n,`graph`,{session:e.session},t).catch(e=>{if(t.aborted)throw e;return null})]);if(t.aborted)return null;r.session_id!==this.session&&s.clear(),c=r.session_id,l=i.sessions.find(e=>e.session_id===c)?.workers??[],l.includes(r.worker_id)||(l=[r.worker_id,...l]),s.set(r.worker_id,r),u=l.filter(e=>e!==r.worker_id),d=a}else u=l.filter(e=>i.has(e));let f=await Promise.all(u.map(e=>rt(n,`overview`,{session:c,worker:e,max_points:Hl},t)));if(t.aborted)return null;for(let e of f)s.set(e.worker_id,e);let p=new Map;for(let e of l){let t=s.get(e);t!==void 0&&t.session_id===c&&p.set(e,t)}this.session=c,this.workers=l,this.byWorker=p,this.host.requestUpdate();let m=[...p.values()].map(e=>e.info.iterations??-1),h=Math.max(-1,...m);return{session:c,latest:h<0?null:h,...d===void 0?{}:{layerTypes:Su(d,c)}}}render(e){let t=[...this.byWorker],n=t[0],r=this.session;if(n===void 0||r===null)return R`${e.error??e.loading}`;let i=new Map(this.workers.map((e,t)=>[e,t])),a=on(new Map(t.map(([e,t])=>[e,an(t.info)]))),o=n[1].epochs;return R`
      ${e.error}
      <div class="workers-bar">
        <div part="workers-view" role="group" aria-label=${e.tr(`overview.workers.view`)}>
          ${[`each`,`mean`].map(t=>R`<button
                type="button"
                data-view=${t}
                aria-pressed=${t===this.workersView?`true`:`false`}
                @click=${()=>{this.workersView=t,this.host.requestUpdate()}}
              >
                ${e.tr(`overview.workers.view.${t}`)}
              </button>`)}
        </div>
        <p class="hint muted">${e.tr(`overview.workers.hint`)}</p>
      </div>
      <div class="grid">
        <section class="card wide">
          ${this.renderScore(e,r,t,i,o)}
        </section>
        <section class="card narrow">${this.renderWorkers(e,t,i,a)}</section>
        <section class="card full" data-card="findings">
          ${this.renderFindings(e,r,t,i)}
        </section>
        <section class="card half">${this.renderRatios(e,t,i,o)}</section>
      </div>
    `}workerSeries(e,t,n,r){if(this.workersView===`mean`){let n=K(t.map(([,e])=>r(e)??xu));return[{label:e.tr(`overview.workers.mean`),...n.mean,color:0,width:2},{label:e.tr(`overview.workers.min`),...n.min,color:0,faint:!0},{label:e.tr(`overview.workers.max`),...n.max,color:0,faint:!0,bandWith:1}]}return t.map(([e,t])=>({label:H(e),...r(t)??xu,color:n.get(e)??0}))}renderScore(e,n,r,i,a){let o=this.workerSeries(e,r,i,e=>e.score);return R`
      <h2>${e.tr(`overview.score`)}</h2>
      <train-line-chart
        data-chart="score"
        .reportTimes=${r[0]?.[1].report_times??null}
        data-view=${this.workersView}
        x-label=${e.tr(`chart.iteration`)}
        y-label=${e.tr(`axis.score`)}
        label=${e.tr(`overview.score`)}
        lang=${e.lang}
        log-toggle
        .series=${o}
        .epochs=${a}
        .findingMarks=${this.findings.marksFor(n,e.lang,i)}
        .yRange=${Fc(o.map(e=>t(e.values)))}
      ></train-line-chart>
    `}renderFindings(e,t,n,r){let i=this.findings.counts(t);return R`
      <h2 tabindex="-1">${V(e.lang,`findings.title`)}</h2>
      ${i===null?z:R`<p class="hint muted" data-counts>
              ${V(e.lang,`findings.workers_counts`,{...i,workers:n.length})}
            </p>`}
      <div class="worker-findings">
        ${n.map(([n])=>R`<train-findings
              api-base=${e.apiBase}
              session=${t}
              worker=${n}
              lang=${e.lang}
              heading-level="3"
            >
              <span slot="heading"
                ><span
                  class="swatch"
                  aria-hidden="true"
                  style="background: var(--_series-${En(r.get(n)??0)})"
                ></span
                ><bdi>${n}</bdi></span
              >
            </train-findings>`)}
      </div>
    `}renderRatios(e,n,r,i){let a=[...new Set(n.flatMap(([,e])=>Object.keys(e.ratios)))],o=this.ratioParam!==null&&a.includes(this.ratioParam)?this.ratioParam:a[0],s=new Map(n.flatMap(([,e])=>e.parameters.map(e=>[e.name,e.layer]))),c=t=>H(nn(t,s.get(t),e.layerTypes)),l=o===void 0?[]:this.workerSeries(e,n,r,e=>e.ratios[o]);return R`
      <div class="heading">
        <h2>${e.tr(`overview.ratios`)}</h2>
        ${a.length===0?z:R`<label
                >${e.tr(`overview.workers.parameter`)}
                <select
                  name="parameter"
                  @change=${e=>{this.ratioParam=e.target.value,this.host.requestUpdate()}}
                >
                  ${a.map(e=>R`<option value=${e} ?selected=${e===o}>${c(e)}</option>`)}
                </select></label
              >`}
      </div>
      <train-line-chart
        data-chart="ratios"
        .reportTimes=${n[0]?.[1].report_times??null}
        data-view=${this.workersView}
        data-parameter=${o??z}
        x-label=${e.tr(`chart.iteration`)}
        y-label=${e.tr(`axis.log10_ratio`)}
        label=${o===void 0?e.tr(`overview.ratios`):`${e.tr(`overview.ratios`)} (${c(o)})`}
        lang=${e.lang}
        .series=${l}
        .epochs=${i}
        .band=${Nc}
        .refLines=${[-3]}
        .yRange=${Pc(l.map(e=>t(e.values)))}
      ></train-line-chart>
    `}renderWorkers(e,t,n,r){return R`
      <h2>${e.tr(`overview.workers`)}</h2>
      <table class="info workers" part="table" data-table="workers">
        <thead>
          <tr>
            <th scope="col">${e.tr(`app.worker`)}</th>
            <th scope="col">${e.tr(`overview.workers.iteration`)}</th>
            <th scope="col">${e.tr(`overview.info.last_update`)}</th>
            <th scope="col">${e.tr(`overview.workers.status`)}</th>
          </tr>
        </thead>
        <tbody>
          ${t.map(([t,i])=>R`<tr data-key=${t} data-stopped=${r.has(t)?`true`:`false`}>
                <th scope="row">
                  <span
                    class="swatch"
                    aria-hidden="true"
                    style="background: var(--_series-${En(n.get(t)??0)})"
                  ></span
                  ><bdi>${t}</bdi>
                </th>
                <td>${U(i.info.iterations)}</td>
                <td>${Ot(i.info.last_update_ms)}</td>
                <td data-status=${r.has(t)?`stopped`:`reporting`}>
                  ${r.has(t)?e.tr(`worker.stopped`):`—`}
                </td>
              </tr>`)}
        </tbody>
      </table>
    `}},Tu=class extends xn{static{this.properties={...xn.properties,data:{state:!0},stdevTab:{state:!0},range:{state:!0},layerTypes:{state:!0}}}static{this.styles=[...Fn,A`
      .hint {
        font-size: 0.8rem;
        margin: 0.25rem 0 0;
      }
      h2.sub {
        margin-top: 1rem;
      }
    `,Cu]}constructor(){super(),this.all=new wu(this),this.findings=new Zt(this),this.revealPending=!1,this.onTabKey=e=>{if(e.key!==`ArrowRight`&&e.key!==`ArrowLeft`)return;let t=[`activations`,`gradients`,`updates`],n=e.key===`ArrowRight`?1:t.length-1;this.stdevTab=t[(t.indexOf(this.stdevTab)+n)%t.length]??`activations`,this.updateComplete.then(()=>{this.renderRoot.querySelector(`button[data-tab="${this.stdevTab}"]`)?.focus()})},this.data=null,this.stdevTab=`activations`,this.range=null,this.layerTypes=new Map}willUpdate(e){super.willUpdate(e);let t={apiBase:this.apiBase,session:this.session,lang:this.language};this.findings.watch(this.allWorkers?null:{...t,worker:this.worker}),this.all.watchFindings(this.allWorkers?t:null)}updated(e){if(super.updated(e),!this.revealPending)return;if(this.allWorkers){this.all.revealFindings(this.renderRoot)&&(this.revealPending=!1);return}let t=this.renderRoot.querySelector(`train-findings`);t!==null&&(this.revealPending=!1,t.reveal())}revealFindings(){this.revealPending=!0,this.requestUpdate()}get allWorkers(){return this.worker===`*`}async fetchData(e){if(this.allWorkers){await this.fetchAll(e);return}this.takeEventWorkers();let t=this.takeEventKinds(),n=this.data;if(n!==null&&t.size>0&&[...t].every(e=>e===`metrics`||e===`epoch`)){let t=await rt(this.apiBase,`metrics`,{session:n.session_id,worker:n.worker_id,max_points:Hl},e);if(e.aborted||this.data!==n)return;this.data={...n,metrics:t.metrics,epochs:t.epochs};return}let r={session:this.session,worker:this.worker},i=n===null||t.size===0||t.has(`reset`)||t.has(`static_info`),[a,o]=await Promise.all([rt(this.apiBase,`overview`,{...r,max_points:Hl},e),i?rt(this.apiBase,`graph`,r,e).catch(t=>{if(e.aborted)throw t;return null}):void 0]);e.aborted||(this.shownSession=a.session_id,this.shownWorker=a.worker_id,(o!==void 0||n?.session_id!==a.session_id)&&(this.layerTypes=o==null||o.session_id!==a.session_id?new Map:new Map(o.layers.map(e=>[e.name,e.type]))),this.data=a,this.setAttribute(`data-iteration`,String(a.info.iterations??``)))}async fetchAll(e){let t=this.takeEventKinds(),n=this.takeEventWorkers(),r={apiBase:this.apiBase,session:this.session,kinds:t,events:n},i=await this.all.load(r,e);i!==null&&(i.layerTypes!==void 0&&(this.layerTypes=i.layerTypes),this.shownSession=i.session,this.shownWorker=null,this.setAttribute(`data-iteration`,i.latest===null?``:String(i.latest)))}render(){if(this.allWorkers)return this.all.render({apiBase:this.apiBase,lang:this.language,tr:(e,t)=>this.tr(e,t),layerTypes:this.layerTypes,error:this.renderError(),loading:this.renderLoading()});let e=this.data;return e===null?R`${this.renderError()??this.renderLoading()}`:R`
      ${this.renderError()}
      <div class="grid">
        <section class="card wide">${this.renderScore(e)}</section>
        <section class="card narrow">${this.renderInfo(e)}</section>
        <section class="card full" data-card="findings">
          <train-findings
            api-base=${this.apiBase}
            session=${this.session??z}
            worker=${this.worker??z}
            lang=${this.language}
          ></train-findings>
        </section>
        ${Object.keys(e.metrics).length===0?z:R`<section class="card full">
                <h2>${this.tr(`overview.metrics`)}</h2>
                <train-line-chart
                  data-chart="metrics"
                  .reportTimes=${e.report_times}
                  x-label=${this.tr(`chart.iteration`)}
                  y-label=${this.tr(`axis.value`)}
                  label=${this.tr(`overview.metrics`)}
                  lang=${this.language}
                  log-toggle
                  .series=${_c(e.metrics)}
                  .epochs=${e.epochs}
                  .startMs=${e.info.start_ms}
                  .exportMeta=${{session:e.session_id,worker:e.worker_id}}
                  .fullSeries=${async()=>_c((await this.fullOverview(e)).metrics)}
                ></train-line-chart>
              </section>`}
        <section class="card half">${this.renderRatios(e)}</section>
        <section class="card half">${this.renderStdev(e)}</section>
      </div>
    `}fullOverview(e){let t={session:e.session_id,worker:e.worker_id,max_points:Ul};return rt(this.apiBase,`overview`,t)}renderScore(e){let n=t(e.score.values),r=Il(n),i=[{label:this.tr(`overview.score.raw`),...e.score,faint:!0},{label:this.tr(`overview.score.smoothed`),iterations:e.score.iterations,values:r,smooth:!1}],a=null;if(this.range!==null){let t=yu(e.score.iterations,n,this.range.x0,this.range.x1);if(t!==null){let e=bu(t,this.range.x0,this.range.x1);i.push({label:this.tr(`overview.score.fit`),iterations:e.x,values:e.y,dash:[6,4],width:2,smooth:!1}),a=this.tr(`overview.score.fit_result`,{x0:Math.round(Math.min(this.range.x0,this.range.x1)),x1:Math.round(Math.max(this.range.x0,this.range.x1)),slope:t.slope.toPrecision(3)})}}return R`
      <h2>${this.tr(`overview.score`)}</h2>
      <train-line-chart
        data-chart="score"
        .reportTimes=${e.report_times}
        x-label=${this.tr(`chart.iteration`)}
        y-label=${this.tr(`axis.score`)}
        label=${this.tr(`overview.score`)}
        lang=${this.language}
        selectable
        log-toggle
        .series=${i}
        .epochs=${e.epochs}
        .startMs=${e.info.start_ms}
        .exportMeta=${{session:e.session_id,worker:e.worker_id}}
        .fullSeries=${async()=>[{label:`score`,...(await this.fullOverview(e)).score}]}
        .findingMarks=${this.findings.marksFor(e.session_id,e.worker_id,this.language)}
        .yRange=${Fc([n])}
        @train-range-select=${e=>{this.range=e.detail}}
      ></train-line-chart>
      <p class="hint muted" aria-live="polite">${a??this.tr(`overview.score.fit_hint`)}</p>
    `}renderInfo(t){let n=t.info,r=[[`model_type`,this.tr(`overview.info.model_type`),n.model_type??`—`],[`num_layers`,this.tr(`overview.info.layers`),U(n.num_layers)],[`num_params`,this.tr(`overview.info.params`),U(n.num_params)],[`start`,this.tr(`overview.info.start`),Ot(n.start_ms)],[`runtime`,this.tr(`overview.info.runtime`),Tt(e(n.total_runtime_ms))],[`last_update`,this.tr(`overview.info.last_update`),Ot(n.last_update_ms)],[`iterations`,this.tr(`overview.info.iterations`),U(n.iterations)],[`epoch`,this.tr(`overview.info.epoch`),U(n.epoch)],[`updates_per_second`,this.tr(`overview.info.updates_per_s`),St(e(n.updates_per_second))],[`examples_per_second`,this.tr(`overview.info.examples_per_s`),St(e(n.examples_per_second))],[`total_examples`,this.tr(`overview.info.examples`),U(n.total_examples)],[`first_nonfinite`,this.tr(`overview.info.first_nonfinite`),this.formatFirstNonFinite(n.first_nonfinite??null)]],i=Object.entries(n.hyperparameters),a=Object.entries(n.tags);return R`
      <h2>${this.tr(`overview.info`)}</h2>
      ${Wn(`info`,r)}
      ${i.length===0?z:R`<h2 class="sub">${this.tr(`overview.hyperparameters`)}</h2>
              ${Wn(`hyperparameters`,i.map(([e,t])=>[e,e,o(t)]))}`}
      ${a.length===0?z:R`<h2 class="sub">${this.tr(`overview.tags`)}</h2>
              ${Wn(`tags`,a.map(([e,t])=>[e,e,t]))}`}
    `}paramSeries(e,t){let n=new Map(e.parameters.map(e=>[e.name,e.layer]));return _c(t).map(e=>({...e,label:H(nn(e.label,n.get(e.label),this.layerTypes))}))}formatFirstNonFinite(e){if(e===null)return this.tr(`overview.nonfinite.none`);let t=e.value===`Infinity`?`+Inf`:e.value===`-Infinity`?`-Inf`:`NaN`;if(e.kind===`score`||e.name===null)return this.tr(`overview.nonfinite.score`,{value:t,iteration:e.iteration});let n=[`parameters`,`gradients`,`updates`,`activations`].find(t=>t===e.kind);return this.tr(`overview.nonfinite.summary`,{value:t,kind:n===void 0?e.kind:this.tr(`overview.nonfinite.kind.${n}`),name:H(e.name),iteration:e.iteration})}renderRatios(e){let n=this.paramSeries(e,e.ratios);return R`
      <h2>${this.tr(`overview.ratios`)}</h2>
      <train-line-chart
        data-chart="ratios"
        .reportTimes=${e.report_times}
        x-label=${this.tr(`chart.iteration`)}
        y-label=${this.tr(`axis.log10_ratio`)}
        label=${this.tr(`overview.ratios`)}
        lang=${this.language}
        .series=${n}
        .epochs=${e.epochs}
        .band=${Nc}
        .refLines=${[-3]}
        .yRange=${Pc(n.map(e=>t(e.values)))}
      ></train-line-chart>
    `}renderStdev(e){let n=[`activations`,`gradients`,`updates`],r=this.stdevTab===`activations`?_c(e.stdev.activations).map(e=>({...e,label:H(tn(e.label,this.layerTypes.get(e.label)))})):this.paramSeries(e,e.stdev[this.stdevTab]);return R`
      <h2>${this.tr(`overview.stdev`)}</h2>
      <div role="tablist" part="tabs" @keydown=${this.onTabKey}>
        ${n.map(e=>R`<button
              role="tab"
              data-tab=${e}
              aria-selected=${e===this.stdevTab?`true`:`false`}
              tabindex=${e===this.stdevTab?`0`:`-1`}
              @click=${()=>{this.stdevTab=e}}
            >
              ${this.tr(`overview.stdev.${e}`)}
            </button>`)}
      </div>
      <train-line-chart
        role="tabpanel"
        data-chart="stdev"
        .reportTimes=${e.report_times}
        x-label=${this.tr(`chart.iteration`)}
        y-label=${this.tr(`axis.log10_stdev`)}
        data-tab=${this.stdevTab}
        label=${`${this.tr(`overview.stdev`)} (${this.tr(`overview.stdev.${this.stdevTab}`)})`}
        lang=${this.language}
        .series=${r}
        .epochs=${e.epochs}
        .yRange=${Mc(r.map(e=>t(e.values)))}
      ></train-line-chart>
    `}};u(`train-overview`,Tu);var Eu=[`parameters`,`gradients`,`updates`],Du=[0,1];function Ou(e){return e===null?`—`:`[${e.map(e=>e===null?`?`:String(e)).join(`, `)}]`}var ku=class extends xn{static{this.properties={...xn.properties,layer:{reflect:!0},graph:{state:!0},layerData:{state:!0},magTab:{state:!0},histParam:{state:!0},histIteration:{type:Number,attribute:`hist-iteration`},epochs:{state:!0}}}static{this.styles=[...Fn,lr,A`
      .grid {
        align-items: start;
      }
      /* Not sticky: the graph is as tall as the model, and all of it must be reachable. */
      .side {
        grid-column: span 4;
      }
      .main {
        grid-column: span 8;
        display: grid;
        gap: 0.75rem;
      }
      /* An ONNX graph is wider than a layer list: it and the layer's charts share the page. */
      .side.onnx,
      .main.onnx {
        grid-column: span 6;
      }
      .hists {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
        gap: 0.75rem;
      }
      h3 {
        font-size: 0.9rem;
        font-weight: 600;
        margin: 0 0 0.25rem;
      }
      h3.sub {
        margin-top: 0.75rem;
      }
      .stats-wrap {
        overflow-x: auto;
        margin-bottom: 0.75rem;
      }
      table.stats th,
      table.stats td {
        width: auto;
        font-variant-numeric: tabular-nums;
      }
      @media (max-width: 900px) {
        .side,
        .main,
        .side.onnx,
        .main.onnx {
          grid-column: span 12;
          position: static;
        }
      }
    `]}constructor(){super(),this.layerOnly=!1,this.timeline=new or(this),this.stopsCache=null,this.requestWhen=`soon`,this.onLayerOpen=e=>{e.preventDefault(),e.stopPropagation(),this.layer=e.detail.layer,this.dispatchEvent(new CustomEvent(`train-layer-select`,{bubbles:!0,composed:!0,detail:{layer:e.detail.layer}}))},this.onSliderInput=e=>{this.timeline.cancelSteps(),this.requestWhen=e.detail.final?`now`:`debounce`,this.pin(e.detail.iteration)},this.onSliderStep=e=>{let t=this.shownLayer,n=t===null?null:this.timelineQuery(t);t!==null&&n!==null&&this.timeline.step(n,()=>{let e=this.shownLayer??t;return this.pinnedIteration(e)??this.stops(e).at(-1)??0},e.detail.direction,e=>{this.pin(e)})},this.layer=null,this.graph=null,this.layerData=null,this.magTab=`ratios`,this.histParam=null,this.histIteration=null,this.epochs=[]}willUpdate(e){(e.has(`session`)||e.has(`worker`)||e.has(`apiBase`))&&(this.graph=null,this.layerData=null,(e.get(`session`)??e.get(`worker`)??e.get(`apiBase`))!==void 0&&!e.has(`histIteration`)&&(this.histIteration=null)),e.has(`layer`)&&e.get(`layer`)!==void 0&&(this.layerData=null,this.histParam=null,e.has(`session`)||e.has(`worker`)||e.has(`apiBase`)||(this.layerOnly=!0,this.reload())),super.willUpdate(e)}updated(){let e=this.shownLayer;this.timeline.request(e===null?null:this.timelineQuery(e),e===null?null:this.pinnedIteration(e),this.requestWhen),this.requestWhen=`soon`}get shownLayer(){let e=this.layerData;return e!==null&&e.layer.name===this.layer?e:null}async fetchData(e){let t=this.takeEventKinds(),n=t.size===0||t.has(`reset`),r=this.layerOnly&&t.size===0;this.layerOnly=!1;let i=this.graph===null||n&&!r||t.has(`static_info`),a={session:this.session,worker:this.oneWorker},o=i?await rt(this.apiBase,`graph`,a,e):this.graph;if(e.aborted||o===null)return;let s=this.graph!==null&&this.graph.session_id!==o.session_id;this.shownSession=o.session_id,this.shownWorker=o.worker_id,i&&(this.graph=o);let c=this.layer;if(c===null)return;if(s&&!o.layers.some(e=>e.name===c)){this.layer=null;return}let l={session:o.session_id,worker:o.worker_id},u=n||i||t.has(`update`)||this.layerData===null,d=n||i||t.has(`epoch`)||t.has(`metrics`),[f,p]=await Promise.all([u?rt(this.apiBase,`layer`,{...l,layer:c,max_points:Hl},e):null,d?rt(this.apiBase,`metrics`,{...l,max_points:2},e):null]);e.aborted||(f!==null&&(this.layerData=f),p!==null&&(this.epochs=p.epochs))}render(){let e=this.graph;return e===null?R`${this.renderError()??this.renderLoading()}`:R`
      ${this.renderError()}
      <div class="grid">
        <section class=${e.onnx==null?`card side`:`card side onnx`}>
          <h2>${this.tr(e.onnx==null?`model.graph`:`model.graph.onnx`)}</h2>
          <train-layer-graph
            lang=${this.language}
            .layers=${e.layers}
            .edges=${e.edges}
            .onnx=${e.onnx??null}
            selected=${this.layer??z}
            @train-layer-select=${e=>{this.layer=e.detail.layer}}
          ></train-layer-graph>
        </section>
        <div class=${e.onnx==null?`main`:`main onnx`}>${this.renderLayer()}</div>
      </div>
    `}renderLayer(){if(this.layer===null)return R`<section class="card" data-panel="getting-started">
        <h2>${this.tr(`model.getting_started`)}</h2>
        <p>${this.tr(`model.getting_started.text`)}</p>
      </section>`;let e=this.layerData;return e===null||e.layer.name!==this.layer?R`<section class="card">${this.renderLoading()}</section>`:R`
      <section class="card">${this.renderInfo(e)}</section>
      ${e.parameters.length===0?z:R`<section class="card">${this.renderMeanMag(e)}</section>`}
      <section class="card">${this.renderActivations(e)}</section>
      ${e.parameters.length===0?z:R`<section class="card">
              <h2>${this.tr(`model.learning_rates`)}</h2>
              <train-line-chart
                data-chart="learning-rates"
                .reportTimes=${e.report_times}
                x-label=${this.tr(`chart.iteration`)}
                y-label=${this.tr(`axis.learning_rate`)}
                label=${this.tr(`model.learning_rates`)}
                lang=${this.language}
                log-toggle
                .series=${this.paramSeries(e,e.learning_rates)}
                .epochs=${this.epochs}
              ></train-line-chart>
            </section>`}
      <section class="card">${this.renderHistograms(e)}</section>
      <section class="card" data-card="findings">
        <train-findings
          api-base=${this.apiBase}
          session=${this.session??z}
          worker=${this.oneWorker??z}
          lang=${this.language}
          layer=${this.layer}
          @train-layer-open=${this.onLayerOpen}
        ></train-findings>
      </section>
    `}renderInfo(e){let t=e.layer,n=[[`name`,this.tr(`model.info.name`),t.name],[`type`,this.tr(`model.info.type`),t.type],[`inputs`,this.tr(`model.info.inputs`),t.inputs.length===0?this.tr(`model.input`):t.inputs.join(`, `)],[`input_shape`,this.tr(`model.info.input_shape`),Ou(t.input_shape)],[`output_shape`,this.tr(`model.info.output_shape`),Ou(t.output_shape)],[`num_params`,this.tr(`model.info.params`),U(t.num_params)],[`params`,this.tr(`model.info.param_names`),t.params.length===0?`—`:t.params.join(`, `)],[`activation`,this.tr(`model.info.activation`),t.activation??`—`],...Object.entries(t.attributes??{}).map(([e,t])=>[`attr.${e}`,e,s(t)])];return R`
      <h2>${this.tr(`model.info`)}</h2>
      ${Wn(`layer`,n)}
    `}get layerTypes(){return new Map((this.graph?.layers??[]).map(e=>[e.name,e.type]))}paramText(e,t){return H(nn(t,e.parameters.find(e=>e.name===t)?.layer??e.layer.name,this.layerTypes))}paramSeries(e,t){return _c(t).map(t=>({...t,label:this.paramText(e,t.label)}))}renderMeanMag(e){let n=[[`ratios`,this.tr(`model.mean_mag.ratio`)],[`parameters`,this.tr(`model.mean_mag.params`)],[`updates`,this.tr(`model.mean_mag.updates`)]],r=this.paramSeries(e,e.mean_magnitudes[this.magTab]),i=this.magTab===`ratios`,a=`${this.tr(`model.mean_mag`)}${i?`: log10`:``}`;return R`
      <h2>${a}</h2>
      <div role="tablist" part="tabs">
        ${n.map(([e,t])=>R`<button
              role="tab"
              data-tab=${e}
              aria-selected=${e===this.magTab?`true`:`false`}
              @click=${()=>{this.magTab=e}}
            >
              ${t}
            </button>`)}
      </div>
      <train-line-chart
        data-chart="mean-mag"
        .reportTimes=${e.report_times}
        x-label=${this.tr(`chart.iteration`)}
        y-label=${this.tr(i?`axis.log10_ratio`:`axis.mean_magnitude`)}
        data-tab=${this.magTab}
        label=${a}
        lang=${this.language}
        ?log-toggle=${!i}
        .series=${r}
        .epochs=${this.epochs}
        .band=${i?Nc:null}
        .refLines=${i?[-3]:[]}
        .yRange=${i?Pc(r.map(e=>t(e.values))):null}
      ></train-line-chart>
    `}renderActivations(e){let t=e.activations;if(t===null)return R`<h2>${this.tr(`model.activations`)}</h2>
        <p class="muted">${this.tr(`model.activations.none`)}</p>
        ${this.renderDeadUnits(e)}`;let n=[{label:this.tr(`model.activations.mean`),...t.mean,width:2},{label:this.tr(`model.activations.plus`),...t.mean_plus_2_stdev,dash:[5,4]},{label:this.tr(`model.activations.minus`),...t.mean_minus_2_stdev,dash:[5,4]}];return R`
      <h2>${this.tr(`model.activations`)}</h2>
      <train-line-chart
        data-chart="activations"
        .reportTimes=${e.report_times}
        x-label=${this.tr(`chart.iteration`)}
        y-label=${this.tr(`axis.activation`)}
        label=${this.tr(`model.activations`)}
        lang=${this.language}
        .series=${n}
        .epochs=${this.epochs}
      ></train-line-chart>
      ${this.renderDeadUnits(e)}
    `}renderDeadUnits(e){let t=e.dead_units??null;if(t===null)return z;let n=this.tr(`model.dead_units`);return R`
      <h3 class="sub">${n}</h3>
      <p class="muted">${this.tr(`model.dead_units.text`)}</p>
      <train-line-chart
        data-chart="dead-units"
        .reportTimes=${e.report_times}
        x-label=${this.tr(`chart.iteration`)}
        y-label=${this.tr(`axis.dead_units`)}
        label=${n}
        lang=${this.language}
        value-format="percent"
        height="200"
        .series=${[{label:this.tr(`model.latest.dead_units`),...t,width:2}]}
        .yRange=${Du}
        .epochs=${this.epochs}
      ></train-line-chart>
    `}renderLatest(e,t){let n=[],r=[[`parameters`,`model.info.param_names`],[`gradients`,`model.latest.gradients`],[`updates`,`model.mean_mag.updates`]];for(let i of e.parameters)for(let[a,o]of r){let r=t[a][i.name];if(r===void 0)continue;let s=this.histTitle(this.tr(o),t,a,null),c=this.paramText(e,i.name);n.push({key:`${a}.${i.name}`,kind:s,tensor:c,summary:r,activations:!1})}return t.activations!==null&&n.push({key:`activations`,kind:this.histTitle(this.tr(`model.latest.activations`),t,`activations`,null),tensor:e.layer.name,summary:t.activations,activations:!0}),n.length===0?z:R`
      <h3>${this.tr(`model.latest`)}</h3>
      ${Qn(this.language,n)}
    `}shownParam(e){let t=e.parameters.map(e=>e.name);return this.histParam!==null&&t.includes(this.histParam)?this.histParam:e.parameters.find(e=>e.is_weight)?.name??t[0]??null}timelineQuery(e){let t=this.shownParam(e),n=[];if(t!==null)for(let r of Eu)e.nonfinite[r][t]!==void 0&&n.push({kind:r,name:t});return e.latest?.activations!=null&&n.push({kind:`activations`,name:e.layer.name}),n.length===0?null:{apiBase:this.apiBase,session:e.session_id,worker:e.worker_id,tensors:n}}stops(e){let t=this.shownParam(e),n=this.stopsCache;if(n!==null&&n.layer===e&&n.param===t)return n.stops;let r=$n(e,t);return this.stopsCache={layer:e,param:t,stops:r},r}pinnedIteration(e){let t=this.stops(e),n=t[0],r=t.at(-1),i=this.histIteration;return i===null||n===void 0||r===void 0||!Number.isFinite(i)||i>=r?null:Math.max(n,Math.round(i))}pin(e){let t=this.shownLayer,n=t===null?void 0:this.stops(t).at(-1);this.histIteration=n===void 0||e>=n?null:e}renderTimeline(e){return this.timelineQuery(e)===null?z:ur(this.language,{stops:this.stops(e),pinned:this.pinnedIteration(e),error:this.timeline.error},{input:this.onSliderInput,step:this.onSliderStep,latest:()=>{this.timeline.cancelSteps(),this.histIteration=null}})}renderHistograms(e){let t=e.latest,n=e.parameters.map(e=>e.name),r=this.shownParam(e),i=[[`parameters`,this.tr(`model.hist.params`)],[`gradients`,this.tr(`model.hist.gradients`)],[`updates`,this.tr(`model.hist.updates`)]],a=t?.activations??null,o=this.pinnedIteration(e),s=o===null?null:this.timeline.histograms(this.timelineQuery(e));return R`
      ${t===null?z:R`<p class="muted">
                ${this.tr(`model.hist.latest`,{iteration:t.iteration})}
              </p>
              ${this.renderLatest(e,t)}`}
      ${n.length===0?R`<p class="muted">${this.tr(`model.no_params`)}</p>`:R`<div role="tablist" part="tabs" aria-label=${this.tr(`model.info.param_names`)}>
              ${n.map(t=>R`<button
                    role="tab"
                    data-param=${t}
                    aria-selected=${t===r?`true`:`false`}
                    @click=${()=>{this.histParam=t}}
                  >
                    ${this.paramText(e,t)}
                  </button>`)}
            </div>`}
      ${this.renderTimeline(e)}
      <div class="hists" aria-busy=${this.timeline.loading?`true`:`false`}>
        ${r===null?z:i.map(([n,i])=>{if(o!==null)return this.renderPinned(e,n,r,i,s);let a=t?.earlier_histograms?.[n][r]??null,c=a?.summary??t?.[n][r]??null;return this.renderHistogram(e,n,r,i,{fullTitle:this.histTitle(i,t,n,a?.iteration??null),summary:c,histogram:c?.histogram??null,iteration:a?.iteration??t?.summary_iterations?.[n]??null})})}
        ${a===null?z:o===null?this.renderActivationHistogram(e,t,a):this.renderPinned(e,`activations`,e.layer.name,this.tr(`model.hist.activations`),s)}
      </div>
    `}renderActivationHistogram(e,t,n){let r=t?.earlier_histograms?.activations??null,i=this.tr(`model.hist.activations`),a=r?.summary??n;return this.renderHistogram(e,`activations`,e.layer.name,i,{fullTitle:this.histTitle(i,t,`activations`,r?.iteration??null),summary:a,histogram:a.histogram,iteration:r?.iteration??t?.summary_iterations?.activations??null})}renderPinned(e,t,n,r,i){let a=i?.byKind.get(t),o=i===null?this.tr(`app.loading`):this.tr(`model.histograms.none_at`,{iteration:U(i.iteration)});return this.renderHistogram(e,t,n,r,{fullTitle:a==null?r:`${r} (${this.tr(`model.hist.at`,{iteration:a.iteration})})`,summary:null,histogram:a??null,iteration:a?.iteration??null,note:o})}histTitle(e,t,n,r){let i=r??t?.summary_iterations?.[n]??null;return t===null||i===null||i===t.iteration?e:`${e} (${this.tr(`model.hist.at`,{iteration:i})})`}renderHistogram(e,t,n,r,i){let a=i.summary;return R`<div>
      <h3>${i.fullTitle}</h3>
      <train-hist-panel
        data-panel=${t}
        api-base=${this.apiBase}
        .session=${e.session_id}
        .worker=${e.worker_id}
        .kind=${t}
        .name=${n}
        label=${r}
        lang=${this.language}
        .histogramLabel=${i.fullTitle}
        .histogram=${i.histogram}
        .iteration=${i.iteration}
        .nonfinite=${a?.nonfinite_count??0}
        .nanCount=${a?.nan_count??null}
        .posinfCount=${a?.posinf_count??null}
        .neginfCount=${a?.neginf_count??null}
        .note=${i.note??null}
        .latestIteration=${e.latest?.iteration??null}
        .selected=${this.pinnedIteration(e)}
        .epochs=${this.epochs}
      ></train-hist-panel>
    </div>`}};u(`train-model`,ku);function Au(t,n){let r=t.iterations.map((r,i)=>{let a=e(t.values[i]??null),o=e(Mu(n,r));return a===null||o===null?null:a-o});return{iterations:t.iterations,values:r}}function ju(t,n,r=!1){let i=t.iterations.map((i,a)=>{let o=e(t.values[a]??null),s=e(Mu(n,i));return o===null||s===null?null:100*(r?s-o:o)/s});return{iterations:t.iterations,values:i}}function Mu(e,t){let n=0,r=e.iterations.length-1;if(r<0)return null;if((e.iterations[0]??0)>t)return e.values[0]??null;for(;n<r;){let i=n+r+1>>1;(e.iterations[i]??0)<=t?n=i:r=i-1}return e.values[n]??null}var Nu=class extends xn{static{this.properties={...xn.properties,data:{state:!0},workers:{state:!0},epochs:{state:!0}}}static{this.styles=Fn}constructor(){super(),this.stoppedWatch=new ln(this),this.data=null,this.workers=[],this.epochs=[]}async fetchData(e){let t={session:this.session,worker:this.oneWorker},[n,r,i]=await Promise.all([rt(this.apiBase,`system`,{...t,max_points:Hl},e),rt(this.apiBase,`sessions`,{},e),rt(this.apiBase,`metrics`,{...t,max_points:2},e)]);e.aborted||(this.shownSession=n.session_id,this.shownWorker=n.worker_id,this.workers=r.sessions.find(e=>e.session_id===n.session_id)?.workers??[n.worker_id],this.epochs=n.session_id===i.session_id?i.epochs:[],this.data=n,this.stoppedWatch.watch(this.apiBase,n.session_id,this.workers),this.stoppedWatch.reported(this.takeEventWorkers()))}render(){let e=this.data;if(e===null)return R`${this.renderError()??this.renderLoading()}`;let t=[{label:this.tr(`system.memory.process`),...ju(e.memory.process_rss_bytes,e.memory.system_total_bytes)},{label:this.tr(`system.memory.system_used`),...ju(e.memory.system_available_bytes,e.memory.system_total_bytes,!0)}],n=e.devices.map(e=>({label:e.name,...ju(e.current_bytes,e.total_bytes)})),r=a([e.memory.process_rss_bytes,Au(e.memory.system_total_bytes,e.memory.system_available_bytes),...e.devices.map(e=>e.current_bytes)]),i=[this.tr(`system.memory.process`),this.tr(`system.memory.system_used`),...e.devices.map(e=>H(e.name))],o=r.series.map((e,t)=>({label:i[t]??``,...e})),s=this.tr(`axis.memory`,{unit:r.unit});return R`
      ${this.renderError()}
      ${this.workers.length>1?R`<div role="tablist" part="tabs" aria-label=${this.tr(`system.machine`)}>
              ${this.workers.map(t=>R`<button
                    role="tab"
                    data-worker=${t}
                    data-stopped=${this.stoppedWatch.stopped.has(t)?`true`:`false`}
                    aria-selected=${t===e.worker_id?`true`:`false`}
                    @click=${()=>{this.selectWorker(e.session_id,t)}}
                  >
                    ${this.stoppedWatch.stopped.has(t)?this.tr(`worker.stopped_label`,{worker:H(t)}):H(t)}
                  </button>`)}
            </div>`:z}
      <div class="grid">
        <section class="card half">
          <h2>${this.tr(`system.memory`)} (%)</h2>
          <train-line-chart
            data-chart="memory"
            .reportTimes=${e.report_times}
            x-label=${this.tr(`chart.iteration`)}
            y-label=${this.tr(`axis.percent`)}
            .epochs=${this.epochs}
            label=${this.tr(`system.memory`)}
            lang=${this.language}
            .series=${t}
            .yRange=${[0,100]}
          ></train-line-chart>
        </section>
        <section class="card half">
          <h2>${this.tr(`system.memory`)} (${r.unit})</h2>
          <train-line-chart
            data-chart="memory-bytes"
            .reportTimes=${e.report_times}
            data-unit=${r.unit}
            x-label=${this.tr(`chart.iteration`)}
            y-label=${s}
            .epochs=${this.epochs}
            label=${`${this.tr(`system.memory`)} (${r.unit})`}
            lang=${this.language}
            log-toggle
            .series=${o}
          ></train-line-chart>
        </section>
        ${n.length===0?z:R`<section class="card half">
                <h2>${this.tr(`system.devices`)} (%)</h2>
                <train-line-chart
                  data-chart="devices"
                  .reportTimes=${e.report_times}
                  x-label=${this.tr(`chart.iteration`)}
                  y-label=${this.tr(`axis.percent`)}
                  .epochs=${this.epochs}
                  label=${this.tr(`system.devices`)}
                  lang=${this.language}
                  .series=${n}
                  .yRange=${[0,100]}
                ></train-line-chart>
              </section>`}
        <section class="card half">
          <h2>${this.tr(`system.examples_per_s`)}</h2>
          <train-line-chart
            data-chart="throughput"
            .reportTimes=${e.report_times}
            x-label=${this.tr(`chart.iteration`)}
            y-label=${this.tr(`axis.examples_per_s`)}
            .epochs=${this.epochs}
            label=${this.tr(`system.examples_per_s`)}
            lang=${this.language}
            log-toggle
            .series=${[{label:this.tr(`system.examples_per_s`),...e.performance.examples_per_second}]}
          ></train-line-chart>
        </section>
        <section class="card half">
          <h2>${this.tr(`system.minibatches_per_s`)}</h2>
          <train-line-chart
            data-chart="minibatches"
            .reportTimes=${e.report_times}
            x-label=${this.tr(`chart.iteration`)}
            y-label=${this.tr(`axis.minibatches_per_s`)}
            .epochs=${this.epochs}
            label=${this.tr(`system.minibatches_per_s`)}
            lang=${this.language}
            log-toggle
            .series=${[{label:this.tr(`system.minibatches_per_s`),...e.performance.minibatches_per_second}]}
          ></train-line-chart>
        </section>
        <section class="card half">
          <h2>${this.tr(`system.collection_ms`)}</h2>
          <train-line-chart
            data-chart="collection"
            .reportTimes=${e.report_times}
            x-label=${this.tr(`chart.iteration`)}
            y-label=${this.tr(`axis.ms`)}
            .epochs=${this.epochs}
            label=${this.tr(`system.collection_ms`)}
            lang=${this.language}
            .series=${[{label:this.tr(`system.collection_ms`),...e.collection_ms}]}
          ></train-line-chart>
        </section>
        <section class="card half">${this.renderHardware(e)}</section>
        <section class="card half">${this.renderSoftware(e)}</section>
      </div>
    `}selectWorker(e,t){t!==this.worker&&(this.worker=t,this.dispatchEvent(new CustomEvent(`train-session-select`,{bubbles:!0,composed:!0,detail:{session:e,worker:t}})))}renderHardware(e){let t=e.hardware,n=[[`cpu_count`,this.tr(`system.hw.cpu_count`),U(t?.cpu_count??null)],[`memory_total`,this.tr(`system.hw.memory_total`),_t(t?.memory_total_bytes??null)],[`devices`,this.tr(`system.hw.devices`),U(t?.devices.length??null)],...(t?.devices??[]).map((e,t)=>[`device_${t}`,this.tr(`system.hw.device`,{index:t}),`${e.name} (${_t(e.memory_total_bytes)})`])];return R`<h2>${this.tr(`system.hardware`)}</h2>
      ${Wn(`hardware`,n)}`}renderSoftware(e){let t=e.software,n=t?.framework===null||t?.framework===void 0?null:`${t.framework}${t.framework_version===null?``:` ${t.framework_version}`}`,r=[[`hostname`,this.tr(`system.sw.hostname`),t?.hostname??null],[`os`,this.tr(`system.sw.os`),t?.os??null],[`os_version`,this.tr(`system.sw.os_version`),t?.os_version??null],[`arch`,this.tr(`system.sw.arch`),t?.arch??null],[`python`,this.tr(`system.sw.python`),t?.python??null],[`framework`,this.tr(`system.sw.framework`),n],[`backend`,this.tr(`system.sw.backend`),t?.backend??null],[`device`,this.tr(`system.sw.device`),t?.device??null],[`dtype`,this.tr(`system.sw.dtype`),t?.dtype??null],[`fitscope`,this.tr(`system.sw.fitscope`),t?.fitscope_version??null]];return R`<h2>${this.tr(`system.software`)}</h2>
      ${Wn(`software`,r)}`}};u(`train-system`,Nu);var Pu=[`overview`,`model`,`system`,`projector`],Fu=RegExp(`^/train/(${Pu.join(`|`)})$`),Iu=1e4,Lu=`fitscope.lang`,Ru=`fitscope.theme`;function zu(e){try{return localStorage.getItem(e)}catch{return null}}function Bu(e,t){try{localStorage.setItem(e,t)}catch{}}var Vu=class extends xn{static{this.properties={...xn.properties,page:{reflect:!0},layer:{},embedding:{},sessions:{state:!0},liveState:{state:!0}}}static{this.styles=[Mn,Bc,A`
      :host {
        min-height: 100vh;
        /* Latin first, then common CJK fonts, so Chinese labels get real glyphs (not boxes) on
           Linux, macOS and Windows alike; a page overrides it with train-app { --train-font-family }. */
        --train-font-family: ${ee(jn)};
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        padding: 0.5rem 1rem;
        border-bottom: 1px solid var(--_border);
      }
      .brand {
        font-weight: 700;
        font-size: 1.1rem;
        margin-right: 0.5rem;
      }
      nav {
        display: flex;
        gap: 0.25rem;
      }
      nav a {
        color: inherit;
        text-decoration: none;
        padding: 0.3rem 0.7rem;
        border-radius: var(--_radius);
      }
      nav a[aria-current="page"] {
        background: color-mix(in srgb, var(--_accent) 16%, transparent);
        color: var(--_accent);
        font-weight: 600;
      }
      label:not([hidden]) {
        display: inline-flex;
        align-items: center;
        gap: 0.3rem;
        font-size: 0.85rem;
        color: var(--_muted);
      }
      select {
        font: inherit;
        color: var(--_fg);
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.15rem 0.3rem;
        max-width: 22rem;
      }
      .spacer {
        flex: 1;
      }
      .live {
        font-size: 0.8rem;
        display: inline-flex;
        align-items: center;
        gap: 0.3rem;
      }
      .dot {
        width: 0.6rem;
        height: 0.6rem;
        border-radius: 50%;
        background: var(--_muted);
      }
      .live[data-status="open"] .dot {
        background: var(--_series-3);
      }
      .live[data-status="stalled"] .dot {
        background: var(--_series-2);
      }
      .live[data-status="retrying"] .dot,
      .live[data-status="closed"] .dot,
      .live[data-status="error"] .dot {
        background: var(--_nonfinite);
      }
      .live .dot {
        flex: none;
      }
      main {
        padding: 0.75rem 1rem;
      }
      .badge {
        display: inline-flex;
        align-items: center;
        gap: 0.3rem;
        font-size: 0.85rem;
        font-weight: 600;
        padding: 0.1rem 0.55rem;
        border: 1px solid var(--_sev);
        border-radius: 999px;
        text-decoration: none;
      }
    `]}constructor(){super(),this.poll=null,this.stoppedWatch=new ln(this),this.findings=new Zt(this),this.allFindings=new Qt(this),this.onBadge=e=>{e.button!==0||e.metaKey||e.ctrlKey||e.shiftKey||e.altKey||(e.preventDefault(),this.page!==`overview`&&(this.page=`overview`,this.writeUrl(!0)),this.updateComplete.then(()=>{this.renderRoot.querySelector(`train-overview`)?.revealFindings()}))},this.onLayerOpen=e=>{e.preventDefault(),this.worker===`*`&&(this.worker=e.detail.worker),this.layer=e.detail.layer,this.page=`model`,this.writeUrl(!0)},this.onPopState=()=>{if(!this.ownsUrl)return;let e=new URLSearchParams(location.search);this.page=this.pageOfLocation()??`overview`,this.session=e.get(`session`),this.worker=e.get(`worker`),this.layer=e.get(`layer`),this.embedding=e.get(`embedding`)},this.page=`overview`,this.layer=null,this.embedding=null,this.sessions=[],this.liveState=`connecting`;let e=zu(Lu);e!==null&&(this.lang=e);let t=zu(Ru);t!==null&&(this.theme=t)}onLiveState(e){this.liveState=e,this.dispatchEvent(new CustomEvent(`train-live-status`,{bubbles:!0,composed:!0,detail:{state:e}}))}connectedCallback(){super.connectedCallback(),window.addEventListener(`popstate`,this.onPopState),this.poll??=setInterval(()=>{this.refresh()},Iu)}disconnectedCallback(){super.disconnectedCallback(),window.removeEventListener(`popstate`,this.onPopState),this.poll!==null&&clearInterval(this.poll),this.poll=null}get liveStatus(){let e=this.currentSession?.state;return e===void 0||e===`live`?this.liveState:e}liveText(e){if(e===`stalled`){let e=this.currentSession,t=e?.last_update_ms??e?.start_ms??null;return t===null?this.tr(`app.live.stalled_unknown`):this.tr(`app.live.stalled`,{duration:rn(Date.now()-t)})}return this.tr(`app.live.${e}`)}willUpdate(e){super.willUpdate(e),e.has(`lang`)&&(document.documentElement.lang=b(this.language));let t=this.currentSession,n=this.worker===`*`;this.findings.watch(this.page===`projector`||this.allOnOverview?null:{apiBase:this.apiBase,session:this.session,worker:n?null:this.worker,lang:this.language}),this.allFindings.watch(this.allOnOverview&&t!==null?{apiBase:this.apiBase,session:t.session_id,lang:this.language}:null,t?.workers??[]),this.stoppedWatch.watch(this.apiBase,t?.session_id??null,t?.workers??[])}async fetchData(e){let t=await rt(this.apiBase,`sessions`,{},e);e.aborted||(this.sessions=t.sessions,this.stoppedWatch.reported(this.takeEventWorkers()))}workerLabel(e){return this.stoppedWatch.stopped.has(e)?this.tr(`worker.stopped_label`,{worker:H(e)}):H(e)}get currentSession(){return this.sessions.find(e=>e.session_id===this.session)??this.sessions.find(e=>e.state!==`error`)??this.sessions[0]??null}optionLabel(e){let t=$t(e,this.sessions);return e.state===`error`?`${t} — ${this.tr(`app.session.error`)}`:t}render(){let e=this.currentSession,t=e?.workers??[],n=this.page===`projector`;return R`
      <header part="header">
        <span class="brand">${this.tr(`app.title`)}</span>
        <nav part="nav">
          ${Pu.map(e=>R`<a
                href=${this.pageHref(e)}
                data-page=${e}
                aria-current=${e===this.page?`page`:`false`}
                @click=${t=>this.onNavigate(t,e)}
                >${this.tr(`app.nav.${e}`)}</a
              >`)}
        </nav>
        <span class="spacer"></span>
        <label ?hidden=${n}
          >${this.tr(`app.session`)}
          <select
            name="session"
            ?disabled=${this.sessions.length<2}
            @change=${e=>this.selectSession(e.target.value,null)}
          >
            ${this.sessions.map(t=>R`<option
                  value=${t.session_id}
                  data-state=${t.state}
                  title=${t.error===null?z:t.error.message}
                  ?selected=${t.session_id===e?.session_id}
                >
                  ${this.optionLabel(t)}
                </option>`)}
          </select>
        </label>
        <label ?hidden=${n}
          >${this.tr(`app.worker`)}
          <select
            name="worker"
            ?disabled=${t.length<2}
            @change=${t=>this.selectSession(e?.session_id??``,t.target.value)}
          >
            ${this.page===`overview`&&t.length>1?R`<option value=${`*`} ?selected=${this.worker===`*`}>
                    ${this.tr(`app.worker.all`)}
                  </option>`:z}
            ${t.map(e=>R`<option
                  value=${e}
                  data-stopped=${this.stoppedWatch.stopped.has(e)?`true`:`false`}
                  ?selected=${e===this.selectedWorker(t)}
                >
                  ${this.workerLabel(e)}
                </option>`)}
          </select>
        </label>
        <label
          >${this.tr(`app.language`)}
          <select
            name="lang"
            @change=${e=>this.selectLang(e.target.value)}
          >
            ${Object.entries(_).map(([e,t])=>R`<option value=${e} ?selected=${e===this.language}>${t}</option>`)}
          </select>
        </label>
        <label
          >${this.tr(`app.theme`)}
          <select
            name="theme"
            @change=${e=>this.selectTheme(e.target.value)}
          >
            ${[`auto`,`light`,`dark`].map(e=>R`<option value=${e} ?selected=${e===(this.theme??`auto`)}>
                  ${this.tr(`app.theme.${e}`)}
                </option>`)}
          </select>
        </label>
        ${this.renderBadge()}
        <span
          class="live"
          part="live"
          data-state=${this.liveState}
          data-status=${this.liveStatus}
          data-session-state=${e?.state??z}
          role="status"
        >
          <span class="dot"></span>${this.liveText(this.liveStatus)}
        </span>
      </header>
      <main>
        ${this.renderError()}
        ${this.loaded&&this.sessions.length===0&&!n?R`<p class="muted">${this.tr(`app.no_session`)}</p>`:this.renderPage()}
      </main>
    `}get allOnOverview(){return this.worker===`*`&&this.page===`overview`}get badgeCounts(){if(!this.allOnOverview)return this.findings.state.answer?.counts??null;let e=this.currentSession;return e===null?null:this.allFindings.counts(e.session_id)}renderBadge(){let e=this.badgeCounts,t=e===null?null:Rt(e);if(e===null||t===null||Lt(e)===0)return z;let n=zt(this.language,e),r=this.allOnOverview?V(this.language,`findings.badge.all_workers`,{label:n}):n;return R`<a
      part="findings-badge"
      class="badge sev-text"
      href=${this.pageHref(`overview`)}
      data-severity=${t}
      data-count=${Lt(e)}
      aria-label=${r}
      title=${r}
      @click=${this.onBadge}
      >${zc(t)}${Lt(e)}</a
    >`}selectedWorker(e){return this.worker===null||this.worker===`*`&&this.page!==`overview`?e[0]:this.worker}renderPage(){let e=this.session??z,t=this.worker??z,n=this.worker===null||this.worker===`*`?z:this.worker,r=this.theme??z,i=this.language;switch(this.page){case`projector`:return R`<embedding-projector
          api-base=${this.apiBase}
          embedding=${this.embedding??z}
          menu
          lang=${i}
          theme=${r}
          @train-embedding-select=${e=>{this.embedding=e.detail.embedding,this.writeUrl(!1)}}
        ></embedding-projector>`;case`model`:return R`<train-model
          api-base=${this.apiBase}
          session=${e}
          worker=${n}
          lang=${i}
          theme=${r}
          layer=${this.layer??z}
          @train-layer-select=${e=>{this.layer=e.detail.layer,this.writeUrl(!1)}}
        ></train-model>`;case`system`:return R`<train-system
          api-base=${this.apiBase}
          session=${e}
          worker=${n}
          lang=${i}
          theme=${r}
          @train-session-select=${e=>{this.session=e.detail.session,this.worker=e.detail.worker,this.writeUrl(!1)}}
        ></train-system>`;default:return R`<train-overview
          api-base=${this.apiBase}
          session=${e}
          worker=${t}
          lang=${i}
          theme=${r}
          @train-layer-open=${this.onLayerOpen}
        ></train-overview>`}}pageHref(e){let t=new URLSearchParams;this.session!==null&&t.set(`session`,this.session),this.worker!==null&&t.set(`worker`,this.worker),e===`model`&&this.layer!==null&&t.set(`layer`,this.layer),e===`projector`&&this.embedding!==null&&t.set(`embedding`,this.embedding),yn.mode!==`iteration`&&t.set(dn,yn.mode);let n=t.toString();return`${this.apiBase.replace(/\/+$/,``)}/train/${e}${n===``?``:`?${n}`}`}pageOfLocation(){let e=this.apiBase.replace(/\/+$/,``);if(e!==``&&!e.startsWith(`/`)||!location.pathname.startsWith(`${e}/train/`))return null;let t=Fu.exec(location.pathname.slice(e.length));return t===null?null:t[1]}get ownsUrl(){return this.pageOfLocation()!==null}writeUrl(e){if(!this.ownsUrl)return;let t=this.pageHref(this.page);e?history.pushState({page:this.page},``,t):history.replaceState({page:this.page},``,t)}onNavigate(e,t){!this.ownsUrl||e.button!==0||e.metaKey||e.ctrlKey||e.shiftKey||e.altKey||(e.preventDefault(),t!==this.page&&(this.page=t,this.writeUrl(!0)))}selectSession(e,t){if(e===``)return;e!==this.session&&(this.layer=null),this.session=e,this.worker=t,this.writeUrl(!1);let n=t??this.sessions.find(t=>t.session_id===e)?.workers[0]??``;this.dispatchEvent(new CustomEvent(`train-session-select`,{bubbles:!0,composed:!0,detail:{session:e,worker:n}}))}selectLang(e){this.lang=e,Bu(Lu,e),this.dispatchEvent(new CustomEvent(`train-lang-change`,{bubbles:!0,composed:!0,detail:{lang:e}}))}selectTheme(e){this.theme=e,Bu(Ru,e)}};u(`train-app`,Vu);export{Un as EmbeddingProjector,_ as LANGUAGES,Vu as TrainApp,Vc as TrainFindings,ru as TrainHistPanel,nl as TrainHistRidges,ul as TrainHistogram,cr as TrainIterationSlider,vu as TrainLayerGraph,Ql as TrainLineChart,ku as TrainModel,Tu as TrainOverview,Nu as TrainSystem,c as VERSION,n as formatFloatValue,e as parseFloatValue,y as resolveLang,C as t};