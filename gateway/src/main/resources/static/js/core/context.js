// The small state every page shares: who is signed in, the units they may see, the selected unit and year.
// main.js owns the selection; pages read it and call ctx.refreshFigures() after a change that moves the figures.

import { el } from './dom.js';

export const ctx = {
  token: null,
  claims: null,
  /** The units within the token's scopes ({unitId, name, parentId, channels, …}), sorted by id. */
  units: [],
  unitId: null,
  year: null,
  tab: 'dashboard',
  // the plans tab's current plan page, form and import review (shared by plans.js, plan-form.js, plan-import.js)
  plan: null,
  form: null,
  review: null,
  /** Reloads the dashboard's and the task list's figures; set by main.js. */
  refreshFigures: () => {}
};

/** What a role may change (docs/security.md, platform-security's Action); reading is open to every role. */
const WRITERS = {
  RECORD_PUBLICATIONS: ['PROVINCE_ADMIN', 'COORDINATOR', 'EDITOR'],
  MANAGE_PLANS_AND_TASKS: ['PROVINCE_ADMIN', 'COORDINATOR']
};

/** Whether the signed-in user's roles (token claim "roles") allow {@code action} within their units. */
export function can(action) {
  const roles = ctx.claims && Array.isArray(ctx.claims.roles) ? ctx.claims.roles : [];
  return roles.some((role) => (WRITERS[action] || []).includes(role));
}

export function unitName(unitId) {
  if (!unitId) return '';
  const unit = ctx.units.find((u) => u.unitId === unitId);
  return unit && unit.name ? unit.name : unitId;
}

export function refName(ref) {
  if (!ref) return '';
  return ref.name || unitName(ref.unitId);
}

/** {unitId: name} of the user's units, for a select. */
export function unitMap() {
  return Object.fromEntries(ctx.units.map((u) => [u.unitId, u.name || u.unitId]));
}

/** <option>s of the user's units, indented by depth under the topmost. */
export function unitOptions() {
  const depthOf = (unit) => unit.unitId.split('.').length;
  const top = Math.min(...ctx.units.map(depthOf));
  return ctx.units.map((unit) => el('option', {
    value: unit.unitId, text: '\u00a0\u00a0'.repeat(depthOf(unit) - top) + (unit.name || unit.unitId)
  }));
}
