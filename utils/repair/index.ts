/**
 * Garbled-text repair: the page feature, the document functions the integrator can order
 * against conversion, and the pure text functions. Nothing here runs until called.
 */
export { applyRepair, repairCounts, repairFeature, revertRepair } from './feature';
export { repairText, repairTexts, type RepairClass, type TextRepair } from './classes';
export { LOST_MARK } from './common';
