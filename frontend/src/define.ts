/**
 * Guarded registration of custom elements.
 *
 * A portal may load two copies of the bundle (two versions, or one twice); a plain
 * `customElements.define` throws on the second. The first definition wins, and a different
 * version is reported once on the console.
 */

/** The version of this bundle, compared when a tag is already defined. */
export const VERSION = "0.1.0";

const OWNER = Symbol.for("fitscope.ui.version");

/** Defines `tag` as `cls` unless the tag is taken; warns when it is taken by another version. */
export function define(tag: string, cls: CustomElementConstructor): void {
  const existing: (CustomElementConstructor & { [OWNER]?: string }) | undefined =
    customElements.get(tag);
  if (existing !== undefined) {
    const other = existing[OWNER];
    if (other !== VERSION) {
      console.warn(
        `fitscope: <${tag}> is already defined (version ${other ?? "unknown"}); this copy (${VERSION}) is not used.`,
      );
    }
    return;
  }
  Object.defineProperty(cls, OWNER, { value: VERSION });
  customElements.define(tag, cls);
}
