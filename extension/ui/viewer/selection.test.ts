// @vitest-environment happy-dom
// Text offsets in a pdf.js-like text layer (spans, marked-content spans, <br> after end-of-line
// items) agree with the importer's page text, in both directions.
import { describe, expect, test } from 'vitest';
import { joinTextItems } from '../../import/pdf-read';
import { rangeFromOffsets, textOffset } from './selection';

const ITEMS = [
  { str: 'NGHỊ ĐỊNH', hasEOL: true },
  { str: 'Điều 1. ' },
  { str: 'Phạm vi điều chỉnh', hasEOL: true },
  { str: 'Nghị định này quy định' },
];

/** Builds a text layer as pdf.js does: one span per item, a <br> after end-of-line items. */
function textLayer(): HTMLElement {
  const layer = document.createElement('div');
  layer.className = 'textLayer';
  const marked = document.createElement('span');
  marked.className = 'markedContent';
  const span = (i: number) => {
    const el = document.createElement('span');
    el.textContent = ITEMS[i]!.str;
    el.dataset.item = String(i);
    return el;
  };
  const br = () => document.createElement('br');
  marked.append(span(1), span(2), br());
  layer.append(span(0), br(), marked, span(3));
  document.body.replaceChildren(layer);
  return layer;
}

const itemText = (layer: HTMLElement, i: number) =>
  layer.querySelector(`[data-item="${i}"]`)!.firstChild!;

describe('text layer offsets', () => {
  test('a selection inside one span maps to the same characters of the page text', () => {
    const layer = textLayer();
    const text = joinTextItems(ITEMS);
    const node = itemText(layer, 2); // "Phạm vi điều chỉnh"
    const start = textOffset(layer, node, 0);
    const end = textOffset(layer, node, 7);
    expect(text.slice(start, end)).toBe('Phạm vi');
  });

  test('offsets after a line break count the break as one character', () => {
    const layer = textLayer();
    const text = joinTextItems(ITEMS);
    const node = itemText(layer, 3);
    expect(text.slice(textOffset(layer, node, 0), textOffset(layer, node, 9))).toBe('Nghị định');
  });

  test('a range rebuilt from page-text offsets covers the same text', () => {
    const layer = textLayer();
    const text = joinTextItems(ITEMS);
    const start = text.indexOf('Điều 1.');
    const end = text.indexOf('điều chỉnh') + 'điều chỉnh'.length;
    const range = rangeFromOffsets(layer, start, end)!;
    expect(range.toString()).toBe('Điều 1. Phạm vi điều chỉnh');
  });

  test('the end of the layer (a selection clipped at the page’s end) is the end of the page text', () => {
    const layer = textLayer();
    expect(textOffset(layer, layer, layer.childNodes.length)).toBe(joinTextItems(ITEMS).length);
  });
});
