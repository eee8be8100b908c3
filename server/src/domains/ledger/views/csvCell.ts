/** The ledger's CSV cells are the core's (formula-safe, RFC 4180): one rule for every CSV the product writes. */
export { csvCell, csvLine } from '../../../core/imports/csv';
