import { createI18n } from 'vue-i18n';
import { sharedMessages, type SharedMessages } from './shared-messages';

/** Messages of one app or feature, complete in both languages (French typed after English). */
export interface MessagePair<M extends object> {
  en: M;
  fr: M;
}

/** vue-i18n with the shared messages plus the app's own, merged at the top level. */
export function createAppI18n<M extends object>(app: MessagePair<M>) {
  return createI18n<[SharedMessages & M], 'en' | 'fr', false>({
    legacy: false,
    locale: 'en',
    fallbackLocale: 'en',
    messages: {
      en: { ...sharedMessages.en, ...app.en },
      fr: { ...sharedMessages.fr, ...app.fr },
    },
  });
}
