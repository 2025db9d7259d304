import { useRef, type KeyboardEvent } from 'react';
import { CaseFieldsEditor } from '../caseFields/CaseFieldsEditor';
import { IdentityForm } from '../identity/IdentityForm';
import { LanesPanel } from '../lanes/LanesPanel';
import { PropertiesPanel } from '../properties/PropertiesPanel';
import { RevisionHistory } from '../publish/RevisionHistory';
import type { SopRepository } from '../storage';
import { useT } from '../../ui/i18n';
import { useEditorSnapshot, useEditorStore } from './EditorContext';
import type { PanelId } from './editorStore';
import type { Persistence } from './usePersistence';

const PANELS: readonly PanelId[] = ['properties', 'lanes', 'identity', 'caseFields', 'history'];

/** The side bar: one panel at a time, chosen with tabs (arrow keys move between them). */
export function SidePanel({ repository }: { repository: SopRepository; persistence: Persistence }) {
  const t = useT();
  const store = useEditorStore();
  const { ui } = useEditorSnapshot();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const active = PANELS.indexOf(ui.panel);

  const onKeyDown = (event: KeyboardEvent) => {
    const delta = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
    if (delta === 0) return;
    event.preventDefault();
    const next = (active + delta + PANELS.length) % PANELS.length;
    store.setPanel(PANELS[next]!);
    tabs.current[next]?.focus();
  };

  return (
    <aside className="side-panel" aria-label={t('designer.panel.label')} data-region="panel">
      <div role="tablist" aria-label={t('designer.panel.label')} className="side-panel__tabs" onKeyDown={onKeyDown}>
        {PANELS.map((panel, index) => (
          <button
            key={panel}
            ref={(node) => {
              tabs.current[index] = node;
            }}
            type="button"
            role="tab"
            id={`panel-tab-${panel}`}
            aria-controls="side-panel-body"
            aria-selected={panel === ui.panel}
            tabIndex={panel === ui.panel ? 0 : -1}
            className="side-panel__tab"
            onClick={() => store.setPanel(panel)}
          >
            {t(`designer.panel.${panel}`)}
          </button>
        ))}
      </div>
      <div id="side-panel-body" role="tabpanel" aria-labelledby={`panel-tab-${ui.panel}`} className="side-panel__body">
        {ui.panel === 'properties' && <PropertiesPanel />}
        {ui.panel === 'lanes' && <LanesPanel />}
        {ui.panel === 'identity' && <IdentityForm />}
        {ui.panel === 'caseFields' && <CaseFieldsEditor />}
        {ui.panel === 'history' && <RevisionHistory repository={repository} />}
      </div>
    </aside>
  );
}
