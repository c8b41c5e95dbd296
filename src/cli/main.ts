// Entry of the `dossier` command: picks the sub-command; each lives in ./commands.
import { EXIT, UsageError, type CliIo } from './io';
import { printable } from './format';

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  extract: async () => (await import('./commands/extract')).extractCommand,
  check: async () => (await import('./commands/check')).checkCommand,
  pack: async () => (await import('./commands/pack')).packCommand,
  verify: async () => (await import('./commands/verify')).verifyCommand,
  deadlines: async () => (await import('./commands/deadlines')).deadlinesCommand,
};

export const USAGE = `Usage:
  dossier extract FILE... [--json] [--engine tesseract|paddle]
  dossier check DIR [--today YYYY-MM-DD] [--json]
  dossier pack DIR --out FILE.zip [--today YYYY-MM-DD] [--force] [--watermark TEXT] [--signer NAME]
  dossier verify FILE.zip [--trust FINGERPRINT]... [--json]
  dossier deadlines DIR... [--today YYYY-MM-DD] [--json] [--ics FILE] [--holidays FILE]
`;

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`dossier: unknown command "${printable(name)}".\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    const command = await load();
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`dossier ${name}: ${printable(error.message)}\n${USAGE}`);
      return EXIT.usage;
    }
    throw error;
  }
}
