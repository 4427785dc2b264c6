// Tổng quan: for a province id (one segment, "vinh-long") the province overview of every commune and target
// (overview.js); for a commune or any unit beneath one, the commune page (commune.js). The two live in the same panel;
// this page shows one and lets it load.

import { $ } from '../core/dom.js';
import commune from './commune.js';
import overview from './overview.js';

/** A province is a unit id of one segment, as reporting-service reads it. */
export const isProvince = (unitId) => Boolean(unitId) && !unitId.includes('.');

export default {
  tab: 'dashboard',
  init(ctx) {
    overview.init(ctx);
    commune.init(ctx);
  },
  // coming back to the figures shows them fresh (events may have been missed while the stream reconnected)
  show: (ctx) => load(ctx),
  unitChanged: (ctx) => load(ctx),
  refresh: (ctx) => load(ctx)
};

function load(ctx) {
  if (!ctx.unitId) return;
  const province = isProvince(ctx.unitId);
  $('province-view').hidden = !province;
  $('commune-view').hidden = province;
  (province ? overview : commune).load(ctx);
}
