import type { MessageKey } from '../../core/i18n';
import type { NodeKind } from '../../core/layout/types';
import { useT } from '../i18n';
import { SymbolPreview } from './FlowSymbol';

const ENTRIES: ReadonlyArray<{ kind: NodeKind; label: MessageKey }> = [
  { kind: 'start', label: 'print.symbol.terminator' },
  { kind: 'process', label: 'print.symbol.process' },
  { kind: 'decision', label: 'print.symbol.decision' },
  { kind: 'connector', label: 'print.symbol.connector' },
  { kind: 'exit', label: 'print.symbol.exit' },
];

/** The Permenpan symbols with their names: the key printed trainers hand out, and a story of every symbol. */
export function SymbolLegend() {
  const t = useT();
  return (
    <figure className="symbol-legend">
      <figcaption>{t('print.symbol.legend')}</figcaption>
      <ul>
        {ENTRIES.map(({ kind, label }) => (
          <li key={kind}>
            <SymbolPreview kind={kind} label={t(label)} />
            <span>{t(label)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
