import type { Command, Option } from 'commander';

/**
 * Shell completion scripts made from commander's command tree (docs/rules/cli.md#completion): the commands,
 * their subcommands and options, and the options every command takes. Nothing is listed by hand, so a new
 * command or option completes without touching this file.
 */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

interface Entry {
  /** "intro" or "intro start". */
  path: string[];
  description: string;
  options: Array<{ flag: string; description: string; takesValue: boolean }>;
}

function optionsOf(command: Command): Entry['options'] {
  return command.options
    .filter((option: Option) => option.long !== undefined && !option.hidden)
    .map((option: Option) => ({
      flag: option.long!,
      description: option.description,
      takesValue: option.required || option.optional,
    }));
}

function entries(program: Command): Entry[] {
  const all: Entry[] = [];
  const walk = (command: Command, path: string[]) => {
    for (const sub of command.commands) {
      const subPath = [...path, sub.name()];
      all.push({ path: subPath, description: sub.description(), options: optionsOf(sub) });
      walk(sub, subPath);
    }
  };
  walk(program, []);
  return all;
}

const quoteSingle = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
/** A description inside zsh's single quotes, with `[`, `]` and `:` escaped for `_arguments` and `_describe`. */
const zshText = (text: string) => text.replace(/[[\]:\\]/g, (c) => `\\${c}`).replace(/'/g, `'\\''`);

function bash(program: Command): string {
  const all = entries(program);
  const global = optionsOf(program).map((option) => option.flag);
  const top = all.filter((entry) => entry.path.length === 1).map((entry) => entry.path[0]);
  const cases = all
    .map((entry) => {
      const words = [
        ...all
          .filter(
            (child) =>
              child.path.length === entry.path.length + 1 &&
              child.path.join(' ').startsWith(`${entry.path.join(' ')} `),
          )
          .map((child) => child.path.at(-1)),
        ...entry.options.map((option) => option.flag),
        ...global,
      ];
      return `    ${quoteSingle(entry.path.join(' '))}) words=${quoteSingle(words.join(' '))} ;;`;
    })
    .join('\n');
  const known = `|${all.map((entry) => entry.path.join(' ')).join('|')}|`;
  return `# tend completion for bash: source <(tend completion bash)
_tend() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" path="" word words candidate i
  local known=${quoteSingle(known)}
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    case "$word" in -*) continue ;; esac
    candidate="\${path:+$path }$word"
    case "$known" in *"|$candidate|"*) path="$candidate" ;; esac
  done
  case "$path" in
${cases}
    *) words=${quoteSingle([...top, ...global].join(' '))} ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o default -F _tend tend
`;
}

function zsh(program: Command): string {
  const all = entries(program);
  const global = optionsOf(program);
  const spec = (options: Entry['options']) =>
    options
      .map(
        (option) =>
          `'${option.flag}[${zshText(option.description)}]${option.takesValue ? ':value:_default' : ''}'`,
      )
      .join(' ');
  const top = all.filter((entry) => entry.path.length === 1);
  const commands = top.map((entry) => `'${entry.path[0]}:${zshText(entry.description)}'`).join(' ');
  const cases = top
    .map((entry) => {
      const subs = all.filter((child) => child.path.length === 2 && child.path[0] === entry.path[0]);
      const subList = subs.map((child) => `'${child.path[1]}:${zshText(child.description)}'`).join(' ');
      const describe = subs.length ? `local -a subs; subs=(${subList}); _describe 'subcommand' subs; ` : '';
      return `    ${entry.path[0]}) ${describe}_arguments ${spec([...entry.options, ...global])} '*:file:_files' ;;`;
    })
    .join('\n');
  return `#compdef tend
# tend completion for zsh: source <(tend completion zsh)
_tend() {
  local -a commands
  commands=(${commands})
  local cmd=\${\${words[2,-1]:#-*}[1]}
  if (( CURRENT == 2 )) || [[ -z "$cmd" || "$cmd" == "\${words[CURRENT]}" ]]; then
    _describe 'command' commands
    _arguments ${spec(global)}
    return
  fi
  case "$cmd" in
${cases}
  esac
}
compdef _tend tend
`;
}

function fish(program: Command): string {
  const all = entries(program);
  const lines = ['# tend completion for fish: tend completion fish | source', 'complete -c tend -f'];
  const top = all.filter((entry) => entry.path.length === 1);
  const topNames = top.map((entry) => entry.path[0]).join(' ');
  for (const option of optionsOf(program))
    lines.push(
      `complete -c tend -l ${option.flag.slice(2)}${option.takesValue ? ' -r' : ''} -d ${quoteSingle(option.description)}`,
    );
  for (const entry of top)
    lines.push(
      `complete -c tend -n "not __fish_seen_subcommand_from ${topNames}" -a ${entry.path[0]} -d ${quoteSingle(entry.description)}`,
    );
  for (const entry of all) {
    const name = entry.path.at(-1)!;
    if (entry.path.length === 2)
      lines.push(
        `complete -c tend -n "__fish_seen_subcommand_from ${entry.path[0]}" -a ${name} -d ${quoteSingle(entry.description)}`,
      );
    for (const option of entry.options)
      lines.push(
        `complete -c tend -n "__fish_seen_subcommand_from ${name}" -l ${option.flag.slice(2)}${option.takesValue ? ' -r' : ''} -d ${quoteSingle(option.description)}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

export function completionScript(program: Command, shell: Shell): string {
  return shell === 'bash' ? bash(program) : shell === 'zsh' ? zsh(program) : fish(program);
}
