/** The --env publicUrl setting of the web build: checked before anything is built. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { normalisePublicUrl } = require("../../scripts/publicUrl") as { normalisePublicUrl(raw: unknown): string | undefined };

describe("publicUrl", () => {
  test("is a folder: a trailing slash is added", () => {
    expect(normalisePublicUrl("https://cdn.example.com/chokepoint")).toBe("https://cdn.example.com/chokepoint/");
    expect(normalisePublicUrl(undefined)).toBeUndefined();
  });
  test.each([
    ["not a url", /is not a URL/],
    ["http://cdn.example.com/", /must start with https/],
    ["https://cdn.example.com/?v=1", /query/],
    ["https://localhost:3000/", /dev server/],
  ])("refuses %s with a message saying what to give", (raw, message) => {
    expect(() => normalisePublicUrl(raw)).toThrow(message);
  });
});
