var e=globalThis,t=e.ShadowRoot&&(e.ShadyCSS===void 0||e.ShadyCSS.nativeShadow)&&`adoptedStyleSheets`in Document.prototype&&`replace`in CSSStyleSheet.prototype,n=Symbol(),r=new WeakMap,i=class{constructor(e,t,r){if(this._$cssResult$=!0,r!==n)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,n=this.t;if(t&&e===void 0){let t=n!==void 0&&n.length===1;t&&(e=r.get(n)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),t&&r.set(n,e))}return e}toString(){return this.cssText}},a=e=>new i(typeof e==`string`?e:e+``,void 0,n),o=(e,...t)=>new i(e.length===1?e[0]:t.reduce((t,n,r)=>t+(e=>{if(!0===e._$cssResult$)return e.cssText;if(typeof e==`number`)return e;throw Error(`Value passed to 'css' function must be a 'css' function result: `+e+`. Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.`)})(n)+e[r+1],e[0]),e,n),s=(n,r)=>{if(t)n.adoptedStyleSheets=r.map(e=>e instanceof CSSStyleSheet?e:e.styleSheet);else for(let t of r){let r=document.createElement(`style`),i=e.litNonce;i!==void 0&&r.setAttribute(`nonce`,i),r.textContent=t.cssText,n.appendChild(r)}},c=t?e=>e:e=>e instanceof CSSStyleSheet?(e=>{let t=``;for(let n of e.cssRules)t+=n.cssText;return a(t)})(e):e,{is:l,defineProperty:u,getOwnPropertyDescriptor:d,getOwnPropertyNames:f,getOwnPropertySymbols:p,getPrototypeOf:m}=Object,h=globalThis,g=h.trustedTypes,ee=g?g.emptyScript:``,_=h.reactiveElementPolyfillSupport,v=(e,t)=>e,y={toAttribute(e,t){switch(t){case Boolean:e=e?ee:null;break;case Object:case Array:e=e==null?e:JSON.stringify(e)}return e},fromAttribute(e,t){let n=e;switch(t){case Boolean:n=e!==null;break;case Number:n=e===null?null:Number(e);break;case Object:case Array:try{n=JSON.parse(e)}catch{n=null}}return n}},te=(e,t)=>!l(e,t),ne={attribute:!0,type:String,converter:y,reflect:!1,useDefault:!1,hasChanged:te};Symbol.metadata??=Symbol(`metadata`),h.litPropertyMetadata??=new WeakMap;var b=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=ne){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let n=Symbol(),r=this.getPropertyDescriptor(e,n,t);r!==void 0&&u(this.prototype,e,r)}}static getPropertyDescriptor(e,t,n){let{get:r,set:i}=d(this.prototype,e)??{get(){return this[t]},set(e){this[t]=e}};return{get:r,set(t){let a=r?.call(this);i?.call(this,t),this.requestUpdate(e,a,n)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??ne}static _$Ei(){if(this.hasOwnProperty(v(`elementProperties`)))return;let e=m(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(v(`finalized`)))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(v(`properties`))){let e=this.properties,t=[...f(e),...p(e)];for(let n of t)this.createProperty(n,e[n])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[e,n]of t)this.elementProperties.set(e,n)}this._$Eh=new Map;for(let[e,t]of this.elementProperties){let n=this._$Eu(e,t);n!==void 0&&this._$Eh.set(n,e)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let n=new Set(e.flat(1/0).reverse());for(let e of n)t.unshift(c(e))}else e!==void 0&&t.push(c(e));return t}static _$Eu(e,t){let n=t.attribute;return!1===n?void 0:typeof n==`string`?n:typeof e==`string`?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let n of t.keys())this.hasOwnProperty(n)&&(e.set(n,this[n]),delete this[n]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return s(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,n){this._$AK(e,n)}_$ET(e,t){let n=this.constructor.elementProperties.get(e),r=this.constructor._$Eu(e,n);if(r!==void 0&&!0===n.reflect){let i=(n.converter?.toAttribute===void 0?y:n.converter).toAttribute(t,n.type);this._$Em=e,i==null?this.removeAttribute(r):this.setAttribute(r,i),this._$Em=null}}_$AK(e,t){let n=this.constructor,r=n._$Eh.get(e);if(r!==void 0&&this._$Em!==r){let e=n.getPropertyOptions(r),i=typeof e.converter==`function`?{fromAttribute:e.converter}:e.converter?.fromAttribute===void 0?y:e.converter;this._$Em=r;let a=i.fromAttribute(t,e.type);this[r]=a??this._$Ej?.get(r)??a,this._$Em=null}}requestUpdate(e,t,n,r=!1,i){if(e!==void 0){let a=this.constructor;if(!1===r&&(i=this[e]),n??=a.getPropertyOptions(e),!((n.hasChanged??te)(i,t)||n.useDefault&&n.reflect&&i===this._$Ej?.get(e)&&!this.hasAttribute(a._$Eu(e,n))))return;this.C(e,t,n)}!1===this.isUpdatePending&&(this._$ES=this._$EP())}C(e,t,{useDefault:n,reflect:r,wrapped:i},a){n&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,a??t??this[e]),!0!==i||a!==void 0)||(this._$AL.has(e)||(this.hasUpdated||n||(t=void 0),this._$AL.set(e,t)),!0===r&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(e){Promise.reject(e)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[e,t]of this._$Ep)this[e]=t;this._$Ep=void 0}let e=this.constructor.elementProperties;if(e.size>0)for(let[t,n]of e){let{wrapped:e}=n,r=this[t];!0!==e||this._$AL.has(t)||r===void 0||this.C(t,void 0,n,r)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(e=>e.hostUpdate?.()),this.update(t)):this._$EM()}catch(t){throw e=!1,this._$EM(),t}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(e=>e.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(e=>this._$ET(e,this[e])),this._$EM()}updated(e){}firstUpdated(e){}};b.elementStyles=[],b.shadowRootOptions={mode:`open`},b[v(`elementProperties`)]=new Map,b[v(`finalized`)]=new Map,_?.({ReactiveElement:b}),(h.reactiveElementVersions??=[]).push(`2.1.2`);var x=globalThis,re=e=>e,S=x.trustedTypes,ie=S?S.createPolicy(`lit-html`,{createHTML:e=>e}):void 0,ae=`$lit$`,C=`lit$${Math.random().toFixed(9).slice(2)}$`,oe=`?`+C,se=`<${oe}>`,w=document,T=()=>w.createComment(``),E=e=>e===null||typeof e!=`object`&&typeof e!=`function`,D=Array.isArray,ce=e=>D(e)||typeof e?.[Symbol.iterator]==`function`,O=`[ 	
\f\r]`,k=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,le=/-->/g,ue=/>/g,A=RegExp(`>|${O}(?:([^\\s"'>=/]+)(${O}*=${O}*(?:[^ \t\n\f\r"'\`<>=]|("|')|))|$)`,`g`),de=/'/g,fe=/"/g,pe=/^(?:script|style|textarea|title)$/i,me=e=>(t,...n)=>({_$litType$:e,strings:t,values:n}),j=me(1),M=me(2),N=Symbol.for(`lit-noChange`),P=Symbol.for(`lit-nothing`),he=new WeakMap,F=w.createTreeWalker(w,129);function ge(e,t){if(!D(e)||!e.hasOwnProperty(`raw`))throw Error(`invalid template strings array`);return ie===void 0?t:ie.createHTML(t)}var _e=(e,t)=>{let n=e.length-1,r=[],i,a=t===2?`<svg>`:t===3?`<math>`:``,o=k;for(let t=0;t<n;t++){let n=e[t],s,c,l=-1,u=0;for(;u<n.length&&(o.lastIndex=u,c=o.exec(n),c!==null);)u=o.lastIndex,o===k?c[1]===`!--`?o=le:c[1]===void 0?c[2]===void 0?c[3]!==void 0&&(o=A):(pe.test(c[2])&&(i=RegExp(`</`+c[2],`g`)),o=A):o=ue:o===A?c[0]===`>`?(o=i??k,l=-1):c[1]===void 0?l=-2:(l=o.lastIndex-c[2].length,s=c[1],o=c[3]===void 0?A:c[3]===`"`?fe:de):o===fe||o===de?o=A:o===le||o===ue?o=k:(o=A,i=void 0);let d=o===A&&e[t+1].startsWith(`/>`)?` `:``;a+=o===k?n+se:l>=0?(r.push(s),n.slice(0,l)+ae+n.slice(l)+C+d):n+C+(l===-2?t:d)}return[ge(e,a+(e[n]||`<?>`)+(t===2?`</svg>`:t===3?`</math>`:``)),r]},I=class e{constructor({strings:t,_$litType$:n},r){let i;this.parts=[];let a=0,o=0,s=t.length-1,c=this.parts,[l,u]=_e(t,n);if(this.el=e.createElement(l,r),F.currentNode=this.el.content,n===2||n===3){let e=this.el.content.firstChild;e.replaceWith(...e.childNodes)}for(;(i=F.nextNode())!==null&&c.length<s;){if(i.nodeType===1){if(i.hasAttributes())for(let e of i.getAttributeNames())if(e.endsWith(ae)){let t=u[o++],n=i.getAttribute(e).split(C),r=/([.?@])?(.*)/.exec(t);c.push({type:1,index:a,name:r[2],strings:n,ctor:r[1]===`.`?ye:r[1]===`?`?be:r[1]===`@`?xe:z}),i.removeAttribute(e)}else e.startsWith(C)&&(c.push({type:6,index:a}),i.removeAttribute(e));if(pe.test(i.tagName)){let e=i.textContent.split(C),t=e.length-1;if(t>0){i.textContent=S?S.emptyScript:``;for(let n=0;n<t;n++)i.append(e[n],T()),F.nextNode(),c.push({type:2,index:++a});i.append(e[t],T())}}}else if(i.nodeType===8){if(i.data===oe)c.push({type:2,index:a});else{let e=-1;for(;(e=i.data.indexOf(C,e+1))!==-1;)c.push({type:7,index:a}),e+=C.length-1}}a++}}static createElement(e,t){let n=w.createElement(`template`);return n.innerHTML=e,n}};function L(e,t,n=e,r){if(t===N)return t;let i=r===void 0?n._$Cl:n._$Co?.[r],a=E(t)?void 0:t._$litDirective$;return i?.constructor!==a&&(i?._$AO?.(!1),a===void 0?i=void 0:(i=new a(e),i._$AT(e,n,r)),r===void 0?n._$Cl=i:(n._$Co??=[])[r]=i),i!==void 0&&(t=L(e,i._$AS(e,t.values),i,r)),t}var ve=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:n}=this._$AD,r=(e?.creationScope??w).importNode(t,!0);F.currentNode=r;let i=F.nextNode(),a=0,o=0,s=n[0];for(;s!==void 0;){if(a===s.index){let t;s.type===2?t=new R(i,i.nextSibling,this,e):s.type===1?t=new s.ctor(i,s.name,s.strings,this,e):s.type===6&&(t=new Se(i,this,e)),this._$AV.push(t),s=n[++o]}a!==s?.index&&(i=F.nextNode(),a++)}return F.currentNode=w,r}p(e){let t=0;for(let n of this._$AV)n!==void 0&&(n.strings===void 0?n._$AI(e[t]):(n._$AI(e,n,t),t+=n.strings.length-2)),t++}},R=class e{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,n,r){this.type=2,this._$AH=P,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=n,this.options=r,this._$Cv=r?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=L(this,e,t),E(e)?e===P||e==null||e===``?(this._$AH!==P&&this._$AR(),this._$AH=P):e!==this._$AH&&e!==N&&this._(e):e._$litType$===void 0?e.nodeType===void 0?ce(e)?this.k(e):this._(e):this.T(e):this.$(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==P&&E(this._$AH)?this._$AA.nextSibling.data=e:this.T(w.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:n}=e,r=typeof n==`number`?this._$AC(e):(n.el===void 0&&(n.el=I.createElement(ge(n.h,n.h[0]),this.options)),n);if(this._$AH?._$AD===r)this._$AH.p(t);else{let e=new ve(r,this),n=e.u(this.options);e.p(t),this.T(n),this._$AH=e}}_$AC(e){let t=he.get(e.strings);return t===void 0&&he.set(e.strings,t=new I(e)),t}k(t){D(this._$AH)||(this._$AH=[],this._$AR());let n=this._$AH,r,i=0;for(let a of t)i===n.length?n.push(r=new e(this.O(T()),this.O(T()),this,this.options)):r=n[i],r._$AI(a),i++;i<n.length&&(this._$AR(r&&r._$AB.nextSibling,i),n.length=i)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let t=re(e).nextSibling;re(e).remove(),e=t}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},z=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,n,r,i){this.type=1,this._$AH=P,this._$AN=void 0,this.element=e,this.name=t,this._$AM=r,this.options=i,n.length>2||n[0]!==``||n[1]!==``?(this._$AH=Array(n.length-1).fill(new String),this.strings=n):this._$AH=P}_$AI(e,t=this,n,r){let i=this.strings,a=!1;if(i===void 0)e=L(this,e,t,0),a=!E(e)||e!==this._$AH&&e!==N,a&&(this._$AH=e);else{let r=e,o,s;for(e=i[0],o=0;o<i.length-1;o++)s=L(this,r[n+o],t,o),s===N&&(s=this._$AH[o]),a||=!E(s)||s!==this._$AH[o],s===P?e=P:e!==P&&(e+=(s??``)+i[o+1]),this._$AH[o]=s}a&&!r&&this.j(e)}j(e){e===P?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??``)}},ye=class extends z{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===P?void 0:e}},be=class extends z{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==P)}},xe=class extends z{constructor(e,t,n,r,i){super(e,t,n,r,i),this.type=5}_$AI(e,t=this){if((e=L(this,e,t,0)??P)===N)return;let n=this._$AH,r=e===P&&n!==P||e.capture!==n.capture||e.once!==n.once||e.passive!==n.passive,i=e!==P&&(n===P||r);r&&this.element.removeEventListener(this.name,this,n),i&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH==`function`?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},Se=class{constructor(e,t,n){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=n}get _$AU(){return this._$AM._$AU}_$AI(e){L(this,e)}},Ce=x.litHtmlPolyfillSupport;Ce?.(I,R),(x.litHtmlVersions??=[]).push(`3.3.3`);var we=(e,t,n)=>{let r=n?.renderBefore??t,i=r._$litPart$;if(i===void 0){let e=n?.renderBefore??null;r._$litPart$=i=new R(t.insertBefore(T(),e),e,void 0,n??{})}return i._$AI(e),i},B=globalThis,V=class extends b{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=we(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return N}};V._$litElement$=!0,V.finalized=!0,B.litElementHydrateSupport?.({LitElement:V});var Te=B.litElementPolyfillSupport;Te?.({LitElement:V}),(B.litElementVersions??=[]).push(`4.2.2`);var Ee={en:`English`,zh:`中文`};function De(e){let t=(e??``).trim().toLowerCase();if(t in Ee)return t;let n=t.split(/[-_]/)[0]??``;return n in Ee?n:`en`}function Oe(e,t){return t===void 0?e:e.replace(/\{(\w+)\}/g,(e,n)=>n in t?String(t[n]):e)}var H={light:[`#0072b2`,`#c65400`,`#00845f`,`#b5448c`,`#3d3d3d`,`#8a6200`,`#6a3d9a`,`#007c86`,`#a33c3c`,`#5b6e00`,`#4d5fa3`,`#8b4a1c`],dark:[`#56b4e9`,`#e69f00`,`#3ccf9e`,`#e08ec0`,`#f0e442`,`#ff8a5c`,`#b7a2ea`,`#a6d854`,`#ffffff`,`#4fd2d6`,`#ff9da7`,`#c9b27c`]};H.light.length;var ke=a(H.light.map((e,t)=>`--_series-${t+1}: inherit;`).join(`
`));function Ae(e){return a(e.map((e,t)=>`--_series-${t+1}: var(--train-series-${t+1}, ${e});`).join(`
`))}var je=o`
  --_bg: var(--train-bg, #ffffff);
  --_fg: var(--train-fg, #1b1b1f);
  --_muted: var(--train-muted, #5b5d66);
  --_border: var(--train-border, #d0d2d9);
  --_accent: var(--train-accent, #0a5fa8);
  --_grid: var(--train-grid, #e4e5ea);
  --_nonfinite: var(--train-nonfinite, #b00020);
  --_band: var(--train-band, rgba(0, 158, 115, 0.14));
  ${Ae(H.light)}
  color-scheme: light;
`,Me=o`
  --_bg: var(--train-bg, #1e1e1e);
  --_fg: var(--train-fg, #e8e8ea);
  --_muted: var(--train-muted, #a9abb3);
  --_border: var(--train-border, #44464d);
  --_accent: var(--train-accent, #7cc4ff);
  --_grid: var(--train-grid, #34363c);
  --_nonfinite: var(--train-nonfinite, #ff6b81);
  --_band: var(--train-band, rgba(0, 158, 115, 0.22));
  ${Ae(H.dark)}
  color-scheme: dark;
`,Ne=o`
  :host {
    ${je}
    --_font: var(--train-font-family, ${a(`system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif`)});
    --_radius: var(--train-radius, 6px);
    display: block;
    font-family: var(--_font);
    color: var(--_fg);
    background: var(--_bg);
  }
  :host([theme="dark"]) {
    ${Me}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme="light"])) {
      ${Me}
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
  `;var Pe=[Ne,o`
    :host([data-inherit-theme]:not([theme])) {
      --_bg: inherit;
      --_fg: inherit;
      --_muted: inherit;
      --_border: inherit;
      --_accent: inherit;
      --_grid: inherit;
      --_nonfinite: inherit;
      --_band: inherit;
      ${ke}
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
  `];function Fe(e){let t=e.getRootNode(),n=e.parentElement??(t instanceof ShadowRoot?t.host:null);return n!==null&&getComputedStyle(n).getPropertyValue(`--_fg`).trim()!==``}var Ie=class extends V{static{this.properties={label:{type:String},lang:{type:String},theme:{type:String,reflect:!0}}}constructor(){super(),this.label=``}get language(){return De(this.lang)}connectedCallback(){super.connectedCallback(),this.toggleAttribute(`data-inherit-theme`,Fe(this))}},Le=`0.1.0`,Re=Symbol.for(`fitscope.ui.version`);function ze(e,t){let n=customElements.get(e);if(n!==void 0){let t=n[Re];t!==`0.1.0`&&console.warn(`fitscope: <${e}> is already defined (version ${t??`unknown`}); this copy (${Le}) is not used.`)}else Object.defineProperty(t,Re,{value:Le}),customElements.define(e,t)}var Be=`fitscope-graph-worker.js`,Ve=class{constructor(e){this.url=e,this.worker=null,this.blobUrl=null,this.pending=null,this.nextId=1,this.inline=null,this.mode=`worker`}layout(e){let t=this.nextId++,n={...e,id:t},r=this.pending;return this.pending=null,r!==null&&(r.resolve(null),this.mode===`worker`&&this.stopWorker()),new Promise((e,r)=>{let i={id:t,request:n,resolve:e,reject:r};this.pending=i,this.mode===`worker`?this.post(i):this.runInline(i)})}dispose(){this.pending?.resolve(null),this.pending=null,this.stopWorker(),this.blobUrl!==null&&URL.revokeObjectURL(this.blobUrl),this.blobUrl=null}post(e){let t;try{t=this.worker??this.startWorker()}catch{this.toPage(e);return}t.postMessage(e.request)}startWorker(){let e=new URL(this.url).origin===location.origin,t=this.url;e||(this.blobUrl??=URL.createObjectURL(new Blob([`import ${JSON.stringify(this.url)};\n`],{type:`text/javascript`})),t=this.blobUrl);let n=new Worker(t,{type:`module`,name:`fitscope-graph-layout`});return n.addEventListener(`message`,e=>{let t=this.pending;t?.id===e.data.id&&(this.pending=null,`error`in e.data?t.reject(Error(e.data.error)):t.resolve(e.data))}),n.addEventListener(`error`,e=>{if(e.preventDefault(),this.worker!==n)return;this.stopWorker();let t=this.pending;t===null?this.mode=`page`:this.toPage(t)}),this.worker=n,n}stopWorker(){this.worker?.terminate(),this.worker=null}toPage(e){this.mode=`page`,this.runInline(e)}runInline(e){this.inline??=import(this.url),this.inline.then(e=>new Promise(t=>setTimeout(()=>t(e),0))).then(t=>{if(this.pending===e){this.pending=null;try{e.resolve(t.layoutGraph(e.request))}catch(t){e.reject(t instanceof Error?t:Error(String(t)))}}},t=>{this.inline=null,this.pending===e&&(this.pending=null,e.reject(t instanceof Error?t:Error(String(t))))})}},He={"onnx.graph":`ONNX graph of {count} nodes`,"onnx.search":`Search nodes by name or op type`,"onnx.search.placeholder":`Search name or op type`,"onnx.search.count":`{index} of {count}`,"onnx.search.none":`No matches`,"onnx.zoom_in":`Zoom in`,"onnx.zoom_out":`Zoom out`,"onnx.fit":`Fit`,"onnx.collapse_all":`Collapse all`,"onnx.laying_out":`Laying out…`,"onnx.layout_failed":`The graph could not be laid out: {message}`,"onnx.empty":`This ONNX graph has no nodes.`,"onnx.help":`Drag to pan, wheel to zoom. Arrow keys move between boxes; Enter or Space opens a group or selects a node; Escape closes the group around it.`,"onnx.nodes":`{count} nodes`,"onnx.nodes_one":`1 node`,"onnx.box.node":`{op} node {name}`,"onnx.box.group":`{name}, {type}, {nodes}`,"onnx.box.expanded":`{name}, {type}, open group`,"onnx.box.input":`Graph input {name}`,"onnx.box.output":`Graph output {name}`,"onnx.box.matches":`contains matches`,"onnx.panel.model":`ONNX model`,"onnx.panel.node":`Node`,"onnx.panel.group":`Group`,"onnx.panel.value":`Graph value`,"onnx.op_type":`Op type`,"onnx.name":`Name`,"onnx.no_name":`(no name)`,"onnx.domain":`Domain`,"onnx.group":`Group`,"onnx.layer":`Layer statistics`,"onnx.layer.none":`none: no group around it is a layer of the session`,"onnx.type":`Module type`,"onnx.kind":`Kind`,"onnx.kind.module":`module`,"onnx.kind.subgraph":`subgraph`,"onnx.num_nodes":`Nodes`,"onnx.parameters":`Parameters`,"onnx.attributes":`Attributes`,"onnx.inputs":`Inputs`,"onnx.outputs":`Outputs`,"onnx.initializer":`initializer`,"onnx.none":`none`,"onnx.expand":`Open`,"onnx.collapse":`Close`,"onnx.source":`Source`,"onnx.producer":`Producer`,"onnx.ir_version":`IR version`,"onnx.opsets":`Opsets`,"onnx.num_parameters":`Parameter elements`,"onnx.grouping":`Groups from`,"onnx.grouping.name_scopes":`the exporter's module scopes`,"onnx.grouping.node_names":`node names (/layer1/layer1.0/conv1/Conv)`,"onnx.grouping.initializers":`initializer names`,"onnx.grouping.none":`nothing: the file records no modules`,"onnx.unmatched":`Parameters outside the graph`,"onnx.hint":`Select a box to see its details. A group that is a layer shows its statistics.`},Ue={en:He,zh:{"onnx.graph":`ONNX 计算图，共 {count} 个节点`,"onnx.search":`按名称或算子类型搜索节点`,"onnx.search.placeholder":`搜索名称或算子类型`,"onnx.search.count":`第 {index} 个，共 {count} 个`,"onnx.search.none":`无匹配`,"onnx.zoom_in":`放大`,"onnx.zoom_out":`缩小`,"onnx.fit":`适应窗口`,"onnx.collapse_all":`全部折叠`,"onnx.laying_out":`布局中…`,"onnx.layout_failed":`无法布局计算图：{message}`,"onnx.empty":`此 ONNX 计算图没有节点。`,"onnx.help":`拖动以平移，滚轮缩放。方向键在方框间移动；Enter 或空格展开分组或选中节点；Escape 折叠所在分组。`,"onnx.nodes":`{count} 个节点`,"onnx.nodes_one":`1 个节点`,"onnx.box.node":`{op} 节点 {name}`,"onnx.box.group":`{name}，{type}，{nodes}`,"onnx.box.expanded":`{name}，{type}，已展开的分组`,"onnx.box.input":`图输入 {name}`,"onnx.box.output":`图输出 {name}`,"onnx.box.matches":`包含匹配项`,"onnx.panel.model":`ONNX 模型`,"onnx.panel.node":`节点`,"onnx.panel.group":`分组`,"onnx.panel.value":`图的值`,"onnx.op_type":`算子类型`,"onnx.name":`名称`,"onnx.no_name":`（无名称）`,"onnx.domain":`域`,"onnx.group":`分组`,"onnx.layer":`层统计`,"onnx.layer.none":`无：其所在分组都不是本会话的层`,"onnx.type":`模块类型`,"onnx.kind":`种类`,"onnx.kind.module":`模块`,"onnx.kind.subgraph":`子图`,"onnx.num_nodes":`节点`,"onnx.parameters":`参数`,"onnx.attributes":`属性`,"onnx.inputs":`输入`,"onnx.outputs":`输出`,"onnx.initializer":`初始化器`,"onnx.none":`无`,"onnx.expand":`展开`,"onnx.collapse":`折叠`,"onnx.source":`来源`,"onnx.producer":`生成工具`,"onnx.ir_version":`IR 版本`,"onnx.opsets":`算子集`,"onnx.num_parameters":`参数元素数`,"onnx.grouping":`分组依据`,"onnx.grouping.name_scopes":`导出器记录的模块作用域`,"onnx.grouping.node_names":`节点名称（/layer1/layer1.0/conv1/Conv）`,"onnx.grouping.initializers":`初始化器名称`,"onnx.grouping.none":`无：文件未记录模块`,"onnx.unmatched":`图之外的参数`,"onnx.hint":`选择一个方框查看详情。属于层的分组会显示该层的统计。`}};function U(e,t,n){return Oe(Ue[e][t]??He[t],n)}function We(e){switch(e){case`ArrowUp`:return`up`;case`ArrowDown`:return`down`;case`ArrowLeft`:return`left`;case`ArrowRight`:return`right`;default:return null}}function Ge(e,t,n){let r=e.get(t);if(r===void 0)return null;let i=r.x+r.width/2,a=r.y+r.height/2,o=null,s=1/0;for(let[r,c]of e){if(r===t)continue;let e=c.x+c.width/2-i,l=c.y+c.height/2-a,u=n===`down`?l:n===`up`?-l:n===`right`?e:-e,d=Math.abs(n===`down`||n===`up`?e:l);if(u<=4)continue;let f=u+3*d;f<s&&(s=f,o=r)}return o}var W=e=>Math.round(e*10)/10;function Ke(e){let t=e,n=t[0],r=t[t.length-1];if(n===void 0||r===void 0)return``;if(t.length===1)return`M${W(n[0])},${W(n[1])}`;let i=`M${W(n[0])},${W(n[1])}`;if(t.length===2)return`${i} L${W(r[0])},${W(r[1])}`;for(let e=1;e<t.length-1;e++){let n=t[e],r=t[e+1],a=e===t.length-2?r:[(n[0]+r[0])/2,(n[1]+r[1])/2];i+=` Q${W(n[0])},${W(n[1])} ${W(a[0])},${W(a[1])}`}return i}var qe=[[`norm`,/norm|lrn|localresponse/i],[`pool`,/pool|subsampl|upsampl/i],[`conv`,/conv/i],[`activation`,/activation|relu|sigmoid|tanh|softmax|softplus|softsign|gelu|silu|swish|mish|elu|selu|hardswish|hardtanh|logsigmoid|threshold|prelu/i],[`linear`,/linear|dense|output|embedding|bilinear|lstm|gru|rnn|attention/i]];function Je(e){for(let[t,n]of qe)if(n.test(e))return t;return`other`}var Ye={Gemm:`linear`,MatMul:`linear`,MatMulInteger:`linear`,QLinearMatMul:`linear`,Einsum:`linear`,Gather:`linear`,Attention:`linear`,Erf:`activation`,HardSigmoid:`activation`,LeakyRelu:`activation`,Clip:`activation`,LogSoftmax:`activation`,Resize:`pool`,LpNormalization:`norm`,MeanVarianceNormalization:`norm`,Dropout:`other`};function Xe(e){return Ye[e]??Je(e)}var Ze={node:`n:`,group:`g:`,input:`i:`,output:`o:`},Qe={"n:":`node`,"g:":`group`,"i:":`input`,"o:":`output`};function G(e,t){return Ze[e]+t}function K(e){let t=Qe[e.slice(0,2)];return t===void 0?{kind:`node`,id:e}:{kind:t,id:e.slice(2)}}function $e(e){let t=new Map(e.groups.map(e=>[e.id,e])),n=new Map(e.nodes.map(e=>[e.id,e])),r=new Map;for(let e of t.values())r.set(e.id,e.parent!==null&&t.has(e.parent)?e.parent:null);for(let e of t.keys()){let t=new Set;for(let n=r.get(e)??null;n!==null&&!t.has(n);n=r.get(n)??null){if(n===e){r.set(e,null);break}t.add(n)}}let i=new Map;for(let e of t.keys()){let t=[];for(let n=e;n!==null;n=r.get(n)??null)t.unshift(n);i.set(e,t)}let a=new Map;for(let e of n.values())a.set(e.id,e.group!==null&&t.has(e.group)?e.group:null);let o=et(e),s=new Map;for(let e of n.values()){let t=o.get(e.id)??0;for(let n of tt(a,i,e.id))s.set(n,Math.min(s.get(n)??1/0,t))}let c=new Map(e.groups.map((e,t)=>[e.id,t])),l=new Map,u=(e,t,n,r)=>{let i=l.get(e);i===void 0&&l.set(e,i=[]),i.push({key:t,at:n,tie:r})};for(let e of t.keys())u(r.get(e)??null,G(`group`,e),s.get(e)??1/0,c.get(e)??0);for(let e of n.values())u(a.get(e.id)??null,G(`node`,e.id),o.get(e.id)??0,-1);let d=new Map;for(let[e,t]of l)t.sort((e,t)=>e.at-t.at||e.tie-t.tie),d.set(e,t.map(e=>e.key));let f=new Map,p=e=>{for(let t of d.get(e)??[]){f.set(t,f.size);let{kind:e,id:n}=K(t);e===`group`&&p(n)}};p(null);let m=new Map,h=e=>{let t=m.get(e.name);(t===void 0||t.shape===null&&e.shape!==null)&&m.set(e.name,e)};for(let t of e.nodes)t.outputs.forEach(h);for(let t of e.nodes)t.inputs.forEach(h);e.inputs.forEach(h),e.outputs.forEach(h);let g=new Map,ee=new Map;for(let t of e.nodes){for(let e of t.inputs)q(g,e.name,t.id);for(let e of t.outputs)q(ee,e.name,t.id)}let _=new Map;for(let t of e.inputs)!t.initializer&&!_.has(t.name)&&_.set(t.name,g.get(t.name)??[]);let v=new Map;for(let t of e.outputs)v.has(t.name)||v.set(t.name,ee.get(t.name)??[]);return{view:e,groups:t,nodes:n,parentOf:r,chains:i,groupOfNode:a,children:d,order:f,values:m,inputs:_,outputs:v}}function et(e){let t=new Map(e.nodes.map((e,t)=>[e.id,t])),n=new Set(e.edges.map(e=>e.target)),r=new Set(e.inputs.filter(e=>!e.initializer).map(e=>e.name));for(let t of e.nodes)t.inputs.some(e=>r.has(e.name))&&n.add(t.id);let i=new Map;for(let t of e.edges)q(i,t.source,t.target);let a=new Map,o=(e,r)=>{let s=a.get(e);if(s!==void 0)return s;let c=t.get(e)??0;if(!n.has(e)&&r<64){let t=(i.get(e)??[]).map(e=>o(e,r+1));t.length>0&&(c=Math.min(...t))}return a.set(e,c),c};for(let t of e.nodes)o(t.id,0);return a}function q(e,t,n){let r=e.get(t);r===void 0?e.set(t,[n]):r.includes(n)||r.push(n)}function tt(e,t,n){let r=e.get(n)??null;return r===null?[]:t.get(r)??[]}function J(e,t){let{kind:n,id:r}=K(t);return n===`node`?tt(e.groupOfNode,e.chains,r):n===`group`?(e.chains.get(r)??[r]).slice(0,-1):[]}function Y(e,t){return(e.children.get(t)?.length??0)>0}function nt(e,t){let n=[],r=[];for(let t of e.inputs.keys())n.push({key:G(`input`,t),kind:`input`,id:t,parent:null});let i=a=>{for(let o of e.children.get(a)??[]){let{kind:s,id:c}=K(o);s===`group`&&t.has(c)&&Y(e,c)?(r.push({id:c,parent:a}),i(c)):n.push({key:o,kind:s,id:c,parent:a})}};i(null);for(let t of e.outputs.keys())n.push({key:G(`output`,t),kind:`output`,id:t,parent:null});let a=rt(e,t),o=[],s=new Map,c=(e,t,n)=>{if(e===null||t===null||e===t)return;let r=`${e}\u0000${t}`,i=s.get(r);if(i===void 0){let i={source:e,target:t,values:[n]};s.set(r,i),o.push(i)}else i.values.includes(n)||i.values.push(n)};for(let[t,n]of e.inputs)for(let e of n)c(G(`input`,t),a(e),t);for(let t of e.view.edges)c(a(t.source),a(t.target),t.value);for(let[t,n]of e.outputs)for(let e of n)c(a(e),G(`output`,t),t);return{boxes:n,clusters:r,edges:o}}function rt(e,t){let n=new Map;return r=>{let i=n.get(r);if(i!==void 0)return i;let a=null;if(e.nodes.has(r)){a=G(`node`,r);for(let n of tt(e.groupOfNode,e.chains,r))if(!t.has(n)){a=G(`group`,n);break}}return n.set(r,a),a}}function it(e,t,n){for(let r of J(e,n))if(!t.has(r))return G(`group`,r);return n}function at(e,t){let n=e.inputs.size+e.outputs.size,r=i=>{for(let a of e.children.get(i)??[]){let{kind:i,id:o}=K(a);i===`group`&&t.has(o)&&Y(e,o)?r(o):n++}};return r(null),n}function ot(e,t=200){let n=new Set,r=null;for(let t=0;t<=e.groups.size;t++){let t=e.children.get(r)??[],i=t.length===1?K(t[0]??``):null;if(i?.kind!==`group`||!Y(e,i.id))break;n.add(i.id),r=i.id}if(e.nodes.size<=t){let i=new Set(n);for(let t of e.children.get(r)??[]){let{kind:n,id:r}=K(t),a=(e.children.get(r)??[]).some(e=>e.startsWith(`g:`));n===`group`&&a&&i.add(r)}if(at(e,i)<=t)return i}return n}function st(e,t){let{kind:n,id:r}=K(t),i=n===`group`?e.chains.get(r)??[]:n===`node`?J(e,t):[];for(let t=i.length-1;t>=0;t--){let n=e.groups.get(i[t]??``)?.layer??null;if(n!==null)return n}return null}function ct(e,t){let n=null,r=1/0;for(let i of e.groups.values()){let a=e.chains.get(i.id)?.length??0;i.layer===t&&a<r&&(n=i.id,r=a)}return n}function lt(e){return e===null?null:e.length===0?`()`:e.map(e=>e===null?`?`:String(e)).join(`×`)}function X(e){let t=lt(e.shape);return e.dtype===null?t??`?`:`${e.dtype} ${t??`?`}`}function ut(e,t){let n=t.values[0],r=n===void 0?null:lt(e.values.get(n)?.shape??null);return r===null?null:t.values.length>1?`${r} +${t.values.length-1}`:r}function dt(e){if(e===null)return`—`;if(Array.isArray(e)){let t=e.slice(0,16).map(e=>String(e)),n=e.length>16?`, … (${e.length})`:``;return`[${t.join(`, `)}${n}]`}return typeof e==`object`?`tensor`in e?`tensor ${X(e.tensor)}`:`graph`in e?`graph ${e.graph}`:`graphs ${e.graphs.join(`, `)}`:String(e)}var ft=7,pt=6.4,mt=5.8;function Z(e,t=32){return e.length<=t?e:`${e.slice(0,t-1)}…`}var ht=(e,t,n)=>Math.round(Math.min(t,Math.max(e,n)));function gt(e,t,n){if(t.kind===`node`){let r=e.nodes.get(t.id),i=r?.op_type??t.id,a=r===void 0||r.name===``?n.noName:r.name,o=r!==void 0&&r.domain!==``?`${r.domain}.`:``;return{lines:[Z(i),null],width:ht(48,220,Z(i).length*ft+22),height:28,family:Xe(i),title:`${o}${i}\n${a}`}}if(t.kind===`group`){let r=e.groups.get(t.id),i=r?.name===void 0||r.name===``?t.id:r.name,a=n.nodes(r?.num_nodes??0),o=r?.type===null||r?.type===void 0?a:`${r.type} · ${a}`,s=Z(i),c=Z(o,38);return{lines:[s,c],width:ht(88,280,Math.max(s.length*ft,c.length*pt)+40),height:42,family:r?.type===null||r?.type===void 0?`other`:Je(r.type),title:r?.type===null||r?.type===void 0?`${t.id}\n${a}`:`${t.id}\n${r.type}\n${a}`}}let r=e.values.get(t.id),i=lt(r?.shape??null),a=i===null?r?.dtype??null:Z(i,38),o=Z(t.id);return{lines:[o,a],width:ht(64,260,Math.max(o.length*ft,(a??``).length*pt)+28),height:34,family:`value`,title:`${t.id}${r?.dtype==null?``:`\n${r.dtype}`}${i===null?``:` ${i}`}`}}function _t(e,t){let n=ut(e,t);if(n===null)return null;let r=Z(n,28);return{text:r,width:Math.round(r.length*mt+6),height:12}}function vt(e,t,n=1/0){let r=e.groups.get(t),i=r?.name===void 0||r.name===``?t:r.name,a=Math.max(4,Math.floor((n-28)/pt)),o=r?.type===null||r?.type===void 0?i:`${i} · ${r.type}`;return Z(o.length<=a?o:i,Math.min(40,a))}function yt(e,t){let n=t.trim().toLowerCase();if(n===``)return[];let r=[];for(let t of e.nodes.values())(t.name.toLowerCase().includes(n)||t.op_type.toLowerCase().includes(n)||t.id.toLowerCase()===n)&&r.push(G(`node`,t.id));for(let t of e.groups.values())(t.id.toLowerCase().includes(n)||(t.type??``).toLowerCase().includes(n))&&r.push(G(`group`,t.id));let i=t=>e.order.get(t)??1/0;return r.sort((e,t)=>i(e)-i(t))}function bt(e,t,n,r,i=600){let a=new Set;for(let t of n)for(let n of J(e,t))a.add(n);if(at(e,new Set([...t,...a]))<=i)return a;let o=n[r];return new Set(o===void 0?[]:J(e,o))}function xt(e,t,n){let r=new Set;for(let i of n)for(let n of J(e,i))if(!t.has(n)){r.add(G(`group`,n));break}return r}function St(e,t,n=!1){return e===0?-1:t<0||t>=e?n?e-1:0:(t+(n?e-1:1))%e}function Q(e,t){return j`<table class="info" part="table" data-table=${e}>
    <tbody>
      ${t.map(([e,t,n])=>j`<tr data-key=${e}>
            <th scope="row"><bdi>${t}</bdi></th>
            <td><bdi>${n??`—`}</bdi></td>
          </tr>`)}
    </tbody>
  </table>`}var Ct=4,wt=.001,Tt=1e5;function Et(e){if(e===null)return`—`;if(Number.isNaN(e))return`NaN`;if(e===1/0)return`+Inf`;if(e===-1/0)return`-Inf`;if(e===0)return`0`;let t=Number(e.toPrecision(Ct)),n=Math.abs(t);return n>=wt&&n<Tt?String(t):e.toExponential(3).replace(/\.?0+e/,`e`)}var Dt=`—`;function Ot(e){return e===null?Dt:e===1/0?`+Inf`:e===-1/0?`-Inf`:`NaN`}var kt=.001,At=1e5;function jt(e,t=4){if(!Number.isInteger(t)||t<1||t>100)throw RangeError(`digits must be an integer from 1 to 100, got ${String(t)}.`);if(t===4)return Et(e);if(e===null||!Number.isFinite(e))return Ot(e);if(e===0)return`0`;let n=Number(e.toPrecision(t)),r=Math.abs(n),i=Math.max(At,10**t);return r>=kt&&r<i?String(n):e.toExponential(t-1).replace(/\.?0+e/,`e`)}var Mt=1e21;function $(e){if(e===null||!Number.isFinite(e))return Ot(e);let t=Math.round(Math.abs(e));if(t>=Mt)return jt(e);let n=String(t).replace(/\B(?=(\d{3})+$)/g,`,`);return e<0&&t!==0?`-${n}`:n}function Nt(e,t,n,r,i){if(t===null)return zt(e,r);let{kind:a,id:o}=K(t);return a===`node`?It(e,o,r,i):a===`group`?Lt(e,o,n,r,i):Rt(e,o,a,r)}var Pt=(e,t)=>e.map((e,n)=>[String(n),e.name===``?U(t,`onnx.none`):e.name,e.name===``?`—`:`${X(e)}${e.initializer?` (${U(t,`onnx.initializer`)})`:``}`]);function Ft(e,t,n){return[`layer`,U(n,`onnx.layer`),st(e,t)??U(n,`onnx.layer.none`)]}function It(e,t,n,r){let i=e.nodes.get(t);if(i===void 0)return j``;let a=e.groupOfNode.get(t)??null,o=Object.entries(i.attributes).map(([e,t])=>[`attr.${e}`,e,dt(t)]);return j`<h3>${U(n,`onnx.panel.node`)}: ${i.op_type}</h3>
    ${Q(`onnx-node`,[[`op_type`,U(n,`onnx.op_type`),i.op_type],[`name`,U(n,`onnx.name`),i.name===``?U(n,`onnx.no_name`):i.name],...i.domain===``?[]:[[`domain`,U(n,`onnx.domain`),i.domain]],[`group`,U(n,`onnx.group`),a],Ft(e,`n:${t}`,n)])}
    ${a===null?P:j`<div class="actions">
            <button
              type="button"
              data-action="select-group"
              @click=${()=>r.select(`g:${a}`)}
            >
              ${U(n,`onnx.group`)}: ${e.groups.get(a)?.name??a}
            </button>
          </div>`}
    ${o.length===0?P:j`<h3>${U(n,`onnx.attributes`)}</h3>
            ${Q(`onnx-attributes`,o)}`}
    <h3>${U(n,`onnx.inputs`)}</h3>
    ${Q(`onnx-inputs`,Pt(i.inputs,n))}
    <h3>${U(n,`onnx.outputs`)}</h3>
    ${Q(`onnx-outputs`,Pt(i.outputs,n))}`}function Lt(e,t,n,r,i){let a=e.groups.get(t);if(a===void 0)return j``;let o=n.has(t),s=a.parameters.map(t=>{let n=e.values.get(t);return[t,t,n===void 0?`—`:X(n)]});return j`<h3>${U(r,`onnx.panel.group`)}: ${a.name}</h3>
    ${Q(`onnx-group`,[[`name`,U(r,`onnx.name`),a.id],[`type`,U(r,`onnx.type`),a.type],[`kind`,U(r,`onnx.kind`),U(r,a.kind===`subgraph`?`onnx.kind.subgraph`:`onnx.kind.module`)],Ft(e,`g:${t}`,r),[`num_nodes`,U(r,`onnx.num_nodes`),$(a.num_nodes)],[`parameters`,U(r,`onnx.parameters`),$(a.parameters.length)]])}
    ${Y(e,t)?j`<div class="actions">
            <button
              type="button"
              data-action="toggle"
              aria-expanded=${o?`true`:`false`}
              @click=${()=>i.toggle(t)}
            >
              ${U(r,o?`onnx.collapse`:`onnx.expand`)}
            </button>
          </div>`:P}
    ${s.length===0?P:j`<h3>${U(r,`onnx.parameters`)}</h3>
            ${Q(`onnx-parameters`,s)}`}`}function Rt(e,t,n,r){let i=e.values.get(t);return j`<h3>
      ${U(r,n===`input`?`onnx.box.input`:`onnx.box.output`,{name:t})}
    </h3>
    ${Q(`onnx-value`,[[`name`,U(r,`onnx.name`),t],[`type`,U(r,`onnx.type`),i===void 0?null:X(i)]])}`}function zt(e,t){let n=e.view,r=Object.entries(n.opsets).map(([e,t])=>`${e===``?`ai.onnx`:e} ${t}`).join(`, `);return j`<h3>${U(t,`onnx.panel.model`)}</h3>
    ${Q(`onnx-model`,[[`source`,U(t,`onnx.source`),n.source],[`producer`,U(t,`onnx.producer`),n.producer],[`ir_version`,U(t,`onnx.ir_version`),String(n.ir_version)],[`opsets`,U(t,`onnx.opsets`),r===``?null:r],[`num_nodes`,U(t,`onnx.num_nodes`),$(n.num_nodes)],[`num_parameters`,U(t,`onnx.num_parameters`),$(n.num_parameters)],[`grouping`,U(t,`onnx.grouping`),U(t,`onnx.grouping.${n.grouping}`)],...n.unmatched_parameters.length===0?[]:[[`unmatched`,U(t,`onnx.unmatched`),n.unmatched_parameters.join(`, `)]]])}
    <p class="muted">${U(t,`onnx.hint`)}</p>`}var Bt=o`
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
`,Vt=.05,Ht=.6,Ut=3,Wt=4,Gt=class extends Ie{static{this.properties={...Ie.properties,view:{attribute:!1},selectedLayer:{type:String,attribute:`selected-layer`}}}static{this.styles=[...Pe,Bt]}constructor(){super(),this.index=null,this.expanded=new Set,this.revealed=new Set,this.shown=null,this.state=`loading`,this.error=``,this.selected=null,this.focusKey=null,this.query=``,this.hits=[],this.hit=-1,this.client=null,this.announced=null,this.tx=0,this.ty=0,this.k=1,this.frame=0,this.drag=null,this.suppressClick=!1,this.next={fit:!0,anchor:null,center:null},this.focusAfter=null,this.viewAt=0,this.actionAt=0,this.firstDrawn=!1,this.wheelOn=null,this.view=null}disconnectedCallback(){super.disconnectedCallback(),this.client?.dispose(),this.client=null,cancelAnimationFrame(this.frame)}willUpdate(e){let t=e;t.has(`view`)&&!this.sameGraph()?this.reset():t.has(`selectedLayer`)&&this.followLayer()}sameGraph(){let e=this.index?.view,t=this.view;if(e===void 0||typeof t!=`object`||!t)return!1;if(e===t)return!0;let n=e.source===t.source&&e.num_nodes===t.num_nodes&&e.groups.length===t.groups.length&&e.edges.length===t.edges.length&&e.nodes.every((e,n)=>e.id===t.nodes[n]?.id&&e.group===t.nodes[n].group)&&e.groups.every((e,n)=>e.id===t.groups[n]?.id&&e.layer===t.groups[n].layer);return n&&(this.index=$e(t)),n}updated(){let e=this.dataset;e.state=this.state,e.boxes=String(this.shown?.visible.boxes.length??0),e.clusters=String(this.shown?.visible.clusters.length??0),e.edges=String(this.shown?.result.links.length??0),e.matches=String(this.hits.length),this.selected===null?delete e.selected:e.selected=this.selected,this.client!==null&&(e.layoutMode=this.client.mode);let t=this.renderRoot.querySelector(`.viewport`);if(t!==null&&t!==this.wheelOn&&(t.addEventListener(`wheel`,e=>this.onWheel(e),{passive:!1}),this.wheelOn=t),this.applyTransform(),this.state!==`ready`||this.shown===null||this.focusKey===null)return;let n=this.renderRoot.activeElement,r=n instanceof SVGGElement&&n.dataset.key!==this.focusKey;(this.focusAfter!==null||r)&&(this.focusAfter=null,this.boxElement(this.focusKey)?.focus({preventScroll:!0}))}get words(){let e=this.language;return{nodes:t=>t===1?U(e,`onnx.nodes_one`):U(e,`onnx.nodes`,{count:t}),noName:U(e,`onnx.no_name`)}}get open(){return new Set([...this.expanded,...this.revealed])}reset(){let e=this.view;this.shown=null,this.selected=null,this.focusKey=null,this.query=``,this.hits=[],this.hit=-1,this.revealed=new Set,this.announced=null,this.firstDrawn=!1,typeof e!=`object`||!e||!Array.isArray(e.nodes)?(this.index=null,this.state=`ready`):(this.viewAt=performance.now(),this.index=$e(e),this.expanded=ot(this.index),this.next={fit:!0,anchor:null,center:null},this.selectedLayer!==void 0&&this.selectedLayer!==``&&this.followLayer(!1),this.relayout())}followLayer(e=!0){let t=this.index,n=this.selectedLayer;if(t===null||n===void 0||n===``||n===this.announced||this.selected!==null&&st(t,this.selected)===n)return;let r=ct(t,n);if(r===null)return;let i=G(`group`,r);this.selected=i,this.focusKey=i;for(let e of J(t,i))this.expanded.add(e);this.next.center=i,e&&this.relayout()}relayout(){let e=this.index;if(e===null)return;let t=this.open,n=nt(e,t),r=new Map,i=this.words;for(let t of n.boxes)r.set(t.key,gt(e,t,i));let a=new Map,o=n.edges.map(t=>{let n=_t(e,t);return n!==null&&a.set(`${t.source}\u0000${t.target}`,n.text),{source:t.source,target:t.target,labelWidth:n?.width??0,labelHeight:n?.height??0}}),s=n.boxes.map(e=>{let t=r.get(e.key);return{id:e.key,width:t.width,height:t.height,parent:e.parent}});this.client??=new Ve(new URL(Be,import.meta.url).href),this.shown!==null&&(this.state=`layout`),this.requestUpdate(),this.client.layout({boxes:s,clusters:n.clusters,links:o,clusterHeader:20}).then(t=>{t!==null&&this.index===e&&this.show(n,r,a,t)},t=>{this.index===e&&(this.state=`error`,this.error=t instanceof Error?t.message:String(t),this.requestUpdate())})}show(e,t,n,r){let i=new Map(Object.entries(r.boxes)),a=new Map(Object.entries(r.clusters)),o=new Map(i);for(let[e,t]of a)o.set(G(`group`,e),{x:t.x,y:t.y,width:t.width,height:20});let s=this.index,c=e=>s?.order.get(e)??-1,l=[...o.keys()].sort((e,t)=>c(e)-c(t)||(o.get(e)?.y??0)-(o.get(t)?.y??0));this.shown={visible:e,faces:t,boxes:new Map(e.boxes.map(e=>[e.key,e])),rects:i,frames:a,labels:n,result:r,nav:o,order:l},this.state=`ready`,this.focusKey!==null&&o.has(this.focusKey)||(this.focusKey=this.focusKey===null?l[0]??null:this.visibleKey(this.focusKey)),this.placeView(),this.requestUpdate(),this.updateComplete.then(()=>{requestAnimationFrame(()=>{let e=performance.now();this.firstDrawn||(this.firstDrawn=!0,this.dataset.firstViewMs=String(Math.round(e-this.viewAt)),this.dataset.drawnMs=String(Math.round(e))),this.actionAt>0&&(this.dataset.viewMs=String(Math.round(e-this.actionAt))),this.dataset.layoutMs=String(r.ms)})})}visibleKey(e){let t=this.index;if(t===null||this.shown===null)return e;let n=it(t,this.open,e);return this.shown.nav.has(n)?n:this.shown.order[0]??n}placeView(){let e=this.shown;if(e===null)return;let{width:t,height:n}=this.viewportSize(),r=this.next;if(this.next={fit:!1,anchor:null,center:null},r.fit&&this.fit(t,n,!0),r.anchor!==null){let t=e.nav.get(r.anchor.key);t!==void 0&&(this.tx=r.anchor.sx-t.x*this.k,this.ty=r.anchor.sy-t.y*this.k)}r.center!==null&&this.centerOn(r.center,t,n)}fit(e=this.viewportSize().width,t=this.viewportSize().height,n=!1){let r=this.shown?.result;if(r===void 0)return;let i=(e-16)/r.width,a=(t-16)/r.height,o=Math.max(Vt,Math.min(1,i,n&&!(Math.min(1,i,a)>=Ht)?1/0:a));this.k=o,this.tx=(e-r.width*o)/2,this.ty=Math.max(8,(t-r.height*o)/2)}centerOn(e,t,n){let r=this.shown?.nav.get(this.visibleKey(e));r!==void 0&&(this.tx=t/2-(r.x+r.width/2)*this.k,this.ty=n/2-(r.y+r.height/2)*this.k)}reveal(e){let t=this.shown?.nav.get(e);if(t===void 0)return;let{width:n,height:r}=this.viewportSize(),i=t.x*this.k+this.tx,a=t.y*this.k+this.ty,o=i+t.width*this.k,s=a+t.height*this.k;(i<0||a<0||o>n||s>r)&&(this.centerOn(e,n,r),this.scheduleTransform())}viewportSize(){let e=this.renderRoot.querySelector(`.viewport`);return{width:e?.clientWidth||600,height:e?.clientHeight||500}}toggle(e,t=!0){let n=this.index;if(n===null||!Y(n,e))return;let r=G(`group`,e),i=this.shown?.nav.get(r);if(i!==void 0&&(this.next.anchor={key:r,sx:i.x*this.k+this.tx,sy:i.y*this.k+this.ty}),this.open.has(e)){this.expanded.delete(e),this.revealed.delete(e);for(let t of[...this.revealed])J(n,G(`group`,t)).includes(e)&&this.revealed.delete(t)}else this.expanded.add(e);this.focusKey=r,t&&(this.focusAfter=r),this.actionAt=performance.now(),this.relayout()}select(e){let t=this.index;if(t===null)return;this.selected=e,this.focusKey=e;let n=st(t,e);this.requestUpdate(),n!==null&&(this.announced=n,this.dispatchEvent(new CustomEvent(`train-layer-select`,{bubbles:!0,composed:!0,detail:{layer:n}})))}collapseAll(){let e=this.index;e!==null&&(this.expanded=ot(e,0),this.revealed=new Set,this.next.fit=!0,this.actionAt=performance.now(),this.relayout())}zoomBy(e,t,n){let{width:r,height:i}=this.viewportSize(),a=t??r/2,o=n??i/2,s=Math.max(Vt,Math.min(Ut,this.k*e));this.tx=a-(a-this.tx)*s/this.k,this.ty=o-(o-this.ty)*s/this.k,this.k=s,this.scheduleTransform()}scheduleTransform(){cancelAnimationFrame(this.frame),this.frame=requestAnimationFrame(()=>this.applyTransform())}applyTransform(){this.renderRoot.querySelector(`.scene`)?.setAttribute(`transform`,`translate(${this.tx.toFixed(1)},${this.ty.toFixed(1)}) scale(${this.k.toFixed(4)})`)}onSearch(e){this.query=e;let t=this.index;if(t===null)return;this.hits=yt(t,e),this.hit=this.hits.length>0?0:-1,this.revealed=bt(t,this.expanded,this.hits,this.hit);let n=this.hits[0];this.next.center=n??null,this.actionAt=performance.now(),this.relayout()}onSearchKey(e){if(e.key===`Enter`){e.preventDefault();let t=this.index;if(t===null||this.hits.length===0)return;this.hit=St(this.hits.length,this.hit,e.shiftKey);let n=this.hits[this.hit]??null;if(n===null)return;let r=J(t,n).filter(e=>!this.open.has(e));if(r.length>0){for(let e of r)this.revealed.add(e);this.next.center=n,this.actionAt=performance.now(),this.relayout()}else{let{width:e,height:t}=this.viewportSize();this.centerOn(n,e,t),this.requestUpdate()}}else e.key===`Escape`&&this.query!==``&&(e.preventDefault(),e.currentTarget.value=``,this.onSearch(``))}keyOf(e){for(let t of e.composedPath()){if(t instanceof SVGGElement&&t.dataset.key!==void 0)return{key:t.dataset.key,el:t};if(t===e.currentTarget)break}return null}onClick(e){if(this.suppressClick){this.suppressClick=!1;return}let t=this.keyOf(e);if(t===null)return;t.el.focus({preventScroll:!0});let{kind:n,id:r}=K(t.key),i=e.composedPath().some(e=>e instanceof SVGElement&&e.classList.contains(`toggle-hit`));n===`group`&&i?this.toggle(r):this.select(t.key)}onDblClick(e){let t=this.keyOf(e);if(t===null)return;let{kind:n,id:r}=K(t.key);n===`group`&&this.toggle(r)}onKeyDown(e){let t=this.keyOf(e),n=this.shown,r=this.index;if(t===null||n===null||r===null)return;let{kind:i,id:a}=K(t.key),o=t.el.dataset.kind===`header`;if(e.key===`Enter`||e.key===` `){e.preventDefault(),i===`group`&&(o||Y(r,a))?(o||this.select(t.key),this.toggle(a)):this.select(t.key);return}if(e.key===`Escape`){let r=o?a:n.boxes.get(t.key)?.parent??null;r!==null&&(e.preventDefault(),this.toggle(r));return}let s=We(e.key),c;if(s!==null)c=Ge(n.nav,t.key,s);else if(e.key===`Home`)c=n.order[0]??null;else if(e.key===`End`)c=n.order[n.order.length-1]??null;else return;e.preventDefault(),c!==null&&(this.focusKey=c,this.reveal(c),this.boxElement(c)?.focus({preventScroll:!0}),this.requestUpdate())}onPointerDown(e){e.button===0&&(this.drag={id:e.pointerId,x:e.clientX,y:e.clientY,tx:this.tx,ty:this.ty,moved:!1})}onPointerMove(e){let t=this.drag;if(t?.id!==e.pointerId)return;let n=e.clientX-t.x,r=e.clientY-t.y;if(!(!t.moved&&Math.hypot(n,r)<Wt)){if(!t.moved){t.moved=!0;let n=e.currentTarget;n.setPointerCapture(e.pointerId),n.classList.add(`dragging`)}this.tx=t.tx+n,this.ty=t.ty+r,this.scheduleTransform()}}onPointerUp(e){let t=this.drag;t?.id===e.pointerId&&(this.drag=null,e.currentTarget.classList.remove(`dragging`),t.moved&&(this.suppressClick=!0,setTimeout(()=>{this.suppressClick=!1},0)))}onWheel(e){e.preventDefault();let t=e.currentTarget.getBoundingClientRect(),n=e.deltaMode===1?e.deltaY*16:e.deltaY;this.zoomBy(Math.exp(-n*.0015),e.clientX-t.left,e.clientY-t.top)}boxElement(e){for(let t of this.renderRoot.querySelectorAll(`g[data-key]`))if(t.dataset.key===e)return t;return null}renderBox(e,t,n,r,i){let a=t.rects.get(e.key),o=t.faces.get(e.key);if(a===void 0||o===void 0)return P;let s=this.language,{width:c,height:l}=a,u=[`box`,e.kind===`input`||e.kind===`output`?`value`:e.kind,`fam-${o.family}`,n.has(e.key)?`hit`:``,r.has(e.key)?`holds`:``,i===e.key?`current`:``].join(` `),[d,f]=o.lines,p,m;if(e.kind===`group`){let t=this.index?.groups.get(e.id);p=U(s,`onnx.box.group`,{name:t?.id??e.id,type:t?.type??U(s,`onnx.kind.module`),nodes:this.words.nodes(t?.num_nodes??0)}),r.has(e.key)&&(p+=`, ${U(s,`onnx.box.matches`)}`);let n=this.index!==null&&Y(this.index,e.id);m=M`<rect class="stack" x="3" y="3" width=${c} height=${l} rx="6"></rect>
        <rect class="shape" width=${c} height=${l} rx="6"></rect>
        <text class="title" x="10" y=${l/2-8}>${d}</text>
        <text class="sub" x="10" y=${l/2+9}>${f??``}</text>
        ${n?M`<rect class="toggle-hit" x=${c-26} y="0" width="26" height=${l}></rect><text class="toggle" x=${c-13} y=${l/2}>+</text>`:P}`}else if(e.kind===`node`){let t=this.index?.nodes.get(e.id);p=U(s,`onnx.box.node`,{op:t?.op_type??e.id,name:t===void 0||t.name===``?U(s,`onnx.no_name`):t.name}),m=M`<rect class="shape" width=${c} height=${l} rx="4"></rect>
        <text class="center" x=${c/2} y=${l/2}>${d}</text>`}else p=U(s,e.kind===`input`?`onnx.box.input`:`onnx.box.output`,{name:e.id}),f!==null&&(p+=`, ${f}`),m=M`<rect class="shape" width=${c} height=${l} rx=${l/2}></rect>
        <text class="center" x=${c/2} y=${l/2-7}>${d}</text>
        <text class="center sub" x=${c/2} y=${l/2+8}>${f??``}</text>`;return M`<g
      class=${u}
      transform="translate(${a.x},${a.y})"
      role="button"
      tabindex=${this.focusKey===e.key?`0`:`-1`}
      aria-label=${p}
      aria-pressed=${this.selected===e.key?`true`:`false`}
      aria-expanded=${e.kind===`group`&&this.index!==null&&Y(this.index,e.id)?`false`:P}
      data-key=${e.key}
      data-kind=${e.kind}
      data-id=${e.id}
    ><title>${o.title}</title><rect class="ring" x="-4" y="-4" width=${c+8} height=${l+8} rx="8"></rect>${m}</g>`}renderHeader(e,t,n,r){let i=this.index;if(i===null)return P;let a=G(`group`,e),o=i.groups.get(e),s=this.language,c=vt(i,e,t.width);return M`<g
      class=${[`box`,`header`,n.has(a)?`hit`:``,r===a?`current`:``].join(` `)}
      transform="translate(${t.x},${t.y})"
      role="button"
      tabindex=${this.focusKey===a?`0`:`-1`}
      aria-label=${U(s,`onnx.box.expanded`,{name:e,type:o?.type??U(s,`onnx.kind.module`)})}
      aria-pressed=${this.selected===a?`true`:`false`}
      aria-expanded="true"
      data-key=${a}
      data-kind="header"
      data-id=${e}
    ><title>${e}${o?.type==null?``:`\n${o.type}`}</title>
      <rect class="ring" x="-2" y="-2" width=${t.width+4} height=${24} rx="6"></rect>
      <rect class="hitbar" width=${t.width} height=${20} rx="6"></rect>
      <rect class="toggle-hit" width="22" height=${20}></rect>
      <text class="toggle" x="11" y=${10}>−</text>
      <text x="22" y=${10}>${c}</text></g>`}renderDrawing(e){let t=this.index;if(t===null)return P;let n=new Set(this.hits),r=xt(t,this.open,this.hits),i=this.hits[this.hit]??null,a=i===null?null:it(t,this.open,i),o=this.selected===null?null:it(t,this.open,this.selected),s=e=>(t.chains.get(e)?.length??1)-1;return M`<g class="scene">
      <g class="frames" aria-hidden="true">${e.visible.clusters.map(t=>{let n=e.frames.get(t.id);return n===void 0?P:M`<rect class=${s(t.id)%2==1?`frame odd`:`frame`} x=${n.x} y=${n.y} width=${n.width} height=${n.height} rx="8" data-frame=${t.id}></rect>`})}</g>
      <g class="edges" aria-hidden="true">${e.result.links.map(e=>{let t=o!==null&&(e.source===o||e.target===o);return M`<path class=${t?`edge hot`:`edge`} d=${Ke(e.points)} marker-end=${t?`url(#onnx-arrow-hot)`:`url(#onnx-arrow)`}></path>`})}</g>
      <g class="labels" aria-hidden="true">${e.result.links.map(t=>{let n=e.labels.get(`${t.source}\u0000${t.target}`),r=t.label;return n===void 0||r===null?P:M`<text class="elabel" x=${r[0]} y=${r[1]}>${n}</text>`})}</g>
      <g class="boxes">${e.visible.clusters.map(t=>{let r=e.frames.get(t.id);return r===void 0?P:this.renderHeader(t.id,r,n,a)})}${e.visible.boxes.map(t=>this.renderBox(t,e,n,r,a))}</g>
    </g>`}render(){let e=this.language,t=this.index;if(t===null)return j`<p class="muted empty">${U(e,`onnx.empty`)}</p>`;let n=this.shown,r=this.query.trim()===``?``:this.hits.length===0?U(e,`onnx.search.none`):U(e,`onnx.search.count`,{index:this.hit+1,count:this.hits.length}),i=this.state===`error`?j`<p class="status error" part="status" role="alert">
            ${U(e,`onnx.layout_failed`,{message:this.error})}
          </p>`:this.state===`ready`?P:j`<p class="status" part="status" role="status">${U(e,`onnx.laying_out`)}</p>`;return j`<div class="toolbar" part="toolbar">
        <input
          type="search"
          part="search"
          aria-label=${U(e,`onnx.search`)}
          placeholder=${U(e,`onnx.search.placeholder`)}
          .value=${this.query}
          @input=${e=>this.onSearch(e.target.value)}
          @keydown=${e=>this.onSearchKey(e)}
        />
        <span class="count" aria-live="polite">${r}</span>
        <span class="tools">
          <button
            type="button"
            data-action="zoom-in"
            aria-label=${U(e,`onnx.zoom_in`)}
            title=${U(e,`onnx.zoom_in`)}
            @click=${()=>this.zoomBy(1.25)}
          >
            +
          </button>
          <button
            type="button"
            data-action="zoom-out"
            aria-label=${U(e,`onnx.zoom_out`)}
            title=${U(e,`onnx.zoom_out`)}
            @click=${()=>this.zoomBy(.8)}
          >
            −
          </button>
          <button
            type="button"
            data-action="fit"
            @click=${()=>{this.fit(),this.applyTransform()}}
          >
            ${U(e,`onnx.fit`)}
          </button>
          <button type="button" data-action="collapse-all" @click=${()=>this.collapseAll()}>
            ${U(e,`onnx.collapse_all`)}
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
          aria-label=${this.label||U(e,`onnx.graph`,{count:t.view.num_nodes})}
          @click=${e=>this.onClick(e)}
          @dblclick=${e=>this.onDblClick(e)}
          @keydown=${e=>this.onKeyDown(e)}
        >
          <defs>
            <marker
              id="onnx-arrow"
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
              id="onnx-arrow-hot"
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
          ${n===null?P:this.renderDrawing(n)}
        </svg>
        ${i}
      </div>
      <p class="help muted">${U(e,`onnx.help`)}</p>
      <section class="panel" part="panel" aria-live="polite">
        ${Nt(t,this.selected,this.open,e,{toggle:e=>this.toggle(e,!1),select:e=>{this.select(e);for(let n of J(t,e))this.expanded.add(n);this.next.center=e,this.relayout()}})}
      </section>`}};ze(`onnx-graph-view`,Gt);export{Gt as OnnxGraphView};