/** A problem in source data; the message names the file and the place, so a failed build says what to fix. */
export class SourceError extends Error {
  constructor(
    readonly file: string,
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${file}: ${where}: ${problem}`);
    this.name = 'SourceError';
  }
}
