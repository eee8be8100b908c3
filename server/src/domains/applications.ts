import type { DomainPlugin } from './types';

/** Placeholder: filled in by the applications issue. */
export const applicationDomain: DomainPlugin = async () => {};
