// The tabs as an ARIA tablist (WAI-ARIA Authoring Practices, automatic activation): the selected tab alone is in the
// Tab order (roving tabindex); Left/Right move to the previous/next visible tab and select it, Home/End to the first
// and last; the panels are tabpanels labelled by their tab.

/** Wires the tablist {@code list}; {@code onSelect(name)} is called when a tab is chosen by click or key. */
export function wireTabs(list, onSelect) {
  list.addEventListener('click', (e) => {
    const tab = e.target.closest('[role="tab"]');
    if (tab) onSelect(tab.dataset.tab);
  });
  list.addEventListener('keydown', (e) => {
    const tabs = visibleTabs(list);
    const index = tabs.indexOf(e.target.closest('[role="tab"]'));
    if (index < 0) return;
    const target = {
      ArrowLeft: tabs[(index - 1 + tabs.length) % tabs.length], ArrowRight: tabs[(index + 1) % tabs.length],
      Home: tabs[0], End: tabs[tabs.length - 1]
    }[e.key];
    if (!target) return;
    e.preventDefault();
    onSelect(target.dataset.tab);
    target.focus();
  });
}

/** Marks {@code name} selected (aria-selected, tabindex 0) and shows its panel only. */
export function selectTab(list, name) {
  for (const tab of list.querySelectorAll('[role="tab"]')) {
    const active = tab.dataset.tab === name;
    tab.setAttribute('aria-selected', String(active));
    tab.tabIndex = active ? 0 : -1;
    document.getElementById(tab.getAttribute('aria-controls')).hidden = !active;
  }
}

/** The tab names a user can reach (a tab hidden for the user's role is not). */
export function tabNames(list) {
  return visibleTabs(list).map((tab) => tab.dataset.tab);
}

function visibleTabs(list) {
  return [...list.querySelectorAll('[role="tab"]')].filter((tab) => !tab.hidden);
}
