const en = {
  title: 'Modules',
  completion: '{validated} of {enabled} modules validated',
  completionLabel: 'Report completion',
  seeResults: 'See the results',
  rows: 'No rows | 1 row | {count} rows',
  flagged: '1 flagged | 1 flagged | {count} flagged',
  open: 'Open',
  openModule: 'Open {module}',
};

const fr: typeof en = {
  title: 'Modules',
  completion: '{validated} modules validés sur {enabled}',
  completionLabel: 'Avancement du bilan',
  seeResults: 'Voir les résultats',
  rows: 'Aucune ligne | 1 ligne | {count} lignes',
  flagged: '1 signalée | 1 signalée | {count} signalées',
  open: 'Ouvrir',
  openModule: 'Ouvrir {module}',
};

export const homeMessages = { en, fr };
