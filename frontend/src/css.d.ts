/** Vite's `?inline` CSS imports: the stylesheet's text, for Lit's `unsafeCSS`. */
declare module "*.css?inline" {
  const css: string;
  export default css;
}
