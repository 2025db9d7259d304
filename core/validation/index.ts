export { validateSop, CURRENT_SCHEMA_VERSION, type ValidationResult, type ValidateOptions, type AppliedUpgrade } from './validateSop';
export { parseSopJson, checkFileSize, tooLargeDiagnostic, type ParsedSopText } from './parseSopJson';
export { SOP_LIMITS, cleanTypedText, hasForbiddenCharacter, formatByteSize, utf8ByteLength } from './limits';
export { checkStructure } from './structureCheck';
export { hasErrors, sortDiagnostics, pointerOf, type Diagnostic, type Severity, type LocalizedText } from './diagnostic';
export { semanticRules, severityOf, type SemanticRuleId } from './ruleCatalogue';
export { locateJsonPointer, lineColumnAt, type JsonTextRange } from './jsonLocation';
export { findJsonSyntaxError, describeJsonSyntaxError, type JsonSyntaxError, type JsonSyntaxProblem } from './jsonSyntax';
