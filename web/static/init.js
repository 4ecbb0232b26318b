// Starts GOV.UK Frontend's components, and turns each place select into GOV.UK's accessible
// autocomplete (progressive enhancement: without JavaScript the plain select works); a file of its
// own so no inline script is needed.
import { initAll } from "/assets/govuk-frontend.min.js"
initAll()

for (const select of document.querySelectorAll("select[data-place-picker]")) {
  window.accessibleAutocomplete?.enhanceSelectElement({ selectElement: select, defaultValue: "", showAllValues: true })
}
