/** The words of a date refused: what was typed, why it is not a date to use, and forms that are. */
import { addDays, format } from 'date-fns';

/** Why a date that was read cannot be used. */
export type DateFault = 'year-out-of-range' | 'no-such-day';

export interface DateRefusalWords {
  message: string;
  hint: string;
}

export interface DateWords {
  /** Forms to suggest, made from today: moments to come (with a time of day unless needsTime is false), or days gone. */
  examples(now: Date, options: { future?: boolean; needsTime?: boolean }): string[];
  unreadable(field: string, input: string, examples: string[]): DateRefusalWords;
  invalid(field: string, input: string, fault: DateFault, examples: string[]): DateRefusalWords;
  /** `dayAt`: the hour a day without a time of day stands for, when the input gave no time. */
  past(field: string, input: string, moment: Date, dayAt: number | null, examples: string[]): DateRefusalWords;
}

const FAULTS: Record<DateFault, string> = { 'year-out-of-range': 'the year is out of range', 'no-such-day': 'that day or time does not exist' };

export const DATES: DateWords = {
  examples: (now, options) => {
    if (!options.future) {
      const weekAgo = format(addDays(now, -7), 'yyyy-MM-dd');
      return ['yesterday', `${weekAgo} 18:00`, weekAgo, '3 days ago', 'last monday 6pm'];
    }
    const nextWeek = format(addDays(now, 7), 'yyyy-MM-dd');
    const withTime = ['tomorrow 6pm', `${nextWeek} 19:00`, 'next friday 5pm', `5 pm on ${format(addDays(now, 16), 'MMMM do')}`];
    return options.needsTime === false ? [...withTime.slice(0, 2), 'tomorrow', nextWeek, ...withTime.slice(2)] : withTime;
  },
  unreadable: (field, input, examples) => ({ message: `the ${field} "${input}" is not a date I can read`, hint: `try ${listed(examples, 'or')}` }),
  invalid: (field, input, fault, examples) => ({ message: `the ${field} "${input}" is not valid: ${FAULTS[fault]}`, hint: `try ${listed(examples, 'or')}` }),
  past: (field, input, moment, dayAt, examples) => ({
    message: `the ${field} "${input}" is in the past (${format(moment, 'yyyy-MM-dd HH:mm')})`,
    hint: `${dayAt === null ? '' : `a day without a time of day means ${dayAt}:00 that day; `}give a moment still to come, e.g. ${listed(examples.slice(0, 2), 'or')}`,
  }),
};

/** "a", "b" or "c", each quoted as it is to be typed. */
export function listed(forms: string[], or: string): string {
  const quoted = forms.map((form) => `"${form}"`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} ${or} ${quoted.at(-1)}` : (quoted[0] ?? '');
}
