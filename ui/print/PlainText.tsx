/**
 * Document text as text, never as HTML: one block per line, and list items
 * ("- x", "1. x", "a. x") with a hanging indent so wrapped lines align under
 * the item text, as in a Word table cell.
 */
const LIST_ITEM = /^\s*((?:[-•*])|(?:\d{1,3}[.)])|(?:[a-zA-Z][.)]))\s+(.*)$/;

export function PlainText({ text, className }: { text: string | undefined; className?: string }) {
  if (!text) return null;
  const lines = text.split('\n').filter((line) => line.trim().length > 0);
  return (
    <div className={className ? `plain-text ${className}` : 'plain-text'}>
      {lines.map((line, i) => {
        const item = LIST_ITEM.exec(line);
        if (!item) return <p key={i}>{line}</p>;
        return (
          <p key={i} className="plain-text__item">
            <span className="plain-text__marker">{item[1]}</span>
            <span>{item[2]}</span>
          </p>
        );
      })}
    </div>
  );
}

/** A list the SOP keeps as separate items (requirements, header blocks): numbered when it has several. */
export function ItemList({ items, className }: { items: readonly string[]; className?: string }) {
  const present = items.filter((item) => item.trim().length > 0);
  if (present.length === 0) return null;
  if (present.length === 1) return <PlainText text={present[0]} className={className} />;
  // Items that already carry their own marker ("a. ...") keep it; the rest are numbered.
  const marked = present.every((item) => LIST_ITEM.test(item.split('\n')[0] ?? ''));
  if (marked) return <PlainText text={present.join('\n')} className={className} />;
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
