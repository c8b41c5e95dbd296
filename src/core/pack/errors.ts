// Errors of pack building and reading: each carries one sentence for the person.

/** A file cannot be brought within the rule pack's limits; names the file. */
export class PackFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'PackFileError';
  }
}

/** The dossier is blocked and the export was not forced. */
export class PackBlockedError extends Error {
  override name = 'PackBlockedError';
}

/** A zip cannot be read as a pack: not a zip, unsafe entry names, over the caps, no manifest. */
export class PackReadError extends Error {
  override name = 'PackReadError';
}

/** The pack would be over the limits `verify` reads (entries, bytes): it is not written. */
export class PackTooLargeError extends Error {
  override name = 'PackTooLargeError';
}
