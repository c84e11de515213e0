import { describe, expect, it } from "vitest";

import {
  formatBytes,
  formatDateTime,
  formatDuration,
  formatInteger,
  formatNumber,
  formatPercent,
  formatRate,
} from "../src/lib/format.js";
import { formatFloatValue } from "../src/values.js";

const NON_FINITE: [number | null, string][] = [
  [null, "—"],
  [Number.NaN, "NaN"],
  [Number.POSITIVE_INFINITY, "+Inf"],
  [Number.NEGATIVE_INFINITY, "-Inf"],
];

describe("formatBytes", () => {
  it("shows whole byte counts under 1 KiB exactly", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(1)).toBe("1 B");
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1023)).toBe("1023 B");
  });

  it("steps by 1024 through the binary units at three significant digits", () => {
    expect(formatBytes(1024)).toBe("1.00 KiB");
    expect(formatBytes(1536)).toBe("1.50 KiB");
    expect(formatBytes(1.5 * 1024 ** 3)).toBe("1.50 GiB");
    expect(formatBytes(15.5 * 1024 ** 2)).toBe("15.5 MiB");
    expect(formatBytes(155 * 1024)).toBe("155 KiB");
    expect(formatBytes(2 * 1024 ** 4)).toBe("2.00 TiB");
    expect(formatBytes(3 * 1024 ** 5)).toBe("3.00 PiB");
    // 16 GiB of a device: 17179869184 bytes
    expect(formatBytes(17179869184)).toBe("16.0 GiB");
    // 1234567 B = 1.17737... MiB
    expect(formatBytes(1234567)).toBe("1.18 MiB");
  });

  it("rounds at the unit boundary without exponent notation", () => {
    expect(formatBytes(1023 * 1024)).toBe("1023 KiB");
    expect(formatBytes(999.6 * 1024)).toBe("1000 KiB");
    expect(formatBytes(9.996 * 1024)).toBe("10.0 KiB");
    expect(formatBytes(99.96 * 1024)).toBe("100 KiB");
  });

  it("stays in PiB past the last unit", () => {
    expect(formatBytes(2048 * 1024 ** 5)).toBe("2048 PiB");
  });

  it("keeps the sign of negative values", () => {
    expect(formatBytes(-1536)).toBe("-1.50 KiB");
    expect(formatBytes(-512)).toBe("-512 B");
    expect(formatBytes(-0)).toBe("0 B");
  });

  it("shows fractional bytes at three significant digits", () => {
    expect(formatBytes(0.5)).toBe("0.500 B");
    expect(formatBytes(1.25)).toBe("1.25 B");
  });

  it("labels absent and non-finite values", () => {
    for (const [v, label] of NON_FINITE) expect(formatBytes(v)).toBe(label);
  });
});

describe("formatNumber", () => {
  it("is formatFloatValue at the default four digits", () => {
    for (const v of [0, -0, 0.012345, 1234567, 1e-7, 3.14159, -2.5, 99999, 123456, null]) {
      expect(formatNumber(v)).toBe(formatFloatValue(v));
    }
    expect(formatNumber(Math.PI)).toBe("3.142");
  });

  it("takes other numbers of significant digits", () => {
    expect(formatNumber(Math.PI, 2)).toBe("3.1");
    expect(formatNumber(Math.PI, 6)).toBe("3.14159");
    expect(formatNumber(0.012345, 2)).toBe("0.012");
    expect(formatNumber(1234567, 2)).toBe("1.2e+6");
    expect(formatNumber(1e-7, 2)).toBe("1e-7");
    expect(formatNumber(-0.5, 1)).toBe("-0.5");
    // plain digits up to 10^digits when that is past 1e5
    expect(formatNumber(123456, 6)).toBe("123456");
    expect(formatNumber(1234567, 6)).toBe("1.23457e+6");
    expect(formatNumber(0, 2)).toBe("0");
  });

  it("labels absent and non-finite values at any precision", () => {
    for (const digits of [2, 4, 7]) {
      for (const [v, label] of NON_FINITE) expect(formatNumber(v, digits)).toBe(label);
    }
  });

  it("rejects a bad number of digits", () => {
    expect(() => formatNumber(1, 0)).toThrow(RangeError);
    expect(() => formatNumber(1, 2.5)).toThrow(RangeError);
    expect(() => formatNumber(1, Number.NaN)).toThrow(RangeError);
    expect(() => formatNumber(1, 101)).toThrow(RangeError);
  });
});

