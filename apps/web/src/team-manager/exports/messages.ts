const en = {
  title: 'Exports',
  intro: 'The unit’s data and results of a year, to keep or to work on elsewhere.',
  reportTitle: 'Results report {year}',
  reportIntro:
    'The results of the validated modules, with charts. Open it in the Calculator, then print it or save it as a PDF: it is laid out for A4.',
  openReport: 'Open the results report',
  dataTitle: 'Data of {year}, as CSV',
  dataIntro:
    'Every row of a sub-module: the columns of its import template, then the emissions computed, the row’s flags and where it came from. Opens in any spreadsheet.',
  rows: 'No rows | 1 row | {count} rows',
  download: 'Download {data} as CSV',
  failed: 'The {data} data could not be downloaded',
  noModule: 'No module is collected in this year.',
  noYear: 'No year is open yet.',
};

const fr: typeof en = {
  title: 'Exports',
  intro: 'Les données et les résultats d’une année de l’unité, à conserver ou à traiter ailleurs.',
  reportTitle: 'Rapport de résultats {year}',
  reportIntro:
    'Les résultats des modules validés, avec graphiques. Ouvrez-le dans le Calculateur, puis imprimez-le ou enregistrez-le en PDF : il est mis en page pour le format A4.',
  openReport: 'Ouvrir le rapport de résultats',
  dataTitle: 'Données {year} en CSV',
  dataIntro:
    'Toutes les lignes d’un sous-module : les colonnes de son modèle d’import, puis les émissions calculées, les signalements de la ligne et sa provenance. S’ouvre dans tout tableur.',
  rows: 'Aucune ligne | 1 ligne | {count} lignes',
  download: 'Télécharger {data} en CSV',
  failed: 'Les données {data} n’ont pas pu être téléchargées',
  noModule: 'Aucun module n’est collecté cette année.',
  noYear: 'Aucune année n’est encore ouverte.',
};

export const exportsMessages = { en, fr };
