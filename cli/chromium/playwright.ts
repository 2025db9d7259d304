/**
 * playwright-core, required as the CommonJS package it is. Imported as ESM,
 * Node would first scan its 12 MB bundle for named exports (and tsx's loader
 * would see every file), which costs `sop print` about 0.2 s on every run.
 */
import { createRequire } from 'node:module';

export const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core');
