import { LEGEND, SYMBOLS, type NotationPreset } from '../../core/notation';
import { useI18n } from '../../ui/i18n';
import { SymbolPreview } from './FlowSymbol';

/** The Permenpan symbols with their meanings, from the step-kind registry: the key printed trainers hand out, and a story of every symbol. */
export function SymbolLegend({ preset }: { preset?: NotationPreset }) {
  const { t, lang } = useI18n();
  return (
    <figure className="symbol-legend">
      <figcaption>{t('print.symbol.legend')}</figcaption>
      <ul>
        {LEGEND.map((kind) => {
          const meaning = SYMBOLS[kind].meaning[lang];
          return (
            <li key={kind}>
              <span className="symbol-legend__symbol">
                <SymbolPreview kind={kind} scale={0.75} label={meaning} {...(preset ? { preset } : {})} />
              </span>
              <span>{meaning}</span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
