// Starts GOV.UK Frontend's components; a file of its own so no inline script is needed.
import { initAll } from "/assets/govuk-frontend.min.js"
initAll()
