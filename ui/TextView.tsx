/**
 * Renders a document Text value (plain or RichText) as React text nodes: never
 * as HTML. A plain string keeps its line breaks; RichText becomes paragraphs
 * and list items whose markers are shown as written ("a.", "•"), with bold,
 * italic and links (http, https and mailto only; anything else is plain text).
 * Used by the canvas, the runtime's forms and the print, so the three read the
 * same words the same way.
 */
import type { CSSProperties, ReactNode } from 'react';
import { isRichText, safeHref, type Text, type TextBlock, type TextSpan } from '../core/text/richText';

export function TextView({ value, className, inline = false }: { value: Text | undefined; className?: string; inline?: boolean }) {
  const classes = className ? `text-view ${className}` : 'text-view';
  if (value === undefined || value === '') return null;
  if (!isRichText(value)) {
    const Tag = inline ? 'span' : 'div';
    return <Tag className={classes} style={PLAIN}>{value}</Tag>;
  }
  const Tag = inline ? 'span' : 'div';
  return (
    <Tag className={classes}>
      {value.blocks.map((block, index) => (
        <TextBlockView key={index} block={block} inline={inline} />
      ))}
    </Tag>
  );
}

const PLAIN: CSSProperties = { whiteSpace: 'pre-line' };

function TextBlockView({ block, inline }: { block: TextBlock; inline: boolean }) {
  const Tag = inline ? 'span' : 'div';
  const spans = block.spans.map((span, index) => <SpanView key={index} span={span} />);
  if (block.marker === undefined) return <Tag className="text-view__paragraph" style={PLAIN}>{spans}</Tag>;
  return (
    <Tag className="text-view__item" style={{ display: inline ? 'inline' : 'flex', gap: '0.35em', paddingInlineStart: `${(block.level ?? 0) * 1.2}em` }}>
      <span className="text-view__marker" aria-hidden={false}>{block.marker}</span>
      <span style={PLAIN}>{spans}</span>
    </Tag>
  );
}

function SpanView({ span }: { span: TextSpan }) {
  let node: ReactNode = span.text;
  if (span.italic) node = <em>{node}</em>;
  if (span.bold) node = <strong>{node}</strong>;
  const href = safeHref(span.href);
  if (href) {
    node = (
      <a href={href} target="_blank" rel="noopener noreferrer">
        {node}
      </a>
    );
  }
  return <>{node}</>;
}
