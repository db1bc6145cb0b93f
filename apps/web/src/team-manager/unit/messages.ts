const en = {
  pickTitle: 'Choose a unit',
  pickIntro: 'You manage these units: their team, validation, imports and exports.',
  noUnit:
    'The Team manager is for the people responsible for a unit (principals), and you manage no unit.',
  noUnitHint:
    'To enter your own data, use the CO₂ Calculator. If you should manage a unit, ask your faculty’s sustainability officer.',
  openCalculator: 'Open the CO₂ Calculator',
  notManaged: 'You do not manage this unit.',
  change: 'Change unit',
  sections: 'Sections of the unit',
  section: {
    team: 'Team',
    validation: 'Validation',
    imports: 'Imports',
    exports: 'Exports',
  },
  year: 'Year',
  openInCalculator: 'Open in the Calculator',
};

const fr: typeof en = {
  pickTitle: 'Choisissez une unité',
  pickIntro:
    'Vous gérez ces unités : leur équipe, leur validation, leurs imports et leurs exports.',
  noUnit:
    'La gestion d’équipe est destinée aux responsables d’unité, et vous ne gérez aucune unité.',
  noUnitHint:
    'Pour saisir vos propres données, utilisez le Calculateur CO₂. Si vous devriez gérer une unité, adressez-vous au ou à la responsable durabilité de votre faculté.',
  openCalculator: 'Ouvrir le Calculateur CO₂',
  notManaged: 'Vous ne gérez pas cette unité.',
  change: 'Changer d’unité',
  sections: 'Sections de l’unité',
  section: {
    team: 'Équipe',
    validation: 'Validation',
    imports: 'Imports',
    exports: 'Exports',
  },
  year: 'Année',
  openInCalculator: 'Ouvrir dans le Calculateur',
};

export const unitMessages = { en, fr };
