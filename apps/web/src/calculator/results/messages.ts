const en = {
  title: 'results',
};

const fr: typeof en = {
  title: 'results',
};

export const resultsMessages = { en, fr };
