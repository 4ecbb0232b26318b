// Starts GOV.UK Frontend's components, and turns each place select into GOV.UK's accessible
// autocomplete (progressive enhancement: without JavaScript the plain select works); a file of its
// own so no inline script is needed.
import { initAll } from "/assets/govuk-frontend.min.js"
initAll()

for (const select of document.querySelectorAll("select[data-place-picker]")) {
  window.accessibleAutocomplete?.enhanceSelectElement({ selectElement: select, defaultValue: "", showAllValues: true })
}

// The what-if's options (over a thousand): typed for, not scrolled through. What was chosen before
// (a kept scenario) shows in the box; emptying the box means "No change".
for (const select of document.querySelectorAll("select[data-option-picker]")) {
  const chosen = select.options[select.selectedIndex]
  const id = select.id
  window.accessibleAutocomplete?.enhanceSelectElement({
    selectElement: select,
    defaultValue: chosen && chosen.value ? chosen.textContent : "",
    minLength: 2,
    showNoOptionsFound: true,
    tNoResults: () => "No option has that name, town or district",
  })
  document.getElementById(id)?.addEventListener("input", (event) => {
    if (!event.target.value.trim()) select.value = ""
  })
}
