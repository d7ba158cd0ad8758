import { createInterface } from 'node:readline';
import { checklistPlain } from '../messages/scorecard.js';
import { askWords } from '../messages/start.js';
import { promptsInLanguage } from './prompts-in.js';

/** Named like inquirer's, so one check catches Ctrl-C from either kind of prompt. */
class ExitPromptError extends Error {
  override name = 'ExitPromptError';
}

/** Questions the meeting asks, the same whether drawn by inquirer or asked as plain lines. */
export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

export interface TextQuestion {
  default?: string;
  /** true when the answer will do; otherwise what is wrong with it, in words. */
  validate?: (answer: string) => true | string;
}

export interface Asker {
  readonly plain: boolean;
  text(message: string, options?: TextQuestion): Promise<string>;
  select<T>(message: string, choices: Choice<T>[], defaultValue?: T): Promise<T>;
  /** Every choice starts ticked; the answer is what stayed ticked. */
  keep<T>(message: string, choices: Choice<T>[]): Promise<T[]>;
  /** Every choice starts unticked; the answer is what was ticked. */
  tick<T>(message: string, choices: Choice<T>[]): Promise<T[]>;
  /** Type to narrow `choicesFor(term)`. */
  search<T>(message: string, choicesFor: (term: string) => Choice<T>[]): Promise<T>;
  confirm(message: string, defaultValue?: boolean): Promise<boolean>;
  say(text: string): void;
}

/** Redrawn prompts (arrows, type-to-search); the module loads only when the first question is asked. */
export function inquirerAsker(): Asker {
  const prompts = promptsInLanguage;
  return {
    plain: false,
    async text(message, options = {}) {
      const { input } = await prompts();
      return input({ message, default: options.default, validate: options.validate });
    },
    async select(message, choices, defaultValue) {
      const { select } = await prompts();
      return select({ message, choices, default: defaultValue, pageSize: pageSize(), loop: false });
    },
    async keep(message, choices) {
      const { checkbox } = await prompts();
      return checkbox({ message, choices: choices.map((choice) => ({ ...choice, checked: true })), pageSize: pageSize(), loop: false });
    },
    async tick(message, choices) {
      const { checkbox } = await prompts();
      return checkbox({ message, choices, pageSize: pageSize(), loop: false });
    },
    async search(message, choicesFor) {
      const { search } = await prompts();
      return search({ message, source: (term) => choicesFor(term ?? ''), pageSize: pageSize() });
    },
    async confirm(message, defaultValue = true) {
      const { confirm } = await prompts();
      return confirm({ message, default: defaultValue });
    },
    say(text) {
      process.stdout.write(`${text}\n`);
    },
  };
}

function pageSize(): number {
  return Math.max(4, Math.min(12, (process.stdout.rows ?? 24) - 6));
}

/**
 * One line per question, no redraw: for screen readers, logs and TERM=dumb. Choices are numbered;
 * Ctrl-C (a SIGINT in line mode) rejects like inquirer's prompts do.
 */
export function plainAsker(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Asker {
  const say = (text: string) => void output.write(`${text}\n`);

  const line = (question: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const rl = createInterface({ input, output, terminal: false });
      const onSigint = () => finish(() => reject(new ExitPromptError('User force closed the prompt with Ctrl-C')));
      const onLine = (answer: string) => finish(() => resolve(answer));
      const onClose = () => finish(() => reject(new ExitPromptError('The input closed before the answer')));
      const finish = (settle: () => void) => {
        process.removeListener('SIGINT', onSigint);
        // Only ours: readline's own 'close' listener is what takes its data, end and error listeners off the input.
        rl.off('line', onLine).off('close', onClose).off('SIGINT', onSigint);
        rl.close();
        settle();
      };
      process.on('SIGINT', onSigint);
      rl.on('SIGINT', onSigint);
      rl.once('line', onLine);
      rl.once('close', onClose);
      output.write(question);
    });

  const pick = async <T>(message: string, choices: Choice<T>[], defaultValue?: T): Promise<T> => {
    const fallback = choices.findIndex((choice) => choice.value === defaultValue);
    const words = askWords();
    say(message);
    choices.forEach((choice, index) => say(`  ${index + 1}. ${choice.name}${choice.description ? ` (${choice.description})` : ''}`));
    for (;;) {
      const answer = (await line(`${words.number}${fallback >= 0 ? ` [${fallback + 1}]` : ''}: `)).trim();
      if (answer === '' && fallback >= 0) return choices[fallback]!.value;
      const byNumber = /^\d+$/.test(answer) ? choices[Number(answer) - 1] : undefined;
      const byName = choices.find((choice) => choice.name.toLowerCase() === answer.toLowerCase());
      const chosen = byNumber ?? byName;
      if (chosen) return chosen.value;
      say(words.typeANumber(choices.length));
    }
  };

  return {
    plain: true,
    async text(message, options = {}) {
      for (;;) {
        const answer = await line(`${message}${options.default ? ` [${options.default}]` : ''} `);
        const value = answer.trim() === '' && options.default !== undefined ? options.default : answer;
        const check = options.validate?.(value) ?? true;
        if (check === true) return value;
        say(check);
      }
    },
    select: pick,
    async keep(message, choices) {
      say(message);
      choices.forEach((choice, index) => say(`  ${index + 1}. ${choice.name}`));
      for (;;) {
        const answer = (await line(askWords().numbersToDrop)).trim();
        const numbers = answer === '' ? [] : answer.split(/[\s,]+/).map(Number);
        if (numbers.every((n) => Number.isInteger(n) && n >= 1 && n <= choices.length)) {
          return choices.filter((_, index) => !numbers.includes(index + 1)).map((choice) => choice.value);
        }
        say(askWords().typeNumbers(choices.length));
      }
    },
    async tick(message, choices) {
      say(message);
      choices.forEach((choice, index) => say(`  ${index + 1}. ${choice.name}`));
      for (;;) {
        const answer = (await line(checklistPlain())).trim();
        const numbers = answer === '' ? [] : answer.split(/[\s,]+/).map(Number);
        if (numbers.every((n) => Number.isInteger(n) && n >= 1 && n <= choices.length)) {
          return choices.filter((_, index) => numbers.includes(index + 1)).map((choice) => choice.value);
        }
        say(askWords().typeNumbers(choices.length));
      }
    },
    async search(message, choicesFor) {
      for (;;) {
        const words = askWords();
        const term = (await line(`${message} ${words.typeAName} `)).trim();
        const choices = choicesFor(term);
        if (choices.length === 1) return choices[0]!.value;
        if (choices.length > 1) return pick(words.whichOne, choices);
        say(words.oneLetter);
      }
    },
    async confirm(message, defaultValue = true) {
      const words = askWords();
      for (;;) {
        const answer = (await line(`${message} ${defaultValue ? words.yesNoDefaultYes : words.yesNoDefaultNo} `)).trim().toLowerCase();
        if (answer === '') return defaultValue;
        if (words.yes.includes(answer)) return true;
        if (words.no.includes(answer)) return false;
        say(words.typeYesOrNo);
      }
    },
    say,
  };
}
