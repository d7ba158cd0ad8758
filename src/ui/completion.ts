/**
 * The shell completion scripts, and what `oneonone __complete` hands back to them. Every script asks the program at each
 * Tab (`oneonone __complete -- <words before> <word being completed>`), which walks the commander tree of src/cli.ts:
 * the scripts themselves know no command, option or value, so a new option is completed without touching them.
 *
 * The answer is one candidate a line, `value<TAB>description` (the description may be left out), and a last line
 * `:files` when file names fit too. Quoting is left to each shell, which knows how the word was opened: bash gets
 * `printf %q` unless the word began with a quote (then readline closes it), zsh's compadd and fish quote by themselves.
 */
import type { Candidate } from '../support/completion.js';
import { scriptHeader, type Shell } from '../messages/completion.js';

const FILES = ':files';

export function printCompletionScript(shell: Shell): void {
  const header = scriptHeader(shell).map((line) => `# ${line}`).join('\n');
  process.stdout.write(`${shell === 'zsh' ? '#compdef oneonone\n' : ''}${header}\n${SCRIPTS[shell]}`);
}

export function printCandidates(candidates: Candidate[], files: boolean): void {
  const flat = (text: string) => text.replace(/[\t\r\n]+/g, ' ');
  const lines = candidates.map(({ value, description }) => (description ? `${flat(value)}\t${flat(description)}` : flat(value)));
  if (files) lines.push(FILES);
  if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
}

const BASH = String.raw`
_oneonone_complete() {
  local cur=${'$'}{COMP_WORDS[COMP_CWORD]} line value files=
  local -a lines
  COMPREPLY=()
  mapfile -t lines < <(oneonone __complete -- "${'$'}{COMP_WORDS[@]:1:COMP_CWORD-1}" "$cur" 2>/dev/null)
  for line in "${'$'}{lines[@]}"; do
    if [[ $line == ${FILES} ]]; then files=1; continue; fi
    value=${'$'}{line%%$'\t'*}
    # Unquoted, the word gets its spaces escaped; opened with a quote, readline closes the quote itself.
    [[ $cur == [\"\']* ]] || printf -v value '%q' "$value"
    COMPREPLY+=("$value")
  done
  if [[ -n $files ]]; then
    compopt -o filenames 2>/dev/null
    mapfile -t -O "${'$'}{#COMPREPLY[@]}" COMPREPLY < <(compgen -f -- "$cur")
  fi
  return 0
}
# nosort keeps the program's order (the ladder's rungs, follow-ups first); bash before 4.4 has no such option.
complete -o nosort -F _oneonone_complete oneonone 2>/dev/null || complete -F _oneonone_complete oneonone
`;

const ZSH = String.raw`
_oneonone() {
  local -a lines values shown
  local line value files=0
  lines=("${'$'}{(@f)$(oneonone __complete -- "${'$'}{(@Q)words[2,CURRENT-1]}" "${'$'}{words[CURRENT]}" 2>/dev/null)}")
  for line in $lines; do
    [[ -z $line ]] && continue
    if [[ $line == ${FILES} ]]; then files=1; continue; fi
    value=${'$'}{line%%$'\t'*}
    values+=("$value")
    if [[ $line == *$'\t'* ]]; then shown+=("$value  -- ${'$'}{line#*$'\t'}"); else shown+=("$value"); fi
  done
  # -U: the program has already kept the candidates that fit (a name by any of its words), so zsh must not narrow them;
  # and when they do not all start as the word does, zsh would put their common start (maybe nothing) in its place.
  (( ${'$'}{#values} )) && compadd -U -V oneonone -l -d shown -a values
  local typed=${'$'}{(L)${'$'}{(Q)PREFIX}} each
  if (( ${'$'}{#values} > 1 )); then
    for each in $values; do [[ ${'$'}{(L)each} == "$typed"* ]] || { compstate[insert]=; break }; done
  fi
  (( files )) && _files
  return 0
}
if [[ "${'$'}{funcstack[1]}" == _oneonone ]]; then
  _oneonone "$@"
else
  compdef _oneonone oneonone
fi
`;

const FISH = String.raw`
function __oneonone_complete
    set -l words (commandline -opc)
    set -e words[1]
    set -l current (commandline -ct)
    for line in (oneonone __complete -- $words "$current" 2>/dev/null)
        if test "$line" = ${FILES}
            __fish_complete_path "$current"
        else
            printf '%s\n' $line
        end
    end
end
complete -c oneonone -f -a '(__oneonone_complete)'
`;

const SCRIPTS: Record<Shell, string> = { bash: BASH, zsh: ZSH, fish: FISH };
