// Before any test file starts: build the web app when the browser tests will run and the build is
// missing or stale, so no server starts while dist/web is being rewritten.
import { buildWeb } from '../web/build.ts';
import { hasChromium } from './browser/support.ts';

export default async function setup(): Promise<void> {
  if (hasChromium) await buildWeb({ quiet: true });
}
