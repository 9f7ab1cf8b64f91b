export * from './checklist';
export { assessRabies } from './rabies';
export * from './requirements';
export * from './travel.i18n';
