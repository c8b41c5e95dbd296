// The only paths revealInFolder may show: the ones savePack wrote in this session, after
// the user chose them in a save dialog. A renderer cannot name any other path.
export class SavedPaths {
  // A TypeScript-private field, not #private: the scanner's parser cannot read the built file otherwise.
  private readonly paths = new Set<string>();

  remember(path: string): void {
    this.paths.add(path);
  }

  /** True only for a path savePack returned in this session, compared exactly. */
  has(path: string): boolean {
    return this.paths.has(path);
  }
}
