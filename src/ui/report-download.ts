/**
 * Saves a page report as CSV or JSON (core/report-export builds it): from the popup for a web
 * page, and from the PDF viewer for a PDF.
 */
import type { EntryDetails, PageReport } from '../core/protocol';
import { buildExport, exportToCsv } from '../core/report-export';
import { downloadFile } from './download';

export function downloadReport(doc: Document, report: PageReport, details: readonly (EntryDetails | null)[], datasetDate: string, format: 'csv' | 'json'): void {
  const exported = buildExport(report, details, datasetDate, new Date());
  const stem = `listmark-report-${new URL(exported.url).hostname}-${exported.exportedAt.slice(0, 10)}`;
  if (format === 'json') downloadFile(doc, `${stem}.json`, 'application/json', JSON.stringify(exported, null, 2));
  else downloadFile(doc, `${stem}.csv`, 'text/csv;charset=utf-8', `\ufeff${exportToCsv(exported)}`);
}
