function e(e){if(e===null||typeof e==`number`)return e;switch(e){case`NaN`:return NaN;case`Infinity`:return 1/0;case`-Infinity`:return-1/0;default:{let t=JSON.stringify(e);throw TypeError(`Expected a number, "NaN", "Infinity", "-Infinity" or null, got ${t}.`)}}}function t(t){return t.map(e)}function n(e){if(e===null)return`—`;if(Number.isNaN(e))return`NaN`;if(e===1/0)return`+Inf`;if(e===-1/0)return`-Inf`;if(e===0)return`0`;let t=Number(e.toPrecision(4)),n=Math.abs(t);return n>=.001&&n<1e5?String(t):e.toExponential(3).replace(/\.?0+e/,`e`)}var r=2**20,i=2**30;function a(t){let n=0;for(let r of t)for(let t of r.values){let r=e(t);r!==null&&Number.isFinite(r)&&(n=Math.max(n,Math.abs(r)))}let a=n>=i?`GiB`:`MiB`,o=a===`GiB`?i:r;return{unit:a,series:t.map(t=>({iterations:t.iterations,values:t.values.map(t=>{let n=e(t);return n===null?null:n/o})}))}}function o(e){return typeof e==`string`?e:e===void 0?`—`:JSON.stringify(e)}function s(e){return e===null?`None`:Array.isArray(e)?`[${e.map(e=>s(e)).join(`, `)}]`:String(e)}var c=`0.1.0`,l=Symbol.for(`fitscope.ui.version`);function u(e,t){let n=customElements.get(e);if(n!==void 0){let t=n[l];t!==`0.1.0`&&console.warn(`fitscope: <${e}> is already defined (version ${t??`unknown`}); this copy (${c}) is not used.`)}else Object.defineProperty(t,l,{value:c}),customElements.define(e,t)}var d={"app.title":`fitscope`,"app.nav.overview":`Overview`,"app.nav.model":`Model`,"app.nav.system":`System`,"app.session":`Session`,"app.worker":`Worker`,"app.language":`Language`,"app.theme":`Theme`,"app.theme.auto":`Auto`,"app.theme.light":`Light`,"app.theme.dark":`Dark`,"app.loading":`Loading…`,"app.no_session":`No training session yet. It appears here as soon as a listener writes one.`,"app.live.connecting":`Connecting…`,"app.live.open":`Live`,"app.live.retrying":`Reconnecting…`,"app.live.closed":`Not live`,"app.live.stalled":`No report for {duration}`,"app.live.stalled_unknown":`No report lately`,"app.live.ended":`Ended`,"app.live.error":`Cannot read this session`,"app.session.error":`cannot be read`,"app.error":`Error: {message}`,"chart.iteration":`Iteration`,"chart.table":`Table`,"chart.log_scale":`Log scale`,"chart.epoch":`Epoch {epoch}`,"chart.nan":`NaN`,"chart.posinf":`+Inf`,"chart.neginf":`-Inf`,"chart.nonfinite_at":`{value} at iteration {iteration}`,"chart.readout":`Iteration {iteration}: {values}`,"chart.no_data":`No data yet.`,"chart.series":`Series`,"histogram.count":`Count`,"histogram.bin":`Bin`,"histogram.range":`{from} to {to}`,"histogram.nonfinite":`Non-finite elements: {count}`,"chart.log_hidden":`{count} values ≤ 0 are not shown on the log scale.`,"histogram.all_nonfinite":`All {count} elements are non-finite ({detail}).`,"histogram.all_nonfinite_plain":`All {count} elements are non-finite.`,"histogram.value":`Value`,"histogram.bin_readout":`{range}: {count} elements`,"axis.score":`Score`,"axis.value":`Value`,"axis.log10_ratio":`log10 ratio`,"axis.log10_stdev":`log10 stdev`,"axis.learning_rate":`Learning rate`,"axis.mean_magnitude":`Mean magnitude`,"axis.activation":`Activation`,"axis.percent":`% of total`,"axis.memory":`Memory ({unit})`,"axis.examples_per_s":`Examples/sec`,"axis.minibatches_per_s":`Minibatches/sec`,"axis.ms":`Milliseconds`,"overview.score":`Model Score vs. Iteration`,"overview.score.raw":`Score`,"overview.score.smoothed":`Smoothed (EMA 10)`,"overview.score.fit":`Least-squares fit`,"overview.score.fit_hint":`Drag across the chart to fit a line to a range.`,"overview.score.fit_result":`Fit over {x0}–{x1}: slope {slope} per iteration`,"overview.metrics":`Validation and user metrics`,"overview.info":`Model and Training Information`,"overview.info.model_type":`Model Type`,"overview.info.layers":`Layers`,"overview.info.params":`Total Parameters`,"overview.info.start":`Start Time`,"overview.info.runtime":`Total Runtime`,"overview.info.last_update":`Last Update`,"overview.info.iterations":`Total Parameter Updates`,"overview.info.epoch":`Epoch`,"overview.info.updates_per_s":`Updates/sec`,"overview.info.examples_per_s":`Examples/sec`,"overview.info.examples":`Total Examples`,"overview.info.first_nonfinite":`First Non-finite Value`,"overview.nonfinite.none":`None (every value finite)`,"overview.nonfinite.score":`{value} in the score at iteration {iteration}`,"overview.nonfinite.summary":`{value} in {kind} of {name} at iteration {iteration}`,"overview.nonfinite.kind.parameters":`parameters`,"overview.nonfinite.kind.gradients":`gradients`,"overview.nonfinite.kind.updates":`updates`,"overview.nonfinite.kind.activations":`activations`,"overview.hyperparameters":`Hyperparameters`,"overview.tags":`Tags`,"overview.ratios":`Update:Parameter Ratios (Mean Magnitudes): log10`,"overview.stdev":`Standard Deviations: log10`,"overview.stdev.activations":`Activations`,"overview.stdev.gradients":`Gradients`,"overview.stdev.updates":`Updates`,"model.graph":`Layers`,"model.input":`Input`,"model.getting_started":`Getting Started`,"model.getting_started.text":`Select a layer in the graph to see its parameters, updates, activations and histograms.`,"model.info":`Layer Information`,"model.info.name":`Layer Name`,"model.info.type":`Layer Type`,"model.info.input_shape":`Input Size`,"model.info.output_shape":`Layer Size`,"model.info.params":`# Parameters`,"model.info.param_names":`Parameters`,"model.info.activation":`Activation Function`,"model.info.inputs":`Inputs`,"model.mean_mag":`Mean Magnitudes`,"model.mean_mag.ratio":`Ratio`,"model.mean_mag.params":`Param`,"model.mean_mag.updates":`Updates`,"model.activations":`Layer Activations`,"model.activations.mean":`Mean`,"model.activations.plus":`Mean + 2·stdev`,"model.activations.minus":`Mean − 2·stdev`,"model.activations.none":`This layer's activations were not recorded.`,"model.learning_rates":`Parameter Learning Rates`,"model.hist.params":`Layer Parameters Histogram`,"model.hist.gradients":`Layer Gradients Histogram`,"model.hist.updates":`Layer Updates Histogram`,"model.hist.activations":`Layer Activations Histogram`,"model.hist.latest":`Latest report: iteration {iteration}`,"model.hist.at":`iteration {iteration}`,"model.no_params":`This layer has no parameters.`,"system.machine":`Select Machine`,"system.memory":`Memory Utilization`,"system.memory.process":`Process memory (RSS)`,"system.memory.system_used":`System memory in use`,"system.devices":`Device Memory`,"system.throughput":`Throughput`,"system.examples_per_s":`Examples/sec`,"system.minibatches_per_s":`Minibatches/sec`,"system.collection_ms":`Listener cost per report (ms)`,"system.hardware":`Hardware Information`,"system.software":`Software Information`,"system.hw.cpu_count":`CPU cores`,"system.hw.memory_total":`Total memory`,"system.hw.devices":`Compute devices`,"system.hw.device":`Device {index}`,"system.sw.hostname":`Hostname`,"system.sw.os":`OS`,"system.sw.os_version":`OS version`,"system.sw.arch":`OS architecture`,"system.sw.python":`Python`,"system.sw.framework":`Framework`,"system.sw.backend":`Backend`,"system.sw.device":`Device`,"system.sw.dtype":`Data type`,"system.sw.fitscope":`fitscope`},f={"app.title":`fitscope`,"app.nav.overview":`概览`,"app.nav.model":`模型`,"app.nav.system":`系统`,"app.session":`会话`,"app.worker":`工作节点`,"app.language":`语言`,"app.theme":`主题`,"app.theme.auto":`自动`,"app.theme.light":`浅色`,"app.theme.dark":`深色`,"app.loading":`加载中…`,"app.no_session":`还没有训练会话。监听器写入会话后会立即显示在这里。`,"app.live.connecting":`连接中…`,"app.live.open":`实时`,"app.live.retrying":`正在重新连接…`,"app.live.closed":`未连接`,"app.live.stalled":`已 {duration} 无报告`,"app.live.stalled_unknown":`近期无报告`,"app.live.ended":`已结束`,"app.live.error":`无法读取此会话`,"app.session.error":`无法读取`,"app.error":`错误：{message}`,"chart.iteration":`迭代`,"chart.table":`表格`,"chart.log_scale":`对数坐标`,"chart.epoch":`第 {epoch} 轮`,"chart.nan":`NaN`,"chart.posinf":`+Inf`,"chart.neginf":`-Inf`,"chart.nonfinite_at":`迭代 {iteration} 处为 {value}`,"chart.readout":`迭代 {iteration}：{values}`,"chart.no_data":`暂无数据。`,"chart.series":`序列`,"histogram.count":`计数`,"histogram.bin":`区间`,"histogram.range":`{from} 至 {to}`,"histogram.nonfinite":`非有限元素：{count}`,"chart.log_hidden":`对数刻度下未显示 {count} 个 ≤ 0 的值。`,"histogram.all_nonfinite":`全部 {count} 个元素均为非有限值（{detail}）。`,"histogram.all_nonfinite_plain":`全部 {count} 个元素均为非有限值。`,"histogram.value":`值`,"histogram.bin_readout":`{range}：{count} 个元素`,"axis.score":`得分`,"axis.value":`数值`,"axis.log10_ratio":`log10 比率`,"axis.log10_stdev":`log10 标准差`,"axis.learning_rate":`学习率`,"axis.mean_magnitude":`平均幅值`,"axis.activation":`激活值`,"axis.percent":`占总量百分比`,"axis.memory":`内存（{unit}）`,"axis.examples_per_s":`每秒样本数`,"axis.minibatches_per_s":`每秒小批量数`,"axis.ms":`毫秒`,"overview.score":`模型得分与迭代`,"overview.score.raw":`得分`,"overview.score.smoothed":`平滑（EMA 10）`,"overview.score.fit":`最小二乘拟合`,"overview.score.fit_hint":`在图表上拖动以对一段范围拟合直线。`,"overview.score.fit_result":`{x0}–{x1} 的拟合：每次迭代斜率 {slope}`,"overview.metrics":`验证与用户指标`,"overview.info":`模型与训练信息`,"overview.info.model_type":`模型类型`,"overview.info.layers":`层数`,"overview.info.params":`参数总数`,"overview.info.start":`开始时间`,"overview.info.runtime":`总运行时间`,"overview.info.last_update":`最后更新`,"overview.info.iterations":`参数更新总数`,"overview.info.epoch":`轮次`,"overview.info.updates_per_s":`每秒更新数`,"overview.info.examples_per_s":`每秒样本数`,"overview.info.examples":`样本总数`,"overview.info.first_nonfinite":`首个非有限值`,"overview.nonfinite.none":`无（所有值均有限）`,"overview.nonfinite.score":`迭代 {iteration} 处得分为 {value}`,"overview.nonfinite.summary":`迭代 {iteration} 处 {name} 的{kind}出现 {value}`,"overview.nonfinite.kind.parameters":`参数`,"overview.nonfinite.kind.gradients":`梯度`,"overview.nonfinite.kind.updates":`更新`,"overview.nonfinite.kind.activations":`激活`,"overview.hyperparameters":`超参数`,"overview.tags":`标签`,"overview.ratios":`更新:参数比率（平均幅值）：log10`,"overview.stdev":`标准差：log10`,"overview.stdev.activations":`激活`,"overview.stdev.gradients":`梯度`,"overview.stdev.updates":`更新`,"model.graph":`层`,"model.input":`输入`,"model.getting_started":`入门`,"model.getting_started.text":`在图中选择一层，查看其参数、更新、激活和直方图。`,"model.info":`层信息`,"model.info.name":`层名称`,"model.info.type":`层类型`,"model.info.input_shape":`输入大小`,"model.info.output_shape":`层大小`,"model.info.params":`参数数量`,"model.info.param_names":`参数`,"model.info.activation":`激活函数`,"model.info.inputs":`输入`,"model.mean_mag":`平均幅值`,"model.mean_mag.ratio":`比率`,"model.mean_mag.params":`参数`,"model.mean_mag.updates":`更新`,"model.activations":`层激活`,"model.activations.mean":`均值`,"model.activations.plus":`均值 + 2·标准差`,"model.activations.minus":`均值 − 2·标准差`,"model.activations.none":`未记录该层的激活。`,"model.learning_rates":`参数学习率`,"model.hist.params":`层参数直方图`,"model.hist.gradients":`层梯度直方图`,"model.hist.updates":`层更新直方图`,"model.hist.activations":`层激活直方图`,"model.hist.latest":`最新报告：迭代 {iteration}`,"model.hist.at":`迭代 {iteration}`,"model.no_params":`该层没有参数。`,"system.machine":`选择机器`,"system.memory":`内存使用`,"system.memory.process":`进程内存（RSS）`,"system.memory.system_used":`系统已用内存`,"system.devices":`设备内存`,"system.throughput":`吞吐量`,"system.examples_per_s":`每秒样本数`,"system.minibatches_per_s":`每秒小批量数`,"system.collection_ms":`每次报告的监听器开销（毫秒）`,"system.hardware":`硬件信息`,"system.software":`软件信息`,"system.hw.cpu_count":`CPU 核心数`,"system.hw.memory_total":`总内存`,"system.hw.devices":`计算设备`,"system.hw.device":`设备 {index}`,"system.sw.hostname":`主机名`,"system.sw.os":`操作系统`,"system.sw.os_version":`操作系统版本`,"system.sw.arch":`操作系统架构`,"system.sw.python":`Python`,"system.sw.framework":`框架`,"system.sw.backend":`后端`,"system.sw.device":`设备`,"system.sw.dtype":`数据类型`,"system.sw.fitscope":`fitscope`},p={en:`English`,zh:`中文`},m={en:d,zh:f};function h(e){let t=(e??``).trim().toLowerCase();if(t in p)return t;let n=t.split(/[-_]/)[0]??``;return n in p?n:`en`}function g(){let e=typeof navigator>`u`?[]:navigator.languages;for(let t of e){let e=h(t);if(e!==`en`||t.toLowerCase().startsWith(`en`))return e}return`en`}function _(e,t,n){let r=m[e][t]??d[t];return n===void 0?r:r.replace(/\{(\w+)\}/g,(e,t)=>t in n?String(n[t]):e)}var v=globalThis,y=v.ShadowRoot&&(v.ShadyCSS===void 0||v.ShadyCSS.nativeShadow)&&`adoptedStyleSheets`in Document.prototype&&`replace`in CSSStyleSheet.prototype,b=Symbol(),x=new WeakMap,S=class{constructor(e,t,n){if(this._$cssResult$=!0,n!==b)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(y&&e===void 0){let n=t!==void 0&&t.length===1;n&&(e=x.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),n&&x.set(t,e))}return e}toString(){return this.cssText}},C=e=>new S(typeof e==`string`?e:e+``,void 0,b),w=(e,...t)=>new S(e.length===1?e[0]:t.reduce((t,n,r)=>t+(e=>{if(!0===e._$cssResult$)return e.cssText;if(typeof e==`number`)return e;throw Error(`Value passed to 'css' function must be a 'css' function result: `+e+`. Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.`)})(n)+e[r+1],e[0]),e,b),T=(e,t)=>{if(y)e.adoptedStyleSheets=t.map(e=>e instanceof CSSStyleSheet?e:e.styleSheet);else for(let n of t){let t=document.createElement(`style`),r=v.litNonce;r!==void 0&&t.setAttribute(`nonce`,r),t.textContent=n.cssText,e.appendChild(t)}},E=y?e=>e:e=>e instanceof CSSStyleSheet?(e=>{let t=``;for(let n of e.cssRules)t+=n.cssText;return C(t)})(e):e,{is:D,defineProperty:O,getOwnPropertyDescriptor:k,getOwnPropertyNames:ee,getOwnPropertySymbols:A,getPrototypeOf:te}=Object,ne=globalThis,re=ne.trustedTypes,ie=re?re.emptyScript:``,ae=ne.reactiveElementPolyfillSupport,oe=(e,t)=>e,j={toAttribute(e,t){switch(t){case Boolean:e=e?ie:null;break;case Object:case Array:e=e==null?e:JSON.stringify(e)}return e},fromAttribute(e,t){let n=e;switch(t){case Boolean:n=e!==null;break;case Number:n=e===null?null:Number(e);break;case Object:case Array:try{n=JSON.parse(e)}catch{n=null}}return n}},M=(e,t)=>!D(e,t),N={attribute:!0,type:String,converter:j,reflect:!1,useDefault:!1,hasChanged:M};Symbol.metadata??=Symbol(`metadata`),ne.litPropertyMetadata??=new WeakMap;var P=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=N){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let n=Symbol(),r=this.getPropertyDescriptor(e,n,t);r!==void 0&&O(this.prototype,e,r)}}static getPropertyDescriptor(e,t,n){let{get:r,set:i}=k(this.prototype,e)??{get(){return this[t]},set(e){this[t]=e}};return{get:r,set(t){let a=r?.call(this);i?.call(this,t),this.requestUpdate(e,a,n)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??N}static _$Ei(){if(this.hasOwnProperty(oe(`elementProperties`)))return;let e=te(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(oe(`finalized`)))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(oe(`properties`))){let e=this.properties,t=[...ee(e),...A(e)];for(let n of t)this.createProperty(n,e[n])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[e,n]of t)this.elementProperties.set(e,n)}this._$Eh=new Map;for(let[e,t]of this.elementProperties){let n=this._$Eu(e,t);n!==void 0&&this._$Eh.set(n,e)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let n=new Set(e.flat(1/0).reverse());for(let e of n)t.unshift(E(e))}else e!==void 0&&t.push(E(e));return t}static _$Eu(e,t){let n=t.attribute;return!1===n?void 0:typeof n==`string`?n:typeof e==`string`?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let n of t.keys())this.hasOwnProperty(n)&&(e.set(n,this[n]),delete this[n]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return T(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,n){this._$AK(e,n)}_$ET(e,t){let n=this.constructor.elementProperties.get(e),r=this.constructor._$Eu(e,n);if(r!==void 0&&!0===n.reflect){let i=(n.converter?.toAttribute===void 0?j:n.converter).toAttribute(t,n.type);this._$Em=e,i==null?this.removeAttribute(r):this.setAttribute(r,i),this._$Em=null}}_$AK(e,t){let n=this.constructor,r=n._$Eh.get(e);if(r!==void 0&&this._$Em!==r){let e=n.getPropertyOptions(r),i=typeof e.converter==`function`?{fromAttribute:e.converter}:e.converter?.fromAttribute===void 0?j:e.converter;this._$Em=r;let a=i.fromAttribute(t,e.type);this[r]=a??this._$Ej?.get(r)??a,this._$Em=null}}requestUpdate(e,t,n,r=!1,i){if(e!==void 0){let a=this.constructor;if(!1===r&&(i=this[e]),n??=a.getPropertyOptions(e),!((n.hasChanged??M)(i,t)||n.useDefault&&n.reflect&&i===this._$Ej?.get(e)&&!this.hasAttribute(a._$Eu(e,n))))return;this.C(e,t,n)}!1===this.isUpdatePending&&(this._$ES=this._$EP())}C(e,t,{useDefault:n,reflect:r,wrapped:i},a){n&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,a??t??this[e]),!0!==i||a!==void 0)||(this._$AL.has(e)||(this.hasUpdated||n||(t=void 0),this._$AL.set(e,t)),!0===r&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(e){Promise.reject(e)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[e,t]of this._$Ep)this[e]=t;this._$Ep=void 0}let e=this.constructor.elementProperties;if(e.size>0)for(let[t,n]of e){let{wrapped:e}=n,r=this[t];!0!==e||this._$AL.has(t)||r===void 0||this.C(t,void 0,n,r)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(e=>e.hostUpdate?.()),this.update(t)):this._$EM()}catch(t){throw e=!1,this._$EM(),t}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(e=>e.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(e=>this._$ET(e,this[e])),this._$EM()}updated(e){}firstUpdated(e){}};P.elementStyles=[],P.shadowRootOptions={mode:`open`},P[oe(`elementProperties`)]=new Map,P[oe(`finalized`)]=new Map,ae?.({ReactiveElement:P}),(ne.reactiveElementVersions??=[]).push(`2.1.2`);var F=globalThis,I=e=>e,se=F.trustedTypes,ce=se?se.createPolicy(`lit-html`,{createHTML:e=>e}):void 0,le=`$lit$`,ue=`lit$${Math.random().toFixed(9).slice(2)}$`,de=`?`+ue,fe=`<${de}>`,pe=document,me=()=>pe.createComment(``),he=e=>e===null||typeof e!=`object`&&typeof e!=`function`,ge=Array.isArray,_e=e=>ge(e)||typeof e?.[Symbol.iterator]==`function`,ve=`[ 	
\f\r]`,ye=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,be=/-->/g,xe=/>/g,Se=RegExp(`>|${ve}(?:([^\\s"'>=/]+)(${ve}*=${ve}*(?:[^ \t\n\f\r"'\`<>=]|("|')|))|$)`,`g`),L=/'/g,R=/"/g,Ce=/^(?:script|style|textarea|title)$/i,we=e=>(t,...n)=>({_$litType$:e,strings:t,values:n}),z=we(1),Te=we(2),Ee=Symbol.for(`lit-noChange`),B=Symbol.for(`lit-nothing`),De=new WeakMap,Oe=pe.createTreeWalker(pe,129);function ke(e,t){if(!ge(e)||!e.hasOwnProperty(`raw`))throw Error(`invalid template strings array`);return ce===void 0?t:ce.createHTML(t)}var Ae=(e,t)=>{let n=e.length-1,r=[],i,a=t===2?`<svg>`:t===3?`<math>`:``,o=ye;for(let t=0;t<n;t++){let n=e[t],s,c,l=-1,u=0;for(;u<n.length&&(o.lastIndex=u,c=o.exec(n),c!==null);)u=o.lastIndex,o===ye?c[1]===`!--`?o=be:c[1]===void 0?c[2]===void 0?c[3]!==void 0&&(o=Se):(Ce.test(c[2])&&(i=RegExp(`</`+c[2],`g`)),o=Se):o=xe:o===Se?c[0]===`>`?(o=i??ye,l=-1):c[1]===void 0?l=-2:(l=o.lastIndex-c[2].length,s=c[1],o=c[3]===void 0?Se:c[3]===`"`?R:L):o===R||o===L?o=Se:o===be||o===xe?o=ye:(o=Se,i=void 0);let d=o===Se&&e[t+1].startsWith(`/>`)?` `:``;a+=o===ye?n+fe:l>=0?(r.push(s),n.slice(0,l)+le+n.slice(l)+ue+d):n+ue+(l===-2?t:d)}return[ke(e,a+(e[n]||`<?>`)+(t===2?`</svg>`:t===3?`</math>`:``)),r]},je=class e{constructor({strings:t,_$litType$:n},r){let i;this.parts=[];let a=0,o=0,s=t.length-1,c=this.parts,[l,u]=Ae(t,n);if(this.el=e.createElement(l,r),Oe.currentNode=this.el.content,n===2||n===3){let e=this.el.content.firstChild;e.replaceWith(...e.childNodes)}for(;(i=Oe.nextNode())!==null&&c.length<s;){if(i.nodeType===1){if(i.hasAttributes())for(let e of i.getAttributeNames())if(e.endsWith(le)){let t=u[o++],n=i.getAttribute(e).split(ue),r=/([.?@])?(.*)/.exec(t);c.push({type:1,index:a,name:r[2],strings:n,ctor:r[1]===`.`?Ie:r[1]===`?`?Le:r[1]===`@`?Re:Fe}),i.removeAttribute(e)}else e.startsWith(ue)&&(c.push({type:6,index:a}),i.removeAttribute(e));if(Ce.test(i.tagName)){let e=i.textContent.split(ue),t=e.length-1;if(t>0){i.textContent=se?se.emptyScript:``;for(let n=0;n<t;n++)i.append(e[n],me()),Oe.nextNode(),c.push({type:2,index:++a});i.append(e[t],me())}}}else if(i.nodeType===8){if(i.data===de)c.push({type:2,index:a});else{let e=-1;for(;(e=i.data.indexOf(ue,e+1))!==-1;)c.push({type:7,index:a}),e+=ue.length-1}}a++}}static createElement(e,t){let n=pe.createElement(`template`);return n.innerHTML=e,n}};function Me(e,t,n=e,r){if(t===Ee)return t;let i=r===void 0?n._$Cl:n._$Co?.[r],a=he(t)?void 0:t._$litDirective$;return i?.constructor!==a&&(i?._$AO?.(!1),a===void 0?i=void 0:(i=new a(e),i._$AT(e,n,r)),r===void 0?n._$Cl=i:(n._$Co??=[])[r]=i),i!==void 0&&(t=Me(e,i._$AS(e,t.values),i,r)),t}var Ne=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:n}=this._$AD,r=(e?.creationScope??pe).importNode(t,!0);Oe.currentNode=r;let i=Oe.nextNode(),a=0,o=0,s=n[0];for(;s!==void 0;){if(a===s.index){let t;s.type===2?t=new Pe(i,i.nextSibling,this,e):s.type===1?t=new s.ctor(i,s.name,s.strings,this,e):s.type===6&&(t=new ze(i,this,e)),this._$AV.push(t),s=n[++o]}a!==s?.index&&(i=Oe.nextNode(),a++)}return Oe.currentNode=pe,r}p(e){let t=0;for(let n of this._$AV)n!==void 0&&(n.strings===void 0?n._$AI(e[t]):(n._$AI(e,n,t),t+=n.strings.length-2)),t++}},Pe=class e{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,n,r){this.type=2,this._$AH=B,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=n,this.options=r,this._$Cv=r?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=Me(this,e,t),he(e)?e===B||e==null||e===``?(this._$AH!==B&&this._$AR(),this._$AH=B):e!==this._$AH&&e!==Ee&&this._(e):e._$litType$===void 0?e.nodeType===void 0?_e(e)?this.k(e):this._(e):this.T(e):this.$(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==B&&he(this._$AH)?this._$AA.nextSibling.data=e:this.T(pe.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:n}=e,r=typeof n==`number`?this._$AC(e):(n.el===void 0&&(n.el=je.createElement(ke(n.h,n.h[0]),this.options)),n);if(this._$AH?._$AD===r)this._$AH.p(t);else{let e=new Ne(r,this),n=e.u(this.options);e.p(t),this.T(n),this._$AH=e}}_$AC(e){let t=De.get(e.strings);return t===void 0&&De.set(e.strings,t=new je(e)),t}k(t){ge(this._$AH)||(this._$AH=[],this._$AR());let n=this._$AH,r,i=0;for(let a of t)i===n.length?n.push(r=new e(this.O(me()),this.O(me()),this,this.options)):r=n[i],r._$AI(a),i++;i<n.length&&(this._$AR(r&&r._$AB.nextSibling,i),n.length=i)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let t=I(e).nextSibling;I(e).remove(),e=t}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},Fe=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,n,r,i){this.type=1,this._$AH=B,this._$AN=void 0,this.element=e,this.name=t,this._$AM=r,this.options=i,n.length>2||n[0]!==``||n[1]!==``?(this._$AH=Array(n.length-1).fill(new String),this.strings=n):this._$AH=B}_$AI(e,t=this,n,r){let i=this.strings,a=!1;if(i===void 0)e=Me(this,e,t,0),a=!he(e)||e!==this._$AH&&e!==Ee,a&&(this._$AH=e);else{let r=e,o,s;for(e=i[0],o=0;o<i.length-1;o++)s=Me(this,r[n+o],t,o),s===Ee&&(s=this._$AH[o]),a||=!he(s)||s!==this._$AH[o],s===B?e=B:e!==B&&(e+=(s??``)+i[o+1]),this._$AH[o]=s}a&&!r&&this.j(e)}j(e){e===B?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??``)}},Ie=class extends Fe{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===B?void 0:e}},Le=class extends Fe{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==B)}},Re=class extends Fe{constructor(e,t,n,r,i){super(e,t,n,r,i),this.type=5}_$AI(e,t=this){if((e=Me(this,e,t,0)??B)===Ee)return;let n=this._$AH,r=e===B&&n!==B||e.capture!==n.capture||e.once!==n.once||e.passive!==n.passive,i=e!==B&&(n===B||r);r&&this.element.removeEventListener(this.name,this,n),i&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH==`function`?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},ze=class{constructor(e,t,n){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=n}get _$AU(){return this._$AM._$AU}_$AI(e){Me(this,e)}},Be=F.litHtmlPolyfillSupport;Be?.(je,Pe),(F.litHtmlVersions??=[]).push(`3.3.3`);var Ve=(e,t,n)=>{let r=n?.renderBefore??t,i=r._$litPart$;if(i===void 0){let e=n?.renderBefore??null;r._$litPart$=i=new Pe(t.insertBefore(me(),e),e,void 0,n??{})}return i._$AI(e),i},He=globalThis,Ue=class extends P{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=Ve(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return Ee}};Ue._$litElement$=!0,Ue.finalized=!0,He.litElementHydrateSupport?.({LitElement:Ue});var We=He.litElementPolyfillSupport;We?.({LitElement:Ue}),(He.litElementVersions??=[]).push(`4.2.2`);var Ge=class extends Error{constructor(e,t,n){super(n),this.name=`ApiError`,this.status=e,this.code=t}};function Ke(e,t,n={}){let r=e.replace(/\/+$/,``),i=new URLSearchParams;for(let[e,t]of Object.entries(n))t!=null&&t!==``&&i.set(e,String(t));let a=i.toString();return`${r}/api/v1/${t}${a===``?``:`?${a}`}`}function qe(e){if(typeof e!=`object`||!e||!(`error`in e))return!1;let t=e.error;return typeof t==`object`&&!!t&&`message`in t&&`code`in t}async function Je(e,t,n,r){let i=Ke(e,t,n),a;try{a=await fetch(i,{signal:r,headers:{Accept:`application/json`}})}catch(e){throw e instanceof DOMException&&e.name===`AbortError`?e:new Ge(0,`network_error`,`Could not reach the fitscope server at ${i} (is it running, and does it allow this page's origin with --cors-origin?).`)}let o=await a.json().catch(()=>null);if(!a.ok)throw qe(o)?new Ge(o.error.status,o.error.code,o.error.message):new Ge(a.status,`http_error`,`${i} answered ${a.status}.`);return o}function Ye(e){return e instanceof DOMException&&e.name===`AbortError`}var Xe=`—`;function Ze(e){return e===null?Xe:e===1/0?`+Inf`:e===-1/0?`-Inf`:`NaN`}var Qe=[`B`,`KiB`,`MiB`,`GiB`,`TiB`,`PiB`],$e=3;function et(e){let t=e.toPrecision($e);return t.includes(`e`)?String(Math.round(e)):t}function V(e){return`⁨${e}⁩`}function tt(e){if(e===null||!Number.isFinite(e))return Ze(e);let t=e<0?`-`:``,n=Math.abs(e),r=0;for(;n>=1024&&r<Qe.length-1;)n/=1024,r+=1;let i=r===0&&Number.isInteger(n)?String(n):et(n);return`${Number(i)===0?``:t}${i} ${Qe[r]??`PiB`}`}var nt=.001,rt=1e5;function it(e,t=4){if(!Number.isInteger(t)||t<1||t>100)throw RangeError(`digits must be an integer from 1 to 100, got ${String(t)}.`);if(t===4)return n(e);if(e===null||!Number.isFinite(e))return Ze(e);if(e===0)return`0`;let r=Number(e.toPrecision(t)),i=Math.abs(r),a=Math.max(rt,10**t);return i>=nt&&i<a?String(r):e.toExponential(t-1).replace(/\.?0+e/,`e`)}var at=1e21;function H(e){if(e===null||!Number.isFinite(e))return Ze(e);let t=Math.round(Math.abs(e));if(t>=at)return it(e);let n=String(t).replace(/\B(?=(\d{3})+$)/g,`,`);return e<0&&t!==0?`-${n}`:n}function ot(e){if(e===null||!Number.isFinite(e))return Ze(e);if(Math.abs(e)>=at)return it(e);let t=e.toFixed(2);return t===`-0.00`?`0.00`:t}function st(e){return String(e).padStart(2,`0`)}function ct(e){if(e===null)return Xe;if(!Number.isFinite(e)||e<0)return it(e);let t=e/1e3;if(t<10){let e=t.toFixed(2);if(Number(e)<10)return`${e} s`}if(t<60){let e=t.toFixed(1);if(Number(e)<60)return`${e} s`}let n=Math.round(t);if(n<3600)return`${Math.floor(n/60)} min ${n%60} s`;let r=Math.round(t/60);if(r<1440)return`${Math.floor(r/60)} h ${st(r%60)} min`;let i=Math.round(t/3600);return`${Math.floor(i/24)} d ${i%24} h`}var lt=new Map;function ut(e){let t=e??``,n=lt.get(t);return n===void 0&&(n=new Intl.DateTimeFormat(`en-CA`,{year:`numeric`,month:`2-digit`,day:`2-digit`,hour:`2-digit`,minute:`2-digit`,second:`2-digit`,hourCycle:`h23`,...e===void 0?{}:{timeZone:e}}),lt.set(t,n)),n}function dt(e,t){if(e===null)return Xe;let n=new Date(e);if(Number.isNaN(n.getTime()))return it(e);let r={year:``,month:``,day:``,hour:``,minute:``,second:``};for(let{type:e,value:i}of ut(t).formatToParts(n))switch(e){case`year`:case`month`:case`day`:case`hour`:case`minute`:case`second`:r[e]=i}let i=r.year.padStart(4,`0`),a=r.hour===`24`?`00`:r.hour;return`${i}-${r.month}-${r.day} ${a}:${r.minute}:${r.second}`}function ft(e,t){let n=e.name??e.session_id;return t.filter(e=>(e.name??e.session_id)===n).length>1?`${V(n)} (${dt(e.start_ms)})`:V(n)}function pt(e){return/(^|\.)\d+$/.test(e)}function mt(e,t){return t!=null&&t!==``&&pt(e)?`${e} (${t})`:e}function ht(e,t,n){if(t==null||!pt(t))return e;let r=n.get(t);return r===void 0?e:`${e} (${r})`}function gt(e){let t=Math.max(0,Math.round(e/1e3));if(t<60)return`${t} s`;let n=Math.floor(t/60);if(n<120)return`${n} min`;let r=Math.floor(n/60);return r<48?`${r} h`:`${Math.floor(r/24)} d`}var _t=5e3,vt=5e3,yt=6e4,bt=class{constructor(e){this.url=e,this.subscribers=new Set,this.state=`connecting`,this.source=null,this.poll=null,this.reopen=null,this.reopenMs=vt,this.open()}open(){let e=new EventSource(this.url);this.source=e,e.addEventListener(`open`,()=>{let e=this.poll!==null;this.stopPolling(),this.reopenMs=vt,this.setState(`open`),e&&this.broadcast({kind:`reset`})}),e.addEventListener(`error`,()=>{e.readyState===EventSource.CLOSED?(this.setState(`closed`),this.startPolling(),this.reopen??=setTimeout(()=>{this.reopen=null,this.reopenMs=Math.min(this.reopenMs*2,yt),this.open()},this.reopenMs)):this.setState(`retrying`)}),e.addEventListener(`message`,e=>{let t;try{t=JSON.parse(e.data)}catch{return}this.broadcast(t)}),e.addEventListener(`reset`,()=>{this.broadcast({kind:`reset`})})}broadcast(e){for(let t of[...this.subscribers])t.onEvent(e)}startPolling(){this.poll??=setInterval(()=>{this.broadcast({kind:`reset`})},_t)}stopPolling(){this.poll!==null&&clearInterval(this.poll),this.poll=null}setState(e){if(e!==this.state){this.state=e;for(let t of[...this.subscribers])t.onState?.(e)}}close(){this.source?.close(),this.stopPolling(),this.reopen!==null&&clearTimeout(this.reopen),this.reopen=null}},xt=new Map;function St(e,t){let n=Ke(e,`events`),r=xt.get(n);r===void 0&&(r=new bt(n),xt.set(n,r)),r.subscribers.add(t),t.onState?.(r.state);let i=r;return()=>{i.subscribers.delete(t),i.subscribers.size===0&&xt.get(n)===i&&(i.close(),xt.delete(n))}}var Ct=250,wt=class extends Ue{static{this.properties={apiBase:{attribute:`api-base`},session:{},worker:{},lang:{},theme:{reflect:!0},error:{state:!0},loaded:{state:!0}}}constructor(){super(),this.shownSession=null,this.shownWorker=null,this.unsubscribe=null,this.controller=null,this.lastStart=0,this.pending=null,this.inFlight=!1,this.dirty=!1,this.pendingKinds=new Set,this.apiBase=``,this.session=null,this.worker=null,this.lang=``,this.theme=null,this.error=null,this.loaded=!1}get language(){return this.lang===``?g():h(this.lang)}tr(e,t){return _(this.language,e,t)}isRelevant(e){return e.kind===`reset`||this.shownSession===null?!0:e.session_id===this.shownSession?this.shownWorker===null||e.worker_id===this.shownWorker:this.session===null&&e.kind===`static_info`}connectedCallback(){super.connectedCallback(),this.subscribe()}subscribe(){this.unsubscribe?.(),this.unsubscribe=St(this.apiBase,{onEvent:e=>{this.onLive(e)},onState:e=>{this.onLiveState?.(e)}})}disconnectedCallback(){super.disconnectedCallback(),this.unsubscribe?.(),this.unsubscribe=null,this.controller?.abort(),this.pending!==null&&clearTimeout(this.pending),this.pending=null}willUpdate(e){e.has(`apiBase`)&&this.isConnected&&e.get(`apiBase`)!==void 0&&this.subscribe(),(e.has(`apiBase`)||e.has(`session`)||e.has(`worker`))&&this.reload()}onLive(e){this.isRelevant(e)&&(this.pendingKinds.add(e.kind),this.refresh())}takeEventKinds(){let e=this.pendingKinds;return this.pendingKinds=new Set,e}reload(){this.pendingKinds=new Set,this.controller?.abort(),this.inFlight=!1,this.dirty=!1,this.pending!==null&&clearTimeout(this.pending),this.pending=null,this.run()}refresh(){if(this.inFlight){this.dirty=!0;return}if(this.pending!==null)return;let e=Math.max(0,this.lastStart+Ct-performance.now());this.pending=setTimeout(()=>{this.pending=null,this.run()},e)}async run(){let e=new AbortController;this.controller=e,this.inFlight=!0,this.lastStart=performance.now();try{if(await this.fetchData(e.signal),e.signal.aborted)return;this.error=null,this.loaded=!0}catch(t){if(Ye(t)||e.signal.aborted)return;let n=t instanceof Ge?t:new Ge(0,`client_error`,t instanceof Error?t.message:String(t));n!==this.error&&(this.error=n,this.dispatchEvent(new CustomEvent(`train-error`,{bubbles:!0,composed:!0,detail:{status:n.status,code:n.code,message:n.message}})))}finally{this.controller===e&&(this.inFlight=!1,this.dirty&&(this.dirty=!1,this.refresh()))}}renderError(){return this.error===null?null:z`<p part="error" class="error" role="alert">
      ${this.tr(`app.error`,{message:this.error.message})}
    </p>`}renderLoading(){return z`<p class="muted" aria-busy="true">${this.tr(`app.loading`)}</p>`}},Tt={light:[`#0072b2`,`#c65400`,`#00845f`,`#b5448c`,`#3d3d3d`,`#8a6200`,`#6a3d9a`,`#007c86`,`#a33c3c`,`#5b6e00`,`#4d5fa3`,`#8b4a1c`],dark:[`#56b4e9`,`#e69f00`,`#3ccf9e`,`#e08ec0`,`#f0e442`,`#ff8a5c`,`#b7a2ea`,`#a6d854`,`#ffffff`,`#4fd2d6`,`#ff9da7`,`#c9b27c`]},Et=Tt.light.length,Dt=[[6,3],[2,3],[8,3,2,3]];function Ot(e){let t=Math.floor(e/Et);if(t!==0)return[...Dt[(t-1)%Dt.length]??[]]}function kt(e){return e%Et+1}var At=C(Tt.light.map((e,t)=>`--_series-${t+1}: inherit;`).join(`
