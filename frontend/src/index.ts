/**
 * @fitscope/frontend: the types of fitscope's records, generated from schemas/, and the pure
 * helpers the charts build on. Web components arrive in later modules, one element per file.
 */

export type * from "./types/records.js";
export { formatFloatValue, parseFloatValue } from "./values.js";
