import type { MessageKey } from '../../core/i18n';
import type { IdentityRowSpec } from '../../core/identity/identityRows';
import { useT } from '../../ui/i18n';
import { useEditorSnapshot } from '../editor/EditorContext';

/** The standard label of a row, in the interface language (what prints when the SOP has no label of its own). */
export function defaultLabelKey(spec: IdentityRowSpec): MessageKey {
  switch (spec.kind) {
    case 'text':
      return `designer.identity.${spec.key}`;
    case 'date':
      return `designer.identity.date.${spec.key}`;
    case 'approver':
      return 'designer.identity.approver';
    case 'block':
      return `designer.block.${spec.key}`;
  }
}

/** Row labels: the standard one, and the one the SOP prints (its own override, else the standard one). */
export function useRowLabels() {
  const t = useT();
  const { doc } = useEditorSnapshot();
  const defaultLabelOf = (spec: IdentityRowSpec) => t(defaultLabelKey(spec));
  const labelOf = (spec: IdentityRowSpec) => (spec.label && doc.identity.labels?.[spec.label]) || defaultLabelOf(spec);
  return { defaultLabelOf, labelOf };
}
