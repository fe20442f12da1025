/** Plain-text helpers shared by builders. */

/**
 * Splits text into lines of at most `width` characters at spaces (a longer word stays whole),
 * so long notes stay readable in hosts that do not wrap.
 * @example wrapText("a bb ccc", 4) // returns ["a bb", "ccc"]
 */
export function wrapText(text: string, width = 140): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A lower-case file-name part.
 * @example slug("US volume cap") // returns "us-volume-cap"
 */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "sheet";
}
