/** One notation for every surface: the step-kind registry and the ink presets. */
export {
  SYMBOLS,
  PALETTE,
  LEGEND,
  PT_TO_PX,
  symbolPath,
  symbolSizes,
  markPath,
  exitsNeeded,
  type FlowMark,
  type NodeKind,
  type StepKind,
  type SymbolDefinition,
  type SymbolExits,
  type SymbolSize,
} from './symbols';
export { PRESETS, NOTATION_PRESETS, DASH, isNotationPreset, branchLabelText, type NotationPreset, type PresetInks, type SymbolInk } from './presets';
export { symbolParts, type SymbolBox, type SymbolPart } from './draw';
