const en = {
  title: 'system',
};

const fr: typeof en = {
  title: 'system',
};

export const systemMessages = { en, fr };
