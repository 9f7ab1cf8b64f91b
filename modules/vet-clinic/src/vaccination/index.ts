export { addLocalMonths, addLocalWeeks } from './dates';
export * from './protocols';
export * from './schedule';
export * from './vaccination.i18n';
