// Saving a chart as a PNG file, named so that a folder of downloads stays sorted by unit and
// year: co2-l01-2025-by-scope.png.

/** Lower-case letters, digits and dashes only: safe in a file name on every system. */
function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function chartFileName(unitCode: string, year: number, chart: string): string {
  return `co2-${slug(unitCode)}-${year}-${slug(chart)}.png`;
}

/** Starts the browser's download of `url` (a data: URL) under `fileName`. */
export function downloadUrl(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  // Firefox only follows a click on a link that is in the document.
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}
