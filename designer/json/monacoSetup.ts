/**
 * Monaco, bundled and configured for one language: JSON. Loaded only when the
 * drafter opens the JSON view (JsonView lazy-imports this module), so the
 * canvas and the table never pay for it.
 *
 * - Deep imports: the editor core, its contributions and the JSON language,
 *   never the 80 other languages `monaco-editor`'s main entry registers.
 * - Workers are bundled by Vite (`?worker`) and started from our own origin,
 *   which the page's CSP allows (`worker-src 'self'`, no `blob:`); nothing is fetched
 *   from a CDN and nothing is evaluated from strings.
 * - `@monaco-editor/react` is pointed at this bundled instance, so its loader
 *   never injects a <script> from jsdelivr.
 * - The SOP schema is registered for every model, giving completion and hover
 *   documentation. Diagnostics come from our own validation (JsonView sets
 *   them as markers, in the interface language), not from Monaco's worker.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
// The editor's contributions (hover, completion, folding, find, formatting...).
// Monaco's JSON mode imports this module itself, lazily, when the first JSON
// model appears; by then the editor's services exist and contributions that
// bring their own services (code lens, drop-into-editor) fail to start. Loading
// it here, before any editor is created, registers everything in order.
import 'monaco-editor/internal/common/workers';
import { jsonDefaults } from 'monaco-editor/language/json/monaco.contribution';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import { loader } from '@monaco-editor/react';
import sopSchema from '../../schemas/sop.schema.json';

export const SOP_SCHEMA_URI = 'https://sop-studio.go.id/schemas/sop/v1/sop.schema.json';

/** The model URI of an SOP in the JSON view; the schema is bound to this pattern. */
export function sopModelUri(sopId: string): monaco.Uri {
  return monaco.Uri.parse(`inmemory://sop-studio/${encodeURIComponent(sopId)}.sop.json`);
}

declare global {
  // eslint-disable-next-line no-var
  var MonacoEnvironment: monaco.Environment | undefined;
}

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

jsonDefaults.setDiagnosticsOptions({
  // Monaco's own JSON diagnostics speak only English. The JSON view underlines
  // what parseSopJson found instead (syntax and schema, in the interface
  // language); the schema below still drives completion and hover.
  validate: false,
  allowComments: false,
  trailingCommas: 'error',
  comments: 'error',
  enableSchemaRequest: false,
  schemaValidation: 'error',
  schemas: [
    {
      uri: SOP_SCHEMA_URI,
      fileMatch: ['*.sop.json'],
      schema: sopSchema as object,
    },
    // A document's own "$schema" wins over fileMatch. The samples write the
    // relative "../schemas/sop.schema.json", which resolves against the model
    // URI to this one: registering it too keeps the schema (and never asks
    // the network for it).
    { uri: 'inmemory://sop-studio/schemas/sop.schema.json', schema: sopSchema as object },
  ],
});

loader.config({ monaco });

export { monaco };
