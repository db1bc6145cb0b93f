const en = {
  title: 'imports',
};

const fr: typeof en = {
  title: 'imports',
};

export const importsMessages = { en, fr };
