import { describe, expect, it } from 'vitest';
import { loadSample } from '../../samples/loadSamples.node';
import { exportFlowchartSvg } from './exportFlowchart';
import { symbolPath } from './symbols';

describe('exportFlowchartSvg', () => {
  it('draws the lanes, the step numbers and one symbol per actor of each step', () => {
    const doc = loadSample('blt-sk-kip')!;
    const svg = exportFlowchartSvg(doc, 'main')!;
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    for (const lane of doc.flows[0]!.lanes) {
      const label = doc.actors.find((a) => a.id === lane)!.label;
      expect(svg).toContain(label.split(' ')[0]!);
    }
    expect(svg).toContain('>TIDAK<');
    expect((svg.match(/marker-end="url\(#arrow\)"/g) ?? []).length).toBeGreaterThanOrEqual(doc.flows[0]!.edges.length);
  });

  it('writes document text as text, never as markup', () => {
    const doc = structuredClone(loadSample('oku-01-sktm')!);
    doc.actors[0]!.label = '<script>alert(1)</script> & "Pemohon"';
    doc.flows[0]!.title = '<img src=x onerror=alert(1)>';
    doc.flows[0]!.edges[0]!.label = '</text><script>';
    const svg = exportFlowchartSvg(doc, undefined)!;
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&#60;script&#62;');
  });

  it('returns null for a flow that does not exist', () => {
    expect(exportFlowchartSvg(loadSample('oku-01-sktm')!, 'nope')).toBeNull();
    expect(exportFlowchartSvg(loadSample('lmj-09-pkh-mekanisme')!, undefined)).toBeNull();
  });

  it('gives every symbol kind a closed outline inside its box', () => {
    for (const kind of ['start', 'end', 'process', 'decision', 'connector', 'exit'] as const) {
      const d = symbolPath(kind, { x: 10, y: 20, width: 40, height: 24 });
      expect(d.endsWith('Z'), kind).toBe(true);
      const numbers = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
      expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
    }
  });
});
