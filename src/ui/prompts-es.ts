/**
 * The same five prompts with Inquirer's own Spanish chrome (Sí/No, "navegar", "seleccionar"), from @inquirer/i18n;
 * loaded only when a Spanish run asks its first question.
 */
import { locale } from '@inquirer/i18n/es';
import { checkbox as checkboxPrompt } from '@inquirer/prompts';
import { styleText } from 'node:util';

export { confirm, input, search, select } from '@inquirer/i18n/es';

/** i18n words the checkbox's labels but leaves its key named "space"; the organizer reads "espacio". */
const KEYS: Record<string, string> = { space: 'espacio' };
const LABELS: Record<string, string> = {
  navigate: locale.checkbox.helpNavigate, select: locale.checkbox.helpSelect, submit: locale.checkbox.helpSubmit,
  all: locale.checkbox.helpAll, invert: locale.checkbox.helpInvert,
};

export const checkbox: typeof checkboxPrompt = (config, context) =>
  checkboxPrompt({
    ...config,
    theme: {
      ...config.theme,
      style: {
        ...config.theme?.style,
        keysHelpTip: (keys: [string, string][]) =>
          keys.map(([key, label]) => `${styleText('bold', KEYS[key] ?? key)} ${styleText('dim', LABELS[label] ?? label)}`).join(styleText('dim', ' • ')),
      },
    },
  }, context);
