import { describe, expect, it } from "vitest";

import {
  RangeSelection,
  type RangeSelectDetail,
  type SelectTarget,
} from "../src/lib/chart-select.js";

type Box = { left: number; top: number; width: number; height: number };

/** A plot with x = CSS px / 2 (so px 100 is iteration 50), recording the boxes it is given. */
function plot(select: Box = { left: 0, top: 0, width: 0, height: 0 }) {
  const boxes: Box[] = [];
  const u: SelectTarget = {
    select,
    setSelect: (opts: Box, fire?: boolean) => {
      expect(fire).toBe(false);
      boxes.push(opts);
    },
    posToVal: (px: number) => px / 2,
    valToPos: (v: number) => v * 2,
    over: { clientHeight: 150 },
  };
  return { u, boxes };
}

/** A selection on a host that records its `train-range-select` events. */
function selection(enabled = true) {
  const host = new EventTarget();
  const events: CustomEvent<RangeSelectDetail>[] = [];
  host.addEventListener("train-range-select", (e) =>
    events.push(e as CustomEvent<RangeSelectDetail>),
  );
  const state = { enabled };
  return { sel: new RangeSelection(host, () => state.enabled), events, state };
}

function mouse(type: string, x: number, y: number): Event {
  return Object.assign(new Event(type), { clientX: x, clientY: y });
}

describe("RangeSelection", () => {
  it("takes the dragged box as a range in iterations and fires it", () => {
    const { sel, events } = selection();
    sel.onSelect(plot({ left: 40, top: 0, width: 100, height: 150 }).u);
    expect(sel.current).toEqual([20, 70]);
    expect(events.map((e) => e.detail)).toEqual([{ x0: 20, x1: 70 }]);
    expect(events[0]?.bubbles).toBe(true);
    expect(events[0]?.composed).toBe(true);
  });

  it("ignores boxes under 1 px and charts that are not selectable", () => {
    const { sel, events, state } = selection();
    sel.onSelect(plot({ left: 40, top: 0, width: 0.5, height: 150 }).u);
    state.enabled = false;
    sel.onSelect(plot({ left: 40, top: 0, width: 100, height: 150 }).u);
    expect(sel.current).toBeNull();
    expect(events).toEqual([]);
  });

  it("clears the range and its box, and fires null", () => {
    const { sel, events } = selection();
    const { u, boxes } = plot({ left: 40, top: 0, width: 100, height: 150 });
    sel.onSelect(u);
    sel.clear(u);
    expect(sel.current).toBeNull();
    expect(boxes).toEqual([{ left: 0, top: 0, width: 0, height: 0 }]);
    expect(events.map((e) => e.detail)).toEqual([{ x0: 20, x1: 70 }, null]);
    sel.clear(null);
    expect(events).toHaveLength(3);
  });

  it("puts the box back over the range after a redraw", () => {
    const { sel } = selection();
    const first = plot({ left: 40, top: 0, width: 100, height: 150 });
    sel.restore(first.u); // no range yet: nothing to put back
    expect(first.boxes).toEqual([]);
    sel.onSelect(first.u);
    const redrawn = plot();
    sel.restore(redrawn.u);
    expect(redrawn.boxes).toEqual([{ left: 40, top: 0, width: 100, height: 150 }]);
  });

  it("clears on a click, but not at the end of a drag", () => {
    const { sel, events } = selection();
    const { u } = plot({ left: 40, top: 0, width: 100, height: 150 });
    const over = new EventTarget();
    sel.listen(over, u);
    sel.onSelect(u);
    over.dispatchEvent(mouse("mousedown", 10, 10));
    over.dispatchEvent(mouse("click", 13, 12));
    expect(events.map((e) => e.detail)).toEqual([{ x0: 20, x1: 70 }, null]);
    over.dispatchEvent(mouse("mousedown", 10, 10));
    over.dispatchEvent(mouse("click", 14, 10));
    expect(events).toHaveLength(2);
  });

  it("takes no click without its press, nor on a chart that is not selectable", () => {
    const { sel, events, state } = selection();
    const { u } = plot();
    const over = new EventTarget();
    sel.listen(over, u);
    over.dispatchEvent(mouse("click", 10, 10));
    state.enabled = false;
    over.dispatchEvent(mouse("mousedown", 10, 10));
    over.dispatchEvent(mouse("click", 10, 10));
    expect(events).toEqual([]);
  });
});
