var e=globalThis,t=e.ShadowRoot&&(e.ShadyCSS===void 0||e.ShadyCSS.nativeShadow)&&`adoptedStyleSheets`in Document.prototype&&`replace`in CSSStyleSheet.prototype,n=Symbol(),r=new WeakMap,i=class{constructor(e,t,r){if(this._$cssResult$=!0,r!==n)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,n=this.t;if(t&&e===void 0){let t=n!==void 0&&n.length===1;t&&(e=r.get(n)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),t&&r.set(n,e))}return e}toString(){return this.cssText}},a=e=>new i(typeof e==`string`?e:e+``,void 0,n),o=(e,...t)=>new i(e.length===1?e[0]:t.reduce((t,n,r)=>t+(e=>{if(!0===e._$cssResult$)return e.cssText;if(typeof e==`number`)return e;throw Error(`Value passed to 'css' function must be a 'css' function result: `+e+`. Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.`)})(n)+e[r+1],e[0]),e,n),s=(n,r)=>{if(t)n.adoptedStyleSheets=r.map(e=>e instanceof CSSStyleSheet?e:e.styleSheet);else for(let t of r){let r=document.createElement(`style`),i=e.litNonce;i!==void 0&&r.setAttribute(`nonce`,i),r.textContent=t.cssText,n.appendChild(r)}},c=t?e=>e:e=>e instanceof CSSStyleSheet?(e=>{let t=``;for(let n of e.cssRules)t+=n.cssText;return a(t)})(e):e,{is:l,defineProperty:u,getOwnPropertyDescriptor:d,getOwnPropertyNames:f,getOwnPropertySymbols:p,getPrototypeOf:m}=Object,h=globalThis,g=h.trustedTypes,_=g?g.emptyScript:``,v=h.reactiveElementPolyfillSupport,y=(e,t)=>e,ee={toAttribute(e,t){switch(t){case Boolean:e=e?_:null;break;case Object:case Array:e=e==null?e:JSON.stringify(e)}return e},fromAttribute(e,t){let n=e;switch(t){case Boolean:n=e!==null;break;case Number:n=e===null?null:Number(e);break;case Object:case Array:try{n=JSON.parse(e)}catch{n=null}}return n}},te=(e,t)=>!l(e,t),ne={attribute:!0,type:String,converter:ee,reflect:!1,useDefault:!1,hasChanged:te};Symbol.metadata??=Symbol(`metadata`),h.litPropertyMetadata??=new WeakMap;var b=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=ne){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let n=Symbol(),r=this.getPropertyDescriptor(e,n,t);r!==void 0&&u(this.prototype,e,r)}}static getPropertyDescriptor(e,t,n){let{get:r,set:i}=d(this.prototype,e)??{get(){return this[t]},set(e){this[t]=e}};return{get:r,set(t){let a=r?.call(this);i?.call(this,t),this.requestUpdate(e,a,n)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??ne}static _$Ei(){if(this.hasOwnProperty(y(`elementProperties`)))return;let e=m(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(y(`finalized`)))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(y(`properties`))){let e=this.properties,t=[...f(e),...p(e)];for(let n of t)this.createProperty(n,e[n])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[e,n]of t)this.elementProperties.set(e,n)}this._$Eh=new Map;for(let[e,t]of this.elementProperties){let n=this._$Eu(e,t);n!==void 0&&this._$Eh.set(n,e)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let n=new Set(e.flat(1/0).reverse());for(let e of n)t.unshift(c(e))}else e!==void 0&&t.push(c(e));return t}static _$Eu(e,t){let n=t.attribute;return!1===n?void 0:typeof n==`string`?n:typeof e==`string`?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let n of t.keys())this.hasOwnProperty(n)&&(e.set(n,this[n]),delete this[n]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return s(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,n){this._$AK(e,n)}_$ET(e,t){let n=this.constructor.elementProperties.get(e),r=this.constructor._$Eu(e,n);if(r!==void 0&&!0===n.reflect){let i=(n.converter?.toAttribute===void 0?ee:n.converter).toAttribute(t,n.type);this._$Em=e,i==null?this.removeAttribute(r):this.setAttribute(r,i),this._$Em=null}}_$AK(e,t){let n=this.constructor,r=n._$Eh.get(e);if(r!==void 0&&this._$Em!==r){let e=n.getPropertyOptions(r),i=typeof e.converter==`function`?{fromAttribute:e.converter}:e.converter?.fromAttribute===void 0?ee:e.converter;this._$Em=r;let a=i.fromAttribute(t,e.type);this[r]=a??this._$Ej?.get(r)??a,this._$Em=null}}requestUpdate(e,t,n,r=!1,i){if(e!==void 0){let a=this.constructor;if(!1===r&&(i=this[e]),n??=a.getPropertyOptions(e),!((n.hasChanged??te)(i,t)||n.useDefault&&n.reflect&&i===this._$Ej?.get(e)&&!this.hasAttribute(a._$Eu(e,n))))return;this.C(e,t,n)}!1===this.isUpdatePending&&(this._$ES=this._$EP())}C(e,t,{useDefault:n,reflect:r,wrapped:i},a){n&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,a??t??this[e]),!0!==i||a!==void 0)||(this._$AL.has(e)||(this.hasUpdated||n||(t=void 0),this._$AL.set(e,t)),!0===r&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(e){Promise.reject(e)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[e,t]of this._$Ep)this[e]=t;this._$Ep=void 0}let e=this.constructor.elementProperties;if(e.size>0)for(let[t,n]of e){let{wrapped:e}=n,r=this[t];!0!==e||this._$AL.has(t)||r===void 0||this.C(t,void 0,n,r)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(e=>e.hostUpdate?.()),this.update(t)):this._$EM()}catch(t){throw e=!1,this._$EM(),t}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(e=>e.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(e=>this._$ET(e,this[e])),this._$EM()}updated(e){}firstUpdated(e){}};b.elementStyles=[],b.shadowRootOptions={mode:`open`},b[y(`elementProperties`)]=new Map,b[y(`finalized`)]=new Map,v?.({ReactiveElement:b}),(h.reactiveElementVersions??=[]).push(`2.1.2`);var x=globalThis,re=e=>e,S=x.trustedTypes,ie=S?S.createPolicy(`lit-html`,{createHTML:e=>e}):void 0,ae=`$lit$`,C=`lit$${Math.random().toFixed(9).slice(2)}$`,oe=`?`+C,se=`<${oe}>`,w=document,T=()=>w.createComment(``),E=e=>e===null||typeof e!=`object`&&typeof e!=`function`,D=Array.isArray,ce=e=>D(e)||typeof e?.[Symbol.iterator]==`function`,le=`[ 	
\f\r]`,O=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,ue=/-->/g,de=/>/g,k=RegExp(`>|${le}(?:([^\\s"'>=/]+)(${le}*=${le}*(?:[^ \t\n\f\r"'\`<>=]|("|')|))|$)`,`g`),fe=/'/g,pe=/"/g,me=/^(?:script|style|textarea|title)$/i,he=e=>(t,...n)=>({_$litType$:e,strings:t,values:n}),A=he(1),j=he(2),M=Symbol.for(`lit-noChange`),N=Symbol.for(`lit-nothing`),ge=new WeakMap,P=w.createTreeWalker(w,129);function _e(e,t){if(!D(e)||!e.hasOwnProperty(`raw`))throw Error(`invalid template strings array`);return ie===void 0?t:ie.createHTML(t)}var ve=(e,t)=>{let n=e.length-1,r=[],i,a=t===2?`<svg>`:t===3?`<math>`:``,o=O;for(let t=0;t<n;t++){let n=e[t],s,c,l=-1,u=0;for(;u<n.length&&(o.lastIndex=u,c=o.exec(n),c!==null);)u=o.lastIndex,o===O?c[1]===`!--`?o=ue:c[1]===void 0?c[2]===void 0?c[3]!==void 0&&(o=k):(me.test(c[2])&&(i=RegExp(`</`+c[2],`g`)),o=k):o=de:o===k?c[0]===`>`?(o=i??O,l=-1):c[1]===void 0?l=-2:(l=o.lastIndex-c[2].length,s=c[1],o=c[3]===void 0?k:c[3]===`"`?pe:fe):o===pe||o===fe?o=k:o===ue||o===de?o=O:(o=k,i=void 0);let d=o===k&&e[t+1].startsWith(`/>`)?` `:``;a+=o===O?n+se:l>=0?(r.push(s),n.slice(0,l)+ae+n.slice(l)+C+d):n+C+(l===-2?t:d)}return[_e(e,a+(e[n]||`<?>`)+(t===2?`</svg>`:t===3?`</math>`:``)),r]},F=class e{constructor({strings:t,_$litType$:n},r){let i;this.parts=[];let a=0,o=0,s=t.length-1,c=this.parts,[l,u]=ve(t,n);if(this.el=e.createElement(l,r),P.currentNode=this.el.content,n===2||n===3){let e=this.el.content.firstChild;e.replaceWith(...e.childNodes)}for(;(i=P.nextNode())!==null&&c.length<s;){if(i.nodeType===1){if(i.hasAttributes())for(let e of i.getAttributeNames())if(e.endsWith(ae)){let t=u[o++],n=i.getAttribute(e).split(C),r=/([.?@])?(.*)/.exec(t);c.push({type:1,index:a,name:r[2],strings:n,ctor:r[1]===`.`?be:r[1]===`?`?xe:r[1]===`@`?Se:R}),i.removeAttribute(e)}else e.startsWith(C)&&(c.push({type:6,index:a}),i.removeAttribute(e));if(me.test(i.tagName)){let e=i.textContent.split(C),t=e.length-1;if(t>0){i.textContent=S?S.emptyScript:``;for(let n=0;n<t;n++)i.append(e[n],T()),P.nextNode(),c.push({type:2,index:++a});i.append(e[t],T())}}}else if(i.nodeType===8){if(i.data===oe)c.push({type:2,index:a});else{let e=-1;for(;(e=i.data.indexOf(C,e+1))!==-1;)c.push({type:7,index:a}),e+=C.length-1}}a++}}static createElement(e,t){let n=w.createElement(`template`);return n.innerHTML=e,n}};function I(e,t,n=e,r){if(t===M)return t;let i=r===void 0?n._$Cl:n._$Co?.[r],a=E(t)?void 0:t._$litDirective$;return i?.constructor!==a&&(i?._$AO?.(!1),a===void 0?i=void 0:(i=new a(e),i._$AT(e,n,r)),r===void 0?n._$Cl=i:(n._$Co??=[])[r]=i),i!==void 0&&(t=I(e,i._$AS(e,t.values),i,r)),t}var ye=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:n}=this._$AD,r=(e?.creationScope??w).importNode(t,!0);P.currentNode=r;let i=P.nextNode(),a=0,o=0,s=n[0];for(;s!==void 0;){if(a===s.index){let t;s.type===2?t=new L(i,i.nextSibling,this,e):s.type===1?t=new s.ctor(i,s.name,s.strings,this,e):s.type===6&&(t=new Ce(i,this,e)),this._$AV.push(t),s=n[++o]}a!==s?.index&&(i=P.nextNode(),a++)}return P.currentNode=w,r}p(e){let t=0;for(let n of this._$AV)n!==void 0&&(n.strings===void 0?n._$AI(e[t]):(n._$AI(e,n,t),t+=n.strings.length-2)),t++}},L=class e{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,n,r){this.type=2,this._$AH=N,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=n,this.options=r,this._$Cv=r?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=I(this,e,t),E(e)?e===N||e==null||e===``?(this._$AH!==N&&this._$AR(),this._$AH=N):e!==this._$AH&&e!==M&&this._(e):e._$litType$===void 0?e.nodeType===void 0?ce(e)?this.k(e):this._(e):this.T(e):this.$(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==N&&E(this._$AH)?this._$AA.nextSibling.data=e:this.T(w.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:n}=e,r=typeof n==`number`?this._$AC(e):(n.el===void 0&&(n.el=F.createElement(_e(n.h,n.h[0]),this.options)),n);if(this._$AH?._$AD===r)this._$AH.p(t);else{let e=new ye(r,this),n=e.u(this.options);e.p(t),this.T(n),this._$AH=e}}_$AC(e){let t=ge.get(e.strings);return t===void 0&&ge.set(e.strings,t=new F(e)),t}k(t){D(this._$AH)||(this._$AH=[],this._$AR());let n=this._$AH,r,i=0;for(let a of t)i===n.length?n.push(r=new e(this.O(T()),this.O(T()),this,this.options)):r=n[i],r._$AI(a),i++;i<n.length&&(this._$AR(r&&r._$AB.nextSibling,i),n.length=i)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let t=re(e).nextSibling;re(e).remove(),e=t}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},R=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,n,r,i){this.type=1,this._$AH=N,this._$AN=void 0,this.element=e,this.name=t,this._$AM=r,this.options=i,n.length>2||n[0]!==``||n[1]!==``?(this._$AH=Array(n.length-1).fill(new String),this.strings=n):this._$AH=N}_$AI(e,t=this,n,r){let i=this.strings,a=!1;if(i===void 0)e=I(this,e,t,0),a=!E(e)||e!==this._$AH&&e!==M,a&&(this._$AH=e);else{let r=e,o,s;for(e=i[0],o=0;o<i.length-1;o++)s=I(this,r[n+o],t,o),s===M&&(s=this._$AH[o]),a||=!E(s)||s!==this._$AH[o],s===N?e=N:e!==N&&(e+=(s??``)+i[o+1]),this._$AH[o]=s}a&&!r&&this.j(e)}j(e){e===N?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??``)}},be=class extends R{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===N?void 0:e}},xe=class extends R{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==N)}},Se=class extends R{constructor(e,t,n,r,i){super(e,t,n,r,i),this.type=5}_$AI(e,t=this){if((e=I(this,e,t,0)??N)===M)return;let n=this._$AH,r=e===N&&n!==N||e.capture!==n.capture||e.once!==n.once||e.passive!==n.passive,i=e!==N&&(n===N||r);r&&this.element.removeEventListener(this.name,this,n),i&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH==`function`?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},Ce=class{constructor(e,t,n){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=n}get _$AU(){return this._$AM._$AU}_$AI(e){I(this,e)}},we=x.litHtmlPolyfillSupport;we?.(F,L),(x.litHtmlVersions??=[]).push(`3.3.3`);var Te=(e,t,n)=>{let r=n?.renderBefore??t,i=r._$litPart$;if(i===void 0){let e=n?.renderBefore??null;r._$litPart$=i=new L(t.insertBefore(T(),e),e,void 0,n??{})}return i._$AI(e),i},z=globalThis,B=class extends b{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=Te(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return M}};B._$litElement$=!0,B.finalized=!0,z.litElementHydrateSupport?.({LitElement:B});var Ee=z.litElementPolyfillSupport;Ee?.({LitElement:B}),(z.litElementVersions??=[]).push(`4.2.2`);var De={en:`English`,zh:`中文`,de:`Deutsch`,ja:`日本語`,ko:`한국어`,ru:`Русский`};function Oe(e){let t=(e??``).trim().toLowerCase();if(t in De)return t;let n=t.split(/[-_]/)[0]??``;return n in De?n:`en`}function ke(e,t){return t===void 0?e:e.replace(/\{(\w+)\}/g,(e,n)=>n in t?String(t[n]):e)}var V={light:[`#0072b2`,`#c65400`,`#00845f`,`#b5448c`,`#3d3d3d`,`#8a6200`,`#6a3d9a`,`#007c86`,`#a33c3c`,`#5b6e00`,`#4d5fa3`,`#8b4a1c`],dark:[`#56b4e9`,`#e69f00`,`#3ccf9e`,`#e08ec0`,`#f0e442`,`#ff8a5c`,`#b7a2ea`,`#a6d854`,`#ffffff`,`#4fd2d6`,`#ff9da7`,`#c9b27c`]};V.light.length;var Ae=a(V.light.map((e,t)=>`--_series-${t+1}: inherit;`).join(`
`));function je(e){return a(e.map((e,t)=>`--_series-${t+1}: var(--train-series-${t+1}, ${e});`).join(`
`))}var Me=o`
  --_bg: var(--train-bg, #ffffff);
  --_fg: var(--train-fg, #1b1b1f);
  --_muted: var(--train-muted, #5b5d66);
  --_border: var(--train-border, #d0d2d9);
  --_accent: var(--train-accent, #0a5fa8);
  --_grid: var(--train-grid, #e4e5ea);
  --_nonfinite: var(--train-nonfinite, #b00020);
  --_band: var(--train-band, rgba(0, 158, 115, 0.14));
  ${je(V.light)}
  color-scheme: light;
`,Ne=o`
  --_bg: var(--train-bg, #1e1e1e);
  --_fg: var(--train-fg, #e8e8ea);
  --_muted: var(--train-muted, #a9abb3);
  --_border: var(--train-border, #44464d);
  --_accent: var(--train-accent, #7cc4ff);
  --_grid: var(--train-grid, #34363c);
  --_nonfinite: var(--train-nonfinite, #ff6b81);
  --_band: var(--train-band, rgba(0, 158, 115, 0.22));
  ${je(V.dark)}
  color-scheme: dark;
`,Pe=o`
  :host {
    ${Me}
    --_font: var(--train-font-family, ${a(`system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif`)});
    --_radius: var(--train-radius, 6px);
    display: block;
    font-family: var(--_font);
    color: var(--_fg);
    background: var(--_bg);
  }
  :host([theme="dark"]) {
    ${Ne}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme="light"])) {
      ${Ne}
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
`;o`
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
  `;var Fe=[Pe,o`
    :host([data-inherit-theme]:not([theme])) {
      --_bg: inherit;
      --_fg: inherit;
      --_muted: inherit;
      --_border: inherit;
      --_accent: inherit;
      --_grid: inherit;
      --_nonfinite: inherit;
      --_band: inherit;
      ${Ae}
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
  `];function Ie(e){let t=e.getRootNode(),n=e.parentElement??(t instanceof ShadowRoot?t.host:null);return n!==null&&getComputedStyle(n).getPropertyValue(`--_fg`).trim()!==``}var Le=class extends B{static{this.properties={label:{type:String},lang:{type:String},theme:{type:String,reflect:!0}}}constructor(){super(),this.label=``}get language(){return Oe(this.lang)}connectedCallback(){super.connectedCallback(),this.toggleAttribute(`data-inherit-theme`,Ie(this))}},Re=`0.1.0`,ze=Symbol.for(`fitscope.ui.version`);function Be(e,t){let n=customElements.get(e);if(n!==void 0){let t=n[ze];t!==`0.1.0`&&console.warn(`fitscope: <${e}> is already defined (version ${t??`unknown`}); this copy (${Re}) is not used.`)}else Object.defineProperty(t,ze,{value:Re}),customElements.define(e,t)}var Ve=`fitscope-graph-worker.js`,He=class{constructor(e){this.url=e,this.worker=null,this.blobUrl=null,this.pending=null,this.nextId=1,this.inline=null,this.mode=`worker`}layout(e){let t=this.nextId++,n={...e,id:t},r=this.pending;return this.pending=null,r!==null&&(r.resolve(null),this.mode===`worker`&&this.stopWorker()),new Promise((e,r)=>{let i={id:t,request:n,resolve:e,reject:r};this.pending=i,this.mode===`worker`?this.post(i):this.runInline(i)})}dispose(){this.pending?.resolve(null),this.pending=null,this.stopWorker(),this.blobUrl!==null&&URL.revokeObjectURL(this.blobUrl),this.blobUrl=null}post(e){let t;try{t=this.worker??this.startWorker()}catch{this.toPage(e);return}t.postMessage(e.request)}startWorker(){let e=new URL(this.url).origin===location.origin,t=this.url;e||(this.blobUrl??=URL.createObjectURL(new Blob([`import ${JSON.stringify(this.url)};\n`],{type:`text/javascript`})),t=this.blobUrl);let n=new Worker(t,{type:`module`,name:`fitscope-graph-layout`});return n.addEventListener(`message`,e=>{let t=this.pending;t?.id===e.data.id&&(this.pending=null,`error`in e.data?t.reject(Error(e.data.error)):t.resolve(e.data))}),n.addEventListener(`error`,e=>{if(e.preventDefault(),this.worker!==n)return;this.stopWorker();let t=this.pending;t===null?this.mode=`page`:this.toPage(t)}),this.worker=n,n}stopWorker(){this.worker?.terminate(),this.worker=null}toPage(e){this.mode=`page`,this.runInline(e)}runInline(e){this.inline??=import(this.url),this.inline.then(e=>new Promise(t=>setTimeout(()=>t(e),0))).then(t=>{if(this.pending===e){this.pending=null;try{e.resolve(t.layoutGraph(e.request))}catch(t){e.reject(t instanceof Error?t:Error(String(t)))}}},t=>{this.inline=null,this.pending===e&&(this.pending=null,e.reject(t instanceof Error?t:Error(String(t))))})}},Ue={"onnx.graph":`ONNX graph of {count} nodes`,"onnx.search":`Search nodes by name or op type`,"onnx.search.placeholder":`Search name or op type`,"onnx.search.count":`{index} of {count}`,"onnx.search.none":`No matches`,"onnx.zoom_in":`Zoom in`,"onnx.zoom_out":`Zoom out`,"onnx.fit":`Fit`,"onnx.collapse_all":`Collapse all`,"onnx.laying_out":`Laying out…`,"onnx.layout_failed":`The graph could not be laid out: {message}`,"onnx.empty":`This ONNX graph has no nodes.`,"onnx.help":`Drag to pan, wheel to zoom. Arrow keys move between boxes; Enter or Space opens a group or selects a node; Escape closes the group around it.`,"onnx.nodes":`{count} nodes`,"onnx.nodes_one":`1 node`,"onnx.box.node":`{op} node {name}`,"onnx.box.group":`{name}, {type}, {nodes}`,"onnx.box.expanded":`{name}, {type}, open group`,"onnx.box.input":`Graph input {name}`,"onnx.box.output":`Graph output {name}`,"onnx.box.matches":`contains matches`,"onnx.panel.model":`ONNX model`,"onnx.panel.node":`Node`,"onnx.panel.group":`Group`,"onnx.panel.value":`Graph value`,"onnx.op_type":`Op type`,"onnx.name":`Name`,"onnx.no_name":`(no name)`,"onnx.domain":`Domain`,"onnx.group":`Group`,"onnx.layer":`Layer statistics`,"onnx.layer.none":`none: no group around it is a layer of the session`,"onnx.type":`Module type`,"onnx.kind":`Kind`,"onnx.kind.module":`module`,"onnx.kind.subgraph":`subgraph`,"onnx.num_nodes":`Nodes`,"onnx.parameters":`Parameters`,"onnx.attributes":`Attributes`,"onnx.inputs":`Inputs`,"onnx.outputs":`Outputs`,"onnx.initializer":`initializer`,"onnx.none":`none`,"onnx.expand":`Open`,"onnx.collapse":`Close`,"onnx.source":`Source`,"onnx.producer":`Producer`,"onnx.ir_version":`IR version`,"onnx.opsets":`Opsets`,"onnx.num_parameters":`Parameter elements`,"onnx.grouping":`Groups from`,"onnx.grouping.name_scopes":`the exporter's module scopes`,"onnx.grouping.node_names":`node names (/layer1/layer1.0/conv1/Conv)`,"onnx.grouping.initializers":`initializer names`,"onnx.grouping.none":`nothing: the file records no modules`,"onnx.unmatched":`Parameters outside the graph`,"onnx.hint":`Select a box to see its details. A group that is a layer shows its statistics.`},We={en:Ue,zh:{"onnx.graph":`ONNX 计算图，共 {count} 个节点`,"onnx.search":`按名称或算子类型搜索节点`,"onnx.search.placeholder":`搜索名称或算子类型`,"onnx.search.count":`第 {index} 个，共 {count} 个`,"onnx.search.none":`无匹配`,"onnx.zoom_in":`放大`,"onnx.zoom_out":`缩小`,"onnx.fit":`适应窗口`,"onnx.collapse_all":`全部折叠`,"onnx.laying_out":`布局中…`,"onnx.layout_failed":`无法布局计算图：{message}`,"onnx.empty":`此 ONNX 计算图没有节点。`,"onnx.help":`拖动以平移，滚轮缩放。方向键在方框间移动；Enter 或空格展开分组或选中节点；Escape 折叠所在分组。`,"onnx.nodes":`{count} 个节点`,"onnx.nodes_one":`1 个节点`,"onnx.box.node":`{op} 节点 {name}`,"onnx.box.group":`{name}，{type}，{nodes}`,"onnx.box.expanded":`{name}，{type}，已展开的分组`,"onnx.box.input":`图输入 {name}`,"onnx.box.output":`图输出 {name}`,"onnx.box.matches":`包含匹配项`,"onnx.panel.model":`ONNX 模型`,"onnx.panel.node":`节点`,"onnx.panel.group":`分组`,"onnx.panel.value":`图的值`,"onnx.op_type":`算子类型`,"onnx.name":`名称`,"onnx.no_name":`（无名称）`,"onnx.domain":`域`,"onnx.group":`分组`,"onnx.layer":`层统计`,"onnx.layer.none":`无：其所在分组都不是本会话的层`,"onnx.type":`模块类型`,"onnx.kind":`种类`,"onnx.kind.module":`模块`,"onnx.kind.subgraph":`子图`,"onnx.num_nodes":`节点`,"onnx.parameters":`参数`,"onnx.attributes":`属性`,"onnx.inputs":`输入`,"onnx.outputs":`输出`,"onnx.initializer":`初始化器`,"onnx.none":`无`,"onnx.expand":`展开`,"onnx.collapse":`折叠`,"onnx.source":`来源`,"onnx.producer":`生成工具`,"onnx.ir_version":`IR 版本`,"onnx.opsets":`算子集`,"onnx.num_parameters":`参数元素数`,"onnx.grouping":`分组依据`,"onnx.grouping.name_scopes":`导出器记录的模块作用域`,"onnx.grouping.node_names":`节点名称（/layer1/layer1.0/conv1/Conv）`,"onnx.grouping.initializers":`初始化器名称`,"onnx.grouping.none":`无：文件未记录模块`,"onnx.unmatched":`图之外的参数`,"onnx.hint":`选择一个方框查看详情。属于层的分组会显示该层的统计。`},de:{"onnx.graph":`ONNX-Graph mit {count} Knoten`,"onnx.search":`Knoten nach Name oder Op-Typ suchen`,"onnx.search.placeholder":`Name oder Op-Typ suchen`,"onnx.search.count":`{index} von {count}`,"onnx.search.none":`Keine Treffer`,"onnx.zoom_in":`Vergrößern`,"onnx.zoom_out":`Verkleinern`,"onnx.fit":`Einpassen`,"onnx.collapse_all":`Alle schließen`,"onnx.laying_out":`Layout wird berechnet…`,"onnx.layout_failed":`Für den Graphen konnte kein Layout berechnet werden: {message}`,"onnx.empty":`Dieser ONNX-Graph hat keine Knoten.`,"onnx.help":`Ziehen zum Verschieben, Mausrad zum Zoomen. Pfeiltasten wechseln zwischen Kästen; Enter oder Leertaste öffnet eine Gruppe oder wählt einen Knoten; Escape schließt die umgebende Gruppe.`,"onnx.nodes":`{count} Knoten`,"onnx.nodes_one":`1 Knoten`,"onnx.box.node":`{op}-Knoten {name}`,"onnx.box.group":`{name}, {type}, {nodes}`,"onnx.box.expanded":`{name}, {type}, geöffnete Gruppe`,"onnx.box.input":`Graph-Eingabe {name}`,"onnx.box.output":`Graph-Ausgabe {name}`,"onnx.box.matches":`enthält Treffer`,"onnx.panel.model":`ONNX-Modell`,"onnx.panel.node":`Knoten`,"onnx.panel.group":`Gruppe`,"onnx.panel.value":`Graph-Wert`,"onnx.op_type":`Op-Typ`,"onnx.name":`Name`,"onnx.no_name":`(ohne Namen)`,"onnx.domain":`Domäne`,"onnx.group":`Gruppe`,"onnx.layer":`Schichtstatistik`,"onnx.layer.none":`keine: keine umgebende Gruppe ist eine Schicht der Sitzung`,"onnx.type":`Modultyp`,"onnx.kind":`Art`,"onnx.kind.module":`Modul`,"onnx.kind.subgraph":`Teilgraph`,"onnx.num_nodes":`Knoten`,"onnx.parameters":`Parameter`,"onnx.attributes":`Attribute`,"onnx.inputs":`Eingaben`,"onnx.outputs":`Ausgaben`,"onnx.initializer":`Initializer`,"onnx.none":`keine`,"onnx.expand":`Öffnen`,"onnx.collapse":`Schließen`,"onnx.source":`Quelle`,"onnx.producer":`Erzeuger`,"onnx.ir_version":`IR-Version`,"onnx.opsets":`Opsets`,"onnx.num_parameters":`Parameterelemente`,"onnx.grouping":`Gruppen aus`,"onnx.grouping.name_scopes":`den Modul-Scopes des Exporters`,"onnx.grouping.node_names":`Knotennamen (/layer1/layer1.0/conv1/Conv)`,"onnx.grouping.initializers":`Initializer-Namen`,"onnx.grouping.none":`nichts: die Datei enthält keine Module`,"onnx.unmatched":`Parameter außerhalb des Graphen`,"onnx.hint":`Wählen Sie einen Kasten, um Details zu sehen. Eine Gruppe, die eine Schicht ist, zeigt deren Statistik.`},ja:{"onnx.graph":`{count} ノードの ONNX グラフ`,"onnx.search":`名前または op type でノードを検索`,"onnx.search.placeholder":`名前または op type を検索`,"onnx.search.count":`{index} / {count}`,"onnx.search.none":`一致なし`,"onnx.zoom_in":`拡大`,"onnx.zoom_out":`縮小`,"onnx.fit":`全体表示`,"onnx.collapse_all":`すべて閉じる`,"onnx.laying_out":`レイアウト中…`,"onnx.layout_failed":`グラフをレイアウトできませんでした: {message}`,"onnx.empty":`この ONNX グラフにはノードがありません。`,"onnx.help":`ドラッグで移動、ホイールでズーム。矢印キーでボックス間を移動し、Enter または Space でグループを開くかノードを選択、Escape で囲んでいるグループを閉じます。`,"onnx.nodes":`{count} ノード`,"onnx.nodes_one":`1 ノード`,"onnx.box.node":`{op} ノード {name}`,"onnx.box.group":`{name}、{type}、{nodes}`,"onnx.box.expanded":`{name}、{type}、開いたグループ`,"onnx.box.input":`グラフ入力 {name}`,"onnx.box.output":`グラフ出力 {name}`,"onnx.box.matches":`一致を含む`,"onnx.panel.model":`ONNX モデル`,"onnx.panel.node":`ノード`,"onnx.panel.group":`グループ`,"onnx.panel.value":`グラフの値`,"onnx.op_type":`op type`,"onnx.name":`名前`,"onnx.no_name":`（名前なし）`,"onnx.domain":`ドメイン`,"onnx.group":`グループ`,"onnx.layer":`レイヤー統計`,"onnx.layer.none":`なし: 囲むグループのいずれもこのセッションのレイヤーではありません`,"onnx.type":`モジュールの種類`,"onnx.kind":`種別`,"onnx.kind.module":`モジュール`,"onnx.kind.subgraph":`サブグラフ`,"onnx.num_nodes":`ノード数`,"onnx.parameters":`パラメータ`,"onnx.attributes":`属性`,"onnx.inputs":`入力`,"onnx.outputs":`出力`,"onnx.initializer":`initializer`,"onnx.none":`なし`,"onnx.expand":`開く`,"onnx.collapse":`閉じる`,"onnx.source":`ソース`,"onnx.producer":`生成元`,"onnx.ir_version":`IR バージョン`,"onnx.opsets":`opset`,"onnx.num_parameters":`パラメータ要素数`,"onnx.grouping":`グループの根拠`,"onnx.grouping.name_scopes":`エクスポーターのモジュールスコープ`,"onnx.grouping.node_names":`ノード名（/layer1/layer1.0/conv1/Conv）`,"onnx.grouping.initializers":`initializer 名`,"onnx.grouping.none":`なし: ファイルにモジュールの記録がありません`,"onnx.unmatched":`グラフ外のパラメータ`,"onnx.hint":`ボックスを選ぶと詳細を表示します。レイヤーであるグループはその統計を表示します。`},ko:{"onnx.graph":`노드 {count}개의 ONNX 그래프`,"onnx.search":`이름 또는 연산 유형으로 노드 검색`,"onnx.search.placeholder":`이름 또는 연산 유형 검색`,"onnx.search.count":`{count}개 중 {index}`,"onnx.search.none":`일치 항목 없음`,"onnx.zoom_in":`확대`,"onnx.zoom_out":`축소`,"onnx.fit":`화면에 맞추기`,"onnx.collapse_all":`모두 접기`,"onnx.laying_out":`레이아웃 계산 중…`,"onnx.layout_failed":`그래프 레이아웃을 계산할 수 없습니다: {message}`,"onnx.empty":`이 ONNX 그래프에는 노드가 없습니다.`,"onnx.help":`드래그하여 이동하고 휠로 확대/축소합니다. 화살표 키로 상자 사이를 이동하고, Enter 또는 Space로 그룹을 펼치거나 노드를 선택하며, Escape로 상위 그룹을 접습니다.`,"onnx.nodes":`노드 {count}개`,"onnx.nodes_one":`노드 1개`,"onnx.box.node":`{op} 노드 {name}`,"onnx.box.group":`{name}, {type}, {nodes}`,"onnx.box.expanded":`{name}, {type}, 펼친 그룹`,"onnx.box.input":`그래프 입력 {name}`,"onnx.box.output":`그래프 출력 {name}`,"onnx.box.matches":`일치 항목 포함`,"onnx.panel.model":`ONNX 모델`,"onnx.panel.node":`노드`,"onnx.panel.group":`그룹`,"onnx.panel.value":`그래프 값`,"onnx.op_type":`연산 유형`,"onnx.name":`이름`,"onnx.no_name":`(이름 없음)`,"onnx.domain":`도메인`,"onnx.group":`그룹`,"onnx.layer":`레이어 통계`,"onnx.layer.none":`없음: 상위 그룹 중 세션의 레이어인 것이 없습니다`,"onnx.type":`모듈 유형`,"onnx.kind":`종류`,"onnx.kind.module":`모듈`,"onnx.kind.subgraph":`서브그래프`,"onnx.num_nodes":`노드`,"onnx.parameters":`파라미터`,"onnx.attributes":`속성`,"onnx.inputs":`입력`,"onnx.outputs":`출력`,"onnx.initializer":`이니셜라이저`,"onnx.none":`없음`,"onnx.expand":`펼치기`,"onnx.collapse":`접기`,"onnx.source":`소스`,"onnx.producer":`생성 도구`,"onnx.ir_version":`IR 버전`,"onnx.opsets":`연산자 집합`,"onnx.num_parameters":`파라미터 원소 수`,"onnx.grouping":`그룹 기준`,"onnx.grouping.name_scopes":`내보내기 도구의 모듈 스코프`,"onnx.grouping.node_names":`노드 이름(/layer1/layer1.0/conv1/Conv)`,"onnx.grouping.initializers":`이니셜라이저 이름`,"onnx.grouping.none":`없음: 파일에 모듈이 없습니다`,"onnx.unmatched":`그래프에 없는 파라미터`,"onnx.hint":`상자를 선택하면 세부 정보를 볼 수 있습니다. 레이어인 그룹은 해당 레이어의 통계를 보여 줍니다.`},ru:{"onnx.graph":`Граф ONNX, узлов: {count}`,"onnx.search":`Искать узлы по имени или типу операции`,"onnx.search.placeholder":`Имя или тип операции`,"onnx.search.count":`{index} из {count}`,"onnx.search.none":`Совпадений нет`,"onnx.zoom_in":`Приблизить`,"onnx.zoom_out":`Отдалить`,"onnx.fit":`Вписать`,"onnx.collapse_all":`Свернуть всё`,"onnx.laying_out":`Вычисление раскладки…`,"onnx.layout_failed":`Не удалось вычислить раскладку графа: {message}`,"onnx.empty":`В этом графе ONNX нет узлов.`,"onnx.help":`Перетаскивайте для перемещения, колёсико — для масштабирования. Стрелки переходят между блоками; Enter или пробел раскрывает группу или выбирает узел; Escape сворачивает объемлющую группу.`,"onnx.nodes":`Узлов: {count}`,"onnx.nodes_one":`1 узел`,"onnx.box.node":`Узел {op} {name}`,"onnx.box.group":`{name}, {type}, {nodes}`,"onnx.box.expanded":`{name}, {type}, раскрытая группа`,"onnx.box.input":`Вход графа {name}`,"onnx.box.output":`Выход графа {name}`,"onnx.box.matches":`содержит совпадения`,"onnx.panel.model":`Модель ONNX`,"onnx.panel.node":`Узел`,"onnx.panel.group":`Группа`,"onnx.panel.value":`Значение графа`,"onnx.op_type":`Тип операции`,"onnx.name":`Имя`,"onnx.no_name":`(без имени)`,"onnx.domain":`Домен`,"onnx.group":`Группа`,"onnx.layer":`Статистика слоя`,"onnx.layer.none":`нет: ни одна объемлющая группа не является слоем сеанса`,"onnx.type":`Тип модуля`,"onnx.kind":`Вид`,"onnx.kind.module":`Модуль`,"onnx.kind.subgraph":`Подграф`,"onnx.num_nodes":`Узлы`,"onnx.parameters":`Параметры`,"onnx.attributes":`Атрибуты`,"onnx.inputs":`Входы`,"onnx.outputs":`Выходы`,"onnx.initializer":`Инициализатор`,"onnx.none":`нет`,"onnx.expand":`Раскрыть`,"onnx.collapse":`Свернуть`,"onnx.source":`Источник`,"onnx.producer":`Создано в`,"onnx.ir_version":`Версия IR`,"onnx.opsets":`Наборы операций`,"onnx.num_parameters":`Элементов параметров`,"onnx.grouping":`Группы по`,"onnx.grouping.name_scopes":`областям модулей экспортёра`,"onnx.grouping.node_names":`именам узлов (/layer1/layer1.0/conv1/Conv)`,"onnx.grouping.initializers":`именам инициализаторов`,"onnx.grouping.none":`ничему: в файле нет модулей`,"onnx.unmatched":`Параметры вне графа`,"onnx.hint":`Выберите блок, чтобы увидеть подробности. Группа, являющаяся слоем, показывает его статистику.`}};function H(e,t,n){return ke(We[e][t]??Ue[t],n)}function Ge(e){switch(e){case`ArrowUp`:return`up`;case`ArrowDown`:return`down`;case`ArrowLeft`:return`left`;case`ArrowRight`:return`right`;default:return null}}function Ke(e,t,n){let r=e.get(t);if(r===void 0)return null;let i=r.x+r.width/2,a=r.y+r.height/2,o=null,s=1/0;for(let[r,c]of e){if(r===t)continue;let e=c.x+c.width/2-i,l=c.y+c.height/2-a,u=n===`down`?l:n===`up`?-l:n===`right`?e:-e,d=Math.abs(n===`down`||n===`up`?e:l);if(u<=4)continue;let f=u+3*d;f<s&&(s=f,o=r)}return o}var qe=.05,Je=8,Ye=e=>Math.max(qe,Math.min(3,e));function Xe(e,t,n=!1){let r=(t.width-16)/Math.max(1,e.width),i=(t.height-16)/Math.max(1,e.height),a=Math.max(qe,Math.min(1,r,n&&!(Math.min(1,r,i)>=.6)?1/0:i));return{x:(t.width-e.width*a)/2,y:Math.max(Je,(t.height-e.height*a)/2),k:a}}function Ze(e,t,n,r){let i=Ye(e.k*t);return{x:n-(n-e.x)*i/e.k,y:r-(r-e.y)*i/e.k,k:i}}function Qe(e,t,n){return{x:n.width/2-(t.x+t.width/2)*e.k,y:n.height/2-(t.y+t.height/2)*e.k,k:e.k}}function $e(e,t,n){return{x:n.x-t.x*e.k,y:n.y-t.y*e.k,k:e.k}}function et(e,t){return{x:t.x*e.k+e.x,y:t.y*e.k+e.y}}function tt(e,t,n){let{x:r,y:i}=et(e,t);return r>=0&&i>=0&&r+t.width*e.k<=n.width&&i+t.height*e.k<=n.height}function nt(e){return`translate(${e.x.toFixed(1)},${e.y.toFixed(1)}) scale(${e.k.toFixed(4)})`}var rt=[[`norm`,/norm|lrn|localresponse/i],[`pool`,/pool|subsampl|upsampl/i],[`conv`,/conv/i],[`activation`,/activation|relu|sigmoid|tanh|softmax|softplus|softsign|gelu|silu|swish|mish|elu|selu|hardswish|hardtanh|logsigmoid|threshold|prelu/i],[`linear`,/linear|dense|output|embedding|bilinear|lstm|gru|rnn|attention/i]];function it(e){for(let[t,n]of rt)if(n.test(e))return t;return`other`}var at={Gemm:`linear`,MatMul:`linear`,MatMulInteger:`linear`,QLinearMatMul:`linear`,Einsum:`linear`,Gather:`linear`,Attention:`linear`,Erf:`activation`,HardSigmoid:`activation`,LeakyRelu:`activation`,Clip:`activation`,LogSoftmax:`activation`,Resize:`pool`,LpNormalization:`norm`,MeanVarianceNormalization:`norm`,Dropout:`other`};function ot(e){return at[e]??it(e)}var st=o`
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
`,ct={node:`n:`,group:`g:`,input:`i:`,output:`o:`},lt={"n:":`node`,"g:":`group`,"i:":`input`,"o:":`output`};function U(e,t){return ct[e]+t}function W(e){let t=lt[e.slice(0,2)];return t===void 0?{kind:`node`,id:e}:{kind:t,id:e.slice(2)}}function ut(e){let t=new Map(e.groups.map(e=>[e.id,e])),n=new Map(e.nodes.map(e=>[e.id,e])),r=new Map;for(let e of t.values())r.set(e.id,e.parent!==null&&t.has(e.parent)?e.parent:null);for(let e of t.keys()){let t=new Set;for(let n=r.get(e)??null;n!==null&&!t.has(n);n=r.get(n)??null){if(n===e){r.set(e,null);break}t.add(n)}}let i=new Map;for(let e of t.keys()){let t=[];for(let n=e;n!==null;n=r.get(n)??null)t.unshift(n);i.set(e,t)}let a=new Map;for(let e of n.values())a.set(e.id,e.group!==null&&t.has(e.group)?e.group:null);let o=dt(e),s=new Map;for(let e of n.values()){let t=o.get(e.id)??0;for(let n of K(a,i,e.id))s.set(n,Math.min(s.get(n)??1/0,t))}let c=new Map(e.groups.map((e,t)=>[e.id,t])),l=new Map,u=(e,t,n,r)=>{let i=l.get(e);i===void 0&&l.set(e,i=[]),i.push({key:t,at:n,tie:r})};for(let e of t.keys())u(r.get(e)??null,U(`group`,e),s.get(e)??1/0,c.get(e)??0);for(let e of n.values())u(a.get(e.id)??null,U(`node`,e.id),o.get(e.id)??0,-1);let d=new Map;for(let[e,t]of l)t.sort((e,t)=>e.at-t.at||e.tie-t.tie),d.set(e,t.map(e=>e.key));let f=new Map,p=e=>{for(let t of d.get(e)??[]){f.set(t,f.size);let{kind:e,id:n}=W(t);e===`group`&&p(n)}};p(null);let m=new Map,h=e=>{let t=m.get(e.name);(t===void 0||t.shape===null&&e.shape!==null)&&m.set(e.name,e)};for(let t of e.nodes)t.outputs.forEach(h);for(let t of e.nodes)t.inputs.forEach(h);e.inputs.forEach(h),e.outputs.forEach(h);let g=new Map,_=new Map;for(let t of e.nodes){for(let e of t.inputs)G(g,e.name,t.id);for(let e of t.outputs)G(_,e.name,t.id)}let v=new Map;for(let t of e.inputs)!t.initializer&&!v.has(t.name)&&v.set(t.name,g.get(t.name)??[]);let y=new Map;for(let t of e.outputs)y.has(t.name)||y.set(t.name,_.get(t.name)??[]);return{view:e,groups:t,nodes:n,parentOf:r,chains:i,groupOfNode:a,children:d,order:f,values:m,inputs:v,outputs:y}}function dt(e){let t=new Map(e.nodes.map((e,t)=>[e.id,t])),n=new Set(e.edges.map(e=>e.target)),r=new Set(e.inputs.filter(e=>!e.initializer).map(e=>e.name));for(let t of e.nodes)t.inputs.some(e=>r.has(e.name))&&n.add(t.id);let i=new Map;for(let t of e.edges)G(i,t.source,t.target);let a=new Map,o=(e,r)=>{let s=a.get(e);if(s!==void 0)return s;let c=t.get(e)??0;if(!n.has(e)&&r<64){let t=(i.get(e)??[]).map(e=>o(e,r+1));t.length>0&&(c=Math.min(...t))}return a.set(e,c),c};for(let t of e.nodes)o(t.id,0);return a}function G(e,t,n){let r=e.get(t);r===void 0?e.set(t,[n]):r.includes(n)||r.push(n)}function K(e,t,n){let r=e.get(n)??null;return r===null?[]:t.get(r)??[]}function q(e,t){let{kind:n,id:r}=W(t);return n===`node`?K(e.groupOfNode,e.chains,r):n===`group`?(e.chains.get(r)??[r]).slice(0,-1):[]}function J(e,t){return(e.children.get(t)?.length??0)>0}function ft(e,t){let n=[],r=[];for(let t of e.inputs.keys())n.push({key:U(`input`,t),kind:`input`,id:t,parent:null});let i=a=>{for(let o of e.children.get(a)??[]){let{kind:s,id:c}=W(o);s===`group`&&t.has(c)&&J(e,c)?(r.push({id:c,parent:a}),i(c)):n.push({key:o,kind:s,id:c,parent:a})}};i(null);for(let t of e.outputs.keys())n.push({key:U(`output`,t),kind:`output`,id:t,parent:null});let a=pt(e,t),o=[],s=new Map,c=(e,t,n)=>{if(e===null||t===null||e===t)return;let r=`${e}\u0000${t}`,i=s.get(r);if(i===void 0){let i={source:e,target:t,values:[n]};s.set(r,i),o.push(i)}else i.values.includes(n)||i.values.push(n)};for(let[t,n]of e.inputs)for(let e of n)c(U(`input`,t),a(e),t);for(let t of e.view.edges)c(a(t.source),a(t.target),t.value);for(let[t,n]of e.outputs)for(let e of n)c(a(e),U(`output`,t),t);return{boxes:n,clusters:r,edges:o}}function pt(e,t){let n=new Map;return r=>{let i=n.get(r);if(i!==void 0)return i;let a=null;if(e.nodes.has(r)){a=U(`node`,r);for(let n of K(e.groupOfNode,e.chains,r))if(!t.has(n)){a=U(`group`,n);break}}return n.set(r,a),a}}function mt(e,t,n){for(let r of q(e,n))if(!t.has(r))return U(`group`,r);return n}function ht(e,t){let n=e.inputs.size+e.outputs.size,r=i=>{for(let a of e.children.get(i)??[]){let{kind:i,id:o}=W(a);i===`group`&&t.has(o)&&J(e,o)?r(o):n++}};return r(null),n}function gt(e,t=200){let n=new Set,r=null;for(let t=0;t<=e.groups.size;t++){let t=e.children.get(r)??[],i=t.length===1?W(t[0]??``):null;if(i?.kind!==`group`||!J(e,i.id))break;n.add(i.id),r=i.id}if(e.nodes.size<=t){let i=new Set(n);for(let t of e.children.get(r)??[]){let{kind:n,id:r}=W(t),a=(e.children.get(r)??[]).some(e=>e.startsWith(`g:`));n===`group`&&a&&i.add(r)}if(ht(e,i)<=t)return i}return n}function _t(e,t){let{kind:n,id:r}=W(t),i=n===`group`?e.chains.get(r)??[]:n===`node`?q(e,t):[];for(let t=i.length-1;t>=0;t--){let n=e.groups.get(i[t]??``)?.layer??null;if(n!==null)return n}return null}function vt(e,t){let n=null,r=1/0;for(let i of e.groups.values()){let a=e.chains.get(i.id)?.length??0;i.layer===t&&a<r&&(n=i.id,r=a)}return n}function yt(e){return e===null?null:e.length===0?`()`:e.map(e=>e===null?`?`:String(e)).join(`×`)}function Y(e){let t=yt(e.shape);return e.dtype===null?t??`?`:`${e.dtype} ${t??`?`}`}function bt(e,t){let n=t.values[0],r=n===void 0?null:yt(e.values.get(n)?.shape??null);return r===null?null:t.values.length>1?`${r} +${t.values.length-1}`:r}function xt(e){if(e===null)return`—`;if(Array.isArray(e)){let t=e.slice(0,16).map(e=>String(e)),n=e.length>16?`, … (${e.length})`:``;return`[${t.join(`, `)}${n}]`}return typeof e==`object`?`tensor`in e?`tensor ${Y(e.tensor)}`:`graph`in e?`graph ${e.graph}`:`graphs ${e.graphs.join(`, `)}`:String(e)}var St=7,Ct=6.4,wt=5.8;function X(e,t=32){return e.length<=t?e:`${e.slice(0,t-1)}…`}var Tt=(e,t,n)=>Math.round(Math.min(t,Math.max(e,n)));function Et(e,t,n){if(t.kind===`node`){let r=e.nodes.get(t.id),i=r?.op_type??t.id,a=r===void 0||r.name===``?n.noName:r.name,o=r!==void 0&&r.domain!==``?`${r.domain}.`:``;return{lines:[X(i),null],width:Tt(48,220,X(i).length*St+22),height:28,family:ot(i),title:`${o}${i}\n${a}`}}if(t.kind===`group`){let r=e.groups.get(t.id),i=r?.name===void 0||r.name===``?t.id:r.name,a=n.nodes(r?.num_nodes??0),o=r?.type===null||r?.type===void 0?a:`${r.type} · ${a}`,s=X(i),c=X(o,38);return{lines:[s,c],width:Tt(88,280,Math.max(s.length*St,c.length*Ct)+40),height:42,family:r?.type===null||r?.type===void 0?`other`:it(r.type),title:r?.type===null||r?.type===void 0?`${t.id}\n${a}`:`${t.id}\n${r.type}\n${a}`}}let r=e.values.get(t.id),i=yt(r?.shape??null),a=i===null?r?.dtype??null:X(i,38),o=X(t.id);return{lines:[o,a],width:Tt(64,260,Math.max(o.length*St,(a??``).length*Ct)+28),height:34,family:`value`,title:`${t.id}${r?.dtype==null?``:`\n${r.dtype}`}${i===null?``:` ${i}`}`}}function Dt(e,t){let n=bt(e,t);if(n===null)return null;let r=X(n,28);return{text:r,width:Math.round(r.length*wt+6),height:12}}function Ot(e,t,n=1/0){let r=e.groups.get(t),i=r?.name===void 0||r.name===``?t:r.name,a=Math.max(4,Math.floor((n-28)/Ct)),o=r?.type===null||r?.type===void 0?i:`${i} · ${r.type}`;return X(o.length<=a?o:i,Math.min(40,a))}function kt(e,t){let n=t.trim().toLowerCase();if(n===``)return[];let r=[];for(let t of e.nodes.values())(t.name.toLowerCase().includes(n)||t.op_type.toLowerCase().includes(n)||t.id.toLowerCase()===n)&&r.push(U(`node`,t.id));for(let t of e.groups.values())(t.id.toLowerCase().includes(n)||(t.type??``).toLowerCase().includes(n))&&r.push(U(`group`,t.id));let i=t=>e.order.get(t)??1/0;return r.sort((e,t)=>i(e)-i(t))}function At(e,t,n,r,i=600){let a=new Set;for(let t of n)for(let n of q(e,t))a.add(n);if(ht(e,new Set([...t,...a]))<=i)return a;let o=n[r];return new Set(o===void 0?[]:q(e,o))}function jt(e,t,n){let r=new Set;for(let i of n)for(let n of q(e,i))if(!t.has(n)){r.add(U(`group`,n));break}return r}function Mt(e,t,n=!1){return e===0?-1:t<0||t>=e?n?e-1:0:(t+(n?e-1:1))%e}var Z=e=>Math.round(e*10)/10;function Nt(e){let t=e,n=t[0],r=t[t.length-1];if(n===void 0||r===void 0)return``;if(t.length===1)return`M${Z(n[0])},${Z(n[1])}`;let i=`M${Z(n[0])},${Z(n[1])}`;if(t.length===2)return`${i} L${Z(r[0])},${Z(r[1])}`;for(let e=1;e<t.length-1;e++){let n=t[e],r=t[e+1],a=e===t.length-2?r:[(n[0]+r[0])/2,(n[1]+r[1])/2];i+=` Q${Z(n[0])},${Z(n[1])} ${Z(a[0])},${Z(a[1])}`}return i}function Pt(){let e=(e,t)=>j`<marker id=${e} viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse"
      markerWidth="8" markerHeight="8" orient="auto"><path class=${t} d="M0,0 L10,5 L0,10 z"></path></marker>`;return j`<defs>${e(`onnx-arrow`,`arrow`)}${e(`onnx-arrow-hot`,`arrow hot`)}</defs>`}function Ft(e,t,n,r,i){let a=e.shown.rects.get(t.key),o=e.shown.faces.get(t.key);if(a===void 0||o===void 0)return N;let{lang:s,index:c}=e,{width:l,height:u}=a,d=[`box`,t.kind===`input`||t.kind===`output`?`value`:t.kind,`fam-${o.family}`,n.has(t.key)?`hit`:``,r.has(t.key)?`holds`:``,i===t.key?`current`:``].join(` `),[f,p]=o.lines,m=t.kind===`group`&&J(c,t.id),h,g;if(t.kind===`group`){let n=c.groups.get(t.id);h=H(s,`onnx.box.group`,{name:n?.id??t.id,type:n?.type??H(s,`onnx.kind.module`),nodes:e.words.nodes(n?.num_nodes??0)}),r.has(t.key)&&(h+=`, ${H(s,`onnx.box.matches`)}`),g=j`<rect class="stack" x="3" y="3" width=${l} height=${u} rx="6"></rect>
      <rect class="shape" width=${l} height=${u} rx="6"></rect>
      <text class="title" x="10" y=${u/2-8}>${f}</text>
      <text class="sub" x="10" y=${u/2+9}>${p??``}</text>
      ${m?j`<rect class="toggle-hit" x=${l-26} y="0" width="26" height=${u}></rect><text class="toggle" x=${l-13} y=${u/2}>+</text>`:N}`}else if(t.kind===`node`){let e=c.nodes.get(t.id);h=H(s,`onnx.box.node`,{op:e?.op_type??t.id,name:e===void 0||e.name===``?H(s,`onnx.no_name`):e.name}),g=j`<rect class="shape" width=${l} height=${u} rx="4"></rect>
      <text class="center" x=${l/2} y=${u/2}>${f}</text>`}else h=H(s,t.kind===`input`?`onnx.box.input`:`onnx.box.output`,{name:t.id}),p!==null&&(h+=`, ${p}`),g=j`<rect class="shape" width=${l} height=${u} rx=${u/2}></rect>
      <text class="center" x=${l/2} y=${u/2-7}>${f}</text>
      <text class="center sub" x=${l/2} y=${u/2+8}>${p??``}</text>`;return j`<g
    class=${d}
    transform="translate(${a.x},${a.y})"
    role="button"
    tabindex=${e.focusKey===t.key?`0`:`-1`}
    aria-label=${h}
    aria-pressed=${e.selected===t.key?`true`:`false`}
    aria-expanded=${m?`false`:N}
    data-key=${t.key}
    data-kind=${t.kind}
    data-id=${t.id}
  ><title>${o.title}</title><rect class="ring" x="-4" y="-4" width=${l+8} height=${u+8} rx="8"></rect>${g}</g>`}function It(e,t,n,r,i){let{index:a,lang:o}=e,s=U(`group`,t),c=a.groups.get(t),l=[`box`,`header`,r.has(s)?`hit`:``,i===s?`current`:``].join(` `),u=c?.type??H(o,`onnx.kind.module`);return j`<g
    class=${l}
    transform="translate(${n.x},${n.y})"
    role="button"
    tabindex=${e.focusKey===s?`0`:`-1`}
    aria-label=${H(o,`onnx.box.expanded`,{name:t,type:u})}
    aria-pressed=${e.selected===s?`true`:`false`}
    aria-expanded="true"
    data-key=${s}
    data-kind="header"
    data-id=${t}
  ><title>${t}${c?.type==null?``:`\n${c.type}`}</title>
    <rect class="ring" x="-2" y="-2" width=${n.width+4} height=${24} rx="6"></rect>
    <rect class="hitbar" width=${n.width} height=${20} rx="6"></rect>
    <rect class="toggle-hit" width="22" height=${20}></rect>
    <text class="toggle" x="11" y=${10}>−</text>
    <text x="22" y=${10}>${Ot(a,t,n.width)}</text></g>`}function Lt(e){let{index:t,shown:n,open:r}=e,i=new Set(e.hits),a=jt(t,r,e.hits),o=e.hits[e.hit]??null,s=o===null?null:mt(t,r,o),c=e.selected===null?null:mt(t,r,e.selected),l=e=>(t.chains.get(e)?.length??1)-1;return j`<g class="scene">
    <g class="frames" aria-hidden="true">${n.visible.clusters.map(e=>{let t=n.frames.get(e.id);return t===void 0?N:j`<rect class=${l(e.id)%2==1?`frame odd`:`frame`} x=${t.x} y=${t.y} width=${t.width} height=${t.height} rx="8" data-frame=${e.id}></rect>`})}</g>
    <g class="edges" aria-hidden="true">${n.result.links.map(e=>{let t=c!==null&&(e.source===c||e.target===c);return j`<path class=${t?`edge hot`:`edge`} d=${Nt(e.points)} marker-end=${t?`url(#onnx-arrow-hot)`:`url(#onnx-arrow)`}></path>`})}</g>
    <g class="labels" aria-hidden="true">${n.result.links.map(e=>{let t=n.labels.get(`${e.source}\u0000${e.target}`),r=e.label;return t===void 0||r===null?N:j`<text class="elabel" x=${r[0]} y=${r[1]}>${t}</text>`})}</g>
    <g class="boxes">${n.visible.clusters.map(t=>{let r=n.frames.get(t.id);return r===void 0?N:It(e,t.id,r,i,s)})}${n.visible.boxes.map(t=>Ft(e,t,i,a,s))}</g>
  </g>`}function Q(e,t){return A`<table class="info" part="table" data-table=${e}>
    <tbody>
      ${t.map(([e,t,n])=>A`<tr data-key=${e}>
            <th scope="row"><bdi>${t}</bdi></th>
            <td><bdi>${n??`—`}</bdi></td>
          </tr>`)}
    </tbody>
  </table>`}var Rt=4,zt=.001,Bt=1e5;function Vt(e){if(e===null)return`—`;if(Number.isNaN(e))return`NaN`;if(e===1/0)return`+Inf`;if(e===-1/0)return`-Inf`;if(e===0)return`0`;let t=Number(e.toPrecision(Rt)),n=Math.abs(t);return n>=zt&&n<Bt?String(t):e.toExponential(3).replace(/\.?0+e/,`e`)}var Ht=`—`;function Ut(e){return e===null?Ht:e===1/0?`+Inf`:e===-1/0?`-Inf`:`NaN`}var Wt=.001,Gt=1e5;function Kt(e,t=4){if(!Number.isInteger(t)||t<1||t>100)throw RangeError(`digits must be an integer from 1 to 100, got ${String(t)}.`);if(t===4)return Vt(e);if(e===null||!Number.isFinite(e))return Ut(e);if(e===0)return`0`;let n=Number(e.toPrecision(t)),r=Math.abs(n),i=Math.max(Gt,10**t);return r>=Wt&&r<i?String(n):e.toExponential(t-1).replace(/\.?0+e/,`e`)}var qt=1e21;function $(e){if(e===null||!Number.isFinite(e))return Ut(e);let t=Math.round(Math.abs(e));if(t>=qt)return Kt(e);let n=String(t).replace(/\B(?=(\d{3})+$)/g,`,`);return e<0&&t!==0?`-${n}`:n}function Jt(e,t,n,r,i){if(t===null)return en(e,r);let{kind:a,id:o}=W(t);return a===`node`?Zt(e,o,r,i):a===`group`?Qt(e,o,n,r,i):$t(e,o,a,r)}var Yt=(e,t)=>e.map((e,n)=>[String(n),e.name===``?H(t,`onnx.none`):e.name,e.name===``?`—`:`${Y(e)}${e.initializer?` (${H(t,`onnx.initializer`)})`:``}`]);function Xt(e,t,n){return[`layer`,H(n,`onnx.layer`),_t(e,t)??H(n,`onnx.layer.none`)]}function Zt(e,t,n,r){let i=e.nodes.get(t);if(i===void 0)return A``;let a=e.groupOfNode.get(t)??null,o=Object.entries(i.attributes).map(([e,t])=>[`attr.${e}`,e,xt(t)]);return A`<h3>${H(n,`onnx.panel.node`)}: ${i.op_type}</h3>
    ${Q(`onnx-node`,[[`op_type`,H(n,`onnx.op_type`),i.op_type],[`name`,H(n,`onnx.name`),i.name===``?H(n,`onnx.no_name`):i.name],...i.domain===``?[]:[[`domain`,H(n,`onnx.domain`),i.domain]],[`group`,H(n,`onnx.group`),a],Xt(e,`n:${t}`,n)])}
    ${a===null?N:A`<div class="actions">
            <button
              type="button"
              data-action="select-group"
              @click=${()=>r.select(`g:${a}`)}
            >
              ${H(n,`onnx.group`)}: ${e.groups.get(a)?.name??a}
            </button>
          </div>`}
    ${o.length===0?N:A`<h3>${H(n,`onnx.attributes`)}</h3>
            ${Q(`onnx-attributes`,o)}`}
    <h3>${H(n,`onnx.inputs`)}</h3>
    ${Q(`onnx-inputs`,Yt(i.inputs,n))}
    <h3>${H(n,`onnx.outputs`)}</h3>
    ${Q(`onnx-outputs`,Yt(i.outputs,n))}`}function Qt(e,t,n,r,i){let a=e.groups.get(t);if(a===void 0)return A``;let o=n.has(t),s=a.parameters.map(t=>{let n=e.values.get(t);return[t,t,n===void 0?`—`:Y(n)]});return A`<h3>${H(r,`onnx.panel.group`)}: ${a.name}</h3>
    ${Q(`onnx-group`,[[`name`,H(r,`onnx.name`),a.id],[`type`,H(r,`onnx.type`),a.type],[`kind`,H(r,`onnx.kind`),H(r,a.kind===`subgraph`?`onnx.kind.subgraph`:`onnx.kind.module`)],Xt(e,`g:${t}`,r),[`num_nodes`,H(r,`onnx.num_nodes`),$(a.num_nodes)],[`parameters`,H(r,`onnx.parameters`),$(a.parameters.length)]])}
    ${J(e,t)?A`<div class="actions">
            <button
              type="button"
              data-action="toggle"
              aria-expanded=${o?`true`:`false`}
              @click=${()=>i.toggle(t)}
            >
              ${H(r,o?`onnx.collapse`:`onnx.expand`)}
            </button>
          </div>`:N}
    ${s.length===0?N:A`<h3>${H(r,`onnx.parameters`)}</h3>
            ${Q(`onnx-parameters`,s)}`}`}function $t(e,t,n,r){let i=e.values.get(t);return A`<h3>
      ${H(r,n===`input`?`onnx.box.input`:`onnx.box.output`,{name:t})}
    </h3>
    ${Q(`onnx-value`,[[`name`,H(r,`onnx.name`),t],[`type`,H(r,`onnx.type`),i===void 0?null:Y(i)]])}`}function en(e,t){let n=e.view,r=Object.entries(n.opsets).map(([e,t])=>`${e===``?`ai.onnx`:e} ${t}`).join(`, `);return A`<h3>${H(t,`onnx.panel.model`)}</h3>
    ${Q(`onnx-model`,[[`source`,H(t,`onnx.source`),n.source],[`producer`,H(t,`onnx.producer`),n.producer],[`ir_version`,H(t,`onnx.ir_version`),String(n.ir_version)],[`opsets`,H(t,`onnx.opsets`),r===``?null:r],[`num_nodes`,H(t,`onnx.num_nodes`),$(n.num_nodes)],[`num_parameters`,H(t,`onnx.num_parameters`),$(n.num_parameters)],[`grouping`,H(t,`onnx.grouping`),H(t,`onnx.grouping.${n.grouping}`)],...n.unmatched_parameters.length===0?[]:[[`unmatched`,H(t,`onnx.unmatched`),n.unmatched_parameters.join(`, `)]]])}
    <p class="muted">${H(t,`onnx.hint`)}</p>`}var tn=o`
  :host {
    font-size: 0.875rem;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.35rem 0.5rem;
    margin-bottom: 0.4rem;
  }
  .toolbar input {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.15rem 0.4rem;
    min-width: 10rem;
    flex: 1 1 12rem;
    max-width: 22rem;
  }
  .toolbar input:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .toolbar .count {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    min-width: 5rem;
  }
  .toolbar .tools {
    display: flex;
    gap: 0.25rem;
    margin-left: auto;
  }
  .toolbar button {
    padding: 0.1rem 0.5rem;
  }
  .viewport {
    position: relative;
    height: 34rem;
    max-height: 75vh;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
    touch-action: none;
    cursor: grab;
    user-select: none;
  }
  .viewport.dragging {
    cursor: grabbing;
  }
  svg {
    display: block;
    width: 100%;
    height: 100%;
    font-family: var(--_font);
    font-size: 12px;
  }
  .status {
    position: absolute;
    top: 0.4rem;
    left: 0.5rem;
    margin: 0;
    padding: 0.1rem 0.4rem;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_bg) 85%, transparent);
    color: var(--_muted);
    pointer-events: none;
  }
  .status.error {
    color: var(--_nonfinite);
  }
  .help {
    margin: 0.3rem 0 0;
    font-size: 0.8125rem;
  }
  .frame {
    fill: color-mix(in srgb, var(--_fg) 3%, transparent);
    stroke: var(--_border);
    stroke-width: 1;
  }
  .frame.odd {
    fill: color-mix(in srgb, var(--_accent) 4%, transparent);
  }
  .edge {
    fill: none;
    stroke: var(--_muted);
    stroke-width: 1.1;
    opacity: 0.65;
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
  .elabel {
    fill: var(--_muted);
    font-size: 10px;
    text-anchor: middle;
    dominant-baseline: central;
    pointer-events: none;
    paint-order: stroke;
    stroke: var(--_bg);
    stroke-width: 3px;
    stroke-linejoin: round;
  }
  .box {
    cursor: pointer;
    outline: none;
  }
  .box .shape {
    fill: color-mix(in srgb, var(--c) 14%, var(--_bg));
    stroke: var(--c);
    stroke-width: 1.25;
  }
  .box.group .shape {
    stroke-width: 1.75;
  }
  .box.group .stack {
    fill: color-mix(in srgb, var(--c) 8%, var(--_bg));
    stroke: var(--c);
    stroke-width: 1;
    opacity: 0.8;
  }
  .box.value .shape {
    fill: var(--_bg);
    stroke: var(--_muted);
    stroke-dasharray: 4 3;
  }
  .box:hover .shape {
    fill: color-mix(in srgb, var(--c) 26%, var(--_bg));
  }
  .box[aria-pressed="true"] .shape {
    stroke: var(--_accent);
    stroke-width: 3;
  }
  .box.hit .shape {
    fill: color-mix(in srgb, var(--_accent) 28%, var(--_bg));
  }
  .box.holds .shape {
    stroke-dasharray: 5 2;
    stroke: var(--_accent);
  }
  .box.current .ring {
    stroke: var(--_accent);
    stroke-width: 2.5;
  }
  .box .ring {
    fill: none;
    stroke: none;
  }
  .box:focus-visible .ring {
    stroke: var(--_accent);
    stroke-width: 2;
    stroke-dasharray: 3 2;
  }
  .box text {
    fill: var(--_fg);
    pointer-events: none;
    dominant-baseline: central;
  }
  .box text.center {
    text-anchor: middle;
  }
  .box text.title {
    font-weight: 600;
  }
  .box text.sub {
    fill: var(--_muted);
    font-size: 11px;
  }
  .box text.toggle {
    fill: var(--_accent);
    font-size: 14px;
    font-weight: 700;
    text-anchor: middle;
  }
  .box .toggle-hit {
    fill: transparent;
    pointer-events: all;
  }
  .header .hitbar {
    fill: transparent;
  }
  .header:hover .hitbar {
    fill: color-mix(in srgb, var(--_accent) 10%, transparent);
  }
  .header[aria-pressed="true"] .hitbar {
    fill: color-mix(in srgb, var(--_accent) 16%, transparent);
  }
  .header text {
    font-size: 11px;
    font-weight: 600;
  }
  .fam-value {
    --c: var(--_muted);
  }
  .panel {
    margin-top: 0.6rem;
  }
  .panel h3 {
    font-size: 0.9rem;
    font-weight: 600;
    margin: 0.5rem 0 0.25rem;
  }
  .panel .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    margin: 0.3rem 0;
  }
  .panel p {
    margin: 0.25rem 0;
  }
  .panel table.info th {
    width: 40%;
  }
  .mono {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.8125rem;
  }
`,nn=4,rn=class extends Le{static{this.properties={...Le.properties,view:{attribute:!1},selectedLayer:{type:String,attribute:`selected-layer`}}}static{this.styles=[...Fe,st,tn]}constructor(){super(),this.index=null,this.expanded=new Set,this.revealed=new Set,this.shown=null,this.state=`loading`,this.error=``,this.selected=null,this.focusKey=null,this.query=``,this.hits=[],this.hit=-1,this.client=null,this.announced=null,this.t={x:0,y:0,k:1},this.frame=0,this.drag=null,this.suppressClick=!1,this.next={fit:!0,anchor:null,center:null},this.focusAfter=null,this.viewAt=0,this.actionAt=0,this.firstDrawn=!1,this.drawnLayouts=0,this.wheelOn=null,this.view=null}disconnectedCallback(){super.disconnectedCallback(),this.client?.dispose(),this.client=null,cancelAnimationFrame(this.frame)}willUpdate(e){let t=e;t.has(`view`)&&!this.sameGraph()?this.reset():t.has(`selectedLayer`)&&this.followLayer()}sameGraph(){let e=this.index?.view,t=this.view;if(e===void 0||typeof t!=`object`||!t)return!1;if(e===t)return!0;let n=e.source===t.source&&e.num_nodes===t.num_nodes&&e.groups.length===t.groups.length&&e.edges.length===t.edges.length&&e.nodes.every((e,n)=>e.id===t.nodes[n]?.id&&e.group===t.nodes[n].group)&&e.groups.every((e,n)=>e.id===t.groups[n]?.id&&e.layer===t.groups[n].layer);return n&&(this.index=ut(t)),n}updated(){let e=this.dataset;e.state=this.state,e.boxes=String(this.shown?.visible.boxes.length??0),e.clusters=String(this.shown?.visible.clusters.length??0),e.edges=String(this.shown?.result.links.length??0),e.matches=String(this.hits.length),this.selected===null?delete e.selected:e.selected=this.selected,this.client!==null&&(e.layoutMode=this.client.mode);let t=this.renderRoot.querySelector(`.viewport`);if(t!==null&&t!==this.wheelOn&&(t.addEventListener(`wheel`,e=>this.onWheel(e),{passive:!1}),this.wheelOn=t),this.applyTransform(),this.state!==`ready`||this.shown===null||this.focusKey===null)return;let n=this.renderRoot.activeElement,r=n instanceof SVGGElement&&n.dataset.key!==this.focusKey;(this.focusAfter!==null||r)&&(this.focusAfter=null,this.boxElement(this.focusKey)?.focus({preventScroll:!0}))}get words(){let e=this.language;return{nodes:t=>t===1?H(e,`onnx.nodes_one`):H(e,`onnx.nodes`,{count:t}),noName:H(e,`onnx.no_name`)}}get open(){return new Set([...this.expanded,...this.revealed])}reset(){let e=this.view;this.shown=null,this.selected=null,this.focusKey=null,this.query=``,this.hits=[],this.hit=-1,this.revealed=new Set,this.announced=null,this.firstDrawn=!1,typeof e!=`object`||!e||!Array.isArray(e.nodes)?(this.index=null,this.state=`ready`):(this.viewAt=performance.now(),this.index=ut(e),this.expanded=gt(this.index),this.next={fit:!0,anchor:null,center:null},this.selectedLayer!==void 0&&this.selectedLayer!==``&&this.followLayer(!1),this.relayout())}followLayer(e=!0){let t=this.index,n=this.selectedLayer;if(t===null||n===void 0||n===``||n===this.announced||this.selected!==null&&_t(t,this.selected)===n)return;let r=vt(t,n);if(r===null)return;let i=U(`group`,r);this.selected=i,this.focusKey=i;for(let e of q(t,i))this.expanded.add(e);this.next.center=i,e&&this.relayout()}relayout(){let e=this.index;if(e===null)return;let t=this.open,n=ft(e,t),r=new Map,i=this.words;for(let t of n.boxes)r.set(t.key,Et(e,t,i));let a=new Map,o=n.edges.map(t=>{let n=Dt(e,t);return n!==null&&a.set(`${t.source}\u0000${t.target}`,n.text),{source:t.source,target:t.target,labelWidth:n?.width??0,labelHeight:n?.height??0}}),s=n.boxes.map(e=>{let t=r.get(e.key);return{id:e.key,width:t.width,height:t.height,parent:e.parent}});this.client??=new He(new URL(Ve,import.meta.url).href),this.shown!==null&&(this.state=`layout`),this.requestUpdate(),this.client.layout({boxes:s,clusters:n.clusters,links:o,clusterHeader:20}).then(t=>{t!==null&&this.index===e&&this.show(n,r,a,t)},t=>{this.index===e&&(this.state=`error`,this.error=t instanceof Error?t.message:String(t),this.requestUpdate())})}show(e,t,n,r){let i=new Map(Object.entries(r.boxes)),a=new Map(Object.entries(r.clusters)),o=new Map(i);for(let[e,t]of a)o.set(U(`group`,e),{x:t.x,y:t.y,width:t.width,height:20});let s=this.index,c=e=>s?.order.get(e)??-1,l=[...o.keys()].sort((e,t)=>c(e)-c(t)||(o.get(e)?.y??0)-(o.get(t)?.y??0));this.shown={visible:e,faces:t,boxes:new Map(e.boxes.map(e=>[e.key,e])),rects:i,frames:a,labels:n,result:r,nav:o,order:l},this.state=`ready`,this.focusKey!==null&&o.has(this.focusKey)||(this.focusKey=this.focusKey===null?l[0]??null:this.visibleKey(this.focusKey)),this.placeView(),this.requestUpdate(),this.updateComplete.then(()=>{requestAnimationFrame(()=>{let e=performance.now();this.firstDrawn||(this.firstDrawn=!0,this.dataset.firstViewMs=String(Math.round(e-this.viewAt)),this.dataset.drawnMs=String(Math.round(e))),this.actionAt>0&&(this.dataset.viewMs=String(Math.round(e-this.actionAt))),this.dataset.layoutMs=String(r.ms),this.dataset.layouts=String(++this.drawnLayouts)})})}visibleKey(e){let t=this.index;if(t===null||this.shown===null)return e;let n=mt(t,this.open,e);return this.shown.nav.has(n)?n:this.shown.order[0]??n}placeView(){let e=this.shown;if(e===null)return;let t=this.viewportSize(),n=this.next;this.next={fit:!1,anchor:null,center:null},n.fit&&(this.t=Xe(e.result,t,!0));let r=n.anchor===null?void 0:e.nav.get(n.anchor.key);n.anchor!==null&&r!==void 0&&(this.t=$e(this.t,r,{x:n.anchor.sx,y:n.anchor.sy})),n.center!==null&&this.centerOn(n.center)}centerOn(e){let t=this.shown?.nav.get(this.visibleKey(e));t!==void 0&&(this.t=Qe(this.t,t,this.viewportSize()))}reveal(e){let t=this.shown?.nav.get(e);t===void 0||tt(this.t,t,this.viewportSize())||(this.centerOn(e),this.scheduleTransform())}viewportSize(){let e=this.renderRoot.querySelector(`.viewport`);return{width:e?.clientWidth||600,height:e?.clientHeight||500}}toggle(e,t=!0){let n=this.index;if(n===null||!J(n,e))return;let r=U(`group`,e),i=this.shown?.nav.get(r);if(i!==void 0){let e=et(this.t,i);this.next.anchor={key:r,sx:e.x,sy:e.y}}if(this.open.has(e)){this.expanded.delete(e),this.revealed.delete(e);for(let t of[...this.revealed])q(n,U(`group`,t)).includes(e)&&this.revealed.delete(t)}else this.expanded.add(e);this.focusKey=r,t&&(this.focusAfter=r),this.actionAt=performance.now(),this.relayout()}select(e){let t=this.index;if(t===null)return;this.selected=e,this.focusKey=e;let n=_t(t,e);this.requestUpdate(),n!==null&&(this.announced=n,this.dispatchEvent(new CustomEvent(`train-layer-select`,{bubbles:!0,composed:!0,detail:{layer:n}})))}collapseAll(){let e=this.index;e!==null&&(this.expanded=gt(e,0),this.revealed=new Set,this.next.fit=!0,this.actionAt=performance.now(),this.relayout())}zoomBy(e,t,n){let{width:r,height:i}=this.viewportSize();this.t=Ze(this.t,e,t??r/2,n??i/2),this.scheduleTransform()}fitAll(){this.shown!==null&&(this.t=Xe(this.shown.result,this.viewportSize()),this.applyTransform())}scheduleTransform(){cancelAnimationFrame(this.frame),this.frame=requestAnimationFrame(()=>this.applyTransform())}applyTransform(){this.renderRoot.querySelector(`.scene`)?.setAttribute(`transform`,nt(this.t))}onSearch(e){this.query=e;let t=this.index;if(t===null)return;this.hits=kt(t,e),this.hit=this.hits.length>0?0:-1,this.revealed=At(t,this.expanded,this.hits,this.hit);let n=this.hits[0];this.next.center=n??null,this.actionAt=performance.now(),this.relayout()}onSearchKey(e){if(e.key===`Enter`){e.preventDefault();let t=this.index;if(t===null||this.hits.length===0)return;this.hit=Mt(this.hits.length,this.hit,e.shiftKey);let n=this.hits[this.hit]??null;if(n===null)return;let r=q(t,n).filter(e=>!this.open.has(e));if(r.length>0){for(let e of r)this.revealed.add(e);this.next.center=n,this.actionAt=performance.now(),this.relayout()}else this.centerOn(n),this.requestUpdate()}else e.key===`Escape`&&this.query!==``&&(e.preventDefault(),e.currentTarget.value=``,this.onSearch(``))}keyOf(e){for(let t of e.composedPath()){if(t instanceof SVGGElement&&t.dataset.key!==void 0)return{key:t.dataset.key,el:t};if(t===e.currentTarget)break}return null}onClick(e){if(this.suppressClick){this.suppressClick=!1;return}let t=this.keyOf(e);if(t===null)return;t.el.focus({preventScroll:!0});let{kind:n,id:r}=W(t.key),i=e.composedPath().some(e=>e instanceof SVGElement&&e.classList.contains(`toggle-hit`));n===`group`&&i?this.toggle(r):this.select(t.key)}onDblClick(e){let t=this.keyOf(e);if(t===null)return;let{kind:n,id:r}=W(t.key);n===`group`&&this.toggle(r)}onKeyDown(e){let t=this.keyOf(e),n=this.shown,r=this.index;if(t===null||n===null||r===null)return;let{kind:i,id:a}=W(t.key),o=t.el.dataset.kind===`header`;if(e.key===`Enter`||e.key===` `){e.preventDefault(),i===`group`&&(o||J(r,a))?(o||this.select(t.key),this.toggle(a)):this.select(t.key);return}if(e.key===`Escape`){let r=o?a:n.boxes.get(t.key)?.parent??null;r!==null&&(e.preventDefault(),this.toggle(r));return}let s=Ge(e.key),c;if(s!==null)c=Ke(n.nav,t.key,s);else if(e.key===`Home`)c=n.order[0]??null;else if(e.key===`End`)c=n.order[n.order.length-1]??null;else return;e.preventDefault(),c!==null&&(this.focusKey=c,this.reveal(c),this.boxElement(c)?.focus({preventScroll:!0}),this.requestUpdate())}onPointerDown(e){e.button===0&&(this.drag={id:e.pointerId,x:e.clientX,y:e.clientY,from:this.t,moved:!1})}onPointerMove(e){let t=this.drag;if(t?.id!==e.pointerId)return;let n=e.clientX-t.x,r=e.clientY-t.y;if(!(!t.moved&&Math.hypot(n,r)<nn)){if(!t.moved){t.moved=!0;let n=e.currentTarget;n.setPointerCapture(e.pointerId),n.classList.add(`dragging`)}this.t={x:t.from.x+n,y:t.from.y+r,k:t.from.k},this.scheduleTransform()}}onPointerUp(e){let t=this.drag;t?.id===e.pointerId&&(this.drag=null,e.currentTarget.classList.remove(`dragging`),t.moved&&(this.suppressClick=!0,setTimeout(()=>{this.suppressClick=!1},0)))}onWheel(e){e.preventDefault();let t=e.currentTarget.getBoundingClientRect(),n=e.deltaMode===1?e.deltaY*16:e.deltaY;this.zoomBy(Math.exp(-n*.0015),e.clientX-t.left,e.clientY-t.top)}boxElement(e){for(let t of this.renderRoot.querySelectorAll(`g[data-key]`))if(t.dataset.key===e)return t;return null}render(){let e=this.language,t=this.index;if(t===null)return A`<p class="muted empty">${H(e,`onnx.empty`)}</p>`;let n=this.shown,r=this.query.trim()===``?``:this.hits.length===0?H(e,`onnx.search.none`):H(e,`onnx.search.count`,{index:this.hit+1,count:this.hits.length}),i=this.state===`error`?A`<p class="status error" part="status" role="alert">
            ${H(e,`onnx.layout_failed`,{message:this.error})}
          </p>`:this.state===`ready`?N:A`<p class="status" part="status" role="status">${H(e,`onnx.laying_out`)}</p>`;return A`<div class="toolbar" part="toolbar">
        <input
          type="search"
          part="search"
          aria-label=${H(e,`onnx.search`)}
          placeholder=${H(e,`onnx.search.placeholder`)}
          .value=${this.query}
          @input=${e=>this.onSearch(e.target.value)}
          @keydown=${e=>this.onSearchKey(e)}
        />
        <span class="count" aria-live="polite">${r}</span>
        <span class="tools">
          <button
            type="button"
            data-action="zoom-in"
            aria-label=${H(e,`onnx.zoom_in`)}
            title=${H(e,`onnx.zoom_in`)}
            @click=${()=>this.zoomBy(1.25)}
          >
            +
          </button>
          <button
            type="button"
            data-action="zoom-out"
            aria-label=${H(e,`onnx.zoom_out`)}
            title=${H(e,`onnx.zoom_out`)}
            @click=${()=>this.zoomBy(.8)}
          >
            −
          </button>
          <button type="button" data-action="fit" @click=${()=>this.fitAll()}>
            ${H(e,`onnx.fit`)}
          </button>
          <button type="button" data-action="collapse-all" @click=${()=>this.collapseAll()}>
            ${H(e,`onnx.collapse_all`)}
          </button>
        </span>
      </div>
      <div
        class="viewport"
        part="graph"
        @pointerdown=${e=>this.onPointerDown(e)}
        @pointermove=${e=>this.onPointerMove(e)}
        @pointerup=${e=>this.onPointerUp(e)}
        @pointercancel=${e=>this.onPointerUp(e)}
      >
        <svg
          role="group"
          aria-label=${this.label||H(e,`onnx.graph`,{count:t.view.num_nodes})}
          @click=${e=>this.onClick(e)}
          @dblclick=${e=>this.onDblClick(e)}
          @keydown=${e=>this.onKeyDown(e)}
        >
          ${Pt()}
          ${n===null?N:Lt({index:t,shown:n,open:this.open,hits:this.hits,hit:this.hit,selected:this.selected,focusKey:this.focusKey,lang:e,words:this.words})}
        </svg>
        ${i}
      </div>
      <p class="help muted">${H(e,`onnx.help`)}</p>
      <section class="panel" part="panel" aria-live="polite">
        ${Jt(t,this.selected,this.open,e,{toggle:e=>this.toggle(e,!1),select:e=>{this.select(e);for(let n of q(t,e))this.expanded.add(n);this.next.center=e,this.relayout()}})}
      </section>`}};Be(`onnx-graph-view`,rn);export{rn as OnnxGraphView};