// The words of the form that imports a CSV file of one sub-module into a unit, carried by the
// form itself (a local vue-i18n scope): the Calculator's module pages and the Team manager's
// imports page both show it.
const en = {
  subModule: 'Data',
  template: 'Download the template',
  templateHint: 'The columns with their rules, and an example row.',
  templateFailed: 'The template could not be downloaded',
  mode: 'Rows of earlier CSV imports',
  modeReplace: 'Replace them with the rows of this file',
  modeAppend: 'Keep them and add the rows of this file',
  modeHint: 'Rows typed in by hand are always kept.',
  file: 'CSV file',
  fileHint: 'UTF-8, separated by commas or semicolons',
  upload: 'Upload and import',
  stopUpload: 'Stop',
  failed: 'The import could not be started',
};

const fr: typeof en = {
  subModule: 'Données',
  template: 'Télécharger le modèle',
  templateHint: 'Les colonnes avec leurs règles, et une ligne d’exemple.',
  templateFailed: 'Le modèle n’a pas pu être téléchargé',
  mode: 'Lignes des imports CSV précédents',
  modeReplace: 'Les remplacer par les lignes de ce fichier',
  modeAppend: 'Les garder et ajouter les lignes de ce fichier',
  modeHint: 'Les lignes saisies à la main sont toujours conservées.',
  file: 'Fichier CSV',
  fileHint: 'UTF-8, séparé par des virgules ou des points-virgules',
  upload: 'Envoyer et importer',
  stopUpload: 'Arrêter',
  failed: 'L’import n’a pas pu démarrer',
};

export const moduleImportMessages = { en, fr };
