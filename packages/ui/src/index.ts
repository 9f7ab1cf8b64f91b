export * from './layout';
export * from './components';
export * from './charts';
export { uiMessages } from './i18n';
import { fileURLToPath } from 'node:url';
/** CSS, htmx and the small page script, served under /static. */
export const STATIC_DIR = fileURLToPath(new URL('../static', import.meta.url));
export * from './http';
