import type { HttpApp } from '@petfriendly/core';
import type { LoyaltyServices } from '../services';

export async function loyaltyPages(_app: HttpApp, _s: LoyaltyServices) {}
