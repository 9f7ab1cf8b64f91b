export * from './charts';
export * from './components';
export { uiMessages } from './i18n';
export * from './layout';

import { fileURLToPath } from 'node:url';
/** CSS, htmx and the small page script, served under /static. */
export const STATIC_DIR = fileURLToPath(new URL('../static', import.meta.url));
export * from './http';
