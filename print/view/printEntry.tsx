/**
 * Entry of the print bundle the CLI injects into headless Chromium
 * (`sop print`): `window.sopPrint.render(doc, options)` mounts the print view
 * and resolves once the pages are measured and paginated, with a summary the
 * CLI and the tests can check.
 */
import { createRoot } from 'react-dom/client';
import { summarize, type PrintSummary, type RenderPrintOptions } from '../model/protocol';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { I18nProvider } from '../../ui/i18n';
import { PrintDocument } from './PrintDocument';

export type { PrintSummary, RenderPrintOptions };

export function render(doc: SopDocument, options: RenderPrintOptions, container: HTMLElement = document.body): Promise<PrintSummary> {
  return new Promise((resolve) => {
    const root = createRoot(container);
    root.render(
      <I18nProvider initialLang={options.lang ?? 'id'} persist={false}>
        <PrintDocument
          doc={doc}
          paper={options.paper}
          orientation={options.orientation}
          lang={options.lang ?? 'id'}
          {...(options.margins ? { margins: options.margins } : {})}
          {...(options.flowId ? { flowId: options.flowId } : {})}
          {...(options.preset ? { preset: options.preset } : {})}
          computedTotal={options.computedTotal === true}
          tableTitle={options.tableTitle === true}
          onReady={(plan) => resolve(summarize(plan))}
        />
      </I18nProvider>,
    );
  });
}

(globalThis as unknown as { sopPrint: { render: typeof render } }).sopPrint = { render };
