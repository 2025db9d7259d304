import { translate, type MessageKey, type MessageParams } from '../../core/i18n';
import type { LocalizedText } from '../../core/validation';

/** A catalogue message in both languages, for notices that outlive a language switch. */
export function bilingual(key: MessageKey, params?: MessageParams): LocalizedText {
  return { id: translate('id', key, params), en: translate('en', key, params) };
}