describe("formatInteger", () => {
  it("groups thousands with commas", () => {
    expect(formatInteger(0)).toBe("0");
    expect(formatInteger(999)).toBe("999");
    expect(formatInteger(1000)).toBe("1,000");
    expect(formatInteger(38314)).toBe("38,314");
    expect(formatInteger(123456789)).toBe("123,456,789");
    expect(formatInteger(-1000000)).toBe("-1,000,000");
    expect(formatInteger(Number.MAX_SAFE_INTEGER)).toBe("9,007,199,254,740,991");
  });

  it("rounds halves away from zero and drops the sign of zero", () => {
    expect(formatInteger(1234.5)).toBe("1,235");
    expect(formatInteger(-1234.5)).toBe("-1,235");
    expect(formatInteger(-0.4)).toBe("0");
    expect(formatInteger(-0)).toBe("0");
  });

  it("falls back to exponent form past 1e21", () => {
    expect(formatInteger(1e21)).toBe("1e+21");
  });

  it("labels absent and non-finite values", () => {
    for (const [v, label] of NON_FINITE) expect(formatInteger(v)).toBe(label);
  });
});

describe("formatRate", () => {
  it("shows two decimals", () => {
    expect(formatRate(720.2849)).toBe("720.28");
    expect(formatRate(0.5)).toBe("0.50");
    expect(formatRate(12)).toBe("12.00");
    expect(formatRate(-3.456)).toBe("-3.46");
    expect(formatRate(0)).toBe("0.00");
    expect(formatRate(-0.001)).toBe("0.00");
  });

  it("labels absent and non-finite values", () => {
    for (const [v, label] of NON_FINITE) expect(formatRate(v)).toBe(label);
  });
});

describe("formatDuration", () => {
  const S = 1000;
  const MIN = 60 * S;
  const H = 60 * MIN;
  const D = 24 * H;

  it("shows seconds with two decimals under 10 s and one under 60 s", () => {
    expect(formatDuration(0)).toBe("0.00 s");
    expect(formatDuration(570)).toBe("0.57 s");
    expect(formatDuration(9994)).toBe("9.99 s");
    expect(formatDuration(12345)).toBe("12.3 s");
    expect(formatDuration(59940)).toBe("59.9 s");
  });

  it("moves to the next form when rounding reaches it", () => {
    expect(formatDuration(9996)).toBe("10.0 s");
    expect(formatDuration(59960)).toBe("1 min 0 s");
    expect(formatDuration(H - 400)).toBe("1 h 00 min");
    expect(formatDuration(D - 20 * S)).toBe("1 d 0 h");
  });

  it("shows minutes and seconds under an hour", () => {
    expect(formatDuration(MIN)).toBe("1 min 0 s");
    expect(formatDuration(12 * MIN + 5 * S)).toBe("12 min 5 s");
    expect(formatDuration(12 * MIN + 5.4 * S)).toBe("12 min 5 s");
    expect(formatDuration(59 * MIN + 59 * S)).toBe("59 min 59 s");
  });

  it("shows hours and padded minutes under a day", () => {
    expect(formatDuration(3 * H + 2 * MIN)).toBe("3 h 02 min");
    expect(formatDuration(3 * H + 2 * MIN + 31 * S)).toBe("3 h 03 min");
    expect(formatDuration(23 * H + 59 * MIN)).toBe("23 h 59 min");
  });

  it("shows days and hours beyond", () => {
    expect(formatDuration(2 * D + 4 * H)).toBe("2 d 4 h");
    expect(formatDuration(2 * D + 4 * H + 29 * MIN)).toBe("2 d 4 h");
    expect(formatDuration(400 * D)).toBe("400 d 0 h");
  });

  it("shows absent, non-finite and negative values as numbers", () => {
    for (const [v, label] of NON_FINITE) expect(formatDuration(v)).toBe(label);
    expect(formatDuration(-5)).toBe("-5");
    expect(formatDuration(-1500)).toBe("-1500");
    expect(formatDuration(-0)).toBe("0.00 s");
  });
});

