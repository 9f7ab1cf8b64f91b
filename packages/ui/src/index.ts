export * from './assets';
export * from './charts';
export * from './components';
export * from './http';
export { uiMessages } from './i18n';
export * from './icons';
export * from './layout';
export * from './uploads';
