const en = {
  title: 'Validation',
  intro:
    'Each module’s status and total, year by year. Open a module to review its rows in the Calculator, then validate it here or there: only validated modules count in the results.',
  introReadOnly: 'Each module’s status and total, year by year. Open a module to see its rows.',
  caption: 'Status and total of each module of the unit, per year',
  refresh: 'Refresh',
  module: 'Module',
  completion: '{validated} of {enabled} validated',
  notCollected: 'Not collected',
  flagged: '1 flagged row | 1 flagged row | {count} flagged rows',
  cellLabel: '{module} {year}: {status}, {total} kg CO₂-eq. Open in the Calculator',
  total: 'Total',
  validatedTotal: '{total} validated',
  noYear: 'No year is open yet.',
  loadFailed: 'The report could not be loaded',
  validate: 'Validate',
  reopen: 'Reopen',
  validateLabel: 'Validate {module} {year}',
  reopenLabel: 'Reopen {module} {year} for changes',
  validatedNotice: '{module} {year} validated',
  reopenedNotice: '{module} {year} reopened for changes',
  changeRefused: 'The status of {module} {year} could not be changed',
};

const fr: typeof en = {
  title: 'Validation',
  intro:
    'Le statut et le total de chaque module, année par année. Ouvrez un module pour en vérifier les lignes dans le Calculateur, puis validez-le ici ou là-bas : seuls les modules validés comptent dans les résultats.',
  introReadOnly:
    'Le statut et le total de chaque module, année par année. Ouvrez un module pour en voir les lignes.',
  caption: 'Statut et total de chaque module de l’unité, par année',
  refresh: 'Actualiser',
  module: 'Module',
  completion: '{validated} sur {enabled} validés',
  notCollected: 'Non collecté',
  flagged: '1 ligne signalée | 1 ligne signalée | {count} lignes signalées',
  cellLabel: '{module} {year} : {status}, {total} kg CO₂-éq. Ouvrir dans le Calculateur',
  total: 'Total',
  validatedTotal: '{total} validés',
  noYear: 'Aucune année n’est encore ouverte.',
  loadFailed: 'Le bilan n’a pas pu être chargé',
  validate: 'Valider',
  reopen: 'Rouvrir',
  validateLabel: 'Valider {module} {year}',
  reopenLabel: 'Rouvrir {module} {year} aux modifications',
  validatedNotice: '{module} {year} validé',
  reopenedNotice: '{module} {year} rouvert aux modifications',
  changeRefused: 'Le statut de {module} {year} n’a pas pu être changé',
};

export const validationMessages = { en, fr };
