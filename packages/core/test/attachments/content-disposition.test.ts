import { describe, expect, it } from "vitest";
import { safeFilename } from "../../src/attachments/attachment-filename.ts";
import { attachmentDisposition } from "../../src/attachments/content-disposition.ts";

const pdf = { mime: "application/pdf", extensions: ["pdf"], label: "PDF" };

describe("attachmentDisposition", () => {
  it("cannot be broken out of by quotes, semicolons or line breaks", () => {
    const header = attachmentDisposition('a";\r\nSet-Cookie: x=1;.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toBe(
      `attachment; filename="a____Set-Cookie: x=1_.pdf"; filename*=UTF-8''a%22%3B%0D%0ASet-Cookie%3A%20x%3D1%3B.pdf`,
    );
  });
});

describe("safeFilename", () => {
  it("keeps a name that matches its detected type", () => expect(safeFilename("Receipt.PDF", pdf)).toBe("Receipt.PDF"));
  it("adds the real extension to a misleading one", () =>
    expect(safeFilename("invoice.html", pdf)).toBe("invoice.html.pdf"));
  it("drops folders and control characters", () =>
    expect(safeFilename("../../etc/\u0000passwd", pdf)).toBe("passwd.pdf"));
  it("names a nameless file", () => expect(safeFilename("", pdf)).toBe("attachment.pdf"));
  it("caps the length, keeping the extension", () => {
    const name = safeFilename(`${"x".repeat(300)}.txt`, pdf);
    expect(name).toHaveLength(200);
    expect(name.endsWith(".pdf")).toBe(true);
  });
});
