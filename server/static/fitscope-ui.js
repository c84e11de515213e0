function e(e){if(e===null||typeof e==`number`)return e;switch(e){case`NaN`:return NaN;case`Infinity`:return 1/0;case`-Infinity`:return-1/0;default:{let t=JSON.stringify(e);throw TypeError(`Expected a number, "NaN", "Infinity", "-Infinity" or null, got ${t}.`)}}}function t(t){return t.map(e)}function n(e){if(e===null)return`—`;if(Number.isNaN(e))return`NaN`;if(e===1/0)return`+Inf`;if(e===-1/0)return`-Inf`;if(e===0)return`0`;let t=Number(e.toPrecision(4)),n=Math.abs(t);return n>=.001&&n<1e5?String(t):e.toExponential(3).replace(/\.?0+e/,`e`)}var r=`0.1.0`,i=Symbol.for(`fitscope.ui.version`);function a(e,t){let n=customElements.get(e);if(n!==void 0){let t=n[i];t!==`0.1.0`&&console.warn(`fitscope: <${e}> is already defined (version ${t??`unknown`}); this copy (${r}) is not used.`)}else Object.defineProperty(t,i,{value:r}),customElements.define(e,t)}var o={"app.title":`fitscope`,"app.nav.overview":`Overview`,"app.nav.model":`Model`,"app.nav.system":`System`,"app.session":`Session`,"app.worker":`Worker`,"app.language":`Language`,"app.theme":`Theme`,"app.theme.auto":`Auto`,"app.theme.light":`Light`,"app.theme.dark":`Dark`,"app.loading":`Loading…`,"app.no_session":`No training session yet. It appears here as soon as a listener writes one.`,"app.live.connecting":`Connecting…`,"app.live.open":`Live`,"app.live.retrying":`Reconnecting…`,"app.live.closed":`Not live`,"app.error":`Error: {message}`,"chart.iteration":`Iteration`,"chart.table":`Table`,"chart.log_scale":`Log scale`,"chart.epoch":`Epoch {epoch}`,"chart.nan":`NaN`,"chart.posinf":`+Inf`,"chart.neginf":`-Inf`,"chart.nonfinite_at":`{value} at iteration {iteration}`,"chart.readout":`Iteration {iteration}: {values}`,"chart.no_data":`No data yet.`,"chart.series":`Series`,"histogram.count":`Count`,"histogram.bin":`Bin`,"histogram.range":`{from} to {to}`,"histogram.nonfinite":`Non-finite elements: {count}`,"overview.score":`Model Score vs. Iteration`,"overview.score.raw":`Score`,"overview.score.smoothed":`Smoothed (EMA 10)`,"overview.score.fit":`Least-squares fit`,"overview.score.fit_hint":`Drag across the chart to fit a line to a range.`,"overview.score.fit_result":`Fit over {x0}–{x1}: slope {slope} per iteration`,"overview.metrics":`Validation and user metrics`,"overview.info":`Model and Training Information`,"overview.info.model_type":`Model Type`,"overview.info.layers":`Layers`,"overview.info.params":`Total Parameters`,"overview.info.start":`Start Time`,"overview.info.runtime":`Total Runtime`,"overview.info.last_update":`Last Update`,"overview.info.iterations":`Total Parameter Updates`,"overview.info.epoch":`Epoch`,"overview.info.updates_per_s":`Updates/sec`,"overview.info.examples_per_s":`Examples/sec`,"overview.info.examples":`Total Examples`,"overview.ratios":`Update:Parameter Ratios (Mean Magnitudes): log10`,"overview.stdev":`Standard Deviations: log10`,"overview.stdev.activations":`Activations`,"overview.stdev.gradients":`Gradients`,"overview.stdev.updates":`Updates`,"model.graph":`Layers`,"model.input":`Input`,"model.getting_started":`Getting Started`,"model.getting_started.text":`Select a layer in the graph to see its parameters, updates, activations and histograms.`,"model.info":`Layer Information`,"model.info.name":`Layer Name`,"model.info.type":`Layer Type`,"model.info.input_shape":`Input Size`,"model.info.output_shape":`Layer Size`,"model.info.params":`# Parameters`,"model.info.param_names":`Parameters`,"model.info.activation":`Activation Function`,"model.info.inputs":`Inputs`,"model.mean_mag":`Mean Magnitudes`,"model.mean_mag.ratio":`Ratio`,"model.mean_mag.params":`Param`,"model.mean_mag.updates":`Updates`,"model.activations":`Layer Activations`,"model.activations.mean":`Mean`,"model.activations.plus":`Mean + 2·stdev`,"model.activations.minus":`Mean − 2·stdev`,"model.activations.none":`This layer's activations were not recorded.`,"model.learning_rates":`Parameter Learning Rates`,"model.hist.params":`Layer Parameters Histogram`,"model.hist.gradients":`Layer Gradients Histogram`,"model.hist.updates":`Layer Updates Histogram`,"model.hist.activations":`Layer Activations Histogram`,"model.hist.latest":`Latest report: iteration {iteration}`,"model.no_params":`This layer has no parameters.`,"system.machine":`Select Machine`,"system.memory":`Memory Utilization`,"system.memory.process":`Process memory (RSS)`,"system.memory.system_used":`System memory in use`,"system.devices":`Device Memory`,"system.throughput":`Throughput`,"system.examples_per_s":`Examples/sec`,"system.minibatches_per_s":`Minibatches/sec`,"system.collection_ms":`Listener cost per report (ms)`,"system.hardware":`Hardware Information`,"system.software":`Software Information`,"system.hw.cpu_count":`CPU cores`,"system.hw.memory_total":`Total memory`,"system.hw.devices":`Compute devices`,"system.hw.device":`Device {index}`,"system.sw.hostname":`Hostname`,"system.sw.os":`OS`,"system.sw.os_version":`OS version`,"system.sw.arch":`OS architecture`,"system.sw.python":`Python`,"system.sw.framework":`Framework`,"system.sw.backend":`Backend`,"system.sw.device":`Device`,"system.sw.dtype":`Data type`,"system.sw.fitscope":`fitscope`},s={"app.title":`fitscope`,"app.nav.overview":`概览`,"app.nav.model":`模型`,"app.nav.system":`系统`,"app.session":`会话`,"app.worker":`工作节点`,"app.language":`语言`,"app.theme":`主题`,"app.theme.auto":`自动`,"app.theme.light":`浅色`,"app.theme.dark":`深色`,"app.loading":`加载中…`,"app.no_session":`还没有训练会话。监听器写入会话后会立即显示在这里。`,"app.live.connecting":`连接中…`,"app.live.open":`实时`,"app.live.retrying":`正在重新连接…`,"app.live.closed":`未连接`,"app.error":`错误：{message}`,"chart.iteration":`迭代`,"chart.table":`表格`,"chart.log_scale":`对数坐标`,"chart.epoch":`第 {epoch} 轮`,"chart.nan":`NaN`,"chart.posinf":`+Inf`,"chart.neginf":`-Inf`,"chart.nonfinite_at":`迭代 {iteration} 处为 {value}`,"chart.readout":`迭代 {iteration}：{values}`,"chart.no_data":`暂无数据。`,"chart.series":`序列`,"histogram.count":`计数`,"histogram.bin":`区间`,"histogram.range":`{from} 至 {to}`,"histogram.nonfinite":`非有限元素：{count}`,"overview.score":`模型得分与迭代`,"overview.score.raw":`得分`,"overview.score.smoothed":`平滑（EMA 10）`,"overview.score.fit":`最小二乘拟合`,"overview.score.fit_hint":`在图表上拖动以对一段范围拟合直线。`,"overview.score.fit_result":`{x0}–{x1} 的拟合：每次迭代斜率 {slope}`,"overview.metrics":`验证与用户指标`,"overview.info":`模型与训练信息`,"overview.info.model_type":`模型类型`,"overview.info.layers":`层数`,"overview.info.params":`参数总数`,"overview.info.start":`开始时间`,"overview.info.runtime":`总运行时间`,"overview.info.last_update":`最后更新`,"overview.info.iterations":`参数更新总数`,"overview.info.epoch":`轮次`,"overview.info.updates_per_s":`每秒更新数`,"overview.info.examples_per_s":`每秒样本数`,"overview.info.examples":`样本总数`,"overview.ratios":`更新:参数比率（平均幅值）：log10`,"overview.stdev":`标准差：log10`,"overview.stdev.activations":`激活`,"overview.stdev.gradients":`梯度`,"overview.stdev.updates":`更新`,"model.graph":`层`,"model.input":`输入`,"model.getting_started":`入门`,"model.getting_started.text":`在图中选择一层，查看其参数、更新、激活和直方图。`,"model.info":`层信息`,"model.info.name":`层名称`,"model.info.type":`层类型`,"model.info.input_shape":`输入大小`,"model.info.output_shape":`层大小`,"model.info.params":`参数数量`,"model.info.param_names":`参数`,"model.info.activation":`激活函数`,"model.info.inputs":`输入`,"model.mean_mag":`平均幅值`,"model.mean_mag.ratio":`比率`,"model.mean_mag.params":`参数`,"model.mean_mag.updates":`更新`,"model.activations":`层激活`,"model.activations.mean":`均值`,"model.activations.plus":`均值 + 2·标准差`,"model.activations.minus":`均值 − 2·标准差`,"model.activations.none":`未记录该层的激活。`,"model.learning_rates":`参数学习率`,"model.hist.params":`层参数直方图`,"model.hist.gradients":`层梯度直方图`,"model.hist.updates":`层更新直方图`,"model.hist.activations":`层激活直方图`,"model.hist.latest":`最新报告：迭代 {iteration}`,"model.no_params":`该层没有参数。`,"system.machine":`选择机器`,"system.memory":`内存使用`,"system.memory.process":`进程内存（RSS）`,"system.memory.system_used":`系统已用内存`,"system.devices":`设备内存`,"system.throughput":`吞吐量`,"system.examples_per_s":`每秒样本数`,"system.minibatches_per_s":`每秒小批量数`,"system.collection_ms":`每次报告的监听器开销（毫秒）`,"system.hardware":`硬件信息`,"system.software":`软件信息`,"system.hw.cpu_count":`CPU 核心数`,"system.hw.memory_total":`总内存`,"system.hw.devices":`计算设备`,"system.hw.device":`设备 {index}`,"system.sw.hostname":`主机名`,"system.sw.os":`操作系统`,"system.sw.os_version":`操作系统版本`,"system.sw.arch":`操作系统架构`,"system.sw.python":`Python`,"system.sw.framework":`框架`,"system.sw.backend":`后端`,"system.sw.device":`设备`,"system.sw.dtype":`数据类型`,"system.sw.fitscope":`fitscope`},c={en:`English`,zh:`中文`},l={en:o,zh:s};function u(e){let t=(e??``).trim().toLowerCase();if(t in c)return t;let n=t.split(/[-_]/)[0]??``;return n in c?n:`en`}function d(){let e=typeof navigator>`u`?[]:navigator.languages;for(let t of e){let e=u(t);if(e!==`en`||t.toLowerCase().startsWith(`en`))return e}return`en`}function f(e,t,n){let r=l[e][t]??o[t];return n===void 0?r:r.replace(/\{(\w+)\}/g,(e,t)=>t in n?String(n[t]):e)}var p=globalThis,m=p.ShadowRoot&&(p.ShadyCSS===void 0||p.ShadyCSS.nativeShadow)&&`adoptedStyleSheets`in Document.prototype&&`replace`in CSSStyleSheet.prototype,h=Symbol(),g=new WeakMap,_=class{constructor(e,t,n){if(this._$cssResult$=!0,n!==h)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(m&&e===void 0){let n=t!==void 0&&t.length===1;n&&(e=g.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),n&&g.set(t,e))}return e}toString(){return this.cssText}},v=e=>new _(typeof e==`string`?e:e+``,void 0,h),y=(e,...t)=>new _(e.length===1?e[0]:t.reduce((t,n,r)=>t+(e=>{if(!0===e._$cssResult$)return e.cssText;if(typeof e==`number`)return e;throw Error(`Value passed to 'css' function must be a 'css' function result: `+e+`. Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.`)})(n)+e[r+1],e[0]),e,h),b=(e,t)=>{if(m)e.adoptedStyleSheets=t.map(e=>e instanceof CSSStyleSheet?e:e.styleSheet);else for(let n of t){let t=document.createElement(`style`),r=p.litNonce;r!==void 0&&t.setAttribute(`nonce`,r),t.textContent=n.cssText,e.appendChild(t)}},x=m?e=>e:e=>e instanceof CSSStyleSheet?(e=>{let t=``;for(let n of e.cssRules)t+=n.cssText;return v(t)})(e):e,{is:S,defineProperty:C,getOwnPropertyDescriptor:w,getOwnPropertyNames:T,getOwnPropertySymbols:E,getPrototypeOf:D}=Object,O=globalThis,k=O.trustedTypes,ee=k?k.emptyScript:``,A=O.reactiveElementPolyfillSupport,j=(e,t)=>e,te={toAttribute(e,t){switch(t){case Boolean:e=e?ee:null;break;case Object:case Array:e=e==null?e:JSON.stringify(e)}return e},fromAttribute(e,t){let n=e;switch(t){case Boolean:n=e!==null;break;case Number:n=e===null?null:Number(e);break;case Object:case Array:try{n=JSON.parse(e)}catch{n=null}}return n}},ne=(e,t)=>!S(e,t),re={attribute:!0,type:String,converter:te,reflect:!1,useDefault:!1,hasChanged:ne};Symbol.metadata??=Symbol(`metadata`),O.litPropertyMetadata??=new WeakMap;var ie=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=re){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let n=Symbol(),r=this.getPropertyDescriptor(e,n,t);r!==void 0&&C(this.prototype,e,r)}}static getPropertyDescriptor(e,t,n){let{get:r,set:i}=w(this.prototype,e)??{get(){return this[t]},set(e){this[t]=e}};return{get:r,set(t){let a=r?.call(this);i?.call(this,t),this.requestUpdate(e,a,n)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??re}static _$Ei(){if(this.hasOwnProperty(j(`elementProperties`)))return;let e=D(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(j(`finalized`)))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(j(`properties`))){let e=this.properties,t=[...T(e),...E(e)];for(let n of t)this.createProperty(n,e[n])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[e,n]of t)this.elementProperties.set(e,n)}this._$Eh=new Map;for(let[e,t]of this.elementProperties){let n=this._$Eu(e,t);n!==void 0&&this._$Eh.set(n,e)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let n=new Set(e.flat(1/0).reverse());for(let e of n)t.unshift(x(e))}else e!==void 0&&t.push(x(e));return t}static _$Eu(e,t){let n=t.attribute;return!1===n?void 0:typeof n==`string`?n:typeof e==`string`?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let n of t.keys())this.hasOwnProperty(n)&&(e.set(n,this[n]),delete this[n]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return b(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,n){this._$AK(e,n)}_$ET(e,t){let n=this.constructor.elementProperties.get(e),r=this.constructor._$Eu(e,n);if(r!==void 0&&!0===n.reflect){let i=(n.converter?.toAttribute===void 0?te:n.converter).toAttribute(t,n.type);this._$Em=e,i==null?this.removeAttribute(r):this.setAttribute(r,i),this._$Em=null}}_$AK(e,t){let n=this.constructor,r=n._$Eh.get(e);if(r!==void 0&&this._$Em!==r){let e=n.getPropertyOptions(r),i=typeof e.converter==`function`?{fromAttribute:e.converter}:e.converter?.fromAttribute===void 0?te:e.converter;this._$Em=r;let a=i.fromAttribute(t,e.type);this[r]=a??this._$Ej?.get(r)??a,this._$Em=null}}requestUpdate(e,t,n,r=!1,i){if(e!==void 0){let a=this.constructor;if(!1===r&&(i=this[e]),n??=a.getPropertyOptions(e),!((n.hasChanged??ne)(i,t)||n.useDefault&&n.reflect&&i===this._$Ej?.get(e)&&!this.hasAttribute(a._$Eu(e,n))))return;this.C(e,t,n)}!1===this.isUpdatePending&&(this._$ES=this._$EP())}C(e,t,{useDefault:n,reflect:r,wrapped:i},a){n&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,a??t??this[e]),!0!==i||a!==void 0)||(this._$AL.has(e)||(this.hasUpdated||n||(t=void 0),this._$AL.set(e,t)),!0===r&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(e){Promise.reject(e)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[e,t]of this._$Ep)this[e]=t;this._$Ep=void 0}let e=this.constructor.elementProperties;if(e.size>0)for(let[t,n]of e){let{wrapped:e}=n,r=this[t];!0!==e||this._$AL.has(t)||r===void 0||this.C(t,void 0,n,r)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(e=>e.hostUpdate?.()),this.update(t)):this._$EM()}catch(t){throw e=!1,this._$EM(),t}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(e=>e.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(e=>this._$ET(e,this[e])),this._$EM()}updated(e){}firstUpdated(e){}};ie.elementStyles=[],ie.shadowRootOptions={mode:`open`},ie[j(`elementProperties`)]=new Map,ie[j(`finalized`)]=new Map,A?.({ReactiveElement:ie}),(O.reactiveElementVersions??=[]).push(`2.1.2`);var ae=globalThis,M=e=>e,N=ae.trustedTypes,P=N?N.createPolicy(`lit-html`,{createHTML:e=>e}):void 0,oe=`$lit$`,F=`lit$${Math.random().toFixed(9).slice(2)}$`,I=`?`+F,se=`<${I}>`,ce=document,le=()=>ce.createComment(``),ue=e=>e===null||typeof e!=`object`&&typeof e!=`function`,de=Array.isArray,fe=e=>de(e)||typeof e?.[Symbol.iterator]==`function`,pe=`[ 	
\f\r]`,me=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,he=/-->/g,ge=/>/g,_e=RegExp(`>|${pe}(?:([^\\s"'>=/]+)(${pe}*=${pe}*(?:[^ \t\n\f\r"'\`<>=]|("|')|))|$)`,`g`),ve=/'/g,ye=/"/g,be=/^(?:script|style|textarea|title)$/i,xe=e=>(t,...n)=>({_$litType$:e,strings:t,values:n}),L=xe(1),R=xe(2),z=Symbol.for(`lit-noChange`),B=Symbol.for(`lit-nothing`),Se=new WeakMap,Ce=ce.createTreeWalker(ce,129);function we(e,t){if(!de(e)||!e.hasOwnProperty(`raw`))throw Error(`invalid template strings array`);return P===void 0?t:P.createHTML(t)}var Te=(e,t)=>{let n=e.length-1,r=[],i,a=t===2?`<svg>`:t===3?`<math>`:``,o=me;for(let t=0;t<n;t++){let n=e[t],s,c,l=-1,u=0;for(;u<n.length&&(o.lastIndex=u,c=o.exec(n),c!==null);)u=o.lastIndex,o===me?c[1]===`!--`?o=he:c[1]===void 0?c[2]===void 0?c[3]!==void 0&&(o=_e):(be.test(c[2])&&(i=RegExp(`</`+c[2],`g`)),o=_e):o=ge:o===_e?c[0]===`>`?(o=i??me,l=-1):c[1]===void 0?l=-2:(l=o.lastIndex-c[2].length,s=c[1],o=c[3]===void 0?_e:c[3]===`"`?ye:ve):o===ye||o===ve?o=_e:o===he||o===ge?o=me:(o=_e,i=void 0);let d=o===_e&&e[t+1].startsWith(`/>`)?` `:``;a+=o===me?n+se:l>=0?(r.push(s),n.slice(0,l)+oe+n.slice(l)+F+d):n+F+(l===-2?t:d)}return[we(e,a+(e[n]||`<?>`)+(t===2?`</svg>`:t===3?`</math>`:``)),r]},Ee=class e{constructor({strings:t,_$litType$:n},r){let i;this.parts=[];let a=0,o=0,s=t.length-1,c=this.parts,[l,u]=Te(t,n);if(this.el=e.createElement(l,r),Ce.currentNode=this.el.content,n===2||n===3){let e=this.el.content.firstChild;e.replaceWith(...e.childNodes)}for(;(i=Ce.nextNode())!==null&&c.length<s;){if(i.nodeType===1){if(i.hasAttributes())for(let e of i.getAttributeNames())if(e.endsWith(oe)){let t=u[o++],n=i.getAttribute(e).split(F),r=/([.?@])?(.*)/.exec(t);c.push({type:1,index:a,name:r[2],strings:n,ctor:r[1]===`.`?je:r[1]===`?`?Me:r[1]===`@`?Ne:Ae}),i.removeAttribute(e)}else e.startsWith(F)&&(c.push({type:6,index:a}),i.removeAttribute(e));if(be.test(i.tagName)){let e=i.textContent.split(F),t=e.length-1;if(t>0){i.textContent=N?N.emptyScript:``;for(let n=0;n<t;n++)i.append(e[n],le()),Ce.nextNode(),c.push({type:2,index:++a});i.append(e[t],le())}}}else if(i.nodeType===8){if(i.data===I)c.push({type:2,index:a});else{let e=-1;for(;(e=i.data.indexOf(F,e+1))!==-1;)c.push({type:7,index:a}),e+=F.length-1}}a++}}static createElement(e,t){let n=ce.createElement(`template`);return n.innerHTML=e,n}};function De(e,t,n=e,r){if(t===z)return t;let i=r===void 0?n._$Cl:n._$Co?.[r],a=ue(t)?void 0:t._$litDirective$;return i?.constructor!==a&&(i?._$AO?.(!1),a===void 0?i=void 0:(i=new a(e),i._$AT(e,n,r)),r===void 0?n._$Cl=i:(n._$Co??=[])[r]=i),i!==void 0&&(t=De(e,i._$AS(e,t.values),i,r)),t}var Oe=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:n}=this._$AD,r=(e?.creationScope??ce).importNode(t,!0);Ce.currentNode=r;let i=Ce.nextNode(),a=0,o=0,s=n[0];for(;s!==void 0;){if(a===s.index){let t;s.type===2?t=new ke(i,i.nextSibling,this,e):s.type===1?t=new s.ctor(i,s.name,s.strings,this,e):s.type===6&&(t=new Pe(i,this,e)),this._$AV.push(t),s=n[++o]}a!==s?.index&&(i=Ce.nextNode(),a++)}return Ce.currentNode=ce,r}p(e){let t=0;for(let n of this._$AV)n!==void 0&&(n.strings===void 0?n._$AI(e[t]):(n._$AI(e,n,t),t+=n.strings.length-2)),t++}},ke=class e{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,n,r){this.type=2,this._$AH=B,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=n,this.options=r,this._$Cv=r?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=De(this,e,t),ue(e)?e===B||e==null||e===``?(this._$AH!==B&&this._$AR(),this._$AH=B):e!==this._$AH&&e!==z&&this._(e):e._$litType$===void 0?e.nodeType===void 0?fe(e)?this.k(e):this._(e):this.T(e):this.$(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==B&&ue(this._$AH)?this._$AA.nextSibling.data=e:this.T(ce.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:n}=e,r=typeof n==`number`?this._$AC(e):(n.el===void 0&&(n.el=Ee.createElement(we(n.h,n.h[0]),this.options)),n);if(this._$AH?._$AD===r)this._$AH.p(t);else{let e=new Oe(r,this),n=e.u(this.options);e.p(t),this.T(n),this._$AH=e}}_$AC(e){let t=Se.get(e.strings);return t===void 0&&Se.set(e.strings,t=new Ee(e)),t}k(t){de(this._$AH)||(this._$AH=[],this._$AR());let n=this._$AH,r,i=0;for(let a of t)i===n.length?n.push(r=new e(this.O(le()),this.O(le()),this,this.options)):r=n[i],r._$AI(a),i++;i<n.length&&(this._$AR(r&&r._$AB.nextSibling,i),n.length=i)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let t=M(e).nextSibling;M(e).remove(),e=t}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},Ae=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,n,r,i){this.type=1,this._$AH=B,this._$AN=void 0,this.element=e,this.name=t,this._$AM=r,this.options=i,n.length>2||n[0]!==``||n[1]!==``?(this._$AH=Array(n.length-1).fill(new String),this.strings=n):this._$AH=B}_$AI(e,t=this,n,r){let i=this.strings,a=!1;if(i===void 0)e=De(this,e,t,0),a=!ue(e)||e!==this._$AH&&e!==z,a&&(this._$AH=e);else{let r=e,o,s;for(e=i[0],o=0;o<i.length-1;o++)s=De(this,r[n+o],t,o),s===z&&(s=this._$AH[o]),a||=!ue(s)||s!==this._$AH[o],s===B?e=B:e!==B&&(e+=(s??``)+i[o+1]),this._$AH[o]=s}a&&!r&&this.j(e)}j(e){e===B?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??``)}},je=class extends Ae{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===B?void 0:e}},Me=class extends Ae{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==B)}},Ne=class extends Ae{constructor(e,t,n,r,i){super(e,t,n,r,i),this.type=5}_$AI(e,t=this){if((e=De(this,e,t,0)??B)===z)return;let n=this._$AH,r=e===B&&n!==B||e.capture!==n.capture||e.once!==n.once||e.passive!==n.passive,i=e!==B&&(n===B||r);r&&this.element.removeEventListener(this.name,this,n),i&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH==`function`?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},Pe=class{constructor(e,t,n){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=n}get _$AU(){return this._$AM._$AU}_$AI(e){De(this,e)}},Fe=ae.litHtmlPolyfillSupport;Fe?.(Ee,ke),(ae.litHtmlVersions??=[]).push(`3.3.3`);var Ie=(e,t,n)=>{let r=n?.renderBefore??t,i=r._$litPart$;if(i===void 0){let e=n?.renderBefore??null;r._$litPart$=i=new ke(t.insertBefore(le(),e),e,void 0,n??{})}return i._$AI(e),i},Le=globalThis,Re=class extends ie{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=Ie(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return z}};Re._$litElement$=!0,Re.finalized=!0,Le.litElementHydrateSupport?.({LitElement:Re});var ze=Le.litElementPolyfillSupport;ze?.({LitElement:Re}),(Le.litElementVersions??=[]).push(`4.2.2`);var Be=class extends Error{constructor(e,t,n){super(n),this.name=`ApiError`,this.status=e,this.code=t}};function Ve(e,t,n={}){let r=e.replace(/\/+$/,``),i=new URLSearchParams;for(let[e,t]of Object.entries(n))t!=null&&t!==``&&i.set(e,String(t));let a=i.toString();return`${r}/api/v1/${t}${a===``?``:`?${a}`}`}function He(e){if(typeof e!=`object`||!e||!(`error`in e))return!1;let t=e.error;return typeof t==`object`&&!!t&&`message`in t&&`code`in t}async function Ue(e,t,n,r){let i=Ve(e,t,n),a;try{a=await fetch(i,{signal:r,headers:{Accept:`application/json`}})}catch(e){throw e instanceof DOMException&&e.name===`AbortError`?e:new Be(0,`network_error`,`Could not reach the fitscope server at ${i} (is it running, and does it allow this page's origin with --cors-origin?).`)}let o=await a.json().catch(()=>null);if(!a.ok)throw He(o)?new Be(o.error.status,o.error.code,o.error.message):new Be(a.status,`http_error`,`${i} answered ${a.status}.`);return o}function We(e){return e instanceof DOMException&&e.name===`AbortError`}var Ge=`—`;function Ke(e){return e===null?Ge:e===1/0?`+Inf`:e===-1/0?`-Inf`:`NaN`}var qe=[`B`,`KiB`,`MiB`,`GiB`,`TiB`,`PiB`],Je=3;function Ye(e){let t=e.toPrecision(Je);return t.includes(`e`)?String(Math.round(e)):t}function Xe(e){if(e===null||!Number.isFinite(e))return Ke(e);let t=e<0?`-`:``,n=Math.abs(e),r=0;for(;n>=1024&&r<qe.length-1;)n/=1024,r+=1;let i=r===0&&Number.isInteger(n)?String(n):Ye(n);return`${Number(i)===0?``:t}${i} ${qe[r]??`PiB`}`}var Ze=.001,Qe=1e5;function $e(e,t=4){if(!Number.isInteger(t)||t<1||t>100)throw RangeError(`digits must be an integer from 1 to 100, got ${String(t)}.`);if(t===4)return n(e);if(e===null||!Number.isFinite(e))return Ke(e);if(e===0)return`0`;let r=Number(e.toPrecision(t)),i=Math.abs(r),a=Math.max(Qe,10**t);return i>=Ze&&i<a?String(r):e.toExponential(t-1).replace(/\.?0+e/,`e`)}var et=1e21;function tt(e){if(e===null||!Number.isFinite(e))return Ke(e);let t=Math.round(Math.abs(e));if(t>=et)return $e(e);let n=String(t).replace(/\B(?=(\d{3})+$)/g,`,`);return e<0&&t!==0?`-${n}`:n}function nt(e){if(e===null||!Number.isFinite(e))return Ke(e);if(Math.abs(e)>=et)return $e(e);let t=e.toFixed(2);return t===`-0.00`?`0.00`:t}function rt(e){return String(e).padStart(2,`0`)}function it(e){if(e===null)return Ge;if(!Number.isFinite(e)||e<0)return $e(e);let t=e/1e3;if(t<10){let e=t.toFixed(2);if(Number(e)<10)return`${e} s`}if(t<60){let e=t.toFixed(1);if(Number(e)<60)return`${e} s`}let n=Math.round(t);if(n<3600)return`${Math.floor(n/60)} min ${n%60} s`;let r=Math.round(t/60);if(r<1440)return`${Math.floor(r/60)} h ${rt(r%60)} min`;let i=Math.round(t/3600);return`${Math.floor(i/24)} d ${i%24} h`}var at=new Map;function ot(e){let t=e??``,n=at.get(t);return n===void 0&&(n=new Intl.DateTimeFormat(`en-CA`,{year:`numeric`,month:`2-digit`,day:`2-digit`,hour:`2-digit`,minute:`2-digit`,second:`2-digit`,hourCycle:`h23`,...e===void 0?{}:{timeZone:e}}),at.set(t,n)),n}function V(e,t){if(e===null)return Ge;let n=new Date(e);if(Number.isNaN(n.getTime()))return $e(e);let r={year:``,month:``,day:``,hour:``,minute:``,second:``};for(let{type:e,value:i}of ot(t).formatToParts(n))switch(e){case`year`:case`month`:case`day`:case`hour`:case`minute`:case`second`:r[e]=i}let i=r.year.padStart(4,`0`),a=r.hour===`24`?`00`:r.hour;return`${i}-${r.month}-${r.day} ${a}:${r.minute}:${r.second}`}function st(e,t){let n=e.name??e.session_id;return t.filter(e=>(e.name??e.session_id)===n).length>1?`${n} (${V(e.start_ms)})`:n}var ct=5e3,lt=5e3,ut=6e4,dt=class{constructor(e){this.url=e,this.subscribers=new Set,this.state=`connecting`,this.source=null,this.poll=null,this.reopen=null,this.reopenMs=lt,this.open()}open(){let e=new EventSource(this.url);this.source=e,e.addEventListener(`open`,()=>{let e=this.poll!==null;this.stopPolling(),this.reopenMs=lt,this.setState(`open`),e&&this.broadcast({kind:`reset`})}),e.addEventListener(`error`,()=>{e.readyState===EventSource.CLOSED?(this.setState(`closed`),this.startPolling(),this.reopen??=setTimeout(()=>{this.reopen=null,this.reopenMs=Math.min(this.reopenMs*2,ut),this.open()},this.reopenMs)):this.setState(`retrying`)}),e.addEventListener(`message`,e=>{let t;try{t=JSON.parse(e.data)}catch{return}this.broadcast(t)}),e.addEventListener(`reset`,()=>{this.broadcast({kind:`reset`})})}broadcast(e){for(let t of[...this.subscribers])t.onEvent(e)}startPolling(){this.poll??=setInterval(()=>{this.broadcast({kind:`reset`})},ct)}stopPolling(){this.poll!==null&&clearInterval(this.poll),this.poll=null}setState(e){if(e!==this.state){this.state=e;for(let t of[...this.subscribers])t.onState?.(e)}}close(){this.source?.close(),this.stopPolling(),this.reopen!==null&&clearTimeout(this.reopen),this.reopen=null}},ft=new Map;function pt(e,t){let n=Ve(e,`events`),r=ft.get(n);r===void 0&&(r=new dt(n),ft.set(n,r)),r.subscribers.add(t),t.onState?.(r.state);let i=r;return()=>{i.subscribers.delete(t),i.subscribers.size===0&&ft.get(n)===i&&(i.close(),ft.delete(n))}}var mt=250,ht=class extends Re{static{this.properties={apiBase:{attribute:`api-base`},session:{},worker:{},lang:{},theme:{reflect:!0},error:{state:!0},loaded:{state:!0}}}constructor(){super(),this.shownSession=null,this.shownWorker=null,this.unsubscribe=null,this.controller=null,this.lastStart=0,this.pending=null,this.inFlight=!1,this.dirty=!1,this.pendingKinds=new Set,this.apiBase=``,this.session=null,this.worker=null,this.lang=``,this.theme=null,this.error=null,this.loaded=!1}get language(){return this.lang===``?d():u(this.lang)}tr(e,t){return f(this.language,e,t)}isRelevant(e){return e.kind===`reset`||this.shownSession===null?!0:e.session_id===this.shownSession?this.shownWorker===null||e.worker_id===this.shownWorker:this.session===null&&e.kind===`static_info`}connectedCallback(){super.connectedCallback(),this.subscribe()}subscribe(){this.unsubscribe?.(),this.unsubscribe=pt(this.apiBase,{onEvent:e=>{this.onLive(e)},onState:e=>{this.onLiveState?.(e)}})}disconnectedCallback(){super.disconnectedCallback(),this.unsubscribe?.(),this.unsubscribe=null,this.controller?.abort(),this.pending!==null&&clearTimeout(this.pending),this.pending=null}willUpdate(e){e.has(`apiBase`)&&this.isConnected&&e.get(`apiBase`)!==void 0&&this.subscribe(),(e.has(`apiBase`)||e.has(`session`)||e.has(`worker`))&&this.reload()}onLive(e){this.isRelevant(e)&&(this.pendingKinds.add(e.kind),this.refresh())}takeEventKinds(){let e=this.pendingKinds;return this.pendingKinds=new Set,e}reload(){this.pendingKinds=new Set,this.controller?.abort(),this.inFlight=!1,this.dirty=!1,this.pending!==null&&clearTimeout(this.pending),this.pending=null,this.run()}refresh(){if(this.inFlight){this.dirty=!0;return}if(this.pending!==null)return;let e=Math.max(0,this.lastStart+mt-performance.now());this.pending=setTimeout(()=>{this.pending=null,this.run()},e)}async run(){let e=new AbortController;this.controller=e,this.inFlight=!0,this.lastStart=performance.now();try{if(await this.fetchData(e.signal),e.signal.aborted)return;this.error=null,this.loaded=!0}catch(t){if(We(t)||e.signal.aborted)return;let n=t instanceof Be?t:new Be(0,`client_error`,t instanceof Error?t.message:String(t));n!==this.error&&(this.error=n,this.dispatchEvent(new CustomEvent(`train-error`,{bubbles:!0,composed:!0,detail:{status:n.status,code:n.code,message:n.message}})))}finally{this.controller===e&&(this.inFlight=!1,this.dirty&&(this.dirty=!1,this.refresh()))}}renderError(){return this.error===null?null:L`<p part="error" class="error" role="alert">
      ${this.tr(`app.error`,{message:this.error.message})}
    </p>`}renderLoading(){return L`<p class="muted" aria-busy="true">${this.tr(`app.loading`)}</p>`}},gt=y`
  --_bg: var(--train-bg, #ffffff);
  --_fg: var(--train-fg, #1b1b1f);
  --_muted: var(--train-muted, #5b5d66);
  --_border: var(--train-border, #d0d2d9);
  --_accent: var(--train-accent, #0a5fa8);
  --_grid: var(--train-grid, #e4e5ea);
  --_nonfinite: var(--train-nonfinite, #b00020);
  --_band: var(--train-band, rgba(0, 158, 115, 0.14));
  --_series-1: var(--train-series-1, #0072b2);
  --_series-2: var(--train-series-2, #d55e00);
  --_series-3: var(--train-series-3, #009e73);
  --_series-4: var(--train-series-4, #cc79a7);
  --_series-5: var(--train-series-5, #56b4e9);
  --_series-6: var(--train-series-6, #e69f00);
  --_series-7: var(--train-series-7, #000000);
  --_series-8: var(--train-series-8, #f0e442);
  color-scheme: light;
`,_t=y`
  --_bg: var(--train-bg, #1e1e1e);
  --_fg: var(--train-fg, #e8e8ea);
  --_muted: var(--train-muted, #a9abb3);
  --_border: var(--train-border, #44464d);
  --_accent: var(--train-accent, #7cc4ff);
  --_grid: var(--train-grid, #34363c);
  --_nonfinite: var(--train-nonfinite, #ff6b81);
  --_band: var(--train-band, rgba(0, 158, 115, 0.22));
  --_series-1: var(--train-series-1, #f0e442);
  --_series-2: var(--train-series-2, #e69f00);
  --_series-3: var(--train-series-3, #56b4e9);
  --_series-4: var(--train-series-4, #cc79a7);
  --_series-5: var(--train-series-5, #009e73);
  --_series-6: var(--train-series-6, #d55e00);
  --_series-7: var(--train-series-7, #ffffff);
  --_series-8: var(--train-series-8, #0072b2);
  color-scheme: dark;
`,vt=y`
  :host {
    ${gt}
    --_font: var(--train-font-family, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
    --_radius: var(--train-radius, 6px);
    display: block;
    font-family: var(--_font);
    color: var(--_fg);
    background: var(--_bg);
  }
  :host([theme="dark"]) {
    ${_t}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme="light"])) {
      ${_t}
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
`;function yt(e,t){return getComputedStyle(e).getPropertyValue(t).trim()}function bt(e,t){return yt(e,`--_series-${t%8+1}`)}var xt=[vt,y`
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
  `],St=[vt,y`
    :host([data-inherit-theme]:not([theme])) {
      --_bg: inherit;
      --_fg: inherit;
      --_muted: inherit;
      --_border: inherit;
      --_accent: inherit;
      --_grid: inherit;
      --_nonfinite: inherit;
      --_band: inherit;
      --_series-1: inherit;
      --_series-2: inherit;
      --_series-3: inherit;
      --_series-4: inherit;
      --_series-5: inherit;
      --_series-6: inherit;
      --_series-7: inherit;
      --_series-8: inherit;
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
  `];function Ct(e){let t=e.getRootNode(),n=e.parentElement??(t instanceof ShadowRoot?t.host:null);return n!==null&&getComputedStyle(n).getPropertyValue(`--_fg`).trim()!==``}function wt(e,t){return L`<table class="info" part="table" data-table=${e}>
    <tbody>
      ${t.map(([e,t,n])=>L`<tr data-key=${e}>
            <th scope="row">${t}</th>
            <td>${n??`—`}</td>
          </tr>`)}
    </tbody>
  </table>`}var Tt=!0,Et=`uplot`,Dt=`u-hz`,Ot=`u-vt`,kt=`u-title`,At=`u-wrap`,jt=`u-under`,Mt=`u-over`,Nt=`u-axis`,Pt=`u-off`,Ft=`u-select`,It=`u-cursor-x`,Lt=`u-cursor-y`,Rt=`u-cursor-pt`,zt=`u-legend`,Bt=`u-live`,Vt=`u-inline`,Ht=`u-series`,Ut=`u-marker`,Wt=`u-label`,Gt=`u-value`,Kt=`width`,qt=`height`,Jt=`top`,Yt=`bottom`,Xt=`left`,Zt=`right`,Qt=`#000`,$t=`#0000`,en=`mousemove`,tn=`mousedown`,nn=`mouseup`,rn=`mouseenter`,an=`mouseleave`,on=`dblclick`,sn=`resize`,cn=`scroll`,ln=`change`,un=`dppxchange`,dn=`--`,fn=typeof window<`u`,pn=fn?document:null,mn=fn?window:null,hn=fn?navigator:null,H,gn;function _n(){let e=devicePixelRatio;H!=e&&(H=e,gn&&jn(ln,gn,_n),gn=matchMedia(`(min-resolution: ${H-.001}dppx) and (max-resolution: ${H+.001}dppx)`),An(ln,gn,_n),mn.dispatchEvent(new CustomEvent(un)))}function vn(e,t){if(t!=null){let n=e.classList;!n.contains(t)&&n.add(t)}}function yn(e,t){let n=e.classList;n.contains(t)&&n.remove(t)}function U(e,t,n){e.style[t]=n+`px`}function bn(e,t,n,r){let i=pn.createElement(e);return t!=null&&vn(i,t),n?.insertBefore(i,r),i}function xn(e,t){return bn(`div`,e,t)}var Sn=new WeakMap;function Cn(e,t,n,r,i){let a=`translate(`+t+`px,`+n+`px)`;a!=Sn.get(e)&&(e.style.transform=a,Sn.set(e,a),t<0||n<0||t>r||n>i?vn(e,Pt):yn(e,Pt))}var wn=new WeakMap;function Tn(e,t,n){let r=t+n;r!=wn.get(e)&&(wn.set(e,r),e.style.background=t,e.style.borderColor=n)}var En=new WeakMap;function Dn(e,t,n,r){let i=t+``+n;i!=En.get(e)&&(En.set(e,i),e.style.height=n+`px`,e.style.width=t+`px`,e.style.marginLeft=r?-t/2+`px`:0,e.style.marginTop=r?-n/2+`px`:0)}var On={passive:!0},kn={...On,capture:!0};function An(e,t,n,r){t.addEventListener(e,n,r?kn:On)}function jn(e,t,n,r){t.removeEventListener(e,n,On)}fn&&_n();function Mn(e,t,n,r){let i;n||=0,r||=t.length-1;let a=r<=2147483647;for(;r-n>1;)i=a?n+r>>1:$n((n+r)/2),t[i]<e?n=i:r=i;return e-t[n]<=t[r]-e?n:r}function Nn(e){return(t,n,r)=>{let i=-1,a=-1;for(let a=n;a<=r;a++)if(e(t[a])){i=a;break}for(let i=r;i>=n;i--)if(e(t[i])){a=i;break}return[i,a]}}var Pn=e=>e!=null,Fn=e=>e!=null&&e>0,In=Nn(Pn),Ln=Nn(Fn);function Rn(e,t,n,r=0,i=!1){let a=i?Ln:In,o=i?Fn:Pn;[t,n]=a(e,t,n);let s=e[t],c=e[t];if(t>-1){if(r==1)s=e[t],c=e[n];else if(r==-1)s=e[n],c=e[t];else for(let r=t;r<=n;r++){let t=e[r];o(t)&&(t<s?s=t:t>c&&(c=t))}}return[s??G,c??-G]}function zn(e,t,n,r){let i=ar(e),a=ar(t);e==t&&(i==-1?(e*=n,t/=n):(e/=n,t*=n));let o=n==10?or:sr,s=i==1?$n:tr,c=a==1?tr:$n,l=s(o(Qn(e))),u=c(o(Qn(t))),d=ir(n,l),f=ir(n,u);return n==10&&(l<0&&(d=q(d,-l)),u<0&&(f=q(f,-u))),r||n==2?(e=d*i,t=f*a):(e=Cr(e,d),t=Sr(t,f)),[e,t]}function Bn(e,t,n,r){let i=zn(e,t,n,r);return e==0&&(i[0]=0),t==0&&(i[1]=0),i}var Vn=.1,Hn={mode:3,pad:Vn},Un={pad:0,soft:null,mode:0},Wn={min:Un,max:Un};function Gn(e,t,n,r){return Mr(n)?qn(e,t,n):(Un.pad=n,Un.soft=r?0:null,Un.mode=r?3:0,qn(e,t,Wn))}function W(e,t){return e??t}function Kn(e,t,n){for(t=W(t,0),n=W(n,e.length-1);t<=n;){if(e[t]!=null)return!0;t++}return!1}function qn(e,t,n){let r=n.min,i=n.max,a=W(r.pad,0),o=W(i.pad,0),s=W(r.hard,-G),c=W(i.hard,G),l=W(r.soft,G),u=W(i.soft,-G),d=W(r.mode,0),f=W(i.mode,0),p=t-e,m=or(p),h=rr(Qn(e),Qn(t)),g=Qn(or(h)-m);(p<1e-24||g>10)&&(p=0,(e==0||t==0)&&(p=1e-24,d==2&&l!=G&&(a=0),f==2&&u!=-G&&(o=0)));let _=p||h||1e3,v=ir(10,$n(or(_))),y=q(Cr(e-_*(p==0?e==0?.1:1:a),v/10),24),b=e>=l&&(d==1||d==3&&y<=l||d==2&&y>=l)?l:G,x=rr(s,y<b&&e>=b?b:nr(b,y)),S=q(Sr(t+_*(p==0?t==0?.1:1:o),v/10),24),C=t<=u&&(f==1||f==3&&S>=u||f==2&&S<=u)?u:-G,w=nr(c,S>C&&t<=C?C:rr(C,S));return x==w&&x==0&&(w=100),[x,w]}var Jn=new Intl.NumberFormat(fn?hn.language:`en-US`),Yn=e=>Jn.format(e),Xn=Math,Zn=Xn.PI,Qn=Xn.abs,$n=Xn.floor,er=Xn.round,tr=Xn.ceil,nr=Xn.min,rr=Xn.max,ir=Xn.pow,ar=Xn.sign,or=Xn.log10,sr=Xn.log2,cr=(e,t=1)=>Xn.sinh(e)*t,lr=(e,t=1)=>Xn.asinh(e/t),G=1/0;function ur(e){return(or((e^e>>31)-(e>>31))|0)+1}function dr(e,t,n){return nr(rr(e,t),n)}function fr(e){return typeof e==`function`}function K(e){return fr(e)?e:()=>e}var pr=()=>{},mr=e=>e,hr=(e,t)=>t,gr=e=>null,_r=e=>!0,vr=(e,t)=>e==t,yr=/\.\d*?(?=9{6,}|0{6,})/gm,br=e=>{if(Y(e)||wr.has(e))return e;let t=`${e}`,n=t.match(yr);if(n==null)return e;let r=n[0].length-1;if(t.indexOf(`e-`)!=-1){let[e,n]=t.split(`e`);return+`${br(e)}e${n}`}return q(e,r)};function xr(e,t){return br(q(br(e/t))*t)}function Sr(e,t){return br(tr(br(e/t))*t)}function Cr(e,t){return br($n(br(e/t))*t)}function q(e,t=0){if(Y(e))return e;let n=10**t;return er(e*n*(1+2**-52))/n}var wr=new Map;function Tr(e){return((``+e).split(`.`)[1]||``).length}function J(e,t,n,r){let i=[],a=r.map(Tr);for(let o=t;o<n;o++){let t=Qn(o),n=q(ir(e,o),t);for(let s=0;s<r.length;s++){let c=e==10?+`${r[s]}e${o}`:r[s]*n,l=(o>=0?0:t)+(o>=a[s]?0:a[s]),u=e==10?c:q(c,l);i.push(u),wr.set(u,l)}}return i}var Er={},Dr=[],Or=[null,null],kr=Array.isArray,Y=Number.isInteger,Ar=e=>e===void 0;function jr(e){return typeof e==`string`}function Mr(e){let t=!1;if(e!=null){let n=e.constructor;t=n==null||n==Object}return t}function Nr(e){return typeof e==`object`&&!!e}var Pr=Object.getPrototypeOf(Uint8Array),Fr=`__proto__`;function Ir(e,t=Mr){let n;if(kr(e)){let r=e.find(e=>e!=null);if(kr(r)||t(r)){n=Array(e.length);for(let r=0;r<e.length;r++)n[r]=Ir(e[r],t)}else n=e.slice()}else if(e instanceof Pr)n=e.slice();else if(t(e)){n={};for(let r in e)r!=Fr&&(n[r]=Ir(e[r],t))}else n=e;return n}function Lr(e){let t=arguments;for(let n=1;n<t.length;n++){let r=t[n];for(let t in r)t!=Fr&&(Mr(e[t])?Lr(e[t],Ir(r[t])):e[t]=Ir(r[t]))}return e}var Rr=0,zr=1,X=2;function Br(e,t,n){for(let r=0,i,a=-1;r<t.length;r++){let o=t[r];if(o>a){for(i=o-1;i>=0&&e[i]==null;)e[i--]=null;for(i=o+1;i<n&&e[i]==null;)e[a=i++]=null}}}function Vr(e,t){if(Wr(e)){let t=e[0].slice();for(let n=1;n<e.length;n++)t.push(...e[n].slice(1));return Gr(t[0])||(t=Ur(t)),t}let n=new Set;for(let t=0;t<e.length;t++){let r=e[t][0],i=r.length;for(let e=0;e<i;e++)n.add(r[e])}let r=[Array.from(n).sort((e,t)=>e-t)],i=r[0].length,a=new Map;for(let e=0;e<i;e++)a.set(r[0][e],e);for(let n=0;n<e.length;n++){let o=e[n],s=o[0];for(let e=1;e<o.length;e++){let c=o[e],l=Array(i).fill(void 0),u=t?t[n][e]:zr,d=[];for(let e=0;e<c.length;e++){let t=c[e],n=a.get(s[e]);t===null?u!=Rr&&(l[n]=t,u==X&&d.push(n)):l[n]=t}Br(l,d,i),r.push(l)}}return r}var Hr=typeof queueMicrotask>`u`?e=>Promise.resolve().then(e):queueMicrotask;function Ur(e){let t=e[0],n=t.length,r=Array(n);for(let e=0;e<r.length;e++)r[e]=e;r.sort((e,n)=>t[e]-t[n]);let i=[];for(let t=0;t<e.length;t++){let a=e[t],o=Array(n);for(let e=0;e<n;e++)o[e]=a[r[e]];i.push(o)}return i}function Wr(e){let t=e[0][0],n=t.length;for(let r=1;r<e.length;r++){let i=e[r][0];if(i.length!=n)return!1;if(i!=t){for(let e=0;e<n;e++)if(i[e]!=t[e])return!1}}return!0}function Gr(e,t=100){let n=e.length;if(n<=1)return!0;let r=0,i=n-1;for(;r<=i&&e[r]==null;)r++;for(;i>=r&&e[i]==null;)i--;if(i<=r)return!0;let a=rr(1,$n((i-r+1)/t));for(let t=e[r],n=r+a;n<=i;n+=a){let r=e[n];if(r!=null){if(r<=t)return!1;t=r}}return!0}var Kr=[`January`,`February`,`March`,`April`,`May`,`June`,`July`,`August`,`September`,`October`,`November`,`December`],qr=[`Sunday`,`Monday`,`Tuesday`,`Wednesday`,`Thursday`,`Friday`,`Saturday`];function Jr(e){return e.slice(0,3)}var Yr=qr.map(Jr),Xr={MMMM:Kr,MMM:Kr.map(Jr),WWWW:qr,WWW:Yr};function Zr(e){return(e<10?`0`:``)+e}function Qr(e){return(e<10?`00`:e<100?`0`:``)+e}var $r={YYYY:e=>e.getFullYear(),YY:e=>(e.getFullYear()+``).slice(2),MMMM:(e,t)=>t.MMMM[e.getMonth()],MMM:(e,t)=>t.MMM[e.getMonth()],MM:e=>Zr(e.getMonth()+1),M:e=>e.getMonth()+1,DD:e=>Zr(e.getDate()),D:e=>e.getDate(),WWWW:(e,t)=>t.WWWW[e.getDay()],WWW:(e,t)=>t.WWW[e.getDay()],HH:e=>Zr(e.getHours()),H:e=>e.getHours(),h:e=>{let t=e.getHours();return t==0?12:t>12?t-12:t},AA:e=>e.getHours()>=12?`PM`:`AM`,aa:e=>e.getHours()>=12?`pm`:`am`,a:e=>e.getHours()>=12?`p`:`a`,mm:e=>Zr(e.getMinutes()),m:e=>e.getMinutes(),ss:e=>Zr(e.getSeconds()),s:e=>e.getSeconds(),fff:e=>Qr(e.getMilliseconds())};function ei(e,t){t||=Xr;let n=[],r=/\{([a-z]+)\}|[^{]+/gi,i;for(;i=r.exec(e);)n.push(i[0][0]==`{`?$r[i[1]]:i[0]);return e=>{let r=``;for(let i=0;i<n.length;i++)r+=typeof n[i]==`string`?n[i]:n[i](e,t);return r}}var ti=new Intl.DateTimeFormat().resolvedOptions().timeZone;function ni(e,t){let n;return t==`UTC`||t==`Etc/UTC`?n=new Date(+e+e.getTimezoneOffset()*6e4):t==ti?n=e:(n=new Date(e.toLocaleString(`en-US`,{timeZone:t})),n.setMilliseconds(e.getMilliseconds())),n}var ri=e=>e%1==0,ii=[1,2,2.5,5],ai=J(10,-32,0,ii),oi=J(10,0,32,ii),si=oi.filter(ri),ci=ai.concat(oi),li=`
`,ui=`{YYYY}`,di=li+ui,fi=`{M}/{D}`,pi=li+fi,mi=pi+`/{YY}`,hi=`{aa}`,gi=`{h}:{mm}`+hi,_i=li+gi,vi=`:{ss}`,Z=null;function yi(e){let t=e*1e3,n=t*60,r=n*60,i=r*24,a=i*30,o=i*365,s=(e==1?J(10,0,3,ii).filter(ri):J(10,-3,0,ii)).concat([t,t*5,t*10,t*15,t*30,n,n*5,n*10,n*15,n*30,r,r*2,r*3,r*4,r*6,r*8,r*12,i,i*2,i*3,i*4,i*5,i*6,i*7,i*8,i*9,i*10,i*15,a,a*2,a*3,a*4,a*6,o,o*2,o*5,o*10,o*25,o*50,o*100]),c=[[o,ui,Z,Z,Z,Z,Z,Z,1],[i*28,`{MMM}`,di,Z,Z,Z,Z,Z,1],[i,fi,di,Z,Z,Z,Z,Z,1],[r,`{h}`+hi,mi,Z,pi,Z,Z,Z,1],[n,gi,mi,Z,pi,Z,Z,Z,1],[t,vi,mi+` `+gi,Z,pi+` `+gi,Z,_i,Z,1],[e,vi+`.{fff}`,mi+` `+gi,Z,pi+` `+gi,Z,_i,Z,1]];function l(t){return(s,c,l,u,d,f)=>{let p=[],m=d>=o,h=d>=a&&d<o,g=t(l),_=q(g*e,3),v=ki(g.getFullYear(),m?0:g.getMonth(),h||m?1:g.getDate()),y=q(v*e,3);if(h||m){let n=h?d/a:0,r=m?d/o:0,i=_==y?_:q(ki(v.getFullYear()+r,v.getMonth()+n,1)*e,3),s=new Date(er(i/e)),c=s.getFullYear(),l=s.getMonth();for(let a=0;i<=u;a++){let o=ki(c+r*a,l+n*a,1),s=o-t(q(o*e,3));i=q((+o+s)*e,3),i<=u&&p.push(i)}}else{let a=d>=i?i:d,o=y+($n(l)-$n(_))+Sr(_-y,a);p.push(o);let m=t(o),h=m.getHours()+m.getMinutes()/n+m.getSeconds()/r,g=d/r,v=f/s.axes[c]._space;for(;o=q(o+d,e==1?0:3),!(o>u);)if(g>1){let e=$n(q(h+g,6))%24,n=t(o).getHours()-e;n>1&&(n=-1),o-=n*r,h=(h+g)%24;let i=p[p.length-1];q((o-i)/d,3)*v>=.7&&p.push(o)}else p.push(o)}return p}}return[s,c,l]}var[bi,xi,Si]=yi(1),[Ci,wi,Ti]=yi(.001);J(2,-53,53,[1]);function Ei(e,t){return e.map(e=>e.map((n,r)=>r==0||r==8||n==null?n:t(r==1||e[8]==0?n:e[1]+n)))}function Di(e,t){return(n,r,i,a,o)=>{let s=t.find(e=>o>=e[0])||t[t.length-1],c,l,u,d,f,p;return r.map(t=>{let n=e(t),r=n.getFullYear(),i=n.getMonth(),a=n.getDate(),o=n.getHours(),m=n.getMinutes(),h=n.getSeconds(),g=r!=c&&s[2]||i!=l&&s[3]||a!=u&&s[4]||o!=d&&s[5]||m!=f&&s[6]||h!=p&&s[7]||s[1];return c=r,l=i,u=a,d=o,f=m,p=h,g(n)})}}function Oi(e,t){let n=ei(t);return(t,r,i,a,o)=>r.map(t=>n(e(t)))}function ki(e,t,n){return new Date(e,t,n)}function Ai(e,t){return t(e)}var ji=`{YYYY}-{MM}-{DD} {h}:{mm}{aa}`;function Mi(e,t){return(n,r,i,a)=>a==null?dn:t(e(r))}function Ni(e,t){let n=e.series[t];return n.width?n.stroke(e,t):n.points.width?n.points.stroke(e,t):null}function Pi(e,t){return e.series[t].fill(e,t)}var Fi={show:!0,live:!0,isolate:!1,mount:pr,markers:{show:!0,width:2,stroke:Ni,fill:Pi,dash:`solid`},idx:null,idxs:null,values:[]};function Ii(e,t){let n=e.cursor.points,r=xn(),i=n.size(e,t);U(r,Kt,i),U(r,qt,i);let a=i/-2;U(r,`marginLeft`,a),U(r,`marginTop`,a);let o=n.width(e,t,i);return o&&U(r,`borderWidth`,o),r}function Li(e,t){let n=e.series[t].points;return n._fill||n._stroke}function Ri(e,t){let n=e.series[t].points;return n._stroke||n._fill}function zi(e,t){return e.series[t].points.size}var Bi=[0,0];function Vi(e,t,n){return Bi[0]=t,Bi[1]=n,Bi}function Hi(e,t,n,r=!0){return e=>{e.button!=0||r&&e.target!=t||n(e)}}function Ui(e,t,n,r=!0){return e=>{r&&e.target!=t||n(e)}}var Wi={show:!0,x:!0,y:!0,lock:!1,move:Vi,points:{one:!1,show:Ii,size:zi,width:0,stroke:Ri,fill:Li},bind:{mousedown:Hi,mouseup:Hi,click:Hi,dblclick:Hi,mousemove:Ui,mouseleave:Ui,mouseenter:Ui},drag:{setScale:!0,x:!0,y:!1,dist:0,uni:null,click:(e,t)=>{t.stopPropagation(),t.stopImmediatePropagation()},_x:!1,_y:!1},focus:{dist:(e,t,n,r,i)=>r-i,prox:-1,bias:0},hover:{skip:[void 0],prox:null,bias:0},left:-10,top:-10,idx:null,dataIdx:null,idxs:null,event:null},Gi={show:!0,stroke:`rgba(0,0,0,0.07)`,width:2},Q=Lr({},Gi,{filter:hr}),Ki=Lr({},Q,{size:10}),qi=Lr({},Gi,{show:!1}),Ji=`12px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Segoe UI Symbol", "Noto Color Emoji"`,Yi=`bold `+Ji,Xi=1.5,Zi={show:!0,scale:`x`,stroke:Qt,space:50,gap:5,alignTo:1,size:50,labelGap:0,labelSize:30,labelFont:Yi,side:2,grid:Q,ticks:Ki,border:qi,font:Ji,lineGap:Xi,rotate:0},Qi=`Value`,$i=`Time`,ea={show:!0,scale:`x`,auto:!1,sorted:1,min:G,max:-1/0,idxs:[]};function ta(e,t,n,r,i){return t.map(e=>e==null?``:Yn(e))}function na(e,t,n,r,i,a,o){let s=[],c=wr.get(i)||0;n=o?n:q(Sr(n,i),c);for(let e=n;e<=r;e=q(e+i,c))s.push(Object.is(e,-0)?0:e);return s}function ra(e,t,n,r,i,a,o){let s=[],c=e.scales[e.axes[t].scale].log;i=ir(c,$n((c==10?or:sr)(n))),c==10&&(i=ci[Mn(i,ci)]);let l=n,u=i*c;c==10&&(u=ci[Mn(u,ci)]);do s.push(l),l+=i,c==10&&!wr.has(l)&&(l=q(l,wr.get(i))),l>=u&&(i=l,u=i*c,c==10&&(u=ci[Mn(u,ci)]));while(l<=r);return s}function ia(e,t,n,r,i,a,o){let s=e.scales[e.axes[t].scale].asinh,c=r>s?ra(e,t,rr(s,n),r,i):[s],l=r>=0&&n<=0?[0]:[];return(n<-s?ra(e,t,rr(s,-r),-n,i):[s]).reverse().map(e=>-e).concat(l,c)}var aa=/./,oa=/[12357]/,sa=/[125]/,ca=/1/,la=(e,t,n,r)=>e.map((e,i)=>t==4&&e==0||i%r==0&&n.test(e.toExponential()[+(e<0)])?e:null);function ua(e,t,n,r,i){let a=e.axes[n],o=a.scale,s=e.scales[o],c=e.valToPos,l=a._space,u=c(10,o),d=c(9,o)-u>=l?aa:c(7,o)-u>=l?oa:c(5,o)-u>=l?sa:ca;if(d==ca){let e=Qn(c(1,o)-u);if(e<l)return la(t.slice().reverse(),s.distr,d,tr(l/e)).reverse()}return la(t,s.distr,d,1)}function da(e,t,n,r,i){let a=e.axes[n],o=a.scale,s=a._space,c=e.valToPos,l=Qn(c(1,o)-c(2,o));return l<s?la(t.slice().reverse(),3,aa,tr(s/l)).reverse():t}function fa(e,t,n,r){return r==null?dn:t==null?``:Yn(t)}var pa={show:!0,scale:`y`,stroke:Qt,space:30,gap:5,alignTo:1,size:50,labelGap:0,labelSize:30,labelFont:Yi,side:3,grid:Q,ticks:Ki,border:qi,font:Ji,lineGap:Xi,rotate:0};function ma(e,t){return q((3+(e||1)*2)*t,3)}function ha(e,t){let{scale:n,idxs:r}=e.series[0],i=e._data[0],a=e.valToPos(i[r[0]],n,!0),o=Qn(e.valToPos(i[r[1]],n,!0)-a)/(e.series[t].points.space*H);return r[1]-r[0]<=o}var ga={scale:null,auto:!0,sorted:0,min:G,max:-1/0},_a=(e,t,n,r,i)=>i,va={show:!0,auto:!0,sorted:0,gaps:_a,alpha:1,facets:[Lr({},ga,{scale:`x`}),Lr({},ga,{scale:`y`})]},ya={scale:`y`,auto:!0,sorted:0,show:!0,spanGaps:!1,gaps:_a,alpha:1,points:{show:ha,filter:null},values:null,min:G,max:-1/0,idxs:[],path:null,clip:null};function ba(e,t,n,r,i){return n/10}var xa={time:Tt,auto:!0,distr:1,log:10,asinh:1,min:null,max:null,dir:1,ori:0},Sa=Lr({},xa,{time:!1,ori:1}),Ca={};function wa(e,t){let n=Ca[e];return n||(n={key:e,plots:[],sub(e){n.plots.push(e)},unsub(e){n.plots=n.plots.filter(t=>t!=e)},pub(e,t,r,i,a,o,s){for(let c=0;c<n.plots.length;c++)n.plots[c]!=t&&n.plots[c].pub(e,t,r,i,a,o,s)}},e!=null&&(Ca[e]=n)),n}var Ta=1,Ea=2;function Da(e,t,n){let r=e.mode,i=e.series[t],a=r==2?e._data[t]:e._data,o=e.scales,s=e.bbox,c=a[0],l=r==2?a[1]:a[t],u=r==2?o[i.facets[0].scale]:o[e.series[0].scale],d=r==2?o[i.facets[1].scale]:o[i.scale],f=s.left,p=s.top,m=s.width,h=s.height,g=e.valToPosH,_=e.valToPosV;return u.ori==0?n(i,c,l,u,d,g,_,f,p,m,h,Ia,Ra,Ba,Ha,Wa):n(i,c,l,u,d,_,g,p,f,h,m,La,za,Va,Ua,Ga)}function Oa(e,t){let n=0,r=0,i=W(e.bands,Dr);for(let e=0;e<i.length;e++){let a=i[e];a.series[0]==t?n=a.dir:a.series[1]==t&&(a.dir==1?r|=1:r|=2)}return[n,r==1?-1:r==2?1:r==3?2:0]}function ka(e,t,n,r,i){let a=e.mode,o=e.series[t],s=a==2?o.facets[1].scale:o.scale,c=e.scales[s];return i==-1?c.min:i==1?c.max:c.distr==3?c.dir==1?c.min:c.max:0}function Aa(e,t,n,r,i,a){return Da(e,t,(e,t,o,s,c,l,u,d,f,p,m)=>{let h=e.pxRound,g=s.dir*(s.ori==0?1:-1),_=s.ori==0?Ra:za,v,y;g==1?(v=n,y=r):(v=r,y=n);let b=h(l(t[v],s,p,d)),x=h(u(o[v],c,m,f)),S=h(l(t[y],s,p,d)),C=h(u(a==1?c.max:c.min,c,m,f)),w=new Path2D(i);return _(w,S,C),_(w,b,C),_(w,b,x),w})}function ja(e,t,n,r,i,a){let o=null;if(e.length>0){o=new Path2D;let s=t==0?Ba:Va,c=n;for(let t=0;t<e.length;t++){let n=e[t];if(n[1]>n[0]){let e=n[0]-c;e>0&&s(o,c,r,e,r+a),c=n[1]}}let l=n+i-c;l>0&&s(o,c,r-5,l,r+a+10)}return o}function Ma(e,t,n){let r=e[e.length-1];r&&r[0]==t?r[1]=n:e.push([t,n])}function Na(e,t,n,r,i,a,o){let s=[],c=e.length;for(let l=i==1?n:r;l>=n&&l<=r;l+=i)if(t[l]===null){let u=l,d=l;if(i==1)for(;++l<=r&&t[l]===null;)d=l;else for(;--l>=n&&t[l]===null;)d=l;let f=a(e[u]),p=d==u?f:a(e[d]),m=u-i;f=o<=0&&m>=0&&m<c?a(e[m]):f;let h=d+i;p=o>=0&&h>=0&&h<c?a(e[h]):p,p>=f&&s.push([f,p])}return s}function Pa(e){return e==0?mr:e==1?er:t=>xr(t,e)}function Fa(e){let t=e==0?Ia:La,n=e==0?(e,t,n,r,i,a)=>{e.arcTo(t,n,r,i,a)}:(e,t,n,r,i,a)=>{e.arcTo(n,t,i,r,a)},r=e==0?(e,t,n,r,i)=>{e.rect(t,n,r,i)}:(e,t,n,r,i)=>{e.rect(n,t,i,r)};return(e,i,a,o,s,c=0,l=0)=>{c==0&&l==0?r(e,i,a,o,s):(c=nr(c,o/2,s/2),l=nr(l,o/2,s/2),t(e,i+c,a),n(e,i+o,a,i+o,a+s,c),n(e,i+o,a+s,i,a+s,l),n(e,i,a+s,i,a,l),n(e,i,a,i+o,a,c),e.closePath())}}var Ia=(e,t,n)=>{e.moveTo(t,n)},La=(e,t,n)=>{e.moveTo(n,t)},Ra=(e,t,n)=>{e.lineTo(t,n)},za=(e,t,n)=>{e.lineTo(n,t)},Ba=Fa(0),Va=Fa(1),Ha=(e,t,n,r,i,a)=>{e.arc(t,n,r,i,a)},Ua=(e,t,n,r,i,a)=>{e.arc(n,t,r,i,a)},Wa=(e,t,n,r,i,a,o)=>{e.bezierCurveTo(t,n,r,i,a,o)},Ga=(e,t,n,r,i,a,o)=>{e.bezierCurveTo(n,t,i,r,o,a)};function Ka(e){return(e,t,n,r,i)=>Da(e,t,(t,a,o,s,c,l,u,d,f,p,m)=>{let{pxRound:h,points:g}=t,_,v;s.ori==0?(_=Ia,v=Ha):(_=La,v=Ua);let y=q(g.width*H,3),b=(g.size-g.width)/2*H,x=q(b*2,3),S=new Path2D,C=new Path2D,{left:w,top:T,width:E,height:D}=e.bbox;Ba(C,w-x,T-x,E+x*2,D+x*2);let O=e=>{if(o[e]!=null){let t=h(l(a[e],s,p,d)),n=h(u(o[e],c,m,f));_(S,t+b,n),v(S,t,n,b,0,Zn*2)}};if(i)i.forEach(O);else for(let e=n;e<=r;e++)O(e);return{stroke:y>0?S:null,fill:S,clip:C,flags:3}})}function qa(e){return(t,n,r,i,a,o)=>{r!=i&&(a!=r&&o!=r&&e(t,n,r),a!=i&&o!=i&&e(t,n,i),e(t,n,o))}}var Ja=qa(Ra),Ya=qa(za);function Xa(e){let t=W(e?.alignGaps,0);return(e,n,r,i)=>Da(e,n,(a,o,s,c,l,u,d,f,p,m,h)=>{[r,i]=In(s,r,i);let g=a.pxRound,_=e=>g(u(e,c,m,f)),v=e=>g(d(e,l,h,p)),y,b;c.ori==0?(y=Ra,b=Ja):(y=za,b=Ya);let x=c.dir*(c.ori==0?1:-1),S={stroke:new Path2D,fill:null,clip:null,band:null,gaps:null,flags:Ta},C=S.stroke,w=!1;if(i-r>=m*4){let t=t=>e.posToVal(t,c.key,!0),n=null,a=null,l,u,d,f=_(o[x==1?r:i]),p=_(o[r]),m=_(o[i]),h=t(x==1?p+1:m-1);for(let e=x==1?r:i;e>=r&&e<=i;e+=x){let r=o[e],i=(x==1?r<h:r>h)?f:_(r),c=s[e];i==f?c==null?c===null&&(w=!0):(u=c,n==null?(y(C,i,v(u)),l=n=a=u):u<n?n=u:u>a&&(a=u)):(n!=null&&b(C,f,v(n),v(a),v(l),v(u)),c==null?(n=a=null,c===null&&(w=!0)):(u=c,y(C,i,v(u)),n=a=l=u),f=i,h=t(f+x))}n!=null&&n!=a&&d!=f&&b(C,f,v(n),v(a),v(l),v(u))}else for(let e=x==1?r:i;e>=r&&e<=i;e+=x){let t=s[e];t===null?w=!0:t!=null&&y(C,_(o[e]),v(t))}let[T,E]=Oa(e,n);if(a.fill!=null||T!=0){let t=S.fill=new Path2D(C),s=v(a.fillTo(e,n,a.min,a.max,T)),c=_(o[r]),l=_(o[i]);x==-1&&([l,c]=[c,l]),y(t,l,s),y(t,c,s)}if(!a.spanGaps){let l=[];w&&l.push(...Na(o,s,r,i,x,_,t)),S.gaps=l=a.gaps(e,n,r,i,l),S.clip=ja(l,c.ori,f,p,m,h)}return E!=0&&(S.band=E==2?[Aa(e,n,r,i,C,-1),Aa(e,n,r,i,C,1)]:Aa(e,n,r,i,C,E)),S})}function Za(e){let t=W(e.align,1),n=W(e.ascDesc,!1),r=W(e.alignGaps,0),i=W(e.extend,!1);return(e,a,o,s)=>Da(e,a,(c,l,u,d,f,p,m,h,g,_,v)=>{[o,s]=In(u,o,s);let y=c.pxRound,{left:b,width:x}=e.bbox,S=e=>y(p(e,d,_,h)),C=e=>y(m(e,f,v,g)),w=d.ori==0?Ra:za,T={stroke:new Path2D,fill:null,clip:null,band:null,gaps:null,flags:Ta},E=T.stroke,D=d.dir*(d.ori==0?1:-1),O=C(u[D==1?o:s]),k=S(l[D==1?o:s]),ee=k,A=k;i&&t==-1&&(A=b,w(E,A,O)),w(E,k,O);for(let e=D==1?o:s;e>=o&&e<=s;e+=D){let n=u[e];if(n==null)continue;let r=S(l[e]),i=C(n);t==1?w(E,r,O):w(E,ee,i),w(E,r,i),O=i,ee=r}let j=ee;i&&t==1&&(j=b+x,w(E,j,O));let[te,ne]=Oa(e,a);if(c.fill!=null||te!=0){let t=T.fill=new Path2D(E),n=C(c.fillTo(e,a,c.min,c.max,te));w(t,j,n),w(t,A,n)}if(!c.spanGaps){let i=[];i.push(...Na(l,u,o,s,D,S,r));let f=c.width*H/2,p=n||t==1?f:-f,m=n||t==-1?-f:f;i.forEach(e=>{e[0]+=p,e[1]+=m}),T.gaps=i=c.gaps(e,a,o,s,i),T.clip=ja(i,d.ori,h,g,_,v)}return ne!=0&&(T.band=ne==2?[Aa(e,a,o,s,E,-1),Aa(e,a,o,s,E,1)]:Aa(e,a,o,s,E,ne)),T})}function Qa(e,t,n,r,i,a,o=G){if(e.length>1){let s=null;for(let c=0,l=1/0;c<e.length;c++)if(t[c]!==void 0){if(s!=null){let t=Qn(e[c]-e[s]);t<l&&(l=t,o=Qn(n(e[c],r,i,a)-n(e[s],r,i,a)))}s=c}}return o}function $a(e){e||=Er;let t=W(e.size,[.6,G,1]),n=e.align||0,r=e.gap||0,i=e.radius;i=i==null?[0,0]:typeof i==`number`?[i,0]:i;let a=K(i),o=1-t[0],s=W(t[1],G),c=W(t[2],1),l=W(e.disp,Er),u=W(e.each,e=>{}),{fill:d,stroke:f}=l;return(e,t,i,p)=>Da(e,t,(m,h,g,_,v,y,b,x,S,C,w)=>{let T=m.pxRound,E=n,D=r*H,O=s*H,k=c*H,ee,A;_.ori==0?[ee,A]=a(e,t):[A,ee]=a(e,t);let j=_.dir*(_.ori==0?1:-1),te=_.ori==0?Ba:Va,ne=_.ori==0?u:(e,t,n,r,i,a,o)=>{u(e,t,n,i,r,o,a)},re=W(e.bands,Dr).find(e=>e.series[0]==t),ie=re==null?0:re.dir,ae=m.fillTo(e,t,m.min,m.max,ie),M=T(b(ae,v,w,S)),N,P,oe,F=C,I=T(m.width*H),se=!1,ce=null,le=null,ue=null,de=null;d!=null&&(I==0||f!=null)&&(se=!0,ce=d.values(e,t,i,p),le=new Map,new Set(ce).forEach(e=>{e!=null&&le.set(e,new Path2D)}),I>0&&(ue=f.values(e,t,i,p),de=new Map,new Set(ue).forEach(e=>{e!=null&&de.set(e,new Path2D)})));let{x0:fe,size:pe}=l;if(fe!=null&&pe!=null){E=1,h=fe.values(e,t,i,p),fe.unit==2&&(h=h.map(t=>e.posToVal(x+t*C,_.key,!0)));let n=pe.values(e,t,i,p);P=pe.unit==2?n[0]*C:y(n[0],_,C,x)-y(0,_,C,x),F=Qa(h,g,y,_,C,x,F),oe=F-P+D}else F=Qa(h,g,y,_,C,x,F),oe=F*o+D,P=F-oe;oe<1&&(oe=0),I>=P/2&&(I=0),oe<5&&(T=mr);let me=oe>0,he=F-oe-(me?I:0);P=T(dr(he,k,O)),N=(E==0?P/2:E==j?0:P)-E*j*((E==0?D/2:0)+(me?I/2:0));let ge={stroke:null,fill:null,clip:null,band:null,gaps:null,flags:0},_e=se?null:new Path2D,ve=null;if(re!=null)ve=e.data[re.series[1]];else{let{y0:n,y1:r}=l;n!=null&&r!=null&&(g=r.values(e,t,i,p),ve=n.values(e,t,i,p))}let ye=ee*P,be=A*P;for(let n=j==1?i:p;n>=i&&n<=p;n+=j){let r=g[n];if(r==null)continue;if(ve!=null){let e=ve[n]??0;if(r-e==0)continue;M=b(e,v,w,S)}let i=y(_.distr!=2||l!=null?h[n]:n,_,C,x),a=b(W(r,ae),v,w,S),o=T(i-N),s=T(rr(a,M)),c=T(nr(a,M)),u=s-c;if(r!=null){let i=r<0?be:ye,a=r<0?ye:be;se?(I>0&&ue[n]!=null&&te(de.get(ue[n]),o,c+$n(I/2),P,rr(0,u-I),i,a),ce[n]!=null&&te(le.get(ce[n]),o,c+$n(I/2),P,rr(0,u-I),i,a)):te(_e,o,c+$n(I/2),P,rr(0,u-I),i,a),ne(e,t,n,o-I/2,c,P+I,u)}}return I>0?ge.stroke=se?de:_e:se||(ge._fill=m.width==0?m._fill:m._stroke??m._fill,ge.width=0),ge.fill=se?le:_e,ge})}function eo(e,t){let n=W(t?.alignGaps,0);return(t,r,i,a)=>Da(t,r,(o,s,c,l,u,d,f,p,m,h,g)=>{[i,a]=In(c,i,a);let _=o.pxRound,v=e=>_(d(e,l,h,p)),y=e=>_(f(e,u,g,m)),b,x,S;l.ori==0?(b=Ia,S=Ra,x=Wa):(b=La,S=za,x=Ga);let C=l.dir*(l.ori==0?1:-1),w=v(s[C==1?i:a]),T=w,E=[],D=[];for(let e=C==1?i:a;e>=i&&e<=a;e+=C)if(c[e]!=null){let t=s[e],n=v(t);E.push(T=n),D.push(y(c[e]))}let O={stroke:e(E,D,b,S,x,_),fill:null,clip:null,band:null,gaps:null,flags:Ta},k=O.stroke,[ee,A]=Oa(t,r);if(o.fill!=null||ee!=0){let e=O.fill=new Path2D(k),n=y(o.fillTo(t,r,o.min,o.max,ee));S(e,T,n),S(e,w,n)}if(!o.spanGaps){let e=[];e.push(...Na(s,c,i,a,C,v,n)),O.gaps=e=o.gaps(t,r,i,a,e),O.clip=ja(e,l.ori,p,m,h,g)}return A!=0&&(O.band=A==2?[Aa(t,r,i,a,k,-1),Aa(t,r,i,a,k,1)]:Aa(t,r,i,a,k,A)),O})}function to(e){return eo(no,e)}function no(e,t,n,r,i,a){let o=e.length;if(o<2)return null;let s=new Path2D;if(n(s,e[0],t[0]),o==2)r(s,e[1],t[1]);else{let n=Array(o),r=Array(o-1),a=Array(o-1),c=Array(o-1);for(let n=0;n<o-1;n++)a[n]=t[n+1]-t[n],c[n]=e[n+1]-e[n],r[n]=a[n]/c[n];n[0]=r[0];for(let e=1;e<o-1;e++)r[e]===0||r[e-1]===0||r[e-1]>0!=r[e]>0?n[e]=0:(n[e]=3*(c[e-1]+c[e])/((2*c[e]+c[e-1])/r[e-1]+(c[e]+2*c[e-1])/r[e]),isFinite(n[e])||(n[e]=0));n[o-1]=r[o-2];for(let r=0;r<o-1;r++)i(s,e[r]+c[r]/3,t[r]+n[r]*c[r]/3,e[r+1]-c[r]/3,t[r+1]-n[r+1]*c[r]/3,e[r+1],t[r+1])}return s}var ro=new Set;function io(){for(let e of ro)e.syncRect(!0)}fn&&(An(sn,mn,io),An(cn,mn,io,!0),An(un,mn,()=>{xo.pxRatio=H}));var ao=Xa(),oo=Ka();function so(e,t,n,r){return(r?[e[0],e[1]].concat(e.slice(2)):[e[0]].concat(e.slice(1))).map((e,r)=>lo(e,r,t,n))}function co(e,t){return e.map((e,n)=>n==0?{}:Lr({},t,e))}function lo(e,t,n,r){return Lr({},t==0?n:r,e)}function uo(e,t,n){return t==null?Or:[t,n]}var fo=uo;function po(e,t,n){return t==null?Or:Gn(t,n,Vn,!0)}function mo(e,t,n,r){return t==null?Or:zn(t,n,e.scales[r].log,!1)}var ho=mo;function go(e,t,n,r){return t==null?Or:Bn(t,n,e.scales[r].log,!1)}var _o=go;function vo(e,t,n,r,i){let a=rr(ur(e),ur(t)),o=t-e,s=Mn(i/r*o,n);do{let e=n[s],t=r*e/o;if(t>=i&&a+(e<5?wr.get(e):0)<=17)return[e,t]}while(++s<n.length);return[0,0]}function yo(e){let t,n;return e=e.replace(/(\d+)px/,(e,r)=>(t=er((n=+r)*H))+`px`),[e,t,n]}function bo(e){e.show&&[e.font,e.labelFont].forEach(e=>{let t=q(e[2]*H,1);e[0]=e[0].replace(/[0-9.]+px/,t+`px`),e[1]=t})}function xo(e,t,n){let r={mode:W(e.mode,1)},i=r.mode;function a(e,t,n,r){let i=t.valToPct(e);return r+n*(t.dir==-1?1-i:i)}function o(e,t,n,r){let i=t.valToPct(e);return r+n*(t.dir==-1?i:1-i)}function s(e,t,n,r){return t.ori==0?a(e,t,n,r):o(e,t,n,r)}r.valToPosH=a,r.valToPosV=o;let c=!1;r.status=0;let l=r.root=xn(Et);if(e.id!=null&&(l.id=e.id),vn(l,e.class),e.title){let t=xn(kt,l);t.textContent=e.title}let u=bn(`canvas`),d=r.ctx=u.getContext(`2d`),f=xn(At,l);An(`click`,f,e=>{e.target===m&&(J!=yr||Y!=br)&&Fr.click(r,e)},!0);let p=r.under=xn(jt,f);f.appendChild(u);let m=r.over=xn(Mt,f);e=Ir(e);let h=+W(e.pxAlign,1),g=Pa(h);(e.plugins||[]).forEach(t=>{t.opts&&(e=t.opts(r,e)||e)});let _=e.ms||.001,v=r.series=i==1?so(e.series||[],ea,ya,!1):co(e.series||[null],va),y=r.axes=so(e.axes||[],Zi,pa,!0),b=r.scales={},x=r.bands=e.bands||[];x.forEach(e=>{e.fill=K(e.fill||null),e.dir=W(e.dir,-1)});let S=i==2?v[1].facets[0].scale:v[0].scale,C={axes:Pn,series:ln},w=(e.drawOrder||[`axes`,`series`]).map(e=>C[e]);function T(e){let t=e.distr==3?t=>or(t>0?t:e.clamp(r,t,e.min,e.max,e.key)):e.distr==4?t=>lr(t,e.asinh):e.distr==100?t=>e.fwd(t):e=>e;return n=>{let r=t(n),{_min:i,_max:a}=e,o=a-i;return(r-i)/o}}function E(t){let n=b[t];if(n==null){let r=(e.scales||Er)[t]||Er;if(r.from!=null){E(r.from);let e=Lr({},b[r.from],r,{key:t});e.valToPct=T(e),b[t]=e}else{n=b[t]=Lr({},t==S?xa:Sa,r),n.key=t;let e=n.time,a=n.range,o=kr(a);if((t!=S||i==2&&!e)&&(o&&(a[0]==null||a[1]==null)&&(a={min:a[0]==null?Hn:{mode:1,hard:a[0],soft:a[0]},max:a[1]==null?Hn:{mode:1,hard:a[1],soft:a[1]}},o=!1),!o&&Mr(a))){let e=a;a=(t,n,r)=>n==null?Or:Gn(n,r,e)}n.range=K(a||(e?fo:t==S?n.distr==3?ho:n.distr==4?_o:uo:n.distr==3?mo:n.distr==4?go:po)),n.auto=K(!o&&n.auto),n.clamp=K(n.clamp||ba),n._min=n._max=null,n.valToPct=T(n)}}}E(`x`),E(`y`),i==1&&v.forEach(e=>{E(e.scale)}),y.forEach(e=>{E(e.scale)});for(let t in e.scales)E(t);let D=b[S],O=D.distr,k,ee;D.ori==0?(vn(l,Dt),k=a,ee=o):(vn(l,Ot),k=o,ee=a);let A={};for(let e in b){let t=b[e];(t.min!=null||t.max!=null)&&(A[e]={min:t.min,max:t.max},t.min=t.max=null)}let j=e.tzDate||(e=>new Date(er(e/_))),te=e.fmtDate||ei,ne=_==1?Si(j):Ti(j),re=Di(j,Ei(_==1?xi:wi,te)),ie=Mi(j,Ai(ji,te)),ae=[],M=r.legend=Lr({},Fi,e.legend),N=r.cursor=Lr({},Wi,{drag:{y:i==2}},e.cursor),P=M.show,oe=N.show,F=M.markers;M.idxs=ae,F.width=K(F.width),F.dash=K(F.dash),F.stroke=K(F.stroke),F.fill=K(F.fill);let I,se,ce,le=[],ue=[],de,fe=!1,pe={};if(M.live){let e=v[1]?v[1].values:null;fe=e!=null,de=fe?e(r,1,0):{_:0};for(let e in de)pe[e]=dn}if(P){if(I=bn(`table`,zt,l),ce=bn(`tbody`,null,I),M.mount(r,I),fe){se=bn(`thead`,null,I,ce);let e=bn(`tr`,null,se);for(var me in bn(`th`,null,e),de)bn(`th`,Wt,e).textContent=me}else vn(I,Vt),M.live&&vn(I,Bt)}let he={show:!0},ge={show:!1};function _e(e,t){if(t==0&&(fe||!M.live||i==2))return Or;let n=[],a=bn(`tr`,Ht,ce,ce.childNodes[t]);vn(a,e.class),e.show||vn(a,Pt);let o=bn(`th`,null,a);if(F.show){let e=xn(Ut,o);if(t>0){let n=F.width(r,t);n&&(e.style.border=n+`px `+F.dash(r,t)+` `+F.stroke(r,t)),e.style.background=F.fill(r,t)}}let s=xn(Wt,o);for(var c in e.label instanceof HTMLElement?s.appendChild(e.label):s.textContent=e.label,t>0&&(F.show||(s.style.color=e.width>0?F.stroke(r,t):F.fill(r,t)),ye(`click`,o,t=>{if(N._lock)return;Ue(t);let n=v.indexOf(e);if((t.ctrlKey||t.metaKey)!=M.isolate){let e=v.some((e,t)=>t>0&&t!=n&&e.show);v.forEach((t,r)=>{r>0&&Gr(r,e?r==n?he:ge:he,!0,Q.setSeries)})}else Gr(n,{show:!e.show},!0,Q.setSeries)},!1),Ke&&ye(rn,o,t=>{N._lock||(Ue(t),Gr(v.indexOf(e),$r,!0,Q.setSeries))},!1)),de){let e=bn(`td`,Gt,a);e.textContent=`--`,n.push(e)}return[a,n]}let ve=new Map;function ye(e,t,n,i=!0){let a=ve.get(t)||{},o=N.bind[e](r,t,n,i);o&&(An(e,t,a[e]=o),ve.set(t,a))}function be(e,t,n){let r=ve.get(t)||{};for(let n in r)(e==null||n==e)&&(jn(n,t,r[n]),delete r[n]);e??ve.delete(t)}let xe=0,L=0,R=0,z=0,B=0,Se=0,Ce=B,we=Se,Te=R,Ee=z,De=0,Oe=0,ke=0,Ae=0;r.bbox={};let je=!1,Me=!1,Ne=!1,Pe=!1,Fe=!1,Ie=!1;function Le(e,t,n){(n||e!=r.width||t!=r.height)&&Re(e,t),Fn(!1),Ne=!0,Me=!0,qn()}function Re(e,t){r.width=xe=R=e,r.height=L=z=t,B=Se=0,Ve(),He();let n=r.bbox;De=n.left=xr(B*H,.5),Oe=n.top=xr(Se*H,.5),ke=n.width=xr(R*H,.5),Ae=n.height=xr(z*H,.5)}function ze(){let e=!1,t=0;for(;!e;){t++;let n=kn(t),i=Nn(t);e=t==3||n&&i,e||(Re(r.width,r.height),Me=!0)}}function Be({width:e,height:t}){Le(e,t)}r.setSize=Be;function Ve(){let e=!1,t=!1,n=!1,r=!1;y.forEach((i,a)=>{if(i.show&&i._show){let{side:a,_size:o}=i,s=a%2,c=o+(i.label==null?0:i.labelSize);c>0&&(s?(R-=c,a==3?(B+=c,r=!0):n=!0):(z-=c,a==0?(Se+=c,e=!0):t=!0))}}),tt[0]=e,tt[1]=n,tt[2]=t,tt[3]=r,R-=at[1]+at[3],B+=at[3],z-=at[2]+at[0],Se+=at[0]}function He(){let e=B+R,t=Se+z,n=B,r=Se;function i(i,a){switch(i){case 1:return e+=a,e-a;case 2:return t+=a,t-a;case 3:return n-=a,n+a;case 0:return r-=a,r+a}}y.forEach((e,t)=>{if(e.show&&e._show){let t=e.side;e._pos=i(t,e._size),e.label!=null&&(e._lpos=i(t,e.labelSize))}})}if(N.dataIdx==null){let e=N.hover,n=e.skip=new Set(e.skip??[]);n.add(void 0);let r=e.prox=K(e.prox),i=e.bias??=0;N.dataIdx=(e,a,o,s)=>{if(a==0)return o;let c=o,l=r(e,a,o,s)??G,u=l>=0&&l<G,d=D.ori==0?R:z,f=N.left,p=t[0],m=t[a];if(n.has(m[o])){c=null;let e=null,t=null,r;if(i==0||i==-1)for(r=o;e==null&&r-->0;)n.has(m[r])||(e=r);if(i==0||i==1)for(r=o;t==null&&r++<m.length;)n.has(m[r])||(t=r);if(e!=null||t!=null){if(u){let n=e==null?-1/0:k(p[e],D,d,0),r=t==null?1/0:k(p[t],D,d,0),i=f-n,a=r-f;i<=a?i<=l&&(c=e):a<=l&&(c=t)}else c=t==null?e:e==null?t:o-e<=t-o?e:t}}else u&&Qn(f-k(p[o],D,d,0))>l&&(c=null);return c}}let Ue=e=>{N.event=e};N.idxs=ae,N._lock=!1;let We=N.points;We.show=K(We.show),We.size=K(We.size),We.stroke=K(We.stroke),We.width=K(We.width),We.fill=K(We.fill);let Ge=r.focus=Lr({},e.focus||{alpha:.3},N.focus),Ke=Ge.prox>=0,qe=Ke&&We.one,Je=[],Ye=[],Xe=[];function Ze(e,t){let n=We.show(r,t);if(n instanceof HTMLElement)return vn(n,Rt),vn(n,e.class),Cn(n,-10,-10,R,z),m.insertBefore(n,Je[t]),n}function Qe(e,t){if(i==1||t>0){let t=i==1&&b[e.scale].time,n=e.value;e.value=t?jr(n)?Mi(j,Ai(n,te)):n||ie:n||fa,e.label=e.label||(t?$i:Qi)}if(qe||t>0){e.width=e.width==null?1:e.width,e.paths=e.paths||ao||gr,e.fillTo=K(e.fillTo||ka),e.pxAlign=+W(e.pxAlign,h),e.pxRound=Pa(e.pxAlign),e.stroke=K(e.stroke||null),e.fill=K(e.fill||null),e._stroke=e._fill=e._paths=e._focus=null;let t=ma(rr(1,e.width),1),n=e.points=Lr({},{size:t,width:rr(1,t*.2),stroke:e.stroke,space:t*2,paths:oo,_stroke:null,_fill:null},e.points);n.show=K(n.show),n.filter=K(n.filter),n.fill=K(n.fill),n.stroke=K(n.stroke),n.paths=K(n.paths),n.pxAlign=e.pxAlign}if(P){let n=_e(e,t);le.splice(t,0,n[0]),ue.splice(t,0,n[1]),M.values.push(null)}if(oe){ae.splice(t,0,null);let n=null;qe?t==0&&(n=Ze(e,t)):t>0&&(n=Ze(e,t)),Je.splice(t,0,n),Ye.splice(t,0,0),Xe.splice(t,0,0)}Ui(`addSeries`,t)}function $e(e,t){t??=v.length,e=i==1?lo(e,t,ea,ya):lo(e,t,{},va),v.splice(t,0,e),Qe(v[t],t)}r.addSeries=$e;function et(e){if(v.splice(e,1),P){M.values.splice(e,1),ue.splice(e,1);let t=le.splice(e,1)[0];be(null,t.firstChild),t.remove()}oe&&(ae.splice(e,1),Je.splice(e,1)[0].remove(),Ye.splice(e,1),Xe.splice(e,1)),Ui(`delSeries`,e)}r.delSeries=et;let tt=[!1,!1,!1,!1];function nt(e,t){if(e._show=e.show,e.show){let n=e.side%2,i=b[e.scale];i??=(e.scale=n?v[1].scale:S,b[e.scale]);let a=i.time;e.size=K(e.size),e.space=K(e.space),e.rotate=K(e.rotate),kr(e.incrs)&&e.incrs.forEach(e=>{!wr.has(e)&&wr.set(e,Tr(e))}),e.incrs=K(e.incrs||(i.distr==2?si:a?_==1?bi:Ci:ci)),e.splits=K(e.splits||(a&&i.distr==1?ne:i.distr==3?ra:i.distr==4?ia:na)),e.stroke=K(e.stroke),e.grid.stroke=K(e.grid.stroke),e.ticks.stroke=K(e.ticks.stroke),e.border.stroke=K(e.border.stroke);let o=e.values;e.values=kr(o)&&!kr(o[0])?K(o):a?kr(o)?Di(j,Ei(o,te)):jr(o)?Oi(j,o):o||re:o||ta,e.filter=K(e.filter||(i.distr>=3&&i.log==10?ua:i.distr==3&&i.log==2?da:hr)),e.font=yo(e.font),e.labelFont=yo(e.labelFont),e._size=e.size(r,null,t,0),e._space=e._rotate=e._incrs=e._found=e._splits=e._values=null,e._size>0&&(tt[t]=!0,e._el=xn(Nt,f))}}function rt(e,t,n,r){let[i,a,o,s]=n,c=t%2,l=0;return c==0&&(s||a)&&(l=t==0&&!i||t==2&&!o?er(Zi.size/3):0),c==1&&(i||o)&&(l=t==1&&!a||t==3&&!s?er(pa.size/2):0),l}let it=r.padding=(e.padding||[rt,rt,rt,rt]).map(e=>K(W(e,rt))),at=r._padding=it.map((e,t)=>e(r,t,tt,0)),ot,V=null,st=null,ct=i==1?v[0].idxs:null,lt=null,ut=!1;function dt(e,n){if(t=e??[],r.data=r._data=t,i==2){ot=0;for(let e=1;e<v.length;e++)ot+=t[e][0].length}else{t.length==0&&(r.data=r._data=t=[[]]),lt=t[0],ot=lt.length;let e=t;if(O==2){e=t.slice();let n=e[0]=Array(ot);for(let e=0;e<ot;e++)n[e]=e}r._data=t=e}if(Fn(!0),Ui(`setData`),O==2&&(Ne=!0),n!==!1){let e=D;e.auto(r,ut)?ft():Wr(S,e.min,e.max),Pe||=N.left>=0,Ie=!0,qn()}}r.setData=dt;function ft(){ut=!0;let e,n;i==1&&(ot>0?(V=ct[0]=0,st=ct[1]=ot-1,e=t[0][V],n=t[0][st],O==2?(e=V,n=st):e==n&&(O==3?[e,n]=zn(e,e,D.log,!1):O==4?[e,n]=Bn(e,e,D.log,!1):D.time?n=e+er(86400/_):[e,n]=Gn(e,n,Vn,!0))):(V=ct[0]=e=null,st=ct[1]=n=null)),Wr(S,e,n)}let pt,mt,ht,gt,_t,vt,yt,bt,xt,St;function Ct(e,t,n,r,i,a){e??=$t,n??=Dr,r??=`butt`,i??=$t,a??=`round`,e!=pt&&(d.strokeStyle=pt=e),i!=mt&&(d.fillStyle=mt=i),t!=ht&&(d.lineWidth=ht=t),a!=_t&&(d.lineJoin=_t=a),r!=vt&&(d.lineCap=vt=r),n!=gt&&d.setLineDash(gt=n)}function wt(e,t,n,r){t!=mt&&(d.fillStyle=mt=t),e!=yt&&(d.font=yt=e),n!=bt&&(d.textAlign=bt=n),r!=xt&&(d.textBaseline=xt=r)}function Tt(e,t,n,i,a=0){if(i.length>0&&e.auto(r,ut)&&(t==null||t.min==null)){let t=W(V,0),r=W(st,i.length-1),o=n.min==null?Rn(i,t,r,a,e.distr==3):[n.min,n.max];e.min=nr(e.min,n.min=o[0]),e.max=rr(e.max,n.max=o[1])}}let Qt={min:null,max:null};function sn(){for(let e in b){let t=b[e];A[e]==null&&(t.min==null||A[S]!=null&&t.auto(r,ut))&&(A[e]=Qt)}for(let e in b){let t=b[e];A[e]==null&&t.from!=null&&A[t.from]!=null&&(A[e]=Qt)}A[S]!=null&&Fn(!0);let e={};for(let t in A){let n=A[t];if(n!=null){let a=e[t]=Ir(b[t],Nr);if(n.min!=null)Lr(a,n);else if(t!=S||i==2){if(ot==0&&a.from==null){let e=a.range(r,null,null,t);a.min=e[0],a.max=e[1]}else a.min=G,a.max=-1/0}}}if(ot>0){v.forEach((n,a)=>{if(i==1){let i=n.scale,o=A[i];if(o==null)return;let s=e[i];if(a==0){let e=s.range(r,s.min,s.max,i);s.min=e[0],s.max=e[1],V=Mn(s.min,t[0]),st=Mn(s.max,t[0]),st-V>1&&(t[0][V]<s.min&&V++,t[0][st]>s.max&&st--),n.min=lt[V],n.max=lt[st]}else n.show&&n.auto&&Tt(s,o,n,t[a],n.sorted);n.idxs[0]=V,n.idxs[1]=st}else if(a>0&&n.show&&n.auto){let[r,i]=n.facets,o=r.scale,s=i.scale,[c,l]=t[a],u=e[o],d=e[s];u!=null&&Tt(u,A[o],r,c,r.sorted),d!=null&&Tt(d,A[s],i,l,i.sorted),n.min=i.min,n.max=i.max}});for(let t in e){let n=e[t],i=A[t];if(n.from==null&&(i==null||i.min==null)){let e=n.range(r,n.min==G?null:n.min,n.max==-1/0?null:n.max,t);n.min=e[0],n.max=e[1]}}}for(let t in e){let n=e[t];if(n.from!=null){let i=e[n.from];if(i.min==null)n.min=n.max=null;else{let e=n.range(r,i.min,i.max,t);n.min=e[0],n.max=e[1]}}}let n={},a=!1;for(let t in e){let r=e[t],i=b[t];if(i.min!=r.min||i.max!=r.max){i.min=r.min,i.max=r.max;let e=i.distr;i._min=e==3?or(i.min):e==4?lr(i.min,i.asinh):e==100?i.fwd(i.min):i.min,i._max=e==3?or(i.max):e==4?lr(i.max,i.asinh):e==100?i.fwd(i.max):i.max,n[t]=a=!0}}if(a){v.forEach((e,t)=>{i==2?t>0&&n.y&&(e._paths=null):n[e.scale]&&(e._paths=null)});for(let e in n)Ne=!0,Ui(`setScale`,e);oe&&N.left>=0&&(Pe=Ie=!0)}for(let e in A)A[e]=null}function cn(e){let t=dr(V-1,0,ot-1),n=dr(st+1,0,ot-1);for(;e[t]==null&&t>0;)t--;for(;e[n]==null&&n<ot-1;)n++;return[t,n]}function ln(){if(ot>0){let e=v.some(e=>e._focus)&&St!=Ge.alpha;e&&(d.globalAlpha=St=Ge.alpha),v.forEach((e,n)=>{if(n>0&&e.show&&(fn(n,!1),fn(n,!0),e._paths==null)){let a=St;St!=e.alpha&&(d.globalAlpha=St=e.alpha);let o=i==2?[0,t[n][0].length-1]:cn(t[n]);e._paths=e.paths(r,n,o[0],o[1]),St!=a&&(d.globalAlpha=St=a)}}),v.forEach((e,t)=>{if(t>0&&e.show){let n=St;St!=e.alpha&&(d.globalAlpha=St=e.alpha),e._paths!=null&&hn(t,!1);{let n=e._paths==null?null:e._paths.gaps,i=e.points.show(r,t,V,st,n),a=e.points.filter(r,t,i,n);(i||a)&&(e.points._paths=e.points.paths(r,t,V,st,a),hn(t,!0))}St!=n&&(d.globalAlpha=St=n),Ui(`drawSeries`,t)}}),e&&(d.globalAlpha=St=1)}}function fn(e,t){let n=t?v[e].points:v[e];n._stroke=n.stroke(r,e),n._fill=n.fill(r,e)}function hn(e,t){let n=t?v[e].points:v[e],{stroke:r,fill:i,clip:a,flags:o,_stroke:s=n._stroke,_fill:c=n._fill,_width:l=n.width}=n._paths;l=q(l*H,3);let u=null,f=l%2/2;t&&c==null&&(c=l>0?`#fff`:s);let p=n.pxAlign==1&&f>0;if(p&&d.translate(f,f),!t){let e=De-l/2,t=Oe-l/2,n=ke+l,r=Ae+l;u=new Path2D,u.rect(e,t,n,r)}t?_n(s,l,n.dash,n.cap,c,r,i,o,a):gn(e,s,l,n.dash,n.cap,c,r,i,o,u,a),p&&d.translate(-f,-f)}function gn(e,n,i,a,o,s,c,l,u,d,f){let p=!1;u!=0&&x.forEach((m,h)=>{if(m.series[0]==e){let e=v[m.series[1]],g=t[m.series[1]],_=(e._paths||Er).band;kr(_)&&(_=m.dir==1?_[0]:_[1]);let y,b=null;e.show&&_&&Kn(g,V,st)?(b=m.fill(r,h)||s,y=e._paths.clip):_=null,_n(n,i,a,o,b,c,l,u,d,f,y,_),p=!0}}),p||_n(n,i,a,o,s,c,l,u,d,f)}function _n(e,t,n,r,i,a,o,s,c,l,u,f){Ct(e,t,n,r,i),(c||l||f)&&(d.save(),c&&d.clip(c),l&&d.clip(l)),f?(s&3)==3?(d.clip(f),u&&d.clip(u),wn(i,o),Sn(e,a,t)):s&Ea?(wn(i,o),d.clip(f),Sn(e,a,t)):s&Ta&&(d.save(),d.clip(f),u&&d.clip(u),wn(i,o),d.restore(),Sn(e,a,t)):(wn(i,o),Sn(e,a,t)),(c||l||f)&&d.restore()}function Sn(e,t,n){n>0&&(t instanceof Map?t.forEach((e,t)=>{d.strokeStyle=pt=t,d.stroke(e)}):t!=null&&e&&d.stroke(t))}function wn(e,t){t instanceof Map?t.forEach((e,t)=>{d.fillStyle=mt=t,d.fill(e)}):t!=null&&e&&d.fill(t)}function En(e,t,n,i){let a=y[e],o;if(i<=0)o=[0,0];else{let s=a._space=a.space(r,e,t,n,i);o=vo(t,n,a._incrs=a.incrs(r,e,t,n,i,s),i,s)}return a._found=o}function On(e,t,n,r,i,a,o,s,c,l){let u=o%2/2;h==1&&d.translate(u,u),Ct(s,o,c,l,s),d.beginPath();let f,p,m,g,_=i+(r==0||r==3?-a:a);n==0?(p=i,g=_):(f=i,m=_);for(let r=0;r<e.length;r++)t[r]!=null&&(n==0?f=m=e[r]:p=g=e[r],d.moveTo(f,p),d.lineTo(m,g));d.stroke(),h==1&&d.translate(-u,-u)}function kn(e){let t=!0;return y.forEach((n,i)=>{if(!n.show)return;let a=b[n.scale];if(a.min==null){n._show&&(t=!1,n._show=!1,Fn(!1));return}n._show||(t=!1,n._show=!0,Fn(!1));let o=n.side,s=o%2,{min:c,max:l}=a,[u,d]=En(i,c,l,s==0?R:z);if(d==0)return;let f=a.distr==2,p=n._splits=n.splits(r,i,c,l,u,d,f),m=a.distr==2?p.map(e=>lt[e]):p,h=a.distr==2?lt[p[1]]-lt[p[0]]:u,g=n._values=n.values(r,n.filter(r,m,i,d,h),i,d,h);n._rotate=o==2?n.rotate(r,g,i,d):0;let _=n._size;n._size=tr(n.size(r,g,i,e)),_!=null&&n._size!=_&&(t=!1)}),t}function Nn(e){let t=!0;return it.forEach((n,i)=>{let a=n(r,i,tt,e);a!=at[i]&&(t=!1),at[i]=a}),t}function Pn(){for(let e=0;e<y.length;e++){let t=y[e];if(!t.show||!t._show)continue;let n=t.side,i=n%2,a,o,c=t.stroke(r,e),l=n==0||n==3?-1:1,[u,f]=t._found;if(t.label!=null){let s=t.labelGap*l,p=er((t._lpos+s)*H);wt(t.labelFont[0],c,`center`,n==2?Jt:Yt),d.save(),i==1?(a=o=0,d.translate(p,er(Oe+Ae/2)),d.rotate((n==3?-Zn:Zn)/2)):(a=er(De+ke/2),o=p);let m=fr(t.label)?t.label(r,e,u,f):t.label;d.fillText(m,a,o),d.restore()}if(f==0)continue;let p=b[t.scale],m=i==0?ke:Ae,h=i==0?De:Oe,_=t._splits,v=p.distr==2?_.map(e=>lt[e]):_,x=p.distr==2?lt[_[1]]-lt[_[0]]:u,S=t.ticks,C=t.border,w=S.show?S.size:0,T=er(w*H),E=er((t.alignTo==2?t._size-w-t.gap:t.gap)*H),D=t._rotate*-Zn/180,O=g(t._pos*H),k=O+(T+E)*l;o=i==0?k:0,a=i==1?k:0;let ee=t.font[0];wt(ee,c,t.align==1?Xt:t.align==2?Zt:D>0?Xt:D<0?Zt:i==0?`center`:n==3?Zt:Xt,D||i==1?`middle`:n==2?Jt:Yt);let A=t.font[1]*t.lineGap,j=_.map(e=>g(s(e,p,m,h))),te=t._values;for(let e=0;e<te.length;e++){let t=te[e];if(t!=null){i==0?a=j[e]:o=j[e],t=``+t;let n=t.indexOf(`
`)==-1?[t]:t.split(/\n/gm);for(let e=0;e<n.length;e++){let t=n[e];D?(d.save(),d.translate(a,o+e*A),d.rotate(D),d.fillText(t,0,0),d.restore()):d.fillText(t,a,o+e*A)}}}S.show&&On(j,S.filter(r,v,e,f,x),i,n,O,T,q(S.width*H,3),S.stroke(r,e),S.dash,S.cap);let ne=t.grid;ne.show&&On(j,ne.filter(r,v,e,f,x),i,i==0?2:1,i==0?Oe:De,i==0?Ae:ke,q(ne.width*H,3),ne.stroke(r,e),ne.dash,ne.cap),C.show&&On([O],[1],+(i==0),i==0?1:2,i==1?Oe:De,i==1?Ae:ke,q(C.width*H,3),C.stroke(r,e),C.dash,C.cap)}Ui(`drawAxes`)}function Fn(e){v.forEach((t,n)=>{n>0&&(t._paths=null,e&&(i==1?(t.min=null,t.max=null):t.facets.forEach(e=>{e.min=null,e.max=null})))})}let In=!1,Ln=!1,Un=[];function Wn(){Ln=!1;for(let e=0;e<Un.length;e++)Ui(...Un[e]);Un.length=0}function qn(){In||=(Hr(Yn),!0)}function Jn(e,t=!1){In=!0,Ln=t,e(r),Yn(),t&&Un.length>0&&queueMicrotask(Wn)}r.batch=Jn;function Yn(){if(je&&=(sn(),!1),Ne&&=(ze(),!1),Me){if(U(p,Xt,B),U(p,Jt,Se),U(p,Kt,R),U(p,qt,z),U(m,Xt,B),U(m,Jt,Se),U(m,Kt,R),U(m,qt,z),U(f,Kt,xe),U(f,qt,L),u.width=er(xe*H),u.height=er(L*H),y.forEach(({_el:e,_show:t,_size:n,_pos:r,side:i})=>{if(e!=null){if(t){let t=i===3||i===0?n:0,a=i%2==1;U(e,a?`left`:`top`,r-t),U(e,a?`width`:`height`,n),U(e,a?`top`:`left`,a?Se:B),U(e,a?`height`:`width`,a?z:R),yn(e,Pt)}else vn(e,Pt)}}),pt=mt=ht=_t=vt=yt=bt=xt=gt=null,St=1,hi(!0),B!=Ce||Se!=we||R!=Te||z!=Ee){Fn(!1);let e=R/Te,t=z/Ee;if(oe&&!Pe&&N.left>=0){N.left*=e,N.top*=t,sr&&Cn(sr,er(N.left),0,R,z),ur&&Cn(ur,0,er(N.top),R,z);for(let n=0;n<Je.length;n++){let r=Je[n];r!=null&&(Ye[n]*=e,Xe[n]*=t,Cn(r,tr(Ye[n]),tr(Xe[n]),R,z))}}if(X.show&&!Fe&&X.left>=0&&X.width>0){X.left*=e,X.width*=e,X.top*=t,X.height*=t;for(let e in vi)U(Br,e,X[e])}Ce=B,we=Se,Te=R,Ee=z}Ui(`setSize`),Me=!1}xe>0&&L>0&&(d.clearRect(0,0,u.width,u.height),Ui(`drawClear`),w.forEach(e=>e()),Ui(`draw`)),X.show&&Fe&&(Vr(X),Fe=!1),oe&&Pe&&(pi(null,!0,!1),Pe=!1),M.show&&M.live&&Ie&&(di(),Ie=!1),c||(c=!0,r.status=1,Ui(`ready`)),ut=!1,In=!1}r.redraw=(e,t)=>{Ne=t||!1,e===!1?qn():Wr(S,D.min,D.max)};function Xn(e,n){let i=b[e];if(i.from==null){if(ot==0){let t=i.range(r,n.min,n.max,e);n.min=t[0],n.max=t[1]}if(n.min>n.max){let e=n.min;n.min=n.max,n.max=e}if(ot>1&&n.min!=null&&n.max!=null&&n.max-n.min<1e-16)return;e==S&&i.distr==2&&ot>0&&(n.min=Mn(n.min,t[0]),n.max=Mn(n.max,t[0]),n.min==n.max&&n.max++),A[e]=n,je=!0,qn()}}r.setScale=Xn;let $n,ar,sr,ur,pr,mr,yr,br,Sr,Cr,J,Y,Pr=!1,Fr=N.drag,Rr=Fr.x,zr=Fr.y;oe&&(N.x&&($n=xn(It,m)),N.y&&(ar=xn(Lt,m)),D.ori==0?(sr=$n,ur=ar):(sr=ar,ur=$n),J=N.left,Y=N.top);let X=r.select=Lr({show:!0,over:!0,left:0,width:0,top:0,height:0},e.select),Br=X.show?xn(Ft,X.over?m:p):null;function Vr(e,t){if(X.show){for(let t in e)X[t]=e[t],t in vi&&U(Br,t,e[t]);t!==!1&&Ui(`setSelect`)}}r.setSelect=Vr;function Ur(e){if(v[e].show)P&&yn(le[e],Pt);else if(P&&vn(le[e],Pt),oe){let t=qe?Je[0]:Je[e];t!=null&&Cn(t,-10,-10,R,z)}}function Wr(e,t,n){Xn(e,{min:t,max:n})}function Gr(e,t,n,a){t.focus!=null&&ti(e),t.show!=null&&v.forEach((n,r)=>{r>0&&(e==r||e==null)&&(n.show=t.show,Ur(r),i==2?(Wr(n.facets[0].scale,null,null),Wr(n.facets[1].scale,null,null)):Wr(n.scale,null,null),qn())}),n!==!1&&Ui(`setSeries`,e,t),a&&Ji(`setSeries`,r,e,t)}r.setSeries=Gr;function Kr(e,t){Lr(x[e],t)}function qr(e,t){e.fill=K(e.fill||null),e.dir=W(e.dir,-1),t??=x.length,x.splice(t,0,e)}function Jr(e){e==null?x.length=0:x.splice(e,1)}r.addBand=qr,r.setBand=Kr,r.delBand=Jr;function Yr(e,t){v[e].alpha=t,oe&&Je[e]!=null&&(Je[e].style.opacity=t),P&&le[e]&&(le[e].style.opacity=t)}let Xr,Zr,Qr,$r={focus:!0};function ti(e){if(e!=Qr){let t=e==null,n=Ge.alpha!=1;v.forEach((r,a)=>{if(i==1||a>0){let i=t||a==0||a==e;r._focus=t?null:i,n&&Yr(a,i?1:Ge.alpha)}}),Qr=e,n&&qn()}}P&&Ke&&ye(an,I,e=>{N._lock||(Ue(e),Qr!=null&&Gr(null,$r,!0,Q.setSeries))});function ni(e,t,n){let r=b[t];n&&(e=e/H-(r.ori==1?Se:B));let i=R;r.ori==1&&(i=z,e=i-e),r.dir==-1&&(e=i-e);let a=r._min,o=r._max,s=e/i,c=a+(o-a)*s,l=r.distr;return l==3?ir(10,c):l==4?cr(c,r.asinh):l==100?r.bwd(c):c}function ri(e,n){return Mn(ni(e,S,n),t[0],V,st)}r.valToIdx=e=>Mn(e,t[0]),r.posToIdx=ri,r.posToVal=ni,r.valToPos=(e,t,n)=>b[t].ori==0?a(e,b[t],n?ke:R,n?De:0):o(e,b[t],n?Ae:z,n?Oe:0),r.setCursor=(e,t,n)=>{J=e.left,Y=e.top,pi(null,t,n)};function ii(e,t){U(Br,Xt,X.left=e),U(Br,Kt,X.width=t)}function ai(e,t){U(Br,Jt,X.top=e),U(Br,qt,X.height=t)}let oi=D.ori==0?ii:ai,li=D.ori==1?ii:ai;function ui(){if(P&&M.live)for(let e=+(i==2);e<v.length;e++){if(e==0&&fe)continue;let t=M.values[e],n=0;for(let r in t)ue[e][n++].firstChild.nodeValue=t[r]}}function di(e,t){if(e!=null&&(e.idxs?e.idxs.forEach((e,t)=>{ae[t]=e}):Ar(e.idx)||ae.fill(e.idx),M.idx=ae[0]),P&&M.live){for(let e=0;e<v.length;e++)(e>0||i==1&&!fe)&&fi(e,ae[e]);ui()}Ie=!1,t!==!1&&Ui(`setLegend`)}r.setLegend=di;function fi(e,n){let i=v[e],a=e==0&&O==2?lt:t[e],o;fe?o=i.values(r,e,n)??pe:(o=i.value(r,n==null?null:a[n],e,n),o=o==null?pe:{_:o}),M.values[e]=o}function pi(e,n,a){Sr=J,Cr=Y,[J,Y]=N.move(r,J,Y),N.left=J,N.top=Y,oe&&(sr&&Cn(sr,er(J),0,R,z),ur&&Cn(ur,0,er(Y),R,z));let o,s=V>st;Xr=G,Zr=null;let c=D.ori==0?R:z,l=D.ori==1?R:z;if(J<0||ot==0||s){o=N.idx=null;for(let e=0;e<v.length;e++){let t=Je[e];t!=null&&Cn(t,-10,-10,R,z)}Ke&&Gr(null,$r,!0,e==null&&Q.setSeries),M.live&&(ae.fill(o),Ie=!0)}else{let e,n,a;i==1&&(e=D.ori==0?J:Y,n=ni(e,S),o=N.idx=Mn(n,t[0],V,st),a=k(t[0][o],D,c,0));let s=-10,u=-10,d=0,f=0,p=!0,m=``,h=``;for(let e=+(i==2);e<v.length;e++){let g=v[e],_=ae[e],y=_==null?null:i==1?t[e][_]:t[e][1][_],x=N.dataIdx(r,e,o,n),S=x==null?null:i==1?t[e][x]:t[e][1][x];if(Ie=Ie||S!=y||x!=_,ae[e]=x,e>0&&g.show){let n=x==null?-10:x==o?a:k(i==1?t[0][x]:t[e][0][x],D,c,0),_=S==null?-10:ee(S,i==1?b[g.scale]:b[g.facets[1].scale],l,0);if(Ke&&S!=null){let t=D.ori==1?J:Y,n=Qn(Ge.dist(r,e,x,_,t));if(n<Xr){let r=Ge.bias;if(r!=0){let i=ni(t,g.scale),a=S>=0?1:-1,o=i>=0?1:-1;o==a&&(o==1?r==1?S>=i:S<=i:r==1?S<=i:S>=i)&&(Xr=n,Zr=e)}else Xr=n,Zr=e}}if(Ie||qe){let t,i;D.ori==0?(t=n,i=_):(t=_,i=n);let a,o,c,l,g,v,y=!0,b=We.bbox;if(b!=null){y=!1;let t=b(r,e);c=t.left,l=t.top,a=t.width,o=t.height}else c=t,l=i,a=o=We.size(r,e);if(v=We.fill(r,e),g=We.stroke(r,e),qe)e==Zr&&Xr<=Ge.prox&&(s=c,u=l,d=a,f=o,p=y,m=v,h=g);else{let t=Je[e];t!=null&&(Ye[e]=c,Xe[e]=l,Dn(t,a,o,y),Tn(t,v,g),Cn(t,tr(c),tr(l),R,z))}}}}if(qe){let e=Ge.prox;if(Ie||(Qr==null?Xr<=e:Xr>e||Zr!=Qr)){let e=Je[0];e!=null&&(Ye[0]=s,Xe[0]=u,Dn(e,d,f,p),Tn(e,m,h),Cn(e,tr(s),tr(u),R,z))}}}if(X.show&&Pr){if(e!=null){let[t,n]=Q.scales,[r,i]=Q.match,[a,o]=e.cursor.sync.scales,s=e.cursor.drag;if(Rr=s._x,zr=s._y,Rr||zr){let{left:s,top:u,width:d,height:f}=e.select,p=e.scales[a].ori,m=e.posToVal,h,g,_,v,y,x=t!=null&&r(t,a),S=n!=null&&i(n,o);x&&Rr?(p==0?(h=s,g=d):(h=u,g=f),_=b[t],v=k(m(h,a),_,c,0),y=k(m(h+g,a),_,c,0),oi(nr(v,y),Qn(y-v))):oi(0,c),S&&zr?(p==1?(h=s,g=d):(h=u,g=f),_=b[n],v=ee(m(h,o),_,l,0),y=ee(m(h+g,o),_,l,0),li(nr(v,y),Qn(y-v))):li(0,l)}else Z()}else{let e=Qn(Sr-pr),t=Qn(Cr-mr);if(D.ori==1){let n=e;e=t,t=n}Rr=Fr.x&&e>=Fr.dist,zr=Fr.y&&t>=Fr.dist;let n=Fr.uni;n==null?Fr.x&&Fr.y&&(Rr||zr)&&(Rr=zr=!0):Rr&&zr&&(Rr=e>=n,zr=t>=n,!Rr&&!zr&&(t>e?zr=!0:Rr=!0));let r,i;Rr&&(D.ori==0?(r=yr,i=J):(r=br,i=Y),oi(nr(r,i),Qn(i-r)),zr||li(0,l)),zr&&(D.ori==1?(r=yr,i=J):(r=br,i=Y),li(nr(r,i),Qn(i-r)),Rr||oi(0,c)),!Rr&&!zr&&(oi(0,0),li(0,0))}}if(Fr._x=Rr,Fr._y=zr,e==null){if(a){if(Ki!=null){let[e,t]=Q.scales;Q.values[0]=e==null?null:ni(D.ori==0?J:Y,e),Q.values[1]=t==null?null:ni(D.ori==1?J:Y,t)}Ji(en,r,J,Y,R,z,o)}if(Ke){let e=a&&Q.setSeries,t=Ge.prox;Qr==null?Xr<=t&&Gr(Zr,$r,!0,e):Xr>t?Gr(null,$r,!0,e):Zr!=Qr&&Gr(Zr,$r,!0,e)}}Ie&&(M.idx=o,di()),n!==!1&&Ui(`setCursor`)}let mi=null;Object.defineProperty(r,"rect",{get(){return mi??hi(!1),mi}});function hi(e=!1){e?mi=null:(mi=m.getBoundingClientRect(),Ui(`syncRect`,mi))}function gi(e,t,n,r,i,a,o){N._lock||Pr&&e!=null&&e.movementX==0&&e.movementY==0||(_i(e,t,n,r,i,a,o,!1,e!=null),e==null?pi(t,!0,!1):pi(null,!0,!0))}function _i(e,t,n,i,a,o,c,l,u){if(mi??hi(!1),Ue(e),e!=null)n=e.clientX-mi.left,i=e.clientY-mi.top;else{if(n<0||i<0){J=-10,Y=-10;return}let[e,r]=Q.scales,c=t.cursor.sync,[l,u]=c.values,[d,f]=c.scales,[p,m]=Q.match,h=t.axes[0].side%2==1,g=D.ori==0?R:z,_=D.ori==1?R:z,v=h?o:a,y=h?a:o,x=h?i:n,S=h?n:i;if(n=d==null?x/v*g:p(e,d)?s(l,b[e],g,0):-10,i=f==null?S/y*_:m(r,f)?s(u,b[r],_,0):-10,D.ori==1){let e=n;n=i,i=e}}u&&(t==null||t.cursor.event.type==en)&&((n<=1||n>=R-1)&&(n=xr(n,R)),(i<=1||i>=z-1)&&(i=xr(i,z))),l?(pr=n,mr=i,[yr,br]=N.move(r,n,i)):(J=n,Y=i)}let vi={width:0,height:0,left:0,top:0};function Z(){Vr(vi,!1)}let yi,ki,Ni,Pi;function Ii(e,t,n,i,a,o,s){Pr=!0,Rr=zr=Fr._x=Fr._y=!1,_i(e,t,n,i,a,o,s,!0,!1),e!=null&&(ye(nn,pn,Li,!1),Ji(tn,r,yr,br,R,z,null));let{left:c,top:l,width:u,height:d}=X;yi=c,ki=l,Ni=u,Pi=d}function Li(e,t,n,i,a,o,s){Pr=Fr._x=Fr._y=!1,_i(e,t,n,i,a,o,s,!1,!0);let{left:c,top:l,width:u,height:d}=X,f=u>0||d>0,p=yi!=c||ki!=l||Ni!=u||Pi!=d;if(f&&p&&Vr(X),Fr.setScale&&f&&p){let e=c,t=u,n=l,r=d;if(D.ori==1&&(e=l,t=d,n=c,r=u),Rr&&Wr(S,ni(e,S),ni(e+t,S)),zr)for(let e in b){let t=b[e];e!=S&&t.from==null&&t.min!=G&&Wr(e,ni(n+r,e),ni(n,e))}Z()}else N.lock&&(N._lock=!N._lock,pi(t,!0,e!=null));e!=null&&(be(nn,pn),Ji(nn,r,J,Y,R,z,null))}function Ri(e,t,n,r,i,a,o){if(N._lock)return;Ue(e);let s=Pr;if(Pr){let e=!0,t=!0,n,r;D.ori==0?(n=Rr,r=zr):(n=zr,r=Rr),n&&r&&(e=J<=10||J>=R-10,t=Y<=10||Y>=z-10),n&&e&&(J=J<yr?0:R),r&&t&&(Y=Y<br?0:z),pi(null,!0,!0),Pr=!1}J=-10,Y=-10,ae.fill(null),pi(null,!0,!0),s&&(Pr=s)}function zi(e,t,n,i,a,o,s){N._lock||(Ue(e),ft(),Z(),e!=null&&Ji(on,r,J,Y,R,z,null))}function Bi(){y.forEach(bo),Le(r.width,r.height,!0)}An(un,mn,Bi);let Vi={};Vi.mousedown=Ii,Vi.mousemove=gi,Vi.mouseup=Li,Vi.dblclick=zi,Vi.setSeries=(e,t,n,i)=>{let a=Q.match[2];n=a(r,t,n),n!=-1&&Gr(n,i,!0,!1)},oe&&(ye(tn,m,Ii),ye(en,m,gi),ye(rn,m,e=>{Ue(e),hi(!1)}),ye(an,m,Ri),ye(on,m,zi),ro.add(r),r.syncRect=hi);let Hi=r.hooks=e.hooks||{};function Ui(e,t,n){Ln?Un.push([e,t,n]):e in Hi&&Hi[e].forEach(e=>{e.call(null,r,t,n)})}(e.plugins||[]).forEach(e=>{for(let t in e.hooks)Hi[t]=(Hi[t]||[]).concat(e.hooks[t])});let Gi=(e,t,n)=>n,Q=Lr({key:null,setSeries:!1,filters:{pub:_r,sub:_r},scales:[S,v[1]?v[1].scale:null],match:[vr,vr,Gi],values:[null,null]},N.sync);Q.match.length==2&&Q.match.push(Gi),N.sync=Q;let Ki=Q.key,qi=wa(Ki);function Ji(e,t,n,r,i,a,o){Q.filters.pub(e,t,n,r,i,a,o)&&qi.pub(e,t,n,r,i,a,o)}qi.sub(r);function Yi(e,t,n,r,i,a,o){Q.filters.sub(e,t,n,r,i,a,o)&&Vi[e](null,t,n,r,i,a,o)}r.pub=Yi;function Xi(){qi.unsub(r),ro.delete(r),ve.clear(),jn(un,mn,Bi),l.remove(),I?.remove(),Ui(`destroy`)}r.destroy=Xi;function aa(){Ui(`init`,e,t),dt(t||e.data,!1),A[S]?Xn(S,A[S]):ft(),Fe=X.show&&(X.width>0||X.height>0),Pe=Ie=!0,Le(e.width,e.height)}return v.forEach(Qe),y.forEach(nt),n?n instanceof HTMLElement?(n.appendChild(l),aa()):n(r,aa):aa(),r}xo.assign=Lr,xo.fmtNum=Yn,xo.rangeNum=Gn,xo.rangeLog=zn,xo.rangeAsinh=Bn,xo.orient=Da,xo.pxRatio=H,xo.join=Vr,xo.fmtDate=ei,xo.tzDate=ni,xo.sync=wa;{xo.addGap=Ma,xo.clipGaps=ja;let e=xo.paths={points:Ka};e.linear=Xa,e.stepped=Za,e.bars=$a,e.spline=to}function So(e){return Object.entries(e).map(([e,t])=>({label:e,...t}))}var Co=600,wo=(()=>{let e=[];for(let t=0;t<16;t++)for(let n of[1,2,5])e.push(n*10**t);return e})();function To(e,t){return{width:e>0?e:Co,height:Number.isFinite(t)&&t>40?t:260}}function Eo(e,t,n,r){if(e.yRange!==null)return[e.yRange[0],e.yRange[1]];let i=t??1/0,a=n??-1/0,o=[...e.band??[],...e.refLines].filter(e=>Number.isFinite(e)&&(!r||e>0));for(let e of o)i=Math.min(i,e),a=Math.max(a,e);return i<=a?r?xo.rangeLog(i,a,10,!0):xo.rangeNum(i,a,.1,!0):r?[1,10]:[0,1]}function Do(e){return Math.max(40,16+7*Math.max(0,...(e??[]).map(e=>String(e).length)))}function Oo(e,t,n,r,i,a){return JSON.stringify([e.map(e=>[e.label,e.width,e.dash,e.faint]),t,n,r,i,[...a]])}function ko(e){let{fg:t,grid:r,font:i}=e.colors,a=e.log,o=`12px ${i}`,s=(e,t)=>t.map(e=>e==null?``:n(e));return{...e.size,legend:{show:!1},padding:[16,12,0,0],scales:{x:{time:!1},y:{distr:a?3:1,log:10,range:(t,n,r)=>Eo(e.rangeInputs(),n,r,a)}},axes:[{stroke:t,font:o,grid:{stroke:r,width:1},ticks:{stroke:r,width:1},incrs:[...wo]},{stroke:t,font:o,grid:{stroke:r,width:1},ticks:{stroke:r,width:1},values:s,size:(e,t)=>Do(t)}],series:[{label:f(e.lang,`chart.iteration`)},...e.series.map((n,r)=>{let i=e.colors.series[r]??t;return{label:n.label,show:!e.hidden.has(n.label),stroke:i,width:n.width??(n.faint===!0?1:1.5),...n.dash===void 0?{}:{dash:n.dash},alpha:n.faint===!0?.4:1,spanGaps:!1,points:{size:5,fill:i,stroke:i,filter:(t,n,r)=>{if(r)return null;let i=e.isolated()[n-1];return i!==void 0&&i.length>0?i:null}}}})],cursor:{drag:{x:e.selectable,y:!1,setScale:!1,dist:4},points:{size:7,width:1.5}},select:{show:e.selectable,left:0,top:0,width:0,height:0},hooks:e.hooks}}function Ao(e){let t=1/0,n=-1/0;for(let r of e)for(let e of r)e!==null&&Number.isFinite(e)&&(e<t&&(t=e),e>n&&(n=e));return t<=n?[t,n]:null}var jo=-10;function Mo(e){let t=Ao(e);if(t===null)return null;let[n,r]=t,i=Math.ceil(r),a=Math.min(Math.floor(Math.max(n,jo)),Math.floor(r));return a===i?[a-1,i+1]:[a,i]}var No=[-4,-2];function Po(e){let[t,n]=No,r=Mo(e);return r===null?[t-1,n+1]:[Math.min(r[0],t-1),Math.max(r[1],n+1)]}function Fo(e){let t=Ao(e);if(t===null)return null;let n=Math.min(0,t[0]),r=t[1];return r>n?[n,r]:n===0?[0,1]:[n,0]}var Io=class extends Re{static{this.properties={label:{type:String},lang:{type:String},theme:{type:String,reflect:!0}}}constructor(){super(),this.label=``}get language(){return u(this.lang)}connectedCallback(){super.connectedCallback(),this.toggleAttribute(`data-inherit-theme`,Ct(this))}};function Lo(e){return typeof e==`number`?e:e===`Infinity`?1/0:e===`-Infinity`?-1/0:NaN}function Ro(e){if(e==null||!Array.isArray(e.counts)||e.counts.length===0)return[];let t=e.counts.map(e=>typeof e==`number`&&Number.isFinite(e)&&e>0?e:0),n=Lo(e.min),r=Lo(e.max);if(n===r)return[{from:n,to:r,count:t.reduce((e,t)=>e+t,0)}];let i=t.length,a=(r-n)/i;return t.map((e,t)=>({from:t===0?n:n+a*t,to:t===i-1?r:n+a*(t+1),count:e}))}var zo=class extends Io{static{this.properties={...Io.properties,histogram:{attribute:!1},nonfinite:{type:Number},tableView:{state:!0}}}static{this.styles=[...St,y`
      .toolbar {
        display: flex;
        justify-content: flex-end;
        gap: 0.25rem;
        margin-bottom: 0.25rem;
        font-size: 0.8125rem;
      }
      .plot {
        display: grid;
        grid-template-columns: auto 1fr;
        grid-template-rows: auto auto;
        column-gap: 0.4rem;
        font-size: 0.75rem;
        font-variant-numeric: tabular-nums;
      }
      .plot[hidden] {
        display: none;
      }
      .yaxis {
        display: flex;
        flex-direction: column;
        justify-content: space-between;
        text-align: right;
        color: var(--_muted);
        line-height: 1;
      }
      svg.bars {
        display: block;
        width: 100%;
        height: var(--_hist-height, 160px);
        border-bottom: 1px solid var(--_border);
        border-left: 1px solid var(--_border);
        box-sizing: border-box;
      }
      svg.bars rect {
        fill: var(--_series-1);
        stroke: var(--_bg);
        stroke-width: 1px;
        vector-effect: non-scaling-stroke;
      }
      svg.bars rect:hover {
        fill: var(--_accent);
      }
      .xaxis {
        grid-column: 2;
        display: flex;
        justify-content: space-between;
        color: var(--_muted);
        padding-top: 0.15rem;
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
    `]}constructor(){super(),this.bins=[],this.histogram=null,this.nonfinite=0,this.tableView=!1}willUpdate(e){e.has(`histogram`)&&(this.bins=Ro(this.histogram))}updated(){this.dataset.bins=String(this.bins.length)}rangeText(e,t){return f(e,`histogram.range`,{from:n(t.from),to:n(t.to)})}renderBars(e){let t=this.bins,r=Math.max(0,...t.map(e=>e.count)),i=r>0?r:1,a=t.length,o=t[0],s=t[a-1];return L`<div
      part="plot"
      class="plot"
      role="img"
      aria-label=${this.label||f(e,`histogram.count`)}
      ?hidden=${this.tableView}
    >
      <div class="yaxis" aria-hidden="true"><span>${r}</span><span>0</span></div>
      <svg class="bars" viewBox="0 0 ${a} ${i}" preserveAspectRatio="none">
        ${t.map((t,n)=>R`<rect x=${n} y=${i-t.count} width="1" height=${t.count}><title>${this.rangeText(e,t)}: ${t.count}</title></rect>`)}
      </svg>
      <div class="xaxis" aria-hidden="true">
        <span>${o===void 0?``:n(o.from)}</span>
        <span>${s===void 0?``:n(s.to)}</span>
      </div>
    </div>`}renderTable(e){return L`<div class="tablewrap">
      <table part="table" class="data" aria-label=${this.label||B}>
        <thead>
          <tr>
            <th scope="col">${f(e,`histogram.bin`)}</th>
            <th scope="col">${f(e,`histogram.count`)}</th>
          </tr>
        </thead>
        <tbody>
          ${this.bins.map(t=>L`<tr>
                <th scope="row">${this.rangeText(e,t)}</th>
                <td>${t.count}</td>
              </tr>`)}
        </tbody>
      </table>
    </div>`}render(){let e=this.language,t=Number.isFinite(this.nonfinite)&&this.nonfinite>0?L`<p class="nonfinite">
            ${f(e,`histogram.nonfinite`,{count:this.nonfinite})}
          </p>`:B;return this.bins.length===0?L`<p class="muted empty">${f(e,`chart.no_data`)}</p>
        ${t}`:L`
      <div part="toolbar" class="toolbar">
        <button
          type="button"
          aria-pressed=${this.tableView?`true`:`false`}
          @click=${()=>this.tableView=!this.tableView}
        >
          ${f(e,`chart.table`)}
        </button>
      </div>
      ${this.renderBars(e)} ${this.tableView?this.renderTable(e):B} ${t}
    `}};a(`train-histogram`,zo);var $=e=>Math.round(e*10)/10;function Bo(e,t,n={}){let r=n.rowGap??36,i=n.colGap??20,a=n.margin??12,o=new Map,s=[];for(let t of e)o.has(t.id)||(o.set(t.id,s.length),s.push(t));let c=s.length,l=new Set,u=[];for(let e of t){let t=o.get(e.source),n=o.get(e.target);if(t===void 0||n===void 0||t===n)continue;let r=`${t}\u0000${n}`;l.has(r)||(l.add(r),u.push([t,n,{source:e.source,target:e.target}]))}let d=Array.from({length:c},()=>[]);for(let[e,t]of u)d[e]?.push(t);let f=new Set,p=new Uint8Array(c);for(let e=0;e<c;e++){if(p[e]!==0)continue;let t=[[e,0]];for(p[e]=1;t.length>0;){let e=t[t.length-1],[n,r]=e,i=d[n]??[];if(r<i.length){e[1]=r+1;let a=i[r];p[a]===1?f.add(`${n}\u0000${a}`):p[a]===0&&(p[a]=1,t.push([a,0]))}else p[n]=2,t.pop()}}let m=u.filter(([e,t])=>!f.has(`${e}\u0000${t}`)),h=Array.from({length:c},()=>[]),g=Array.from({length:c},()=>[]),_=Array(c).fill(0);for(let[e,t]of m)h[t]?.push(e),g[e]?.push(t),_[t]=(_[t]??0)+1;let v=Array(c).fill(0),y=[];for(let e=0;e<c;e++)_[e]===0&&y.push(e);for(let e=0;e<y.length;e++){let t=y[e];for(let e of g[t]??[])v[e]=Math.max(v[e]??0,(v[t]??0)+1),_[e]=(_[e]??0)-1,_[e]===0&&y.push(e)}let b=c===0?0:Math.max(...v)+1,x=Array.from({length:b},()=>[]);for(let e=0;e<c;e++)x[v[e]??0]?.push(e);let S=Array(c).fill(0),C=Array(c).fill(0),w=Array(c).fill(0),T=[],E=[],D=a,O=e=>s[e]?.width??0,k=e=>s[e]?.height??0;x.forEach((e,t)=>{let n=Math.max(0,...e.map(k));T[t]=D,E[t]=D+n;let a;if(t===0){let t=0;a=e.map(e=>{let n=t+O(e)/2;return t+=O(e)+i,{v:e,c:n}})}else a=e.map(e=>{let t=h[e]??[];return{v:e,c:t.length===0?0:t.reduce((e,t)=>e+(S[t]??0)+O(t)/2,0)/t.length}}),a.sort((e,t)=>e.c-t.c);let o=-1/0,s=0;for(let{v:e,c:t}of a){let n=Math.max(t-O(e)/2,o+i);S[e]=n,o=n+O(e),s+=n+O(e)/2-t}s=a.length>0?s/a.length:0,a.forEach(({v:e},t)=>{S[e]=(S[e]??0)-s,C[e]=D+(n-k(e))/2,w[e]=t}),x[t]=a.map(e=>e.v),D+=n+r});let ee=c===0?0:Math.min(...S);for(let e=0;e<c;e++)S[e]=(S[e]??0)-ee+a;let A=c===0?2*a:Math.max(...s.map((e,t)=>(S[t]??0)+e.width))+a,j=c===0?2*a:D-r+a,te=Array(b).fill(0),ne=u.map(([e,t,n])=>{let o=(S[e]??0)+O(e)/2,s=(C[e]??0)+k(e),l=(S[t]??0)+O(t)/2,u=C[t]??0,d=v[e]??0,f=v[t]??0;if(f<=d){let e=r;return{...n,path:`M${$(o)},${$(s)} C${$(o)},${$(s+e)} ${$(l)},${$(u-e)} ${$(l)},${$(u)}`}}let p=(s+u)/2,m=`M${$(o)},${$(s)} C${$(o)},${$(p)} ${$(l)},${$(p)} ${$(l)},${$(u)}`;if(f===d+1)return{...n,path:m};let h=e=>{let t=[];for(let n=d+1;n<f;n++){let r=e(n);for(let e of x[n]??[])r>=(S[e]??0)-4&&r<=(S[e]??0)+O(e)+4&&t.push(e)}return t};if(h(e=>{let t=(((T[e]??0)+(E[e]??0))/2-s)/(u-s||1);return o+(l-o)*t}).length===0)return{...n,path:m};let g=0;for(let e=d+1;e<f;e++)g=Math.max(g,te[e]??0);let _=Math.max(o,l);for(let e=0;e<c+1;e++){let e=h(()=>_);if(e.length===0)break;_=Math.max(...e.map(e=>(S[e]??0)+O(e)))+i/2}_+=g*6;for(let e=d+1;e<f;e++)te[e]=g+1;A=Math.max(A,_+a);let y=T[d+1]??s,b=E[f-1]??u,w=(s+y)/2,D=(b+u)/2;return{...n,path:`M${$(o)},${$(s)} C${$(o)},${$(w)} ${$(_)},${$(w)} ${$(_)},${$(y)} L${$(_)},${$(b)} C${$(_)},${$(D)} ${$(l)},${$(D)} ${$(l)},${$(u)}`}}),re=[];for(let e of x)for(let t of e){let e=s[t];re.push({id:e.id,width:e.width,height:e.height,x:$(S[t]??0),y:$(C[t]??0),rank:v[t]??0,order:w[t]??0})}return{nodes:re,edges:ne,width:Math.ceil(A),height:Math.ceil(j)}}var Vo=[[`norm`,/norm|lrn|localresponse/i],[`pool`,/pool|subsampl|upsampl/i],[`conv`,/conv/i],[`activation`,/activation|relu|sigmoid|tanh|softmax|softplus|softsign|gelu|silu|swish|mish|elu|selu|hardswish|hardtanh|logsigmoid|threshold|prelu/i],[`linear`,/linear|dense|output|embedding|bilinear|lstm|gru|rnn|attention/i]];function Ho(e){for(let[t,n]of Vo)if(n.test(e))return t;return`other`}var Uo=`\0input`,Wo=e=>`\u0000input:${e}`,Go=40,Ko=7,qo=30,Jo=96;function Yo(e){return e.length>qo?`${e.slice(0,29)}…`:e}var Xo=class extends Io{static{this.properties={...Io.properties,layers:{attribute:!1},edges:{attribute:!1},selected:{type:String,reflect:!0}}}static{this.styles=[...St,y`
      .graph {
        max-height: 70vh;
        overflow: auto;
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
    `]}constructor(){super(),this.nodes=new Map,this.layout={nodes:[],edges:[],width:0,height:0},this.layers=[],this.edges=[]}willUpdate(e){let t=e;(t.has(`layers`)||t.has(`edges`)||t.has(`lang`))&&this.buildGraph()}updated(e){this.dataset.nodes=String(this.layout.nodes.length),e.has(`selected`)&&this.revealSelected()}buildGraph(){let e=this.language,t=Array.isArray(this.layers)?this.layers:[],n=new Set(t.map(e=>e.name)),r=new Map,i=[],a=new Set,o=(t,o)=>{if(!n.has(o))return;let s=t;n.has(t)||(s=Wo(t),r.has(s)||r.set(s,{id:s,layer:null,lines:[f(e,`model.input`),`(${t})`],title:`${f(e,`model.input`)} (${t})`,family:`input`})),i.push({source:s,target:o}),a.add(o)};for(let e of t)for(let t of e.inputs??[])o(t,e.name);for(let e of Array.isArray(this.edges)?this.edges:[])o(e.source,e.target);let s=t.filter(e=>!a.has(e.name)),c=new Map;if(s.length>0){c.set(Uo,{id:Uo,layer:null,lines:[f(e,`model.input`),null],title:f(e,`model.input`),family:`input`});for(let e of s)i.push({source:Uo,target:e.name})}for(let[e,t]of r)c.set(e,t);let l=f(e,`model.info.params`);for(let e of t){if(c.has(e.name))continue;let t=typeof e.num_params==`number`?`\n${l}: ${e.num_params.toLocaleString(`en-US`)}`:``;c.set(e.name,{id:e.name,layer:e.name,lines:[e.type,`(${e.name})`],title:`${e.type} (${e.name})${t}`,family:Ho(e.type)})}this.nodes=c;let u=[...c.values()].map(e=>{let t=Math.max(Yo(e.lines[0]).length,Yo(e.lines[1]??``).length);return{id:e.id,width:Math.max(Jo,t*Ko+20),height:Go}});this.layout=Bo(u,i)}select(e){this.selected=e,this.dispatchEvent(new CustomEvent(`train-layer-select`,{bubbles:!0,composed:!0,detail:{layer:e}}))}focusable(){return[...this.renderRoot.querySelectorAll(`g.node[tabindex]`)]}onKeyDown(e,t){if(e.key===`Enter`||e.key===` `){e.preventDefault(),t.layer!==null&&this.select(t.layer);return}let n=this.focusable(),r=n.indexOf(e.currentTarget),i;switch(e.key){case`ArrowDown`:case`ArrowRight`:i=r+1;break;case`ArrowUp`:case`ArrowLeft`:i=r-1;break;case`Home`:i=0;break;case`End`:i=n.length-1;break;default:return}e.preventDefault(),n[Math.max(0,Math.min(n.length-1,i))]?.focus()}revealSelected(){let e=this.layout.nodes.find(e=>e.id===this.selected&&this.nodes.get(e.id)?.layer!==null),t=this.renderRoot.querySelector(`.graph`),n=t?.querySelector(`svg`);if(e===void 0||t===null||n==null)return;let r=n.getBoundingClientRect().top-t.getBoundingClientRect().top+t.scrollTop+e.y,i=r+e.height;r<t.scrollTop?t.scrollTop=Math.max(0,r-8):i>t.scrollTop+t.clientHeight&&(t.scrollTop=i-t.clientHeight+8)}renderNode(e,t,n,r,i){let a=this.nodes.get(e);if(a===void 0)return B;let o=r/2,[s,c]=a.lines,l=c===null?R`<text x=${o} y=${i/2}>${Yo(s)}</text>`:R`<text x=${o} y=${i/2-8}>${Yo(s)}</text><text class="name" x=${o} y=${i/2+8}>${Yo(c)}</text>`,u=R`<rect class="ring" x="-4" y="-4" width=${r+8} height=${i+8} rx="9"></rect>
      <rect class="box" width=${r} height=${i} rx="6"></rect>${l}`;if(a.layer===null)return R`<g class="node input fam-input" transform="translate(${t},${n})" data-input="">
        <title>${a.title}</title>${u}</g>`;let d=a.layer;return R`<g
      class="node fam-${a.family}"
      transform="translate(${t},${n})"
      tabindex="0"
      role="button"
      data-layer=${d}
      aria-label=${`${a.lines[0]} ${a.lines[1]??``}`}
      aria-pressed=${this.selected===d?`true`:`false`}
      @click=${e=>{e.currentTarget.focus(),this.select(d)}}
      @keydown=${e=>this.onKeyDown(e,a)}
    ><title>${a.title}</title>${u}</g>`}render(){let e=this.language,{nodes:t,edges:n,width:r,height:i}=this.layout;if(t.length===0)return L`<p class="muted empty">${f(e,`chart.no_data`)}</p>`;let a=this.selected,o=e=>a!==void 0&&(e.source===a||e.target===a);return L`<div part="graph" class="graph">
      <svg
        width=${r}
        height=${i}
        viewBox="0 0 ${r} ${i}"
        role="group"
        aria-label=${this.label||f(e,`model.graph`)}
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
          ${n.map(e=>R`<path class=${o(e)?`edge hot`:`edge`} d=${e.path} marker-end=${o(e)?`url(#arrow-hot)`:`url(#arrow)`}></path>`)}
        </g>
        ${t.map(e=>this.renderNode(e.id,e.x,e.y,e.width,e.height))}
      </svg>
    </div>`}};a(`train-layer-graph`,Xo);function Zo(e,t,n,r){let i=t?Math.max(1,Math.round(r*.1)):1,a;switch(e){case`ArrowLeft`:a=n==null?r-1:n-i;break;case`ArrowRight`:a=n==null?r-1:n+i;break;case`Home`:a=0;break;case`End`:a=r-1;break;default:return null}return Math.max(0,Math.min(r-1,a))}function Qo(e,t,n,r){let i=t[r];if(i===void 0)return null;let a=e.valToPos(i,`x`),o=e.over.clientHeight/2;for(let t=0;t<n.length;t++){let i=n[t]?.[r];if(typeof i==`number`&&e.series[t+1]?.show!==!1){o=e.valToPos(i,`y`);break}}return{left:a,top:o}}function $o(e){return n(e??null)}function es(e,t,n,r,i,a){let o=[],s=[];t.forEach((e,t)=>{let r=$o(n[t]?.[a]);o.push(r),i.has(e)||s.push(`${e} = ${r}`)});let c=r[a];return{legend:o,readout:c===void 0?null:f(e,`chart.readout`,{iteration:c,values:s.join(`, `)})}}var ts=class{constructor(e,t=500,n=()=>performance.now()){this.timer=null,this.lastAt=-1/0,this.pending=``,this.write=e,this.intervalMs=t,this.now=n}announce(e){if(this.pending=e,this.timer!==null)return;let t=this.lastAt+this.intervalMs-this.now();t<=0?this.flush():this.timer=setTimeout(()=>this.flush(),t)}cancel(){this.timer!==null&&clearTimeout(this.timer),this.timer=null}flush(){this.timer=null,this.lastAt=this.now(),this.write(this.pending)}};function ns(e,t,n,r){if(t===null||n&&(t[0]<=0||t[1]<=0))return;let{left:i,top:a,width:o,height:s}=e.bbox,c=e.valToPos(Math.max(t[0],t[1]),`y`,!0),l=e.valToPos(Math.min(t[0],t[1]),`y`,!0);if(c=Math.max(a,Math.min(a+s,c)),l=Math.max(a,Math.min(a+s,l)),l-c<=0)return;let u=e.ctx;u.save(),u.fillStyle=r,u.fillRect(i,c,o,l-c),u.restore()}function rs(e,t){let n=e.ctx,r=t.pxRatio??xo.pxRatio,{left:i,top:a,width:o,height:s}=e.bbox,c=t.log;n.save(),n.beginPath(),n.rect(i,a,o,s),n.clip(),n.strokeStyle=t.color,n.lineWidth=r,n.setLineDash([4*r,4*r]);for(let r of t.refLines){if(!Number.isFinite(r)||c&&r<=0)continue;let t=Math.round(e.valToPos(r,`y`,!0))+.5;t<a||t>a+s||(n.beginPath(),n.moveTo(i,t),n.lineTo(i+o,t),n.stroke())}let l=e.scales.x?.min??-1/0,u=e.scales.x?.max??1/0;n.font=`${11*r}px ${t.font}`,n.fillStyle=t.color,n.textAlign=`left`,n.textBaseline=`bottom`;let d=[],p=-1/0,m=-1/0;for(let c of[...t.epochs].sort((e,t)=>e.iteration-t.iteration)){if(!(c.iteration>=l&&c.iteration<=u))continue;let h=Math.round(e.valToPos(c.iteration,`x`,!0))+.5;if(h-m<3*r)continue;m=h,n.beginPath(),n.moveTo(h,a),n.lineTo(h,a+s),n.stroke();let g=f(t.lang,`chart.epoch`,{epoch:c.epoch}),_=n.measureText(g).width,v=h+3*r;v>p+4*r&&v+_<=i+o+12*r&&(d.push([g,v]),p=v+_)}n.restore(),n.save(),n.font=`${11*r}px ${t.font}`,n.fillStyle=t.color,n.textAlign=`left`,n.textBaseline=`bottom`;for(let[e,t]of d)n.fillText(e,t,a-2*r);n.restore()}function is(e,t){return f(e,t===`nan`?`chart.nan`:t===`inf`?`chart.posinf`:`chart.neginf`)}function as(e,t,n,r){let i=f(e,`chart.nonfinite_at`,{value:is(e,n),iteration:r});return t===``?i:`${t}: ${i}`}var os=class{constructor(){this.layer=null,this.els=[]}build(e,t,n){this.layer===null&&(this.layer=document.createElement(`div`),this.layer.className=`markers`,e.over.appendChild(this.layer));let r=[];for(let e of t){let t=document.createElement(`span`);t.className=`marker`,t.setAttribute(`part`,`nonfinite`),t.dataset.kind=e.kind,t.dataset.series=String(e.seriesIndex),t.dataset.x=String(e.x);let i=n(e);t.title=i,t.setAttribute(`role`,`img`),t.setAttribute(`aria-label`,i),r.push(t)}this.layer.replaceChildren(...r),this.els=r,this.position(e,t,n)}position(e,t,n){if(this.els.length!==t.length){this.layer!==null&&this.build(e,t,n);return}let r=e.scales.x?.min??-1/0,i=e.scales.x?.max??1/0;t.forEach((t,n)=>{let a=this.els[n];a!==void 0&&(e.series[t.seriesIndex+1]?.show===!1||t.x<r||t.x>i?a.hidden=!0:(a.hidden=!1,a.style.left=`${e.valToPos(t.x,`x`)}px`))})}reset(){this.layer=null,this.els=[]}},ss=class{constructor(e,t){this.range=null,this.downAt=null,this.host=e,this.enabled=t}get current(){return this.range}listen(e,t){e.addEventListener(`mousedown`,e=>{let t=e;this.downAt={x:t.clientX,y:t.clientY}}),e.addEventListener(`click`,e=>{let n=e,r=this.downAt;this.downAt=null,this.enabled()&&r!==null&&Math.hypot(n.clientX-r.x,n.clientY-r.y)<4&&this.clear(t)})}onSelect(e){if(!this.enabled())return;let{left:t,width:n}=e.select;if(!(n>=1))return;let r=e.posToVal(t,`x`),i=e.posToVal(t+n,`x`);this.range=[r,i],this.fire({x0:r,x1:i})}clear(e){this.range=null,e?.setSelect({left:0,top:0,width:0,height:0},!1),this.fire(null)}restore(e){if(this.range===null)return;let[t,n]=this.range,r=e.valToPos(t,`x`),i=e.valToPos(n,`x`);e.setSelect({left:r,top:0,width:Math.max(0,i-r),height:e.over.clientHeight},!1)}fire(e){this.host.dispatchEvent(new CustomEvent(`train-range-select`,{bubbles:!0,composed:!0,detail:e}))}},cs=`.uplot,.uplot *,.uplot :before,.uplot :after{box-sizing:border-box}.uplot{width:min-content;font-family:system-ui,-apple-system,Segoe UI,Roboto,Helvetica Neue,Arial,Noto Sans,sans-serif,Apple Color Emoji,Segoe UI Emoji,Segoe UI Symbol,Noto Color Emoji;line-height:1.5}.u-title{text-align:center;font-size:18px;font-weight:700}.u-wrap{-webkit-user-select:none;user-select:none;position:relative}.u-over,.u-under{position:absolute}.u-under{overflow:hidden}.uplot canvas{width:100%;height:100%;display:block;position:relative}.u-axis{position:absolute}.u-legend{text-align:center;margin:auto;font-size:14px}.u-inline{display:block}.u-inline *{display:inline-block}.u-inline tr{margin-right:16px}.u-legend th{font-weight:600}.u-legend th>*{vertical-align:middle;display:inline-block}.u-legend .u-marker{width:1em;height:1em;margin-right:4px;background-clip:padding-box!important}.u-inline.u-live th:after{content:":";vertical-align:middle}.u-inline:not(.u-live) .u-value{display:none}.u-series>*{padding:4px}.u-series th{cursor:pointer}.u-legend .u-off>*{opacity:.3}.u-select{pointer-events:none;background:#00000012;position:absolute}.u-cursor-x,.u-cursor-y{pointer-events:none;will-change:transform;position:absolute;top:0;left:0}.u-hz .u-cursor-x,.u-vt .u-cursor-y{border-right:1px dashed #607d8b;height:100%}.u-hz .u-cursor-y,.u-vt .u-cursor-x{border-bottom:1px dashed #607d8b;width:100%}.u-cursor-pt{pointer-events:none;will-change:transform;border:0 solid;border-radius:50%;position:absolute;top:0;left:0;background-clip:padding-box!important}.u-axis.u-off,.u-select.u-off,.u-cursor-x.u-off,.u-cursor-y.u-off,.u-cursor-pt.u-off{display:none}`;function ls(e,t){return{fg:yt(e,`--_fg`)||`#1b1b1f`,muted:yt(e,`--_muted`)||`#5b5d66`,grid:yt(e,`--_grid`)||`#e4e5ea`,band:yt(e,`--_band`)||`rgba(0,158,115,0.14)`,font:yt(e,`--_font`)||`system-ui, sans-serif`,series:Array.from({length:t},(t,n)=>bt(e,n)||`#0072b2`)}}var us=[...St,v(cs),y`
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
  `];function ds(e){if(typeof e==`number`)return e;switch(e){case`NaN`:return NaN;case`Infinity`:return 1/0;case`-Infinity`:return-1/0;default:return null}}function fs(e){return Number.isNaN(e)?`nan`:e===1/0?`inf`:e===-1/0?`-inf`:null}function ps(e){let t=e.map(e=>{let t=new Map,n=Math.min(e.iterations.length,e.values.length);for(let r=0;r<n;r++){let n=e.iterations[r];typeof n==`number`&&Number.isFinite(n)&&(t.delete(n),t.set(n,ds(e.values[r])))}return t}),n=new Set;for(let e of t)for(let t of e.keys())n.add(t);let r=Array.from(n).sort((e,t)=>e-t),i=new Map;r.forEach((e,t)=>i.set(e,t));let a=[],o=[],s=[];return t.forEach((e,t)=>{let n=Array(r.length).fill(void 0),c=Array(r.length).fill(void 0),l=[],u=[];for(let[r,a]of e){let e=i.get(r);if(e===void 0)continue;if(c[e]=a,a===null){n[e]=null,l.push(e);continue}let o=fs(a);o===null?n[e]=a:(n[e]=null,l.push(e),u.push({seriesIndex:t,x:r,kind:o}))}ms(n,l),u.sort((e,t)=>e.x-t.x),s.push(...u),a.push(n),o.push(c)}),{x:r,ys:a,values:o,markers:s}}function ms(e,t){for(let n of t){for(let t=n-1;t>=0&&e[t]===void 0;t--)e[t]=null;for(let t=n+1;t<e.length&&e[t]===void 0;t++)e[t]=null}}function hs(e){let t=0;for(let n of e)for(let e of n)typeof e==`number`&&t++;return t}function gs(e){let t=[],n=null,r=[];for(let t=0;t<e.length;t++)e[t]!==void 0&&r.push(t);for(let i=0;i<r.length;i++){let a=r[i],o=e[a],s=i+1<r.length?e[r[i+1]]:null;typeof o==`number`&&typeof n!=`number`&&typeof s!=`number`&&t.push(a),n=o}return t}function _s(e){let t=!1;for(let n of e)for(let e of n)if(typeof e==`number`){if(!(e>0))return!1;t=!0}return t}var vs=class extends Io{static{this.properties={...Io.properties,series:{attribute:!1},epochs:{attribute:!1},band:{attribute:!1},refLines:{attribute:!1},yRange:{attribute:!1},logY:{type:Boolean,attribute:`log-y`,reflect:!0},logToggle:{type:Boolean,attribute:`log-toggle`},selectable:{type:Boolean},height:{type:Number},tableView:{state:!0},hiddenLabels:{state:!0}}}static{this.styles=us}constructor(){super(),this.plot=null,this.plotKey=``,this.aligned={x:[],ys:[],values:[],markers:[]},this.isolated=[],this.colors={fg:``,muted:``,grid:``,band:``,font:``,series:[]},this.markers=new os,this.resizeObserver=null,this.resizeFrame=0,this.media=null,this.selection=new ss(this,()=>this.selectable),this.readout=new ts(e=>{let t=this.renderRoot.querySelector(`.readout`);t!==null&&t.textContent!==e&&(t.textContent=e)}),this.drawn=!1,this.onSchemeChange=()=>{this.theme!==`light`&&this.theme!==`dark`&&this.scheduleRedraw()},this.redrawFrame=0,this.markerTitleOf=e=>as(this.language,this.series[e.seriesIndex]?.label??``,e.kind,e.x),this.series=[],this.epochs=[],this.band=null,this.refLines=[],this.yRange=null,this.logY=!1,this.logToggle=!1,this.selectable=!1,this.height=260,this.tableView=!1,this.hiddenLabels=new Set}get effectiveLogY(){return this.logY&&_s(this.aligned.ys)}get isEmpty(){return hs(this.aligned.ys)===0&&this.aligned.markers.length===0}connectedCallback(){super.connectedCallback(),typeof matchMedia==`function`&&(this.media=matchMedia(`(prefers-color-scheme: dark)`),this.media.addEventListener(`change`,this.onSchemeChange)),this.hasUpdated&&this.requestUpdate()}disconnectedCallback(){super.disconnectedCallback(),this.media?.removeEventListener(`change`,this.onSchemeChange),this.media=null,this.resizeObserver?.disconnect(),this.resizeObserver=null,cancelAnimationFrame(this.resizeFrame),cancelAnimationFrame(this.redrawFrame),this.readout.cancel(),this.destroyPlot()}redraw(){this.destroyPlot(),this.syncPlot()}scheduleRedraw(){cancelAnimationFrame(this.redrawFrame),this.redrawFrame=requestAnimationFrame(()=>{this.plot!==null&&this.redraw()})}willUpdate(e){e.has(`series`)&&(this.aligned=ps(this.series??[]),this.isolated=this.aligned.ys.map(gs))}updated(e){if(this.resizeObserver===null){let e=this.plotEl;e!==null&&(this.resizeObserver=new ResizeObserver(()=>this.scheduleResize()),this.resizeObserver.observe(e))}let t=[`series`,`epochs`,`band`,`refLines`,`yRange`,`logY`,`height`,`selectable`,`theme`,`lang`,`hiddenLabels`],n=e;(this.plot===null||t.some(e=>n.has(e)))&&(n.has(`theme`)&&n.get(`theme`)!==void 0&&this.destroyPlot(),this.syncPlot()),n.has(`tableView`)&&!this.tableView&&this.scheduleResize()}get plotEl(){return this.renderRoot.querySelector(`.plot`)}syncPlot(){let{ys:e,x:t}=this.aligned;this.dataset.points=String(hs(e));let n=this.plotEl;if(this.isEmpty||n===null||!this.isConnected){this.destroyPlot(),this.isEmpty&&this.markReady();return}let r=[t,...e],i=Oo(this.series,this.effectiveLogY,this.yRange,this.selectable,this.language,this.hiddenLabels);if(this.plot!==null&&i===this.plotKey){this.plot.setData(r);let e=To(n.clientWidth,this.height);e.height!==this.plot.height&&this.plot.setSize(e),this.buildMarkers()}else this.destroyPlot(),this.colors=ls(this,this.series.length),this.plotKey=i,this.plot=new xo(this.options(n),r,n),this.buildMarkers()}scheduleResize(){cancelAnimationFrame(this.resizeFrame),this.resizeFrame=requestAnimationFrame(()=>{let e=this.plot,t=this.plotEl;if(e===null||t===null||t.clientWidth===0)return;let n=To(t.clientWidth,this.height);(n.width!==e.width||n.height!==e.height)&&e.setSize(n)})}destroyPlot(){this.plot!==null&&(this.plot.destroy(),this.plot=null),this.plotKey=``,this.markers.reset()}markReady(){this.drawn||(this.drawn=!0,this.dataset.ready=``)}options(e){return ko({size:To(e.clientWidth,this.height),colors:this.colors,series:this.series,hidden:this.hiddenLabels,log:this.effectiveLogY,selectable:this.selectable,lang:this.language,rangeInputs:()=>({yRange:this.yRange,band:this.band,refLines:this.refLines}),isolated:()=>this.isolated,hooks:{init:[e=>this.selection.listen(e.over,e)],drawClear:[e=>ns(e,this.band,this.effectiveLogY,this.colors.band)],drawAxes:[e=>rs(e,{refLines:this.refLines,epochs:this.epochs,log:this.effectiveLogY,color:this.colors.muted,font:this.colors.font,lang:this.language})],draw:[e=>this.afterDraw(e)],setCursor:[e=>this.onCursor(e)],setSelect:[e=>this.selection.onSelect(e)]}})}afterDraw(e){this.markers.position(e,this.aligned.markers,this.markerTitleOf),this.selection.restore(e),this.markReady()}buildMarkers(){this.plot!==null&&this.markers.build(this.plot,this.aligned.markers,this.markerTitleOf)}onCursor(e){let t=e.cursor.idx,n=this.renderRoot.querySelectorAll(`.legend .value`);if(t==null){n.forEach(e=>e.textContent=``);return}let{legend:r,readout:i}=es(this.language,this.series.map(e=>e.label),this.aligned.values,this.aligned.x,this.hiddenLabels,t);r.forEach((e,t)=>{let r=n[t];r!==void 0&&(r.textContent=e)}),i!==null&&this.readout.announce(i)}onKeyDown(e){let t=this.plot,n=this.aligned.x.length;if(t===null||n===0)return;if(e.key===`Escape`){this.selectable&&this.selection.current!==null&&(this.selection.clear(this.plot),e.preventDefault());return}let r=Zo(e.key,e.shiftKey,t.cursor.idx,n);if(r===null)return;e.preventDefault();let i=Qo(t,this.aligned.x,this.aligned.ys,r);i!==null&&t.setCursor(i)}toggleSeries(e){let t=new Set(this.hiddenLabels);t.has(e)?t.delete(e):t.add(e),this.hiddenLabels=t}renderTable(){let{x:e,values:t}=this.aligned,n=this.language;return L`<div class="tablewrap">
      <table part="table" class="data" aria-label=${this.label||B}>
        <thead>
          <tr>
            <th scope="col">${f(n,`chart.iteration`)}</th>
            ${this.series.map(e=>L`<th scope="col">${e.label}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${e.map((e,n)=>L`<tr>
                <th scope="row">${e}</th>
                ${t.map(e=>L`<td>${$o(e[n])}</td>`)}
              </tr>`)}
        </tbody>
      </table>
    </div>`}renderLegend(){return L`<div part="legend" class="legend">
      ${this.series.map((e,t)=>{let n=(e.dash??[]).join(` `);return L`<button
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
              style="stroke: var(--_series-${t%8+1}); stroke-width: ${e.faint?1.5:2.5};
                stroke-dasharray: ${n||`none`}; opacity: ${e.faint?.5:1}"
            ></line>
          </svg>
          <span class="name">${e.label}</span>
          <span class="value"></span>
        </button>`})}
    </div>`}render(){let e=this.language,t=this.isEmpty;return L`
      <div part="toolbar" class="toolbar">
        ${this.logToggle&&_s(this.aligned.ys)?L`<button
                type="button"
                aria-pressed=${this.logY?`true`:`false`}
                @click=${()=>this.logY=!this.logY}
              >
                ${f(e,`chart.log_scale`)}
              </button>`:B}${t?B:L`<button
                type="button"
                aria-pressed=${this.tableView?`true`:`false`}
                @click=${()=>this.tableView=!this.tableView}
              >
                ${f(e,`chart.table`)}
              </button>`}
      </div>
      ${t?L`<p class="muted empty">${f(e,`chart.no_data`)}</p>`:B}
      <div
        part="plot"
        class="plot"
        tabindex=${t||this.tableView?`-1`:`0`}
        role="application"
        aria-label=${this.label||f(e,`chart.series`)}
        ?hidden=${t||this.tableView}
        @keydown=${e=>this.onKeyDown(e)}
      ></div>
      ${t?B:this.renderLegend()}
      <div part="readout" class="readout" aria-live="polite"></div>
      <span class="theme-probe" aria-hidden="true" @transitionend=${()=>this.scheduleRedraw()}
        >.</span
      >
      ${this.tableView&&!t?this.renderTable():B}
    `}};a(`train-line-chart`,vs);function ys(e,t,n,r){if(e.length!==t.length)throw RangeError(`xs and ys must be as long, got ${e.length} and ${t.length}.`);if(Number.isNaN(n)||Number.isNaN(r))return null;let i=Math.min(n,r),a=Math.max(n,r),o=[],s=[];for(let n=0;n<e.length;n++){let r=e[n],c=t[n];r!==void 0&&c!=null&&(!Number.isFinite(r)||!Number.isFinite(c)||r<i||r>a||(o.push(r),s.push(c)))}let c=o.length;if(c<2)return null;let l=0,u=0;for(let e=0;e<c;e++)l+=o[e]??0,u+=s[e]??0;let d=l/c,f=u/c,p=0,m=0;for(let e=0;e<c;e++){let t=(o[e]??0)-d,n=(s[e]??0)-f;p+=t*t,m+=t*n}if(p===0)return null;let h=m/p,g=f-h*d;return!Number.isFinite(h)||!Number.isFinite(g)?null:{slope:h,intercept:g,n:c}}function bs(e,t,n){return{x:[t,n],y:[e.slope*t+e.intercept,e.slope*n+e.intercept]}}function xs(e){if(!Number.isFinite(e)||e<1)throw RangeError(`range must be a finite number of at least 1, got ${String(e)}.`);return 2/(e+1)}function Ss(e,t=10){let n=xs(t),r=[],i=null;for(let t of e)t===null||!Number.isFinite(t)?r.push(null):(i=i===null?t:n*t+(1-n)*i,r.push(i));return r}var Cs=2e3,ws=class extends ht{static{this.properties={...ht.properties,data:{state:!0},stdevTab:{state:!0},range:{state:!0}}}static{this.styles=[...xt,y`
      .hint {
        font-size: 0.8rem;
        margin: 0.25rem 0 0;
      }
    `]}constructor(){super(),this.onTabKey=e=>{if(e.key!==`ArrowRight`&&e.key!==`ArrowLeft`)return;let t=[`activations`,`gradients`,`updates`],n=e.key===`ArrowRight`?1:t.length-1;this.stdevTab=t[(t.indexOf(this.stdevTab)+n)%t.length]??`activations`,this.updateComplete.then(()=>{this.renderRoot.querySelector(`button[data-tab="${this.stdevTab}"]`)?.focus()})},this.data=null,this.stdevTab=`activations`,this.range=null}async fetchData(e){let t=this.takeEventKinds(),n=this.data;if(n!==null&&t.size>0&&[...t].every(e=>e===`metrics`||e===`epoch`)){let t=await Ue(this.apiBase,`metrics`,{session:n.session_id,worker:n.worker_id,max_points:Cs},e);if(e.aborted||this.data!==n)return;this.data={...n,metrics:t.metrics,epochs:t.epochs};return}let r=await Ue(this.apiBase,`overview`,{session:this.session,worker:this.worker,max_points:Cs},e);e.aborted||(this.shownSession=r.session_id,this.shownWorker=r.worker_id,this.data=r,this.setAttribute(`data-iteration`,String(r.info.iterations??``)))}render(){let e=this.data;return e===null?L`${this.renderError()??this.renderLoading()}`:L`
      ${this.renderError()}
      <div class="grid">
        <section class="card wide">${this.renderScore(e)}</section>
        <section class="card narrow">${this.renderInfo(e)}</section>
        ${Object.keys(e.metrics).length===0?B:L`<section class="card full">
                <h2>${this.tr(`overview.metrics`)}</h2>
                <train-line-chart
                  data-chart="metrics"
                  label=${this.tr(`overview.metrics`)}
                  lang=${this.language}
                  log-toggle
                  .series=${So(e.metrics)}
                  .epochs=${e.epochs}
                ></train-line-chart>
              </section>`}
        <section class="card half">${this.renderRatios(e)}</section>
        <section class="card half">${this.renderStdev(e)}</section>
      </div>
    `}renderScore(e){let n=t(e.score.values),r=Ss(n),i=[{label:this.tr(`overview.score.raw`),...e.score,faint:!0},{label:this.tr(`overview.score.smoothed`),iterations:e.score.iterations,values:r}],a=null;if(this.range!==null){let t=ys(e.score.iterations,n,this.range.x0,this.range.x1);if(t!==null){let e=bs(t,this.range.x0,this.range.x1);i.push({label:this.tr(`overview.score.fit`),iterations:e.x,values:e.y,dash:[6,4],width:2}),a=this.tr(`overview.score.fit_result`,{x0:Math.round(Math.min(this.range.x0,this.range.x1)),x1:Math.round(Math.max(this.range.x0,this.range.x1)),slope:t.slope.toPrecision(3)})}}return L`
      <h2>${this.tr(`overview.score`)}</h2>
      <train-line-chart
        data-chart="score"
        label=${this.tr(`overview.score`)}
        lang=${this.language}
        selectable
        log-toggle
        .series=${i}
        .epochs=${e.epochs}
        .yRange=${Fo([n])}
        @train-range-select=${e=>{this.range=e.detail}}
      ></train-line-chart>
      <p class="hint muted" aria-live="polite">${a??this.tr(`overview.score.fit_hint`)}</p>
    `}renderInfo(t){let n=t.info,r=[[`model_type`,this.tr(`overview.info.model_type`),n.model_type??`—`],[`num_layers`,this.tr(`overview.info.layers`),tt(n.num_layers)],[`num_params`,this.tr(`overview.info.params`),tt(n.num_params)],[`start`,this.tr(`overview.info.start`),V(n.start_ms)],[`runtime`,this.tr(`overview.info.runtime`),it(e(n.total_runtime_ms))],[`last_update`,this.tr(`overview.info.last_update`),V(n.last_update_ms)],[`iterations`,this.tr(`overview.info.iterations`),tt(n.iterations)],[`epoch`,this.tr(`overview.info.epoch`),tt(n.epoch)],[`updates_per_second`,this.tr(`overview.info.updates_per_s`),nt(e(n.updates_per_second))],[`examples_per_second`,this.tr(`overview.info.examples_per_s`),nt(e(n.examples_per_second))],[`total_examples`,this.tr(`overview.info.examples`),tt(n.total_examples)]];return L`
      <h2>${this.tr(`overview.info`)}</h2>
      ${wt(`info`,r)}
    `}renderRatios(e){let n=So(e.ratios);return L`
      <h2>${this.tr(`overview.ratios`)}</h2>
      <train-line-chart
        data-chart="ratios"
        label=${this.tr(`overview.ratios`)}
        lang=${this.language}
        .series=${n}
        .epochs=${e.epochs}
        .band=${No}
        .refLines=${[-3]}
        .yRange=${Po(n.map(e=>t(e.values)))}
      ></train-line-chart>
    `}renderStdev(e){let n=[`activations`,`gradients`,`updates`],r=So(e.stdev[this.stdevTab]);return L`
      <h2>${this.tr(`overview.stdev`)}</h2>
      <div role="tablist" part="tabs" @keydown=${this.onTabKey}>
        ${n.map(e=>L`<button
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
        data-tab=${this.stdevTab}
        label=${`${this.tr(`overview.stdev`)} (${this.tr(`overview.stdev.${this.stdevTab}`)})`}
        lang=${this.language}
        .series=${r}
        .epochs=${e.epochs}
        .yRange=${Mo(r.map(e=>t(e.values)))}
      ></train-line-chart>
    `}};a(`train-overview`,ws);function Ts(e){return e===null?`—`:`[${e.map(e=>e===null?`?`:String(e)).join(`, `)}]`}var Es=class extends ht{static{this.properties={...ht.properties,layer:{reflect:!0},graph:{state:!0},layerData:{state:!0},magTab:{state:!0},histParam:{state:!0},epochs:{state:!0}}}static{this.styles=[...xt,y`
      .grid {
        align-items: start;
      }
      .side {
        grid-column: span 4;
        position: sticky;
        top: 0.5rem;
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
    `]}constructor(){super(),this.layer=null,this.graph=null,this.layerData=null,this.magTab=`ratios`,this.histParam=null,this.epochs=[]}willUpdate(e){(e.has(`session`)||e.has(`worker`)||e.has(`apiBase`))&&(this.graph=null,this.layerData=null),e.has(`layer`)&&e.get(`layer`)!==void 0&&(this.layerData=null,this.histParam=null,e.has(`session`)||e.has(`worker`)||e.has(`apiBase`)||this.reload()),super.willUpdate(e)}async fetchData(e){let t=this.takeEventKinds(),n=t.size===0||t.has(`reset`),r=this.graph===null||n||t.has(`static_info`),i={session:this.session,worker:this.worker},a=r?await Ue(this.apiBase,`graph`,i,e):this.graph;if(e.aborted||a===null)return;let o=this.graph!==null&&this.graph.session_id!==a.session_id;this.shownSession=a.session_id,this.shownWorker=a.worker_id,r&&(this.graph=a);let s=this.layer;if(s===null)return;if(o&&!a.layers.some(e=>e.name===s)){this.layer=null;return}let c={session:a.session_id,worker:a.worker_id},l=n||r||t.has(`update`)||this.layerData===null,u=n||r||t.has(`epoch`)||t.has(`metrics`),[d,f]=await Promise.all([l?Ue(this.apiBase,`layer`,{...c,layer:s,max_points:Cs},e):null,u?Ue(this.apiBase,`metrics`,{...c,max_points:2},e):null]);e.aborted||(d!==null&&(this.layerData=d),f!==null&&(this.epochs=f.epochs))}render(){let e=this.graph;return e===null?L`${this.renderError()??this.renderLoading()}`:L`
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
    `}renderLayer(){if(this.layer===null)return L`<section class="card" data-panel="getting-started">
        <h2>${this.tr(`model.getting_started`)}</h2>
        <p>${this.tr(`model.getting_started.text`)}</p>
      </section>`;let e=this.layerData;return e===null||e.layer.name!==this.layer?L`<section class="card">${this.renderLoading()}</section>`:L`
      <section class="card">${this.renderInfo(e)}</section>
      ${e.parameters.length===0?B:L`<section class="card">${this.renderMeanMag(e)}</section>`}
      <section class="card">${this.renderActivations(e)}</section>
      ${e.parameters.length===0?B:L`<section class="card">
              <h2>${this.tr(`model.learning_rates`)}</h2>
              <train-line-chart
                data-chart="learning-rates"
                label=${this.tr(`model.learning_rates`)}
                lang=${this.language}
                log-toggle
                .series=${So(e.learning_rates)}
                .epochs=${this.epochs}
              ></train-line-chart>
            </section>`}
      <section class="card">${this.renderHistograms(e)}</section>
    `}renderInfo(e){let t=e.layer,n=[[`name`,this.tr(`model.info.name`),t.name],[`type`,this.tr(`model.info.type`),t.type],[`inputs`,this.tr(`model.info.inputs`),t.inputs.length===0?this.tr(`model.input`):t.inputs.join(`, `)],[`input_shape`,this.tr(`model.info.input_shape`),Ts(t.input_shape)],[`output_shape`,this.tr(`model.info.output_shape`),Ts(t.output_shape)],[`num_params`,this.tr(`model.info.params`),tt(t.num_params)],[`params`,this.tr(`model.info.param_names`),t.params.length===0?`—`:t.params.join(`, `)],[`activation`,this.tr(`model.info.activation`),t.activation??`—`]];return L`
      <h2>${this.tr(`model.info`)}</h2>
      ${wt(`layer`,n)}
    `}renderMeanMag(e){let n=[[`ratios`,this.tr(`model.mean_mag.ratio`)],[`parameters`,this.tr(`model.mean_mag.params`)],[`updates`,this.tr(`model.mean_mag.updates`)]],r=So(e.mean_magnitudes[this.magTab]),i=this.magTab===`ratios`,a=`${this.tr(`model.mean_mag`)}${i?`: log10`:``}`;return L`
      <h2>${a}</h2>
      <div role="tablist" part="tabs">
        ${n.map(([e,t])=>L`<button
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
        data-tab=${this.magTab}
        label=${a}
        lang=${this.language}
        ?log-toggle=${!i}
        .series=${r}
        .epochs=${this.epochs}
        .band=${i?No:null}
        .refLines=${i?[-3]:[]}
        .yRange=${i?Po(r.map(e=>t(e.values))):null}
      ></train-line-chart>
    `}renderActivations(e){let t=e.activations;if(t===null)return L`<h2>${this.tr(`model.activations`)}</h2>
        <p class="muted">${this.tr(`model.activations.none`)}</p>`;let n=[{label:this.tr(`model.activations.mean`),...t.mean,width:2},{label:this.tr(`model.activations.plus`),...t.mean_plus_2_stdev,dash:[5,4]},{label:this.tr(`model.activations.minus`),...t.mean_minus_2_stdev,dash:[5,4]}];return L`
      <h2>${this.tr(`model.activations`)}</h2>
      <train-line-chart
        data-chart="activations"
        label=${this.tr(`model.activations`)}
        lang=${this.language}
        .series=${n}
        .epochs=${this.epochs}
      ></train-line-chart>
    `}renderHistograms(e){let t=e.latest,n=e.parameters.map(e=>e.name),r=e.parameters.find(e=>e.is_weight)?.name??n[0]??null,i=this.histParam!==null&&n.includes(this.histParam)?this.histParam:r,a=[[`parameters`,this.tr(`model.hist.params`)],[`gradients`,this.tr(`model.hist.gradients`)],[`updates`,this.tr(`model.hist.updates`)]],o=t?.activations??null;return L`
      ${t===null?B:L`<p class="muted">
              ${this.tr(`model.hist.latest`,{iteration:t.iteration})}
            </p>`}
      ${n.length===0?L`<p class="muted">${this.tr(`model.no_params`)}</p>`:L`<div role="tablist" part="tabs" aria-label=${this.tr(`model.info.param_names`)}>
              ${n.map(e=>L`<button
                    role="tab"
                    data-param=${e}
                    aria-selected=${e===i?`true`:`false`}
                    @click=${()=>{this.histParam=e}}
                  >
                    ${e}
                  </button>`)}
            </div>`}
      <div class="hists">
        ${i===null?B:a.map(([e,n])=>this.renderHistogram(e,n,t?.[e][i]??null))}
        ${o===null?B:this.renderHistogram(`activations`,this.tr(`model.hist.activations`),o)}
      </div>
    `}renderHistogram(e,t,n){return L`<div>
      <h3>${t}</h3>
      <train-histogram
        data-hist=${e}
        label=${t}
        lang=${this.language}
        .histogram=${n?.histogram??null}
        .nonfinite=${n?.nonfinite_count??0}
      ></train-histogram>
    </div>`}};a(`train-model`,Es);function Ds(t,n,r=!1){let i=t.iterations.map((i,a)=>{let o=e(t.values[a]??null),s=e(Os(n,i));return o===null||s===null?null:100*(r?s-o:o)/s});return{iterations:t.iterations,values:i}}function Os(e,t){let n=0,r=e.iterations.length-1;if(r<0)return null;if((e.iterations[0]??0)>t)return e.values[0]??null;for(;n<r;){let i=n+r+1>>1;(e.iterations[i]??0)<=t?n=i:r=i-1}return e.values[n]??null}var ks=class extends ht{static{this.properties={...ht.properties,data:{state:!0},workers:{state:!0},epochs:{state:!0}}}static{this.styles=xt}constructor(){super(),this.data=null,this.workers=[],this.epochs=[]}async fetchData(e){let t={session:this.session,worker:this.worker},[n,r,i]=await Promise.all([Ue(this.apiBase,`system`,{...t,max_points:Cs},e),Ue(this.apiBase,`sessions`,{},e),Ue(this.apiBase,`metrics`,{...t,max_points:2},e)]);e.aborted||(this.shownSession=n.session_id,this.shownWorker=n.worker_id,this.workers=r.sessions.find(e=>e.session_id===n.session_id)?.workers??[n.worker_id],this.epochs=n.session_id===i.session_id?i.epochs:[],this.data=n)}render(){let e=this.data;if(e===null)return L`${this.renderError()??this.renderLoading()}`;let t=[{label:this.tr(`system.memory.process`),...Ds(e.memory.process_rss_bytes,e.memory.system_total_bytes)},{label:this.tr(`system.memory.system_used`),...Ds(e.memory.system_available_bytes,e.memory.system_total_bytes,!0)}],n=e.devices.map(e=>({label:e.name,...Ds(e.current_bytes,e.total_bytes)})),r=[{label:this.tr(`system.examples_per_s`),...e.performance.examples_per_second},{label:this.tr(`system.minibatches_per_s`),...e.performance.minibatches_per_second}];return L`
      ${this.renderError()}
      ${this.workers.length>1?L`<div role="tablist" part="tabs" aria-label=${this.tr(`system.machine`)}>
              ${this.workers.map(t=>L`<button
                    role="tab"
                    data-worker=${t}
                    aria-selected=${t===e.worker_id?`true`:`false`}
                    @click=${()=>{this.selectWorker(e.session_id,t)}}
                  >
                    ${t}
                  </button>`)}
            </div>`:B}
      <div class="grid">
        <section class="card half">
          <h2>${this.tr(`system.memory`)} (%)</h2>
          <train-line-chart
            data-chart="memory"
            .epochs=${this.epochs}
            label=${this.tr(`system.memory`)}
            lang=${this.language}
            .series=${t}
            .yRange=${[0,100]}
          ></train-line-chart>
        </section>
        ${n.length===0?B:L`<section class="card half">
                <h2>${this.tr(`system.devices`)} (%)</h2>
                <train-line-chart
                  data-chart="devices"
                  .epochs=${this.epochs}
                  label=${this.tr(`system.devices`)}
                  lang=${this.language}
                  .series=${n}
                  .yRange=${[0,100]}
                ></train-line-chart>
              </section>`}
        <section class="card half">
          <h2>${this.tr(`system.throughput`)}</h2>
          <train-line-chart
            data-chart="throughput"
            .epochs=${this.epochs}
            label=${this.tr(`system.throughput`)}
            lang=${this.language}
            log-toggle
            .series=${r}
          ></train-line-chart>
        </section>
        <section class="card half">
          <h2>${this.tr(`system.collection_ms`)}</h2>
          <train-line-chart
            data-chart="collection"
            .epochs=${this.epochs}
            label=${this.tr(`system.collection_ms`)}
            lang=${this.language}
            .series=${[{label:this.tr(`system.collection_ms`),...e.collection_ms}]}
          ></train-line-chart>
        </section>
        <section class="card half">${this.renderHardware(e)}</section>
        <section class="card half">${this.renderSoftware(e)}</section>
      </div>
    `}selectWorker(e,t){t!==this.worker&&(this.worker=t,this.dispatchEvent(new CustomEvent(`train-session-select`,{bubbles:!0,composed:!0,detail:{session:e,worker:t}})))}renderHardware(e){let t=e.hardware,n=[[`cpu_count`,this.tr(`system.hw.cpu_count`),tt(t?.cpu_count??null)],[`memory_total`,this.tr(`system.hw.memory_total`),Xe(t?.memory_total_bytes??null)],[`devices`,this.tr(`system.hw.devices`),tt(t?.devices.length??null)],...(t?.devices??[]).map((e,t)=>[`device_${t}`,this.tr(`system.hw.device`,{index:t}),`${e.name} (${Xe(e.memory_total_bytes)})`])];return L`<h2>${this.tr(`system.hardware`)}</h2>
      ${wt(`hardware`,n)}`}renderSoftware(e){let t=e.software,n=t?.framework===null||t?.framework===void 0?null:`${t.framework}${t.framework_version===null?``:` ${t.framework_version}`}`,r=[[`hostname`,this.tr(`system.sw.hostname`),t?.hostname??null],[`os`,this.tr(`system.sw.os`),t?.os??null],[`os_version`,this.tr(`system.sw.os_version`),t?.os_version??null],[`arch`,this.tr(`system.sw.arch`),t?.arch??null],[`python`,this.tr(`system.sw.python`),t?.python??null],[`framework`,this.tr(`system.sw.framework`),n],[`backend`,this.tr(`system.sw.backend`),t?.backend??null],[`device`,this.tr(`system.sw.device`),t?.device??null],[`dtype`,this.tr(`system.sw.dtype`),t?.dtype??null],[`fitscope`,this.tr(`system.sw.fitscope`),t?.fitscope_version??null]];return L`<h2>${this.tr(`system.software`)}</h2>
      ${wt(`software`,r)}`}};a(`train-system`,ks);var As=[`overview`,`model`,`system`],js=`fitscope.lang`,Ms=`fitscope.theme`;function Ns(e){try{return localStorage.getItem(e)}catch{return null}}function Ps(e,t){try{localStorage.setItem(e,t)}catch{}}var Fs=class extends ht{static{this.properties={...ht.properties,page:{reflect:!0},layer:{},sessions:{state:!0},liveState:{state:!0}}}static{this.styles=[vt,y`
      :host {
        min-height: 100vh;
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
      .live[data-state="open"] .dot {
        background: var(--_series-3);
      }
      .live[data-state="retrying"] .dot,
      .live[data-state="closed"] .dot {
        background: var(--_nonfinite);
      }
      main {
        padding: 0.75rem 1rem;
      }
    `]}constructor(){super(),this.onPopState=()=>{if(!this.ownsUrl)return;let e=/^\/train\/(overview|model|system)$/.exec(location.pathname),t=new URLSearchParams(location.search);this.page=e?.[1]??`overview`,this.session=t.get(`session`),this.worker=t.get(`worker`),this.layer=t.get(`layer`)},this.page=`overview`,this.layer=null,this.sessions=[],this.liveState=`connecting`;let e=Ns(js);e!==null&&(this.lang=e);let t=Ns(Ms);t!==null&&(this.theme=t)}onLiveState(e){this.liveState=e,this.dispatchEvent(new CustomEvent(`train-live-status`,{bubbles:!0,composed:!0,detail:{state:e}}))}connectedCallback(){super.connectedCallback(),window.addEventListener(`popstate`,this.onPopState)}disconnectedCallback(){super.disconnectedCallback(),window.removeEventListener(`popstate`,this.onPopState)}willUpdate(e){super.willUpdate(e),e.has(`lang`)&&(document.documentElement.lang=this.language===`zh`?`zh-CN`:`en`)}async fetchData(e){let t=await Ue(this.apiBase,`sessions`,{},e);e.aborted||(this.sessions=t.sessions)}get currentSession(){let e=this.sessions.find(e=>e.session_id===this.session);if(e!==void 0)return e;let t=null;for(let e of this.sessions)(t===null||(e.start_ms??0)>=(t.start_ms??0))&&(t=e);return t}render(){let e=this.currentSession,t=e?.workers??[];return L`
      <header part="header">
        <span class="brand">${this.tr(`app.title`)}</span>
        <nav part="nav">
          ${As.map(e=>L`<a
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
            ${this.sessions.map(t=>L`<option
                  value=${t.session_id}
                  ?selected=${t.session_id===e?.session_id}
                >
                  ${st(t,this.sessions)}
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
            ${t.map(e=>L`<option value=${e} ?selected=${e===(this.worker??t[0])}>${e}</option>`)}
          </select>
        </label>
        <label
          >${this.tr(`app.language`)}
          <select
            name="lang"
            @change=${e=>this.selectLang(e.target.value)}
          >
            ${Object.entries(c).map(([e,t])=>L`<option value=${e} ?selected=${e===this.language}>${t}</option>`)}
          </select>
        </label>
        <label
          >${this.tr(`app.theme`)}
          <select
            name="theme"
            @change=${e=>this.selectTheme(e.target.value)}
          >
            ${[`auto`,`light`,`dark`].map(e=>L`<option value=${e} ?selected=${e===(this.theme??`auto`)}>
                  ${this.tr(`app.theme.${e}`)}
                </option>`)}
          </select>
        </label>
        <span class="live" part="live" data-state=${this.liveState} role="status">
          <span class="dot"></span>${this.tr(`app.live.${this.liveState}`)}
        </span>
      </header>
      <main>
        ${this.renderError()}
        ${this.loaded&&this.sessions.length===0?L`<p class="muted">${this.tr(`app.no_session`)}</p>`:this.renderPage()}
      </main>
    `}renderPage(){let e=this.session??B,t=this.worker??B,n=this.theme??B,r=this.language;switch(this.page){case`model`:return L`<train-model
          api-base=${this.apiBase}
          session=${e}
          worker=${t}
          lang=${r}
          theme=${n}
          layer=${this.layer??B}
          @train-layer-select=${e=>{this.layer=e.detail.layer,this.writeUrl(!1)}}
        ></train-model>`;case`system`:return L`<train-system
          api-base=${this.apiBase}
          session=${e}
          worker=${t}
          lang=${r}
          theme=${n}
          @train-session-select=${e=>{this.session=e.detail.session,this.worker=e.detail.worker,this.writeUrl(!1)}}
        ></train-system>`;default:return L`<train-overview
          api-base=${this.apiBase}
          session=${e}
          worker=${t}
          lang=${r}
          theme=${n}
        ></train-overview>`}}pageHref(e){let t=new URLSearchParams;this.session!==null&&t.set(`session`,this.session),this.worker!==null&&t.set(`worker`,this.worker),e===`model`&&this.layer!==null&&t.set(`layer`,this.layer);let n=t.toString();return`${this.apiBase.replace(/\/+$/,``)}/train/${e}${n===``?``:`?${n}`}`}get ownsUrl(){return this.apiBase===``&&/^\/train\/(overview|model|system)$/.test(location.pathname)}writeUrl(e){if(!this.ownsUrl)return;let t=this.pageHref(this.page);e?history.pushState({page:this.page},``,t):history.replaceState({page:this.page},``,t)}onNavigate(e,t){!this.ownsUrl||e.button!==0||e.metaKey||e.ctrlKey||e.shiftKey||e.altKey||(e.preventDefault(),t!==this.page&&(this.page=t,this.writeUrl(!0)))}selectSession(e,t){if(e===``)return;e!==this.session&&(this.layer=null),this.session=e,this.worker=t,this.writeUrl(!1);let n=t??this.sessions.find(t=>t.session_id===e)?.workers[0]??``;this.dispatchEvent(new CustomEvent(`train-session-select`,{bubbles:!0,composed:!0,detail:{session:e,worker:n}}))}selectLang(e){this.lang=e,Ps(js,e),this.dispatchEvent(new CustomEvent(`train-lang-change`,{bubbles:!0,composed:!0,detail:{lang:e}}))}selectTheme(e){this.theme=e,Ps(Ms,e)}};a(`train-app`,Fs);export{c as LANGUAGES,Fs as TrainApp,zo as TrainHistogram,Xo as TrainLayerGraph,vs as TrainLineChart,Es as TrainModel,ws as TrainOverview,ks as TrainSystem,r as VERSION,n as formatFloatValue,e as parseFloatValue,u as resolveLang,f as t};