/**
 * Saves a form as CSV or XLSX through the browser's download. The XLSX
 * writer is imported on demand, so the dashboard's chunk never carries it.
 */
import type { Lang } from '../../core/i18n';
import type { MonevForm } from '../../core/monev/forms';
import { downloadBlob } from '../../ui/download';
import { csvOf, formFileName, formTable, xlsxSheetOf } from './formExports';

export function formCsvBlob(form: MonevForm, lang: Lang): Blob {
  return new Blob([csvOf(formTable(form, lang))], { type: 'text/csv;charset=utf-8' });
}

export async function formXlsxBlob(form: MonevForm, lang: Lang): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const { data, columns, sheet } = xlsxSheetOf(formTable(form, lang));
  return writeXlsxFile(data, { columns, sheet: sheet.slice(0, 31), ...(form.kind === 'monitoring' ? { orientation: 'landscape' as const } : {}) }).toBlob();
}

export function downloadFormCsv(form: MonevForm, lang: Lang): void {
  downloadBlob(formCsvBlob(form, lang), `${formFileName(form, lang)}.csv`);
}

export async function downloadFormXlsx(form: MonevForm, lang: Lang): Promise<void> {
  downloadBlob(await formXlsxBlob(form, lang), `${formFileName(form, lang)}.xlsx`);
}
