import { useId } from 'react';
import { command, type LabelReading } from '../../core/document';
import type { Edge, Flow } from '../../schemas/generated/sop.types';
import { useT } from '../../ui/i18n';
import { useEditorStore } from '../editor/EditorContext';

const READINGS: readonly LabelReading[] = ['read', 'inferred', 'illegible'];

/** The value of a target select that stands for "the source does not show where this arrow goes". */
export const UNKNOWN_TARGET = '__unknown__';

export function labelReadingOf(edge: Edge): LabelReading {
  if (edge.labelUnknown) return 'illegible';
  return edge.inferred?.includes('label') ? 'inferred' : 'read';
}

/**
 * How the source shows an arrow: its label legible, inferred or illegible
 * (one of the three, so the document never says both), and whether the
 * target is the drafter's inference. An illegible target is chosen in the
 * target list itself, so the arrow keeps exactly one target.
 * `n` numbers the labels when several arrows are listed together.
 */
export function EdgeReadingFields({ flow, edge, n }: { flow: Flow; edge: Edge; n?: number }) {
  const t = useT();
  const store = useEditorStore();
  const readingId = useId();
  const mark = (changes: { labelReading?: LabelReading; targetInferred?: boolean }) =>
    store.run(command('edge.update', { flowId: flow.id, edgeId: edge.id, changes }), { select: false });
  return (
    <div className="edge-reading">
      <label htmlFor={readingId} className="edge-reading__label">
        {n === undefined ? t('designer.edge.labelReading') : t('designer.edges.labelReadingN', { n })}
      </label>
      <select id={readingId} value={labelReadingOf(edge)} onChange={(event) => mark({ labelReading: event.target.value as LabelReading })}>
        {READINGS.map((reading) => (
          <option key={reading} value={reading}>
            {t(`designer.edge.reading.${reading}`)}
          </option>
        ))}
      </select>
      <label className="choice">
        <input
          type="checkbox"
          checked={edge.inferred?.includes('target') === true}
          disabled={edge.targetUnknown === true}
          aria-label={n === undefined ? undefined : t('designer.edges.targetInferredN', { n })}
          onChange={(event) => mark({ targetInferred: event.target.checked })}
        />
        {t('designer.edge.targetInferred')}
      </label>
    </div>
  );
}
