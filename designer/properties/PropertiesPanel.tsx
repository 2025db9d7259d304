import { command } from '../../core/document';
import { useT } from '../../ui/i18n';
import { useEditorSnapshot, useEditorStore } from '../editor/EditorContext';
import { EdgeProperties } from './EdgeProperties';
import { TextField } from './fields';
import { StepProperties } from './StepProperties';

/** The properties of what is selected: a step, several steps, an arrow or a phase heading. */
export function PropertiesPanel() {
  const t = useT();
  const store = useEditorStore();
  const { doc, ui } = useEditorSnapshot();
  const selection = ui.selection;
  const flow = doc.flows.find((f) => f.id === ui.flowId);

  if (flow && selection.kind === 'steps' && selection.flowId === flow.id) {
    if (selection.ids.length === 1) {
      const step = flow.steps.find((s) => s.id === selection.ids[0]);
      if (step) return <StepProperties key={step.id} flow={flow} step={step} />;
    } else {
      return (
        <section className="properties">
          <h3 className="properties__heading">{t('designer.properties.manySteps', { count: selection.ids.length })}</h3>
          <p className="muted">{t('designer.properties.manyStepsHint')}</p>
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              store.run(command('steps.remove', { flowId: flow.id, stepIds: selection.ids }));
              store.select({ kind: 'none' });
            }}
          >
            {t('designer.properties.removeSteps', { count: selection.ids.length })}
          </button>
        </section>
      );
    }
  }
  if (flow && selection.kind === 'edge' && selection.flowId === flow.id) {
    const edge = flow.edges.find((e) => e.id === selection.id);
    if (edge) return <EdgeProperties key={edge.id} flow={flow} edge={edge} />;
  }
  if (flow && selection.kind === 'section' && selection.flowId === flow.id) {
    const section = flow.sections?.find((s) => s.id === selection.id);
    if (section) {
      return (
        <section className="properties">
          <h3 className="properties__heading">{t('designer.section.heading')}</h3>
          <TextField
            label={t('designer.section.title')}
            value={section.title}
            focusKey="title"
            onChange={(title) => store.run(command('section.rename', { flowId: flow.id, sectionId: section.id, title }), { select: false })}
          />
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              store.run(command('section.remove', { flowId: flow.id, sectionId: section.id }));
              store.select({ kind: 'none' });
            }}
          >
            {t('designer.section.remove')}
          </button>
        </section>
      );
    }
  }
  return (
    <section className="properties properties--empty">
      <h3 className="properties__heading">{t('designer.properties.nothing')}</h3>
      <p>{t('designer.properties.nothingHint')}</p>
      <ul className="shortcut-list">
        <li>
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> {t('designer.shortcut.add')}
        </li>
        <li>
          <kbd>↑</kbd>/<kbd>↓</kbd> {t('designer.shortcut.select')}
        </li>
        <li>
          <kbd>Alt</kbd>+<kbd>←</kbd>/<kbd>→</kbd> {t('designer.shortcut.lane')}
        </li>
        <li>
          <kbd>Alt</kbd>+<kbd>↑</kbd>/<kbd>↓</kbd> {t('designer.shortcut.row')}
        </li>
        <li>
          <kbd>Delete</kbd> {t('designer.shortcut.delete')}
        </li>
        <li>
          <kbd>Ctrl</kbd>+<kbd>C</kbd>/<kbd>X</kbd>/<kbd>V</kbd> {t('designer.shortcut.clipboard')}
        </li>
        <li>
          <kbd>Ctrl</kbd>+<kbd>Z</kbd> / <kbd>Ctrl</kbd>+<kbd>Y</kbd> {t('designer.shortcut.undo')}
        </li>
        <li>
          <kbd>F6</kbd> {t('designer.shortcut.regions')}
        </li>
      </ul>
    </section>
  );
}
