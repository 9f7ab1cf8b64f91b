export * from './protocols';
export * from './schedule';
export * from './vaccination.i18n';
export { addLocalMonths, addLocalWeeks } from './dates';
