// A failure of a workspace action that a person can act on, with a reason the interface
// words in its own language (the message is English, for logs and tests).

/** i18n key `workspace.error.<reason>`. */
export type WorkspaceErrorReason =
  'page-missing' | 'export-blocked' | 'export-file' | 'save-failed' | 'changed-since-shown';

export class WorkspaceError extends Error {
  override name = 'WorkspaceError';
  constructor(
    readonly reason: WorkspaceErrorReason,
    message: string,
    /** The figures and names the sentence uses (page number, file name, the host's detail). */
    readonly values: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
  }
}
