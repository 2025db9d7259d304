import { useMemo, useRef } from 'react';
import type { Flow, SopDocument } from '../../schemas/generated/sop.types';
import { measureRowHeights } from './measureRows';
import { layoutInputs, sameLayoutInputs, type LayoutInputs } from './layoutInputs';
import { canvasTextColumns, computeCanvasGeometry, type CanvasGeometry } from './tableGeometry';

/**
 * The canvas geometry of a flow, recomputed only when something the layout
 * reads has changed: typing in a step keeps the previous layout (and every
 * node position) unless the row grows or shrinks.
 */
export function useCanvasGeometry(doc: SopDocument, flow: Flow): CanvasGeometry {
  const cache = useRef<{ inputs: LayoutInputs; geometry: CanvasGeometry }>(undefined);
  return useMemo(() => {
    const columns = canvasTextColumns(doc, flow);
    const heights = measureRowHeights(flow, columns);
    const inputs = layoutInputs(doc, flow, heights);
    const cached = cache.current;
    if (cached && sameLayoutInputs(cached.inputs, inputs)) return cached.geometry;
    const geometry = computeCanvasGeometry(doc, flow, () => heights);
    cache.current = { inputs, geometry };
    return geometry;
    // The layout reads the actors and columns of the document and the flow, nothing else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc.actors, doc.columns, flow]);
}
