import { afterAll, beforeAll } from 'vitest';
import type { Driver } from './drivers';
import { startServer, type PageServer } from './server';

/** Launches the browser with the extension, and the page server, around one describe block. */
export function useBrowser(driver: Driver, files?: () => Promise<Record<string, Uint8Array>>): { server: () => PageServer } {
  let server: PageServer | undefined;
  beforeAll(async () => {
    server = await startServer(files ? await files() : {});
    await driver.launch();
  });
  afterAll(async () => {
    await driver.close();
    await server?.close();
  });
  return {
    server: () => {
      if (!server) throw new Error('page server not started');
      return server;
    },
  };
}
