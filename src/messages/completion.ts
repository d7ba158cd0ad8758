/** The English of shell completion: what a Tab shows beside an id, and the lines that open each script. */
import type { AgendaKind } from '../people/agenda.js';

const ID_WORDS: Record<AgendaKind, string> = {
  followup: 'follow-up with',
  ask: 'ask check-in with',
  cadence: 'time for a 1:1 with',
};

/** Beside F12 in zsh's and fish's list: "follow-up with Ana Ruiz". */
export function openIdWords(kind: AgendaKind, person: string): string {
  return `${ID_WORDS[kind]} ${person}`;
}

export type Shell = 'bash' | 'zsh' | 'fish';

const PLACES: Record<Shell, string[]> = {
  bash: [
    'oneonone completion bash > ~/.local/share/bash-completion/completions/oneonone',
    '(or add to ~/.bashrc: eval "$(oneonone completion bash)")',
  ],
  zsh: [
    'oneonone completion zsh > ~/.zfunc/_oneonone, with fpath=(~/.zfunc $fpath) before compinit in ~/.zshrc',
    '(or add to ~/.zshrc, after compinit: eval "$(oneonone completion zsh)")',
  ],
  fish: ['oneonone completion fish > ~/.config/fish/completions/oneonone.fish'],
};

/** The comment lines at the top of a script: what it is and where to put it. */
export function scriptHeader(shell: Shell): string[] {
  return [`oneonone completion for ${shell}. To install it:`, ...PLACES[shell].map((line) => `  ${line}`)];
}
