// Flag parsing with cobra's rules and messages: `--name value`, `--name=value`, `-o json`,
// `-ojson`, booleans without a value, repeatable slices, and the same error texts.

import { CliError } from './runtime.mjs';

export const GLOBAL_FLAGS = {
  timeout: { type: 'int', default: 300 },
  'dry-run': { type: 'bool', default: false },
  kubeconfig: { type: 'string', default: '' },
  help: { type: 'bool', short: 'h', default: false },
};

function convert(name, type, raw, previous) {
  const fail = (detail) =>
    new CliError(`invalid argument "${raw}" for "--${name}" flag: ${detail}`);
  switch (type) {
    case 'bool':
      if (/^(1|t|T|TRUE|true|True)$/.test(raw)) return true;
      if (/^(0|f|F|FALSE|false|False)$/.test(raw)) return false;
      throw fail(`strconv.ParseBool: parsing "${raw}": invalid syntax`);
    case 'int':
      if (!/^[+-]?\d+$/.test(raw)) throw fail(`strconv.ParseInt: parsing "${raw}": invalid syntax`);
      return Number(raw);
    case 'stringSlice':
      return [...(previous ?? []), ...(raw === '' ? [] : raw.split(','))];
    case 'mapStringBool': {
      const map = { ...(previous ?? {}) };
      for (const pair of raw.split(',').filter((p) => p !== '')) {
        const [key, value] = pair.split('=');
        if (value === undefined) throw fail(`${pair} must be formatted as key=value`);
        map[key] = convert(name, 'bool', value);
      }
      return map;
    }
    default:
      return raw;
  }
}

/**
 * Parses `args` against `spec` (name -> { type, short?, default? }) merged with the global flags.
 * Returns the values, the names set in order, and the positional arguments.
 */
export function parseFlags(args, spec) {
  const all = { ...GLOBAL_FLAGS, ...spec };
  const byShort = Object.fromEntries(
    Object.entries(all)
      .filter(([, f]) => f.short)
      .map(([name, f]) => [f.short, name]),
  );
  const values = Object.fromEntries(Object.entries(all).map(([n, f]) => [n, f.default]));
  const set = [];
  const positionals = [];
  const assign = (name, raw) => {
    const previous = set.includes(name) ? values[name] : undefined;
    values[name] = convert(name, all[name].type, raw, previous);
    if (!set.includes(name)) set.push(name);
  };

  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const [name, inline] = splitOnce(arg.slice(2));
      const flag = all[name];
      if (!flag) throw new CliError(`unknown flag: --${name}`);
      if (inline !== undefined) assign(name, inline);
      else if (flag.type === 'bool') assign(name, 'true');
      else if (i + 1 < args.length) assign(name, args[(i += 1)]);
      else throw new CliError(`flag needs an argument: --${name}`);
    } else if (arg.startsWith('-') && arg.length > 1) {
      const letter = arg[1];
      const name = byShort[letter];
      if (!name) throw new CliError(`unknown shorthand flag: '${letter}' in ${arg}`);
      const rest = arg.slice(2).replace(/^=/, '');
      if (rest !== '') assign(name, rest);
      else if (all[name].type === 'bool') assign(name, 'true');
      else if (i + 1 < args.length) assign(name, args[(i += 1)]);
      else throw new CliError(`flag needs an argument: '${letter}' in -${letter}`);
    } else {
      positionals.push(arg);
    }
  }
  return { values, set, positionals };
}

function splitOnce(text) {
  const at = text.indexOf('=');
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

export function requireFlags(parsed, names) {
  const missing = names.filter((n) => !parsed.set.includes(n) || parsed.values[n] === '');
  if (missing.length > 0) {
    throw new CliError(`required flag(s) ${missing.map((n) => `"${n}"`).join(', ')} not set`);
  }
}

/** Splits the command path (`init`, `get token`) from the rest, skipping global flags. */
export function splitCommand(argv, commandNames) {
  const takesValue = new Set(['--timeout', '--kubeconfig']);
  const path = [];
  const rest = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const candidate = [...path, arg].join(' ');
    const known = commandNames.some((c) => c === candidate || c.startsWith(`${candidate} `));
    if (!arg.startsWith('-') && known) {
      path.push(arg);
      continue;
    }
    if (path.length === 0 && !arg.startsWith('-')) {
      throw new CliError(`unknown command "${arg}" for "clusteradm"`);
    }
    rest.push(arg);
    if (takesValue.has(arg) && i + 1 < argv.length) rest.push(argv[(i += 1)]);
  }
  return { command: path.join(' '), rest };
}
