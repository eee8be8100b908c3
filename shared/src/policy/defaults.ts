/**
 * Used where a region publishes no multiple for near-dibao households. In a file of its own so the
 * estimate on the phone does not pull the TypeBox schemas into its bundle.
 */
export const DEFAULT_DIBAO_EDGE_MULTIPLE = 1.5;
