const en = {
  home: {
    comingSoon:
      'Managing your unit’s team and following its footprint: these features arrive in a later version.',
  },
};

const fr: typeof en = {
  home: {
    comingSoon:
      'La gestion de l’équipe de votre unité et le suivi de son bilan arrivent dans une prochaine version.',
  },
};

export const messages = { en, fr };
