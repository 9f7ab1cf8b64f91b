import type { HttpApp, ModuleContext } from '@petfriendly/core';
import type { VetClinicServices } from './services';

export async function vetClinicPages(_app: HttpApp, _s: VetClinicServices, _ctx: ModuleContext) {}