`));function jt(e){return C(e.map((e,t)=>`--_series-${t+1}: var(--train-series-${t+1}, ${e});`).join(`
`))}var Mt=w`
  --_bg: var(--train-bg, #ffffff);
  --_fg: var(--train-fg, #1b1b1f);
  --_muted: var(--train-muted, #5b5d66);
  --_border: var(--train-border, #d0d2d9);
  --_accent: var(--train-accent, #0a5fa8);
  --_grid: var(--train-grid, #e4e5ea);
  --_nonfinite: var(--train-nonfinite, #b00020);
  --_band: var(--train-band, rgba(0, 158, 115, 0.14));
  ${jt(Tt.light)}
  color-scheme: light;
`,Nt=w`
  --_bg: var(--train-bg, #1e1e1e);
  --_fg: var(--train-fg, #e8e8ea);
  --_muted: var(--train-muted, #a9abb3);
  --_border: var(--train-border, #44464d);
  --_accent: var(--train-accent, #7cc4ff);
  --_grid: var(--train-grid, #34363c);
  --_nonfinite: var(--train-nonfinite, #ff6b81);
  --_band: var(--train-band, rgba(0, 158, 115, 0.22));
  ${jt(Tt.dark)}
  color-scheme: dark;
`,Pt=`system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif`,Ft=w`
  :host {
    ${Mt}
    --_font: var(--train-font-family, ${C(Pt)});
    --_radius: var(--train-radius, 6px);
    display: block;
    font-family: var(--_font);
    color: var(--_fg);
    background: var(--_bg);
  }
  :host([theme="dark"]) {
    ${Nt}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme="light"])) {
      ${Nt}
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
`;function It(e,t){return getComputedStyle(e).getPropertyValue(t).trim()}function Lt(e,t){return It(e,`--_series-${kt(t)}`)}var Rt=[Ft,w`
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
  `],zt=[Ft,w`
    :host([data-inherit-theme]:not([theme])) {
      --_bg: inherit;
      --_fg: inherit;
      --_muted: inherit;
      --_border: inherit;
      --_accent: inherit;
      --_grid: inherit;
      --_nonfinite: inherit;
      --_band: inherit;
      ${At}
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
  `];function Bt(e){let t=e.getRootNode(),n=e.parentElement??(t instanceof ShadowRoot?t.host:null);return n!==null&&getComputedStyle(n).getPropertyValue(`--_fg`).trim()!==``}function Vt(e,t){return z`<table class="info" part="table" data-table=${e}>
    <tbody>
      ${t.map(([e,t,n])=>z`<tr data-key=${e}>
            <th scope="row"><bdi>${t}</bdi></th>
            <td><bdi>${n??`—`}</bdi></td>
          </tr>`)}
    </tbody>
  </table>`}var Ht=!0,Ut=`uplot`,Wt=`u-hz`,Gt=`u-vt`,Kt=`u-title`,qt=`u-wrap`,Jt=`u-under`,Yt=`u-over`,Xt=`u-axis`,Zt=`u-off`,Qt=`u-select`,$t=`u-cursor-x`,en=`u-cursor-y`,tn=`u-cursor-pt`,nn=`u-legend`,rn=`u-live`,an=`u-inline`,on=`u-series`,sn=`u-marker`,cn=`u-label`,ln=`u-value`,un=`width`,dn=`height`,fn=`top`,pn=`bottom`,mn=`left`,hn=`right`,gn=`#000`,_n=`#0000`,vn=`mousemove`,yn=`mousedown`,bn=`mouseup`,xn=`mouseenter`,Sn=`mouseleave`,Cn=`dblclick`,wn=`resize`,Tn=`scroll`,En=`change`,Dn=`dppxchange`,On=`--`,kn=typeof window<`u`,An=kn?document:null,jn=kn?window:null,Mn=kn?navigator:null,U,Nn;function Pn(){let e=devicePixelRatio;U!=e&&(U=e,Nn&&Jn(En,Nn,Pn),Nn=matchMedia(`(min-resolution: ${U-.001}dppx) and (max-resolution: ${U+.001}dppx)`),qn(En,Nn,Pn),jn.dispatchEvent(new CustomEvent(Dn)))}function Fn(e,t){if(t!=null){let n=e.classList;!n.contains(t)&&n.add(t)}}function In(e,t){let n=e.classList;n.contains(t)&&n.remove(t)}function W(e,t,n){e.style[t]=n+`px`}function Ln(e,t,n,r){let i=An.createElement(e);return t!=null&&Fn(i,t),n?.insertBefore(i,r),i}function Rn(e,t){return Ln(`div`,e,t)}var zn=new WeakMap;function Bn(e,t,n,r,i){let a=`translate(`+t+`px,`+n+`px)`;a!=zn.get(e)&&(e.style.transform=a,zn.set(e,a),t<0||n<0||t>r||n>i?Fn(e,Zt):In(e,Zt))}var Vn=new WeakMap;function Hn(e,t,n){let r=t+n;r!=Vn.get(e)&&(Vn.set(e,r),e.style.background=t,e.style.borderColor=n)}var Un=new WeakMap;function Wn(e,t,n,r){let i=t+``+n;i!=Un.get(e)&&(Un.set(e,i),e.style.height=n+`px`,e.style.width=t+`px`,e.style.marginLeft=r?-t/2+`px`:0,e.style.marginTop=r?-n/2+`px`:0)}var Gn={passive:!0},Kn={...Gn,capture:!0};function qn(e,t,n,r){t.addEventListener(e,n,r?Kn:Gn)}function Jn(e,t,n,r){t.removeEventListener(e,n,Gn)}kn&&Pn();function Yn(e,t,n,r){let i;n||=0,r||=t.length-1;let a=r<=2147483647;for(;r-n>1;)i=a?n+r>>1:pr((n+r)/2),t[i]<e?n=i:r=i;return e-t[n]<=t[r]-e?n:r}function Xn(e){return(t,n,r)=>{let i=-1,a=-1;for(let a=n;a<=r;a++)if(e(t[a])){i=a;break}for(let i=r;i>=n;i--)if(e(t[i])){a=i;break}return[i,a]}}var Zn=e=>e!=null,Qn=e=>e!=null&&e>0,G=Xn(Zn),K=Xn(Qn);function $n(e,t,n,r=0,i=!1){let a=i?K:G,o=i?Qn:Zn;[t,n]=a(e,t,n);let s=e[t],c=e[t];if(t>-1){if(r==1)s=e[t],c=e[n];else if(r==-1)s=e[n],c=e[t];else for(let r=t;r<=n;r++){let t=e[r];o(t)&&(t<s?s=t:t>c&&(c=t))}}return[s??wr,c??-wr]}function er(e,t,n,r){let i=yr(e),a=yr(t);e==t&&(i==-1?(e*=n,t/=n):(e/=n,t*=n));let o=n==10?br:xr,s=i==1?pr:hr,c=a==1?hr:pr,l=s(o(fr(e))),u=c(o(fr(t))),d=vr(n,l),f=vr(n,u);return n==10&&(l<0&&(d=X(d,-l)),u<0&&(f=X(f,-u))),r||n==2?(e=d*i,t=f*a):(e=Rr(e,d),t=Lr(t,f)),[e,t]}function tr(e,t,n,r){let i=er(e,t,n,r);return e==0&&(i[0]=0),t==0&&(i[1]=0),i}var nr=.1,rr={mode:3,pad:nr},ir={pad:0,soft:null,mode:0},ar={min:ir,max:ir};function or(e,t,n,r){return Yr(n)?cr(e,t,n):(ir.pad=n,ir.soft=r?0:null,ir.mode=r?3:0,cr(e,t,ar))}function q(e,t){return e??t}function sr(e,t,n){for(t=q(t,0),n=q(n,e.length-1);t<=n;){if(e[t]!=null)return!0;t++}return!1}function cr(e,t,n){let r=n.min,i=n.max,a=q(r.pad,0),o=q(i.pad,0),s=q(r.hard,-wr),c=q(i.hard,wr),l=q(r.soft,wr),u=q(i.soft,-wr),d=q(r.mode,0),f=q(i.mode,0),p=t-e,m=br(p),h=_r(fr(e),fr(t)),g=fr(br(h)-m);(p<1e-24||g>10)&&(p=0,(e==0||t==0)&&(p=1e-24,d==2&&l!=wr&&(a=0),f==2&&u!=-wr&&(o=0)));let _=p||h||1e3,v=vr(10,pr(br(_))),y=X(Rr(e-_*(p==0?e==0?.1:1:a),v/10),24),b=e>=l&&(d==1||d==3&&y<=l||d==2&&y>=l)?l:wr,x=_r(s,y<b&&e>=b?b:gr(b,y)),S=X(Lr(t+_*(p==0?t==0?.1:1:o),v/10),24),C=t<=u&&(f==1||f==3&&S>=u||f==2&&S<=u)?u:-wr,w=gr(c,S>C&&t<=C?C:_r(C,S));return x==w&&x==0&&(w=100),[x,w]}var lr=new Intl.NumberFormat(kn?Mn.language:`en-US`),J=e=>lr.format(e),ur=Math,dr=ur.PI,fr=ur.abs,pr=ur.floor,mr=ur.round,hr=ur.ceil,gr=ur.min,_r=ur.max,vr=ur.pow,yr=ur.sign,br=ur.log10,xr=ur.log2,Sr=(e,t=1)=>ur.sinh(e)*t,Cr=(e,t=1)=>ur.asinh(e/t),wr=1/0;function Tr(e){return(br((e^e>>31)-(e>>31))|0)+1}function Er(e,t,n){return gr(_r(e,t),n)}function Dr(e){return typeof e==`function`}function Y(e){return Dr(e)?e:()=>e}var Or=()=>{},kr=e=>e,Ar=(e,t)=>t,jr=e=>null,Mr=e=>!0,Nr=(e,t)=>e==t,Pr=/\.\d*?(?=9{6,}|0{6,})/gm,Fr=e=>{if(Kr(e)||zr.has(e))return e;let t=`${e}`,n=t.match(Pr);if(n==null)return e;let r=n[0].length-1;if(t.indexOf(`e-`)!=-1){let[e,n]=t.split(`e`);return+`${Fr(e)}e${n}`}return X(e,r)};function Ir(e,t){return Fr(X(Fr(e/t))*t)}function Lr(e,t){return Fr(hr(Fr(e/t))*t)}function Rr(e,t){return Fr(pr(Fr(e/t))*t)}function X(e,t=0){if(Kr(e))return e;let n=10**t;return mr(e*n*(1+2**-52))/n}var zr=new Map;function Br(e){return((``+e).split(`.`)[1]||``).length}function Vr(e,t,n,r){let i=[],a=r.map(Br);for(let o=t;o<n;o++){let t=fr(o),n=X(vr(e,o),t);for(let s=0;s<r.length;s++){let c=e==10?+`${r[s]}e${o}`:r[s]*n,l=(o>=0?0:t)+(o>=a[s]?0:a[s]),u=e==10?c:X(c,l);i.push(u),zr.set(u,l)}}return i}var Hr={},Ur=[],Wr=[null,null],Gr=Array.isArray,Kr=Number.isInteger,qr=e=>e===void 0;function Jr(e){return typeof e==`string`}function Yr(e){let t=!1;if(e!=null){let n=e.constructor;t=n==null||n==Object}return t}function Xr(e){return typeof e==`object`&&!!e}var Zr=Object.getPrototypeOf(Uint8Array),Qr=`__proto__`;function $r(e,t=Yr){let n;if(Gr(e)){let r=e.find(e=>e!=null);if(Gr(r)||t(r)){n=Array(e.length);for(let r=0;r<e.length;r++)n[r]=$r(e[r],t)}else n=e.slice()}else if(e instanceof Zr)n=e.slice();else if(t(e)){n={};for(let r in e)r!=Qr&&(n[r]=$r(e[r],t))}else n=e;return n}function ei(e){let t=arguments;for(let n=1;n<t.length;n++){let r=t[n];for(let t in r)t!=Qr&&(Yr(e[t])?ei(e[t],$r(r[t])):e[t]=$r(r[t]))}return e}var ti=0,ni=1,ri=2;function ii(e,t,n){for(let r=0,i,a=-1;r<t.length;r++){let o=t[r];if(o>a){for(i=o-1;i>=0&&e[i]==null;)e[i--]=null;for(i=o+1;i<n&&e[i]==null;)e[a=i++]=null}}}function ai(e,t){if(ci(e)){let t=e[0].slice();for(let n=1;n<e.length;n++)t.push(...e[n].slice(1));return li(t[0])||(t=si(t)),t}let n=new Set;for(let t=0;t<e.length;t++){let r=e[t][0],i=r.length;for(let e=0;e<i;e++)n.add(r[e])}let r=[Array.from(n).sort((e,t)=>e-t)],i=r[0].length,a=new Map;for(let e=0;e<i;e++)a.set(r[0][e],e);for(let n=0;n<e.length;n++){let o=e[n],s=o[0];for(let e=1;e<o.length;e++){let c=o[e],l=Array(i).fill(void 0),u=t?t[n][e]:ni,d=[];for(let e=0;e<c.length;e++){let t=c[e],n=a.get(s[e]);t===null?u!=ti&&(l[n]=t,u==ri&&d.push(n)):l[n]=t}ii(l,d,i),r.push(l)}}return r}var oi=typeof queueMicrotask>`u`?e=>Promise.resolve().then(e):queueMicrotask;function si(e){let t=e[0],n=t.length,r=Array(n);for(let e=0;e<r.length;e++)r[e]=e;r.sort((e,n)=>t[e]-t[n]);let i=[];for(let t=0;t<e.length;t++){let a=e[t],o=Array(n);for(let e=0;e<n;e++)o[e]=a[r[e]];i.push(o)}return i}function ci(e){let t=e[0][0],n=t.length;for(let r=1;r<e.length;r++){let i=e[r][0];if(i.length!=n)return!1;if(i!=t){for(let e=0;e<n;e++)if(i[e]!=t[e])return!1}}return!0}function li(e,t=100){let n=e.length;if(n<=1)return!0;let r=0,i=n-1;for(;r<=i&&e[r]==null;)r++;for(;i>=r&&e[i]==null;)i--;if(i<=r)return!0;let a=_r(1,pr((i-r+1)/t));for(let t=e[r],n=r+a;n<=i;n+=a){let r=e[n];if(r!=null){if(r<=t)return!1;t=r}}return!0}var ui=[`January`,`February`,`March`,`April`,`May`,`June`,`July`,`August`,`September`,`October`,`November`,`December`],di=[`Sunday`,`Monday`,`Tuesday`,`Wednesday`,`Thursday`,`Friday`,`Saturday`];function fi(e){return e.slice(0,3)}var pi=di.map(fi),mi={MMMM:ui,MMM:ui.map(fi),WWWW:di,WWW:pi};function hi(e){return(e<10?`0`:``)+e}function gi(e){return(e<10?`00`:e<100?`0`:``)+e}var _i={YYYY:e=>e.getFullYear(),YY:e=>(e.getFullYear()+``).slice(2),MMMM:(e,t)=>t.MMMM[e.getMonth()],MMM:(e,t)=>t.MMM[e.getMonth()],MM:e=>hi(e.getMonth()+1),M:e=>e.getMonth()+1,DD:e=>hi(e.getDate()),D:e=>e.getDate(),WWWW:(e,t)=>t.WWWW[e.getDay()],WWW:(e,t)=>t.WWW[e.getDay()],HH:e=>hi(e.getHours()),H:e=>e.getHours(),h:e=>{let t=e.getHours();return t==0?12:t>12?t-12:t},AA:e=>e.getHours()>=12?`PM`:`AM`,aa:e=>e.getHours()>=12?`pm`:`am`,a:e=>e.getHours()>=12?`p`:`a`,mm:e=>hi(e.getMinutes()),m:e=>e.getMinutes(),ss:e=>hi(e.getSeconds()),s:e=>e.getSeconds(),fff:e=>gi(e.getMilliseconds())};function vi(e,t){t||=mi;let n=[],r=/\{([a-z]+)\}|[^{]+/gi,i;for(;i=r.exec(e);)n.push(i[0][0]==`{`?_i[i[1]]:i[0]);return e=>{let r=``;for(let i=0;i<n.length;i++)r+=typeof n[i]==`string`?n[i]:n[i](e,t);return r}}var yi=new Intl.DateTimeFormat().resolvedOptions().timeZone;function bi(e,t){let n;return t==`UTC`||t==`Etc/UTC`?n=new Date(+e+e.getTimezoneOffset()*6e4):t==yi?n=e:(n=new Date(e.toLocaleString(`en-US`,{timeZone:t})),n.setMilliseconds(e.getMilliseconds())),n}var xi=e=>e%1==0,Si=[1,2,2.5,5],Ci=Vr(10,-32,0,Si),wi=Vr(10,0,32,Si),Ti=wi.filter(xi),Ei=Ci.concat(wi),Di=`
`,Oi=`{YYYY}`,ki=Di+Oi,Ai=`{M}/{D}`,Z=Di+Ai,ji=Z+`/{YY}`,Mi=`{aa}`,Ni=`{h}:{mm}`+Mi,Pi=Di+Ni,Fi=`:{ss}`,Q=null;function Ii(e){let t=e*1e3,n=t*60,r=n*60,i=r*24,a=i*30,o=i*365,s=(e==1?Vr(10,0,3,Si).filter(xi):Vr(10,-3,0,Si)).concat([t,t*5,t*10,t*15,t*30,n,n*5,n*10,n*15,n*30,r,r*2,r*3,r*4,r*6,r*8,r*12,i,i*2,i*3,i*4,i*5,i*6,i*7,i*8,i*9,i*10,i*15,a,a*2,a*3,a*4,a*6,o,o*2,o*5,o*10,o*25,o*50,o*100]),c=[[o,Oi,Q,Q,Q,Q,Q,Q,1],[i*28,`{MMM}`,ki,Q,Q,Q,Q,Q,1],[i,Ai,ki,Q,Q,Q,Q,Q,1],[r,`{h}`+Mi,ji,Q,Z,Q,Q,Q,1],[n,Ni,ji,Q,Z,Q,Q,Q,1],[t,Fi,ji+` `+Ni,Q,Z+` `+Ni,Q,Pi,Q,1],[e,Fi+`.{fff}`,ji+` `+Ni,Q,Z+` `+Ni,Q,Pi,Q,1]];function l(t){return(s,c,l,u,d,f)=>{let p=[],m=d>=o,h=d>=a&&d<o,g=t(l),_=X(g*e,3),v=Ki(g.getFullYear(),m?0:g.getMonth(),h||m?1:g.getDate()),y=X(v*e,3);if(h||m){let n=h?d/a:0,r=m?d/o:0,i=_==y?_:X(Ki(v.getFullYear()+r,v.getMonth()+n,1)*e,3),s=new Date(mr(i/e)),c=s.getFullYear(),l=s.getMonth();for(let a=0;i<=u;a++){let o=Ki(c+r*a,l+n*a,1),s=o-t(X(o*e,3));i=X((+o+s)*e,3),i<=u&&p.push(i)}}else{let a=d>=i?i:d,o=y+(pr(l)-pr(_))+Lr(_-y,a);p.push(o);let m=t(o),h=m.getHours()+m.getMinutes()/n+m.getSeconds()/r,g=d/r,v=f/s.axes[c]._space;for(;o=X(o+d,e==1?0:3),!(o>u);)if(g>1){let e=pr(X(h+g,6))%24,n=t(o).getHours()-e;n>1&&(n=-1),o-=n*r,h=(h+g)%24;let i=p[p.length-1];X((o-i)/d,3)*v>=.7&&p.push(o)}else p.push(o)}return p}}return[s,c,l]}var[Li,Ri,zi]=Ii(1),[Bi,Vi,Hi]=Ii(.001);Vr(2,-53,53,[1]);function Ui(e,t){return e.map(e=>e.map((n,r)=>r==0||r==8||n==null?n:t(r==1||e[8]==0?n:e[1]+n)))}function Wi(e,t){return(n,r,i,a,o)=>{let s=t.find(e=>o>=e[0])||t[t.length-1],c,l,u,d,f,p;return r.map(t=>{let n=e(t),r=n.getFullYear(),i=n.getMonth(),a=n.getDate(),o=n.getHours(),m=n.getMinutes(),h=n.getSeconds(),g=r!=c&&s[2]||i!=l&&s[3]||a!=u&&s[4]||o!=d&&s[5]||m!=f&&s[6]||h!=p&&s[7]||s[1];return c=r,l=i,u=a,d=o,f=m,p=h,g(n)})}}function Gi(e,t){let n=vi(t);return(t,r,i,a,o)=>r.map(t=>n(e(t)))}function Ki(e,t,n){return new Date(e,t,n)}function qi(e,t){return t(e)}var Ji=`{YYYY}-{MM}-{DD} {h}:{mm}{aa}`;function Yi(e,t){return(n,r,i,a)=>a==null?On:t(e(r))}function Xi(e,t){let n=e.series[t];return n.width?n.stroke(e,t):n.points.width?n.points.stroke(e,t):null}function Zi(e,t){return e.series[t].fill(e,t)}var Qi={show:!0,live:!0,isolate:!1,mount:Or,markers:{show:!0,width:2,stroke:Xi,fill:Zi,dash:`solid`},idx:null,idxs:null,values:[]};function $i(e,t){let n=e.cursor.points,r=Rn(),i=n.size(e,t);W(r,un,i),W(r,dn,i);let a=i/-2;W(r,`marginLeft`,a),W(r,`marginTop`,a);let o=n.width(e,t,i);return o&&W(r,`borderWidth`,o),r}function ea(e,t){let n=e.series[t].points;return n._fill||n._stroke}function ta(e,t){let n=e.series[t].points;return n._stroke||n._fill}function na(e,t){return e.series[t].points.size}var ra=[0,0];function ia(e,t,n){return ra[0]=t,ra[1]=n,ra}function aa(e,t,n,r=!0){return e=>{e.button!=0||r&&e.target!=t||n(e)}}function oa(e,t,n,r=!0){return e=>{r&&e.target!=t||n(e)}}var sa={show:!0,x:!0,y:!0,lock:!1,move:ia,points:{one:!1,show:$i,size:na,width:0,stroke:ta,fill:ea},bind:{mousedown:aa,mouseup:aa,click:aa,dblclick:aa,mousemove:oa,mouseleave:oa,mouseenter:oa},drag:{setScale:!0,x:!0,y:!1,dist:0,uni:null,click:(e,t)=>{t.stopPropagation(),t.stopImmediatePropagation()},_x:!1,_y:!1},focus:{dist:(e,t,n,r,i)=>r-i,prox:-1,bias:0},hover:{skip:[void 0],prox:null,bias:0},left:-10,top:-10,idx:null,dataIdx:null,idxs:null,event:null},ca={show:!0,stroke:`rgba(0,0,0,0.07)`,width:2},la=ei({},ca,{filter:Ar}),ua=ei({},la,{size:10}),da=ei({},ca,{show:!1}),fa=`12px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Segoe UI Symbol", "Noto Color Emoji"`,pa=`bold `+fa,ma=1.5,ha={show:!0,scale:`x`,stroke:gn,space:50,gap:5,alignTo:1,size:50,labelGap:0,labelSize:30,labelFont:pa,side:2,grid:la,ticks:ua,border:da,font:fa,lineGap:ma,rotate:0},ga=`Value`,_a=`Time`,va={show:!0,scale:`x`,auto:!1,sorted:1,min:wr,max:-1/0,idxs:[]};function ya(e,t,n,r,i){return t.map(e=>e==null?``:J(e))}function ba(e,t,n,r,i,a,o){let s=[],c=zr.get(i)||0;n=o?n:X(Lr(n,i),c);for(let e=n;e<=r;e=X(e+i,c))s.push(Object.is(e,-0)?0:e);return s}function xa(e,t,n,r,i,a,o){let s=[],c=e.scales[e.axes[t].scale].log;i=vr(c,pr((c==10?br:xr)(n))),c==10&&(i=Ei[Yn(i,Ei)]);let l=n,u=i*c;c==10&&(u=Ei[Yn(u,Ei)]);do s.push(l),l+=i,c==10&&!zr.has(l)&&(l=X(l,zr.get(i))),l>=u&&(i=l,u=i*c,c==10&&(u=Ei[Yn(u,Ei)]));while(l<=r);return s}function Sa(e,t,n,r,i,a,o){let s=e.scales[e.axes[t].scale].asinh,c=r>s?xa(e,t,_r(s,n),r,i):[s],l=r>=0&&n<=0?[0]:[];return(n<-s?xa(e,t,_r(s,-r),-n,i):[s]).reverse().map(e=>-e).concat(l,c)}var Ca=/./,wa=/[12357]/,Ta=/[125]/,Ea=/1/,Da=(e,t,n,r)=>e.map((e,i)=>t==4&&e==0||i%r==0&&n.test(e.toExponential()[+(e<0)])?e:null);function Oa(e,t,n,r,i){let a=e.axes[n],o=a.scale,s=e.scales[o],c=e.valToPos,l=a._space,u=c(10,o),d=c(9,o)-u>=l?Ca:c(7,o)-u>=l?wa:c(5,o)-u>=l?Ta:Ea;if(d==Ea){let e=fr(c(1,o)-u);if(e<l)return Da(t.slice().reverse(),s.distr,d,hr(l/e)).reverse()}return Da(t,s.distr,d,1)}function ka(e,t,n,r,i){let a=e.axes[n],o=a.scale,s=a._space,c=e.valToPos,l=fr(c(1,o)-c(2,o));return l<s?Da(t.slice().reverse(),3,Ca,hr(s/l)).reverse():t}function Aa(e,t,n,r){return r==null?On:t==null?``:J(t)}var ja={show:!0,scale:`y`,stroke:gn,space:30,gap:5,alignTo:1,size:50,labelGap:0,labelSize:30,labelFont:pa,side:3,grid:la,ticks:ua,border:da,font:fa,lineGap:ma,rotate:0};function Ma(e,t){return X((3+(e||1)*2)*t,3)}function Na(e,t){let{scale:n,idxs:r}=e.series[0],i=e._data[0],a=e.valToPos(i[r[0]],n,!0),o=fr(e.valToPos(i[r[1]],n,!0)-a)/(e.series[t].points.space*U);return r[1]-r[0]<=o}var Pa={scale:null,auto:!0,sorted:0,min:wr,max:-1/0},Fa=(e,t,n,r,i)=>i,Ia={show:!0,auto:!0,sorted:0,gaps:Fa,alpha:1,facets:[ei({},Pa,{scale:`x`}),ei({},Pa,{scale:`y`})]},La={scale:`y`,auto:!0,sorted:0,show:!0,spanGaps:!1,gaps:Fa,alpha:1,points:{show:Na,filter:null},values:null,min:wr,max:-1/0,idxs:[],path:null,clip:null};function Ra(e,t,n,r,i){return n/10}var za={time:Ht,auto:!0,distr:1,log:10,asinh:1,min:null,max:null,dir:1,ori:0},Ba=ei({},za,{time:!1,ori:1}),Va={};function Ha(e,t){let n=Va[e];return n||(n={key:e,plots:[],sub(e){n.plots.push(e)},unsub(e){n.plots=n.plots.filter(t=>t!=e)},pub(e,t,r,i,a,o,s){for(let c=0;c<n.plots.length;c++)n.plots[c]!=t&&n.plots[c].pub(e,t,r,i,a,o,s)}},e!=null&&(Va[e]=n)),n}var Ua=1,Wa=2;function Ga(e,t,n){let r=e.mode,i=e.series[t],a=r==2?e._data[t]:e._data,o=e.scales,s=e.bbox,c=a[0],l=r==2?a[1]:a[t],u=r==2?o[i.facets[0].scale]:o[e.series[0].scale],d=r==2?o[i.facets[1].scale]:o[i.scale],f=s.left,p=s.top,m=s.width,h=s.height,g=e.valToPosH,_=e.valToPosV;return u.ori==0?n(i,c,l,u,d,g,_,f,p,m,h,eo,no,io,oo,co):n(i,c,l,u,d,_,g,p,f,h,m,to,ro,ao,so,lo)}function Ka(e,t){let n=0,r=0,i=q(e.bands,Ur);for(let e=0;e<i.length;e++){let a=i[e];a.series[0]==t?n=a.dir:a.series[1]==t&&(a.dir==1?r|=1:r|=2)}return[n,r==1?-1:r==2?1:r==3?2:0]}function qa(e,t,n,r,i){let a=e.mode,o=e.series[t],s=a==2?o.facets[1].scale:o.scale,c=e.scales[s];return i==-1?c.min:i==1?c.max:c.distr==3?c.dir==1?c.min:c.max:0}function Ja(e,t,n,r,i,a){return Ga(e,t,(e,t,o,s,c,l,u,d,f,p,m)=>{let h=e.pxRound,g=s.dir*(s.ori==0?1:-1),_=s.ori==0?no:ro,v,y;g==1?(v=n,y=r):(v=r,y=n);let b=h(l(t[v],s,p,d)),x=h(u(o[v],c,m,f)),S=h(l(t[y],s,p,d)),C=h(u(a==1?c.max:c.min,c,m,f)),w=new Path2D(i);return _(w,S,C),_(w,b,C),_(w,b,x),w})}function Ya(e,t,n,r,i,a){let o=null;if(e.length>0){o=new Path2D;let s=t==0?io:ao,c=n;for(let t=0;t<e.length;t++){let n=e[t];if(n[1]>n[0]){let e=n[0]-c;e>0&&s(o,c,r,e,r+a),c=n[1]}}let l=n+i-c;l>0&&s(o,c,r-5,l,r+a+10)}return o}function Xa(e,t,n){let r=e[e.length-1];r&&r[0]==t?r[1]=n:e.push([t,n])}function Za(e,t,n,r,i,a,o){let s=[],c=e.length;for(let l=i==1?n:r;l>=n&&l<=r;l+=i)if(t[l]===null){let u=l,d=l;if(i==1)for(;++l<=r&&t[l]===null;)d=l;else for(;--l>=n&&t[l]===null;)d=l;let f=a(e[u]),p=d==u?f:a(e[d]),m=u-i;f=o<=0&&m>=0&&m<c?a(e[m]):f;let h=d+i;p=o>=0&&h>=0&&h<c?a(e[h]):p,p>=f&&s.push([f,p])}return s}function Qa(e){return e==0?kr:e==1?mr:t=>Ir(t,e)}function $a(e){let t=e==0?eo:to,n=e==0?(e,t,n,r,i,a)=>{e.arcTo(t,n,r,i,a)}:(e,t,n,r,i,a)=>{e.arcTo(n,t,i,r,a)},r=e==0?(e,t,n,r,i)=>{e.rect(t,n,r,i)}:(e,t,n,r,i)=>{e.rect(n,t,i,r)};return(e,i,a,o,s,c=0,l=0)=>{c==0&&l==0?r(e,i,a,o,s):(c=gr(c,o/2,s/2),l=gr(l,o/2,s/2),t(e,i+c,a),n(e,i+o,a,i+o,a+s,c),n(e,i+o,a+s,i,a+s,l),n(e,i,a+s,i,a,l),n(e,i,a,i+o,a,c),e.closePath())}}var eo=(e,t,n)=>{e.moveTo(t,n)},to=(e,t,n)=>{e.moveTo(n,t)},no=(e,t,n)=>{e.lineTo(t,n)},ro=(e,t,n)=>{e.lineTo(n,t)},io=$a(0),ao=$a(1),oo=(e,t,n,r,i,a)=>{e.arc(t,n,r,i,a)},so=(e,t,n,r,i,a)=>{e.arc(n,t,r,i,a)},co=(e,t,n,r,i,a,o)=>{e.bezierCurveTo(t,n,r,i,a,o)},lo=(e,t,n,r,i,a,o)=>{e.bezierCurveTo(n,t,i,r,o,a)};function uo(e){return(e,t,n,r,i)=>Ga(e,t,(t,a,o,s,c,l,u,d,f,p,m)=>{let{pxRound:h,points:g}=t,_,v;s.ori==0?(_=eo,v=oo):(_=to,v=so);let y=X(g.width*U,3),b=(g.size-g.width)/2*U,x=X(b*2,3),S=new Path2D,C=new Path2D,{left:w,top:T,width:E,height:D}=e.bbox;io(C,w-x,T-x,E+x*2,D+x*2);let O=e=>{if(o[e]!=null){let t=h(l(a[e],s,p,d)),n=h(u(o[e],c,m,f));_(S,t+b,n),v(S,t,n,b,0,dr*2)}};if(i)i.forEach(O);else for(let e=n;e<=r;e++)O(e);return{stroke:y>0?S:null,fill:S,clip:C,flags:3}})}function fo(e){return(t,n,r,i,a,o)=>{r!=i&&(a!=r&&o!=r&&e(t,n,r),a!=i&&o!=i&&e(t,n,i),e(t,n,o))}}var po=fo(no),mo=fo(ro);function ho(e){let t=q(e?.alignGaps,0);return(e,n,r,i)=>Ga(e,n,(a,o,s,c,l,u,d,f,p,m,h)=>{[r,i]=G(s,r,i);let g=a.pxRound,_=e=>g(u(e,c,m,f)),v=e=>g(d(e,l,h,p)),y,b;c.ori==0?(y=no,b=po):(y=ro,b=mo);let x=c.dir*(c.ori==0?1:-1),S={stroke:new Path2D,fill:null,clip:null,band:null,gaps:null,flags:Ua},C=S.stroke,w=!1;if(i-r>=m*4){let t=t=>e.posToVal(t,c.key,!0),n=null,a=null,l,u,d,f=_(o[x==1?r:i]),p=_(o[r]),m=_(o[i]),h=t(x==1?p+1:m-1);for(let e=x==1?r:i;e>=r&&e<=i;e+=x){let r=o[e],i=(x==1?r<h:r>h)?f:_(r),c=s[e];i==f?c==null?c===null&&(w=!0):(u=c,n==null?(y(C,i,v(u)),l=n=a=u):u<n?n=u:u>a&&(a=u)):(n!=null&&b(C,f,v(n),v(a),v(l),v(u)),c==null?(n=a=null,c===null&&(w=!0)):(u=c,y(C,i,v(u)),n=a=l=u),f=i,h=t(f+x))}n!=null&&n!=a&&d!=f&&b(C,f,v(n),v(a),v(l),v(u))}else for(let e=x==1?r:i;e>=r&&e<=i;e+=x){let t=s[e];t===null?w=!0:t!=null&&y(C,_(o[e]),v(t))}let[T,E]=Ka(e,n);if(a.fill!=null||T!=0){let t=S.fill=new Path2D(C),s=v(a.fillTo(e,n,a.min,a.max,T)),c=_(o[r]),l=_(o[i]);x==-1&&([l,c]=[c,l]),y(t,l,s),y(t,c,s)}if(!a.spanGaps){let l=[];w&&l.push(...Za(o,s,r,i,x,_,t)),S.gaps=l=a.gaps(e,n,r,i,l),S.clip=Ya(l,c.ori,f,p,m,h)}return E!=0&&(S.band=E==2?[Ja(e,n,r,i,C,-1),Ja(e,n,r,i,C,1)]:Ja(e,n,r,i,C,E)),S})}function go(e){let t=q(e.align,1),n=q(e.ascDesc,!1),r=q(e.alignGaps,0),i=q(e.extend,!1);return(e,a,o,s)=>Ga(e,a,(c,l,u,d,f,p,m,h,g,_,v)=>{[o,s]=G(u,o,s);let y=c.pxRound,{left:b,width:x}=e.bbox,S=e=>y(p(e,d,_,h)),C=e=>y(m(e,f,v,g)),w=d.ori==0?no:ro,T={stroke:new Path2D,fill:null,clip:null,band:null,gaps:null,flags:Ua},E=T.stroke,D=d.dir*(d.ori==0?1:-1),O=C(u[D==1?o:s]),k=S(l[D==1?o:s]),ee=k,A=k;i&&t==-1&&(A=b,w(E,A,O)),w(E,k,O);for(let e=D==1?o:s;e>=o&&e<=s;e+=D){let n=u[e];if(n==null)continue;let r=S(l[e]),i=C(n);t==1?w(E,r,O):w(E,ee,i),w(E,r,i),O=i,ee=r}let te=ee;i&&t==1&&(te=b+x,w(E,te,O));let[ne,re]=Ka(e,a);if(c.fill!=null||ne!=0){let t=T.fill=new Path2D(E),n=C(c.fillTo(e,a,c.min,c.max,ne));w(t,te,n),w(t,A,n)}if(!c.spanGaps){let i=[];i.push(...Za(l,u,o,s,D,S,r));let f=c.width*U/2,p=n||t==1?f:-f,m=n||t==-1?-f:f;i.forEach(e=>{e[0]+=p,e[1]+=m}),T.gaps=i=c.gaps(e,a,o,s,i),T.clip=Ya(i,d.ori,h,g,_,v)}return re!=0&&(T.band=re==2?[Ja(e,a,o,s,E,-1),Ja(e,a,o,s,E,1)]:Ja(e,a,o,s,E,re)),T})}function _o(e,t,n,r,i,a,o=wr){if(e.length>1){let s=null;for(let c=0,l=1/0;c<e.length;c++)if(t[c]!==void 0){if(s!=null){let t=fr(e[c]-e[s]);t<l&&(l=t,o=fr(n(e[c],r,i,a)-n(e[s],r,i,a)))}s=c}}return o}function vo(e){e||=Hr;let t=q(e.size,[.6,wr,1]),n=e.align||0,r=e.gap||0,i=e.radius;i=i==null?[0,0]:typeof i==`number`?[i,0]:i;let a=Y(i),o=1-t[0],s=q(t[1],wr),c=q(t[2],1),l=q(e.disp,Hr),u=q(e.each,e=>{}),{fill:d,stroke:f}=l;return(e,t,i,p)=>Ga(e,t,(m,h,g,_,v,y,b,x,S,C,w)=>{let T=m.pxRound,E=n,D=r*U,O=s*U,k=c*U,ee,A;_.ori==0?[ee,A]=a(e,t):[A,ee]=a(e,t);let te=_.dir*(_.ori==0?1:-1),ne=_.ori==0?io:ao,re=_.ori==0?u:(e,t,n,r,i,a,o)=>{u(e,t,n,i,r,o,a)},ie=q(e.bands,Ur).find(e=>e.series[0]==t),ae=ie==null?0:ie.dir,oe=m.fillTo(e,t,m.min,m.max,ae),j=T(b(oe,v,w,S)),M,N,P,F=C,I=T(m.width*U),se=!1,ce=null,le=null,ue=null,de=null;d!=null&&(I==0||f!=null)&&(se=!0,ce=d.values(e,t,i,p),le=new Map,new Set(ce).forEach(e=>{e!=null&&le.set(e,new Path2D)}),I>0&&(ue=f.values(e,t,i,p),de=new Map,new Set(ue).forEach(e=>{e!=null&&de.set(e,new Path2D)})));let{x0:fe,size:pe}=l;if(fe!=null&&pe!=null){E=1,h=fe.values(e,t,i,p),fe.unit==2&&(h=h.map(t=>e.posToVal(x+t*C,_.key,!0)));let n=pe.values(e,t,i,p);N=pe.unit==2?n[0]*C:y(n[0],_,C,x)-y(0,_,C,x),F=_o(h,g,y,_,C,x,F),P=F-N+D}else F=_o(h,g,y,_,C,x,F),P=F*o+D,N=F-P;P<1&&(P=0),I>=N/2&&(I=0),P<5&&(T=kr);let me=P>0,he=F-P-(me?I:0);N=T(Er(he,k,O)),M=(E==0?N/2:E==te?0:N)-E*te*((E==0?D/2:0)+(me?I/2:0));let ge={stroke:null,fill:null,clip:null,band:null,gaps:null,flags:0},_e=se?null:new Path2D,ve=null;if(ie!=null)ve=e.data[ie.series[1]];else{let{y0:n,y1:r}=l;n!=null&&r!=null&&(g=r.values(e,t,i,p),ve=n.values(e,t,i,p))}let ye=ee*N,be=A*N;for(let n=te==1?i:p;n>=i&&n<=p;n+=te){let r=g[n];if(r==null)continue;if(ve!=null){let e=ve[n]??0;if(r-e==0)continue;j=b(e,v,w,S)}let i=y(_.distr!=2||l!=null?h[n]:n,_,C,x),a=b(q(r,oe),v,w,S),o=T(i-M),s=T(_r(a,j)),c=T(gr(a,j)),u=s-c;if(r!=null){let i=r<0?be:ye,a=r<0?ye:be;se?(I>0&&ue[n]!=null&&ne(de.get(ue[n]),o,c+pr(I/2),N,_r(0,u-I),i,a),ce[n]!=null&&ne(le.get(ce[n]),o,c+pr(I/2),N,_r(0,u-I),i,a)):ne(_e,o,c+pr(I/2),N,_r(0,u-I),i,a),re(e,t,n,o-I/2,c,N+I,u)}}return I>0?ge.stroke=se?de:_e:se||(ge._fill=m.width==0?m._fill:m._stroke??m._fill,ge.width=0),ge.fill=se?le:_e,ge})}function yo(e,t){let n=q(t?.alignGaps,0);return(t,r,i,a)=>Ga(t,r,(o,s,c,l,u,d,f,p,m,h,g)=>{[i,a]=G(c,i,a);let _=o.pxRound,v=e=>_(d(e,l,h,p)),y=e=>_(f(e,u,g,m)),b,x,S;l.ori==0?(b=eo,S=no,x=co):(b=to,S=ro,x=lo);let C=l.dir*(l.ori==0?1:-1),w=v(s[C==1?i:a]),T=w,E=[],D=[];for(let e=C==1?i:a;e>=i&&e<=a;e+=C)if(c[e]!=null){let t=s[e],n=v(t);E.push(T=n),D.push(y(c[e]))}let O={stroke:e(E,D,b,S,x,_),fill:null,clip:null,band:null,gaps:null,flags:Ua},k=O.stroke,[ee,A]=Ka(t,r);if(o.fill!=null||ee!=0){let e=O.fill=new Path2D(k),n=y(o.fillTo(t,r,o.min,o.max,ee));S(e,T,n),S(e,w,n)}if(!o.spanGaps){let e=[];e.push(...Za(s,c,i,a,C,v,n)),O.gaps=e=o.gaps(t,r,i,a,e),O.clip=Ya(e,l.ori,p,m,h,g)}return A!=0&&(O.band=A==2?[Ja(t,r,i,a,k,-1),Ja(t,r,i,a,k,1)]:Ja(t,r,i,a,k,A)),O})}function bo(e){return yo(xo,e)}function xo(e,t,n,r,i,a){let o=e.length;if(o<2)return null;let s=new Path2D;if(n(s,e[0],t[0]),o==2)r(s,e[1],t[1]);else{let n=Array(o),r=Array(o-1),a=Array(o-1),c=Array(o-1);for(let n=0;n<o-1;n++)a[n]=t[n+1]-t[n],c[n]=e[n+1]-e[n],r[n]=a[n]/c[n];n[0]=r[0];for(let e=1;e<o-1;e++)r[e]===0||r[e-1]===0||r[e-1]>0!=r[e]>0?n[e]=0:(n[e]=3*(c[e-1]+c[e])/((2*c[e]+c[e-1])/r[e-1]+(c[e]+2*c[e-1])/r[e]),isFinite(n[e])||(n[e]=0));n[o-1]=r[o-2];for(let r=0;r<o-1;r++)i(s,e[r]+c[r]/3,t[r]+n[r]*c[r]/3,e[r+1]-c[r]/3,t[r+1]-n[r+1]*c[r]/3,e[r+1],t[r+1])}return s}var So=new Set;function Co(){for(let e of So)e.syncRect(!0)}kn&&(qn(wn,jn,Co),qn(Tn,jn,Co,!0),qn(Dn,jn,()=>{zo.pxRatio=U}));var wo=ho(),To=uo();function Eo(e,t,n,r){return(r?[e[0],e[1]].concat(e.slice(2)):[e[0]].concat(e.slice(1))).map((e,r)=>Oo(e,r,t,n))}function Do(e,t){return e.map((e,n)=>n==0?{}:ei({},t,e))}function Oo(e,t,n,r){return ei({},t==0?n:r,e)}function ko(e,t,n){return t==null?Wr:[t,n]}var Ao=ko;function jo(e,t,n){return t==null?Wr:or(t,n,nr,!0)}function Mo(e,t,n,r){return t==null?Wr:er(t,n,e.scales[r].log,!1)}var No=Mo;function Po(e,t,n,r){return t==null?Wr:tr(t,n,e.scales[r].log,!1)}var Fo=Po;function Io(e,t,n,r,i){let a=_r(Tr(e),Tr(t)),o=t-e,s=Yn(i/r*o,n);do{let e=n[s],t=r*e/o;if(t>=i&&a+(e<5?zr.get(e):0)<=17)return[e,t]}while(++s<n.length);return[0,0]}function Lo(e){let t,n;return e=e.replace(/(\d+)px/,(e,r)=>(t=mr((n=+r)*U))+`px`),[e,t,n]}function Ro(e){e.show&&[e.font,e.labelFont].forEach(e=>{let t=X(e[2]*U,1);e[0]=e[0].replace(/[0-9.]+px/,t+`px`),e[1]=t})}function zo(e,t,n){let r={mode:q(e.mode,1)},i=r.mode;function a(e,t,n,r){let i=t.valToPct(e);return r+n*(t.dir==-1?1-i:i)}function o(e,t,n,r){let i=t.valToPct(e);return r+n*(t.dir==-1?i:1-i)}function s(e,t,n,r){return t.ori==0?a(e,t,n,r):o(e,t,n,r)}r.valToPosH=a,r.valToPosV=o;let c=!1;r.status=0;let l=r.root=Rn(Ut);if(e.id!=null&&(l.id=e.id),Fn(l,e.class),e.title){let t=Rn(Kt,l);t.textContent=e.title}let u=Ln(`canvas`),d=r.ctx=u.getContext(`2d`),f=Rn(qt,l);qn(`click`,f,e=>{e.target===m&&(G!=Kn||K!=Xn)&&ar.click(r,e)},!0);let p=r.under=Rn(Jt,f);f.appendChild(u);let m=r.over=Rn(Yt,f);e=$r(e);let h=+q(e.pxAlign,1),g=Qa(h);(e.plugins||[]).forEach(t=>{t.opts&&(e=t.opts(r,e)||e)});let _=e.ms||.001,v=r.series=i==1?Eo(e.series||[],va,La,!1):Do(e.series||[null],Ia),y=r.axes=Eo(e.axes||[],ha,ja,!0),b=r.scales={},x=r.bands=e.bands||[];x.forEach(e=>{e.fill=Y(e.fill||null),e.dir=q(e.dir,-1)});let S=i==2?v[1].facets[0].scale:v[0].scale,C={axes:zt,series:Ot},w=(e.drawOrder||[`axes`,`series`]).map(e=>C[e]);function T(e){let t=e.distr==3?t=>br(t>0?t:e.clamp(r,t,e.min,e.max,e.key)):e.distr==4?t=>Cr(t,e.asinh):e.distr==100?t=>e.fwd(t):e=>e;return n=>{let r=t(n),{_min:i,_max:a}=e,o=a-i;return(r-i)/o}}function E(t){let n=b[t];if(n==null){let r=(e.scales||Hr)[t]||Hr;if(r.from!=null){E(r.from);let e=ei({},b[r.from],r,{key:t});e.valToPct=T(e),b[t]=e}else{n=b[t]=ei({},t==S?za:Ba,r),n.key=t;let e=n.time,a=n.range,o=Gr(a);if((t!=S||i==2&&!e)&&(o&&(a[0]==null||a[1]==null)&&(a={min:a[0]==null?rr:{mode:1,hard:a[0],soft:a[0]},max:a[1]==null?rr:{mode:1,hard:a[1],soft:a[1]}},o=!1),!o&&Yr(a))){let e=a;a=(t,n,r)=>n==null?Wr:or(n,r,e)}n.range=Y(a||(e?Ao:t==S?n.distr==3?No:n.distr==4?Fo:ko:n.distr==3?Mo:n.distr==4?Po:jo)),n.auto=Y(!o&&n.auto),n.clamp=Y(n.clamp||Ra),n._min=n._max=null,n.valToPct=T(n)}}}E(`x`),E(`y`),i==1&&v.forEach(e=>{E(e.scale)}),y.forEach(e=>{E(e.scale)});for(let t in e.scales)E(t);let D=b[S],O=D.distr,k,ee;D.ori==0?(Fn(l,Wt),k=a,ee=o):(Fn(l,Gt),k=o,ee=a);let A={};for(let e in b){let t=b[e];(t.min!=null||t.max!=null)&&(A[e]={min:t.min,max:t.max},t.min=t.max=null)}let te=e.tzDate||(e=>new Date(mr(e/_))),ne=e.fmtDate||vi,re=_==1?zi(te):Hi(te),ie=Wi(te,Ui(_==1?Ri:Vi,ne)),ae=Yi(te,qi(Ji,ne)),oe=[],j=r.legend=ei({},Qi,e.legend),M=r.cursor=ei({},sa,{drag:{y:i==2}},e.cursor),N=j.show,P=M.show,F=j.markers;j.idxs=oe,F.width=Y(F.width),F.dash=Y(F.dash),F.stroke=Y(F.stroke),F.fill=Y(F.fill);let I,se,ce,le=[],ue=[],de,fe=!1,pe={};if(j.live){let e=v[1]?v[1].values:null;fe=e!=null,de=fe?e(r,1,0):{_:0};for(let e in de)pe[e]=On}if(N){if(I=Ln(`table`,nn,l),ce=Ln(`tbody`,null,I),j.mount(r,I),fe){se=Ln(`thead`,null,I,ce);let e=Ln(`tr`,null,se);for(var me in Ln(`th`,null,e),de)Ln(`th`,cn,e).textContent=me}else Fn(I,an),j.live&&Fn(I,rn)}let he={show:!0},ge={show:!1};function _e(e,t){if(t==0&&(fe||!j.live||i==2))return Wr;let n=[],a=Ln(`tr`,on,ce,ce.childNodes[t]);Fn(a,e.class),e.show||Fn(a,Zt);let o=Ln(`th`,null,a);if(F.show){let e=Rn(sn,o);if(t>0){let n=F.width(r,t);n&&(e.style.border=n+`px `+F.dash(r,t)+` `+F.stroke(r,t)),e.style.background=F.fill(r,t)}}let s=Rn(cn,o);for(var c in e.label instanceof HTMLElement?s.appendChild(e.label):s.textContent=e.label,t>0&&(F.show||(s.style.color=e.width>0?F.stroke(r,t):F.fill(r,t)),ye(`click`,o,t=>{if(M._lock)return;Ue(t);let n=v.indexOf(e);if((t.ctrlKey||t.metaKey)!=j.isolate){let e=v.some((e,t)=>t>0&&t!=n&&e.show);v.forEach((t,r)=>{r>0&&Tr(r,e?r==n?he:ge:he,!0,Mi.setSeries)})}else Tr(n,{show:!e.show},!0,Mi.setSeries)},!1),Ke&&ye(xn,o,t=>{M._lock||(Ue(t),Tr(v.indexOf(e),Kr,!0,Mi.setSeries))},!1)),de){let e=Ln(`td`,ln,a);e.textContent=`--`,n.push(e)}return[a,n]}let ve=new Map;function ye(e,t,n,i=!0){let a=ve.get(t)||{},o=M.bind[e](r,t,n,i);o&&(qn(e,t,a[e]=o),ve.set(t,a))}function be(e,t,n){let r=ve.get(t)||{};for(let n in r)(e==null||n==e)&&(Jn(n,t,r[n]),delete r[n]);e??ve.delete(t)}let xe=0,Se=0,L=0,R=0,Ce=0,we=0,z=Ce,Te=we,Ee=L,B=R,De=0,Oe=0,ke=0,Ae=0;r.bbox={};let je=!1,Me=!1,Ne=!1,Pe=!1,Fe=!1,Ie=!1;function Le(e,t,n){(n||e!=r.width||t!=r.height)&&Re(e,t),Bt(!1),Ne=!0,Me=!0,Tn()}function Re(e,t){r.width=xe=L=e,r.height=Se=R=t,Ce=we=0,Ve(),He();let n=r.bbox;De=n.left=Ir(Ce*U,.5),Oe=n.top=Ir(we*U,.5),ke=n.width=Ir(L*U,.5),Ae=n.height=Ir(R*U,.5)}function ze(){let e=!1,t=0;for(;!e;){t++;let n=Lt(t),i=Rt(t);e=t==3||n&&i,e||(Re(r.width,r.height),Me=!0)}}function Be({width:e,height:t}){Le(e,t)}r.setSize=Be;function Ve(){let e=!1,t=!1,n=!1,r=!1;y.forEach((i,a)=>{if(i.show&&i._show){let{side:a,_size:o}=i,s=a%2,c=o+(i.label==null?0:i.labelSize);c>0&&(s?(L-=c,a==3?(Ce+=c,r=!0):n=!0):(R-=c,a==0?(we+=c,e=!0):t=!0))}}),V[0]=e,V[1]=n,V[2]=t,V[3]=r,L-=it[1]+it[3],Ce+=it[3],R-=it[2]+it[0],we+=it[0]}function He(){let e=Ce+L,t=we+R,n=Ce,r=we;function i(i,a){switch(i){case 1:return e+=a,e-a;case 2:return t+=a,t-a;case 3:return n-=a,n+a;case 0:return r-=a,r+a}}y.forEach((e,t)=>{if(e.show&&e._show){let t=e.side;e._pos=i(t,e._size),e.label!=null&&(e._lpos=i(t,e.labelSize))}})}if(M.dataIdx==null){let e=M.hover,n=e.skip=new Set(e.skip??[]);n.add(void 0);let r=e.prox=Y(e.prox),i=e.bias??=0;M.dataIdx=(e,a,o,s)=>{if(a==0)return o;let c=o,l=r(e,a,o,s)??wr,u=l>=0&&l<wr,d=D.ori==0?L:R,f=M.left,p=t[0],m=t[a];if(n.has(m[o])){c=null;let e=null,t=null,r;if(i==0||i==-1)for(r=o;e==null&&r-->0;)n.has(m[r])||(e=r);if(i==0||i==1)for(r=o;t==null&&r++<m.length;)n.has(m[r])||(t=r);if(e!=null||t!=null){if(u){let n=e==null?-1/0:k(p[e],D,d,0),r=t==null?1/0:k(p[t],D,d,0),i=f-n,a=r-f;i<=a?i<=l&&(c=e):a<=l&&(c=t)}else c=t==null?e:e==null?t:o-e<=t-o?e:t}}else u&&fr(f-k(p[o],D,d,0))>l&&(c=null);return c}}let Ue=e=>{M.event=e};M.idxs=oe,M._lock=!1;let We=M.points;We.show=Y(We.show),We.size=Y(We.size),We.stroke=Y(We.stroke),We.width=Y(We.width),We.fill=Y(We.fill);let Ge=r.focus=ei({},e.focus||{alpha:.3},M.focus),Ke=Ge.prox>=0,qe=Ke&&We.one,Je=[],Ye=[],Xe=[];function Ze(e,t){let n=We.show(r,t);if(n instanceof HTMLElement)return Fn(n,tn),Fn(n,e.class),Bn(n,-10,-10,L,R),m.insertBefore(n,Je[t]),n}function Qe(e,t){if(i==1||t>0){let t=i==1&&b[e.scale].time,n=e.value;e.value=t?Jr(n)?Yi(te,qi(n,ne)):n||ae:n||Aa,e.label=e.label||(t?_a:ga)}if(qe||t>0){e.width=e.width==null?1:e.width,e.paths=e.paths||wo||jr,e.fillTo=Y(e.fillTo||qa),e.pxAlign=+q(e.pxAlign,h),e.pxRound=Qa(e.pxAlign),e.stroke=Y(e.stroke||null),e.fill=Y(e.fill||null),e._stroke=e._fill=e._paths=e._focus=null;let t=Ma(_r(1,e.width),1),n=e.points=ei({},{size:t,width:_r(1,t*.2),stroke:e.stroke,space:t*2,paths:To,_stroke:null,_fill:null},e.points);n.show=Y(n.show),n.filter=Y(n.filter),n.fill=Y(n.fill),n.stroke=Y(n.stroke),n.paths=Y(n.paths),n.pxAlign=e.pxAlign}if(N){let n=_e(e,t);le.splice(t,0,n[0]),ue.splice(t,0,n[1]),j.values.push(null)}if(P){oe.splice(t,0,null);let n=null;qe?t==0&&(n=Ze(e,t)):t>0&&(n=Ze(e,t)),Je.splice(t,0,n),Ye.splice(t,0,0),Xe.splice(t,0,0)}Z(`addSeries`,t)}function $e(e,t){t??=v.length,e=i==1?Oo(e,t,va,La):Oo(e,t,{},Ia),v.splice(t,0,e),Qe(v[t],t)}r.addSeries=$e;function et(e){if(v.splice(e,1),N){j.values.splice(e,1),ue.splice(e,1);let t=le.splice(e,1)[0];be(null,t.firstChild),t.remove()}P&&(oe.splice(e,1),Je.splice(e,1)[0].remove(),Ye.splice(e,1),Xe.splice(e,1)),Z(`delSeries`,e)}r.delSeries=et;let V=[!1,!1,!1,!1];function tt(e,t){if(e._show=e.show,e.show){let n=e.side%2,i=b[e.scale];i??=(e.scale=n?v[1].scale:S,b[e.scale]);let a=i.time;e.size=Y(e.size),e.space=Y(e.space),e.rotate=Y(e.rotate),Gr(e.incrs)&&e.incrs.forEach(e=>{!zr.has(e)&&zr.set(e,Br(e))}),e.incrs=Y(e.incrs||(i.distr==2?Ti:a?_==1?Li:Bi:Ei)),e.splits=Y(e.splits||(a&&i.distr==1?re:i.distr==3?xa:i.distr==4?Sa:ba)),e.stroke=Y(e.stroke),e.grid.stroke=Y(e.grid.stroke),e.ticks.stroke=Y(e.ticks.stroke),e.border.stroke=Y(e.border.stroke);let o=e.values;e.values=Gr(o)&&!Gr(o[0])?Y(o):a?Gr(o)?Wi(te,Ui(o,ne)):Jr(o)?Gi(te,o):o||ie:o||ya,e.filter=Y(e.filter||(i.distr>=3&&i.log==10?Oa:i.distr==3&&i.log==2?ka:Ar)),e.font=Lo(e.font),e.labelFont=Lo(e.labelFont),e._size=e.size(r,null,t,0),e._space=e._rotate=e._incrs=e._found=e._splits=e._values=null,e._size>0&&(V[t]=!0,e._el=Rn(Xt,f))}}function nt(e,t,n,r){let[i,a,o,s]=n,c=t%2,l=0;return c==0&&(s||a)&&(l=t==0&&!i||t==2&&!o?mr(ha.size/3):0),c==1&&(i||o)&&(l=t==1&&!a||t==3&&!s?mr(ja.size/2):0),l}let rt=r.padding=(e.padding||[nt,nt,nt,nt]).map(e=>Y(q(e,nt))),it=r._padding=rt.map((e,t)=>e(r,t,V,0)),at,H=null,ot=null,st=i==1?v[0].idxs:null,ct=null,lt=!1;function ut(e,n){if(t=e??[],r.data=r._data=t,i==2){at=0;for(let e=1;e<v.length;e++)at+=t[e][0].length}else{t.length==0&&(r.data=r._data=t=[[]]),ct=t[0],at=ct.length;let e=t;if(O==2){e=t.slice();let n=e[0]=Array(at);for(let e=0;e<at;e++)n[e]=e}r._data=t=e}if(Bt(!0),Z(`setData`),O==2&&(Ne=!0),n!==!1){let e=D;e.auto(r,lt)?dt():xr(S,e.min,e.max),Pe||=M.left>=0,Ie=!0,Tn()}}r.setData=ut;function dt(){lt=!0;let e,n;i==1&&(at>0?(H=st[0]=0,ot=st[1]=at-1,e=t[0][H],n=t[0][ot],O==2?(e=H,n=ot):e==n&&(O==3?[e,n]=er(e,e,D.log,!1):O==4?[e,n]=tr(e,e,D.log,!1):D.time?n=e+mr(86400/_):[e,n]=or(e,n,nr,!0))):(H=st[0]=e=null,ot=st[1]=n=null)),xr(S,e,n)}let ft,pt,mt,ht,gt,_t,vt,yt,bt,xt;function St(e,t,n,r,i,a){e??=_n,n??=Ur,r??=`butt`,i??=_n,a??=`round`,e!=ft&&(d.strokeStyle=ft=e),i!=pt&&(d.fillStyle=pt=i),t!=mt&&(d.lineWidth=mt=t),a!=gt&&(d.lineJoin=gt=a),r!=_t&&(d.lineCap=_t=r),n!=ht&&d.setLineDash(ht=n)}function Ct(e,t,n,r){t!=pt&&(d.fillStyle=pt=t),e!=vt&&(d.font=vt=e),n!=yt&&(d.textAlign=yt=n),r!=bt&&(d.textBaseline=bt=r)}function wt(e,t,n,i,a=0){if(i.length>0&&e.auto(r,lt)&&(t==null||t.min==null)){let t=q(H,0),r=q(ot,i.length-1),o=n.min==null?$n(i,t,r,a,e.distr==3):[n.min,n.max];e.min=gr(e.min,n.min=o[0]),e.max=_r(e.max,n.max=o[1])}}let Tt={min:null,max:null};function Et(){for(let e in b){let t=b[e];A[e]==null&&(t.min==null||A[S]!=null&&t.auto(r,lt))&&(A[e]=Tt)}for(let e in b){let t=b[e];A[e]==null&&t.from!=null&&A[t.from]!=null&&(A[e]=Tt)}A[S]!=null&&Bt(!0);let e={};for(let t in A){let n=A[t];if(n!=null){let a=e[t]=$r(b[t],Xr);if(n.min!=null)ei(a,n);else if(t!=S||i==2){if(at==0&&a.from==null){let e=a.range(r,null,null,t);a.min=e[0],a.max=e[1]}else a.min=wr,a.max=-1/0}}}if(at>0){v.forEach((n,a)=>{if(i==1){let i=n.scale,o=A[i];if(o==null)return;let s=e[i];if(a==0){let e=s.range(r,s.min,s.max,i);s.min=e[0],s.max=e[1],H=Yn(s.min,t[0]),ot=Yn(s.max,t[0]),ot-H>1&&(t[0][H]<s.min&&H++,t[0][ot]>s.max&&ot--),n.min=ct[H],n.max=ct[ot]}else n.show&&n.auto&&wt(s,o,n,t[a],n.sorted);n.idxs[0]=H,n.idxs[1]=ot}else if(a>0&&n.show&&n.auto){let[r,i]=n.facets,o=r.scale,s=i.scale,[c,l]=t[a],u=e[o],d=e[s];u!=null&&wt(u,A[o],r,c,r.sorted),d!=null&&wt(d,A[s],i,l,i.sorted),n.min=i.min,n.max=i.max}});for(let t in e){let n=e[t],i=A[t];if(n.from==null&&(i==null||i.min==null)){let e=n.range(r,n.min==wr?null:n.min,n.max==-1/0?null:n.max,t);n.min=e[0],n.max=e[1]}}}for(let t in e){let n=e[t];if(n.from!=null){let i=e[n.from];if(i.min==null)n.min=n.max=null;else{let e=n.range(r,i.min,i.max,t);n.min=e[0],n.max=e[1]}}}let n={},a=!1;for(let t in e){let r=e[t],i=b[t];if(i.min!=r.min||i.max!=r.max){i.min=r.min,i.max=r.max;let e=i.distr;i._min=e==3?br(i.min):e==4?Cr(i.min,i.asinh):e==100?i.fwd(i.min):i.min,i._max=e==3?br(i.max):e==4?Cr(i.max,i.asinh):e==100?i.fwd(i.max):i.max,n[t]=a=!0}}if(a){v.forEach((e,t)=>{i==2?t>0&&n.y&&(e._paths=null):n[e.scale]&&(e._paths=null)});for(let e in n)Ne=!0,Z(`setScale`,e);P&&M.left>=0&&(Pe=Ie=!0)}for(let e in A)A[e]=null}function Dt(e){let t=Er(H-1,0,at-1),n=Er(ot+1,0,at-1);for(;e[t]==null&&t>0;)t--;for(;e[n]==null&&n<at-1;)n++;return[t,n]}function Ot(){if(at>0){let e=v.some(e=>e._focus)&&xt!=Ge.alpha;e&&(d.globalAlpha=xt=Ge.alpha),v.forEach((e,n)=>{if(n>0&&e.show&&(kt(n,!1),kt(n,!0),e._paths==null)){let a=xt;xt!=e.alpha&&(d.globalAlpha=xt=e.alpha);let o=i==2?[0,t[n][0].length-1]:Dt(t[n]);e._paths=e.paths(r,n,o[0],o[1]),xt!=a&&(d.globalAlpha=xt=a)}}),v.forEach((e,t)=>{if(t>0&&e.show){let n=xt;xt!=e.alpha&&(d.globalAlpha=xt=e.alpha),e._paths!=null&&At(t,!1);{let n=e._paths==null?null:e._paths.gaps,i=e.points.show(r,t,H,ot,n),a=e.points.filter(r,t,i,n);(i||a)&&(e.points._paths=e.points.paths(r,t,H,ot,a),At(t,!0))}xt!=n&&(d.globalAlpha=xt=n),Z(`drawSeries`,t)}}),e&&(d.globalAlpha=xt=1)}}function kt(e,t){let n=t?v[e].points:v[e];n._stroke=n.stroke(r,e),n._fill=n.fill(r,e)}function At(e,t){let n=t?v[e].points:v[e],{stroke:r,fill:i,clip:a,flags:o,_stroke:s=n._stroke,_fill:c=n._fill,_width:l=n.width}=n._paths;l=X(l*U,3);let u=null,f=l%2/2;t&&c==null&&(c=l>0?`#fff`:s);let p=n.pxAlign==1&&f>0;if(p&&d.translate(f,f),!t){let e=De-l/2,t=Oe-l/2,n=ke+l,r=Ae+l;u=new Path2D,u.rect(e,t,n,r)}t?Mt(s,l,n.dash,n.cap,c,r,i,o,a):jt(e,s,l,n.dash,n.cap,c,r,i,o,u,a),p&&d.translate(-f,-f)}function jt(e,n,i,a,o,s,c,l,u,d,f){let p=!1;u!=0&&x.forEach((m,h)=>{if(m.series[0]==e){let e=v[m.series[1]],g=t[m.series[1]],_=(e._paths||Hr).band;Gr(_)&&(_=m.dir==1?_[0]:_[1]);let y,b=null;e.show&&_&&sr(g,H,ot)?(b=m.fill(r,h)||s,y=e._paths.clip):_=null,Mt(n,i,a,o,b,c,l,u,d,f,y,_),p=!0}}),p||Mt(n,i,a,o,s,c,l,u,d,f)}function Mt(e,t,n,r,i,a,o,s,c,l,u,f){St(e,t,n,r,i),(c||l||f)&&(d.save(),c&&d.clip(c),l&&d.clip(l)),f?(s&3)==3?(d.clip(f),u&&d.clip(u),Pt(i,o),Nt(e,a,t)):s&Wa?(Pt(i,o),d.clip(f),Nt(e,a,t)):s&Ua&&(d.save(),d.clip(f),u&&d.clip(u),Pt(i,o),d.restore(),Nt(e,a,t)):(Pt(i,o),Nt(e,a,t)),(c||l||f)&&d.restore()}function Nt(e,t,n){n>0&&(t instanceof Map?t.forEach((e,t)=>{d.strokeStyle=ft=t,d.stroke(e)}):t!=null&&e&&d.stroke(t))}function Pt(e,t){t instanceof Map?t.forEach((e,t)=>{d.fillStyle=pt=t,d.fill(e)}):t!=null&&e&&d.fill(t)}function Ft(e,t,n,i){let a=y[e],o;if(i<=0)o=[0,0];else{let s=a._space=a.space(r,e,t,n,i);o=Io(t,n,a._incrs=a.incrs(r,e,t,n,i,s),i,s)}return a._found=o}function It(e,t,n,r,i,a,o,s,c,l){let u=o%2/2;h==1&&d.translate(u,u),St(s,o,c,l,s),d.beginPath();let f,p,m,g,_=i+(r==0||r==3?-a:a);n==0?(p=i,g=_):(f=i,m=_);for(let r=0;r<e.length;r++)t[r]!=null&&(n==0?f=m=e[r]:p=g=e[r],d.moveTo(f,p),d.lineTo(m,g));d.stroke(),h==1&&d.translate(-u,-u)}function Lt(e){let t=!0;return y.forEach((n,i)=>{if(!n.show)return;let a=b[n.scale];if(a.min==null){n._show&&(t=!1,n._show=!1,Bt(!1));return}n._show||(t=!1,n._show=!0,Bt(!1));let o=n.side,s=o%2,{min:c,max:l}=a,[u,d]=Ft(i,c,l,s==0?L:R);if(d==0)return;let f=a.distr==2,p=n._splits=n.splits(r,i,c,l,u,d,f),m=a.distr==2?p.map(e=>ct[e]):p,h=a.distr==2?ct[p[1]]-ct[p[0]]:u,g=n._values=n.values(r,n.filter(r,m,i,d,h),i,d,h);n._rotate=o==2?n.rotate(r,g,i,d):0;let _=n._size;n._size=hr(n.size(r,g,i,e)),_!=null&&n._size!=_&&(t=!1)}),t}function Rt(e){let t=!0;return rt.forEach((n,i)=>{let a=n(r,i,V,e);a!=it[i]&&(t=!1),it[i]=a}),t}function zt(){for(let e=0;e<y.length;e++){let t=y[e];if(!t.show||!t._show)continue;let n=t.side,i=n%2,a,o,c=t.stroke(r,e),l=n==0||n==3?-1:1,[u,f]=t._found;if(t.label!=null){let s=t.labelGap*l,p=mr((t._lpos+s)*U);Ct(t.labelFont[0],c,`center`,n==2?fn:pn),d.save(),i==1?(a=o=0,d.translate(p,mr(Oe+Ae/2)),d.rotate((n==3?-dr:dr)/2)):(a=mr(De+ke/2),o=p);let m=Dr(t.label)?t.label(r,e,u,f):t.label;d.fillText(m,a,o),d.restore()}if(f==0)continue;let p=b[t.scale],m=i==0?ke:Ae,h=i==0?De:Oe,_=t._splits,v=p.distr==2?_.map(e=>ct[e]):_,x=p.distr==2?ct[_[1]]-ct[_[0]]:u,S=t.ticks,C=t.border,w=S.show?S.size:0,T=mr(w*U),E=mr((t.alignTo==2?t._size-w-t.gap:t.gap)*U),D=t._rotate*-dr/180,O=g(t._pos*U),k=O+(T+E)*l;o=i==0?k:0,a=i==1?k:0;let ee=t.font[0];Ct(ee,c,t.align==1?mn:t.align==2?hn:D>0?mn:D<0?hn:i==0?`center`:n==3?hn:mn,D||i==1?`middle`:n==2?fn:pn);let A=t.font[1]*t.lineGap,te=_.map(e=>g(s(e,p,m,h))),ne=t._values;for(let e=0;e<ne.length;e++){let t=ne[e];if(t!=null){i==0?a=te[e]:o=te[e],t=``+t;let n=t.indexOf(`
`)==-1?[t]:t.split(/\n/gm);for(let e=0;e<n.length;e++){let t=n[e];D?(d.save(),d.translate(a,o+e*A),d.rotate(D),d.fillText(t,0,0),d.restore()):d.fillText(t,a,o+e*A)}}}S.show&&It(te,S.filter(r,v,e,f,x),i,n,O,T,X(S.width*U,3),S.stroke(r,e),S.dash,S.cap);let re=t.grid;re.show&&It(te,re.filter(r,v,e,f,x),i,i==0?2:1,i==0?Oe:De,i==0?Ae:ke,X(re.width*U,3),re.stroke(r,e),re.dash,re.cap),C.show&&It([O],[1],+(i==0),i==0?1:2,i==1?Oe:De,i==1?Ae:ke,X(C.width*U,3),C.stroke(r,e),C.dash,C.cap)}Z(`drawAxes`)}function Bt(e){v.forEach((t,n)=>{n>0&&(t._paths=null,e&&(i==1?(t.min=null,t.max=null):t.facets.forEach(e=>{e.min=null,e.max=null})))})}let Vt=!1,Ht=!1,gn=[];function wn(){Ht=!1;for(let e=0;e<gn.length;e++)Z(...gn[e]);gn.length=0}function Tn(){Vt||=(oi(kn),!0)}function En(e,t=!1){Vt=!0,Ht=t,e(r),kn(),t&&gn.length>0&&queueMicrotask(wn)}r.batch=En;function kn(){if(je&&=(Et(),!1),Ne&&=(ze(),!1),Me){if(W(p,mn,Ce),W(p,fn,we),W(p,un,L),W(p,dn,R),W(m,mn,Ce),W(m,fn,we),W(m,un,L),W(m,dn,R),W(f,un,xe),W(f,dn,Se),u.width=mr(xe*U),u.height=mr(Se*U),y.forEach(({_el:e,_show:t,_size:n,_pos:r,side:i})=>{if(e!=null){if(t){let t=i===3||i===0?n:0,a=i%2==1;W(e,a?`left`:`top`,r-t),W(e,a?`width`:`height`,n),W(e,a?`top`:`left`,a?we:Ce),W(e,a?`height`:`width`,a?R:L),In(e,Zt)}else Fn(e,Zt)}}),ft=pt=mt=gt=_t=vt=yt=bt=ht=null,xt=1,fi(!0),Ce!=z||we!=Te||L!=Ee||R!=B){Bt(!1);let e=L/Ee,t=R/B;if(P&&!Pe&&M.left>=0){M.left*=e,M.top*=t,zn&&Bn(zn,mr(M.left),0,L,R),Vn&&Bn(Vn,0,mr(M.top),L,R);for(let n=0;n<Je.length;n++){let r=Je[n];r!=null&&(Ye[n]*=e,Xe[n]*=t,Bn(r,hr(Ye[n]),hr(Xe[n]),L,R))}}if(J.show&&!Fe&&J.left>=0&&J.width>0){J.left*=e,J.width*=e,J.top*=t,J.height*=t;for(let e in hi)W(ur,e,J[e])}z=Ce,Te=we,Ee=L,B=R}Z(`setSize`),Me=!1}xe>0&&Se>0&&(d.clearRect(0,0,u.width,u.height),Z(`drawClear`),w.forEach(e=>e()),Z(`draw`)),J.show&&Fe&&(pr(J),Fe=!1),P&&Pe&&(ui(null,!0,!1),Pe=!1),j.show&&j.live&&Ie&&(ci(),Ie=!1),c||(c=!0,r.status=1,Z(`ready`)),lt=!1,Vt=!1}r.redraw=(e,t)=>{Ne=t||!1,e===!1?Tn():xr(S,D.min,D.max)};function Mn(e,n){let i=b[e];if(i.from==null){if(at==0){let t=i.range(r,n.min,n.max,e);n.min=t[0],n.max=t[1]}if(n.min>n.max){let e=n.min;n.min=n.max,n.max=e}if(at>1&&n.min!=null&&n.max!=null&&n.max-n.min<1e-16)return;e==S&&i.distr==2&&at>0&&(n.min=Yn(n.min,t[0]),n.max=Yn(n.max,t[0]),n.min==n.max&&n.max++),A[e]=n,je=!0,Tn()}}r.setScale=Mn;let Nn,Pn,zn,Vn,Un,Gn,Kn,Xn,Zn,Qn,G,K,ir=!1,ar=M.drag,cr=ar.x,lr=ar.y;P&&(M.x&&(Nn=Rn($t,m)),M.y&&(Pn=Rn(en,m)),D.ori==0?(zn=Nn,Vn=Pn):(zn=Pn,Vn=Nn),G=M.left,K=M.top);let J=r.select=ei({show:!0,over:!0,left:0,width:0,top:0,height:0},e.select),ur=J.show?Rn(Qt,J.over?m:p):null;function pr(e,t){if(J.show){for(let t in e)J[t]=e[t],t in hi&&W(ur,t,e[t]);t!==!1&&Z(`setSelect`)}}r.setSelect=pr;function yr(e){if(v[e].show)N&&In(le[e],Zt);else if(N&&Fn(le[e],Zt),P){let t=qe?Je[0]:Je[e];t!=null&&Bn(t,-10,-10,L,R)}}function xr(e,t,n){Mn(e,{min:t,max:n})}function Tr(e,t,n,a){t.focus!=null&&Zr(e),t.show!=null&&v.forEach((n,r)=>{r>0&&(e==r||e==null)&&(n.show=t.show,yr(r),i==2?(xr(n.facets[0].scale,null,null),xr(n.facets[1].scale,null,null)):xr(n.scale,null,null),Tn())}),n!==!1&&Z(`setSeries`,e,t),a&&Fi(`setSeries`,r,e,t)}r.setSeries=Tr;function Or(e,t){ei(x[e],t)}function kr(e,t){e.fill=Y(e.fill||null),e.dir=q(e.dir,-1),t??=x.length,x.splice(t,0,e)}function Pr(e){e==null?x.length=0:x.splice(e,1)}r.addBand=kr,r.setBand=Or,r.delBand=Pr;function Fr(e,t){v[e].alpha=t,P&&Je[e]!=null&&(Je[e].style.opacity=t),N&&le[e]&&(le[e].style.opacity=t)}let Lr,Rr,Vr,Kr={focus:!0};function Zr(e){if(e!=Vr){let t=e==null,n=Ge.alpha!=1;v.forEach((r,a)=>{if(i==1||a>0){let i=t||a==0||a==e;r._focus=t?null:i,n&&Fr(a,i?1:Ge.alpha)}}),Vr=e,n&&Tn()}}N&&Ke&&ye(Sn,I,e=>{M._lock||(Ue(e),Vr!=null&&Tr(null,Kr,!0,Mi.setSeries))});function Qr(e,t,n){let r=b[t];n&&(e=e/U-(r.ori==1?we:Ce));let i=L;r.ori==1&&(i=R,e=i-e),r.dir==-1&&(e=i-e);let a=r._min,o=r._max,s=e/i,c=a+(o-a)*s,l=r.distr;return l==3?vr(10,c):l==4?Sr(c,r.asinh):l==100?r.bwd(c):c}function ti(e,n){return Yn(Qr(e,S,n),t[0],H,ot)}r.valToIdx=e=>Yn(e,t[0]),r.posToIdx=ti,r.posToVal=Qr,r.valToPos=(e,t,n)=>b[t].ori==0?a(e,b[t],n?ke:L,n?De:0):o(e,b[t],n?Ae:R,n?Oe:0),r.setCursor=(e,t,n)=>{G=e.left,K=e.top,ui(null,t,n)};function ni(e,t){W(ur,mn,J.left=e),W(ur,un,J.width=t)}function ri(e,t){W(ur,fn,J.top=e),W(ur,dn,J.height=t)}let ii=D.ori==0?ni:ri,ai=D.ori==1?ni:ri;function si(){if(N&&j.live)for(let e=+(i==2);e<v.length;e++){if(e==0&&fe)continue;let t=j.values[e],n=0;for(let r in t)ue[e][n++].firstChild.nodeValue=t[r]}}function ci(e,t){if(e!=null&&(e.idxs?e.idxs.forEach((e,t)=>{oe[t]=e}):qr(e.idx)||oe.fill(e.idx),j.idx=oe[0]),N&&j.live){for(let e=0;e<v.length;e++)(e>0||i==1&&!fe)&&li(e,oe[e]);si()}Ie=!1,t!==!1&&Z(`setLegend`)}r.setLegend=ci;function li(e,n){let i=v[e],a=e==0&&O==2?ct:t[e],o;fe?o=i.values(r,e,n)??pe:(o=i.value(r,n==null?null:a[n],e,n),o=o==null?pe:{_:o}),j.values[e]=o}function ui(e,n,a){Zn=G,Qn=K,[G,K]=M.move(r,G,K),M.left=G,M.top=K,P&&(zn&&Bn(zn,mr(G),0,L,R),Vn&&Bn(Vn,0,mr(K),L,R));let o,s=H>ot;Lr=wr,Rr=null;let c=D.ori==0?L:R,l=D.ori==1?L:R;if(G<0||at==0||s){o=M.idx=null;for(let e=0;e<v.length;e++){let t=Je[e];t!=null&&Bn(t,-10,-10,L,R)}Ke&&Tr(null,Kr,!0,e==null&&Mi.setSeries),j.live&&(oe.fill(o),Ie=!0)}else{let e,n,a;i==1&&(e=D.ori==0?G:K,n=Qr(e,S),o=M.idx=Yn(n,t[0],H,ot),a=k(t[0][o],D,c,0));let s=-10,u=-10,d=0,f=0,p=!0,m=``,h=``;for(let e=+(i==2);e<v.length;e++){let g=v[e],_=oe[e],y=_==null?null:i==1?t[e][_]:t[e][1][_],x=M.dataIdx(r,e,o,n),S=x==null?null:i==1?t[e][x]:t[e][1][x];if(Ie=Ie||S!=y||x!=_,oe[e]=x,e>0&&g.show){let n=x==null?-10:x==o?a:k(i==1?t[0][x]:t[e][0][x],D,c,0),_=S==null?-10:ee(S,i==1?b[g.scale]:b[g.facets[1].scale],l,0);if(Ke&&S!=null){let t=D.ori==1?G:K,n=fr(Ge.dist(r,e,x,_,t));if(n<Lr){let r=Ge.bias;if(r!=0){let i=Qr(t,g.scale),a=S>=0?1:-1,o=i>=0?1:-1;o==a&&(o==1?r==1?S>=i:S<=i:r==1?S<=i:S>=i)&&(Lr=n,Rr=e)}else Lr=n,Rr=e}}if(Ie||qe){let t,i;D.ori==0?(t=n,i=_):(t=_,i=n);let a,o,c,l,g,v,y=!0,b=We.bbox;if(b!=null){y=!1;let t=b(r,e);c=t.left,l=t.top,a=t.width,o=t.height}else c=t,l=i,a=o=We.size(r,e);if(v=We.fill(r,e),g=We.stroke(r,e),qe)e==Rr&&Lr<=Ge.prox&&(s=c,u=l,d=a,f=o,p=y,m=v,h=g);else{let t=Je[e];t!=null&&(Ye[e]=c,Xe[e]=l,Wn(t,a,o,y),Hn(t,v,g),Bn(t,hr(c),hr(l),L,R))}}}}if(qe){let e=Ge.prox;if(Ie||(Vr==null?Lr<=e:Lr>e||Rr!=Vr)){let e=Je[0];e!=null&&(Ye[0]=s,Xe[0]=u,Wn(e,d,f,p),Hn(e,m,h),Bn(e,hr(s),hr(u),L,R))}}}if(J.show&&ir){if(e!=null){let[t,n]=Mi.scales,[r,i]=Mi.match,[a,o]=e.cursor.sync.scales,s=e.cursor.drag;if(cr=s._x,lr=s._y,cr||lr){let{left:s,top:u,width:d,height:f}=e.select,p=e.scales[a].ori,m=e.posToVal,h,g,_,v,y,x=t!=null&&r(t,a),S=n!=null&&i(n,o);x&&cr?(p==0?(h=s,g=d):(h=u,g=f),_=b[t],v=k(m(h,a),_,c,0),y=k(m(h+g,a),_,c,0),ii(gr(v,y),fr(y-v))):ii(0,c),S&&lr?(p==1?(h=s,g=d):(h=u,g=f),_=b[n],v=ee(m(h,o),_,l,0),y=ee(m(h+g,o),_,l,0),ai(gr(v,y),fr(y-v))):ai(0,l)}else gi()}else{let e=fr(Zn-Un),t=fr(Qn-Gn);if(D.ori==1){let n=e;e=t,t=n}cr=ar.x&&e>=ar.dist,lr=ar.y&&t>=ar.dist;let n=ar.uni;n==null?ar.x&&ar.y&&(cr||lr)&&(cr=lr=!0):cr&&lr&&(cr=e>=n,lr=t>=n,!cr&&!lr&&(t>e?lr=!0:cr=!0));let r,i;cr&&(D.ori==0?(r=Kn,i=G):(r=Xn,i=K),ii(gr(r,i),fr(i-r)),lr||ai(0,l)),lr&&(D.ori==1?(r=Kn,i=G):(r=Xn,i=K),ai(gr(r,i),fr(i-r)),cr||ii(0,c)),!cr&&!lr&&(ii(0,0),ai(0,0))}}if(ar._x=cr,ar._y=lr,e==null){if(a){if(Ni!=null){let[e,t]=Mi.scales;Mi.values[0]=e==null?null:Qr(D.ori==0?G:K,e),Mi.values[1]=t==null?null:Qr(D.ori==1?G:K,t)}Fi(vn,r,G,K,L,R,o)}if(Ke){let e=a&&Mi.setSeries,t=Ge.prox;Vr==null?Lr<=t&&Tr(Rr,Kr,!0,e):Lr>t?Tr(null,Kr,!0,e):Rr!=Vr&&Tr(Rr,Kr,!0,e)}}Ie&&(j.idx=o,ci()),n!==!1&&Z(`setCursor`)}let di=null;Object.defineProperty(r,"rect",{get(){return di??fi(!1),di}});function fi(e=!1){e?di=null:(di=m.getBoundingClientRect(),Z(`syncRect`,di))}function pi(e,t,n,r,i,a,o){M._lock||ir&&e!=null&&e.movementX==0&&e.movementY==0||(mi(e,t,n,r,i,a,o,!1,e!=null),e==null?ui(t,!0,!1):ui(null,!0,!0))}function mi(e,t,n,i,a,o,c,l,u){if(di??fi(!1),Ue(e),e!=null)n=e.clientX-di.left,i=e.clientY-di.top;else{if(n<0||i<0){G=-10,K=-10;return}let[e,r]=Mi.scales,c=t.cursor.sync,[l,u]=c.values,[d,f]=c.scales,[p,m]=Mi.match,h=t.axes[0].side%2==1,g=D.ori==0?L:R,_=D.ori==1?L:R,v=h?o:a,y=h?a:o,x=h?i:n,S=h?n:i;if(n=d==null?x/v*g:p(e,d)?s(l,b[e],g,0):-10,i=f==null?S/y*_:m(r,f)?s(u,b[r],_,0):-10,D.ori==1){let e=n;n=i,i=e}}u&&(t==null||t.cursor.event.type==vn)&&((n<=1||n>=L-1)&&(n=Ir(n,L)),(i<=1||i>=R-1)&&(i=Ir(i,R))),l?(Un=n,Gn=i,[Kn,Xn]=M.move(r,n,i)):(G=n,K=i)}let hi={width:0,height:0,left:0,top:0};function gi(){pr(hi,!1)}let _i,yi,bi,xi;function Si(e,t,n,i,a,o,s){ir=!0,cr=lr=ar._x=ar._y=!1,mi(e,t,n,i,a,o,s,!0,!1),e!=null&&(ye(bn,An,Ci,!1),Fi(yn,r,Kn,Xn,L,R,null));let{left:c,top:l,width:u,height:d}=J;_i=c,yi=l,bi=u,xi=d}function Ci(e,t,n,i,a,o,s){ir=ar._x=ar._y=!1,mi(e,t,n,i,a,o,s,!1,!0);let{left:c,top:l,width:u,height:d}=J,f=u>0||d>0,p=_i!=c||yi!=l||bi!=u||xi!=d;if(f&&p&&pr(J),ar.setScale&&f&&p){let e=c,t=u,n=l,r=d;if(D.ori==1&&(e=l,t=d,n=c,r=u),cr&&xr(S,Qr(e,S),Qr(e+t,S)),lr)for(let e in b){let t=b[e];e!=S&&t.from==null&&t.min!=wr&&xr(e,Qr(n+r,e),Qr(n,e))}gi()}else M.lock&&(M._lock=!M._lock,ui(t,!0,e!=null));e!=null&&(be(bn,An),Fi(bn,r,G,K,L,R,null))}function wi(e,t,n,r,i,a,o){if(M._lock)return;Ue(e);let s=ir;if(ir){let e=!0,t=!0,n,r;D.ori==0?(n=cr,r=lr):(n=lr,r=cr),n&&r&&(e=G<=10||G>=L-10,t=K<=10||K>=R-10),n&&e&&(G=G<Kn?0:L),r&&t&&(K=K<Xn?0:R),ui(null,!0,!0),ir=!1}G=-10,K=-10,oe.fill(null),ui(null,!0,!0),s&&(ir=s)}function Di(e,t,n,i,a,o,s){M._lock||(Ue(e),dt(),gi(),e!=null&&Fi(Cn,r,G,K,L,R,null))}function Oi(){y.forEach(Ro),Le(r.width,r.height,!0)}qn(Dn,jn,Oi);let ki={};ki.mousedown=Si,ki.mousemove=pi,ki.mouseup=Ci,ki.dblclick=Di,ki.setSeries=(e,t,n,i)=>{let a=Mi.match[2];n=a(r,t,n),n!=-1&&Tr(n,i,!0,!1)},P&&(ye(yn,m,Si),ye(vn,m,pi),ye(xn,m,e=>{Ue(e),fi(!1)}),ye(Sn,m,wi),ye(Cn,m,Di),So.add(r),r.syncRect=fi);let Ai=r.hooks=e.hooks||{};function Z(e,t,n){Ht?gn.push([e,t,n]):e in Ai&&Ai[e].forEach(e=>{e.call(null,r,t,n)})}(e.plugins||[]).forEach(e=>{for(let t in e.hooks)Ai[t]=(Ai[t]||[]).concat(e.hooks[t])});let ji=(e,t,n)=>n,Mi=ei({key:null,setSeries:!1,filters:{pub:Mr,sub:Mr},scales:[S,v[1]?v[1].scale:null],match:[Nr,Nr,ji],values:[null,null]},M.sync);Mi.match.length==2&&Mi.match.push(ji),M.sync=Mi;let Ni=Mi.key,Pi=Ha(Ni);function Fi(e,t,n,r,i,a,o){Mi.filters.pub(e,t,n,r,i,a,o)&&Pi.pub(e,t,n,r,i,a,o)}Pi.sub(r);function Q(e,t,n,r,i,a,o){Mi.filters.sub(e,t,n,r,i,a,o)&&ki[e](null,t,n,r,i,a,o)}r.pub=Q;function Ii(){Pi.unsub(r),So.delete(r),ve.clear(),Jn(Dn,jn,Oi),l.remove(),I?.remove(),Z(`destroy`)}r.destroy=Ii;function Ki(){Z(`init`,e,t),ut(t||e.data,!1),A[S]?Mn(S,A[S]):dt(),Fe=J.show&&(J.width>0||J.height>0),Pe=Ie=!0,Le(e.width,e.height)}return v.forEach(Qe),y.forEach(tt),n?n instanceof HTMLElement?(n.appendChild(l),Ki()):n(r,Ki):Ki(),r}zo.assign=ei,zo.fmtNum=J,zo.rangeNum=or,zo.rangeLog=er,zo.rangeAsinh=tr,zo.orient=Ga,zo.pxRatio=U,zo.join=ai,zo.fmtDate=vi,zo.tzDate=bi,zo.sync=Ha;{zo.addGap=Xa,zo.clipGaps=Ya;let e=zo.paths={points:uo};e.linear=ho,e.stepped=go,e.bars=vo,e.spline=bo}function Bo(e){return Object.entries(e).map(([e,t])=>({label:e,...t}))}var Vo=.75,Ho=600,Uo=(()=>{let e=[];for(let t=0;t<16;t++)for(let n of[1,2,5])e.push(n*10**t);return e})();function Wo(e,t){return{width:e>0?e:Ho,height:Number.isFinite(t)&&t>40?t:260}}function Go(e,t,n,r){let i=e.yRange;if(i!==null&&Ko(i,r))return[i[0],i[1]];let a=t!==null&&Number.isFinite(t)&&(!r||t>0)?t:1/0,o=n!==null&&Number.isFinite(n)&&(!r||n>0)?n:-1/0;a===1/0&&o>-1/0&&(a=o);let s=[...e.band??[],...e.refLines].filter(e=>Number.isFinite(e)&&(!r||e>0));for(let e of s)a=Math.min(a,e),o=Math.max(o,e);return a<=o?r?zo.rangeLog(a,o,10,!0):zo.rangeNum(a,o,.1,!0):r?[1,10]:[0,1]}function Ko(e,t){let[n,r]=e;return Number.isFinite(n)&&Number.isFinite(r)&&n<r&&(!t||n>0)}function qo(e){return Math.max(40,16+7*Math.max(0,...(e??[]).map(e=>String(e).length)))}function Jo(e,t,n,r,i,a,o=[void 0,void 0]){return JSON.stringify([e.map(e=>[e.label,e.width,e.dash,e.faint]),t,n,r,i,[...a],o])}function Yo(e,t){return e.dash??Ot(t)}function Xo(e){let{fg:t,grid:r,font:i}=e.colors,a=e.log,o=`12px ${i}`,s=(e,t)=>t.map(e=>e==null?``:n(e)),c=e.xLabel??_(e.lang,`chart.iteration`),l=e.yLabel??``,u=`600 12px ${i}`,d=e=>e===``?{}:{label:e,labelSize:18,labelFont:u,labelGap:0};return{...e.size,legend:{show:!1},padding:[16,12,0,0],scales:{x:{time:!1},y:{distr:a?3:1,log:10,range:(t,n,r)=>Go(e.rangeInputs(),n,r,a)}},axes:[{stroke:t,font:o,grid:{stroke:r,width:1},ticks:{stroke:r,width:1},incrs:[...Uo],...c===``?{}:{size:34},...d(c)},{stroke:t,font:o,grid:{stroke:r,width:1},ticks:{stroke:r,width:1},values:s,size:(e,t)=>qo(t),...d(l)}],series:[{label:c||_(e.lang,`chart.iteration`)},...e.series.map((n,r)=>{let i=e.colors.series[r]??t,a=Yo(n,r);return{label:n.label,show:!e.hidden.has(n.label),stroke:i,width:n.width??(n.faint===!0?1:1.5),...a===void 0?{}:{dash:a},alpha:n.faint===!0?Vo:1,spanGaps:!1,points:{size:5,fill:i,stroke:i,filter:(t,n,r)=>{if(r)return null;let i=e.isolated()[n-1];return i!==void 0&&i.length>0?i:null}}}})],cursor:{drag:{x:e.selectable,y:!1,setScale:!1,dist:4},points:{size:7,width:1.5}},select:{show:e.selectable,left:0,top:0,width:0,height:0},hooks:e.hooks}}function Zo(e){let t=1/0,n=-1/0;for(let r of e)for(let e of r)e!==null&&Number.isFinite(e)&&(e<t&&(t=e),e>n&&(n=e));return t<=n?[t,n]:null}var Qo=-10;function $o(e){let t=Zo(e);if(t===null)return null;let[n,r]=t,i=Math.ceil(r),a=Math.min(Math.floor(Math.max(n,Qo)),Math.floor(r));return a===i?[a-1,i+1]:[a,i]}var es=[-4,-2];function ts(e){let[t,n]=es,r=$o(e);return r===null?[t-1,n+1]:[Math.min(r[0],t-1),Math.max(r[1],n+1)]}function ns(e){let t=Zo(e);if(t===null)return null;let n=Math.min(0,t[0]),r=t[1];return r>n?[n,r]:n===0?[0,1]:[n,0]}function rs(e,t=5){if(!Number.isFinite(e)||e<=0)return[0,1];let n=e/t,r=10**Math.floor(Math.log10(n)),i=[1,2,5,10].map(e=>e*r).find(e=>e>=n)??10*r,a=Math.max(1,i>=1?Math.round(i):i),o=[];for(let t=0;o.push(Number(t.toPrecision(12))),!(t>=e);t+=a);return o}function is(e,t,n=5){return!Number.isFinite(e)||!Number.isFinite(t)?[]:e===t||n<2?[e]:Array.from({length:n},(r,i)=>i===n-1?t:e+(t-e)*i/(n-1))}var as=class extends Ue{static{this.properties={label:{type:String},lang:{type:String},theme:{type:String,reflect:!0}}}constructor(){super(),this.label=``}get language(){return h(this.lang)}connectedCallback(){super.connectedCallback(),this.toggleAttribute(`data-inherit-theme`,Bt(this))}};function os(e,t,n,r,i=r-1){let a=t?Math.max(1,Math.round(r*.1)):1,o;switch(e){case`ArrowLeft`:o=n==null?i:n-a;break;case`ArrowRight`:o=n==null?i:n+a;break;case`Home`:o=0;break;case`End`:o=r-1;break;default:return null}return Math.max(0,Math.min(r-1,o))}function ss(e,t,n,r){let i=t[r];if(i===void 0)return null;let a=e.valToPos(i,`x`),o=e.over.clientHeight/2;for(let t=0;t<n.length;t++){let i=n[t]?.[r];if(typeof i==`number`&&e.series[t+1]?.show!==!1){o=e.valToPos(i,`y`);break}}return{left:a,top:o}}function cs(e){return n(e??null)}function ls(e,t,n,r,i,a,o){let s=[],c=[];t.forEach((e,t)=>{let r=cs(n[t]?.[a]);s.push(r),i.has(e)||c.push(`${V(e)} = ${r}`)});let l=r[a];if(l===void 0)return{legend:s,readout:null,at:null};let u=c.join(`, `);if(o===void 0||o===``)return{legend:s,readout:_(e,`chart.readout`,{iteration:l,values:u}),at:`${_(e,`chart.iteration`)} ${l}`};let d=`${V(o)} ${l}`;return{legend:s,readout:`${d}: ${u}`,at:d}}var us=class{constructor(e,t=500,n=()=>performance.now()){this.timer=null,this.lastAt=-1/0,this.pending=``,this.write=e,this.intervalMs=t,this.now=n}announce(e){if(this.pending=e,this.timer!==null)return;let t=this.lastAt+this.intervalMs-this.now();t<=0?this.flush():this.timer=setTimeout(()=>this.flush(),t)}cancel(){this.timer!==null&&clearTimeout(this.timer),this.timer=null}flush(){this.timer=null,this.lastAt=this.now(),this.write(this.pending)}};function ds(e){return typeof e==`number`?e:e===`Infinity`?1/0:e===`-Infinity`?-1/0:NaN}function fs(e){if(e==null||!Array.isArray(e.counts)||e.counts.length===0)return[];let t=e.counts.map(e=>typeof e==`number`&&Number.isFinite(e)&&e>0?e:0),n=ds(e.min),r=ds(e.max);if(n===r)return[{from:n,to:r,count:t.reduce((e,t)=>e+t,0)}];let i=t.length,a=(r-n)/i;return t.map((e,t)=>({from:t===0?n:n+a*t,to:t===i-1?r:n+a*(t+1),count:e}))}function ps(e,t,n){return n<=0?null:os(e,!1,t,n,0)}function ms(e){return typeof e==`number`&&Number.isFinite(e)&&e>0}function hs(e,t){if(!ms(t.total))return null;let n=[];ms(t.nan)&&n.push(`${_(e,`chart.nan`)} ${H(t.nan)}`),ms(t.posinf)&&n.push(`${_(e,`chart.posinf`)} ${H(t.posinf)}`),ms(t.neginf)&&n.push(`${_(e,`chart.neginf`)} ${H(t.neginf)}`);let r=H(t.total);return n.length===0?_(e,`histogram.all_nonfinite_plain`,{count:r}):_(e,`histogram.all_nonfinite`,{count:r,detail:n.join(`, `)})}var gs=220,_s=3,vs=class extends as{static{this.properties={...as.properties,histogram:{attribute:!1},nonfinite:{type:Number},nanCount:{type:Number,attribute:`nan-count`},posinfCount:{type:Number,attribute:`posinf-count`},neginfCount:{type:Number,attribute:`neginf-count`},xLabel:{type:String,attribute:`x-label`},yLabel:{type:String,attribute:`y-label`},height:{type:Number},tableView:{state:!0},active:{state:!0}}}static{this.styles=[...zt,w`
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
    `]}constructor(){super(),this.bins=[],this.histogram=null,this.nonfinite=0,this.nanCount=null,this.posinfCount=null,this.neginfCount=null,this.xLabel=void 0,this.yLabel=void 0,this.height=gs,this.tableView=!1,this.active=null}willUpdate(e){e.has(`histogram`)&&(this.bins=fs(this.histogram),this.active!==null&&this.active>=this.bins.length&&(this.active=null))}updated(){this.dataset.bins=String(this.bins.length),this.active===null?delete this.dataset.active:this.dataset.active=String(this.active)}rangeText(e,t){return _(e,`histogram.range`,{from:n(t.from),to:n(t.to)})}binText(e,t){return _(e,`histogram.bin_readout`,{range:this.rangeText(e,t),count:H(t.count)})}onKeyDown(e){if(e.key===`Escape`){this.active=null;return}let t=ps(e.key,this.active,this.bins.length);t!==null&&(e.preventDefault(),this.active=t)}renderBars(e){let t=this.bins,r=rs(Math.max(0,...t.map(e=>e.count))),i=r[r.length-1]??1,a=t.length,o=t[0],s=t[a-1],c=o===void 0||s===void 0?[]:is(o.from,s.to,_s),l=s!==void 0&&o!==void 0?s.to-o.from:0,u=this.xLabel??_(e,`histogram.value`),d=this.yLabel??_(e,`histogram.count`),f=Number.isFinite(this.height)&&this.height>40?this.height:gs,p=this.active;return z`<div
      part="plot"
      class="plot"
      role="application"
      tabindex="0"
      aria-label=${this.label||_(e,`histogram.count`)}
      ?hidden=${this.tableView}
      style="--_hist-height: ${f}px"
      @keydown=${e=>this.onKeyDown(e)}
      @pointerleave=${()=>this.active=null}
      @blur=${()=>this.active=null}
    >
      ${d===``?B:z`<div class="ytitle" aria-hidden="true">${d}</div>`}
      <div class="yaxis" aria-hidden="true">
        ${r.map(e=>z`<span style="bottom: ${100*e/i}%">${H(e)}</span>`)}
      </div>
      <svg class="bars" viewBox="0 0 ${a} ${i}" preserveAspectRatio="none">
        ${r.slice(1).map(e=>Te`<line class="grid" x1="0" x2=${a} y1=${i-e} y2=${i-e}></line>`)}
        ${t.map((t,n)=>Te`<rect class="hit" x=${n} y="0" width="1" height=${i} ?data-active=${n===p}
              @pointerenter=${()=>this.active=n}></rect><rect class="bar" x=${n} y=${i-t.count} width="1" height=${t.count} ?data-active=${n===p}
              @pointerenter=${()=>this.active=n}><title>${this.binText(e,t)}</title></rect>`)}
      </svg>
      <div class="xaxis" aria-hidden="true">
        ${c.map((e,t)=>z`<span style="left: ${l>0&&o!==void 0?100*(e-o.from)/l:t>0?100:0}%">${n(e)}</span>`)}
      </div>
      ${u===``?B:z`<div class="xtitle" aria-hidden="true">${u}</div>`}
    </div>`}renderTable(e){return z`<div class="tablewrap">
      <table part="table" class="data" aria-label=${this.label||B}>
        <thead>
          <tr>
            <th scope="col">${_(e,`histogram.bin`)}</th>
            <th scope="col">${_(e,`histogram.count`)}</th>
          </tr>
        </thead>
        <tbody>
          ${this.bins.map(t=>z`<tr>
                <th scope="row">${this.rangeText(e,t)}</th>
                <td>${t.count}</td>
              </tr>`)}
        </tbody>
      </table>
    </div>`}render(){let e=this.language,t=Number.isFinite(this.nonfinite)&&this.nonfinite>0?this.nonfinite:0;if(this.bins.length===0){let n=hs(e,{total:t,nan:this.nanCount,posinf:this.posinfCount,neginf:this.neginfCount});return n===null?z`<p class="muted empty">${_(e,`chart.no_data`)}</p>`:z`<p part="nonfinite" class="nonfinite empty" data-all>${n}</p>`}let n=t>0?z`<p part="nonfinite" class="nonfinite">
            ${_(e,`histogram.nonfinite`,{count:H(t)})}
          </p>`:B,r=this.active===null?void 0:this.bins[this.active],i=r===void 0||this.tableView?``:this.binText(e,r);return z`
      <div part="toolbar" class="toolbar">
        <button
          type="button"
          aria-pressed=${this.tableView?`true`:`false`}
          @click=${()=>this.tableView=!this.tableView}
        >
          ${_(e,`chart.table`)}
        </button>
      </div>
      ${this.renderBars(e)}
      <p part="readout" class="readout" aria-live="polite">${i}</p>
      ${this.tableView?this.renderTable(e):B} ${n}
    `}};u(`train-histogram`,vs);var $=e=>Math.round(e*10)/10;function ys(e,t,n={}){let r=n.rowGap??36,i=n.colGap??20,a=n.margin??12,o=new Map,s=[];for(let t of e)o.has(t.id)||(o.set(t.id,s.length),s.push(t));let c=s.length,l=new Set,u=[];for(let e of t){let t=o.get(e.source),n=o.get(e.target);if(t===void 0||n===void 0||t===n)continue;let r=`${t}\u0000${n}`;l.has(r)||(l.add(r),u.push([t,n,{source:e.source,target:e.target}]))}let d=Array.from({length:c},()=>[]);for(let[e,t]of u)d[e]?.push(t);let f=new Set,p=new Uint8Array(c);for(let e=0;e<c;e++){if(p[e]!==0)continue;let t=[[e,0]];for(p[e]=1;t.length>0;){let e=t[t.length-1],[n,r]=e,i=d[n]??[];if(r<i.length){e[1]=r+1;let a=i[r];p[a]===1?f.add(`${n}\u0000${a}`):p[a]===0&&(p[a]=1,t.push([a,0]))}else p[n]=2,t.pop()}}let m=u.filter(([e,t])=>!f.has(`${e}\u0000${t}`)),h=Array.from({length:c},()=>[]),g=Array.from({length:c},()=>[]),_=Array(c).fill(0);for(let[e,t]of m)h[t]?.push(e),g[e]?.push(t),_[t]=(_[t]??0)+1;let v=Array(c).fill(0),y=[];for(let e=0;e<c;e++)_[e]===0&&y.push(e);for(let e=0;e<y.length;e++){let t=y[e];for(let e of g[t]??[])v[e]=Math.max(v[e]??0,(v[t]??0)+1),_[e]=(_[e]??0)-1,_[e]===0&&y.push(e)}let b=c===0?0:Math.max(...v)+1,x=Array.from({length:b},()=>[]);for(let e=0;e<c;e++)x[v[e]??0]?.push(e);let S=Array(c).fill(0),C=Array(c).fill(0),w=Array(c).fill(0),T=[],E=[],D=a,O=e=>s[e]?.width??0,k=e=>s[e]?.height??0;x.forEach((e,t)=>{let n=Math.max(0,...e.map(k));T[t]=D,E[t]=D+n;let a;if(t===0){let t=0;a=e.map(e=>{let n=t+O(e)/2;return t+=O(e)+i,{v:e,c:n}})}else a=e.map(e=>{let t=h[e]??[];return{v:e,c:t.length===0?0:t.reduce((e,t)=>e+(S[t]??0)+O(t)/2,0)/t.length}}),a.sort((e,t)=>e.c-t.c);let o=-1/0,s=0;for(let{v:e,c:t}of a){let n=Math.max(t-O(e)/2,o+i);S[e]=n,o=n+O(e),s+=n+O(e)/2-t}s=a.length>0?s/a.length:0,a.forEach(({v:e},t)=>{S[e]=(S[e]??0)-s,C[e]=D+(n-k(e))/2,w[e]=t}),x[t]=a.map(e=>e.v),D+=n+r});let ee=c===0?0:Math.min(...S);for(let e=0;e<c;e++)S[e]=(S[e]??0)-ee+a;let A=c===0?2*a:Math.max(...s.map((e,t)=>(S[t]??0)+e.width))+a,te=c===0?2*a:D-r+a,ne=Array(b).fill(0),re=u.map(([e,t,n])=>{let o=(S[e]??0)+O(e)/2,s=(C[e]??0)+k(e),l=(S[t]??0)+O(t)/2,u=C[t]??0,d=v[e]??0,f=v[t]??0;if(f<=d){let e=r;return{...n,path:`M${$(o)},${$(s)} C${$(o)},${$(s+e)} ${$(l)},${$(u-e)} ${$(l)},${$(u)}`}}let p=(s+u)/2,m=`M${$(o)},${$(s)} C${$(o)},${$(p)} ${$(l)},${$(p)} ${$(l)},${$(u)}`;if(f===d+1)return{...n,path:m};let h=e=>{let t=[];for(let n=d+1;n<f;n++){let r=e(n);for(let e of x[n]??[])r>=(S[e]??0)-4&&r<=(S[e]??0)+O(e)+4&&t.push(e)}return t};if(h(e=>{let t=(((T[e]??0)+(E[e]??0))/2-s)/(u-s||1);return o+(l-o)*t}).length===0)return{...n,path:m};let g=0;for(let e=d+1;e<f;e++)g=Math.max(g,ne[e]??0);let _=Math.max(o,l);for(let e=0;e<c+1;e++){let e=h(()=>_);if(e.length===0)break;_=Math.max(...e.map(e=>(S[e]??0)+O(e)))+i/2}_+=g*6;for(let e=d+1;e<f;e++)ne[e]=g+1;A=Math.max(A,_+a);let y=T[d+1]??s,b=E[f-1]??u,w=(s+y)/2,D=(b+u)/2;return{...n,path:`M${$(o)},${$(s)} C${$(o)},${$(w)} ${$(_)},${$(w)} ${$(_)},${$(y)} L${$(_)},${$(b)} C${$(_)},${$(D)} ${$(l)},${$(D)} ${$(l)},${$(u)}`}}),ie=[];for(let e of x)for(let t of e){let e=s[t];ie.push({id:e.id,width:e.width,height:e.height,x:$(S[t]??0),y:$(C[t]??0),rank:v[t]??0,order:w[t]??0})}return{nodes:ie,edges:re,width:Math.ceil(A),height:Math.ceil(te)}}var bs=[[`norm`,/norm|lrn|localresponse/i],[`pool`,/pool|subsampl|upsampl/i],[`conv`,/conv/i],[`activation`,/activation|relu|sigmoid|tanh|softmax|softplus|softsign|gelu|silu|swish|mish|elu|selu|hardswish|hardtanh|logsigmoid|threshold|prelu/i],[`linear`,/linear|dense|output|embedding|bilinear|lstm|gru|rnn|attention/i]];function xs(e){for(let[t,n]of bs)if(n.test(e))return t;return`other`}var Ss=`\0input`,Cs=e=>`\u0000input:${e}`,ws=40,Ts=7,Es=30,Ds=96;function Os(e){if(e.length<=Es)return e;let t=`${e.slice(0,29)}…`;return e.includes(`⁨`)?`${t}⁩`:t}var ks=class extends as{static{this.properties={...as.properties,layers:{attribute:!1},edges:{attribute:!1},selected:{type:String,reflect:!0}}}static{this.styles=[...zt,w`
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
      .fam-input {
        --c: var(--_muted);
      }
    `]}constructor(){super(),this.nodes=new Map,this.layout={nodes:[],edges:[],width:0,height:0},this.layers=[],this.edges=[]}willUpdate(e){let t=e;(t.has(`layers`)||t.has(`edges`)||t.has(`lang`))&&this.buildGraph()}updated(e){this.dataset.nodes=String(this.layout.nodes.length),e.has(`selected`)&&this.revealSelected()}buildGraph(){let e=this.language,t=Array.isArray(this.layers)?this.layers:[],n=new Set(t.map(e=>e.name)),r=new Map,i=[],a=new Set,o=(t,o)=>{if(!n.has(o))return;let s=t;n.has(t)||(s=Cs(t),r.has(s)||r.set(s,{id:s,layer:null,lines:[_(e,`model.input`),`(${V(t)})`],title:`${_(e,`model.input`)} (${V(t)})`,family:`input`})),i.push({source:s,target:o}),a.add(o)};for(let e of t)for(let t of e.inputs??[])o(t,e.name);for(let e of Array.isArray(this.edges)?this.edges:[])o(e.source,e.target);let s=t.filter(e=>!a.has(e.name)),c=new Map;if(s.length>0){c.set(Ss,{id:Ss,layer:null,lines:[_(e,`model.input`),null],title:_(e,`model.input`),family:`input`});for(let e of s)i.push({source:Ss,target:e.name})}for(let[e,t]of r)c.set(e,t);let l=_(e,`model.info.params`);for(let e of t){if(c.has(e.name))continue;let t=typeof e.num_params==`number`?`\n${l}: ${e.num_params.toLocaleString(`en-US`)}`:``;c.set(e.name,{id:e.name,layer:e.name,lines:[e.type,`(${V(e.name)})`],title:`${e.type} (${V(e.name)})${t}`,family:xs(e.type)})}this.nodes=c;let u=[...c.values()].map(e=>{let t=Math.max(Os(e.lines[0]).length,Os(e.lines[1]??``).length);return{id:e.id,width:Math.max(Ds,t*Ts+20),height:ws}});this.layout=ys(u,i)}select(e){this.selected=e,this.dispatchEvent(new CustomEvent(`train-layer-select`,{bubbles:!0,composed:!0,detail:{layer:e}}))}focusable(){return[...this.renderRoot.querySelectorAll(`g.node[tabindex]`)]}onKeyDown(e,t){if(e.key===`Enter`||e.key===` `){e.preventDefault(),t.layer!==null&&this.select(t.layer);return}let n=this.focusable(),r=n.indexOf(e.currentTarget),i;switch(e.key){case`ArrowDown`:case`ArrowRight`:i=r+1;break;case`ArrowUp`:case`ArrowLeft`:i=r-1;break;case`Home`:i=0;break;case`End`:i=n.length-1;break;default:return}e.preventDefault(),n[Math.max(0,Math.min(n.length-1,i))]?.focus()}revealSelected(){let e=this.layout.nodes.find(e=>e.id===this.selected&&this.nodes.get(e.id)?.layer!==null),t=this.renderRoot.querySelector(`.graph`),n=t?.querySelector(`svg`);if(e===void 0||t===null||n==null)return;let r=n.getBoundingClientRect().top-t.getBoundingClientRect().top+t.scrollTop+e.y,i=r+e.height;r<t.scrollTop?t.scrollTop=Math.max(0,r-8):i>t.scrollTop+t.clientHeight&&(t.scrollTop=i-t.clientHeight+8)}renderNode(e,t,n,r,i){let a=this.nodes.get(e);if(a===void 0)return B;let o=r/2,[s,c]=a.lines,l=c===null?Te`<text x=${o} y=${i/2}>${Os(s)}</text>`:Te`<text x=${o} y=${i/2-8}>${Os(s)}</text><text class="name" x=${o} y=${i/2+8}>${Os(c)}</text>`,u=Te`<rect class="ring" x="-4" y="-4" width=${r+8} height=${i+8} rx="9"></rect>
      <rect class="box" width=${r} height=${i} rx="6"></rect>${l}`;if(a.layer===null)return Te`<g class="node input fam-input" transform="translate(${t},${n})" data-input="">
        <title>${a.title}</title>${u}</g>`;let d=a.layer;return Te`<g
      class="node fam-${a.family}"
      transform="translate(${t},${n})"
      tabindex="0"
      role="button"
      data-layer=${d}
      aria-label=${`${a.lines[0]} ${a.lines[1]??``}`}
      aria-pressed=${this.selected===d?`true`:`false`}
      @click=${e=>{e.currentTarget.focus(),this.select(d)}}
      @keydown=${e=>this.onKeyDown(e,a)}
    ><title>${a.title}</title>${u}</g>`}render(){let e=this.language,{nodes:t,edges:n,width:r,height:i}=this.layout;if(t.length===0)return z`<p class="muted empty">${_(e,`chart.no_data`)}</p>`;let a=this.selected,o=e=>a!==void 0&&(e.source===a||e.target===a);return z`<div part="graph" class="graph">
      <svg
        width=${r}
        height=${i}
        viewBox="0 0 ${r} ${i}"
        role="group"
        aria-label=${this.label||_(e,`model.graph`)}
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
          ${n.map(e=>Te`<path class=${o(e)?`edge hot`:`edge`} d=${e.path} marker-end=${o(e)?`url(#arrow-hot)`:`url(#arrow)`}></path>`)}
        </g>
        ${t.map(e=>this.renderNode(e.id,e.x,e.y,e.width,e.height))}
      </svg>
    </div>`}};u(`train-layer-graph`,ks);function As(e,t,n,r){if(t===null||n&&(t[0]<=0||t[1]<=0))return;let{left:i,top:a,width:o,height:s}=e.bbox,c=e.valToPos(Math.max(t[0],t[1]),`y`,!0),l=e.valToPos(Math.min(t[0],t[1]),`y`,!0);if(c=Math.max(a,Math.min(a+s,c)),l=Math.max(a,Math.min(a+s,l)),l-c<=0)return;let u=e.ctx;u.save(),u.fillStyle=r,u.fillRect(i,c,o,l-c),u.restore()}function js(e,t){let n=e.ctx,r=t.pxRatio??zo.pxRatio,{left:i,top:a,width:o,height:s}=e.bbox,c=t.log;n.save(),n.beginPath(),n.rect(i,a,o,s),n.clip(),n.strokeStyle=t.color,n.lineWidth=r,n.setLineDash([4*r,4*r]);for(let r of t.refLines){if(!Number.isFinite(r)||c&&r<=0)continue;let t=Math.round(e.valToPos(r,`y`,!0))+.5;t<a||t>a+s||(n.beginPath(),n.moveTo(i,t),n.lineTo(i+o,t),n.stroke())}let l=e.scales.x?.min??-1/0,u=e.scales.x?.max??1/0;n.font=`${11*r}px ${t.font}`,n.fillStyle=t.color,n.textAlign=`left`,n.textBaseline=`bottom`;let d=[],f=-1/0,p=-1/0;for(let c of[...t.epochs].sort((e,t)=>e.iteration-t.iteration)){if(!(c.iteration>=l&&c.iteration<=u))continue;let m=Math.round(e.valToPos(c.iteration,`x`,!0))+.5;if(m-p<3*r)continue;p=m,n.beginPath(),n.moveTo(m,a),n.lineTo(m,a+s),n.stroke();let h=_(t.lang,`chart.epoch`,{epoch:c.epoch}),g=n.measureText(h).width,v=m+3*r;v>f+4*r&&v+g<=i+o+12*r&&(d.push([h,v]),f=v+g)}n.restore(),n.save(),n.font=`${11*r}px ${t.font}`,n.fillStyle=t.color,n.textAlign=`left`,n.textBaseline=`bottom`;for(let[e,t]of d)n.fillText(e,t,a-2*r);n.restore()}function Ms(e,t){return _(e,t===`nan`?`chart.nan`:t===`inf`?`chart.posinf`:`chart.neginf`)}function Ns(e,t,n,r){let i=_(e,`chart.nonfinite_at`,{value:Ms(e,n),iteration:r});return t===``?i:`${t}: ${i}`}var Ps=class{constructor(){this.layer=null,this.els=[]}build(e,t,n){this.layer===null&&(this.layer=document.createElement(`div`),this.layer.className=`markers`,e.over.appendChild(this.layer));let r=[];for(let e of t){let t=document.createElement(`span`);t.className=`marker`,t.setAttribute(`part`,`nonfinite`),t.dataset.kind=e.kind,t.dataset.series=String(e.seriesIndex),t.dataset.x=String(e.x);let i=n(e);t.title=i,t.setAttribute(`role`,`img`),t.setAttribute(`aria-label`,i),r.push(t)}this.layer.replaceChildren(...r),this.els=r,this.position(e,t,n)}position(e,t,n){if(this.els.length!==t.length){this.layer!==null&&this.build(e,t,n);return}let r=e.scales.x?.min??-1/0,i=e.scales.x?.max??1/0;t.forEach((t,n)=>{let a=this.els[n];a!==void 0&&(e.series[t.seriesIndex+1]?.show===!1||t.x<r||t.x>i?a.hidden=!0:(a.hidden=!1,a.style.left=`${e.valToPos(t.x,`x`)}px`))})}reset(){this.layer=null,this.els=[]}},Fs=class{constructor(e,t){this.range=null,this.downAt=null,this.host=e,this.enabled=t}get current(){return this.range}listen(e,t){e.addEventListener(`mousedown`,e=>{let t=e;this.downAt={x:t.clientX,y:t.clientY}}),e.addEventListener(`click`,e=>{let n=e,r=this.downAt;this.downAt=null,this.enabled()&&r!==null&&Math.hypot(n.clientX-r.x,n.clientY-r.y)<4&&this.clear(t)})}onSelect(e){if(!this.enabled())return;let{left:t,width:n}=e.select;if(!(n>=1))return;let r=e.posToVal(t,`x`),i=e.posToVal(t+n,`x`);this.range=[r,i],this.fire({x0:r,x1:i})}clear(e){this.range=null,e?.setSelect({left:0,top:0,width:0,height:0},!1),this.fire(null)}restore(e){if(this.range===null)return;let[t,n]=this.range,r=e.valToPos(t,`x`),i=e.valToPos(n,`x`);e.setSelect({left:r,top:0,width:Math.max(0,i-r),height:e.over.clientHeight},!1)}fire(e){this.host.dispatchEvent(new CustomEvent(`train-range-select`,{bubbles:!0,composed:!0,detail:e}))}},Is=`.uplot,.uplot *,.uplot :before,.uplot :after{box-sizing:border-box}.uplot{width:min-content;font-family:system-ui,-apple-system,Segoe UI,Roboto,Helvetica Neue,Arial,Noto Sans,sans-serif,Apple Color Emoji,Segoe UI Emoji,Segoe UI Symbol,Noto Color Emoji;line-height:1.5}.u-title{text-align:center;font-size:18px;font-weight:700}.u-wrap{-webkit-user-select:none;user-select:none;position:relative}.u-over,.u-under{position:absolute}.u-under{overflow:hidden}.uplot canvas{width:100%;height:100%;display:block;position:relative}.u-axis{position:absolute}.u-legend{text-align:center;margin:auto;font-size:14px}.u-inline{display:block}.u-inline *{display:inline-block}.u-inline tr{margin-right:16px}.u-legend th{font-weight:600}.u-legend th>*{vertical-align:middle;display:inline-block}.u-legend .u-marker{width:1em;height:1em;margin-right:4px;background-clip:padding-box!important}.u-inline.u-live th:after{content:":";vertical-align:middle}.u-inline:not(.u-live) .u-value{display:none}.u-series>*{padding:4px}.u-series th{cursor:pointer}.u-legend .u-off>*{opacity:.3}.u-select{pointer-events:none;background:#00000012;position:absolute}.u-cursor-x,.u-cursor-y{pointer-events:none;will-change:transform;position:absolute;top:0;left:0}.u-hz .u-cursor-x,.u-vt .u-cursor-y{border-right:1px dashed #607d8b;height:100%}.u-hz .u-cursor-y,.u-vt .u-cursor-x{border-bottom:1px dashed #607d8b;width:100%}.u-cursor-pt{pointer-events:none;will-change:transform;border:0 solid;border-radius:50%;position:absolute;top:0;left:0;background-clip:padding-box!important}.u-axis.u-off,.u-select.u-off,.u-cursor-x.u-off,.u-cursor-y.u-off,.u-cursor-pt.u-off{display:none}`;function Ls(e,t){return{fg:It(e,`--_fg`)||`#1b1b1f`,muted:It(e,`--_muted`)||`#5b5d66`,grid:It(e,`--_grid`)||`#e4e5ea`,band:It(e,`--_band`)||`rgba(0,158,115,0.14)`,font:It(e,`--_font`)||`system-ui, sans-serif`,series:Array.from({length:t},(t,n)=>Lt(e,n)||`#0072b2`)}}var Rs=[...zt,C(Is),w`
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
    .marker[hidden] {
      display: none;
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
  `];function zs(e){if(typeof e==`number`)return e;switch(e){case`NaN`:return NaN;case`Infinity`:return 1/0;case`-Infinity`:return-1/0;default:return null}}function Bs(e){return Number.isNaN(e)?`nan`:e===1/0?`inf`:e===-1/0?`-inf`:null}function Vs(e){let t=e.map(e=>{let t=new Map,n=Math.min(e.iterations.length,e.values.length);for(let r=0;r<n;r++){let n=e.iterations[r];typeof n==`number`&&Number.isFinite(n)&&(t.delete(n),t.set(n,zs(e.values[r])))}return t}),n=new Set;for(let e of t)for(let t of e.keys())n.add(t);let r=Array.from(n).sort((e,t)=>e-t),i=new Map;r.forEach((e,t)=>i.set(e,t));let a=[],o=[],s=[];return t.forEach((e,t)=>{let n=Array(r.length).fill(void 0),c=Array(r.length).fill(void 0),l=[],u=[];for(let[r,a]of e){let e=i.get(r);if(e===void 0)continue;if(c[e]=a,a===null){n[e]=null,l.push(e);continue}let o=Bs(a);o===null?n[e]=a:(n[e]=null,l.push(e),u.push({seriesIndex:t,x:r,kind:o}))}Hs(n,l),u.sort((e,t)=>e.x-t.x),s.push(...u),a.push(n),o.push(c)}),{x:r,ys:a,values:o,markers:s}}function Hs(e,t){for(let n of t){for(let t=n-1;t>=0&&e[t]===void 0;t--)e[t]=null;for(let t=n+1;t<e.length&&e[t]===void 0;t++)e[t]=null}}function Us(e){let t=0;for(let n of e)for(let e of n)typeof e==`number`&&t++;return t}function Ws(e){let t=[],n=null,r=[];for(let t=0;t<e.length;t++)e[t]!==void 0&&r.push(t);for(let i=0;i<r.length;i++){let a=r[i],o=e[a],s=i+1<r.length?e[r[i+1]]:null;typeof o==`number`&&typeof n!=`number`&&typeof s!=`number`&&t.push(a),n=o}return t}function Gs(e){let t=0;return{ys:e.map(e=>{let n=e.slice(),r=[];return n.forEach((e,i)=>{typeof e==`number`&&!(e>0)&&(n[i]=null,r.push(i),t++)}),Hs(n,r),n}),hidden:t}}function Ks(e){for(let t of e)for(let e of t)if(typeof e==`number`&&e>0)return!0;return!1}var qs=class extends as{static{this.properties={...as.properties,series:{attribute:!1},epochs:{attribute:!1},band:{attribute:!1},refLines:{attribute:!1},yRange:{attribute:!1},logY:{type:Boolean,attribute:`log-y`,reflect:!0},logToggle:{type:Boolean,attribute:`log-toggle`},xLabel:{type:String,attribute:`x-label`},yLabel:{type:String,attribute:`y-label`},selectable:{type:Boolean},height:{type:Number},tableView:{state:!0},hiddenLabels:{state:!0}}}static{this.styles=Rs}constructor(){super(),this.plot=null,this.plotKey=``,this.aligned={x:[],ys:[],values:[],markers:[]},this.isolated=[],this.drawnYs=[],this.hiddenByLog=0,this.colors={fg:``,muted:``,grid:``,band:``,font:``,series:[]},this.markers=new Ps,this.resizeObserver=null,this.resizeFrame=0,this.media=null,this.selection=new Fs(this,()=>this.selectable),this.readout=new us(e=>{let t=this.renderRoot.querySelector(`.readout`);t!==null&&t.textContent!==e&&(t.textContent=e)}),this.drawn=!1,this.onSchemeChange=()=>{this.theme!==`light`&&this.theme!==`dark`&&this.scheduleRedraw()},this.redrawFrame=0,this.markerTitleOf=e=>{let t=this.series[e.seriesIndex]?.label??``;return Ns(this.language,t===``?``:V(t),e.kind,e.x)},this.series=[],this.epochs=[],this.band=null,this.refLines=[],this.yRange=null,this.logY=!1,this.logToggle=!1,this.selectable=!1,this.height=260,this.tableView=!1,this.hiddenLabels=new Set,this.xLabel=void 0,this.yLabel=void 0}get effectiveLogY(){return this.logY&&Ks(this.aligned.ys)}get isEmpty(){return Us(this.aligned.ys)===0&&this.aligned.markers.length===0}connectedCallback(){super.connectedCallback(),typeof matchMedia==`function`&&(this.media=matchMedia(`(prefers-color-scheme: dark)`),this.media.addEventListener(`change`,this.onSchemeChange)),this.hasUpdated&&this.requestUpdate()}disconnectedCallback(){super.disconnectedCallback(),this.media?.removeEventListener(`change`,this.onSchemeChange),this.media=null,this.resizeObserver?.disconnect(),this.resizeObserver=null,cancelAnimationFrame(this.resizeFrame),cancelAnimationFrame(this.redrawFrame),this.readout.cancel(),this.destroyPlot()}redraw(){this.destroyPlot(),this.syncPlot()}scheduleRedraw(){cancelAnimationFrame(this.redrawFrame),this.redrawFrame=requestAnimationFrame(()=>{this.plot!==null&&this.redraw()})}willUpdate(e){if(e.has(`series`)&&(this.aligned=Vs(this.series??[])),e.has(`series`)||e.has(`logY`)){if(this.effectiveLogY){let e=Gs(this.aligned.ys);this.drawnYs=e.ys,this.hiddenByLog=e.hidden}else this.drawnYs=this.aligned.ys,this.hiddenByLog=0;this.isolated=this.drawnYs.map(Ws)}}updated(e){if(this.resizeObserver===null){let e=this.plotEl;e!==null&&(this.resizeObserver=new ResizeObserver(()=>this.scheduleResize()),this.resizeObserver.observe(e))}let t=[`series`,`epochs`,`band`,`refLines`,`yRange`,`logY`,`height`,`selectable`,`theme`,`lang`,`hiddenLabels`,`xLabel`,`yLabel`],n=e;(this.plot===null||t.some(e=>n.has(e)))&&(n.has(`theme`)&&n.get(`theme`)!==void 0&&this.destroyPlot(),this.syncPlot()),n.has(`tableView`)&&!this.tableView&&this.scheduleResize()}get plotEl(){return this.renderRoot.querySelector(`.plot`)}syncPlot(){let{x:e}=this.aligned,t=this.drawnYs;this.dataset.points=String(Us(t));let n=this.plotEl;if(this.isEmpty||n===null||!this.isConnected){this.destroyPlot(),this.isEmpty&&this.markReady();return}let r=[e,...t],i=Jo(this.series,this.effectiveLogY,this.yRange,this.selectable,this.language,this.hiddenLabels,[this.xLabel,this.yLabel]);if(this.plot!==null&&i===this.plotKey){this.plot.setData(r);let e=Wo(n.clientWidth,this.height);e.height!==this.plot.height&&this.plot.setSize(e),this.buildMarkers()}else this.destroyPlot(),this.colors=Ls(this,this.series.length),this.plotKey=i,this.plot=new zo(this.options(n),r,n),this.buildMarkers()}scheduleResize(){cancelAnimationFrame(this.resizeFrame),this.resizeFrame=requestAnimationFrame(()=>{let e=this.plot,t=this.plotEl;if(e===null||t===null||t.clientWidth===0)return;let n=Wo(t.clientWidth,this.height);(n.width!==e.width||n.height!==e.height)&&e.setSize(n)})}destroyPlot(){this.plot!==null&&(this.plot.destroy(),this.plot=null),this.plotKey=``,this.markers.reset()}markReady(){this.drawn||(this.drawn=!0,this.dataset.ready=``)}options(e){return Xo({size:Wo(e.clientWidth,this.height),colors:this.colors,series:this.series,hidden:this.hiddenLabels,log:this.effectiveLogY,selectable:this.selectable,lang:this.language,...this.xLabel===void 0?{}:{xLabel:this.xLabel},...this.yLabel===void 0?{}:{yLabel:this.yLabel},rangeInputs:()=>({yRange:this.yRange,band:this.band,refLines:this.refLines}),isolated:()=>this.isolated,hooks:{init:[e=>this.selection.listen(e.over,e)],drawClear:[e=>As(e,this.band,this.effectiveLogY,this.colors.band)],drawAxes:[e=>js(e,{refLines:this.refLines,epochs:this.epochs,log:this.effectiveLogY,color:this.colors.muted,font:this.colors.font,lang:this.language})],draw:[e=>this.afterDraw(e)],setCursor:[e=>this.onCursor(e)],setSelect:[e=>this.selection.onSelect(e)]}})}afterDraw(e){this.markers.position(e,this.aligned.markers,this.markerTitleOf),this.selection.restore(e),this.markReady()}buildMarkers(){this.plot!==null&&this.markers.build(this.plot,this.aligned.markers,this.markerTitleOf)}onCursor(e){let t=e.cursor.idx,n=this.renderRoot.querySelectorAll(`.legend .value`),r=this.renderRoot.querySelector(`.legend .position`);if(t==null){n.forEach(e=>e.textContent=``),r!==null&&(r.textContent=``);return}let{legend:i,readout:a,at:o}=ls(this.language,this.series.map(e=>e.label),this.aligned.values,this.aligned.x,this.hiddenLabels,t,this.xLabel);r!==null&&(r.textContent=o??``),i.forEach((e,t)=>{let r=n[t];r!==void 0&&(r.textContent=e)}),a!==null&&this.readout.announce(a)}onKeyDown(e){let t=this.plot,n=this.aligned.x.length;if(t===null||n===0)return;if(e.key===`Escape`){this.selectable&&this.selection.current!==null&&(this.selection.clear(this.plot),e.preventDefault());return}let r=os(e.key,e.shiftKey,t.cursor.idx,n);if(r===null)return;e.preventDefault();let i=ss(t,this.aligned.x,this.drawnYs,r);i!==null&&t.setCursor(i)}toggleSeries(e){let t=new Set(this.hiddenLabels);t.has(e)?t.delete(e):t.add(e),this.hiddenLabels=t}renderTable(){let{x:e,values:t}=this.aligned,n=this.language;return z`<div class="tablewrap">
      <table part="table" class="data" aria-label=${this.label||B}>
        <thead>
          <tr>
            <th scope="col">${this.xLabel||_(n,`chart.iteration`)}</th>
            ${this.series.map(e=>z`<th scope="col"><bdi>${e.label}</bdi></th>`)}
          </tr>
        </thead>
        <tbody>
          ${e.map((e,n)=>z`<tr>
                <th scope="row">${e}</th>
                ${t.map(e=>z`<td>${cs(e[n])}</td>`)}
              </tr>`)}
        </tbody>
      </table>
    </div>`}renderLegend(){return z`<div part="legend" class="legend">
      <span class="position" part="position"></span>
      ${this.series.map((e,t)=>{let n=(Yo(e,t)??[]).join(` `);return z`<button
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
              style="stroke: var(--_series-${kt(t)}); stroke-width: ${e.faint?1.5:2.5};
                stroke-dasharray: ${n||`none`}; opacity: ${e.faint?Vo:1}"
            ></line>
          </svg>
          <bdi class="name">${e.label}</bdi>
          <span class="value"></span>
        </button>`})}
    </div>`}render(){let e=this.language,t=this.isEmpty,n=this.logToggle&&Ks(this.aligned.ys),r=!t&&this.hiddenByLog>0?z`<p part="lognote" class="muted lognote">
            ${_(e,`chart.log_hidden`,{count:this.hiddenByLog})}
          </p>`:B;return z`
      <div part="toolbar" class="toolbar">
        ${n?z`<button
                type="button"
                aria-pressed=${this.logY?`true`:`false`}
                @click=${()=>this.logY=!this.logY}
              >
                ${_(e,`chart.log_scale`)}
              </button>`:B}${t?B:z`<button
                type="button"
                aria-pressed=${this.tableView?`true`:`false`}
                @click=${()=>this.tableView=!this.tableView}
              >
                ${_(e,`chart.table`)}
              </button>`}
      </div>
      ${t?z`<p class="muted empty">${_(e,`chart.no_data`)}</p>`:B}
      <div
        part="plot"
        class="plot"
        tabindex=${t||this.tableView?`-1`:`0`}
        role="application"
        aria-label=${this.label||_(e,`chart.series`)}
        ?hidden=${t||this.tableView}
        @keydown=${e=>this.onKeyDown(e)}
      ></div>
      ${r} ${t?B:this.renderLegend()}
      <div part="readout" class="readout" aria-live="polite"></div>
      <span class="theme-probe" aria-hidden="true" @transitionend=${()=>this.scheduleRedraw()}
        >.</span
      >
      ${this.tableView&&!t?this.renderTable():B}
    `}};u(`train-line-chart`,qs);function Js(e,t,n,r){if(e.length!==t.length)throw RangeError(`xs and ys must be as long, got ${e.length} and ${t.length}.`);if(Number.isNaN(n)||Number.isNaN(r))return null;let i=Math.min(n,r),a=Math.max(n,r),o=[],s=[];for(let n=0;n<e.length;n++){let r=e[n],c=t[n];r!==void 0&&c!=null&&(!Number.isFinite(r)||!Number.isFinite(c)||r<i||r>a||(o.push(r),s.push(c)))}let c=o.length;if(c<2)return null;let l=0,u=0;for(let e=0;e<c;e++)l+=o[e]??0,u+=s[e]??0;let d=l/c,f=u/c,p=0,m=0;for(let e=0;e<c;e++){let t=(o[e]??0)-d,n=(s[e]??0)-f;p+=t*t,m+=t*n}if(p===0)return null;let h=m/p,g=f-h*d;return!Number.isFinite(h)||!Number.isFinite(g)?null:{slope:h,intercept:g,n:c}}function Ys(e,t,n){return{x:[t,n],y:[e.slope*t+e.intercept,e.slope*n+e.intercept]}}function Xs(e){if(!Number.isFinite(e)||e<1)throw RangeError(`range must be a finite number of at least 1, got ${String(e)}.`);return 2/(e+1)}function Zs(e,t=10){let n=Xs(t),r=[],i=null;for(let t of e)t===null||!Number.isFinite(t)?r.push(null):(i=i===null?t:n*t+(1-n)*i,r.push(i));return r}var Qs=2e3,$s=class extends wt{static{this.properties={...wt.properties,data:{state:!0},stdevTab:{state:!0},range:{state:!0},layerTypes:{state:!0}}}static{this.styles=[...Rt,w`
      .hint {
        font-size: 0.8rem;
        margin: 0.25rem 0 0;
      }
      h2.sub {
        margin-top: 1rem;
      }
    `]}constructor(){super(),this.onTabKey=e=>{if(e.key!==`ArrowRight`&&e.key!==`ArrowLeft`)return;let t=[`activations`,`gradients`,`updates`],n=e.key===`ArrowRight`?1:t.length-1;this.stdevTab=t[(t.indexOf(this.stdevTab)+n)%t.length]??`activations`,this.updateComplete.then(()=>{this.renderRoot.querySelector(`button[data-tab="${this.stdevTab}"]`)?.focus()})},this.data=null,this.stdevTab=`activations`,this.range=null,this.layerTypes=new Map}async fetchData(e){let t=this.takeEventKinds(),n=this.data;if(n!==null&&t.size>0&&[...t].every(e=>e===`metrics`||e===`epoch`)){let t=await Je(this.apiBase,`metrics`,{session:n.session_id,worker:n.worker_id,max_points:Qs},e);if(e.aborted||this.data!==n)return;this.data={...n,metrics:t.metrics,epochs:t.epochs};return}let r={session:this.session,worker:this.worker},i=n===null||t.size===0||t.has(`reset`)||t.has(`static_info`),[a,o]=await Promise.all([Je(this.apiBase,`overview`,{...r,max_points:Qs},e),i?Je(this.apiBase,`graph`,r,e).catch(t=>{if(e.aborted)throw t;return null}):void 0]);e.aborted||(this.shownSession=a.session_id,this.shownWorker=a.worker_id,(o!==void 0||n?.session_id!==a.session_id)&&(this.layerTypes=o==null||o.session_id!==a.session_id?new Map:new Map(o.layers.map(e=>[e.name,e.type]))),this.data=a,this.setAttribute(`data-iteration`,String(a.info.iterations??``)))}render(){let e=this.data;return e===null?z`${this.renderError()??this.renderLoading()}`:z`
      ${this.renderError()}
      <div class="grid">
        <section class="card wide">${this.renderScore(e)}</section>
        <section class="card narrow">${this.renderInfo(e)}</section>
        ${Object.keys(e.metrics).length===0?B:z`<section class="card full">
                <h2>${this.tr(`overview.metrics`)}</h2>
                <train-line-chart
                  data-chart="metrics"
                  x-label=${this.tr(`chart.iteration`)}
                  y-label=${this.tr(`axis.value`)}
                  label=${this.tr(`overview.metrics`)}
                  lang=${this.language}
                  log-toggle
                  .series=${Bo(e.metrics)}
                  .epochs=${e.epochs}
                ></train-line-chart>
              </section>`}
        <section class="card half">${this.renderRatios(e)}</section>
        <section class="card half">${this.renderStdev(e)}</section>
      </div>
    `}renderScore(e){let n=t(e.score.values),r=Zs(n),i=[{label:this.tr(`overview.score.raw`),...e.score,faint:!0},{label:this.tr(`overview.score.smoothed`),iterations:e.score.iterations,values:r}],a=null;if(this.range!==null){let t=Js(e.score.iterations,n,this.range.x0,this.range.x1);if(t!==null){let e=Ys(t,this.range.x0,this.range.x1);i.push({label:this.tr(`overview.score.fit`),iterations:e.x,values:e.y,dash:[6,4],width:2}),a=this.tr(`overview.score.fit_result`,{x0:Math.round(Math.min(this.range.x0,this.range.x1)),x1:Math.round(Math.max(this.range.x0,this.range.x1)),slope:t.slope.toPrecision(3)})}}return z`
      <h2>${this.tr(`overview.score`)}</h2>
      <train-line-chart
        data-chart="score"
        x-label=${this.tr(`chart.iteration`)}
        y-label=${this.tr(`axis.score`)}
        label=${this.tr(`overview.score`)}
        lang=${this.language}
        selectable
        log-toggle
        .series=${i}
        .epochs=${e.epochs}
        .yRange=${ns([n])}
        @train-range-select=${e=>{this.range=e.detail}}
      ></train-line-chart>
      <p class="hint muted" aria-live="polite">${a??this.tr(`overview.score.fit_hint`)}</p>
    `}renderInfo(t){let n=t.info,r=[[`model_type`,this.tr(`overview.info.model_type`),n.model_type??`—`],[`num_layers`,this.tr(`overview.info.layers`),H(n.num_layers)],[`num_params`,this.tr(`overview.info.params`),H(n.num_params)],[`start`,this.tr(`overview.info.start`),dt(n.start_ms)],[`runtime`,this.tr(`overview.info.runtime`),ct(e(n.total_runtime_ms))],[`last_update`,this.tr(`overview.info.last_update`),dt(n.last_update_ms)],[`iterations`,this.tr(`overview.info.iterations`),H(n.iterations)],[`epoch`,this.tr(`overview.info.epoch`),H(n.epoch)],[`updates_per_second`,this.tr(`overview.info.updates_per_s`),ot(e(n.updates_per_second))],[`examples_per_second`,this.tr(`overview.info.examples_per_s`),ot(e(n.examples_per_second))],[`total_examples`,this.tr(`overview.info.examples`),H(n.total_examples)],[`first_nonfinite`,this.tr(`overview.info.first_nonfinite`),this.formatFirstNonFinite(n.first_nonfinite??null)]],i=Object.entries(n.hyperparameters),a=Object.entries(n.tags);return z`
      <h2>${this.tr(`overview.info`)}</h2>
      ${Vt(`info`,r)}
      ${i.length===0?B:z`<h2 class="sub">${this.tr(`overview.hyperparameters`)}</h2>
              ${Vt(`hyperparameters`,i.map(([e,t])=>[e,e,o(t)]))}`}
      ${a.length===0?B:z`<h2 class="sub">${this.tr(`overview.tags`)}</h2>
              ${Vt(`tags`,a.map(([e,t])=>[e,e,t]))}`}
    `}paramSeries(e,t){let n=new Map(e.parameters.map(e=>[e.name,e.layer]));return Bo(t).map(e=>({...e,label:V(ht(e.label,n.get(e.label),this.layerTypes))}))}formatFirstNonFinite(e){if(e===null)return this.tr(`overview.nonfinite.none`);let t=e.value===`Infinity`?`+Inf`:e.value===`-Infinity`?`-Inf`:`NaN`;if(e.kind===`score`||e.name===null)return this.tr(`overview.nonfinite.score`,{value:t,iteration:e.iteration});let n=[`parameters`,`gradients`,`updates`,`activations`].find(t=>t===e.kind);return this.tr(`overview.nonfinite.summary`,{value:t,kind:n===void 0?e.kind:this.tr(`overview.nonfinite.kind.${n}`),name:V(e.name),iteration:e.iteration})}renderRatios(e){let n=this.paramSeries(e,e.ratios);return z`
      <h2>${this.tr(`overview.ratios`)}</h2>
      <train-line-chart
        data-chart="ratios"
        x-label=${this.tr(`chart.iteration`)}
        y-label=${this.tr(`axis.log10_ratio`)}
        label=${this.tr(`overview.ratios`)}
        lang=${this.language}
        .series=${n}
        .epochs=${e.epochs}
        .band=${es}
        .refLines=${[-3]}
        .yRange=${ts(n.map(e=>t(e.values)))}
      ></train-line-chart>
    `}renderStdev(e){let n=[`activations`,`gradients`,`updates`],r=this.stdevTab===`activations`?Bo(e.stdev.activations).map(e=>({...e,label:V(mt(e.label,this.layerTypes.get(e.label)))})):this.paramSeries(e,e.stdev[this.stdevTab]);return z`
      <h2>${this.tr(`overview.stdev`)}</h2>
      <div role="tablist" part="tabs" @keydown=${this.onTabKey}>
        ${n.map(e=>z`<button
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
        x-label=${this.tr(`chart.iteration`)}
        y-label=${this.tr(`axis.log10_stdev`)}
        data-tab=${this.stdevTab}
        label=${`${this.tr(`overview.stdev`)} (${this.tr(`overview.stdev.${this.stdevTab}`)})`}
        lang=${this.language}
        .series=${r}
        .epochs=${e.epochs}
        .yRange=${$o(r.map(e=>t(e.values)))}
      ></train-line-chart>
    `}};u(`train-overview`,$s);function ec(e){return e===null?`—`:`[${e.map(e=>e===null?`?`:String(e)).join(`, `)}]`}var tc=class extends wt{static{this.properties={...wt.properties,layer:{reflect:!0},graph:{state:!0},layerData:{state:!0},magTab:{state:!0},histParam:{state:!0},epochs:{state:!0}}}static{this.styles=[...Rt,w`
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
      @media (max-width: 900px) {
        .side,
        .main {
          grid-column: span 12;
          position: static;
        }
      }
    `]}constructor(){super(),this.layer=null,this.graph=null,this.layerData=null,this.magTab=`ratios`,this.histParam=null,this.epochs=[]}willUpdate(e){(e.has(`session`)||e.has(`worker`)||e.has(`apiBase`))&&(this.graph=null,this.layerData=null),e.has(`layer`)&&e.get(`layer`)!==void 0&&(this.layerData=null,this.histParam=null,e.has(`session`)||e.has(`worker`)||e.has(`apiBase`)||this.reload()),super.willUpdate(e)}async fetchData(e){let t=this.takeEventKinds(),n=t.size===0||t.has(`reset`),r=this.graph===null||n||t.has(`static_info`),i={session:this.session,worker:this.worker},a=r?await Je(this.apiBase,`graph`,i,e):this.graph;if(e.aborted||a===null)return;let o=this.graph!==null&&this.graph.session_id!==a.session_id;this.shownSession=a.session_id,this.shownWorker=a.worker_id,r&&(this.graph=a);let s=this.layer;if(s===null)return;if(o&&!a.layers.some(e=>e.name===s)){this.layer=null;return}let c={session:a.session_id,worker:a.worker_id},l=n||r||t.has(`update`)||this.layerData===null,u=n||r||t.has(`epoch`)||t.has(`metrics`),[d,f]=await Promise.all([l?Je(this.apiBase,`layer`,{...c,layer:s,max_points:Qs},e):null,u?Je(this.apiBase,`metrics`,{...c,max_points:2},e):null]);e.aborted||(d!==null&&(this.layerData=d),f!==null&&(this.epochs=f.epochs))}render(){let e=this.graph;return e===null?z`${this.renderError()??this.renderLoading()}`:z`
      ${this.renderError()}
      <div class="grid">
        <section class="card side">
          <h2>${this.tr(`model.graph`)}</h2>
          <train-layer-graph
            lang=${this.language}
            .layers=${e.layers}
            .edges=${e.edges}
            selected=${this.layer??B}
            @train-layer-select=${e=>{this.layer=e.detail.layer}}
          ></train-layer-graph>
        </section>
        <div class="main">${this.renderLayer()}</div>
      </div>
    `}renderLayer(){if(this.layer===null)return z`<section class="card" data-panel="getting-started">
        <h2>${this.tr(`model.getting_started`)}</h2>
        <p>${this.tr(`model.getting_started.text`)}</p>
      </section>`;let e=this.layerData;return e===null||e.layer.name!==this.layer?z`<section class="card">${this.renderLoading()}</section>`:z`
      <section class="card">${this.renderInfo(e)}</section>
      ${e.parameters.length===0?B:z`<section class="card">${this.renderMeanMag(e)}</section>`}
      <section class="card">${this.renderActivations(e)}</section>
      ${e.parameters.length===0?B:z`<section class="card">
              <h2>${this.tr(`model.learning_rates`)}</h2>
              <train-line-chart
                data-chart="learning-rates"
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
    `}renderInfo(e){let t=e.layer,n=[[`name`,this.tr(`model.info.name`),t.name],[`type`,this.tr(`model.info.type`),t.type],[`inputs`,this.tr(`model.info.inputs`),t.inputs.length===0?this.tr(`model.input`):t.inputs.join(`, `)],[`input_shape`,this.tr(`model.info.input_shape`),ec(t.input_shape)],[`output_shape`,this.tr(`model.info.output_shape`),ec(t.output_shape)],[`num_params`,this.tr(`model.info.params`),H(t.num_params)],[`params`,this.tr(`model.info.param_names`),t.params.length===0?`—`:t.params.join(`, `)],[`activation`,this.tr(`model.info.activation`),t.activation??`—`],...Object.entries(t.attributes??{}).map(([e,t])=>[`attr.${e}`,e,s(t)])];return z`
      <h2>${this.tr(`model.info`)}</h2>
      ${Vt(`layer`,n)}
    `}get layerTypes(){return new Map((this.graph?.layers??[]).map(e=>[e.name,e.type]))}paramText(e,t){return V(ht(t,e.parameters.find(e=>e.name===t)?.layer??e.layer.name,this.layerTypes))}paramSeries(e,t){return Bo(t).map(t=>({...t,label:this.paramText(e,t.label)}))}renderMeanMag(e){let n=[[`ratios`,this.tr(`model.mean_mag.ratio`)],[`parameters`,this.tr(`model.mean_mag.params`)],[`updates`,this.tr(`model.mean_mag.updates`)]],r=this.paramSeries(e,e.mean_magnitudes[this.magTab]),i=this.magTab===`ratios`,a=`${this.tr(`model.mean_mag`)}${i?`: log10`:``}`;return z`
      <h2>${a}</h2>
      <div role="tablist" part="tabs">
        ${n.map(([e,t])=>z`<button
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
        x-label=${this.tr(`chart.iteration`)}
        y-label=${this.tr(i?`axis.log10_ratio`:`axis.mean_magnitude`)}
        data-tab=${this.magTab}
        label=${a}
        lang=${this.language}
        ?log-toggle=${!i}
        .series=${r}
        .epochs=${this.epochs}
        .band=${i?es:null}
        .refLines=${i?[-3]:[]}
        .yRange=${i?ts(r.map(e=>t(e.values))):null}
      ></train-line-chart>
    `}renderActivations(e){let t=e.activations;if(t===null)return z`<h2>${this.tr(`model.activations`)}</h2>
        <p class="muted">${this.tr(`model.activations.none`)}</p>`;let n=[{label:this.tr(`model.activations.mean`),...t.mean,width:2},{label:this.tr(`model.activations.plus`),...t.mean_plus_2_stdev,dash:[5,4]},{label:this.tr(`model.activations.minus`),...t.mean_minus_2_stdev,dash:[5,4]}];return z`
      <h2>${this.tr(`model.activations`)}</h2>
      <train-line-chart
        data-chart="activations"
        x-label=${this.tr(`chart.iteration`)}
        y-label=${this.tr(`axis.activation`)}
        label=${this.tr(`model.activations`)}
        lang=${this.language}
        .series=${n}
        .epochs=${this.epochs}
      ></train-line-chart>
    `}renderHistograms(e){let t=e.latest,n=e.parameters.map(e=>e.name),r=e.parameters.find(e=>e.is_weight)?.name??n[0]??null,i=this.histParam!==null&&n.includes(this.histParam)?this.histParam:r,a=[[`parameters`,this.tr(`model.hist.params`)],[`gradients`,this.tr(`model.hist.gradients`)],[`updates`,this.tr(`model.hist.updates`)]],o=t?.activations??null;return z`
      ${t===null?B:z`<p class="muted">
              ${this.tr(`model.hist.latest`,{iteration:t.iteration})}
            </p>`}
      ${n.length===0?z`<p class="muted">${this.tr(`model.no_params`)}</p>`:z`<div role="tablist" part="tabs" aria-label=${this.tr(`model.info.param_names`)}>
              ${n.map(t=>z`<button
                    role="tab"
                    data-param=${t}
                    aria-selected=${t===i?`true`:`false`}
                    @click=${()=>{this.histParam=t}}
                  >
                    ${this.paramText(e,t)}
                  </button>`)}
            </div>`}
      <div class="hists">
        ${i===null?B:a.map(([e,n])=>{let r=t?.earlier_histograms?.[e][i]??null;return this.renderHistogram(e,this.histTitle(n,t,e,r?.iteration??null),r?.summary??t?.[e][i]??null)})}
        ${o===null?B:this.renderActivationHistogram(t,o)}
      </div>
    `}renderActivationHistogram(e,t){let n=e?.earlier_histograms?.activations??null,r=this.histTitle(this.tr(`model.hist.activations`),e,`activations`,n?.iteration??null);return this.renderHistogram(`activations`,r,n?.summary??t)}histTitle(e,t,n,r){let i=r??t?.summary_iterations?.[n]??null;return t===null||i===null||i===t.iteration?e:`${e} (${this.tr(`model.hist.at`,{iteration:i})})`}renderHistogram(e,t,n){return z`<div>
      <h3>${t}</h3>
      <train-histogram
        data-hist=${e}
        label=${t}
        lang=${this.language}
        .histogram=${n?.histogram??null}
        .nonfinite=${n?.nonfinite_count??0}
        .nanCount=${n?.nan_count??null}
        .posinfCount=${n?.posinf_count??null}
        .neginfCount=${n?.neginf_count??null}
      ></train-histogram>
    </div>`}};u(`train-model`,tc);function nc(t,n){let r=t.iterations.map((r,i)=>{let a=e(t.values[i]??null),o=e(ic(n,r));return a===null||o===null?null:a-o});return{iterations:t.iterations,values:r}}function rc(t,n,r=!1){let i=t.iterations.map((i,a)=>{let o=e(t.values[a]??null),s=e(ic(n,i));return o===null||s===null?null:100*(r?s-o:o)/s});return{iterations:t.iterations,values:i}}function ic(e,t){let n=0,r=e.iterations.length-1;if(r<0)return null;if((e.iterations[0]??0)>t)return e.values[0]??null;for(;n<r;){let i=n+r+1>>1;(e.iterations[i]??0)<=t?n=i:r=i-1}return e.values[n]??null}var ac=class extends wt{static{this.properties={...wt.properties,data:{state:!0},workers:{state:!0},epochs:{state:!0}}}static{this.styles=Rt}constructor(){super(),this.data=null,this.workers=[],this.epochs=[]}async fetchData(e){let t={session:this.session,worker:this.worker},[n,r,i]=await Promise.all([Je(this.apiBase,`system`,{...t,max_points:Qs},e),Je(this.apiBase,`sessions`,{},e),Je(this.apiBase,`metrics`,{...t,max_points:2},e)]);e.aborted||(this.shownSession=n.session_id,this.shownWorker=n.worker_id,this.workers=r.sessions.find(e=>e.session_id===n.session_id)?.workers??[n.worker_id],this.epochs=n.session_id===i.session_id?i.epochs:[],this.data=n)}render(){let e=this.data;if(e===null)return z`${this.renderError()??this.renderLoading()}`;let t=[{label:this.tr(`system.memory.process`),...rc(e.memory.process_rss_bytes,e.memory.system_total_bytes)},{label:this.tr(`system.memory.system_used`),...rc(e.memory.system_available_bytes,e.memory.system_total_bytes,!0)}],n=e.devices.map(e=>({label:e.name,...rc(e.current_bytes,e.total_bytes)})),r=a([e.memory.process_rss_bytes,nc(e.memory.system_total_bytes,e.memory.system_available_bytes),...e.devices.map(e=>e.current_bytes)]),i=[this.tr(`system.memory.process`),this.tr(`system.memory.system_used`),...e.devices.map(e=>V(e.name))],o=r.series.map((e,t)=>({label:i[t]??``,...e})),s=this.tr(`axis.memory`,{unit:r.unit});return z`
      ${this.renderError()}
      ${this.workers.length>1?z`<div role="tablist" part="tabs" aria-label=${this.tr(`system.machine`)}>
              ${this.workers.map(t=>z`<button
                    role="tab"
                    data-worker=${t}
                    aria-selected=${t===e.worker_id?`true`:`false`}
                    @click=${()=>{this.selectWorker(e.session_id,t)}}
                  >
                    ${V(t)}
                  </button>`)}
            </div>`:B}
      <div class="grid">
        <section class="card half">
          <h2>${this.tr(`system.memory`)} (%)</h2>
          <train-line-chart
            data-chart="memory"
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
        ${n.length===0?B:z`<section class="card half">
                <h2>${this.tr(`system.devices`)} (%)</h2>
                <train-line-chart
                  data-chart="devices"
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
    `}selectWorker(e,t){t!==this.worker&&(this.worker=t,this.dispatchEvent(new CustomEvent(`train-session-select`,{bubbles:!0,composed:!0,detail:{session:e,worker:t}})))}renderHardware(e){let t=e.hardware,n=[[`cpu_count`,this.tr(`system.hw.cpu_count`),H(t?.cpu_count??null)],[`memory_total`,this.tr(`system.hw.memory_total`),tt(t?.memory_total_bytes??null)],[`devices`,this.tr(`system.hw.devices`),H(t?.devices.length??null)],...(t?.devices??[]).map((e,t)=>[`device_${t}`,this.tr(`system.hw.device`,{index:t}),`${e.name} (${tt(e.memory_total_bytes)})`])];return z`<h2>${this.tr(`system.hardware`)}</h2>
      ${Vt(`hardware`,n)}`}renderSoftware(e){let t=e.software,n=t?.framework===null||t?.framework===void 0?null:`${t.framework}${t.framework_version===null?``:` ${t.framework_version}`}`,r=[[`hostname`,this.tr(`system.sw.hostname`),t?.hostname??null],[`os`,this.tr(`system.sw.os`),t?.os??null],[`os_version`,this.tr(`system.sw.os_version`),t?.os_version??null],[`arch`,this.tr(`system.sw.arch`),t?.arch??null],[`python`,this.tr(`system.sw.python`),t?.python??null],[`framework`,this.tr(`system.sw.framework`),n],[`backend`,this.tr(`system.sw.backend`),t?.backend??null],[`device`,this.tr(`system.sw.device`),t?.device??null],[`dtype`,this.tr(`system.sw.dtype`),t?.dtype??null],[`fitscope`,this.tr(`system.sw.fitscope`),t?.fitscope_version??null]];return z`<h2>${this.tr(`system.software`)}</h2>
      ${Vt(`software`,r)}`}};u(`train-system`,ac);var oc=[`overview`,`model`,`system`],sc=1e4,cc=`fitscope.lang`,lc=`fitscope.theme`;function uc(e){try{return localStorage.getItem(e)}catch{return null}}function dc(e,t){try{localStorage.setItem(e,t)}catch{}}var fc=class extends wt{static{this.properties={...wt.properties,page:{reflect:!0},layer:{},sessions:{state:!0},liveState:{state:!0}}}static{this.styles=[Ft,w`
      :host {
        min-height: 100vh;
        /* Latin first, then common CJK fonts, so Chinese labels get real glyphs (not boxes) on
           Linux, macOS and Windows alike; a page overrides it with train-app { --train-font-family }. */
        --train-font-family: ${C(Pt)};
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
      label {
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
    `]}constructor(){super(),this.poll=null,this.onPopState=()=>{if(!this.ownsUrl)return;let e=/^\/train\/(overview|model|system)$/.exec(location.pathname),t=new URLSearchParams(location.search);this.page=e?.[1]??`overview`,this.session=t.get(`session`),this.worker=t.get(`worker`),this.layer=t.get(`layer`)},this.page=`overview`,this.layer=null,this.sessions=[],this.liveState=`connecting`;let e=uc(cc);e!==null&&(this.lang=e);let t=uc(lc);t!==null&&(this.theme=t)}onLiveState(e){this.liveState=e,this.dispatchEvent(new CustomEvent(`train-live-status`,{bubbles:!0,composed:!0,detail:{state:e}}))}connectedCallback(){super.connectedCallback(),window.addEventListener(`popstate`,this.onPopState),this.poll??=setInterval(()=>{this.refresh()},sc)}disconnectedCallback(){super.disconnectedCallback(),window.removeEventListener(`popstate`,this.onPopState),this.poll!==null&&clearInterval(this.poll),this.poll=null}get liveStatus(){let e=this.currentSession?.state;return e===void 0||e===`live`?this.liveState:e}liveText(e){if(e===`stalled`){let e=this.currentSession,t=e?.last_update_ms??e?.start_ms??null;return t===null?this.tr(`app.live.stalled_unknown`):this.tr(`app.live.stalled`,{duration:gt(Date.now()-t)})}return this.tr(`app.live.${e}`)}willUpdate(e){super.willUpdate(e),e.has(`lang`)&&(document.documentElement.lang=this.language===`zh`?`zh-CN`:`en`)}async fetchData(e){let t=await Je(this.apiBase,`sessions`,{},e);e.aborted||(this.sessions=t.sessions)}get currentSession(){return this.sessions.find(e=>e.session_id===this.session)??this.sessions.find(e=>e.state!==`error`)??this.sessions[0]??null}optionLabel(e){let t=ft(e,this.sessions);return e.state===`error`?`${t} — ${this.tr(`app.session.error`)}`:t}render(){let e=this.currentSession,t=e?.workers??[];return z`
      <header part="header">
        <span class="brand">${this.tr(`app.title`)}</span>
        <nav part="nav">
          ${oc.map(e=>z`<a
                href=${this.pageHref(e)}
                data-page=${e}
                aria-current=${e===this.page?`page`:`false`}
                @click=${t=>this.onNavigate(t,e)}
                >${this.tr(`app.nav.${e}`)}</a
              >`)}
        </nav>
        <span class="spacer"></span>
        <label
          >${this.tr(`app.session`)}
          <select
            name="session"
            ?disabled=${this.sessions.length<2}
            @change=${e=>this.selectSession(e.target.value,null)}
          >
            ${this.sessions.map(t=>z`<option
                  value=${t.session_id}
                  data-state=${t.state}
                  title=${t.error===null?B:t.error.message}
                  ?selected=${t.session_id===e?.session_id}
                >
                  ${this.optionLabel(t)}
                </option>`)}
          </select>
        </label>
        <label
          >${this.tr(`app.worker`)}
          <select
            name="worker"
            ?disabled=${t.length<2}
            @change=${t=>this.selectSession(e?.session_id??``,t.target.value)}
          >
            ${t.map(e=>z`<option value=${e} ?selected=${e===(this.worker??t[0])}>${V(e)}</option>`)}
          </select>
        </label>
        <label
          >${this.tr(`app.language`)}
          <select
            name="lang"
            @change=${e=>this.selectLang(e.target.value)}
          >
            ${Object.entries(p).map(([e,t])=>z`<option value=${e} ?selected=${e===this.language}>${t}</option>`)}
          </select>
        </label>
        <label
          >${this.tr(`app.theme`)}
          <select
            name="theme"
            @change=${e=>this.selectTheme(e.target.value)}
          >
            ${[`auto`,`light`,`dark`].map(e=>z`<option value=${e} ?selected=${e===(this.theme??`auto`)}>
                  ${this.tr(`app.theme.${e}`)}
                </option>`)}
          </select>
        </label>
        <span
          class="live"
          part="live"
          data-state=${this.liveState}
          data-status=${this.liveStatus}
          data-session-state=${e?.state??B}
          role="status"
        >
          <span class="dot"></span>${this.liveText(this.liveStatus)}
        </span>
      </header>
      <main>
        ${this.renderError()}
        ${this.loaded&&this.sessions.length===0?z`<p class="muted">${this.tr(`app.no_session`)}</p>`:this.renderPage()}
      </main>
    `}renderPage(){let e=this.session??B,t=this.worker??B,n=this.theme??B,r=this.language;switch(this.page){case`model`:return z`<train-model
          api-base=${this.apiBase}
          session=${e}
          worker=${t}
          lang=${r}
          theme=${n}
          layer=${this.layer??B}
          @train-layer-select=${e=>{this.layer=e.detail.layer,this.writeUrl(!1)}}
        ></train-model>`;case`system`:return z`<train-system
          api-base=${this.apiBase}
          session=${e}
          worker=${t}
          lang=${r}
          theme=${n}
          @train-session-select=${e=>{this.session=e.detail.session,this.worker=e.detail.worker,this.writeUrl(!1)}}
        ></train-system>`;default:return z`<train-overview
          api-base=${this.apiBase}
          session=${e}
          worker=${t}
          lang=${r}
          theme=${n}
        ></train-overview>`}}pageHref(e){let t=new URLSearchParams;this.session!==null&&t.set(`session`,this.session),this.worker!==null&&t.set(`worker`,this.worker),e===`model`&&this.layer!==null&&t.set(`layer`,this.layer);let n=t.toString();return`${this.apiBase.replace(/\/+$/,``)}/train/${e}${n===``?``:`?${n}`}`}get ownsUrl(){return this.apiBase===``&&/^\/train\/(overview|model|system)$/.test(location.pathname)}writeUrl(e){if(!this.ownsUrl)return;let t=this.pageHref(this.page);e?history.pushState({page:this.page},``,t):history.replaceState({page:this.page},``,t)}onNavigate(e,t){!this.ownsUrl||e.button!==0||e.metaKey||e.ctrlKey||e.shiftKey||e.altKey||(e.preventDefault(),t!==this.page&&(this.page=t,this.writeUrl(!0)))}selectSession(e,t){if(e===``)return;e!==this.session&&(this.layer=null),this.session=e,this.worker=t,this.writeUrl(!1);let n=t??this.sessions.find(t=>t.session_id===e)?.workers[0]??``;this.dispatchEvent(new CustomEvent(`train-session-select`,{bubbles:!0,composed:!0,detail:{session:e,worker:n}}))}selectLang(e){this.lang=e,dc(cc,e),this.dispatchEvent(new CustomEvent(`train-lang-change`,{bubbles:!0,composed:!0,detail:{lang:e}}))}selectTheme(e){this.theme=e,dc(lc,e)}};u(`train-app`,fc);export{p as LANGUAGES,fc as TrainApp,vs as TrainHistogram,ks as TrainLayerGraph,qs as TrainLineChart,tc as TrainModel,$s as TrainOverview,ac as TrainSystem,c as VERSION,n as formatFloatValue,e as parseFloatValue,h as resolveLang,_ as t};