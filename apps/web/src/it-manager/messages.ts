const en = {
  home: {
    comingSoon:
      'Years, factor sets, imports, reporting and users: these features arrive in a later version.',
  },
};

const fr: typeof en = {
  home: {
    comingSoon:
      'Années, jeux de facteurs, imports, rapports et utilisateurs : ces fonctions arrivent dans une prochaine version.',
  },
};

export const messages = { en, fr };
