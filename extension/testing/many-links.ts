// Test and benchmark data: a one-page PDF carrying tens of thousands of link annotations (the
// file that froze the tab in issue #18), made on the fly so no large file is committed. Written
// as plain PDF syntax, not with pdf-lib, which takes seconds for this many objects.

/** A one-page A4 PDF with a line of text and `count` URI link annotations in a grid. */
export function manyLinksPdf(count = 32_768): Uint8Array {
  const parts: string[] = [];
  const offsets: number[] = [];
  let length = 0;
  const add = (s: string) => {
    parts.push(s);
    length += s.length; // ASCII only
  };
  const obj = (n: number, body: string) => {
    offsets[n] = length;
    add(`${n} 0 obj\n${body}\nendobj\n`);
  };
  const first = 6; // objects 1–5: catalog, pages, page, content, font
  const content = 'BT /F1 14 Tf 72 800 Td (Danh muc lien ket - many links) Tj ET';
  add('%PDF-1.4\n');
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  const annots = Array.from({ length: count }, (_, i) => `${first + i} 0 R`).join(' ');
  obj(
    3,
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R ` +
      `/Resources << /Font << /F1 5 0 R >> >> /Annots [${annots}] >>`,
  );
  obj(4, `<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  obj(5, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const columns = 128;
  const w = 595 / columns;
  const h = 760 / Math.ceil(count / columns);
  for (let i = 0; i < count; i++) {
    const x = ((i % columns) * w).toFixed(2);
    const y = (20 + Math.floor(i / columns) * h).toFixed(2);
    const x2 = ((i % columns) * w + w).toFixed(2);
    const y2 = (20 + Math.floor(i / columns) * h + h).toFixed(2);
    obj(
      first + i,
      `<< /Type /Annot /Subtype /Link /Rect [${x} ${y} ${x2} ${y2}] /Border [0 0 0] ` +
        `/A << /S /URI /URI (https://example.org/${i}) >> >>`,
    );
  }
  const size = first + count;
  const xref = length;
  add(`xref\n0 ${size}\n0000000000 65535 f \n`);
  for (let n = 1; n < size; n++) add(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  add(`trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new TextEncoder().encode(parts.join(''));
}
