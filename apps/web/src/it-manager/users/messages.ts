const en = {
  title: 'users',
};

const fr: typeof en = {
  title: 'users',
};

export const usersMessages = { en, fr };
