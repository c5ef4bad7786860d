import { describe, expect, it } from "vitest";
import { formatFileSize } from "./format-file-size.ts";

describe("formatFileSize", () => {
  it("counts small files in bytes", () => {
    expect(formatFileSize(0)).toBe("0 bytes");
    expect(formatFileSize(1)).toBe("1 byte");
    expect(formatFileSize(1023)).toBe("1,023 bytes");
  });

  it("keeps one decimal place below ten of a unit and none above", () => {
    expect(formatFileSize(1536)).toBe("1.5 KB");
    expect(formatFileSize(20 * 1024 + 300)).toBe("20 KB");
    expect(formatFileSize(3.25 * 1024 * 1024)).toBe("3.3 MB");
  });

  it("uses the megabytes the upload limit is set in", () => {
    expect(formatFileSize(140 * 1024 * 1024)).toBe("140 MB");
    expect(formatFileSize(100 * 1024 * 1024)).toBe("100 MB");
    expect(formatFileSize(2 * 1024 * 1024 * 1024)).toBe("2 GB");
  });

  it("moves up a unit rather than showing 1,024 of one", () => {
    expect(formatFileSize(1024 * 1024 - 10)).toBe("1 MB");
  });
});
