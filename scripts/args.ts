// The command line of a script or a benchmark: its arguments, and its `--name=value` options.

/** The arguments after the script's path. */
export const args: readonly string[] = process.argv.slice(2);

/** The value of `--name=value`, or undefined where it is not given. */
export function option(name: string): string | undefined {
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}
