/**
 * A flowchart as a standalone SVG document (string), for "export as SVG/PNG"
 * from the designer and the print view. Pure: no DOM. Every text is escaped,
 * so whatever a document contains is drawn as text, never as markup.
 */
import { wrapText } from '../../core/layout/textMetrics';
import type { LayoutEdge, LayoutNode, SwimlaneLayout } from '../../core/layout/types';
import { DASH, PRESETS, symbolParts, type NotationPreset, type PresetInks } from '../../core/notation';
import { XML_FORBIDDEN_CHARACTERS } from '../../core/validation/limits';

export interface FlowchartSvgOptions {
  /** Heading drawn above the lanes (the flow or SOP title). */
  title?: string;
  /** Step numbers drawn left of the lanes, by step id. */
  stepNumbers?: ReadonlyMap<string, string>;
  /** Blank border around the drawing, px. */
  padding?: number;
  fontFamily?: string;
  /** Inks (core/notation); Standar when absent. */
  preset?: NotationPreset;
}

const HEADER_FONT = 11;
const NUMBER_COLUMN = 28;

/**
 * Text as XML character data or an attribute value. Characters XML 1.0 cannot
 * carry even as references (U+000B from a Word line break, other C0 controls,
 * unpaired surrogates) would make the whole SVG unreadable, so they go: the
 * validator refuses them, and this is the second defence for documents that
 * never passed it. A vertical tab or form feed was a line break, so a space.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u000B\u000C]/g, ' ')
    .replace(XML_FORBIDDEN_CHARACTERS, '')
    .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const n = (value: number) => String(Math.round(value * 100) / 100);

export function flowchartToSvg(layout: SwimlaneLayout, options: FlowchartSvgOptions = {}): string {
  const inks = PRESETS[options.preset ?? 'standar'];
  const INK = inks.ink;
  const padding = options.padding ?? 16;
  const font = options.fontFamily ?? 'Liberation Sans, Arial, Helvetica, sans-serif';
  const numbers = options.stepNumbers;
  const numberWidth = numbers ? NUMBER_COLUMN : 0;
  const titleLines = options.title ? wrapText(options.title, layout.width + numberWidth, 13, 0.55) : [];
  const titleHeight = titleLines.length > 0 ? titleLines.length * 16 + 8 : 0;
  const headerLines = layout.lanes.map((lane) => wrapText(lane.label, lane.width - 6, HEADER_FONT, 0.55));
  const headerHeight = Math.max(1, ...headerLines.map((l) => l.length)) * 13 + 10;
  const width = layout.width + numberWidth + 2 * padding;
  const height = layout.height + headerHeight + titleHeight + 2 * padding;
  const ox = padding + numberWidth;
  const oy = padding + titleHeight + headerHeight;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" font-family="${escapeXml(font)}">`,
    `<defs><marker id="arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto"><path d="M0 0L8 4L0 8Z" fill="${inks.arrow.stroke}"/></marker></defs>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  );
  titleLines.forEach((line, i) => {
    out.push(`<text x="${n(width / 2)}" y="${n(padding + 14 + i * 16)}" text-anchor="middle" font-size="13" font-weight="700" fill="${INK}">${escapeXml(line)}</text>`);
  });
  // Lane headers and lane borders.
  const top = padding + titleHeight;
  out.push(`<g stroke="${inks.grid.stroke}" stroke-width="${inks.grid.width}" fill="none">`);
  out.push(`<rect x="${n(padding)}" y="${n(top)}" width="${n(layout.width + numberWidth)}" height="${n(layout.height + headerHeight)}"/>`);
  out.push(`<line x1="${n(padding)}" y1="${n(oy)}" x2="${n(ox + layout.width)}" y2="${n(oy)}"/>`);
  for (const lane of layout.lanes) {
    const left = ox + lane.x - (lane.index === 0 ? lane.x : 0);
    if (lane.index > 0 || numberWidth > 0) out.push(`<line x1="${n(left)}" y1="${n(top)}" x2="${n(left)}" y2="${n(oy + layout.height)}"/>`);
  }
  for (const row of layout.rows.slice(1)) out.push(`<line x1="${n(padding)}" y1="${n(oy + row.y)}" x2="${n(ox + layout.width)}" y2="${n(oy + row.y)}"/>`);
  out.push(`</g>`);
  layout.lanes.forEach((lane, i) => {
    const lines = headerLines[i]!;
    const cx = ox + lane.x + lane.width / 2;
    const y0 = top + (headerHeight - lines.length * 13) / 2 + 10;
    lines.forEach((line, k) => {
      out.push(`<text x="${n(cx)}" y="${n(y0 + k * 13)}" text-anchor="middle" font-size="${HEADER_FONT}" font-weight="700" fill="${INK}">${escapeXml(line)}</text>`);
    });
  });
  for (const section of layout.sections) {
    out.push(`<rect x="${n(padding)}" y="${n(oy + section.y)}" width="${n(layout.width + numberWidth)}" height="${n(section.height)}" fill="${inks.shade}"/>`);
    out.push(`<text x="${n(padding + 6)}" y="${n(oy + section.y + section.height / 2 + 4)}" font-size="11" font-weight="700" fill="${INK}">${escapeXml(section.title)}</text>`);
  }
  if (numbers) {
    for (const row of layout.rows) {
      const label = numbers.get(row.stepId) ?? '';
      out.push(`<text x="${n(padding + NUMBER_COLUMN / 2)}" y="${n(oy + row.y + row.height / 2 + 4)}" text-anchor="middle" font-size="11" fill="${INK}">${escapeXml(label)}</text>`);
    }
  }
  out.push(`<g transform="translate(${n(ox)} ${n(oy)})">`);
  out.push(...drawFlowchartBody(layout.nodes, layout.edges, inks, layout.width));
  out.push(`</g></svg>`);
  return out.join('\n');
}

/** Symbols, arrows and labels, in layout coordinates, from the registry's parts: what the print overlay draws too. */
export function drawFlowchartBody(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], inks: PresetInks = PRESETS.standar, width = Number.POSITIVE_INFINITY): string[] {
  const out: string[] = [];
  out.push(`<g fill="none" stroke="${inks.arrow.stroke}" stroke-width="${inks.arrow.width}" stroke-linejoin="round">`);
  for (const edge of edges) {
    const d = edge.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${n(p.x)} ${n(p.y)}`).join('');
    const pattern = edge.inferred?.includes('target') ? DASH.inferred : edge.alternative ? DASH.alternative : null;
    out.push(`<path d="${d}" marker-end="url(#arrow)"${pattern ? ` stroke-dasharray="${pattern}"` : ''}/>`);
  }
  out.push(`</g>`);
  for (const node of nodes) {
    for (const part of symbolParts(node, inks)) {
      if (part.element === 'path') {
        const stroke = part.stroke ? ` stroke="${part.stroke}" stroke-width="${n(part.strokeWidth)}"` : '';
        out.push(`<path d="${part.d}" fill="${part.fill}"${stroke}${part.dash ? ` stroke-dasharray="${part.dash}"` : ''}/>`);
      } else {
        out.push(
          `<text x="${n(part.x)}" y="${n(part.y)}" text-anchor="middle" dominant-baseline="central" font-size="${n(part.fontSize)}" font-weight="${part.fontWeight}" fill="${part.fill}">${escapeXml(part.text)}</text>`,
        );
      }
    }
    if (node.kind === 'exit' && node.text) {
      const lines = wrapText(node.text, Math.max(30, Math.min(200, width - (node.x + node.width + 4) - 2)), 9, 0.55);
      lines.forEach((line, i) => {
        out.push(`<text x="${n(node.x + node.width + 4)}" y="${n(node.y + node.height / 2 + 3 + (i - (lines.length - 1) / 2) * 11)}" font-size="9" fill="${inks.label}">${escapeXml(line)}</text>`);
      });
    }
  }
  for (const edge of edges) {
    const label = edge.label;
    if (!label) continue;
    label.lines.forEach((line, i) => {
      const x = label.anchor === 'start' ? label.x : label.x + label.width;
      const y = label.y + (i + 1) * label.lineHeight - (label.lineHeight - label.fontSize) / 2 - 1;
      out.push(`<text x="${n(x)}" y="${n(y)}" text-anchor="${label.anchor}" font-size="${n(label.fontSize)}" font-style="italic" fill="${inks.label}">${escapeXml(line)}</text>`);
    });
  }
  return out;
}
