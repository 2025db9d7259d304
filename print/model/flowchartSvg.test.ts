import { describe, expect, it } from 'vitest';
import { loadSample } from '../../samples/loadSamples.node';
import { hasForbiddenCharacter } from '../../core/validation/limits';
import { exportFlowchartSvg } from './exportFlowchart';

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

  // Moved from core/validation/limits.test.ts: core may not import the print.
  it('drops characters XML cannot carry as a second defence, so the SVG stays well-formed XML', () => {
    const doc = structuredClone(loadSample('oku-01-sktm')!);
    doc.flows[0]!.steps[0]!.text = 'Mulai\u000Bsekarang\u0001';
    doc.actors[0]!.label = 'Pemohon\u000C\uD800';
    const svg = exportFlowchartSvg(doc, undefined)!;
    expect(hasForbiddenCharacter(svg)).toBe(false);
    expect(svg).toContain('Pemohon');
  });
});
