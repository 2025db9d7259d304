/** The swimlane layout shared by the designer's canvas and the print view. */
export { computeSwimlaneLayout, estimateSwimlane, exitNodeId, nodeId, type SwimlaneEstimate } from './computeSwimlaneLayout';
export { resolveLayoutOptions, DEFAULT_TEXT_COLUMNS, DEFAULT_TEXT_METRICS, type ResolvedLayoutOptions } from './options';
export { routeEdges, channelTrackX, type EdgeRequest, type RoutingScene } from './routing';
export { placeLabels } from './labels';
export { isOrthogonal, rectsIntersect, segmentCrossesRect, simplifyPolyline } from './geometry';
export { wrapText, estimateTextWidth, textWidth, longestWordWidth } from './textMetrics';
export type * from './types';
export { layoutProblems, labelProblems, type DrawnFlowchart, type DrawnTable } from './invariants';
