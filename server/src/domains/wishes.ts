import type { DomainPlugin } from './types';

/** Placeholder: filled in by the wishes issue. */
export const wishDomain: DomainPlugin = async () => {};
