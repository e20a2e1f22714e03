// Operating-rules text as headings and paragraphs: a line starting with
// "# " is a heading, blank lines separate paragraphs. Plain text only — no
// HTML from the text ever reaches the page.
export function RulesText({ text }: { text: string }) {
  const blocks: { heading: boolean; lines: string[] }[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (/^#{1,6}\s/.test(line)) {
      blocks.push({ heading: true, lines: [line.replace(/^#{1,6}\s+/, '')] });
    } else if (line === '') {
      blocks.push({ heading: false, lines: [] });
    } else {
      const last = blocks[blocks.length - 1];
      if (last && !last.heading) last.lines.push(line);
      else blocks.push({ heading: false, lines: [line] });
    }
  }
  return (
    <div class="rules-text">
      {blocks
        .filter((b) => b.lines.length > 0)
        .map((b, i) =>
          b.heading ? (
            <h2 key={i}>{b.lines[0]}</h2>
          ) : (
            <p key={i}>
              {b.lines.map((l, j) => (
                <span key={j} class="rules-line">
                  {l}
                </span>
              ))}
            </p>
          ),
        )}
    </div>
  );
}
