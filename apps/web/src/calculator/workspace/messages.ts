const en = {
  title: 'Choose a unit and a year',
  intro: 'The footprint is computed per unit and year. You can switch at any time.',
  unit: 'Unit',
  year: 'Year',
  open: 'Open',
  change: 'Change unit or year',
  noUnits: 'You have no role in any unit yet. Ask your unit’s manager to add you.',
  noYears: 'No year is open for data entry yet.',
  home: 'Modules',
  results: 'Results',
};

const fr: typeof en = {
  title: 'Choisissez une unité et une année',
  intro: 'Le bilan est calculé par unité et par année. Vous pouvez changer à tout moment.',
  unit: 'Unité',
  year: 'Année',
  open: 'Ouvrir',
  change: 'Changer d’unité ou d’année',
  noUnits:
    'Vous n’avez encore de rôle dans aucune unité. Demandez au responsable de votre unité de vous ajouter.',
  noYears: 'Aucune année n’est encore ouverte à la saisie.',
  home: 'Modules',
  results: 'Résultats',
};

export const workspaceMessages = { en, fr };
