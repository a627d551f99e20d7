// The annotation layer's cap: pure selection first, then a generated many-link PDF read by pdf.js
// through a capped document.
import { describe, expect, it } from 'vitest';
import { nodePdfJs } from '../../testing/corpus';
import { manyLinksPdf } from '../../testing/many-links';
import { capAnnotations, capDocumentAnnotations, MAX_LAYER_ANNOTATIONS } from './annotation-cap';

const LINK = 2;
const WIDGET = 20;
const TEXT = 1;
const link = (id: string) => ({ id, annotationType: LINK });

describe('capAnnotations', () => {
  it('keeps every annotation of a page under the cap, in order', () => {
    const page = [link('a'), { id: 'b', annotationType: TEXT }, link('c')];
    expect(capAnnotations(page, 3)).toEqual(page);
  });

  it("over the cap keeps the document's comments and form fields first, then links, in document order", () => {
    const page = [
      link('l1'),
      { id: 'w', annotationType: WIDGET },
      link('l2'),
      link('l3'),
      { id: 't', annotationType: TEXT },
      link('l4'),
    ];
    expect(capAnnotations(page, 4).map((a) => a.id)).toEqual(['l1', 'w', 'l2', 't']);
  });
});

describe('capDocumentAnnotations', () => {
  it(`a page with more links than the cap gives the annotation layer ${MAX_LAYER_ANNOTATIONS}`, async () => {
    const pdfjs = await nodePdfJs();
    const doc = await pdfjs.getDocument({
      data: manyLinksPdf(MAX_LAYER_ANNOTATIONS + 100),
      isEvalSupported: false,
      verbosity: 0,
    }).promise;
    capDocumentAnnotations(capDocumentAnnotations(doc));
    const page = await doc.getPage(1);
    const annotations = await page.getAnnotations();
    expect(annotations).toHaveLength(MAX_LAYER_ANNOTATIONS);
    expect(annotations[0]).toMatchObject({ subtype: 'Link', url: 'https://example.org/0' });
    await doc.destroy();
  });
});
