// Bundled into an IIFE and injected into Chromium by bench/runValidateBench.ts.
import { validateSop } from '../../core/validation';
import { generateSop } from '../generateSop';
import { measureValidation } from '../measureValidation';

(globalThis as unknown as { runValidateBench: unknown }).runValidateBench = (steps: number, lanes: number) =>
  measureValidation(validateSop, generateSop({ steps, lanes }), () => performance.now());