describe("formatDateTime", () => {
  it("formats in a given time zone as yyyy-MM-dd HH:mm:ss", () => {
    expect(formatDateTime(0, "UTC")).toBe("1970-01-01 00:00:00");
    // 2024-03-05T17:04:09.999Z, computed from the UTC fields, not from a formatter
    const t = Date.UTC(2024, 2, 5, 17, 4, 9, 999);
    expect(formatDateTime(t, "UTC")).toBe("2024-03-05 17:04:09");
    expect(formatDateTime(t, "Asia/Shanghai")).toBe("2024-03-06 01:04:09");
    expect(formatDateTime(t, "America/New_York")).toBe("2024-03-05 12:04:09");
    expect(formatDateTime(t, "Asia/Kolkata")).toBe("2024-03-05 22:34:09");
  });

  it("uses a 24-hour clock, midnight as 00", () => {
    expect(formatDateTime(Date.UTC(2023, 11, 31, 0, 0, 0), "UTC")).toBe("2023-12-31 00:00:00");
    expect(formatDateTime(Date.UTC(2023, 11, 31, 23, 59, 59), "UTC")).toBe("2023-12-31 23:59:59");
    expect(formatDateTime(Date.UTC(2023, 6, 1, 13, 0, 0), "UTC")).toBe("2023-07-01 13:00:00");
  });

  it("pads years before 1000", () => {
    expect(formatDateTime(Date.UTC(500, 0, 2, 3, 4, 5), "UTC")).toBe("0500-01-02 03:04:05");
  });

  it("formats in the local zone by default, matching Date's local fields", () => {
    const t = Date.UTC(2021, 4, 17, 8, 30, 15);
    const d = new Date(t);
    const p = (n: number): string => String(n).padStart(2, "0");
    const expected =
      `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ` +
      `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
    expect(formatDateTime(t)).toBe(expected);
  });

  it("labels absent, non-finite and out-of-range times", () => {
    for (const [v, label] of NON_FINITE) expect(formatDateTime(v, "UTC")).toBe(label);
    expect(formatDateTime(9e15, "UTC")).toBe("9e+15");
  });

  it("rejects an unknown time zone", () => {
    expect(() => formatDateTime(0, "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("formatPercent", () => {
  it("shows fractions as percentages, one decimal from 10 %, two below", () => {
    expect(formatPercent(0.375)).toBe("37.5 %");
    expect(formatPercent(1 / 48)).toBe("2.08 %");
    expect(formatPercent(0.5)).toBe("50 %");
    expect(formatPercent(0.1)).toBe("10 %");
    expect(formatPercent(0.125)).toBe("12.5 %");
    expect(formatPercent(0.0005)).toBe("0.05 %");
  });

  it("keeps 0 and 100 % exact and never rounds a non-zero value to them", () => {
    expect(formatPercent(0)).toBe("0 %");
    expect(formatPercent(-0)).toBe("0 %");
    expect(formatPercent(1)).toBe("100 %");
    expect(formatPercent(1e-7)).toBe("<0.01 %");
    expect(formatPercent(0.99999)).toBe(">99.9 %");
    expect(formatPercent(2)).toBe("200 %");
  });

  it("labels absent and non-finite values", () => {
    for (const [v, label] of NON_FINITE) expect(formatPercent(v)).toBe(label);
  });
});
