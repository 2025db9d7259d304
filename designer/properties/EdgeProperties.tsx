import { command } from '../../core/document';
import type { Edge, Flow } from '../../schemas/generated/sop.types';
import { useT } from '../../ui/i18n';
import { stepLabel } from '../editor/describeLocation';
import { useEditorStore } from '../editor/EditorContext';
import { EdgeReadingFields, UNKNOWN_TARGET } from './EdgeReadingFields';
import { SelectField, TextField } from './fields';
import { plainTextOf } from '../../core/text/richText';

/** One arrow: its two ends and its branch label. */
export function EdgeProperties({ flow, edge }: { flow: Flow; edge: Edge }) {
  const t = useT();
  const store = useEditorStore();
  const options = flow.steps.map((s, i) => ({ value: s.id, label: `${stepLabel(s, i, t)}: ${plainTextOf(s.text).slice(0, 40)}` }));
  return (
    <section className="properties" aria-labelledby="edge-properties-heading">
      <h3 id="edge-properties-heading" className="properties__heading">
        {t('designer.edge.heading')}
      </h3>
      <SelectField
        label={t('designer.edge.from')}
        value={edge.from}
        focusKey="from"
        options={options}
        onChange={(from) => store.run(command('edge.reconnect', { flowId: flow.id, edgeId: edge.id, from }), { select: false })}
      />
      {edge.leaves ? (
        <TextField
          label={t('designer.edges.leavesTarget')}
          value={edge.leaves.target}
          focusKey="leaves"
          onChange={(leaves) => leaves.trim() && store.run(command('edge.reconnect', { flowId: flow.id, edgeId: edge.id, leaves }), { select: false })}
        />
      ) : (
        <SelectField
          label={t('designer.edge.to')}
          value={edge.targetUnknown ? UNKNOWN_TARGET : (edge.to ?? '')}
          focusKey="to"
          options={[...options, { value: UNKNOWN_TARGET, label: t('designer.edge.targetUnknown') }]}
          onChange={(to) =>
            store.run(command('edge.reconnect', { flowId: flow.id, edgeId: edge.id, ...(to === UNKNOWN_TARGET ? { targetUnknown: true as const } : { to }) }), { select: false })
          }
        />
      )}
      <TextField
        label={t('designer.edge.label')}
        value={edge.label ?? ''}
        focusKey="label"
        placeholder={t('designer.edges.labelPlaceholder')}
        onChange={(label) => store.run(command('edge.setLabel', { flowId: flow.id, edgeId: edge.id, label: label || null }), { select: false })}
      />
      <EdgeReadingFields flow={flow} edge={edge} />
      <p className="field__hint">{t('designer.edge.readingHint')}</p>
      <div className="properties__actions">
        <button
          type="button"
          className="button button--danger"
          onClick={() => {
            store.run(command('edge.remove', { flowId: flow.id, edgeId: edge.id }));
            store.select({ kind: 'none' });
          }}
        >
          {t('designer.edge.remove')}
        </button>
      </div>
    </section>
  );
}
