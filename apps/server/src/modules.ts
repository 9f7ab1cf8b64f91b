import { accountsModule } from '@petfriendly/accounts';
import { appointmentsModule } from '@petfriendly/appointments';
import { vetClinicModule } from '@petfriendly/vet-clinic';

/** Every installed module; the kernel orders them by their dependencies. */
export const modules = [accountsModule, vetClinicModule, appointmentsModule];
