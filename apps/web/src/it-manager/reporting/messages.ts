const en = {
  title: 'reporting',
};

const fr: typeof en = {
  title: 'reporting',
};

export const reportingMessages = { en, fr };
