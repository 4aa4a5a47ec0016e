/**
 * The rule for when a section's own tags count in coverage, in a module of its own so the client can show it
 * without loading the taxonomy (shared/report/coverage.ts reads the generated data).
 */

/** A section's own tags count once its body (notes left out) has this many words; before, it is "tagged, not written". */
export const WRITTEN_SECTION_WORDS = 30;
