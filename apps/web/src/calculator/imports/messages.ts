const en = {
  title: 'Import a CSV file',
  caption: 'Many rows at once, from the template',
  validated: 'This module is validated: set it back to in progress to import rows.',
  progressFailed: 'The progress of the import could not be read',
  recent: 'Recent imports',
  noRecent: 'No file imported into this module yet.',
  recentFailed: 'The recent imports could not be loaded',
  show: 'Show',
  showImport: 'Show the import of {file}',
  unnamed: 'file',
};

const fr: typeof en = {
  title: 'Importer un fichier CSV',
  caption: 'Plusieurs lignes à la fois, depuis le modèle',
  validated: 'Ce module est validé : remettez-le en cours pour importer des lignes.',
  progressFailed: 'L’avancement de l’import n’a pas pu être lu',
  recent: 'Imports récents',
  noRecent: 'Aucun fichier importé dans ce module pour l’instant.',
  recentFailed: 'Les imports récents n’ont pas pu être chargés',
  show: 'Afficher',
  showImport: 'Afficher l’import de {file}',
  unnamed: 'fichier',
};

export const importsMessages = { en, fr };
