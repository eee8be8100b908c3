/** A bad setting: start-up stops with this message, which names the key (and its environment variable). */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
