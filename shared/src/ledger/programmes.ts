/**
 * Programmes that may appear in the ledger and on the 幸福清单: every entry of the one programme
 * table (../programmes.ts), under the ledger's names.
 */
import { PROGRAMMES, programmeInfo, isKnownProgramme, type ProgrammeInfo } from '../programmes';

export type { ProgrammeCategory } from '../programmes';
export type LedgerProgramme = ProgrammeInfo;

export const LEDGER_PROGRAMMES: readonly LedgerProgramme[] = PROGRAMMES;
export const ledgerProgramme = programmeInfo;
export const isLedgerProgramme = isKnownProgramme;
