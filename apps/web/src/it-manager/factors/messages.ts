const en = {
  title: 'factors',
};

const fr: typeof en = {
  title: 'factors',
};

export const factorsMessages = { en, fr };
