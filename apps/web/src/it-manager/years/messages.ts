const en = {
  title: 'years',
};

const fr: typeof en = {
  title: 'years',
};

export const yearsMessages = { en, fr };
