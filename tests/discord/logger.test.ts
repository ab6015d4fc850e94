import { describe, expect, it } from 'vitest';

import { createLogger } from '../../src/adapters/discord/logger.ts';

const TOKEN = 'MTA5ODc2NTQzMjEw.GhIjKl.secret-token_value';

function capture() {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'debug',
    secrets: [TOKEN],
    destination: { write: (l: string) => lines.push(l) },
  });
  return { logger, text: () => lines.join('') };
}

describe('GIVEN the bot token somewhere in a log record', () => {
  it('THEN it is replaced in an error cause chain ten levels deep', () => {
    const { logger, text } = capture();
    let error = new Error(`request failed with Bot ${TOKEN}`);
    for (let i = 0; i < 10; i++) error = new Error(`level ${i}`, { cause: error });
    logger.error({ err: error }, 'failed');
    expect(text()).toContain('[redacted]');
    expect(text()).toContain('level 0');
    expect(text()).not.toContain(TOKEN);
  });

  it('THEN it is replaced in any field, nested objects, arrays and the message', () => {
    const { logger, text } = capture();
    logger.warn(
      { request: { deep: { deeper: { deepest: [{ auth: `Bot ${TOKEN}` }] } } }, url: `https://x/${TOKEN}` },
      `token was ${TOKEN}`,
    );
    logger.info(`plain ${TOKEN}`);
    expect(text().match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(4);
    expect(text()).not.toContain(TOKEN);
  });

  it('THEN interaction tokens in URLs and token fields are removed too', () => {
    const { logger, text } = capture();
    logger.error({ token: 'aW50ZXJhY3Rpb246MTIz', url: '/interactions/123/aW50ZXJhY3Rpb246MTIz/callback' });
    expect(text()).not.toContain('aW50ZXJhY3Rpb246MTIz');
  });
});
