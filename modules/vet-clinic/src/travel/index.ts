export * from './requirements';
export * from './checklist';
export { assessRabies } from './rabies';
export * from './travel.i18n';
