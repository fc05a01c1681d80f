/**
 * The headline figure names under their older names. The registry
 * (./registry.ts) defines the figures; this module only keeps existing imports
 * working.
 */
export {
  FIGURE_NAMES as HEADLINE_FIGURES,
  type FigureName as HeadlineFigure,
  isFigureName as isHeadlineFigure,
} from './registry.js';
