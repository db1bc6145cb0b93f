const en = {
  title: 'audit',
};

const fr: typeof en = {
  title: 'audit',
};

export const auditMessages = { en, fr };
