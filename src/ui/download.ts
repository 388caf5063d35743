/** Saves text as a file the browser downloads: the page report, a screened list. Nothing is sent anywhere. */
export function downloadFile(doc: Document, filename: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
