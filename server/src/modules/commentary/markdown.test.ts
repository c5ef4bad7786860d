import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.ts";

describe("renderMarkdown", () => {
  it("renders emphasis, lists and links", () => {
    expect(renderMarkdown("**Up** since *2023*\n\n- one\n- [DfE](https://www.gov.uk)")).toBe(
      '<p><strong>Up</strong> since <em>2023</em></p>\n<ul>\n<li>one</li>\n<li><a href="https://www.gov.uk" rel="noopener noreferrer">DfE</a></li>\n</ul>\n',
    );
  });

  it("removes script tags and event handlers", () => {
    const html = renderMarkdown('<script>alert(1)</script><img src=x onerror="alert(1)"> text');
    expect(html).not.toMatch(/script|onerror|<img/i);
    expect(html).toContain("text");
  });

  it("drops javascript: links", () => {
    expect(renderMarkdown("[click](javascript:alert(1))")).not.toContain("javascript:");
  });
});
