/**
 * Document text in print, as text nodes, never as HTML: the shared TextView
 * (ui/TextView) over the structured view of the value (core/text
 * `richTextOf`), so a plain string's "1. …" / "a. …" / "- …" lines and a
 * RichText's own list items keep the markers they were written with, with a
 * hanging indent so wrapped lines align under the item text, as in a Word
 * table cell.
 */
import { isBlankText, richTextOf, type Text } from '../../core/text/richText';
import { TextView } from '../../ui/TextView';

export function PlainText({ text, className }: { text: Text | undefined; className?: string }) {
  if (text === undefined || isBlankText(text)) return null;
  return <TextView value={richTextOf(text)} className={className ? `plain-text ${className}` : 'plain-text'} />;
}

/** Whether an item starts with its own list marker ("a.", "1)", "-", "•"). */
function hasOwnMarker(item: Text): boolean {
  return richTextOf(item).blocks[0]?.marker !== undefined;
}

/** A list the SOP keeps as separate items (requirements, header blocks): numbered when it has several and they carry no markers of their own. */
export function ItemList({ items, className }: { items: readonly Text[]; className?: string }) {
  const present = items.filter((item) => !isBlankText(item));
  if (present.length === 0) return null;
  if (present.length === 1) return <PlainText text={present[0]} className={className} />;
  // Items that already carry their own marker ("a. ...") keep it; the rest are numbered.
  if (present.every(hasOwnMarker)) {
    return (
      <div className={className ? `plain-text ${className}` : 'plain-text'}>
        {present.map((item, i) => (
          <TextView key={i} value={richTextOf(item)} />
        ))}
      </div>
    );
  }
  return (
    <ol className={className ? `item-list ${className}` : 'item-list'}>
      {present.map((item, i) => (
        <li key={i}>
          <PlainText text={item} />
        </li>
      ))}
    </ol>
  );
}
