const en = {
  title: 'entries',
};

const fr: typeof en = {
  title: 'entries',
};

export const entriesMessages = { en, fr };
