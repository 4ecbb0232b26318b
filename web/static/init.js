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

// An adviser for one young person (every adviser with room, nearest first): typed for or picked
// from the list the box opens with; what was chosen (the proposal) shows in the box.
for (const select of document.querySelectorAll("select[data-adviser-picker]")) {
  const chosen = select.options[select.selectedIndex]
  window.accessibleAutocomplete?.enhanceSelectElement({
    selectElement: select,
    defaultValue: chosen && chosen.value ? chosen.textContent : "",
    showAllValues: true,
    tNoResults: () => "No adviser with room has that name or town",
  })
}

// A long import's page (import_progress.html) asks for itself again every few seconds and puts the
// new figures in place, in a live region; once the import ends, the whole page is shown. Without
// JavaScript the page refreshes itself (its <noscript> refresh) and has a link to update it now.
const following = document.querySelector("[data-import-progress]")
if (following) {
  const every = 1000 * Number(following.dataset.importProgress)
  const poll = async () => {
    const answer = await fetch(window.location.href, { headers: { Accept: "text/html" } })
    const found = new DOMParser().parseFromString(await answer.text(), "text/html")
    const fresh = found.querySelector("[data-import-progress]")
    if (!fresh) {
      document.title = found.title
      document.querySelector("main").replaceWith(found.querySelector("main"))
      return
    }
    following.querySelector("[role=status]").innerHTML = fresh.querySelector("[role=status]").innerHTML
    setTimeout(poll, every)
  }
  setTimeout(poll, every)
}
